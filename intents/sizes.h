// Sizes in text, in millimetres. A question's ("a 7 cm cyst", "4-5 cm",
// "5.3 x 3 cm": the largest) and an article's ranges ("larger than 10
// millimetres", "up to about 10 millimetres", "under 5 centimetres"), so
// that a size asks about the sections whose ranges hold it. The units
// and the words that make a range are the lexicon's ([millimetres],
// [centimetres], [size-above], [size-below], [size-hedges]).
#ifndef FAQBOT_INTENTS_SIZES_H_
#define FAQBOT_INTENTS_SIZES_H_

#include <limits>
#include <string_view>
#include <vector>

#include "intents/lexicon.h"

namespace faqbot::intents {

// Sizes above `above` and up to `upto` (millimetres).
struct SizeRange {
  double above = 0;
  double upto = std::numeric_limits<double>::infinity();
  bool Holds(double mm) const { return mm > above && mm <= upto; }
};

// The sizes `text` gives, each once, in millimetres.
std::vector<double> SizesIn(std::string_view text, const Lexicon& lexicon);
// The ranges `text` states ("larger than 10 millimetres", "6 to 8
// millimetres"); one size without a word of range gives none.
std::vector<SizeRange> SizeRangesIn(std::string_view text,
                                    const Lexicon& lexicon);

}  // namespace faqbot::intents

#endif  // FAQBOT_INTENTS_SIZES_H_
