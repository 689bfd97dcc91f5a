// AKN4UN XML reader: see akn.h. The only user of pugixml.
//
// pugixml never expands entities other than the five predefined ones and character references:
// an internal DTD subset is not read, so "billion laughs" cannot grow. A document that declares
// entities is still rejected, so that "&lol9;" never reaches the database as text.
#include "formats/akn.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "errors.h"
#include "text.h"

namespace unres::akn {
namespace {

constexpr std::string_view kNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// ---- small helpers on names and text ------------------------------------------------------------

// Element name without its namespace prefix ("akn:p" -> "p").
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool named(const pugi::xml_node& node, std::string_view name) {
  return node.type() == pugi::node_element && local_name(node) == name;
}

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) {
  for (auto c = node.first_child(); c; c = c.next_sibling())
    if (named(c, name)) return c;
  return {};
}

// First descendant element so named, in document order (depth is bounded by read_akn).
pugi::xml_node descendant(const pugi::xml_node& node, std::string_view name) {
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (named(c, name)) return c;
    if (auto d = descendant(c, name)) return d;
  }
  return {};
}

template <typename Visit>
void each_descendant(const pugi::xml_node& node, std::string_view name, Visit&& visit) {
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (named(c, name)) visit(c);
    each_descendant(c, name, visit);
  }
}

void collect_text(const pugi::xml_node& node, std::string& out) {
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
    } else if (c.type() == pugi::node_element) {
      if (named(c, "authorialNote")) continue;
      out += ' ';  // <eol/>, cell and element boundaries read as a space
      collect_text(c, out);
    }
  }
}

// All the text of an element, white space folded.
std::string text_of(const pugi::xml_node& node) {
  std::string raw;
  collect_text(node, raw);
  return fold_space(raw);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

std::string digits_in(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_digit(c)) out += c;
    else if (!out.empty()) break;
  return out;
}

// "1.", "12", "1 -", "1 –": an operative paragraph's number; returns its digits.
std::optional<std::string> paragraph_number(std::string_view label) {
  label = trim(label);
  std::size_t i = 0;
  while (i < label.size() && is_digit(label[i])) ++i;
  if (i == 0 || i > 4) return std::nullopt;
  std::string_view rest = trim(label.substr(i));
  if (rest.empty() || rest == "." || rest == "-" || rest == "\xE2\x80\x93" /* – */) return std::string(label.substr(0, i));
  return std::nullopt;
}

// "(a)", "(iv)", "(aa)", "a.", "a)": a sub-paragraph label.
bool sub_label(std::string_view label) {
  label = trim(label);
  if (label.size() >= 3 && label.front() == '(' && label.back() == ')') {
    const auto inner = label.substr(1, label.size() - 2);
    return !inner.empty() && inner.size() <= 5 && std::all_of(inner.begin(), inner.end(), is_lower);
  }
  if (label.size() >= 2 && (label.back() == '.' || label.back() == ')')) {
    const auto inner = label.substr(0, label.size() - 1);
    return inner.size() <= 4 && std::all_of(inner.begin(), inner.end(), is_lower);
  }
  return false;
}

// Length of a number printed at the head of a paragraph's text ("1 -\t..." in some Arabic files,
// "(a) ..." in older markup), separator and following space included; 0 when there is none.
std::size_t number_in_text(std::string_view text, bool* is_sub) {
  std::size_t i = 0;
  if (!text.empty() && text[0] == '(') {
    const auto close = text.find(')');
    if (close == std::string_view::npos || close > 6 || close + 1 >= text.size() || text[close + 1] != ' ')
      return 0;
    if (!sub_label(text.substr(0, close + 1))) return 0;
    *is_sub = true;
    return close + 2;
  }
  while (i < text.size() && is_digit(text[i])) ++i;
  if (i == 0 || i > 4) return 0;
  std::size_t j = i;
  while (j < text.size() && text[j] == ' ') ++j;
  std::size_t sep = 0;
  if (j < text.size() && (text[j] == '-' || text[j] == '.')) sep = 1;
  else if (text.substr(j, 3) == "\xE2\x80\x93") sep = 3;
  if (sep == 0 || j + sep >= text.size() || text[j + sep] != ' ') return 0;
  *is_sub = false;
  return j + sep + 1;
}

std::string iso_language(std::string_view code) {
  static const std::map<std::string, std::string, std::less<>> codes = {
      {"eng", "en"}, {"en", "en"}, {"fra", "fr"}, {"fre", "fr"}, {"fr", "fr"}, {"spa", "es"}, {"es", "es"},
      {"ara", "ar"}, {"ar", "ar"}, {"zho", "zh"}, {"chi", "zh"}, {"zh", "zh"}, {"rus", "ru"}, {"ru", "ru"}};
  const auto it = codes.find(lower_ascii(trim(code)));
  return it == codes.end() ? std::string() : it->second;
}

// ---- hostile input: nesting is measured on the bytes, before a DOM is built -----------------------

// Deepest element nesting of well-formed-looking markup (comments, CDATA, declarations and
// quoted attribute values skipped). Stops counting once over `limit`.
std::size_t nesting_depth(std::string_view xml, std::size_t limit, std::size_t* where) {
  std::size_t depth = 0, deepest = 0;
  std::size_t i = 0;
  const auto skip_to = [&](std::string_view end) {
    const auto at = xml.find(end, i);
    i = at == std::string_view::npos ? xml.size() : at + end.size();
  };
  while (i < xml.size()) {
    const auto lt = xml.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    if (xml.compare(lt, 4, "<!--") == 0) { skip_to("-->"); continue; }
    if (xml.compare(lt, 9, "<![CDATA[") == 0) { skip_to("]]>"); continue; }
    if (xml.compare(lt, 2, "<?") == 0) { skip_to("?>"); continue; }
    if (xml.compare(lt, 2, "<!") == 0) { skip_to(">"); continue; }
    if (xml.compare(lt, 2, "</") == 0) {
      if (depth > 0) --depth;
      skip_to(">");
      continue;
    }
    // A start tag: find its end, skipping quoted attribute values.
    char quote = 0;
    bool self_closing = false;
    for (; i < xml.size(); ++i) {
      const char c = xml[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        self_closing = xml[i - 1] == '/';
        ++i;
        break;
      }
    }
    if (!self_closing && ++depth > deepest) {
      deepest = depth;
      if (deepest > limit) {
        *where = lt;
        return deepest;
      }
    }
  }
  return deepest;
}

// ---- rendering ------------------------------------------------------------------------------------

struct Note {
  pugi::xml_node node;
  int paragraph;  // candidate index, -1 outside paragraphs
  Span mark;
};

struct SupMark {
  int paragraph;
  int number;
  Span span;
};

struct Candidate {
  std::string kind, number;
  int parent = -1;  // candidate index
  bool loose = false;  // an unnumbered top-level operative paragraph (kept only if none is numbered)
  Span line, body, lead, embedded;
};

struct Link {
  int paragraph = -1;
  std::size_t note = SIZE_MAX;  // index into notes when inside a footnote
  std::string target, href;
  Span span;
};

class Renderer {
 public:
  Renderer(std::string& out, std::string language) : out_(out), language_(std::move(language)) {}

  // One resolution (a statement). `collection` is the documentCollection of a multi-part file.
  Resolution render(const pugi::xml_node& statement, const pugi::xml_node& collection, bool first_part);

 private:
  // Lines: a line is closed by the next begin_line(); spaces are written lazily so that no line
  // starts or ends with one.
  void begin_line() {
    if (out_.size() > line_start_) out_ += '\n';
    line_start_ = out_.size();
    pending_space_ = false;
  }
  void space() { pending_space_ = true; }
  void write(std::string_view text) {
    for (char c : text) {
      if (is_space(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && out_.size() > line_start_) out_ += ' ';
      pending_space_ = false;
      out_ += c;
    }
  }
  // [from, now) without the lazily written leading space.
  Span since(std::size_t from) const {
    while (from < out_.size() && out_[from] == ' ') ++from;
    return {from, std::max(from, out_.size())};
  }

  void inline_content(const pugi::xml_node& node, int depth);
  void line_of(const pugi::xml_node& node) {
    begin_line();
    inline_content(node, 0);
  }
  void block(const pugi::xml_node& node, const std::string& kind, int depth);
  int paragraph(const pugi::xml_node& node, const std::string& kind, int parent, int depth);
  int container(const pugi::xml_node& node, const std::string& kind, int parent);
  void points(const pugi::xml_node& list, const std::string& kind, int parent, int depth);
  void render_embedded(int owner);
  void render_notes();
  Resolution finish(std::size_t begin);

  std::string& out_;
  std::string language_;
  std::size_t line_start_ = 0;
  bool pending_space_ = false;

  // Per resolution.
  std::vector<Candidate> candidates_;
  std::vector<Note> notes_;
  std::vector<SupMark> sups_;
  std::vector<Link> links_;
  std::vector<std::size_t> footnote_lines_;  // per note: its rendered line
  std::vector<Span> footnote_bodies_;
  std::vector<pugi::xml_node> embedded_;  // embeddedStructures met in the current paragraph's text
  int current_paragraph_ = -1;
  std::size_t current_note_ = SIZE_MAX;
  bool want_lead_ = false;
  Span lead_{};
  int last_numbered_ = -1;  // for "(a)" paragraphs that follow a numbered one as siblings
};

// Text inside a paragraph, a heading or a footnote: written on the current line.
void Renderer::inline_content(const pugi::xml_node& node, int depth) {
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      write(c.value());
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    const auto name = local_name(c);
    if (name == "authorialNote") {
      // The mark, as printed: its marker. The note's text goes to the footnotes at the end.
      std::string marker = fold_space(c.attribute("marker").value());
      if (marker.empty()) marker = std::to_string(notes_.size() + 1);
      if (current_note_ != SIZE_MAX) continue;  // a note in a note: not rendered
      pending_space_ = false;                    // the mark sticks to the word before it
      const std::size_t from = out_.size();
      write(marker);
      notes_.push_back({c, current_paragraph_, since(from)});
      continue;
    }
    if (name == "embeddedStructure") {
      embedded_.push_back(c);  // rendered after the paragraph's own line
      continue;
    }
    if (name == "eol" || name == "br") {
      space();
      continue;
    }
    if (name == "img" || name == "meta") continue;
    const std::size_t from = out_.size();
    if (name == "td" || name == "th" || name == "tr" || name == "p" || name == "item" || name == "li") space();
    inline_content(c, depth + 1);
    if (name == "td" || name == "th" || name == "tr" || name == "p" || name == "item" || name == "li") space();
    const Span span = since(from);
    if (span.size() == 0) continue;
    if (name == "span" && want_lead_) {
      const std::string_view cls = c.attribute("class").value();
      const bool emphasized = cls.find("italic") != std::string_view::npos ||
                              (language_ == "zh" && cls.find("bold") != std::string_view::npos);
      if (emphasized) {
        lead_ = span;
        want_lead_ = false;
      }
    } else if (name == "sup") {
      const std::string_view s(out_.data() + span.begin, span.size());
      if (std::all_of(s.begin(), s.end(), is_digit) && s.size() <= 3)
        sups_.push_back({current_paragraph_, std::stoi(std::string(s)), span});
    } else if (name == "a" || name == "ref") {
      const std::string href = c.attribute("href").value();
      std::string target = citation_target(href);
      if (target.empty()) continue;
      // A link split in pieces (<a>48/2</a><a>2</a><a>6</a>) is one citation.
      if (!links_.empty() && links_.back().target == target && links_.back().span.end == span.begin &&
          links_.back().paragraph == current_paragraph_ && links_.back().note == current_note_) {
        links_.back().span.end = span.end;
        continue;
      }
      links_.push_back({current_paragraph_, current_note_, std::move(target), href, span});
    }
  }
}

void Renderer::points(const pugi::xml_node& list, const std::string& kind, int parent, int depth) {
  int last_point = parent;
  for (auto c = list.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const auto name = local_name(c);
    if (name == "point" || name == "item" || name == "paragraph" || name == "subparagraph") {
      last_point = paragraph(c, kind, parent, depth + 1);
      if (last_point < 0) last_point = parent;
    } else if (name == "sublist" || name == "list" || name == "blockList") {
      points(c, kind, last_point, depth + 1);  // a sublist belongs to the point before it
    } else if (name == "intro" || name == "listIntroduction") {
      continue;  // part of the owner's line
    } else {
      line_of(c);  // wrapUp, headings
    }
  }
}

// A paragraph, point or item: its line ("3. Requests ..."), then its sub-paragraphs.
// Returns its candidate index, or -1 when it is only a heading.
int Renderer::paragraph(const pugi::xml_node& node, const std::string& kind, int parent, int depth) {
  const pugi::xml_node num = child_named(node, "num");
  std::string label = num ? text_of(num) : std::string();
  bool has_text = false;
  for (auto c = node.first_child(); c; c = c.next_sibling())
    if (named(c, "content") || named(c, "list") || named(c, "intro") || named(c, "p") || named(c, "blockList") ||
        named(c, "subparagraph") || named(c, "point") || named(c, "paragraph"))
      has_text = true;
  if (!has_text) {  // a heading: "I. Our shared commitment"
    begin_line();
    write(label);
    for (auto c = node.first_child(); c; c = c.next_sibling())
      if (!named(c, "num")) { space(); inline_content(c, depth); }
    if (parent < 0 && kind == "operative") last_numbered_ = -1;
    return -1;
  }
  // A heading inside a paragraph ("Budget performance report for ...") is a line of its own.
  for (auto c = node.first_child(); c; c = c.next_sibling())
    if (named(c, "heading") || named(c, "subheading")) line_of(c);
  begin_line();
  const std::size_t line_begin = out_.size();
  write(label);
  space();
  const std::size_t body_from = out_.size();
  const int index = static_cast<int>(candidates_.size());
  candidates_.push_back({kind, "", parent, false, {}, {}, {}, {}});
  const int saved_paragraph = current_paragraph_;
  current_paragraph_ = index;
  want_lead_ = true;
  lead_ = {};
  embedded_.clear();
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const auto name = local_name(c);
    if (name == "content" || name == "p") {
      space();
      inline_content(c, depth + 1);
    } else if (name == "list" || name == "blockList") {
      for (auto i = c.first_child(); i; i = i.next_sibling())
        if (named(i, "intro") || named(i, "listIntroduction")) {
          space();
          inline_content(i, depth + 1);
        }
    }
  }
  Candidate& cand = candidates_[static_cast<std::size_t>(index)];
  cand.line = {line_begin, out_.size()};
  cand.body = since(body_from);
  cand.lead = lead_;
  want_lead_ = false;
  // The number: in <num>, or printed at the head of the text ("1 -\t..." in some Arabic files).
  bool sub = !label.empty() && sub_label(label);
  if (auto n = paragraph_number(label)) {
    cand.number = *n;
  } else if (!label.empty()) {
    cand.number = label;
  } else if (kind != "preambular") {
    const std::string_view body(out_.data() + cand.body.begin, cand.body.size());
    if (const std::size_t skip = number_in_text(body, &sub)) {
      cand.number = sub ? std::string(trim(body.substr(0, skip))) : digits_in(body);
      cand.body.begin += skip;
      if (cand.lead.begin < cand.body.begin) cand.lead = {};
    }
  }
  // Top-level paragraphs of the body: numbered ones, "(a)" siblings of a numbered one (older
  // markup), and loose unnumbered ones.
  if (parent < 0 && kind != "preambular") {
    const bool numbered = !cand.number.empty() && is_digit(cand.number[0]);
    if (sub && last_numbered_ >= 0) {
      cand.parent = last_numbered_;
    } else if (numbered) {
      last_numbered_ = index;
    } else if (kind == "operative") {
      cand.loose = true;
      last_numbered_ = -1;
    }
  }
  // `cand` is not used past this point: sub-paragraphs grow candidates_.
  if (!embedded_.empty()) render_embedded(index);
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const auto name = local_name(c);
    if (name == "list" || name == "blockList") points(c, kind, index, depth + 1);
    else if (name == "point" || name == "item" || name == "subparagraph" || name == "paragraph")
      paragraph(c, kind, index, depth + 1);
  }
  current_paragraph_ = saved_paragraph;
  return index;
}

// The draft an ECOSOC "Recommends ... the following draft resolution:" embeds: lines after the
// paragraph's own, inside its span, not paragraphs of the Council's resolution.
void Renderer::render_embedded(int owner) {
  const auto structures = std::move(embedded_);
  embedded_.clear();
  const std::size_t from = out_.size();
  for (const auto& es : structures) {
    for (auto c = es.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (named(c, "mainBody") || named(c, "preamble")) {
        for (auto p = c.first_child(); p; p = p.next_sibling())
          if (p.type() == pugi::node_element) {
            begin_line();
            const auto num = child_named(p, "num");
            if (num) write(text_of(num));
            for (auto x = p.first_child(); x; x = x.next_sibling())
              if (!named(x, "num")) { space(); inline_content(x, 1); }
          }
      } else {
        begin_line();
        const auto num = child_named(c, "num");
        if (num) write(text_of(num));
        for (auto x = c.first_child(); x; x = x.next_sibling())
          if (!named(x, "num")) { space(); inline_content(x, 1); }
      }
    }
  }
  Candidate& cand = candidates_[static_cast<std::size_t>(owner)];
  const Span span = since(from + (out_.size() > from && out_[from] == '\n' ? 1 : 0));
  if (span.size()) {
    cand.embedded = span;
    cand.line.end = span.end;
  }
}

// A preambular paragraph (preamble container): its own text, then its items.
int Renderer::container(const pugi::xml_node& node, const std::string& kind, int parent) {
  return paragraph(node, kind, parent, 1);
}

void Renderer::block(const pugi::xml_node& node, const std::string& kind, int depth) {
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const auto name = local_name(c);
    if (name == "meta") continue;
    if (name == "paragraph" || name == "point") {
      paragraph(c, kind, -1, depth + 1);
    } else if (name == "container" && kind == "preambular") {
      if (std::string_view(c.attribute("name").value()) == "formula") line_of(c);
      else container(c, kind, -1);
    } else if (name == "container" && kind == "annex") {
      paragraph(c, kind, -1, depth + 1);
    } else if (name == "p" || name == "num" || name == "heading" || name == "subheading" ||
               name == "crossHeading" || name == "formula" || name == "intro" || name == "wrapUp" ||
               name == "table" || name == "docTitle" || name == "docNumber") {
      if (kind == "operative" && name != "num") last_numbered_ = -1;
      line_of(c);
    } else if (name == "list" || name == "blockList") {
      points(c, kind, -1, depth + 1);
    } else if (name == "preamble") {
      block(c, kind == "annex" ? kind : "preambular", depth + 1);
    } else {
      block(c, kind, depth + 1);  // hcontainer, part, section, division, ...
    }
  }
}

void Renderer::render_notes() {
  for (std::size_t i = 0; i < notes_.size(); ++i) {
    begin_line();
    const std::size_t line_begin = out_.size();
    write(out_.substr(notes_[i].mark.begin, notes_[i].mark.size()));
    space();
    const std::size_t body_from = out_.size();
    current_note_ = i;
    current_paragraph_ = -1;
    inline_content(notes_[i].node, 1);
    current_note_ = SIZE_MAX;
    Span body = since(body_from);
    // Arabic notes open with an empty "()" where the number is printed: not part of the text.
    if (out_.compare(body.begin, 2, "()") == 0) body.begin = since(body.begin + 2).begin;
    footnote_lines_.push_back(line_begin);
    footnote_bodies_.push_back(body);
  }
}

Resolution Renderer::finish(std::size_t begin) {
  Resolution r;
  r.span = {begin, out_.size()};
  // Which candidates are paragraphs: loose unnumbered operative ones only when none is numbered
  // ("Approves the report ..."); a dropped paragraph's children go with it.
  bool any_numbered = false;
  for (const auto& c : candidates_)
    if (c.kind == "operative" && c.parent < 0 && !c.loose) any_numbered = true;
  std::vector<int> index(candidates_.size(), -1);
  std::map<std::pair<std::string, int>, int> ordinals;  // (kind, parent) -> count
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    const auto& c = candidates_[i];
    const bool keep = !(c.loose && any_numbered) && c.body.size() > 0 &&
                      (c.parent < 0 || index[static_cast<std::size_t>(c.parent)] >= 0);
    if (!keep) continue;
    ParagraphSegment p;
    p.kind = c.kind;
    p.number = c.number;
    p.parent = c.parent < 0 ? -1 : index[static_cast<std::size_t>(c.parent)];
    p.ordinal = ++ordinals[{c.parent < 0 ? c.kind : std::string(), p.parent}];
    p.line = c.line;
    p.body = c.body;
    index[i] = static_cast<int>(r.segments.paragraphs.size());
    r.segments.paragraphs.push_back(p);
    r.leads.push_back(c.lead);
    r.embedded.push_back(c.embedded);
  }
  // The header: everything before the first paragraph.
  r.segments.header = {begin, r.segments.paragraphs.empty() ? out_.size() : r.segments.paragraphs.front().line.begin};
  for (std::size_t i = 0; i < notes_.size(); ++i) {
    FootnoteSegment f;
    const std::string marker = out_.substr(notes_[i].mark.begin, notes_[i].mark.size());
    f.number = std::all_of(marker.begin(), marker.end(), is_digit) && !marker.empty() && marker.size() <= 6
                   ? std::stoi(marker)
                   : static_cast<int>(i + 1);
    f.body = footnote_bodies_[i];
    f.line = {footnote_lines_[i], f.body.end};
    r.segments.footnotes.push_back(f);
    if (notes_[i].paragraph >= 0 && index[static_cast<std::size_t>(notes_[i].paragraph)] >= 0)
      r.segments.marks.push_back({static_cast<std::size_t>(index[static_cast<std::size_t>(notes_[i].paragraph)]), i,
                                  notes_[i].mark});
  }
  // A footnote's number repeated as <sup>2</sup> where the text refers to it again.
  for (const auto& s : sups_) {
    if (s.paragraph < 0 || index[static_cast<std::size_t>(s.paragraph)] < 0) continue;
    if (std::any_of(notes_.begin(), notes_.end(), [&](const Note& n) { return n.mark.begin == s.span.begin; })) continue;
    for (std::size_t f = 0; f < r.segments.footnotes.size(); ++f)
      if (r.segments.footnotes[f].number == s.number) {
        r.segments.marks.push_back({static_cast<std::size_t>(index[static_cast<std::size_t>(s.paragraph)]), f, s.span});
        break;
      }
  }
  std::sort(r.segments.marks.begin(), r.segments.marks.end(),
            [](const FootnoteMark& a, const FootnoteMark& b) { return a.span.begin < b.span.begin; });
  for (const auto& l : links_) {
    LinkCitation c;
    c.target = l.target;
    c.href = l.href;
    c.span = l.span;
    if (l.note != SIZE_MAX) c.footnote = static_cast<int>(l.note);
    else if (l.paragraph >= 0 && index[static_cast<std::size_t>(l.paragraph)] >= 0)
      c.paragraph = index[static_cast<std::size_t>(l.paragraph)];
    else continue;  // a link in a heading or the masthead
    r.citations.push_back(std::move(c));
  }
  return r;
}

// ---- metadata -------------------------------------------------------------------------------------

std::string normalized_symbol(std::string symbol) {
  symbol = fold_space(symbol);
  // S/RES/2719 (2023) -> S/RES/2719(2023)
  std::string out;
  for (std::size_t i = 0; i < symbol.size(); ++i) {
    if (symbol[i] == ' ' && i + 1 < symbol.size() && symbol[i + 1] == '(') continue;
    out += symbol[i];
  }
  return out;
}

std::string body_of(std::string_view symbol) {
  if (symbol.rfind("A/HRC/", 0) == 0) return "A/HRC";
  if (symbol.rfind("S/", 0) == 0) return "S";
  if (symbol.rfind("E/", 0) == 0) return "E";
  if (symbol.rfind("A/", 0) == 0) return "A";
  return {};
}

// "N/M" at the head of a docNumber ("78/11.", "55/1") -> (N, M).
bool session_number(std::string_view s, std::string& session, std::string& number) {
  s = trim(s);
  const std::string a = digits_in(s);
  if (a.empty() || s.substr(0, a.size()) != a || s.size() <= a.size() || s[a.size()] != '/') return false;
  const std::string b = digits_in(s.substr(a.size() + 1));
  if (b.empty() || s.substr(a.size() + 1, b.size()) != b) return false;
  session = a;
  number = b;
  return true;
}

void metadata(const pugi::xml_node& statement, const pugi::xml_node& collection, const std::string& language,
              std::size_t part_index, std::map<std::string, std::string>& meta) {
  const pugi::xml_node cover = collection ? child_named(collection, "coverPage") : child_named(statement, "coverPage");
  const pugi::xml_node preface = collection ? child_named(collection, "preface") : child_named(statement, "preface");
  std::string symbol;
  if (cover) {
    pugi::xml_node first;
    each_descendant(cover, "docNumber", [&](const pugi::xml_node& n) {
      if (!first || std::string_view(n.attribute("refersTo").value()) == "#symbol") {
        if (!first || std::string_view(first.attribute("refersTo").value()) != "#symbol") first = n;
      }
    });
    if (first) symbol = normalized_symbol(text_of(first));
    each_descendant(cover, "docDate", [&](const pugi::xml_node& n) {
      if (std::string_view(n.attribute("refersTo").value()) == "#dateOfIssuance" && !meta.count("distributed_on"))
        meta["distributed_on"] = n.attribute("date").value();
    });
    std::string agenda;
    each_descendant(cover, "inline", [&](const pugi::xml_node& n) {
      const std::string_view name = n.attribute("name").value();
      if (name == "agenda item" && *n.attribute("title").value())
        agenda += (agenda.empty() ? "" : ", ") + fold_space(n.attribute("title").value());
      if (name == "adoptionMeeting" && !meta.count("meeting")) {
        std::string d = digits_in(n.attribute("title").value());
        if (d.empty()) d = digits_in(text_of(n));
        if (!d.empty()) meta["meeting"] = d;
      }
    });
    if (!agenda.empty()) meta["agenda_item"] = agenda;
    if (const auto proponent = descendant(cover, "docProponent")) {
      const std::string text = text_of(proponent);
      for (const std::string lead : {"[on the report of the ", "[on the recommendation of the "})
        if (language == "en" && text.rfind(lead, 0) == 0) {
          const auto paren = text.find(" (", lead.size());
          if (paren != std::string::npos) meta["committee"] = text.substr(lead.size(), paren - lead.size());
        }
      pugi::xml_node origin;
      each_descendant(proponent, "inline", [&](const pugi::xml_node& n) {
        if (!origin && std::string_view(n.attribute("name").value()) == "originating document") origin = n;
      });
      if (origin) meta["basis_symbol"] = fold_space(text_of(origin));
    }
  }
  std::string session, number;
  if (preface) {
    if (const auto dn = descendant(preface, "docNumber")) session_number(text_of(dn), session, number);
    if (const auto title = descendant(preface, "docTitle")) {
      const std::string t = text_of(title);
      if (!t.empty()) meta["title"] = t;
    }
  }
  if (collection) {
    // A multi-part resolution: A/RES/75/101 A, B. The part's letter is its preface's docNumber.
    std::string part;
    if (const auto sp = child_named(statement, "preface")) {
      if (const auto dn = descendant(sp, "docNumber")) {
        std::string t(trim(text_of(dn)));
        if (!t.empty() && t.back() == '.') t.pop_back();
        if (t.size() == 1 && t[0] >= 'A' && t[0] <= 'Z') part = t;
      }
      if (const auto title = descendant(sp, "docTitle")) {
        const std::string t = text_of(title);
        if (!t.empty()) meta["title"] = t;
      }
    }
    if (part.empty()) part = std::string(1, static_cast<char>('A' + std::min<std::size_t>(part_index, 25)));
    // The collection's symbol "A/RES/75/101 A-B" without its parts.
    std::string base = symbol;
    const auto space_at = base.rfind(' ');
    if (space_at != std::string::npos) {
      const std::string_view suffix = std::string_view(base).substr(space_at + 1);
      const auto letter = [](char c) { return c >= 'A' && c <= 'Z'; };
      if ((suffix.size() == 1 && letter(suffix[0])) ||
          (suffix.size() == 3 && letter(suffix[0]) && suffix[1] == '-' && letter(suffix[2])))
        base.resize(space_at);
    }
    symbol = fold_space(base) + " " + part;
    meta["part"] = part;
  }
  if (!symbol.empty()) meta["symbol"] = symbol;
  const std::string body = body_of(symbol);
  if (!body.empty()) meta["body"] = body;
  meta["language"] = language;
  // Session and number: the preface's "78/11."; ECOSOC and SC from the symbol.
  if (body == "E" && symbol.size() > 6) {
    session_number(std::string_view(symbol).substr(6), session, number);
    if (!session.empty()) meta["year"] = session;
  } else if (body == "S" && symbol.size() > 6) {
    const std::string_view rest = std::string_view(symbol).substr(6);
    number = digits_in(rest);
    const auto open = rest.find('(');
    if (open != std::string_view::npos) {
      const std::string year = digits_in(rest.substr(open));
      if (year.size() == 4) meta["year"] = year;
    }
    session.clear();
  } else if (session.empty() && (body == "A" || body == "A/HRC")) {
    session_number(std::string_view(symbol).substr(body == "A" ? 6 : 10), session, number);
  }
  if (!session.empty()) meta["session"] = session;
  if (!number.empty()) meta["number"] = number;
  // Adoption date: the General Assembly's FRBR date; the others print it (the FRBR date as a fallback).
  std::string frbr, printed;
  each_descendant(statement, "FRBRdate", [&](const pugi::xml_node& n) {
    if (frbr.empty() && std::string_view(n.attribute("name").value()) == "adoption") frbr = n.attribute("date").value();
  });
  each_descendant(statement, "docDate", [&](const pugi::xml_node& n) {
    const std::string date = n.attribute("date").value();
    if (printed.empty() && std::string_view(n.attribute("refersTo").value()) == "#adoptionDate" && !date.empty() &&
        date.rfind("0001", 0) != 0)
      printed = date;
  });
  const std::string adopted = body == "A" ? (frbr.empty() ? printed : frbr) : (printed.empty() ? frbr : printed);
  if (!adopted.empty()) meta["adopted_on"] = adopted;
  // Meeting: SC prints it on the cover; the others in the conclusions.
  if (!meta.count("meeting")) {
    if (const auto conclusions = child_named(statement, "conclusions")) {
      std::string d;
      each_descendant(conclusions, "location", [&](const pugi::xml_node& n) {
        if (d.empty()) d = digits_in(n.attribute("title").value());
        if (d.empty()) d = digits_in(text_of(n));
      });
      each_descendant(conclusions, "inline", [&](const pugi::xml_node& n) {
        if (d.empty() && std::string_view(n.attribute("name").value()) == "adoptionMeeting") {
          d = digits_in(n.attribute("title").value());
          if (d.empty()) d = digits_in(text_of(n));
        }
      });
      if (!d.empty()) {
        meta["meeting"] = d;
        if (body != "S") meta["plenary_meeting"] = d;
      }
    }
  }
  each_descendant(statement, "step", [&](const pugi::xml_node& n) {
    const std::string as = fold_space(n.attribute("as").value());
    if (!meta.count("draft_symbol") && std::string_view(n.attribute("outcome").value()) == "draftResolution" &&
        !as.empty())
      meta["draft_symbol"] = as;
  });
  each_descendant(statement, "docketNumber", [&](const pugi::xml_node& n) {
    if (!meta.count("job_number") && std::string_view(n.attribute("refersTo").value()) == "#publicationJobNumber") {
      std::string job;
      for (char c : text_of(n))
        if (is_digit(c) || (c == '-' && !job.empty())) job += c;
        else if (!job.empty()) break;
      if (!job.empty()) meta["job_number"] = job;
    }
  });
}

Resolution Renderer::render(const pugi::xml_node& statement, const pugi::xml_node& collection, bool first_part) {
  candidates_.clear();
  notes_.clear();
  sups_.clear();
  links_.clear();
  footnote_lines_.clear();
  footnote_bodies_.clear();
  last_numbered_ = -1;
  begin_line();
  const std::size_t begin = out_.size();
  if (collection && first_part) {
    if (const auto cover = child_named(collection, "coverPage")) block(cover, "header", 0);
    if (const auto preface = child_named(collection, "preface")) block(preface, "header", 0);
  }
  for (auto c = statement.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const auto name = local_name(c);
    if (name == "coverPage" || name == "preface" || name == "conclusions") block(c, "header", 0);
    else if (name == "preamble") block(c, "preambular", 0);
    else if (name == "attachments" || name == "attachment" || name == "components") {
      last_numbered_ = -1;
      block(c, "annex", 0);
    }
    else if (name == "mainBody") block(c, "operative", 0);
  }
  render_notes();
  begin_line();
  return finish(begin);
}

}  // namespace

bool looks_like_akn(std::string_view head) {
  return head.find("akomaNtoso") != std::string_view::npos && head.find(kNamespace) != std::string_view::npos;
}

std::string citation_target(std::string_view href) {
  std::string_view s = trim(href);
  for (std::string_view scheme : {"https://", "http://"})
    if (s.size() >= scheme.size() && lower_ascii(s.substr(0, scheme.size())) == scheme) s.remove_prefix(scheme.size());
  const auto slash = s.find('/');
  if (slash == std::string_view::npos) return {};
  const std::string host = lower_ascii(s.substr(0, slash));
  if (host != "undocs.org" && host != "www.undocs.org" && host != "docs.un.org") return {};
  s.remove_prefix(slash + 1);
  const auto query = s.find_first_of("?#");
  if (query != std::string_view::npos) s = s.substr(0, query);
  // A language folder: undocs.org/en/..., docs.un.org/fr/...
  for (std::string_view lang : {"en", "fr", "es", "ar", "zh", "ch", "ru", "de"})
    if (s.size() > 3 && lower_ascii(s.substr(0, 2)) == lang && s[2] == '/') {
      s.remove_prefix(3);
      break;
    }
  std::string target;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      target += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      target += s[i];
    }
  }
  target = fold_space(target);
  if (target.size() > 6 && lower_ascii(target.substr(target.size() - 6)) == "(supp)") target.resize(target.size() - 6);
  target = normalized_symbol(target);
  if (target.empty() || target.find('/') == std::string::npos || invalid_utf8_at(target)) return {};
  // A/RES/50/221b, A/RES/48/226C -> A/RES/50/221 B, A/RES/48/226 C
  if (target.rfind("A/RES/", 0) == 0 && target.size() >= 2 && std::isalpha(static_cast<unsigned char>(target.back())) &&
      is_digit(target[target.size() - 2])) {
    const char part = static_cast<char>(std::toupper(static_cast<unsigned char>(target.back())));
    target.pop_back();
    target += ' ';
    target += part;
  }
  return target;
}

Document read_akn(std::string_view bytes) {
  std::size_t where = 0;
  if (nesting_depth(bytes, max_depth, &where) > max_depth)
    throw InputError("read", line_of(bytes, where),
                     "XML elements are nested more than " + std::to_string(max_depth) +
                         " deep; an AKN resolution needs far fewer",
                     excerpt(bytes, where));
  pugi::xml_document xml;
  const auto parsed = xml.load_buffer(bytes.data(), bytes.size(),
                                      pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype,
                                      pugi::encoding_utf8);
  if (!parsed) {
    const auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
    throw InputError("read", line_of(bytes, std::min(at, bytes.size())),
                     std::string("malformed XML: ") + parsed.description(), excerpt(bytes, std::min(at, bytes.size())));
  }
  for (auto c = xml.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_doctype && std::strstr(c.value(), "ENTITY"))
      throw InputError("read", 1, "the XML declares entities (<!ENTITY>), which an AKN document never needs; "
                                  "entities are not expanded");
  const pugi::xml_node root = xml.document_element();
  std::string_view root_name = root.name();
  const auto colon = root_name.find(':');
  const std::string ns_attr =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(root_name.substr(0, colon));
  if (local_name(root) != "akomaNtoso" || std::string_view(root.attribute(ns_attr.c_str()).value()) != kNamespace)
    throw InputError("read", 1, "not an Akoma Ntoso document (the root element must be <akomaNtoso> in the " +
                                    std::string(kNamespace) + " namespace)");
  std::string language = "en";
  if (const auto l = descendant(root, "FRBRlanguage")) {
    const std::string code = iso_language(l.attribute("language").value());
    if (!code.empty()) language = code;
  }
  Document doc;
  Renderer renderer(doc.text, language);
  const pugi::xml_node collection = child_named(root, "documentCollection");
  std::vector<pugi::xml_node> statements;
  if (collection) each_descendant(collection, "statement", [&](const pugi::xml_node& s) { statements.push_back(s); });
  else if (const auto st = child_named(root, "statement")) statements.push_back(st);
  for (std::size_t i = 0; i < statements.size(); ++i) {
    Resolution r = renderer.render(statements[i], collection, i == 0);
    metadata(statements[i], collection, language, i, r.meta);
    bool has_body = false;
    for (const auto& p : r.segments.paragraphs) has_body |= p.parent < 0 && p.kind != "annex";
    if (!has_body) continue;
    doc.resolutions.push_back(std::move(r));
  }
  if (doc.resolutions.empty())
    throw InputError("segment", 0, "no resolution body: the AKN document has no <statement> with preamble or "
                                   "main-body paragraphs");
  if (const auto bad = invalid_utf8_at(doc.text))
    throw InputError("read", 0, "the XML text is not valid UTF-8", excerpt(doc.text, *bad));
  return doc;
}

}  // namespace unres::akn
