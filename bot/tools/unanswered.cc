#include "bot/tools/unanswered.h"

#include <algorithm>
#include <map>

#include "dialogs/dialog_runner.h"
#include "intents/normalizer.h"
#include "intents/text.h"
#include "intents/utf8.h"

namespace faqbot::bot {
namespace {

using Why = UnansweredGroup::Why;
constexpr std::size_t kExamples = 3;
constexpr double kConfident = 0.5;  // as the transcript query counts it

struct Reading {
  std::string question;
  uint64_t count = 0;
  std::string not_covered;           // the first subject named, if any
  std::vector<std::string> unknown;  // words the pack does not know
};

// The section of `node_id` (a section or one of its facets), or "".
std::string SectionOf(const dialogs::Pack& pack, const std::string& node_id) {
  const dialogs::Node* node = pack.Find(node_id);
  if (!node || node->topic < 0) return "";
  const auto& topic = pack.topic_node(node->topic);
  return topic.kind == dialogs::NodeKind::kSection ? topic.id : "";
}

// The section the word is used with in questions the pack answered ("is
// bilharzia a parasite?"), the most often; else the one the rest of an
// unanswered question points at, once the word is taken out; else "".
std::string NearestSection(
    const dialogs::Pack& pack, const std::vector<std::string>& questions,
    const std::string& word,
    const std::vector<std::pair<std::string, std::string>>& answered) {
  std::map<std::string, int> votes;
  for (const auto& [text, node] : answered) {
    const auto words = intents::Normalize(text, pack.lexicon());
    if (std::find(words.begin(), words.end(), word) == words.end()) continue;
    if (const auto section = SectionOf(pack, node); !section.empty()) {
      ++votes[section];
    }
  }
  if (!votes.empty()) {
    return std::max_element(
               votes.begin(), votes.end(),
               [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
  }
  for (const auto& question : questions) {
    auto words = intents::Normalize(question, pack.lexicon());
    std::erase(words, word);
    const auto r =
        dialogs::DialogRunner(&pack).AskNew(intents::JoinWords(words));
    if (r && r->kind == dialogs::ReplyKind::kAnswer) {
      if (const auto section = SectionOf(pack, r->node); !section.empty()) {
        return section;
      }
    }
  }
  return "";
}

}  // namespace

std::vector<UnansweredGroup> GroupUnanswered(
    const dialogs::Pack& pack,
    const std::vector<std::pair<std::string, uint64_t>>& questions,
    const std::vector<std::pair<std::string, std::string>>& answered) {
  std::vector<Reading> readings;
  std::map<std::string, uint64_t> unknown_count;
  for (const auto& [question, count] : questions) {
    const auto reply = dialogs::DialogRunner(&pack).AskNew(question);
    if (!reply) continue;
    if (reply->kind == dialogs::ReplyKind::kAnswer &&
        reply->confidence >= kConfident && reply->not_covered.empty()) {
      continue;  // the pack answers it now
    }
    Reading r{question, count, "", {}};
    r.not_covered = reply->not_covered.substr(0, reply->not_covered.find(", "));
    if (r.not_covered.empty()) {
      r.unknown = pack.matcher.analyzer().Analyze(question).unknown;
      for (const auto& w : r.unknown) unknown_count[w] += count;
    }
    readings.push_back(std::move(r));
  }
  std::map<std::pair<Why, std::string>, UnansweredGroup> groups;
  std::map<std::pair<Why, std::string>, std::vector<std::string>> g_questions;
  for (const auto& r : readings) {
    Why why = Why::kOther;
    std::string word;
    if (!r.not_covered.empty()) {
      why = Why::kNotCovered;
      word = r.not_covered;
    } else if (!r.unknown.empty()) {
      why = Why::kUnknownWord;
      word = *std::max_element(r.unknown.begin(), r.unknown.end(),
                               [&](const auto& a, const auto& b) {
                                 return unknown_count[a] < unknown_count[b];
                               });
    }
    UnansweredGroup& g = groups[{why, word}];
    g.why = why;
    g.word = word;
    g.count += r.count;
    if (g.examples.size() < kExamples) g.examples.push_back(r.question);
    g_questions[{why, word}].push_back(r.question);
  }
  std::vector<UnansweredGroup> out;
  for (auto& [key, g] : groups) {
    if (g.why != Why::kOther) {
      const auto section =
          NearestSection(pack, g_questions[key], g.word, answered);
      if (!section.empty()) {
        g.suggestion = "[node " + section + "]\nkeywords: " + g.word;
      }
    }
    out.push_back(std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.count > b.count;
  });
  return out;
}

namespace {

void PrintLines(const std::string& text, std::ostream& out) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out << "      " << intents::Printable(text.substr(start, end - start))
        << "\n";
    start = end + 1;
  }
}

}  // namespace

void PrintUnanswered(const std::vector<UnansweredGroup>& groups,
                     std::ostream& out) {
  out << "\nUnanswered questions, grouped:\n";
  if (groups.empty()) out << "  (none)\n";
  for (const auto& g : groups) {
    const std::string n =
        std::to_string(g.count) + (g.count == 1 ? " question" : " questions");
    switch (g.why) {
      case Why::kUnknownWord:
        out << "  \"" << intents::Printable(g.word) << "\": " << n
            << "; the pack does not know the word\n";
        break;
      case Why::kNotCovered:
        out << "  " << intents::Printable(g.word) << ": " << n
            << "; the bot said the article does not cover it"
            << (g.suggestion.empty() ? " (no answered question uses the word "
                                       "with a section: that looks right)\n"
                                     : "\n");
        break;
      case Why::kOther:
        out << "  every word known, no answer: " << n << "\n";
        break;
    }
    out << "    e.g.";
    for (std::size_t i = 0; i < g.examples.size(); ++i) {
      out << (i ? "; \"" : " \"") << intents::Printable(g.examples[i]) << "\"";
    }
    out << "\n";
    if (g.why == Why::kOther) continue;
    if (g.why == Why::kNotCovered) {
      if (!g.suggestion.empty()) {
        out << "    questions the bot answered use it with "
            << g.suggestion.substr(6, g.suggestion.find(']') - 6)
            << "; only if that section is about it, add to intents.txt:\n";
        PrintLines(g.suggestion, out);
      }
      continue;
    }
    if (g.suggestion.empty()) {
      out << "    no section's words are near it; if the article answers "
             "it, add it to intents.txt under that section's [node ...] as "
             "\"keywords: "
          << g.word << "\" (or as a synonym of the article's word)\n";
      continue;
    }
    out << "    add to intents.txt:\n";
    PrintLines(g.suggestion, out);
  }
}

}  // namespace faqbot::bot
