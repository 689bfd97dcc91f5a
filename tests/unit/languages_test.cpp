// Issue 16: a phrase lexicon per language (mappings/phrases.LANG.yaml: `extends: phrases`,
// `language: fr`, each phrase with the English `action`), read by the loader and matched with the
// resolution's language: French words, Chinese without spaces, Arabic with or without vowel marks.
#include <gtest/gtest.h>

#include "errors.h"
#include "phrases.h"
#include "common.h"
#include "rules/loader.h"

namespace unres {
namespace {

using test::errors_with;

const RuleSet& rules() {
  static const RuleSet r = load_rules(default_rule_sources());
  return r;
}

// The action of the lead phrase opening `text`, read with the lexicon of `language`.
std::string action_of(const std::string& language, PhraseKind kind, const std::string& text) {
  const PhraseLexicon& lex = rules().lexicon(language);
  const auto m = match_phrase(lex, kind, text, 0);
  return m ? lex.action(m->lemma) : "";
}

TEST(Languages, AFileWithALanguageIsThatLanguagesLexicon) {
  auto sources = default_rule_sources();
  sources.push_back({"my/phrases.xx.yaml",
                     "extends: phrases\nlanguage: xx\nmodifiers: [ausserdem]\n"
                     "phrases:\n  - lemma: bitten\n    action: request\n    operative: [Bittet]\n"});
  const RuleSet r = load_rules(sources);
  const PhraseLexicon& xx = r.lexicon("xx");
  const auto m = match_phrase(xx, PhraseKind::operative, "Ausserdem bittet den Generalsekretär", 0);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->lemma, "bitten");
  EXPECT_EQ(m->modifier, "ausserdem");
  EXPECT_EQ(xx.action(m->lemma), "request");
  // English is untouched: its lexicon does not know the word, and its action is the lemma.
  EXPECT_FALSE(r.phrases.lemma_of_form.count("bittet"));
  EXPECT_EQ(&r.lexicon("en"), &r.phrases);
  EXPECT_EQ(&r.lexicon("de"), &r.phrases);   // a language without a lexicon: English
  EXPECT_EQ(r.phrases.action("request"), "request");
}

TEST(Languages, AnActionMustBeAnEnglishLemma) {
  const auto errors = errors_with("my/phrases.xx.yaml",
                                  "extends: phrases\nlanguage: xx\n"
                                  "phrases:\n  - lemma: bitten\n    action: ask nicely\n    operative: [Bittet]\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("my/phrases.xx.yaml:5:13: action 'ask nicely' is not a lemma of the English lexicon"),
            std::string::npos)
      << errors[0];
}

TEST(Languages, TheLanguageKeyIsChecked) {
  const auto bad = errors_with("my/p.yaml", "extends: phrases\nlanguage: French\nphrases: []\n");
  ASSERT_FALSE(bad.empty());
  EXPECT_NE(bad[0].find("my/p.yaml:2:11: 'language' must be a lower-case ISO 639-1 code"), std::string::npos) << bad[0];
  // `action` belongs to a language's file; English phrases have their lemma as action.
  const auto english = errors_with("my/p.yaml", "extends: phrases\nphrases:\n  - lemma: honour\n    action: honour\n");
  ASSERT_FALSE(english.empty());
  EXPECT_NE(english[0].find("unknown key 'action'"), std::string::npos) << english[0];
  // A language's phrase needs its action.
  const auto missing = errors_with("my/p.yaml", "extends: phrases\nlanguage: xx\nphrases:\n  - lemma: bitten\n    operative: [Bittet]\n");
  EXPECT_FALSE(missing.empty());
}

TEST(Languages, FrenchLeadActions) {
  EXPECT_EQ(action_of("fr", PhraseKind::operative, "Prie en outre le Secrétaire général"), "request");
  EXPECT_EQ(action_of("fr", PhraseKind::operative, "Prend acte du rapport"), "take note");
  // As the UN translates: "Welcomes" is often "Prend note avec satisfaction", a form of its own.
  EXPECT_EQ(action_of("fr", PhraseKind::operative, "Prend note avec satisfaction du rapport"), "welcome");
  EXPECT_EQ(action_of("fr", PhraseKind::operative, "Prend note également du rapport"), "take note");
  EXPECT_EQ(action_of("fr", PhraseKind::preambular, "Rappelant sa résolution 77/1"), "recall");
  EXPECT_EQ(action_of("en", PhraseKind::operative, "Prie en outre le Secrétaire général"), "");
}

TEST(Languages, ChineseIsReadOneIdeographAWord) {
  // 还 "also" and 又 "further" are modifiers of 请 "requests": no spaces needed.
  EXPECT_EQ(action_of("zh", PhraseKind::operative, "请秘书长"), "request");
  EXPECT_EQ(action_of("zh", PhraseKind::operative, "还请秘书长"), "request");
  EXPECT_EQ(action_of("zh", PhraseKind::operative, "又请秘书长"), "request");
  EXPECT_EQ(action_of("zh", PhraseKind::operative, "鼓励会员国"), "encourage");
}

TEST(Languages, ArabicWithOrWithoutVowelMarks) {
  EXPECT_EQ(action_of("ar", PhraseKind::operative, "تطلب إلى الأمين العام"), "request");
  EXPECT_EQ(action_of("ar", PhraseKind::operative, "تطلب أيضا إلى الأمين العام"), "request");
  EXPECT_EQ(action_of("ar", PhraseKind::operative, "تَطلُب إلى الأمين العام"), "request");   // vowel marks
  EXPECT_EQ(action_of("ar", PhraseKind::operative, "تهيب، في هذا الصدد"), "call upon");     // Arabic comma
}

// The grammar of each language: a lead verb with its modifiers and qualifiers keeps the verb's
// action, while a fixed expression that begins with a modifier word is a phrase of its own. Real
// openers of the dev resolutions (A/RES/78/..., 79/..., 80/...).
TEST(Languages, ModifiersKeepTheVerbsAction) {
  EXPECT_EQ(action_of("fr", PhraseKind::operative, "Prie également le Secrétaire général de lui présenter"), "request");
  EXPECT_EQ(action_of("fr", PhraseKind::operative, "Condamne énergiquement toutes les violations"), "condemn");
  EXPECT_EQ(action_of("fr", PhraseKind::preambular, "Réaffirmant également sa résolution 77/1"), "reaffirm");
  EXPECT_EQ(action_of("es", PhraseKind::operative, "Solicita además al Secretario General que"), "request");
  EXPECT_EQ(action_of("es", PhraseKind::operative, "Pide también a todos los Estados"), "call for");
  EXPECT_EQ(action_of("es", PhraseKind::operative, "Alienta también a los Estados Miembros"), "encourage");
  EXPECT_EQ(action_of("ar", PhraseKind::operative, "تشجع كذلك الدول الأعضاء"), "encourage");
  EXPECT_EQ(action_of("ar", PhraseKind::operative, "تهيب أيضا بالدول الأعضاء"), "call upon");
  EXPECT_EQ(action_of("zh", PhraseKind::operative, "还鼓励会员国"), "encourage");
  EXPECT_EQ(action_of("ru", PhraseKind::operative, "просит также Генерального секретаря"), "request");
  EXPECT_EQ(action_of("ru", PhraseKind::operative, "призывает также государства-члены"), "call upon");
}

TEST(Languages, AFixedExpressionBeatsModifierAndVerb) {
  // "настоятельно" (strongly) is a modifier, yet "настоятельно призывает" is "Urges", not
  // "Strongly calls upon"; "с удовлетворением отмечает" is how "Welcomes" is mostly rendered.
  EXPECT_EQ(action_of("ru", PhraseKind::operative, "настоятельно призывает все государства"), "urge");
  EXPECT_EQ(action_of("ru", PhraseKind::operative, "настоятельно призывает также все государства"), "urge");
  EXPECT_EQ(action_of("ru", PhraseKind::operative, "призывает все государства"), "call upon");
  EXPECT_EQ(action_of("ru", PhraseKind::operative, "с удовлетворением отмечает доклад"), "welcome");
  // The longer reading wins: 赞赏地 "with appreciation" is a modifier of 注意到 "notes", though 赞赏
  // "appreciates" is a form of its own.
  EXPECT_EQ(action_of("zh", PhraseKind::operative, "赞赏地注意到秘书长的报告"), "note");
  EXPECT_EQ(action_of("zh", PhraseKind::operative, "赞赏会员国"), "appreciate");
}

TEST(Languages, ChineseFormsServeBothKindsArabicPreambleTakesWaIdh) {
  // A Chinese verb is the same in the preamble and the operative part.
  EXPECT_EQ(action_of("zh", PhraseKind::operative, "认识到必须"), "recognize");
  EXPECT_EQ(action_of("zh", PhraseKind::preambular, "认识到必须"), "recognize");
  // An Arabic preambular phrase is the operative one after وإذ ("and while").
  EXPECT_EQ(action_of("ar", PhraseKind::preambular, "وإذ تشجع الدول الأعضاء"), "encourage");
  EXPECT_EQ(action_of("ar", PhraseKind::operative, "تشجع الدول الأعضاء"), "encourage");
}

TEST(Languages, PhraseKeysOfOtherScripts) {
  EXPECT_EQ(phrase_key("还请"), "还 请");
  EXPECT_EQ(phrase_key("表示强烈期望，"), "表 示 强 烈 期 望,");
  EXPECT_EQ(phrase_key("تُقر"), phrase_key("تقر"));
  EXPECT_EQ(phrase_key("Also ,  in this Regard"), "also, in this regard");
}

}  // namespace
}  // namespace unres
