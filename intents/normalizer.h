// Text normalization: the first step of understanding a message.
//
// Normalize() turns any bytes into lowercase ASCII-ish words:
//   "Is that calcium spot a TUMOUR??  😟"  ->  is that calcium spot a tumor
//   "What’s ＣＴ?" -> what is ct        "don't" -> do not
//   "two" -> 2    "10mm" -> 10 mm      "café" -> cafe
// Full-width forms, curly quotes, accents, zero-width and bidi marks, and
// common Cyrillic/Greek look-alikes of Latin letters are folded; emoji and
// punctuation become word breaks; contractions, chat shorthand ("u", "pls")
// and British spellings are rewritten by the lexicon's [contractions] and
// [rewrites] (lexicon/en/normalize.txt). Invalid
// UTF-8 bytes are treated as spaces (adapters reject them before this).
#ifndef FAQBOT_INTENTS_NORMALIZER_H_
#define FAQBOT_INTENTS_NORMALIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::intents {

// Lowercased, folded words of `text` after the rewrites above.
std::vector<std::string> Normalize(std::string_view text,
                                   const Lexicon& lexicon);

// The same words before the lexicon's rewrites: folded and split only
// ("Don't" -> "don't"; "Tumour" -> "tumour").
std::vector<std::string> FoldWords(std::string_view text);

// Folds one code point to the ASCII text it stands for ("é" -> "e",
// "Ａ" -> "a", "’" -> "'"). Returns an empty string for marks that vanish
// (zero-width, bidi) and " " for emoji, symbols and punctuation other than
// the apostrophe. Letters of other scripts are kept as they are.
std::string FoldCodePoint(char32_t cp);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_NORMALIZER_H_
