#include "adapters/terminal_chat.h"

#include <nlohmann/json.hpp>

#include "adapters/channel.h"
#include "adapters/reply_json.h"
#include "intents/utf8.h"

namespace faqbot::adapters {
namespace {

using nlohmann::json;

std::string ErrorLine(const std::string& what, int line) {
  // The message may quote the bad input; never let its bytes break ours.
  return DumpJson({{"error", what}, {"line", line}});
}

}  // namespace

std::string HandleJsonlLine(bot::Bot& bot, std::string_view line,
                            int line_number) {
  if (line.size() > kMaxJsonlLineBytes) {
    return ErrorLine("line too long (" + std::to_string(line.size()) +
                         " bytes; the limit is " +
                         std::to_string(kMaxJsonlLineBytes) + ")",
                     line_number);
  }
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
    return ErrorLine("empty line; send one JSON object per line", line_number);
  }
  json request;
  try {
    request = json::parse(line);
  } catch (const json::parse_error& e) {
    // e.what() is "[json.exception.parse_error.101] parse error at ...".
    std::string what = e.what();
    if (const auto end = what.find("] "); end != std::string::npos) {
      what = what.substr(end + 2);
    }
    return ErrorLine("invalid JSON: " + what, line_number);
  } catch (const json::exception&) {
    return ErrorLine("invalid JSON: a value out of range", line_number);
  }
  if (!request.is_object()) {
    return ErrorLine(
        "expected a JSON object like {\"session\": \"s1\", "
        "\"text\": \"...\"}",
        line_number);
  }
  const auto session = request.find("session");
  if (session == request.end() || !session->is_string() ||
      session->get<std::string>().empty()) {
    return ErrorLine("missing \"session\" (a non-empty string)", line_number);
  }
  const auto text = request.find("text");
  const auto choice = request.find("choice");
  bot::Message message;
  if (choice != request.end()) {
    if (!choice->is_string()) {
      return ErrorLine("\"choice\" must be a string id", line_number);
    }
    message.choice = choice->get<std::string>();
  } else if (text != request.end()) {
    if (!text->is_string()) {
      return ErrorLine("\"text\" must be a string", line_number);
    }
    message.text = text->get<std::string>();
  } else {
    return ErrorLine("missing \"text\" (or \"choice\")", line_number);
  }
  if (const auto page = request.find("page"); page != request.end()) {
    if (!page->is_string()) {
      return ErrorLine("\"page\" must be a pack name", line_number);
    }
    message.page = page->get<std::string>();
  }
  const std::string id = session->get<std::string>();
  message.channel = "cli";
  auto reply = bot.Handle(id, message);
  if (!reply) return ErrorLine(reply.error().message, line_number);
  return ReplyToJsonText(*reply, {{"session", id}});
}

void RunJsonlChat(bot::Bot& bot, std::istream& in, std::ostream& out) {
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    out << HandleJsonlLine(bot, line, number) << std::endl;
  }
}

std::string Wrap(std::string_view raw, int width, int indent) {
  const std::string printable = intents::Printable(raw);
  const std::string_view text = printable;
  std::string out;
  int column = 0;
  std::size_t pos = 0;
  const std::string pad(indent, ' ');
  while (pos < text.size()) {
    if (text[pos] == '\n') {
      out += "\n" + pad;
      column = indent;
      ++pos;
      continue;
    }
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    const std::string_view word = text.substr(pos, end - pos);
    const int len = static_cast<int>(word.size());
    if (column > indent && column + 1 + len > width) {
      out += "\n" + pad;
      column = indent;
    } else if (column > indent ||
               (column > 0 && !out.empty() && out.back() != ' ')) {
      out += ' ';
      ++column;
    }
    out += word;
    column += len;
    pos = end;
  }
  return out;
}

namespace {

void PrintReply(const dialogs::Reply& reply, std::ostream& out,
                const TerminalOptions& opt) {
  const auto paint = [&](const char* code, const std::string& s) {
    return opt.color ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  };
  if (!reply.notice.empty()) {
    out << paint("2", Wrap("(" + reply.notice + ")", opt.width)) << "\n";
  }
  if (!reply.disclaimer.empty()) {
    out << paint("2", Wrap("(" + reply.disclaimer + ")", opt.width)) << "\n";
  }
  if (!reply.caveat.empty()) {
    out << paint("33", Wrap("(" + reply.caveat + ")", opt.width)) << "\n";
  }
  const auto answer = [&](const std::string& caveat, const std::string& text,
                          const std::string& source_line, bool answered) {
    if (!caveat.empty()) out << paint("33", Wrap(caveat, opt.width)) << "\n";
    out << Wrap(text, opt.width) << "\n";
    if (!source_line.empty() && answered) {
      out << paint("2", Wrap("  [" + source_line + "]", opt.width, 3)) << "\n";
    }
  };
  if (reply.kind == dialogs::ReplyKind::kEscalation) {
    const std::string label = reply.label.empty() ? "" : reply.label + ": ";
    out << paint("1;31", Wrap(label + reply.text, opt.width)) << "\n";
  } else if (reply.parts.empty()) {
    answer("", reply.text, reply.source_line,
           reply.kind == dialogs::ReplyKind::kAnswer);
  } else {
    for (const auto& p : reply.parts) {
      if (!p.question.empty()) {
        out << paint("1", Wrap("\u201c" + p.question + "\u201d", opt.width))
            << "\n";
      }
      answer(p.caveat, p.text, p.source_line,
             p.kind == dialogs::ReplyKind::kAnswer);
    }
  }
  for (std::size_t i = 0; i < reply.choices.size(); ++i) {
    out << paint("36", "  " + std::to_string(i + 1) + ". ")
        << Wrap(reply.choices[i].title, opt.width, 5) << "\n";
  }
}

}  // namespace

void RunTerminalChat(bot::Bot& bot, std::istream& in, std::ostream& out,
                     const TerminalOptions& opt) {
  const std::string session = "terminal";
  PrintReply(bot.Welcome(), out, opt);
  out << Wrap(
             "(Type a question, a number to pick, \"back\", \"menu\", "
             "\"start over\", \"help\" or \"quit\".)",
             opt.width)
      << "\n";
  std::string line;
  while (true) {
    out << (opt.color ? "\x1b[1m> \x1b[0m" : "> ") << std::flush;
    if (!std::getline(in, line)) break;
    auto reply =
        bot.Handle(session, {.text = line, .channel = "cli", .welcomed = true});
    if (!reply) {
      out << "(" << reply.error().message << ")\n";
      continue;
    }
    PrintReply(*reply, out, opt);
    if (reply->intent == "nav.quit") break;
  }
  out << "\n";
}

}  // namespace faqbot::adapters
