// A small article in the FAQ shape for tests that need a pack of their
// own (two sections, closing advice), independent of the shipped content.
#ifndef FAQBOT_TESTS_SUPPORT_SAMPLE_ARTICLE_H_
#define FAQBOT_TESTS_SUPPORT_SAMPLE_ARTICLE_H_

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

}  // namespace faqbot::testing

#endif  // FAQBOT_TESTS_SUPPORT_SAMPLE_ARTICLE_H_
