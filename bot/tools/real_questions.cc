#include "bot/tools/real_questions.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "bot/bot.h"
#include "bot/tools/json_lines.h"
#include "bot/tools/question_set.h"
#include "intents/text.h"

namespace faqbot::bot {
namespace {

using nlohmann::json;

// Everything of the reply a reader sees, as one lower-case text: its
// text, its parts and its choices (ids and titles).
std::string Seen(const dialogs::Reply& r) {
  std::string out = r.text;
  for (const auto& p : r.parts) {
    out += " " + p.text + " " + p.node + " " + p.caveat + " " + p.not_covered;
    if (p.source) out += " " + p.source->title;
  }
  for (const auto& c : r.choices) out += " " + c.id + " " + c.title;
  return intents::AsciiLower(out);
}

// "line 7 [in]": where a question is, and its class.
std::string Label(const RealQuestion& q, std::string_view cls) {
  return "line " + std::to_string(q.line) + " [" + std::string(cls) + "]";
}

bool Has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

Result<std::vector<std::string>> Strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  if (!j[key].is_array()) return std::unexpected(Error::ParseError(key));
  for (const auto& item : j[key]) {
    if (!item.is_string()) return std::unexpected(Error::ParseError(key));
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::string Cell(const Tally& t) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%d/%d (%.0f%%)", t.right, t.of,
                100.0 * t.rate());
  return buf;
}

void Add(Tally& to, const Tally& from) {
  to.right += from.right;
  to.of += from.of;
}

}  // namespace

Result<std::vector<RealQuestion>> ParseRealQuestions(std::string_view text,
                                                     std::string_view name) {
  std::vector<RealQuestion> out;
  const int bad = ForEachJsonObjectLine(text, [&](const json& j, int line_no) {
    if (!j.contains("q") || !j["q"].is_string()) return false;
    auto kinds = Strings(j, "kind");
    auto any = Strings(j, "any");
    if (!kinds || !any || kinds->empty()) return false;
    if (j.contains("library") && !j["library"].is_string()) return false;
    out.push_back({j["q"], std::move(*kinds), std::move(*any),
                   j.value("why", ""), j.value("library", ""), line_no});
    return true;
  });
  if (bad) {
    return std::unexpected(Error::ParseError(
        std::string(name) + " line " + std::to_string(bad) +
        ": expected {\"q\": \"...\", \"kind\": [\"answer\", ...], "
        "\"any\": [\"word\", ...], \"library\": \"article\"} (see "
        "README)"));
  }
  return out;
}

RealScore& RealScore::operator+=(const RealScore& other) {
  Add(in_scope, other.in_scope);
  Add(out_of_scope, other.out_of_scope);
  Add(red_flags, other.red_flags);
  in_scope_escalated += other.in_scope_escalated;
  misses.insert(misses.end(), other.misses.begin(), other.misses.end());
  replies.insert(replies.end(), other.replies.begin(), other.replies.end());
  return *this;
}

bool RealScore::MeetsTargets() const {
  return in_scope.rate() >= 0.9 && out_of_scope.rate() >= 0.9 &&
         red_flags.right == red_flags.of && in_scope_escalated == 0;
}

void RealScore::Judge(const RealQuestion& q,
                      const Result<dialogs::Reply>& reply, bool right_article) {
  const dialogs::Reply r = reply ? *reply : dialogs::Reply{};
  const std::string kind(dialogs::ReplyKindName(r.kind));
  const std::string seen = Seen(r);
  const bool ok =
      reply && right_article && Has(q.kinds, kind) &&
      (q.any.empty() ||
       std::any_of(q.any.begin(), q.any.end(), [&](const std::string& w) {
         return seen.find(intents::AsciiLower(w)) != std::string::npos;
       }));
  const bool in = Has(q.kinds, "answer");
  const bool red = !in && Has(q.kinds, "escalation");
  Tally& tally = in ? in_scope : red ? red_flags : out_of_scope;
  ++tally.of;
  tally.right += ok;
  in_scope_escalated += in && r.kind == dialogs::ReplyKind::kEscalation;
  const std::string label = Label(q, in ? "in" : red ? "red" : "out");
  replies.push_back(label + (ok ? " ok: " : " MISS: ") + Describe(r) +
                    (right_article ? "" : " (another article)"));
  if (!ok) {
    misses.push_back(label + " " + q.text.substr(0, 140) + "\n    -> " + kind +
                     (right_article ? "" : " (another article)") + ": " +
                     r.text.substr(0, 100));
  }
}

RealScore ScoreRealQuestions(std::shared_ptr<const dialogs::Pack> pack,
                             const std::vector<RealQuestion>& questions) {
  RealScore score;
  Bot bot(pack);
  int session = 0;
  for (const auto& q : questions) {
    score.Judge(
        q, bot.Handle("r" + std::to_string(++session), {.text = q.text}), true);
  }
  return score;
}

LibraryScore ScoreRealQuestionsInLibrary(
    std::shared_ptr<const dialogs::Library> library, int own,
    const std::vector<RealQuestion>& questions, bool from_page) {
  LibraryScore out;
  const std::string own_name = library->packs()[own]->name;
  Bot bot(std::move(library));
  int session = 0;
  for (const auto& q : questions) {
    Result<dialogs::Reply> reply =
        bot.Handle("r" + std::to_string(++session),
                   {.text = q.text, .page = from_page ? own_name : ""});
    // No article named, or several: a red flag answered from any article
    // (no article of its own), else "which article?", a refusal here.
    out.unrouted += reply && reply->article.empty();
    if (reply && reply->intent == kWhichArticleIntent) {
      reply = dialogs::Reply{.kind = dialogs::ReplyKind::kFallback,
                             .text = "(which article?)"};
    }
    const bool elsewhere =
        reply && !reply->article.empty() && reply->article != own_name;
    const bool answered = reply &&
                          reply->kind != dialogs::ReplyKind::kFallback &&
                          reply->kind != dialogs::ReplyKind::kEscalation;
    // A neighbour the library covers: right when that article answers.
    if (!q.library.empty()) {
      ++out.neighbours.of;
      if (answered && reply->article == q.library) {
        ++out.neighbours.right;
        ++out.score.out_of_scope.of;
        ++out.score.out_of_scope.right;
        out.score.replies.push_back(Label(q, "out") + " ok: answered by " +
                                    q.library + " " + reply->node);
        continue;
      }
    }
    out.elsewhere += elsewhere && answered;
    out.score.Judge(q, reply, !elsewhere || !answered);
    if (elsewhere && answered) {
      out.score.misses.back() += " [" + reply->article + "]";
    }
  }
  return out;
}

void PrintRealHeader(std::ostream& out) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-22s %-15s %-15s %-10s %s\n", "article",
                "in scope", "out of scope", "red flags", "in scope escalated");
  out << buf;
}

void PrintRealRow(std::string_view name, const RealScore& s,
                  std::ostream& out) {
  char buf[200];
  std::snprintf(
      buf, sizeof buf, "%-22.*s %-15s %-15s %-10s %d\n",
      static_cast<int>(name.size()), name.data(), Cell(s.in_scope).c_str(),
      Cell(s.out_of_scope).c_str(),
      (std::to_string(s.red_flags.right) + "/" + std::to_string(s.red_flags.of))
          .c_str(),
      s.in_scope_escalated);
  out << buf;
}

void PrintLibraryHeader(std::ostream& out) {
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "%-18s %-13s %-13s %-10s %-9s %-9s %-13s %-13s %-10s %s\n",
                "article", "in (no page)", "out (no page)", "neighbours",
                "elsewhere", "unrouted", "in (its page)", "out (its page)",
                "neighbours", "elsewhere");
  out << buf;
}

void PrintLibraryRow(std::string_view name, const LibraryScore& no_page,
                     const LibraryScore& page, std::ostream& out) {
  const auto of = [](const Tally& t) {
    return std::to_string(t.right) + "/" + std::to_string(t.of);
  };
  char buf[240];
  std::snprintf(buf, sizeof buf,
                "%-18.*s %-13s %-13s %-10s %-9d %-9d %-13s %-13s %-10s %d\n",
                static_cast<int>(name.size()), name.data(),
                Cell(no_page.score.in_scope).c_str(),
                Cell(no_page.score.out_of_scope).c_str(),
                of(no_page.neighbours).c_str(), no_page.elsewhere,
                no_page.unrouted, Cell(page.score.in_scope).c_str(),
                Cell(page.score.out_of_scope).c_str(),
                of(page.neighbours).c_str(), page.elsewhere);
  out << buf;
}

}  // namespace faqbot::bot
