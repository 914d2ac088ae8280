#include "bot/tools/question_set.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "bot/bot.h"
#include "bot/tools/json_lines.h"

namespace faqbot::bot {
namespace {

using nlohmann::json;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(c));
  return s;
}

// Whether `node` is one of `want` (a string or a list; "x*" = prefix).
bool NodeMatches(const json& want, const std::string& node) {
  if (want.is_null()) return true;
  const auto one = [&](const json& w) {
    if (!w.is_string()) return false;
    const std::string pattern = w.get<std::string>();
    if (pattern.ends_with('*')) {
      return node.starts_with(pattern.substr(0, pattern.size() - 1));
    }
    return node == pattern;
  };
  if (want.is_array()) return std::any_of(want.begin(), want.end(), one);
  return one(want);
}

// `want` is a word stem or a list of them, any of which will do.
bool Names(const std::string& said, const json& want) {
  if (want.is_array()) {
    return std::any_of(want.begin(), want.end(),
                       [&](const json& w) { return Names(said, w); });
  }
  return want.is_string() &&
         Lower(said).find(Lower(want.get<std::string>())) != std::string::npos;
}

// Whether the reply does what `expect` asks; `why` says what was missing.
bool Judge(const json& expect, const dialogs::Reply& r,
           const dialogs::Wording& wording, std::string* why) {
  if (expect.contains("parts")) {
    const json& parts = expect["parts"];
    if (r.parts.size() < parts.size()) {
      *why = "fewer parts than questions";
      return false;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto& want = parts[i];
      const auto& got = r.parts[i];
      const bool ok =
          want.contains("not_covered")
              ? got.kind == dialogs::ReplyKind::kFallback &&
                    Names(got.not_covered, want["not_covered"])
              : got.kind != dialogs::ReplyKind::kFallback &&
                    got.kind != dialogs::ReplyKind::kEscalation &&
                    NodeMatches(want.value("node", json()), got.node);
      if (!ok) {
        *why = "part " + std::to_string(i + 1);
        return false;
      }
    }
    return true;
  }
  const std::string kind = expect.value("kind", "answer");
  // Asking which cause (a clarify listing the article's parts) is an
  // answer from the article too.
  const bool answered =
      kind == "answer" && r.kind == dialogs::ReplyKind::kClarify;
  if (dialogs::ReplyKindName(r.kind) != kind && !answered) {
    *why = "kind";
    return false;
  }
  if (expect.contains("not_covered") &&
      !Names(r.not_covered, expect["not_covered"])) {
    *why = "does not name " + expect["not_covered"].dump();
    return false;
  }
  if (kind == "answer" && !expect.value("any_answer", false) &&
      !NodeMatches(expect.value("node", json()), r.node)) {
    *why = "node";
    return false;
  }
  const bool part_caveat = std::any_of(
      r.parts.begin(), r.parts.end(),
      [](const dialogs::ReplyPart& p) { return !p.caveat.empty(); });
  if (expect.value("caveat", false) && r.caveat.empty() && !part_caveat) {
    *why = "no caveat";
    return false;
  }
  if (expect.value("personal", false) &&
      r.caveat.find(wording.personal_report) == std::string::npos) {
    *why = "no personal-report note";
    return false;
  }
  return true;
}

std::string Percent(int n, int of) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", of ? 100.0 * n / of : 100.0);
  return buf;
}

}  // namespace

std::string Describe(const dialogs::Reply& r) {
  std::string out = std::string(dialogs::ReplyKindName(r.kind));
  if (!r.node.empty()) out += " " + r.node;
  if (!r.not_covered.empty()) out += " not_covered=" + r.not_covered;
  if (!r.caveat.empty()) out += " +caveat";
  for (const auto& p : r.parts) {
    out += " | " + std::string(dialogs::ReplyKindName(p.kind)) + " " +
           (p.node.empty() ? "not_covered=" + p.not_covered : p.node);
  }
  return out;
}

Result<std::vector<LabelledQuestion>> ParseQuestionSet(std::string_view text,
                                                       std::string_view name) {
  std::vector<LabelledQuestion> out;
  const int bad = ForEachJsonObjectLine(text, [&](const json& j, int line_no) {
    if (!j.contains("q") || !j["q"].is_string() || !j.contains("expect") ||
        !j["expect"].is_object()) {
      return false;
    }
    out.push_back({j["q"], j.value("class", ""), j["expect"], line_no});
    return true;
  });
  if (bad) {
    return std::unexpected(Error::ParseError(
        std::string(name) + " line " + std::to_string(bad) +
        ": expected {\"q\": \"...\", \"expect\": {...}} (see README)"));
  }
  return out;
}

double QuestionScore::in_scope_rate() const {
  return in_scope ? static_cast<double>(in_scope_right) / in_scope : 1.0;
}
double QuestionScore::refused_rate() const {
  return out_of_scope ? static_cast<double>(refused) / out_of_scope : 1.0;
}
double QuestionScore::multi_rate() const {
  return multi ? static_cast<double>(multi_full) / multi : 1.0;
}
bool QuestionScore::MeetsTargets() const {
  return in_scope_rate() >= 0.95 && refused_rate() >= 0.90 &&
         multi_rate() >= 0.90 && neighbours_answered == 0 &&
         escalated == red_flags;
}

QuestionScore ScoreQuestions(std::shared_ptr<const dialogs::Pack> pack,
                             const std::vector<LabelledQuestion>& questions,
                             std::string_view file_name) {
  QuestionScore score;
  Bot bot(pack);
  int session = 0;
  for (const auto& q : questions) {
    auto reply = bot.Handle("q" + std::to_string(++session), {.text = q.text});
    dialogs::Reply r = reply ? *reply : dialogs::Reply{};
    std::string why;
    const bool ok = reply && Judge(q.expect, r, pack->wording, &why);
    const bool multi = q.expect.contains("parts");
    const bool out = q.expect.value("kind", "") == "fallback";
    const bool neighbour = q.label == "neighbour" || q.label == "organ";
    if (multi) {
      ++score.multi;
      score.multi_full += ok;
    }
    if (out) {
      ++score.out_of_scope;
      score.refused += r.kind == dialogs::ReplyKind::kFallback;
      score.refused_named += ok;
    } else if (q.expect.value("kind", "answer") == "escalation") {
      ++score.red_flags;
      score.escalated += r.kind == dialogs::ReplyKind::kEscalation;
    } else {
      ++score.in_scope;
      score.in_scope_right += ok;
    }
    if (neighbour) {
      ++score.neighbours;
      score.neighbours_answered += r.kind == dialogs::ReplyKind::kAnswer ||
                                   r.kind == dialogs::ReplyKind::kClarify;
    }
    if (!ok) {
      score.failures.push_back(std::string(file_name) + " line " +
                               std::to_string(q.line) + " [" + q.label + "] " +
                               why + ": got " + Describe(r) + "\n    " +
                               q.text.substr(0, 110));
    }
  }
  return score;
}

void PrintQuestionScore(const QuestionScore& s, std::string_view file,
                        std::ostream& out) {
  for (const auto& f : s.failures) out << "FAIL " << f << "\n";
  out << file << ":\n"
      << "  in scope      " << s.in_scope_right << "/" << s.in_scope
      << " answered right (" << Percent(s.in_scope_right, s.in_scope)
      << "; target 95%)\n"
      << "  out of scope  " << s.refused << "/" << s.out_of_scope
      << " refused (" << Percent(s.refused, s.out_of_scope) << "; target 90%), "
      << s.refused_named << " naming what is not covered\n"
      << "  several questions " << s.multi_full << "/" << s.multi
      << " fully answered (" << Percent(s.multi_full, s.multi)
      << "; target 90%)\n"
      << "  neighbouring conditions answered: " << s.neighbours_answered
      << " of " << s.neighbours << " (target 0)\n"
      << "  red flags escalated " << s.escalated << "/" << s.red_flags
      << " (target all)\n";
}

}  // namespace faqbot::bot
