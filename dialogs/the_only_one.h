// TheOnlyOne: of several items, the one index a test picks, when exactly
// one does ("the one section that speaks to the aspect", "the one article
// whose title's subject the message names"). Internal to dialogs/.
#ifndef FAQBOT_DIALOGS_THE_ONLY_ONE_H_
#define FAQBOT_DIALOGS_THE_ONLY_ONE_H_

namespace faqbot::dialogs {

// The one index `pick` gives for an item of `items` (-1: none for it), or
// -1 when none or several do.
template <typename Items, typename Pick>
int TheOnlyOne(const Items& items, Pick pick) {
  int found = -1;
  for (const auto& item : items) {
    const int index = pick(item);
    if (index < 0) continue;
    if (found >= 0) return -1;
    found = index;
  }
  return found;
}

}  // namespace faqbot::dialogs

#endif  // FAQBOT_DIALOGS_THE_ONLY_ONE_H_
