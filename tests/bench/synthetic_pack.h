// Deterministic synthetic FAQ articles of any size, for benchmarks: N
// sections whose headings and bodies draw on a made-up vocabulary that
// grows with N, plus questions about random sections.
#ifndef FAQBOT_TESTS_BENCH_SYNTHETIC_PACK_H_
#define FAQBOT_TESTS_BENCH_SYNTHETIC_PACK_H_

#include <random>
#include <string>
#include <vector>

namespace faqbot::bench {

class SyntheticArticle {
 public:
  explicit SyntheticArticle(int sections, unsigned seed = 42) : rng_(seed) {
    const int vocab = std::max(400, sections * 4);
    static const char* kSyllables[] = {"ka",  "lo", "mi", "ne",  "po",  "ru",
                                       "sa",  "te", "vi", "zo",  "bra", "cle",
                                       "dro", "fi", "gu", "hes", "jin", "kor"};
    std::uniform_int_distribution<int> syl(0, 17);
    while (static_cast<int>(words_.size()) < vocab) {
      std::string w;
      for (int i = 0; i < 3 + static_cast<int>(words_.size() % 2); ++i) {
        w += kSyllables[syl(rng_)];
      }
      words_.push_back(w);
    }
    text_ = "Is a " + words_[0] + " " + words_[1] + " dangerous?\n" +
            "Generally a " + words_[0] + " " + words_[1] +
            " is harmless, but it has several causes. Details are as "
            "follows:\n";
    for (int s = 1; s <= sections; ++s) {
      const std::string a = Word(), b = words_[(s * 7919) % words_.size()];
      headings_.push_back(a + " " + b);
      text_ += std::to_string(s) + ". " + Capital(a) + " " + b + "\n" +
               Capital(a) + " " + b + " can lead to " + words_[0] + " " +
               Phrase(6) + ". Patients may notice " + Phrase(4) +
               ". Treatment with " + Word() + " tablets is recommended for " +
               Phrase(3) + ".\n";
    }
    text_ += "See a doctor if symptoms appear.\n";
  }

  const std::string& text() const { return text_; }

  // Questions naming random sections, in the ways people ask.
  std::vector<std::string> Questions(int n) {
    static const char* kForms[] = {"what causes %s", "how is %s treated",
                                   "is %s dangerous", "tell me about %s",
                                   "what are the symptoms of %s"};
    std::vector<std::string> out;
    std::uniform_int_distribution<std::size_t> pick(0, headings_.size() - 1);
    for (int i = 0; i < n; ++i) {
      std::string form = kForms[i % 5];
      form.replace(form.find("%s"), 2, headings_[pick(rng_)]);
      out.push_back(form);
    }
    return out;
  }

 private:
  std::string Word() {
    // Zipf-like: low indexes are far more common.
    std::uniform_real_distribution<double> u(0, 1);
    const double r = u(rng_);
    return words_[static_cast<std::size_t>(r * r * r * words_.size())];
  }
  std::string Phrase(int n) {
    std::string p;
    for (int i = 0; i < n; ++i) p += (i ? " " : "") + Word();
    return p;
  }
  static std::string Capital(std::string s) {
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
  }

  std::mt19937 rng_;
  std::vector<std::string> words_;
  std::vector<std::string> headings_;
  std::string text_;
};

}  // namespace faqbot::bench

#endif  // FAQBOT_TESTS_BENCH_SYNTHETIC_PACK_H_
