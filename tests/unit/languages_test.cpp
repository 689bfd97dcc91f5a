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

// A phrase whose action depends on the words after it: `when` alternatives, tried in order where
// the phrase ends (after its modifiers, postmodifiers and qualifier), else the entry's own action.
// A toy language: the engine knows none.
const char* kContextLexicon =
    "extends: phrases\nlanguage: xx\npostmodifiers: [ausserdem]\n"
    "phrases:\n"
    "  - lemma: bitten\n"
    "    action: request\n"
    "    when:\n"
    "      - follows: 'dass\\b'\n"
    "        action: call for\n"
    "      - follows: 'die (?:Staaten|Regierungen)'\n"
    "        action: call upon\n"
    "    operative: [Bittet]\n"
    "  - lemma: danken\n"
    "    action: thank\n"
    "    operative: [Dankt]\n";

struct ContextRead {
  std::string action, rule_id;
};
ContextRead read_in_context(const RuleSet& r, const std::string& text) {
  const PhraseLexicon& lex = r.lexicon("xx");
  const auto m = match_phrase(lex, PhraseKind::operative, text, 0);
  if (!m) return {};
  const auto choice = lex.action_after(m->lemma, text, m->whole.end);
  return {choice.action, PhraseLexicon::rule_with("phrase-lead-operative", choice)};
}

TEST(Languages, WhatFollowsAPhraseCanDecideItsAction) {
  auto sources = default_rule_sources();
  sources.push_back({"my/phrases.xx.yaml", kContextLexicon});
  const RuleSet r = load_rules(sources);
  auto read = read_in_context(r, "Bittet den Generalsekretär, zu berichten");
  EXPECT_EQ(read.action, "request");   // no alternative matches: the entry's action
  EXPECT_EQ(read.rule_id, "phrase-lead-operative");
  read = read_in_context(r, "Bittet, dass die Konferenz stattfindet");
  EXPECT_EQ(read.action, "request");   // anchored where the phrase ends: not found further on
  read = read_in_context(r, "Bittet dass die Konferenz stattfindet");
  EXPECT_EQ(read.action, "call for");
  EXPECT_EQ(read.rule_id, "phrase-lead-operative+when.1");
  read = read_in_context(r, "Bittet ausserdem  die Staaten, zu handeln");   // after the postmodifier
  EXPECT_EQ(read.action, "call upon");
  EXPECT_EQ(read.rule_id, "phrase-lead-operative+when.2");
  // The first that matches wins.
  read = read_in_context(r, "Bittet dass die Staaten handeln");
  EXPECT_EQ(read.rule_id, "phrase-lead-operative+when.1");
  // A lemma without alternatives has its own action.
  EXPECT_EQ(read_in_context(r, "Dankt dass die Staaten").action, "thank");

  // The rule id names the alternative, so the action can be read back (align_actions, once the
  // English that gave a translation its action is gone).
  const PhraseLexicon& xx = r.lexicon("xx");
  EXPECT_EQ(xx.action_of_rule("bitten", "akn.lead+when.2"), "call upon");
  EXPECT_EQ(xx.action_of_rule("bitten", "akn.lead+when.1"), "call for");
  EXPECT_EQ(xx.action_of_rule("bitten", "akn.lead"), "request");
  EXPECT_EQ(xx.action_of_rule("bitten", "akn.lead+when.9"), "request");   // no longer in the rules
  EXPECT_EQ(xx.action_of_rule("bitten", "akn.lead+when.x"), "request");
  EXPECT_EQ(xx.action_of_rule("danken", "akn.lead+when.1"), "thank");
}

TEST(Languages, ABadWhenIsARulesErrorNamingFileAndEntry) {
  const auto with_when = [](const std::string& when) {
    return errors_with("my/phrases.xx.yaml", "extends: phrases\nlanguage: xx\nphrases:\n  - lemma: bitten\n"
                                             "    action: request\n    when:\n" + when + "    operative: [Bittet]\n");
  };
  auto errors = with_when("      - follows: 'dass ('\n        action: call for\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("my/phrases.xx.yaml:7:18: rule 'bitten': pattern 'follows' does not compile"),
            std::string::npos) << errors[0];
  // An alternative that matches the empty string would always apply.
  errors = with_when("      - follows: '(?:dass)?'\n        action: call for\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("my/phrases.xx.yaml:7:18: rule 'bitten': pattern 'follows' matches the empty string"),
            std::string::npos) << errors[0];
  // Its action is an English lemma, like the entry's.
  errors = with_when("      - follows: 'dass'\n        action: ask nicely\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("my/phrases.xx.yaml:8:17: action 'ask nicely' is not a lemma of the English lexicon"),
            std::string::npos) << errors[0];
  errors = with_when("      - follows: 'dass'\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("rule 'bitten': missing required key 'action'"), std::string::npos) << errors[0];
  errors = with_when("      - follows: 'dass'\n        action: call for\n        because: reasons\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("unknown key 'because'"), std::string::npos) << errors[0];
  errors = with_when("      follows: 'dass'\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("'when' must be a list"), std::string::npos) << errors[0];
}

TEST(Languages, TheShippedContextRules) {
  const auto in_context = [](const std::string& language, const std::string& text) {
    const PhraseLexicon& lex = rules().lexicon(language);
    const auto m = match_phrase(lex, PhraseKind::operative, text, 0);
    return m ? lex.action_after(m->lemma, text, m->whole.end).action : "";
  };
  EXPECT_EQ(in_context("fr", "Demande aux États Membres de"), "call upon");
  EXPECT_EQ(in_context("fr", "Demande que soit assuré l’accès"), "call for");
  EXPECT_EQ(in_context("fr", "Demande également qu’il soit"), "call for");
  EXPECT_EQ(in_context("ru", "призывает все государства"), "call upon");
  EXPECT_EQ(in_context("ru", "призывает обеспечить"), "call for");
  EXPECT_EQ(in_context("ru", "призывает также активизировать"), "call for");
  EXPECT_EQ(in_context("ru", "призывает к тому, чтобы государства"), "call upon");
  EXPECT_EQ(in_context("ru", "призывает к прекращению"), "call for");
  EXPECT_EQ(in_context("ru", "с удовлетворением отмечает, что Конференция"), "note");
  EXPECT_EQ(in_context("es", "Pide al Secretario General que"), "request");
  EXPECT_EQ(in_context("es", "Pide que se aplique"), "call for");
  EXPECT_EQ(in_context("ar", "تدعو إلى تنفيذ"), "call for");
  EXPECT_EQ(in_context("ar", "تدعو الدول الأعضاء إلى"), "invite");
}

TEST(Languages, PhraseKeysOfOtherScripts) {
  EXPECT_EQ(phrase_key("还请"), "还 请");
  EXPECT_EQ(phrase_key("表示强烈期望，"), "表 示 强 烈 期 望,");
  EXPECT_EQ(phrase_key("تُقر"), phrase_key("تقر"));
  EXPECT_EQ(phrase_key("Also ,  in this Regard"), "also, in this regard");
}

}  // namespace
}  // namespace unres
