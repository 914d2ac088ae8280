// faqbot::intents: understanding one message, with no I/O and no state.
//
// A message goes through normalize -> spelling -> stem -> synonyms
// (analyzer.h), then one RE2::Set pass and a keyword lookup (matcher.h)
// that yield Signals: scored candidate intents, facet cues (treatment,
// symptoms, ...), small talk, red flags with negation, and subjects the
// pack never mentions. Deciding what to answer from those signals is the
// dialog runner's job (dialogs/).
//
//   intents::Matcher matcher(lexicon);              // the language's words
//   int id = matcher.AddIntent("treatment");
//   matcher.AddKeywords(id, "Treatment options", 3.0, "heading");
//   if (auto s = matcher.Compile(); !s) return s;   // pattern errors
//   intents::Signals s = matcher.Match("how is it treeted?");
//
// Authors write patterns in the language described in pattern.h; what
// the engine knows of a language (synonyms, cues, red flags, word
// classes) is a Lexicon (lexicon.h), read from lexicon files by bot/:
// nothing in this module reads a file or keeps global state.
#ifndef FAQBOT_INTENTS_INTENTS_H_
#define FAQBOT_INTENTS_INTENTS_H_

#include "intents/analyzer.h"
#include "intents/lexicon.h"
#include "intents/matcher.h"
#include "intents/medical_terms.h"
#include "intents/message.h"
#include "intents/normalizer.h"
#include "intents/pattern.h"
#include "intents/red_flags.h"
#include "intents/speller.h"
#include "intents/status.h"
#include "intents/stemmer.h"
#include "intents/synonyms.h"
#include "intents/text.h"
#include "intents/utf8.h"

#endif  // FAQBOT_INTENTS_INTENTS_H_
