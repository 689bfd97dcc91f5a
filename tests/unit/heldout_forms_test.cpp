// Issue 14: forms seen on held-out official PDFs that the rules did not cover, each with a sentence of
// a real resolution: lead phrases missing from mappings/phrases.yaml, a resolution whose body opens
// with its part I (no preamble of its own), a report requested "for its consideration" at the
// session the paragraph names (mappings/deadlines.yaml).
#include <gtest/gtest.h>

#include <string>

#include "common.h"
#include "phrases.h"
#include "pipeline.h"

namespace unres {
namespace {

using test::default_rules;

// The lead phrase opening `text` as printed, and its lemma ("" when none).
std::pair<std::string, std::string> lead(PhraseKind kind, const std::string& text) {
  const auto m = match_phrase(default_rules().phrases, kind, text, 0);
  if (!m) return {"", ""};
  return {text.substr(m->whole.begin, m->whole.size()), m->lemma};
}

// The openers the issue lists from held-out PDFs (their text is not in the repository): where no
// resolution at hand holds one, the sentence is of the form reported, and says so.
TEST(HeldoutForms, PreambularPhrases) {
  // A/RES/60/7 (Holocaust remembrance).
  EXPECT_EQ(lead(PhraseKind::preambular, "Honouring the courage and dedication shown by the soldiers who liberated the "
                                         "concentration camps,"),
            std::make_pair(std::string("Honouring"), std::string("honour")));
  // These two: of the forms reported.
  EXPECT_EQ(lead(PhraseKind::preambular, "Having listened to the statements made by the representatives of Member States,"),
            std::make_pair(std::string("Having listened"), std::string("listen")));
  EXPECT_EQ(lead(PhraseKind::preambular, "Continuing to underline the importance of the full implementation of the "
                                         "Programme of Action,"),
            std::make_pair(std::string("Continuing to"), std::string("continue")));
}

TEST(HeldoutForms, OperativePhrases) {
  // A/HRC/RES/54/1 (akn-hrc-dev).
  EXPECT_EQ(lead(PhraseKind::operative, "Continues to condemn in the strongest possible terms all human rights "
                                        "violations and abuses and violations of international humanitarian law "
                                        "committed in Afghanistan"),
            std::make_pair(std::string("Continues to"), std::string("continue")));
  // Of the forms reported ("Remains concerned"; "Appropriates" in budget resolutions).
  EXPECT_EQ(lead(PhraseKind::operative, "Remains concerned about the humanitarian situation"),
            std::make_pair(std::string("Remains concerned"), std::string("concerned")));
  EXPECT_EQ(lead(PhraseKind::operative, "Remains deeply concerned about the humanitarian situation"),
            std::make_pair(std::string("Remains deeply concerned"), std::string("concerned")));
  EXPECT_EQ(lead(PhraseKind::operative, "Appropriates to the Special Account for the United Nations Interim Force in "
                                        "Lebanon the amount of 553,294,200 dollars"),
            std::make_pair(std::string("Appropriates"), std::string("appropriate")));
  // Unchanged: "Concerned" opens a preambular paragraph, as before.
  EXPECT_EQ(lead(PhraseKind::preambular, "Concerned about the humanitarian situation,").second, "concerned");
}

// A resolution in the seeds' layout whose body opens with part I, as A/RES/79/298 does (its first
// paragraphs, shortened): the paragraphs before the numbered ones are the part's, not a preamble
// (the UN's XML marks no preamble), and the numbered ones are operative as in every part.
const char* kPartFirst =
    "[DU1]\n"
    "Resolution adopted by the General Assembly on 30 June 2025\n"
    "[on the report of the Fifth Committee (A/79/925, para. 12)]\n"
    "79/298.\tSupport account for peacekeeping operations\n"
    "\n"
    "\tThe General Assembly,\n"
    "I\n"
    "Support account for peacekeeping operations\n"
    "\tRecalling its resolutions 45/258 of 3 May 1991, 47/218 A of 23 December 1992 and its other relevant "
    "resolutions,\n"
    "\tMindful that the level of the support account should broadly correspond to the mandate, number, size and "
    "complexity of peacekeeping missions,\n"
    "\t1.\tTakes note of the report of the Secretary-General on the budget for the support account for "
    "peacekeeping operations for the period from 1 July 2025 to 30 June 2026;\n"
    "\t2.\tReaffirms its role in carrying out a thorough analysis and approval of human and financial resources "
    "and policies;\n"
    "II\n"
    "Support account and related funding issues\n"
    "\tRecalling its resolution 77/304,\n"
    "\t1.\tTakes note of the report of the Secretary-General;\n"
    "\n"
    "104th plenary meeting\n"
    "30 June 2025\n";

TEST(HeldoutForms, AResolutionOpeningWithPartOneHasNoPreamble) {
  SourceFile f;
  f.path = "79_298.txt";
  f.bytes = kPartFirst;
  const Document doc = parse(f, default_rules());
  ASSERT_EQ(doc.resolutions.size(), 1u);
  int preambular = 0, operative = 0;
  for (const auto& p : doc.resolutions[0].paragraphs) {
    preambular += p.kind == "preambular";
    operative += p.kind == "operative";
  }
  EXPECT_EQ(preambular, 0);
  EXPECT_EQ(operative, 3);
}

// A/RES/80/150, operative paragraph 38 (its end): the report is due at the session the paragraph names.
TEST(HeldoutForms, AReportForItsConsiderationIsDueAtTheSessionNamed) {
  std::string text = kPartFirst;
  const std::string para =
      "\t3.\tAlso decides to include the topic “Report on the work of the Technology Bank for the Least "
      "Developed Countries” under the sub-item entitled “Follow-up to the Fifth United Nations Conference on the "
      "Least Developed Countries” at its eighty-first session, and requests the Secretary-General to submit a "
      "report for its consideration;\n";
  text.insert(text.find("II\n"), para);
  SourceFile f;
  f.path = "80_150.txt";
  f.bytes = text;
  const Document doc = parse(f, default_rules());
  ASSERT_EQ(doc.resolutions.size(), 1u);
  bool found = false;
  for (const auto& d : doc.resolutions[0].deadlines)
    found |= d.kind == "report" && d.session == 81;
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace unres
