#pragma once
// The compiled rules: everything unres knows about UN documents, loaded from mappings/*.yaml
// (rules/loader.h) before any input is read. Immutable once built; shared read-only by all stages.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rules/literals.h"
#include "rules/member_states.h"
#include "rules/pattern.h"

namespace unres {

// Where a rule or example stands in its YAML file, for messages: "mappings/x.yaml:12:5".
struct SourceMark {
  std::string file;
  int line = 0;
  int column = 0;
  std::string str() const { return file + ":" + std::to_string(line) + ":" + std::to_string(column); }
};

// A rule's own test: `text` must match and produce `expect`; a counter-example must not match.
struct Example {
  SourceMark mark;
  std::string text;
  std::map<std::string, std::string> expect;
  bool must_match = true;
};

// How to recognize a file's layout and rebuild one logical paragraph per line from it.
struct Layout {
  std::string id;                      // recorded in documents.format
  Pattern detect;                      // searched in the first `detect_window` bytes
  bool unwrap = false;                 // hard-wrapped lines: join them into paragraphs
  std::optional<Pattern> page_break;   // the line that ends a page
  std::optional<Pattern> page_counter; // "2/5": the page header ends here (when it comes soon)
  std::vector<Pattern> furniture;      // lines dropped after a page header (job numbers, symbols)
  std::optional<Pattern> footnote_separator;  // line that opens a page-bottom footnote block
  std::optional<Pattern> footnote_start;      // a footnote's first line inside such a block
  std::optional<Pattern> paragraph_start;     // a line that always opens a new paragraph
  std::optional<Pattern> number_only;         // a paragraph number alone on its line ("9. ")
  std::optional<Pattern> paragraph_end;       // a line that always ends its paragraph ("The General Assembly")
  bool furniture_anywhere = false;  // furniture lines are dropped wherever they occur, not only after a page header
  bool start_after_punctuation = false;  // no blank lines between paragraphs: a line after one ending in , ; : .
                                         // that starts with a capital letter or a quote opens a paragraph
  std::size_t indent_start = 0;  // > 0: a line indented this many columns more than its page's usual margin opens a paragraph
  // > 0: after a page break, the first this many runs of non-blank lines (the page break's line
  // included) are the running head when one of their lines matches `page_header`.
  std::size_t page_header_blocks = 0;
  std::optional<Pattern> page_header;  // a line of the running head ("A/RES/78/11   The Syrian Golan")
  bool page_end_blanks_continue = false;  // blank lines at the end of a page's body (pdftotext sets them
                                         // before the footnotes and the footer) do not end its paragraph
  bool footnote_numbers_apart = false;  // a footnote block's numbers stand on lines of their own, apart from
                                        // their texts (pdftotext's default mode): paired in order
  std::vector<Pattern> footnote_marks;  // marks of this layout only, besides document.footnote_marks
};

// Line-level patterns that give a resolution its shape. Each is matched against one logical line.
struct DocumentStructure {
  Pattern start;             // a resolution begins (multi-line pattern over the whole text)
  Pattern enacting_formula;  // "The General Assembly," — the preamble follows
  Pattern operative;         // groups: number, text
  Pattern subparagraph;      // groups: number (the label without parentheses), text
  Pattern roman_label;       // labels that are roman numerals, i.e. a deeper level
  Pattern closing;           // end of the body: plenary meeting or closing date
  Pattern footnote;          // groups: number, text
  Pattern end;               // end of the document proper (trailers after it)
  Pattern annex;             // an annex heading: paragraphs after it are kind 'annex'
  Pattern heading;           // a line that is a heading, not a paragraph ("I", "Section 3")
  std::vector<Pattern> footnote_marks;  // groups: mark; a match without `mark` is skipped text
  // A paragraph that introduces an embedded text ("Recommends … the following draft resolution:"):
  // the lines after it, up to the closing formula, stay inside that paragraph. Unset: no such state.
  std::optional<Pattern> embedded;
};

struct MetadataRule {
  std::string id;
  SourceMark mark;
  Pattern pattern;                                        // named groups are resolution columns
  std::vector<std::pair<std::string, std::string>> set;   // column -> template over the groups
  std::vector<Example> examples;
};

// A resolution-level fact told by a paragraph (a profile's `facts`): where `pattern` matches in the
// resolution's body (its paragraphs and the heading lines between them, annexes left out), the
// resolutions column `column` is 1 and the match is a resolution_facts row; where none of the
// profile's rules for a column matches, it is 0.
struct FactRule {
  std::string id;
  SourceMark mark;
  std::string column;   // a fact column of resolutions (model/tables.h resolution_fact_columns)
  Pattern pattern;
  std::vector<Example> examples;
};

// A kind of document, an organ's resolutions (mappings/structure.yaml `profiles`, or a rule file
// that `extends: profiles`). A resolution of the working text is read with the profile whose
// `document.start` opens it: its structure patterns drive the segmenter's states, its metadata rules
// fill the resolution's columns, and its organ is the resolution's `body` when no rule states one.
struct Profile {
  std::string id;                      // "general-assembly"
  std::string organ;                   // "A", "S", "A/HRC", "E"
  DocumentStructure document;          // the base `document`, with the profile's own patterns
  std::vector<MetadataRule> metadata;  // the profile's own rules, then the base `metadata`
  std::size_t own_metadata = 0;        // how many of `metadata` are the profile's own
  std::vector<FactRule> facts;         // the facts its resolutions' paragraphs tell
  // How many Members the organ had from a date on (ISO date -> count), for the Members that did not
  // vote: resolutions.votes_non_voting is the membership on the adoption date less the votes cast.
  std::map<std::string, int> members;
};

// Phrases are sequences of words; keys are phrase_key() of the YAML entries.
struct PhraseLexicon {
  std::unordered_map<std::string, std::string> lemma_of_form;  // form key -> lemma
  std::unordered_set<std::string> preambular_forms, operative_forms;
  std::unordered_set<std::string> modifiers, postmodifiers, qualifiers;
  std::size_t max_words = 1;   // the longest entry, in words
  // The matcher's index: every key of the sets above, and every proper prefix of one in words and
  // commas ("also", "also," for "also, in this regard"), with the sets it belongs to. One lookup
  // per word read; matching stops at the first word sequence that begins no entry.
  enum Role : std::uint8_t { modifier = 1, postmodifier = 2, qualifier = 4, preambular = 8, operative = 16, prefix = 32 };
  std::unordered_map<std::string, std::uint8_t> roles;
  // A language other than English: its lemma -> the English lemma of the same action ("prie" ->
  // "request"). Empty for English, whose action is the lemma.
  std::unordered_map<std::string, std::string> action_of_lemma;
  const std::string& action(const std::string& lemma) const {
    if (action_of_lemma.empty()) return lemma;
    const auto it = action_of_lemma.find(lemma);
    return it == action_of_lemma.end() ? lemma : it->second;
  }
  // A lemma whose action depends on the words after its phrase (`when` in the YAML): French
  // "Demande que …" calls for, "Demande aux États …" calls upon. Tried in order where the phrase
  // ends (after its modifiers and qualifier, spaces skipped); the first that matches gives the
  // action, else the lemma's own. Only lemmas that have alternatives cost a pattern match.
  struct ContextAction {
    Pattern follows;
    std::string action;
  };
  std::unordered_map<std::string, std::vector<ContextAction>> context_of_lemma;
  struct ActionChoice {
    std::string action;
    int alternative = 0;   // 1-based index into the lemma's `when` list; 0: the lemma's own action
  };
  // The action of `lemma` for a phrase that ends at `end` of `text`.
  ActionChoice action_after(const std::string& lemma, std::string_view text, std::size_t end) const;
  // The rule id of a phrase found by `rule` whose action came from `choice`: "akn.lead+when.2"
  // names the second `when` alternative of the row's lemma; `rule` alone, the lemma's own action.
  static std::string rule_with(std::string_view rule, const ActionChoice& choice);
  // The action a row of `lemma` took by its rule id (see rule_with), as the lexicon gives it now.
  std::string action_of_rule(const std::string& lemma, std::string_view rule_id) const;
  Pattern secondary_connector;  // what precedes a later action in a paragraph: ", and "
  std::unordered_set<std::string> coordinators;  // join two verbs of one opener: "Recalling and further endorsing"
};

// Lower case (fold_case), one space between words, none before a comma: "Also ,  in this Regard" -> "also, in this regard".
// Beyond the Latin script, words as the phrase matcher reads them (phrases.cpp): a CJK ideograph is
// a word of its own ("还请" -> "还 请": Chinese is written without spaces, and 还 "also" is a
// modifier of 请 "requests"); Arabic vowel marks and the tatweel are dropped (printed or not:
// "تُقر" = "تقر"); the Arabic and the full-width comma are commas.
std::string phrase_key(std::string_view phrase);

namespace phrase_script {
// A CJK ideograph (U+4000..U+9FFF) starts with this byte: three bytes, one word.
inline bool cjk_lead(unsigned char c) { return c >= 0xE4 && c <= 0xE9; }
// The length of a comma at `i` (',' '،' '，'), else 0.
inline std::size_t comma(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  if (b(0) == ',') return 1;
  if (b(0) == 0xD8 && b(1) == 0x8C) return 2;
  if (b(0) == 0xEF && b(1) == 0xBC && b(2) == 0x8C) return 3;
  return 0;
}
// Drops Arabic vowel marks (U+064B..U+065F, U+0670) and the tatweel (U+0640).
inline void drop_arabic_marks(std::string& s) {
  if (s.find('\xD9') == std::string::npos) return;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xD9 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if (d == 0x80 || (d >= 0x8B && d <= 0x9F) || d == 0xB0) {
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  s = std::move(out);
}
}  // namespace phrase_script

struct Organization {
  std::string name, acronym, category;
  std::vector<std::string> aliases;
};

struct Gazetteer {
  std::vector<Organization> entries;
  std::unordered_map<std::string, std::size_t> entry_of_surface;  // exact surface -> entries index
  LiteralSet matcher;        // any surface, whole word, leftmost-longest
  Pattern defined_acronym;   // right after a mention: "(UN-Women)"; group: acronym
};

struct Emit {
  std::string kind;
  std::string target;   // template: {group} replaced by the group's text
  std::string when;     // emit only when this group took part (empty: always)
};

struct CitationRule {
  std::string id;
  SourceMark mark;
  Pattern pattern;
  std::optional<Pattern> next;   // anchored right after a match: the next item of a list
  std::vector<Emit> emit;
  std::vector<Example> examples;
};

struct DeadlineRule {
  std::string id;
  std::string kind;
  SourceMark mark;
  Pattern pattern;   // groups: session, requested_of, body, subject, due_date, due_year
  bool session_from_paragraph = false;  // session implied by another deadline of the paragraph
  std::map<std::string, std::string> defaults;
  std::vector<Example> examples;
};

// The words and forms of a language that turn text into values. Keys are fold_case()d.
struct Vocabulary {
  std::unordered_map<std::string, int> months;        // month name -> 1..12
  std::unordered_map<std::string, int> number_words;  // cardinal or ordinal word -> value
  std::unordered_map<std::string, int> relative_sessions;  // "next" -> +1 from the resolution's session
  std::unordered_set<std::string> number_joiners;     // skipped between number words: "one hundred and first"
  // How dates are written: each pattern matches a whole date, with groups day, month (a name or a
  // number) and year: "19 May 2014", "1er janvier 2024", "2024年1月1日".
  std::vector<Pattern> dates;
  // How `unres search` widens a word typed (`search_words`): a word that `words` matches whole is
  // also sought without the first of `strip` it starts with, and with each of `prefixes` written
  // before that: Arabic writes its particles (و, ب, ل …) and the article (ال) joined to the next
  // word, so السلام is also والسلام, للسلام, بسلام. With `endings`, it is also sought as its stem
  // (the word without the longest of them that leaves `min_stem` characters) followed by anything:
  // Russian государства is also государств*, which finds государствам, государствами.
  struct WordForms {
    Pattern words;
    std::vector<std::string> strip, prefixes, endings;
    std::size_t min_stem = 3;
  };
  std::vector<WordForms> search_words;
  // The other forms `unres search` seeks a typed word in (search_words); empty for most words.
  std::vector<std::string> search_forms(std::string_view word) const;

  // "19 May 2014" -> "2014-05-19"; nullopt when not a date.
  std::optional<std::string> iso_date(std::string_view text) const;
  // "sixty-ninth" -> 69, "70" -> 70; nullopt when not a number.
  std::optional<int> number(std::string_view text) const;
};

struct RuleSet {
  std::vector<Layout> layouts;
  std::size_t detect_window = 4096;
  std::vector<std::pair<std::string, std::string>> replacements;  // characters normalized in text
  std::optional<Pattern> replacement_matcher;
  DocumentStructure document;           // the base structure every profile starts from
  std::vector<MetadataRule> metadata;    // the base metadata rules every profile searches last
  // In the order they are tried; never empty once loaded (without `profiles`, one profile of the
  // base `document` and `metadata`, with no organ).
  std::vector<Profile> profiles;
  // The profile of a structured source's resolution: the one of its organ, else the first.
  const Profile& profile_of_organ(std::string_view organ) const {
    for (const auto& p : profiles)
      if (!organ.empty() && p.organ == organ) return p;
    return profiles.front();
  }
  PhraseLexicon phrases;   // English, and any language without a lexicon of its own
  std::map<std::string, PhraseLexicon> phrases_of_language;   // "fr" -> mappings/phrases.fr.yaml
  // The lexicon of a language code ("fr"; "" or "en": English).
  const PhraseLexicon& lexicon(std::string_view language) const {
    if (language.empty() || phrases_of_language.empty()) return phrases;
    const auto it = phrases_of_language.find(std::string(language));
    return it == phrases_of_language.end() ? phrases : it->second;
  }
  Gazetteer organizations;
  std::vector<CitationRule> citations;
  // Every citation pattern in one alternation, in file order, without captures: one scan finds
  // where the next citation starts and which rule wins there (the first that matches).
  Pattern citation_scanner;
  Pattern ibid;
  std::vector<DeadlineRule> deadlines;
  // deadlines.yaml `own_body`: the body whose sessions the resolution's own session counts (a
  // deadline due to it at an earlier session is a past reference, not a deadline). Empty: none.
  std::string deadline_own_body;
  PatternSet deadline_prefilter;
  Vocabulary vocabulary;
  MemberStates member_states;   // mappings/member_states.yaml: names in the records -> ISO 3166 codes
  std::string hash;   // of every rule file's bytes: recorded with each run
};

// Expands {group} in `tmpl` from `match` (a group that did not take part expands to nothing),
// then folds white space. Unknown groups expand to nothing; the loader rejects them beforehand.
std::string render_template(std::string_view tmpl, std::string_view text, const Pattern& pattern,
                            const Pattern::Match& match);
// The group names a template refers to.
std::vector<std::string> template_groups(std::string_view tmpl);

}  // namespace unres
