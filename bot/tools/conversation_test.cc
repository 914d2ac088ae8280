// Conversation test files.
//
//   # comment
//   == causes, then pick one by number     <- a conversation (new session)
//   > what causes liver calcification?     <- the user types this
//   < answer overview                      <- reply kind, then node id
//   ~ parasitic, congenital                <- text or choices contain each
//   > 2
//   < answer parasitic-infection*          <- '*': node id starts with this
//   ! cancer                               <- contains none of these
//   press parasitic-infection.treatment    <- presses a choice by its id
//   < answer
//
// For a library (`faqbot test --packs DIR` runs DIR/conversations.txt):
//   page liver-calcification               <- later turns are sent from
//                                             that article's page
//   < answer liver-hemangioma/overview     <- node of that article
//
// Kinds: answer, clarify, fallback, escalation, smalltalk, or '*' for any.
// '~' and '!' look in the reply's notice, text and choices. Comparisons
// ignore case. A turn with no '<' line only checks '~'/'!'.
#include "bot/tools/conversation_test.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "bot/bot.h"
#include "intents/text.h"

namespace faqbot::bot {
namespace {

using intents::Trim;

// Lowercased items of a comma-separated list.
std::vector<std::string> LowerItems(std::string_view s) {
  std::vector<std::string> out = intents::SplitCommas(s);
  for (auto& item : out) item = intents::AsciiLower(std::move(item));
  return out;
}

bool NodeMatches(const std::string& want, const std::string& got) {
  if (want.empty() || want == "*") return true;
  if (want.back() == '*')
    return got.starts_with(want.substr(0, want.size() - 1));
  return want == got || (want == "-" && got.empty());
}

}  // namespace

Result<std::vector<Conversation>> ParseConversations(std::string_view text,
                                                     std::string_view name) {
  std::vector<Conversation> out;
  const auto error = [&](int line, const std::string& what) {
    return std::unexpected(Error::ParseError(
        std::string(name) + " line " + std::to_string(line) + ": " + what));
  };
  static const std::set<std::string> kKinds = {
      "answer", "clarify", "fallback", "escalation", "smalltalk", "*"};
  int line_no = 0;
  std::string page;  // the page later turns are sent from
  std::stringstream in{std::string(text)};
  std::string raw;
  while (std::getline(in, raw)) {
    ++line_no;
    const std::string line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    if (line.starts_with("==")) {
      out.push_back({Trim(line.substr(2)), line_no, {}});
      page.clear();  // a new conversation starts on no page
      continue;
    }
    if (out.empty()) {
      return error(line_no, "\"" + line +
                                "\" comes before the first "
                                "conversation; start one with "
                                "\"== name\"");
    }
    auto& turns = out.back().turns;
    if (line[0] == '>') {
      const std::string said = Trim(line.substr(1));
      if (said.empty()) return error(line_no, "'>' needs the user's text");
      turns.push_back({said, "", {}, line_no, page});
    } else if (line.starts_with("press ")) {
      turns.push_back({"", Trim(line.substr(6)), {}, line_no, page});
    } else if (line.starts_with("page ")) {
      page = Trim(line.substr(5));
    } else if (turns.empty()) {
      return error(line_no, "an expectation comes before any '>' turn");
    } else if (line[0] == '<') {
      std::stringstream parts(line.substr(1));
      Expectation& e = turns.back().expect;
      parts >> e.kind >> e.node;
      e.kind = intents::AsciiLower(e.kind);
      if (!kKinds.contains(e.kind)) {
        return error(line_no, "unknown reply kind \"" + e.kind +
                                  "\"; use answer, clarify, fallback, "
                                  "escalation, smalltalk or *");
      }
    } else if (line[0] == '~') {
      for (auto& w : LowerItems(line.substr(1))) {
        turns.back().expect.says.push_back(std::move(w));
      }
    } else if (line[0] == '!') {
      for (auto& w : LowerItems(line.substr(1))) {
        turns.back().expect.not_says.push_back(std::move(w));
      }
    } else {
      return error(line_no, "\"" + line +
                                "\" is not a turn ('>', 'press') "
                                "or an expectation ('<', '~', '!')");
    }
  }
  return out;
}

// Runs the turns of `conversations` on `bot`, noting failures in
// `report` and, when `reached` is given, the nodes replies came from.
void RunTurns(Bot& bot, const std::vector<Conversation>& conversations,
              std::string_view file_name, TestReport* report_out,
              std::set<std::string>* reached) {
  TestReport& report = *report_out;
  int session = 0;
  for (const auto& conv : conversations) {
    const std::string id = "test-" + std::to_string(++session);
    for (const auto& turn : conv.turns) {
      ++report.turns;
      auto reply = bot.Handle(id, {.text = turn.text,
                                   .choice = turn.choice,
                                   .channel = "test",
                                   .page = turn.page});
      const std::string said = turn.choice.empty() ? "\"" + turn.text + "\""
                                                   : "press " + turn.choice;
      const std::string where = std::string(file_name) + " line " +
                                std::to_string(turn.line) + " (" + conv.name +
                                "), " + said;
      if (!reply) {
        ++report.failed;
        report.failures.push_back(where + ": error: " + reply.error().message);
        continue;
      }
      if (reached && !reply->node.empty()) reached->insert(reply->node);
      std::string all = intents::AsciiLower(reply->notice + " " + reply->text);
      for (const auto& c : reply->choices)
        all += " " + intents::AsciiLower(c.title + " " + c.id);
      const Expectation& e = turn.expect;
      std::vector<std::string> wrong;
      const std::string kind(dialogs::ReplyKindName(reply->kind));
      if (!e.kind.empty() && e.kind != "*" && e.kind != kind) {
        wrong.push_back("kind " + e.kind);
      }
      // "pack/node" names a library's node with its article.
      const std::string node =
          e.node.find('/') == std::string::npos || reply->article.empty()
              ? reply->node
              : reply->article + "/" + reply->node;
      if (!NodeMatches(e.node, node)) wrong.push_back("node " + e.node);
      for (const auto& w : e.says) {
        if (all.find(w) == std::string::npos)
          wrong.push_back("says \"" + w + "\"");
      }
      for (const auto& w : e.not_says) {
        if (all.find(w) != std::string::npos) {
          wrong.push_back("does not say \"" + w + "\"");
        }
      }
      if (wrong.empty()) continue;
      ++report.failed;
      std::string msg = where + "\n    expected:";
      for (const auto& w : wrong) msg += " " + w + ";";
      msg += "\n    got: " + kind + " " + (node.empty() ? "(no node)" : node) +
             ": \"" + reply->text.substr(0, 100) +
             (reply->text.size() > 100 ? "...\"" : "\"");
      report.failures.push_back(std::move(msg));
    }
  }
}

TestReport RunConversations(std::shared_ptr<const dialogs::Pack> pack,
                            const std::vector<Conversation>& conversations,
                            std::string_view file_name) {
  Bot bot(pack);
  TestReport report;
  std::set<std::string> reached;
  RunTurns(bot, conversations, file_name, &report, &reached);
  report.node_count = pack->nodes.size();
  for (const auto& node : pack->nodes) {
    if (!reached.contains(node.id)) report.unreached.push_back(node.id);
  }
  return report;
}

TestReport RunConversations(Bot& bot,
                            const std::vector<Conversation>& conversations,
                            std::string_view file_name) {
  TestReport report;
  RunTurns(bot, conversations, file_name, &report, nullptr);
  return report;
}

void PrintReport(const TestReport& report, std::ostream& out) {
  for (const auto& f : report.failures) out << "FAIL " << f << "\n";
  const int passed = report.turns - report.failed;
  out << "turns: " << passed << "/" << report.turns << " passed";
  if (report.turns > 0) {
    out << " (" << (100 * passed / report.turns) << "%)";
  }
  if (report.node_count > 0) {  // a library's run counts no coverage
    out << "\nnode coverage: " << (report.node_count - report.unreached.size())
        << "/" << report.node_count << " nodes reached";
  }
  if (!report.unreached.empty()) {
    out << "; not reached by any test:";
    for (const auto& id : report.unreached) out << "\n  " << id;
  }
  out << "\n" << passed << " passed, " << report.failed << " failed\n";
}

}  // namespace faqbot::bot
