#include "segment.h"

#include <algorithm>

#include "errors.h"
#include "phrases.h"
#include "text.h"

namespace unres {

namespace {

// The states a resolution's lines go through; the profile's patterns open each (docs/rules.md,
// "Adding a profile"): header, then preamble (enacting_formula), operative (operative, or an
// operative phrase), embedded (a paragraph matching `embedded`; only in profiles that have it),
// annex (annex), closing (closing); `end` stops.
enum class State { header, preamble, operative, embedded, annex, closing };

int to_int(std::string_view digits) {
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9' || n > 100000) return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

// Sub-paragraph labels: letters (a), (b) … and, one level deeper, roman numerals (i), (ii) …
// "(i)" right after "(h)" is a letter.
class SubparagraphNesting {
 public:
  explicit SubparagraphNesting(const Pattern& roman) : roman_(roman) {}
  void new_top(int top) {
    top_ = top;
    letter_parent_ = -1;
    last_letter_.clear();
  }
  // Returns the parent for a sub-paragraph labelled `label`, to be stored at index `index`.
  int place(const std::string& label, int index) {
    const bool next_letter = last_letter_.size() == 1 && label.size() == 1 && label[0] == last_letter_[0] + 1;
    const bool is_roman = roman_.test_at(label, 0) && !next_letter;
    if (is_roman && letter_parent_ >= 0) return letter_parent_;
    if (is_roman && last_letter_.empty()) return top_;  // roman directly under the paragraph
    last_letter_ = label;
    letter_parent_ = index;
    return top_;
  }

 private:
  const Pattern& roman_;
  int top_ = -1, letter_parent_ = -1;
  std::string last_letter_;
};

// Whether a paragraph ends as a clause does (",", ";", ":", "."), a footnote mark aside.
bool ends_clause(std::string_view text) {
  std::size_t end = text.find_last_not_of("0123456789 \t");
  return end != std::string_view::npos && std::string_view(",;:.").find(text[end]) != std::string_view::npos;
}

}  // namespace

Segments segment(const NormalizedText& text, const DocumentSpan& doc, const RuleSet& rules) {
  const std::string_view all = text.text;
  const auto& S = rules.profiles.at(doc.profile).document;
  Segments out;
  State state = State::header;
  int top = -1;                       // current top-level paragraph
  std::vector<int> children_count;    // per paragraph, to number sub-paragraphs
  int top_count[3] = {0, 0, 0};       // preambular, operative, annex
  SubparagraphNesting nesting(S.roman_label);
  bool saw_enacting = false;
  out.header = {doc.text.begin, doc.text.begin};

  const auto kind_index = [](const std::string& kind) { return kind == "preambular" ? 0 : kind == "operative" ? 1 : 2; };
  const auto add_top = [&](const std::string& kind, std::string number, Span line, Span body) {
    ParagraphSegment p{kind, std::move(number), -1, ++top_count[kind_index(kind)], line, body};
    out.paragraphs.push_back(std::move(p));
    children_count.push_back(0);
    top = static_cast<int>(out.paragraphs.size()) - 1;
    nesting.new_top(top);
    // "Recommends … the following draft resolution:": what follows belongs to this paragraph.
    if (S.embedded && S.embedded->test(all.substr(body.begin, body.size())))
      state = State::embedded;
  };
  const auto group_span = [](const Pattern& p, const Pattern::Match& m, const char* name, std::size_t base) {
    const auto& g = m.groups[static_cast<std::size_t>(p.group(name))];
    return g ? Span{base + g->begin, base + g->end} : Span{base, base};
  };
  // The `text` group marks where a paragraph's own text begins; it runs to the end of the line.
  // (Capturing only its first character keeps RE2's sub-match work short on long lines.)
  const auto text_span = [](const Pattern& p, const Pattern::Match& m, std::size_t base, std::size_t line_end) {
    const auto& g = m.groups[static_cast<std::size_t>(p.group("text"))];
    return Span{g ? base + g->begin : line_end, line_end};
  };
  const auto add_footnote = [&](const Pattern::Match& m, std::string_view line, std::size_t base) {
    const Span number = group_span(S.footnote, m, "number", base);
    out.footnotes.push_back({to_int(all.substr(number.begin, number.size())), text_span(S.footnote, m, base, base + line.size()),
                             {base, base + line.size()}});
  };

  for (const auto& l : split_lines(all, doc.text.begin, doc.text.end)) {
    const std::string_view line = all.substr(l.begin, l.end - l.begin);
    if (trim(line).empty()) continue;
    const Span whole{l.begin, l.end};
    if (state == State::header) {
      if (S.enacting_formula.test_at(line, 0)) {
        state = State::preamble;
        saw_enacting = true;
        out.header.end = l.begin;
      }
      continue;
    }
    if (S.end.test_at(line, 0)) break;
    if (state != State::closing && S.closing.test_at(line, 0)) {
      state = State::closing;
      continue;
    }
    if (state == State::embedded) {  // the embedded text: inside its paragraph's line, not paragraphs
      out.paragraphs[static_cast<std::size_t>(top)].line.end = l.end;
      continue;
    }
    if (S.annex.test_at(line, 0)) {
      state = State::annex;
      top = -1;
      continue;
    }
    if (state == State::closing) {
      if (S.closing.test_at(line, 0)) continue;  // "19 May 2014" after the plenary meeting line
      if (doc.footnotes.size() == 0)
        if (auto m = S.footnote.match_at(line, 0)) add_footnote(*m, line, l.begin);
      continue;
    }
    if (auto m = S.operative.match_at(line, 0)) {
      if (state == State::preamble) state = State::operative;
      add_top(state == State::annex ? "annex" : "operative", std::string(group_text(line, *m, S.operative.group("number"))),
              whole, text_span(S.operative, *m, l.begin, l.end));
      continue;
    }
    if (auto m = S.subparagraph.match_at(line, 0); m && top >= 0) {
      const std::string label(group_text(line, *m, S.subparagraph.group("number")));
      const int index = static_cast<int>(out.paragraphs.size());
      const int parent = nesting.place(label, index);
      ParagraphSegment p{out.paragraphs[static_cast<std::size_t>(top)].kind, "(" + label + ")", parent,
                         ++children_count[static_cast<std::size_t>(parent)], whole,
                         text_span(S.subparagraph, *m, l.begin, l.end)};
      out.paragraphs.push_back(std::move(p));
      children_count.push_back(0);
      continue;
    }
    const Span body{l.begin + static_cast<std::size_t>(trim(line).data() - line.data()), l.end};
    const std::string_view own = all.substr(body.begin, body.size());
    if (S.heading.test_at(line, 0)) {
      // A part heading ("I") before any preambular paragraph: the resolution is in parts, each with
      // its own introductory paragraphs ("Recalling …") and numbered ones, and has no preamble of
      // its own (the UN's XML: a crossHeading per part, no preamble). The parts are read as the
      // later parts always were: their unnumbered paragraphs are not counted as preambular.
      if (state == State::preamble && top_count[0] == 0) state = State::operative;
      continue;
    }
    if (state == State::operative) {
      // An unnumbered line amid operative paragraphs: a continuation when it starts in lower case,
      // otherwise a heading ("Section 3", a part's title).
      if (!out.paragraphs.empty() && starts_lowercase(own)) {
        out.paragraphs.back().body.end = l.end;
        out.paragraphs.back().line.end = l.end;
      }
      continue;
    }
    const bool preambular_phrase = match_phrase(rules.phrases, PhraseKind::preambular, own, 0).has_value();
    if (state == State::preamble && !preambular_phrase &&
        match_phrase(rules.phrases, PhraseKind::operative, own, 0)) {
      // A resolution of one unnumbered operative paragraph ("The General Assembly / Endorses …").
      state = State::operative;
      add_top("operative", "", whole, body);
      continue;
    }
    if (state == State::preamble && !ends_clause(own) && !preambular_phrase)
      continue;  // a heading: preambular paragraphs open with a phrase or end with punctuation
    add_top(state == State::preamble ? "preambular" : "annex", "", whole, body);
  }
  if (!saw_enacting)
    throw InputError("segment", line_of(all, doc.text.begin),
                     "no enacting formula: no line such as 'The General Assembly,' comes before the paragraphs",
                     excerpt(all, doc.text.begin));

  for (const auto& l : split_lines(all, doc.footnotes.begin, doc.footnotes.end)) {
    const std::string_view line = all.substr(l.begin, l.end - l.begin);
    if (auto m = S.footnote.match_at(line, 0)) add_footnote(*m, line, l.begin);
    else if (!out.footnotes.empty() && !trim(line).empty()) out.footnotes.back().body.end = l.end;
  }

  // Footnote marks: candidates from every pattern, accepted in document order only when they name
  // an existing footnote that is at most two past the next new one, or one already referred to.
  std::vector<std::size_t> index_of_number;
  for (std::size_t i = 0; i < out.footnotes.size(); ++i) {
    const int n = out.footnotes[i].number;
    if (n <= 0) continue;
    if (index_of_number.size() <= static_cast<std::size_t>(n)) index_of_number.resize(static_cast<std::size_t>(n) + 1, SIZE_MAX);
    if (index_of_number[static_cast<std::size_t>(n)] == SIZE_MAX) index_of_number[static_cast<std::size_t>(n)] = i;
  }
  // One scan per pattern over the whole body; a candidate counts for the paragraph holding it.
  std::vector<std::pair<std::size_t, Span>> candidates;  // paragraph, mark
  if (!out.footnotes.empty() && !out.paragraphs.empty()) {
    const Span region{out.paragraphs.front().body.begin, out.paragraphs.back().body.end};
    // The document's mark patterns, and those of the text's layout (pdftotext spaces marks: "Rights, 1 the").
    std::vector<const Pattern*> mark_patterns;
    for (const auto& pattern : S.footnote_marks) mark_patterns.push_back(&pattern);
    for (const auto& layout : rules.layouts)
      if (layout.id == text.format)
        for (const auto& pattern : layout.footnote_marks) mark_patterns.push_back(&pattern);
    for (const Pattern* mark_pattern : mark_patterns) {
      const Pattern& pattern = *mark_pattern;
      const int g = pattern.group("mark");
      for (const auto& m : pattern.find_all(all, region.begin, region.end)) {
        const auto& mark = m.groups[static_cast<std::size_t>(g)];
        if (!mark) continue;
        const auto it = std::upper_bound(out.paragraphs.begin(), out.paragraphs.end(), mark->begin,
                                         [](std::size_t at, const ParagraphSegment& p) { return at < p.body.begin; });
        if (it == out.paragraphs.begin() || mark->end > std::prev(it)->body.end) continue;
        candidates.push_back({static_cast<std::size_t>(std::prev(it) - out.paragraphs.begin()), *mark});
      }
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.second.begin < b.second.begin; });
  int next_new = 1;
  std::size_t last_end = 0;
  for (const auto& [p, c] : candidates) {
    if (c.begin < last_end) continue;
    const int n = to_int(all.substr(c.begin, c.size()));
    // A mark may be missed (glued to a number, "Agenda 216"): tolerate a gap of two.
    if (n <= 0 || static_cast<std::size_t>(n) >= index_of_number.size() ||
        index_of_number[static_cast<std::size_t>(n)] == SIZE_MAX || n > next_new + 2)
      continue;
    next_new = std::max(next_new, n + 1);
    out.marks.push_back({p, index_of_number[static_cast<std::size_t>(n)], c});
    last_end = c.end;
  }
  return out;
}

}  // namespace unres
