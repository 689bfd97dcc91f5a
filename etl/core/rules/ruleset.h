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
};

struct MetadataRule {
  std::string id;
  SourceMark mark;
  Pattern pattern;                                        // named groups are resolution columns
  std::vector<std::pair<std::string, std::string>> set;   // column -> template over the groups
  std::vector<Example> examples;
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
  Pattern secondary_connector;  // what precedes a later action in a paragraph: ", and "
  std::unordered_set<std::string> coordinators;  // join two verbs of one opener: "Recalling and further endorsing"
};

// Lower case (fold_case), one space between words, none before a comma: "Also ,  in this Regard" -> "also, in this regard".
std::string phrase_key(std::string_view phrase);

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
  DocumentStructure document;
  std::vector<MetadataRule> metadata;
  PhraseLexicon phrases;
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
