#include "dialogs/wording.h"

#include <algorithm>

#include "intents/text.h"

namespace faqbot::dialogs {
namespace {

constexpr WordingKey kKeys[] = {
    {"disclaimer", &Wording::disclaimer, ""},
    {"welcome", &Wording::welcome, "title"},
    {"greeting", &Wording::greeting, "title"},
    {"thanks", &Wording::thanks, ""},
    {"goodbye", &Wording::goodbye, ""},
    {"help", &Wording::help, "title"},
    {"identity", &Wording::identity, "title"},
    {"menu", &Wording::menu, ""},
    {"back_at_start", &Wording::back_at_start, ""},
    {"restart", &Wording::restart, ""},
    {"quit", &Wording::quit, ""},
    {"no_options", &Wording::no_options, ""},
    {"no_such_option", &Wording::no_such_option, "number"},
    {"article_updated", &Wording::article_updated, ""},
    {"fallback_personal", &Wording::fallback_personal, ""},
    {"fallback_not_mentioned", &Wording::fallback_not_mentioned, "word"},
    {"fallback_no_match", &Wording::fallback_no_match, ""},
    {"not_covered", &Wording::not_covered, "word title"},
    {"not_covered_related", &Wording::not_covered_related, ""},
    {"library_other_article", &Wording::library_other_article, "title"},
    {"library_which", &Wording::library_which, ""},
    {"library_not_covered", &Wording::library_not_covered, "word"},
    {"part_not_covered", &Wording::part_not_covered, "word"},
    {"part_same_answer", &Wording::part_same_answer, ""},
    {"personal_report", &Wording::personal_report, ""},
    {"past_red_flag", &Wording::past_red_flag, ""},
    {"general_red_flag", &Wording::general_red_flag, ""},
    {"usual_red_flag", &Wording::usual_red_flag, ""},
    {"soon_red_flag", &Wording::soon_red_flag, ""},
    {"lasting_red_flag", &Wording::lasting_red_flag, ""},
    {"caveat_course", &Wording::caveat_course, ""},
    {"caveat_duration", &Wording::caveat_duration, ""},
    {"caveat_heredity", &Wording::caveat_heredity, ""},
    {"caveat_frequency", &Wording::caveat_frequency, ""},
    {"caveat_where", &Wording::caveat_where, ""},
    {"caveat_contagion", &Wording::caveat_contagion, ""},
    {"caveat_prevention", &Wording::caveat_prevention, ""},
    {"caveat_growth", &Wording::caveat_growth, ""},
    {"caveat_recurrence", &Wording::caveat_recurrence, ""},
    {"caveat_diagnosis", &Wording::caveat_diagnosis, ""},
    {"caveat_size", &Wording::caveat_size, ""},
    {"caveat_nearest", &Wording::caveat_nearest, ""},
    {"aspect_not_told", &Wording::aspect_not_told, "caveat"},
    {"clarify", &Wording::clarify, ""},
    {"clarify_sections", &Wording::clarify_sections, "facet"},
    {"facet_general", &Wording::facet_general, "facet topic"},
    {"facet_not_specific", &Wording::facet_not_specific, "facet topic"},
    {"facet_section", &Wording::facet_section, "facet topic"},
    {"urgent_emergency", &Wording::urgent_emergency, ""},
    {"urgent_self_harm", &Wording::urgent_self_harm, ""},
    {"urgent_label", &Wording::urgent_label, ""},
    {"handoff_requested", &Wording::handoff_requested, ""},
    {"handoff_already", &Wording::handoff_already, ""},
    {"handoff_unavailable", &Wording::handoff_unavailable, ""},
    {"handoff_limited", &Wording::handoff_limited, ""},
    {"session_restarted", &Wording::session_restarted, ""},
    {"connection_lost", &Wording::connection_lost, ""},
    {"handoff_unreachable", &Wording::handoff_unreachable, ""},
    {"handoff_joined", &Wording::handoff_joined, "name"},
    {"handoff_left", &Wording::handoff_left, "name"},
    {"handoff_gave_up", &Wording::handoff_gave_up, ""},
    {"source_section", &Wording::source_section, "number title"},
    {"source_other", &Wording::source_other, "title"},
    {"advice_title", &Wording::advice_title, ""},
    {"definition_title", &Wording::definition_title, ""},
    {"in_general", &Wording::in_general, ""},
    {"facet_definition", &Wording::facet_definition, ""},
    {"facet_cause", &Wording::facet_cause, ""},
    {"facet_risk", &Wording::facet_risk, ""},
    {"facet_symptoms", &Wording::facet_symptoms, ""},
    {"facet_treatment", &Wording::facet_treatment, ""},
    {"facet_follow_up", &Wording::facet_follow_up, ""},
    {"facet_lifestyle", &Wording::facet_lifestyle, ""},
};

// The first {name} in `text` that `allowed` (space-separated) does not
// list, or "".
std::string UnknownPlaceholder(std::string_view text,
                               std::string_view allowed) {
  std::size_t at = 0;
  while ((at = text.find('{', at)) != std::string_view::npos) {
    const std::size_t end = text.find('}', at);
    if (end == std::string_view::npos) return "";
    const std::string_view name = text.substr(at + 1, end - at - 1);
    bool known = false;
    for (std::string_view rest = allowed; !rest.empty();) {
      const std::size_t space = rest.find(' ');
      known = known || rest.substr(0, space) == name;
      rest = space == std::string_view::npos ? "" : rest.substr(space + 1);
    }
    if (!known) return std::string(name);
    at = end + 1;
  }
  return "";
}

std::string Unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

const std::string& Wording::FacetLabel(intents::Facet facet) const {
  static const std::string kNone;
  switch (facet) {
    case intents::Facet::kDefinition:
      return facet_definition;
    case intents::Facet::kCause:
      return facet_cause;
    case intents::Facet::kRisk:
      return facet_risk;
    case intents::Facet::kSymptoms:
      return facet_symptoms;
    case intents::Facet::kTreatment:
      return facet_treatment;
    case intents::Facet::kFollowUp:
      return facet_follow_up;
    case intents::Facet::kLifestyle:
      return facet_lifestyle;
    case intents::Facet::kNone:
      break;
  }
  return kNone;
}

std::span<const WordingKey> WordingKeys() { return kKeys; }

Status ParseWording(std::string_view text, std::string_view file,
                    Wording* wording) {
  int number = 0;
  const auto fail = [&](const std::string& what) {
    return std::unexpected(Error::ParseError(
        std::string(file) + " line " + std::to_string(number) + ": " + what));
  };
  for (std::string_view rest = text; !rest.empty();) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? "" : rest.substr(newline + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    const std::string trimmed = intents::Trim(line);
    if (trimmed.empty() || trimmed.starts_with('#')) continue;
    const std::size_t eq = trimmed.find('=');
    if (eq == std::string::npos) {
      return fail(
          "expected \"key = text\" (keys are listed in README, "
          "\"Wording\")");
    }
    const std::string key = intents::Trim(trimmed.substr(0, eq));
    const std::string value = Unescape(intents::Trim(trimmed.substr(eq + 1)));
    const auto it =
        std::find_if(std::begin(kKeys), std::end(kKeys),
                     [&](const WordingKey& k) { return k.name == key; });
    if (it == std::end(kKeys)) {
      return fail("unknown key \"" + key +
                  "\" (README, \"Wording\", lists the keys)");
    }
    if (value.empty()) return fail("\"" + key + "\" needs a text");
    if (const std::string bad = UnknownPlaceholder(value, it->placeholders);
        !bad.empty()) {
      std::string allowed;
      for (std::string_view p = it->placeholders; !p.empty();) {
        const std::size_t space = p.find(' ');
        allowed += (allowed.empty() ? "{" : ", {") +
                   std::string(p.substr(0, space)) + "}";
        p = space == std::string_view::npos ? "" : p.substr(space + 1);
      }
      return fail("\"" + key + "\" cannot use {" + bad + "} (" +
                  (allowed.empty() ? "it takes no placeholders"
                                   : "it may use " + allowed) +
                  ")");
    }
    wording->*(it->text) = value;
  }
  return Ok();
}

std::string Fill(
    std::string_view text,
    std::initializer_list<std::pair<std::string_view, std::string_view>>
        values) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find('{', at);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    const std::string_view name = text.substr(open + 1, close - open - 1);
    bool filled = false;
    for (const auto& [key, value] : values) {
      if (key == name) {
        out.append(value);
        filled = true;
        break;
      }
    }
    if (!filled) out.append(text.substr(open, close - open + 1));
    at = close + 1;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace faqbot::dialogs
