#include "bot/handoff.h"

#include <re2/re2.h>

#include <algorithm>

namespace faqbot::bot {

std::string_view HandoffStatusName(HandoffStatus status) {
  switch (status) {
    case HandoffStatus::kWaiting:
      return "waiting";
    case HandoffStatus::kActive:
      return "active";
    case HandoffStatus::kNone:
      break;
  }
  return "none";
}

bool AsksForPerson(std::string_view text) {
  // Someone, not something: these words name a person to talk to.
  static const std::string kPerson =
      "(?:a |an |the |some |your )?(?:real |live |actual |human )?"
      "(?:person|human|human being|agent|operator|nurse|someone|somebody|"
      "staff|staff member|representative|rep)\\b";
  static const RE2 kAsk(
      "(?i)^\\W*(?:(?:hi|hello|hey|please|ok|okay)\\W+)*(?:"
      // "talk to a human", "I want to speak with a nurse", "can I chat to
      // someone real", "put me through to an operator", "get me a person"
      "(?:.{0,40}\\b)?(?:talk|speak|chat)(?:ing)? (?:to|with) " +
      kPerson + "|(?:put me through|connect me|transfer me) to " + kPerson +
      "|(?:get|give|find) me " + kPerson +
      "|(?:i want|i need|i'd like|i would like) " + kPerson +
      // "human", "agent please", "real person!"
      "|" + kPerson + "(?: please)?\\W*$)");
  if (text.size() > 300) return false;  // a story, not a request
  // Every request names a person (kPerson), and the name starts a word:
  // most messages name none, and looking at each word's start is much
  // cheaper than the expression. (A word that only starts like one,
  // "report" or "personalized", passes here; the expression's word
  // boundary turns it down.)
  constexpr std::string_view kPersonWords[] = {
      "person", "human", "agent", "operator", "nurse", "some", "staff", "rep"};
  const auto is_letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  const auto starts_with_person = [&](std::size_t at) {
    return std::any_of(std::begin(kPersonWords), std::end(kPersonWords),
                       [&](std::string_view w) {
                         if (text.size() - at < w.size()) return false;
                         for (std::size_t k = 0; k < w.size(); ++k) {
                           if ((text[at + k] | 0x20) != w[k]) return false;
                         }
                         return true;
                       });
  };
  bool named = false;
  for (std::size_t i = 0; i < text.size() && !named; ++i) {
    if (is_letter(text[i]) && (i == 0 || !is_letter(text[i - 1]))) {
      named = starts_with_person(i);
    }
  }
  if (!named) return false;
  return RE2::PartialMatch(text, kAsk);
}

HandoffStatus HandoffDesk::StatusOf(std::string_view id) const {
  std::shared_lock lock(mu_);
  if (open_.empty()) return HandoffStatus::kNone;
  const auto it = open_.find(std::string(id));
  return it == open_.end() ? HandoffStatus::kNone : it->second.status;
}

std::optional<Handoff> HandoffDesk::Find(std::string_view id) const {
  std::shared_lock lock(mu_);
  const auto it = open_.find(std::string(id));
  if (it == open_.end()) return std::nullopt;
  return it->second;
}

std::size_t HandoffDesk::Waiting() const {
  std::shared_lock lock(mu_);
  return static_cast<std::size_t>(
      std::count_if(open_.begin(), open_.end(), [](const auto& kv) {
        return kv.second.status == HandoffStatus::kWaiting;
      }));
}

std::size_t HandoffDesk::WaitingFrom(std::string_view client) const {
  std::shared_lock lock(mu_);
  return static_cast<std::size_t>(
      std::count_if(open_.begin(), open_.end(), [&](const auto& kv) {
        return kv.second.status == HandoffStatus::kWaiting &&
               kv.second.client == client;
      }));
}

std::vector<Handoff> HandoffDesk::Open() const {
  std::vector<Handoff> all;
  {
    std::shared_lock lock(mu_);
    for (const auto& [id, h] : open_) all.push_back(h);
  }
  std::sort(all.begin(), all.end(), [](const Handoff& a, const Handoff& b) {
    if (a.status != b.status) return a.status == HandoffStatus::kWaiting;
    return a.requested_ms < b.requested_ms;
  });
  return all;
}

void HandoffDesk::OnDeliver(DeliverFn fn) {
  std::lock_guard lock(deliver_mu_);
  deliver_.push_back(std::move(fn));
}

void HandoffDesk::OnChange(std::function<void()> fn) {
  std::lock_guard lock(deliver_mu_);
  change_.push_back(std::move(fn));
}

void HandoffDesk::Changed() const {
  std::vector<std::function<void()>> fns;
  {
    std::lock_guard lock(deliver_mu_);
    fns = change_;
  }
  for (const auto& fn : fns) fn();
}

void HandoffDesk::Keep(const Handoff& handoff) {
  {
    std::unique_lock lock(mu_);
    open_[handoff.id] = handoff;
  }
  Changed();
}

void HandoffDesk::Forget(const std::string& id) {
  bool forgot = false;
  {
    std::unique_lock lock(mu_);
    forgot = open_.erase(id) > 0;
  }
  if (forgot) Changed();
}

void HandoffDesk::KeepAll(std::vector<Handoff> all) {
  {
    std::unique_lock lock(mu_);
    open_.clear();
    for (auto& h : all) open_[h.id] = std::move(h);
  }
  Changed();
}

void HandoffDesk::Delivered(const std::string& id,
                            const std::string& payload) const {
  std::vector<DeliverFn> fns;
  {
    std::lock_guard lock(deliver_mu_);
    fns = deliver_;
  }
  for (const auto& fn : fns) fn(id, payload);
}

bool MemoryHandoffDesk::Request(const Handoff& handoff) {
  std::lock_guard lock(mu_);
  if (StatusOf(handoff.id) != HandoffStatus::kNone) return false;
  Handoff h = handoff;
  h.status = HandoffStatus::kWaiting;
  lines_.erase(h.id);
  Keep(h);
  return true;
}

bool MemoryHandoffDesk::Take(const std::string& id, const std::string& op) {
  std::lock_guard lock(mu_);
  auto h = Find(id);
  if (!h || h->status != HandoffStatus::kWaiting) return false;
  h->status = HandoffStatus::kActive;
  h->operator_name = op;
  h->taken_ms = UnixMs();
  Keep(*h);
  return true;
}

bool MemoryHandoffDesk::Release(const std::string& id) {
  std::lock_guard lock(mu_);
  if (!Find(id)) return false;
  Forget(id);
  lines_.erase(id);
  return true;
}

void MemoryHandoffDesk::SetLeft(const std::string& id, int64_t left_ms) {
  std::lock_guard lock(mu_);
  auto h = Find(id);
  if (!h || h->left_ms == left_ms) return;
  h->left_ms = left_ms;
  Keep(*h);
}

std::optional<int64_t> MemoryHandoffDesk::MarkReplied(const std::string& id) {
  std::lock_guard lock(mu_);
  auto h = Find(id);
  if (!h || h->first_reply_ms != 0) return std::nullopt;
  h->first_reply_ms = UnixMs();
  Keep(*h);
  return h->first_reply_ms - h->requested_ms;
}

std::vector<Handoff> MemoryHandoffDesk::GiveUpWaiting(int64_t cutoff_ms) {
  std::lock_guard lock(mu_);
  std::vector<Handoff> given_up;
  for (const Handoff& h : Open()) {
    if (h.status == HandoffStatus::kWaiting && h.requested_ms < cutoff_ms) {
      Forget(h.id);
      lines_.erase(h.id);
      given_up.push_back(h);
    }
  }
  return given_up;
}

bool MemoryHandoffDesk::AddLine(const std::string& id,
                                const HandoffLine& line) {
  {
    std::lock_guard lock(mu_);
    auto& lines = lines_[id];
    lines.push_back(line);
    std::size_t bytes = 0;
    for (const HandoffLine& l : lines) bytes += l.text.size() + l.from.size();
    while (lines.size() > 1 &&
           (lines.size() > kMaxLines || bytes > kMaxLineBytes)) {
      bytes -= lines.front().text.size() + lines.front().from.size();
      lines.pop_front();
    }
  }
  Changed();
  return true;
}

void MemoryHandoffDesk::AddEnded(const EndedHandoff& ended) {
  {
    std::lock_guard lock(mu_);
    ended_.push_front(ended);
    if (ended_.size() > kMaxEnded) ended_.pop_back();
  }
  Changed();
}

std::vector<EndedHandoff> MemoryHandoffDesk::Ended() {
  const int64_t since = UnixMs() - std::chrono::milliseconds(kEndedFor).count();
  std::lock_guard lock(mu_);
  std::vector<EndedHandoff> out;
  for (const auto& e : ended_) {
    if (e.ended_ms >= since) out.push_back(e);
  }
  return out;
}

std::vector<HandoffLine> MemoryHandoffDesk::Lines(const std::string& id) {
  std::lock_guard lock(mu_);
  const auto it = lines_.find(id);
  if (it == lines_.end()) return {};
  return {it->second.begin(), it->second.end()};
}

void MemoryHandoffDesk::Seen(const std::string& op) {
  std::lock_guard lock(mu_);
  seen_[op] = Clock::now();
}

bool MemoryHandoffDesk::AnyOnline() {
  std::lock_guard lock(mu_);
  const auto since = Clock::now() - kOnlineFor;
  return std::any_of(seen_.begin(), seen_.end(),
                     [&](const auto& s) { return s.second >= since; });
}

bool MemoryHandoffDesk::SaveLogin(const std::string& token,
                                  const std::string& op,
                                  std::chrono::seconds ttl) {
  std::lock_guard lock(mu_);
  const auto now = Clock::now();
  std::erase_if(logins_, [&](const auto& l) { return l.second.second < now; });
  logins_[token] = {op, now + ttl};
  return true;
}

std::string MemoryHandoffDesk::LoginOf(const std::string& token) {
  std::lock_guard lock(mu_);
  const auto it = logins_.find(token);
  if (it == logins_.end() || it->second.second < Clock::now()) return "";
  return it->second.first;
}

void MemoryHandoffDesk::DropLogin(const std::string& token) {
  std::lock_guard lock(mu_);
  logins_.erase(token);
}

void MemoryHandoffDesk::PostMail(const std::string& id,
                                 const std::string& text) {
  std::lock_guard lock(mu_);
  auto& box = mail_[id];
  if (box.size() < kMaxLines) box.push_back(text);
}

std::vector<std::string> MemoryHandoffDesk::TakeMail(const std::string& id) {
  std::lock_guard lock(mu_);
  const auto it = mail_.find(id);
  if (it == mail_.end()) return {};
  std::vector<std::string> box = std::move(it->second);
  mail_.erase(it);
  return box;
}

void MemoryHandoffDesk::Deliver(const std::string& id,
                                const std::string& payload) {
  Delivered(id, payload);
}

std::string MemoryHandoffDesk::MailKey(const std::string& id,
                                       const std::string& fresh) {
  std::lock_guard lock(mu_);
  const auto now = Clock::now();
  if (auto it = mail_keys_.find(id); it != mail_keys_.end()) {
    it->second.second = now;
    return it->second.first;
  }
  if (fresh.empty()) return "";
  if (mail_keys_.size() >= kMaxMailKeys) {
    std::erase_if(mail_keys_, [&](const auto& k) {
      return now - k.second.second > std::chrono::hours(24);
    });
    if (mail_keys_.size() >= kMaxMailKeys) return "";
  }
  mail_keys_.emplace(id, std::make_pair(fresh, now));
  return fresh;
}

}  // namespace faqbot::bot
