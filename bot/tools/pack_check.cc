#include "bot/tools/pack_check.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "bot/pack_loader.h"
#include "bot/tools/conversation_test.h"
#include "bot/tools/question_set.h"
#include "bot/tools/real_questions.h"
#include "dialogs/dialog_runner.h"
#include "dialogs/intents_file.h"
#include "intents/analyzer.h"
#include "intents/lexicon.h"
#include "intents/medical_terms.h"
#include "intents/normalizer.h"
#include "intents/synonyms.h"
#include "intents/text.h"

namespace faqbot::bot {
namespace {

using dialogs::NodeKind;
using dialogs::Pack;
using intents::Facet;

// Questions a person asks about one facet of a subject; {} is the
// subject. The first that reaches the node shows it is reachable.
const std::map<Facet, std::vector<std::string>>& FacetQuestions() {
  static const std::map<Facet, std::vector<std::string>> k = {
      {Facet::kDefinition, {"what is {}?", "what does {} mean?"}},
      {Facet::kCause, {"what causes {}?", "why does {} happen?"}},
      {Facet::kRisk, {"is {} dangerous?", "can {} turn into cancer?"}},
      {Facet::kSymptoms,
       {"what are the symptoms of {}?", "does {} cause pain?"}},
      {Facet::kTreatment,
       {"how is {} treated?", "what is the treatment for {}?"}},
      {Facet::kFollowUp,
       {"how often should {} be checked?", "what follow-up is needed for {}?"}},
      {Facet::kLifestyle,
       {"what should I eat with {}?", "what lifestyle changes help with {}?"}},
  };
  return k;
}

std::string Fill(const std::string& question, const std::string& subject) {
  std::string out = question;
  out.replace(out.find("{}"), 2, subject);
  return out;
}

// "dir/article.txt line 7: what" -> {"dir/article.txt", 7, "what"}.
Finding FromError(const std::string& message) {
  static const std::regex kAt(R"(^(.*?) line (\d+): (.*)$)");
  std::smatch m;
  if (std::regex_match(message, m, kAt)) {
    return {m[1], std::stoi(m[2]), true, m[3], "", ""};
  }
  return {"", 0, true, message, "", ""};
}

class Checker {
 public:
  Checker(const std::filesystem::path& dir, std::shared_ptr<const Pack> pack,
          std::vector<Finding> more)
      : dir_(dir), pack_(std::move(pack)), findings_(std::move(more)) {
    if (auto text = ReadFile(dir_ / kIntentsFile)) {
      if (auto parsed = dialogs::ParseIntentsFile(
              *text, (dir_ / kIntentsFile).string())) {
        intents_ = *std::move(parsed);
      }
    }
  }

  std::vector<Finding> Run() {
    Confusable();
    Unreachable();
    KeywordLint();
    KeywordAwayLint();
    SynonymLint();
    Coverage();
    ApplyAccepted();
    return std::move(findings_);
  }

 private:
  std::string Article() const { return (dir_ / kArticleFile).string(); }

  // The article line a node's words come from.
  int LineOf(const dialogs::Node& node) const {
    const auto& sections = pack_->document.sections;
    const int number = node.source.section;
    return number >= 1 && number <= static_cast<int>(sections.size())
               ? sections[number - 1].line
               : 1;
  }

  // "FILE:LINE" of a keyword's origin ("…/intents.txt line 13", "heading").
  std::pair<std::string, int> WhereFrom(const std::string& origin,
                                        const dialogs::Node& node) const {
    if (const auto at = origin.rfind(" line "); at != std::string::npos) {
      return {origin.substr(0, at), std::atoi(origin.c_str() + at + 6)};
    }
    const int line = LineOf(node);
    return {Article(), origin == "text" ? line + 1 : line};
  }

  // What the bot does with `text` in a new conversation.
  dialogs::Reply Ask(const std::string& text) const {
    auto r = dialogs::DialogRunner(pack_.get()).AskNew(text);
    return r ? *r : dialogs::Reply{};
  }

  static std::string Describe(const dialogs::Reply& r) {
    std::string out(dialogs::ReplyKindName(r.kind));
    if (r.kind == dialogs::ReplyKind::kClarify) {
      out += " [";
      for (std::size_t i = 0; i < r.choices.size(); ++i) {
        out += (i ? ", " : "") + r.choices[i].id;
      }
      return out + "]";
    }
    return r.node.empty() ? out : out + " " + r.node;
  }

  // A word of the pack whose term is `term`: from the intents file's
  // phrases, the node's title, then its text.
  std::string SurfaceWord(const std::string& term,
                          const dialogs::Node& node) const {
    const auto& analyzer = pack_->matcher.analyzer();
    std::vector<std::string> places;
    for (const auto& n : intents_.nodes) {
      if (n.node != node.id) continue;
      for (const auto& k : n.keywords) {
        const auto terms = analyzer.Terms(k.text);
        if (terms.size() == 1 && terms[0] == term) return k.text;
      }
    }
    for (const std::string& text : {node.title, node.text}) {
      for (const auto& w : analyzer.Normalize(text)) {
        const auto terms = analyzer.Terms(w);
        if (terms.size() == 1 && terms[0] == term) return w;
      }
    }
    return term;
  }

  // Whether a person would ask about `word`: a heading's or the author's
  // word, a medical term, or a rare one; not "significantly" or "larger",
  // which two sections share without naming anything.
  bool NamesSomething(const intents::Matcher::KeywordInfo& k,
                      const std::string& word) const {
    const bool from_text = k.origin == "text" || k.origin == "summary";
    return !from_text || k.rare ||
           intents::IsMedicalWord(word, pack_->lexicon());
  }

  // Two sections one message reaches with close scores, through a word
  // both use: the witness shows the clarify it really gets.
  void Confusable() {
    const auto& m = pack_->matcher;
    std::vector<int> sections;
    for (int t = 0; t < static_cast<int>(pack_->topics.size()); ++t) {
      if (pack_->topic_node(t).kind == NodeKind::kSection)
        sections.push_back(t);
    }
    std::vector<std::vector<intents::Matcher::KeywordInfo>> keywords;
    for (const int t : sections) {
      keywords.push_back(m.Keywords(pack_->topics[t].intent));
    }
    for (std::size_t i = 0; i < sections.size(); ++i) {
      const auto& a = pack_->topic_node(sections[i]);
      const auto& a_words = keywords[i];
      for (std::size_t j = i + 1; j < sections.size(); ++j) {
        const auto& b = pack_->topic_node(sections[j]);
        const auto& b_words = keywords[j];
        for (const auto& ka : a_words) {
          const auto kb =
              std::find_if(b_words.begin(), b_words.end(),
                           [&](const auto& k) { return k.term == ka.term; });
          if (kb == b_words.end()) continue;
          const std::string word = SurfaceWord(ka.term, a);
          if (!NamesSomething(ka, word)) continue;
          std::string witness = "what about " + word + "?";
          dialogs::Reply r = Ask(witness);
          if (!Torn(r, a.id, b.id)) continue;
          // Two words that only share a stem ("comes in waves", "shock
          // wave lithotripsy") confuse no one unless a question people
          // asked is torn between them.
          const std::string b_word = SurfaceWord(kb->term, b);
          if (b_word != word &&
              !TornQuestion({word, b_word}, a.id, b.id, &witness, &r)) {
            continue;
          }
          const auto [file, line] = WhereFrom(ka.origin, a);
          const auto [b_file, b_line] = WhereFrom(kb->origin, b);
          Warn(file, line, "confusable " + word,
               "\"" + word + "\" routes to both " + a.id + " (" + Short(file) +
                   ":" + std::to_string(line) + ") and " + b.id + " (" +
                   Short(b_file) + ":" + std::to_string(b_line) + "); \"" +
                   witness + "\" gets " + Describe(r));
          break;  // one witness per pair
        }
      }
    }
  }

  static bool Torn(const dialogs::Reply& r, const std::string& a,
                   const std::string& b) {
    const auto offers = [&](const std::string& id) {
      return std::any_of(r.choices.begin(), r.choices.end(),
                         [&](const auto& c) { return c.id == id; });
    };
    return r.kind == dialogs::ReplyKind::kClarify && offers(a) && offers(b);
  }

  // A question of the pack's own sets (questions.jsonl, real people's in
  // real-questions.jsonl) that uses one of `words` and gets a clarify
  // between sections `a` and `b`: set as the witness.
  bool TornQuestion(const std::vector<std::string>& words, const std::string& a,
                    const std::string& b, std::string* witness,
                    dialogs::Reply* reply) {
    const auto& analyzer = pack_->matcher.analyzer();
    for (const std::string& q : PeoplesQuestions()) {
      const auto said = analyzer.Normalize(q);
      const bool uses = std::any_of(words.begin(), words.end(), [&](auto& w) {
        return std::find(said.begin(), said.end(), w) != said.end();
      });
      if (!uses) continue;
      dialogs::Reply r = Ask(q);
      if (!Torn(r, a, b)) continue;
      *witness = q;
      *reply = std::move(r);
      return true;
    }
    return false;
  }

  const std::vector<std::string>& PeoplesQuestions() {
    if (questions_read_) return questions_;
    questions_read_ = true;
    if (auto text = ReadFile(dir_ / kQuestionsFile)) {
      if (auto set = ParseQuestionSet(*text, kQuestionsFile)) {
        for (auto& q : *set) questions_.push_back(std::move(q.text));
      }
    }
    if (auto text = ReadFile(dir_ / kRealQuestionsFile)) {
      if (auto set = ParseRealQuestions(*text, kRealQuestionsFile)) {
        for (auto& q : *set) questions_.push_back(std::move(q.text));
      }
    }
    return questions_;
  }

  // Sections and facets no message built from their own title reaches.
  void Unreachable() {
    for (const auto& node : pack_->nodes) {
      std::vector<std::string> asks;
      std::string title = intents::AsciiLower(node.title);
      if (node.kind == NodeKind::kSection) {
        asks = {"what about " + title + "?", title};
      } else if (node.kind == NodeKind::kFacet && node.topic > 0 &&
                 pack_->topic_node(node.topic).kind == NodeKind::kSection) {
        title = intents::AsciiLower(pack_->topic_node(node.topic).title);
        const auto it = FacetQuestions().find(node.facet);
        if (it == FacetQuestions().end()) continue;
        for (const auto& q : it->second) asks.push_back(Fill(q, title));
      } else {
        continue;
      }
      std::string closest;
      dialogs::Reply went;
      bool reached = false;
      for (const auto& q : asks) {
        const auto r = Ask(q);
        if (r.node == node.id) {
          reached = true;
          break;
        }
        if (closest.empty()) {
          closest = q;
          went = r;
        }
      }
      if (reached) continue;
      Warn(Article(), LineOf(node), "unreached " + node.id,
           node.id +
               " is reached by no message built from its own words; "
               "\"" +
               closest + "\" gets " + Describe(went));
    }
  }

  // Intents-file keywords that match nothing or say a thing twice.
  void KeywordLint() {
    const auto& analyzer = pack_->matcher.analyzer();
    for (const auto& n : intents_.nodes) {
      std::map<std::vector<std::string>, std::string> seen;  // terms -> text
      for (const auto& k : n.keywords) {
        const auto terms = analyzer.Terms(k.text);
        const bool stop =
            std::all_of(terms.begin(), terms.end(), [&](const std::string& t) {
              return pack_->lexicon().Is(t, intents::WordClass::kStopwords);
            });
        if (terms.empty() || stop) {
          Warn(intents_.name, k.line, "keyword " + k.text,
               "keyword \"" + k.text +
                   "\" is only stop words; it matches "
                   "nothing");
        } else if (const auto [it, added] = seen.try_emplace(terms, k.text);
                   !added) {
          Warn(intents_.name, k.line, "keyword " + k.text,
               "keyword \"" + k.text + "\" is the same as \"" + it->second +
                   "\" for " + n.node +
                   " (after stemming and synonyms); one of them is enough");
        }
      }
    }
  }

  // The topics whose own text (`used`: each topic's terms) uses every
  // term of `terms`.
  static std::vector<int> TopicsUsing(
      const std::vector<std::string>& terms,
      const std::vector<std::set<std::string>>& used) {
    std::vector<int> out;
    for (std::size_t t = 0; t < used.size(); ++t) {
      if (std::all_of(terms.begin(), terms.end(), [&](const std::string& w) {
            return used[t].contains(w);
          })) {
        out.push_back(static_cast<int>(t));
      }
    }
    return out;
  }

  // An intents-file keyword that takes a word away from the sections
  // where the article uses it: "what about <keyword>?" now lands on the
  // keyword's node, though the article speaks of it elsewhere.
  void KeywordAwayLint() {
    const auto& analyzer = pack_->matcher.analyzer();
    const auto& lex = pack_->lexicon();
    std::vector<std::set<std::string>> used;  // each topic's terms, once
    for (std::size_t t = 0; t < pack_->topics.size(); ++t) {
      const auto& node = pack_->topic_node(static_cast<int>(t));
      const auto terms = analyzer.Terms(node.title + "\n" + node.text);
      used.emplace_back(terms.begin(), terms.end());
    }
    for (const auto& n : intents_.nodes) {
      const dialogs::Node* node = pack_->Find(n.node);
      if (node == nullptr || node->topic < 0) continue;
      for (const auto& k : n.keywords) {
        std::vector<std::string> terms;
        for (auto& t : analyzer.Terms(k.text)) {
          if (!lex.Is(t, intents::WordClass::kStopwords)) {
            terms.push_back(std::move(t));
          }
        }
        const std::vector<int> users = TopicsUsing(terms, used);
        if (terms.empty() || users.empty() ||
            std::find(users.begin(), users.end(), node->topic) != users.end()) {
          continue;
        }
        const std::string question = "what about " + k.text + "?";
        const dialogs::Node* got = pack_->Find(Ask(question).node);
        if (got == nullptr || got->topic != node->topic) continue;
        std::string where;
        for (const int t : users) {
          where += (where.empty() ? "" : ", ") + pack_->topic_node(t).id;
        }
        Warn(intents_.name, k.line, "keyword " + k.text,
             "keyword \"" + k.text + "\" sends \"" + question + "\" to " +
                 n.node + ", but the article speaks of it in " + where +
                 "; drop the keyword or use a phrase the article's "
                 "sections do not share");
      }
    }
  }

  // Synonym lines the built-in table already has, or that override it.
  void SynonymLint() {
    const intents::Lexicon& lex = pack_->lexicon();
    intents::SynonymTable table;
    (void)table.AddLexiconGroups(lex);
    const intents::Analyzer builtin(lex, std::move(table)), plain(lex, {});
    for (const auto& line : intents_.synonyms) {
      const auto colon = line.text.find(':');
      if (colon == std::string::npos) continue;
      const auto canonical = builtin.Terms(line.text.substr(0, colon));
      for (const auto& alt :
           intents::SplitCommas(line.text.substr(colon + 1))) {
        // Only a whole phrase the built-in table rewrites ("liver
        // infection" -> hepatitis), not one word of it ("dog tapeworm").
        const auto rewritten = builtin.Terms(alt), own = plain.Terms(alt);
        if (std::any_of(own.begin(), own.end(), [&](const std::string& t) {
              return std::find(rewritten.begin(), rewritten.end(), t) !=
                     rewritten.end();
            })) {
          continue;
        }
        Warn(intents_.name, line.line, "synonym " + alt,
             rewritten == canonical
                 ? "\"" + alt + "\" is already a built-in synonym of \"" +
                       intents::JoinWords(canonical) + "\"; not needed"
                 : "\"" + alt + "\" is a built-in synonym of \"" +
                       intents::JoinWords(rewritten) +
                       "\"; this line overrides it in this pack");
      }
    }
  }

  // Ids derived from a heading that the intents file or the tests name:
  // rewording that heading would break them.
  void HeadingIds(const std::string& file, int line,
                  const std::set<std::string>& named) {
    std::string list;
    for (const auto& section : pack_->document.sections) {
      if (!section.id.empty()) continue;
      const auto& id = pack_->section_ids[section.number - 1];
      const bool names = std::any_of(
          named.begin(), named.end(),
          [&](const auto& n) { return n == id || n.starts_with(id + "."); });
      if (names) list += (list.empty() ? "" : ", ") + id;
    }
    if (list.empty()) return;
    Warn(file, line, "heading-ids " + Short(file),
         "names nodes by ids made from their headings (" + list +
             "); rewording a heading would break this file: give the "
             "heading an explicit id (\"2. Heading {#id}\", README)");
  }

  // Nodes no conversation test reaches.
  void Coverage() {
    if (!intents_.nodes.empty()) {
      std::set<std::string> named;
      for (const auto& n : intents_.nodes) named.insert(n.node);
      HeadingIds(intents_.name, intents_.nodes.front().line, named);
    }
    const auto file = dir_ / kConversationsFile;
    auto text = ReadFile(file);
    if (!text) return;
    auto conversations = ParseConversations(*text, file.string());
    if (!conversations) {
      findings_.push_back(FromError(conversations.error().message));
      return;
    }
    std::set<std::string> named;
    for (const auto& c : *conversations) {
      for (const auto& t : c.turns) {
        if (!t.choice.empty()) named.insert(t.choice);
        if (!t.expect.node.empty()) {
          std::string id = t.expect.node;
          if (id.ends_with('*')) id.pop_back();
          named.insert(id);
        }
      }
    }
    HeadingIds(file.string(), 0, named);
    const auto report = RunConversations(pack_, *conversations, file.string());
    if (report.unreached.empty()) return;
    std::string list;
    for (const auto& id : report.unreached)
      list += (list.empty() ? "" : ", ") + id;
    Warn(file.string(), 0, "untested",
         std::to_string(report.unreached.size()) + " of " +
             std::to_string(report.node_count) +
             " nodes no conversation test reaches: " + list);
  }

  std::string Short(const std::string& file) const {
    return std::filesystem::path(file).filename().string();
  }

  void Warn(std::string file, int line, std::string id, std::string message) {
    findings_.push_back({.file = std::move(file),
                         .line = line,
                         .message = std::move(message),
                         .id = std::move(id)});
  }

  // Marks the warnings intents.txt accepts; an accept line that matches
  // none is a warning itself (the warning it kept has gone).
  void ApplyAccepted() {
    for (const auto& a : intents_.accepted) {
      bool used = false;
      for (Finding& f : findings_) {
        if (f.error || f.id != a.id) continue;
        f.accepted = a.reason;
        used = true;
      }
      if (!used) {
        Warn(intents_.name, a.line, "accept " + a.id,
             "accept: \"" + a.id + "\" matches no warning; remove the line");
      }
    }
  }

  std::filesystem::path dir_;
  std::shared_ptr<const Pack> pack_;
  dialogs::IntentsFile intents_;
  std::vector<Finding> findings_;
  std::vector<std::string> questions_;  // PeoplesQuestions(), once read
  bool questions_read_ = false;
};

}  // namespace

std::vector<Finding> CheckPack(const std::filesystem::path& dir) {
  auto pack = LoadPack(dir);
  if (!pack) return {FromError(pack.error().message)};
  return CheckPack(dir, *pack);
}

std::vector<Finding> CheckPack(const std::filesystem::path& dir,
                               std::shared_ptr<const dialogs::Pack> pack,
                               std::vector<Finding> more) {
  auto findings = Checker(dir, std::move(pack), std::move(more)).Run();
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.error != b.error) return a.error;
                     return std::tie(a.file, a.line) < std::tie(b.file, b.line);
                   });
  return findings;
}

std::string FormatFinding(const Finding& f) {
  std::string out;
  if (!f.file.empty()) {
    out += f.file + ":";
    if (f.line > 0) out += std::to_string(f.line) + ":";
    out += " ";
  }
  if (f.error) return out + "error: " + f.message;
  if (!f.accepted.empty()) {
    return out + "accepted [" + f.id + "]: " + f.message +
           " (accepted: " + f.accepted + ")";
  }
  return out + "warning [" + f.id + "]: " + f.message;
}

void PrintFindings(const std::vector<Finding>& findings, std::ostream& out,
                   bool all) {
  for (const auto& f : findings) {
    if (all || f.accepted.empty()) out << FormatFinding(f) << "\n";
  }
}

std::size_t Unaccepted(const std::vector<Finding>& findings) {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [](const Finding& f) { return f.accepted.empty(); }));
}

int CheckStatus(const std::vector<Finding>& findings) {
  if (std::any_of(findings.begin(), findings.end(),
                  [](const Finding& f) { return f.error; })) {
    return 2;
  }
  return Unaccepted(findings) == 0 ? 0 : 1;
}

}  // namespace faqbot::bot
