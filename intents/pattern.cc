#include "intents/pattern.h"

#include <cctype>
#include <stdexcept>

#include "intents/normalizer.h"

namespace faqbot::intents {
namespace {

// Recursive-descent compiler over the pattern text.
class PatternCompiler {
 public:
  PatternCompiler(std::string_view text, const PhraseAnalyzer& analyze)
      : text_(text), analyze_(analyze) {}

  Result<std::string> Run() {
    std::string body = Alternatives(0);
    if (!error_.empty()) return std::unexpected(Error::ParseError(error_));
    if (pos_ < text_.size()) {
      return std::unexpected(Error::ParseError(
          std::string("unexpected '") + text_[pos_] + "' at column " +
          std::to_string(pos_ + 1) + "; it closes nothing that was opened"));
    }
    if (body.empty()) {
      return std::unexpected(
          Error::ParseError("the pattern is empty; write at least one word"));
    }
    return " " + body;
  }

 private:
  // alternatives := sequence ('|' sequence)*, ended by `close` or the end.
  std::string Alternatives(char close) {
    std::vector<std::string> alts;
    while (error_.empty()) {
      std::string seq = Sequence(close);
      if (seq.empty() && error_.empty()) {
        Fail(
            "an alternative is empty (check for '||' or '|' next to a "
            "bracket)");
      }
      alts.push_back(std::move(seq));
      if (pos_ < text_.size() && text_[pos_] == '|') {
        ++pos_;
        continue;
      }
      break;
    }
    if (alts.size() == 1) return alts[0];
    std::string out = "(?:";
    for (std::size_t i = 0; i < alts.size(); ++i) {
      if (i) out += '|';
      out += alts[i];
    }
    return out + ")";
  }

  std::string Sequence(char close) {
    std::string out;
    std::string phrase;
    const auto flush = [&] {
      if (phrase.find_first_not_of(' ') == std::string::npos) {
        phrase.clear();
        return;
      }
      const auto terms = analyze_(phrase);
      if (terms.empty()) {
        Fail("\"" + phrase + "\" has no letters or digits to match");
      }
      for (const auto& t : terms) out += RE2::QuoteMeta(t) + " ";
      phrase.clear();
    };
    while (pos_ < text_.size() && error_.empty()) {
      const char c = text_[pos_];
      if (c == '|' || (close && c == close)) break;
      if (c == ')' || c == ']') break;  // reported by the caller
      if (c == '(' || c == '[') {
        flush();
        const std::size_t open_at = pos_++;
        const char want = c == '(' ? ')' : ']';
        std::string inner = Alternatives(want);
        if (!error_.empty()) break;
        if (pos_ >= text_.size() || text_[pos_] != want) {
          Fail(std::string("'") + c + "' at column " +
               std::to_string(open_at + 1) + " is never closed; add '" + want +
               "'");
          break;
        }
        ++pos_;
        out += c == '(' ? "(?:" + inner + ")" : "(?:" + inner + ")?";
      } else if (c == '/') {
        flush();
        const std::size_t end = text_.find('/', pos_ + 1);
        if (end == std::string_view::npos) {
          Fail("the regex starting at column " + std::to_string(pos_ + 1) +
               " has no closing '/'");
          break;
        }
        out +=
            "(?:" + std::string(text_.substr(pos_ + 1, end - pos_ - 1)) + ") ";
        pos_ = end + 1;
      } else if (text_.substr(pos_, 3) == "...") {
        flush();
        out += "(?:\\S+ ){0,4}";
        pos_ += 3;
      } else if (c == '*') {
        // A prefix: the word just read, unstemmed, then any letters.
        const std::size_t space = phrase.find_last_of(' ');
        const std::string word =
            space == std::string::npos ? phrase : phrase.substr(space + 1);
        if (word.empty()) {
          Fail("'*' at column " + std::to_string(pos_ + 1) +
               " must follow a word, as in treat*");
          break;
        }
        phrase.resize(space == std::string::npos ? 0 : space);
        flush();
        const auto words = FoldWords(word);
        if (words.size() != 1) {
          Fail("\"" + word + "*\" must be a single word before '*'");
          break;
        }
        out += RE2::QuoteMeta(words[0]) + "\\S* ";
        ++pos_;
      } else {
        phrase += c;
        ++pos_;
      }
    }
    flush();
    return out;
  }

  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  std::string_view text_;
  const PhraseAnalyzer& analyze_;
  std::size_t pos_ = 0;
  std::string error_;
};

// One pattern's expression, from `cache` when there is one.
std::shared_ptr<const RE2> Compiled(const std::string& regex,
                                    RegexCache* cache) {
  return cache ? cache->Get(regex, PatternSet::kMaxPatternMemory)
               : std::make_shared<const RE2>(
                     regex, PatternOptions(PatternSet::kMaxPatternMemory));
}

// What RE2 says is wrong with an expression, and where.
Error CompileError(const RE2& re) {
  return Error::ParseError(re.error() +
                           (re.error_arg().empty()
                                ? std::string()
                                : " (at \"" + re.error_arg() + "\")"));
}

}  // namespace

Result<std::string> CompilePattern(std::string_view pattern,
                                   const PhraseAnalyzer& analyze,
                                   RegexCache* cache) {
  auto regex = PatternCompiler(pattern, analyze).Run();
  if (!regex) return regex;
  const auto check = Compiled(*regex, cache);
  if (!check->ok()) return std::unexpected(CompileError(*check));
  return regex;
}

PatternSet::PatternSet(RegexCache* cache) : cache_(cache) {}
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;
PatternSet::~PatternSet() = default;

Result<int> PatternSet::Add(const std::string& regex, Owner owner) {
  if (compiled_) throw std::logic_error("PatternSet::Add after Compile");
  std::shared_ptr<const RE2> re = Compiled(regex, cache_);
  if (!re->ok()) return std::unexpected(CompileError(*re));
  const int index = static_cast<int>(regexes_.size());
  Part& part = owner == Owner::kLexicon && cache_ ? lexicon_ : own_;
  part.regexes.push_back(regex);
  part.index.push_back(index);
  regexes_.push_back(std::move(re));
  return index;
}

Status PatternSet::Compile() {
  if (compiled_) throw std::logic_error("PatternSet::Compile called twice");
  compiled_ = true;
  if (!lexicon_.regexes.empty()) {
    lexicon_.set = cache_->GetSet(lexicon_.regexes, kMaxSetMemory);
  }
  if (!own_.regexes.empty()) {
    own_.set = CompileSet(own_.regexes, kMaxSetMemory);
  }
  if ((!lexicon_.regexes.empty() && !lexicon_.set) ||
      (!own_.regexes.empty() && !own_.set)) {
    return std::unexpected(Error::InvalidArgument(
        "the patterns together are too large to compile (over " +
        std::to_string(kMaxSetMemory >> 20) +
        " MiB); remove or simplify some"));
  }
  lexicon_.regexes = {};
  own_.regexes = {};
  return Ok();
}

std::vector<int> PatternSet::Match(std::string_view analyzed) const {
  std::vector<int> hits;
  Match(analyzed, &hits);
  return hits;
}

void PatternSet::MatchPart(const Part& part, std::string_view analyzed,
                           std::vector<int>* hits) {
  if (!part.set) return;
  const std::size_t from = hits->size();
  if (from == 0) {
    part.set->Match(analyzed, hits);  // no copy: most messages
  } else {
    std::vector<int> more;  // RE2 replaces what the vector held
    part.set->Match(analyzed, &more);
    hits->insert(hits->end(), more.begin(), more.end());
  }
  for (std::size_t i = from; i < hits->size(); ++i) {
    (*hits)[i] = part.index[(*hits)[i]];
  }
}

void PatternSet::Match(std::string_view analyzed,
                       std::vector<int>* hits) const {
  if (!compiled_) throw std::logic_error("PatternSet::Match before Compile");
  hits->clear();
  MatchPart(lexicon_, analyzed, hits);
  MatchPart(own_, analyzed, hits);
}

bool PatternSet::Find(int index, std::string_view analyzed, std::size_t* begin,
                      std::size_t* end) const {
  re2::StringPiece match;
  if (!regexes_.at(index)->Match(analyzed, 0, analyzed.size(), RE2::UNANCHORED,
                                 &match, 1)) {
    return false;
  }
  *begin = static_cast<std::size_t>(match.data() - analyzed.data());
  *end = *begin + match.size();
  return true;
}

std::string AnalyzedText(const std::vector<std::string>& terms) {
  std::string out = " ";
  for (const auto& t : terms) {
    out += t;
    out += ' ';
  }
  return out;
}

}  // namespace faqbot::intents
