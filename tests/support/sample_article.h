// A small article in the FAQ shape for tests that need a pack of their
// own (two sections, closing advice), independent of the shipped content.
#ifndef FAQBOT_TESTS_SUPPORT_SAMPLE_ARTICLE_H_
#define FAQBOT_TESTS_SUPPORT_SAMPLE_ARTICLE_H_

#include <string>

namespace faqbot::testing {

inline constexpr char kMigraineArticle[] =
    "Are migraines dangerous?\n"
    "Migraines are rarely dangerous, but they can be caused by stress or "
    "hormones. Details are as follows:\n"
    "1. Stress\n"
    "Stress can lead to migraine attacks. Patients often feel a throbbing "
    "headache. Rest in a dark room and painkillers are recommended.\n"
    "2. Hormones\n"
    "Hormone changes cause migraines in some women. Treatment with "
    "prescribed medication can help.\n"
    "See a doctor if headaches get worse.\n";

// A spleen-cyst article for tests of a person's story and its sizes:
// small and large cysts (5 cm apart), `small` ending the sentence on what
// is done about small ones, then `more` (further numbered sections, or
// none) and the closing advice. It never uses the word "size".
inline std::string SpleenCystArticle(const std::string& small,
                                     const std::string& more = "") {
  return "Is a spleen cyst dangerous?\n"
         "A spleen cyst is a fluid-filled pouch in the spleen. Most are "
         "harmless and are found by chance on an ultrasound. Details are as "
         "follows:\n"
         "1. Small cysts\n"
         "Cysts smaller than 5 centimetres usually cause no symptoms and " +
         small +
         "\n"
         "2. Large cysts\n"
         "Cysts larger than 5 centimetres can press on the stomach and cause "
         "pain or fullness after meals.\n" +
         more +
         "See a doctor promptly if you have sudden severe pain in the left "
         "upper abdomen.\n";
}

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_SAMPLE_ARTICLE_H_
