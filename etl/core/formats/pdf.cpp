#include "pdf.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

// poppler's core API (libpoppler-private-dev), for what poppler-cpp does not expose: link annotations.
#include <poppler/Catalog.h>
#include <poppler/Link.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>

#include "errors.h"
#include "text.h"

namespace unres::pdf {

namespace {

// Geometry of the official resolutions, as fractions of the "size" (a word box's height: 11.1 pt for
// 10 pt Times New Roman) or of the page: measured on the General Assembly PDFs of sessions 78-80
// (body 10 pt, lines 12 pt apart, paragraphs 18 pt, footnote marks 6.5 pt raised 3.5 pt, footnotes
// 8.5 pt below a rule of underscores).
constexpr double kMarkSize = 0.8;         // a mark is smaller than this share of its line's size...
constexpr double kMarkRise = 0.12;        // ...and its bottom is this much of the size above the baseline
constexpr double kColumnGap = 2.5;        // a gap this wide (in font sizes) splits a row into two lines
constexpr double kWordGap = 0.12;         // a gap this wide (in font sizes) is a space
constexpr double kParagraphGap = 1.3;     // baselines further apart than this (in sizes) open a paragraph
constexpr double kHeaderBand = 0.085;     // page headers start above this share of the page height
constexpr double kFooterBand = 0.925;     // page footers start below it
constexpr double kIndent = 3.0;           // points: a line starting further right than the margin is indented

struct Word {
  std::string text;
  double x0, y0, x1, y1, size;
};

// A word as written: its offsets in the text it is written in (a line, then the whole text), its
// box on its page (top-left origin, points), and what it looks like.
struct Placed {
  Span span;
  double x0, y0, x1, y1;
  bool mark = false;          // a footnote mark by size and rise
  bool small_digits = false;  // digits smaller or higher than their line: what a missed mark looks like
  std::size_t page = 0;       // 0-based
  bool body = true;           // false: in the footnote block
};

// A link annotation of a page: its area (top-left origin, points) and where it goes: a page of
// this PDF (0-based) and a height on it, or a URI.
struct PageLink {
  double x0, y0, x1, y1;
  int dest_page = -1;
  double dest_y = 0;
  std::string uri;
};

struct Line {
  std::string text;       // words joined; marks glued to the word before
  std::string lead_mark;  // a raised small number opening the line (a footnote's number)
  double x0 = 0, x1 = 0, top = 0, baseline = 0, size = 0;
  std::vector<Span> marks;  // the digits of each footnote mark, as offsets in `text`
  std::vector<Placed> words;  // as offsets in `text`
};

// A line as written: its text and its marks' and words' offsets in it.
struct Written {
  std::string text;
  std::vector<Span> marks;
  std::vector<Placed> words;
};

void shift(std::vector<Placed>& words, std::size_t by) {
  for (Placed& w : words) w.span = {w.span.begin + by, w.span.end + by};
}

struct Paragraph {
  std::vector<Written> lines;
};

struct Page {
  std::vector<std::string> front;     // page-1 footer (job number, bar code): written first
  std::vector<Paragraph> body;
  std::vector<Written> footnotes;  // one line each, "N text"
  double notes_top = -1;           // where the footnote block starts (the rule's top); -1: none
};

// The UTF-8 of a word's UTF-16 text. Not ustring::to_utf8: it opens an iconv converter on every
// call, which cost as much as the rest of the reader's own work (4.7 % of a PDF ingest's time).
// A lone surrogate (a damaged text layer) becomes U+FFFD.
std::string utf8(const poppler::ustring& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t unit = s[i];
    if (unit >= 0xD800 && unit < 0xDC00 && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000) {
      append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (s[i + 1] - 0xDC00));
      ++i;
    } else if (unit >= 0xD800 && unit < 0xE000) {
      append_utf8(out, 0xFFFD);
    } else {
      append_utf8(out, unit);
    }
  }
  return out;
}

bool all_of_chars(std::string_view s, std::string_view set) {
  return !s.empty() && s.find_first_not_of(set) == std::string_view::npos;
}

// Appends the runs of digits of a mark word ("1", "11", "1,2": two marks) at offset `at` of its line.
void add_marks(std::vector<Span>& marks, std::string_view word, std::size_t at) {
  for (std::size_t i = 0; i < word.size();) {
    if (word[i] < '0' || word[i] > '9') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < word.size() && word[j] >= '0' && word[j] <= '9') ++j;
    marks.push_back({at + i, at + j});
    i = j;
  }
}

// Joins `next` to `text` the way a reader would: a line ending in a hyphen after a letter
// ("Non-Self-" / "Governing") joins without a space.
void join_line(std::string& text, std::string_view next) {
  if (text.empty()) {
    text = next;
    return;
  }
  const bool hyphen = text.size() > 1 && text.back() == '-' && text[text.size() - 2] != ' ';
  if (!hyphen) text += ' ';
  text += next;
}

// Joins `next` to a footnote as join_line does, its words with it.
void join_written(Written& note, Written next) {
  join_line(note.text, next.text);
  shift(next.words, note.text.size() - next.text.size());
  note.words.insert(note.words.end(), next.words.begin(), next.words.end());
}

// Groups a page's words into lines: rows of words that overlap vertically, split where a wide gap
// separates columns (the masthead's left and right blocks), each read left to right.
std::vector<Line> lines_of(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0;
  });
  std::vector<std::vector<Word>> rows;
  double top = 0, bottom = 0;
  for (auto& w : words) {
    const double overlap = std::min(bottom, w.y1) - std::max(top, w.y0);
    if (!rows.empty() && overlap >= 0.5 * std::min(w.y1 - w.y0, bottom - top)) {
      rows.back().push_back(std::move(w));
      bottom = std::max(bottom, rows.back().back().y1);
      continue;
    }
    top = w.y0;
    bottom = w.y1;
    rows.emplace_back();
    rows.back().push_back(std::move(w));
  }

  std::vector<Line> lines;
  for (auto& row : rows) {
    std::sort(row.begin(), row.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    std::size_t begin = 0;
    while (begin < row.size()) {
      std::size_t end = begin + 1;
      while (end < row.size() &&
             row[end].x0 - row[end - 1].x1 < kColumnGap * std::max(row[end].size, row[end - 1].size))
        ++end;
      // The line's own size and baseline: those of its longest word.
      const Word* main = &row[begin];
      for (std::size_t i = begin; i < end; ++i)
        if (row[i].text.size() > main->text.size()) main = &row[i];
      Line line;
      line.size = main->size;
      line.baseline = main->y1;
      for (std::size_t i = begin; i < end; ++i)
        if (row[i].size >= kMarkSize * line.size) line.baseline = std::max(line.baseline, row[i].y1);
      line.x0 = row[begin].x0;
      line.x1 = row[end - 1].x1;
      line.top = row[begin].y0;
      Placed lead{};
      for (std::size_t i = begin; i < end; ++i) {
        const Word& w = row[i];
        line.top = std::min(line.top, w.y0);
        const bool raised = w.size < kMarkSize * line.size && w.y1 < line.baseline - kMarkRise * line.size;
        const bool mark = raised && all_of_chars(w.text, "0123456789,");
        const bool small_digits = all_of_chars(w.text, "0123456789") &&
                                  (w.size < 0.95 * line.size || w.y1 < line.baseline - 0.05 * line.size);
        Placed placed{{}, w.x0, w.y0, w.x1, w.y1, mark, small_digits};
        if (mark && i == begin) {
          line.lead_mark = w.text;
          lead = placed;
          continue;
        }
        if (raised) {
          // Glued to the word before: "East,1", "1st".
          if (mark) add_marks(line.marks, w.text, line.text.size());
          placed.span = {line.text.size(), line.text.size() + w.text.size()};
          line.words.push_back(placed);
          line.text += w.text;
          continue;
        }
        // A mark ends its word: what follows is a new word even when set tight against it
        // ("Agreement4and" in the PDF), unless it is punctuation.
        const bool after_mark = !line.text.empty() && i > begin && row[i - 1].size < kMarkSize * line.size &&
                                std::string_view(",.;:)]").find(w.text.front()) == std::string_view::npos;
        if (!line.text.empty() && (after_mark || w.x0 - row[i - 1].x1 > kWordGap * w.size)) line.text += ' ';
        placed.span = {line.text.size(), line.text.size() + w.text.size()};
        line.words.push_back(placed);
        line.text += w.text;
      }
      if (!line.lead_mark.empty() && line.text.empty()) {
        // A lone raised number: a mark that wrapped to its own line.
        line.text = line.lead_mark;
        line.lead_mark.clear();
        add_marks(line.marks, line.text, 0);
        lead.span = {0, line.text.size()};
        line.words.push_back(lead);
      }
      lines.push_back(std::move(line));
      begin = end;
    }
  }
  return lines;
}

// Whether a written line is a part's numeral alone: "I", "XIV", "A".
bool part_numeral(std::string_view t) {
  return (all_of_chars(t, "IVXL") && t.size() <= 6) || (t.size() == 1 && t[0] >= 'A' && t[0] <= 'Z');
}

// Whether a line ends a clause: "…;", "…,", "…." (footnote marks after the punctuation aside).
bool ends_clause(std::string_view t) {
  const std::size_t last = t.find_last_not_of("0123456789 ");
  return last != std::string_view::npos && std::string_view(".,;:").find(t[last]) != std::string_view::npos;
}

// The document's left margin: the most common start of body lines (continuation lines).
double left_margin(const std::vector<std::vector<Line>>& pages, double body_size) {
  std::map<long, std::size_t> counts;
  for (const auto& page : pages)
    for (const auto& l : page)
      if (std::abs(l.size - body_size) < 0.15 * body_size) ++counts[std::lround(l.x0)];
  long best = 0;
  std::size_t n = 0;
  for (const auto& [x, c] : counts)
    if (c > n) {
      best = x;
      n = c;
    }
  return static_cast<double>(best);
}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}


// The link annotations of each page, read with poppler's core API from a second parse of the bytes
// (poppler-cpp hides its PDFDoc). Links are a second source, so whatever goes wrong here loses the
// links, never the file: a damaged annotation, a destination that names nothing, an exception.
// Bounded: at most Limits::max_links_per_page per page and max_links in all, and the time budget.
std::vector<std::vector<PageLink>> read_links(std::string_view bytes, std::size_t pages, const Limits& limits,
                                              std::chrono::steady_clock::time_point started) {
  std::vector<std::vector<PageLink>> out(pages);
  try {
    // PDFDoc owns and deletes its stream; the bytes outlive it.
    auto stream = std::make_unique<MemStream>(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
    PDFDoc doc(stream.release());
    if (!doc.isOk() || doc.getNumPages() != static_cast<int>(pages)) return out;
    Catalog* catalog = doc.getCatalog();
    if (!catalog) return out;
    // A destination's page (0-based) and height from the page's top, or nothing.
    const auto where = [&](const LinkDest& dest) -> std::optional<std::pair<int, double>> {
      if (!dest.isOk()) return std::nullopt;
      const int number = dest.isPageRef() ? catalog->findPage(dest.getPageRef()) : dest.getPageNum();
      if (number < 1 || number > static_cast<int>(pages)) return std::nullopt;
      ::Page* page = doc.getPage(number);
      if (!page || !page->getCropBox()) return std::nullopt;
      const double y = dest.getChangeTop() ? page->getCropBox()->y2 - dest.getTop() : 0;
      return std::make_pair(number - 1, y);
    };
    std::size_t total = 0;
    for (std::size_t p = 0; p < pages && total < limits.max_links; ++p) {
      if (std::chrono::steady_clock::now() - started > limits.max_time) break;
      ::Page* page = doc.getPage(static_cast<int>(p + 1));
      if (!page || page->getRotate() != 0 || !page->getCropBox()) continue;  // a turned page: no boxes to match
      const PDFRectangle crop = *page->getCropBox();
      const std::unique_ptr<Links> links = page->getLinks();
      if (!links) continue;
      std::size_t on_page = 0;
      for (AnnotLink* annot : links->getLinks()) {
        if (on_page >= limits.max_links_per_page || total >= limits.max_links) break;
        if (!annot) continue;
        ++on_page;
        ++total;
        double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
        annot->getRect(&x1, &y1, &x2, &y2);
        PageLink link{std::min(x1, x2) - crop.x1, crop.y2 - std::max(y1, y2), std::max(x1, x2) - crop.x1,
                      crop.y2 - std::min(y1, y2), -1, 0, {}};
        const LinkAction* action = annot->getAction();
        if (!action || !action->isOk()) continue;
        if (action->getKind() == actionURI) {
          link.uri = static_cast<const LinkURI*>(action)->getURI();
          if (link.uri.size() > 2048) continue;  // no symbol's address is that long
        } else if (action->getKind() == actionGoTo) {
          const auto* go = static_cast<const LinkGoTo*>(action);
          std::optional<std::pair<int, double>> at;
          if (go->getDest()) {
            at = where(*go->getDest());
          } else if (go->getNamedDest()) {
            if (const std::unique_ptr<LinkDest> named = catalog->findDest(go->getNamedDest())) at = where(*named);
          }
          if (!at) continue;
          link.dest_page = at->first;
          link.dest_y = at->second;
        } else {
          continue;
        }
        out[p].push_back(std::move(link));
      }
    }
  } catch (...) {
    // poppler reports by return values; anything thrown (std::bad_alloc included) costs the links only.
    for (auto& page : out) page.clear();
  }
  return out;
}

// The words of `words` (one page's) whose centre lies in `link`'s area, in text order.
std::vector<const Placed*> covered(const PageLink& link, const std::vector<Placed>& words) {
  constexpr double slack = 1.0;  // points: Word draws link areas flush with the glyphs
  std::vector<const Placed*> out;
  for (const Placed& w : words) {
    const double x = (w.x0 + w.x1) / 2, y = (w.y0 + w.y1) / 2;
    if (x >= link.x0 - slack && x <= link.x1 + slack && y >= link.y0 - slack && y <= link.y1 + slack) out.push_back(&w);
  }
  std::sort(out.begin(), out.end(), [](const Placed* a, const Placed* b) { return a->span.begin < b->span.begin; });
  return out;
}

// Reads the links into `out`: a link to the footnote block of a page over a body word confirms the
// marks in it, or makes a mark of digits the size and rise missed; a web link over a run of one
// line's text is returned with it.
void apply_links(Text& out, const std::vector<std::vector<PageLink>>& links, const std::vector<Page>& laid,
                 const std::vector<std::vector<Placed>>& placed) {
  std::vector<Mark> added;
  for (std::size_t p = 0; p < links.size() && p < placed.size(); ++p) {
    for (const PageLink& link : links[p]) {
      ++out.links;
      const auto words = covered(link, placed[p]);
      if (words.empty()) continue;
      if (!link.uri.empty()) {
        const Span span{words.front()->span.begin, words.back()->span.end};
        if (std::string_view(out.text).substr(span.begin, span.size()).find('\n') == std::string_view::npos)
          out.web_links.push_back({span, link.uri});
        continue;
      }
      if (link.dest_page < 0 || static_cast<std::size_t>(link.dest_page) >= laid.size()) continue;
      const double notes_top = laid[static_cast<std::size_t>(link.dest_page)].notes_top;
      if (notes_top < 0 || link.dest_y < notes_top - 2) continue;  // not to a footnote
      for (const Placed* w : words) {
        if (!w->body) continue;
        if (w->mark) {
          // out.marks are in text order here: the word's are those from its start.
          auto m = std::lower_bound(out.marks.begin(), out.marks.end(), w->span.begin,
                                    [](const Mark& mark, std::size_t at) { return mark.span.begin < at; });
          for (; m != out.marks.end() && m->span.end <= w->span.end; ++m) m->by_link = true;
        } else if (w->small_digits) {
          std::vector<Span> digits;
          add_marks(digits, std::string_view(out.text).substr(w->span.begin, w->span.size()), w->span.begin);
          for (const Span d : digits) added.push_back({d, false, true});
        }
      }
    }
  }
  out.marks.insert(out.marks.end(), added.begin(), added.end());
  std::sort(out.marks.begin(), out.marks.end(), [](const Mark& a, const Mark& b) { return a.span.begin < b.span.begin; });
  out.marks.erase(std::unique(out.marks.begin(), out.marks.end(),
                              [](const Mark& a, const Mark& b) { return a.span.begin == b.span.begin; }),
                  out.marks.end());
}
}  // namespace

std::size_t Text::page_of(std::size_t offset) const {
  const auto it = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
  return it == page_starts.begin() ? 1 : static_cast<std::size_t>(it - page_starts.begin());
}

bool looks_like_pdf(std::string_view bytes) { return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos; }

Text read(std::string_view bytes, const Limits& limits) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  if (!looks_like_pdf(bytes))
    throw InputError("read", 0, "not a PDF: no %PDF- header in the first 1,024 bytes (a file named .pdf that is something else?)");
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw InputError("read", 0, "PDF over 2 GB");
  // A complete PDF ends with %%EOF (possibly followed by a few bytes of white space).
  if (bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0).find("%%EOF") == std::string_view::npos)
    throw InputError("read", 0, "truncated PDF: no %%EOF at the end (an interrupted download?)");

  silence_poppler();
  const std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw InputError("read", 0, "damaged PDF: its structure cannot be read (no usable cross-reference table or trailer)");
  if (doc->is_locked()) throw InputError("read", 0, "encrypted PDF: it needs a password to be read");
  const int declared = doc->pages();
  if (declared <= 0) throw InputError("read", 0, "PDF has no pages (its page tree is empty or does not add up)");
  if (static_cast<std::size_t>(declared) > limits.max_pages)
    throw InputError("read", 0, "PDF has " + std::to_string(declared) + " pages, more than the limit of " +
                                    std::to_string(limits.max_pages) + " (no resolution is that long)");

  // Pass 1: the lines of every page.
  std::vector<std::vector<Line>> pages;
  std::vector<double> heights;
  std::size_t words_total = 0, text_bytes = 0;
  std::map<long, std::size_t> size_counts;  // characters per font size (tenths of a point)
  for (int p = 0; p < declared; ++p) {
    if (Clock::now() - started > limits.max_time)
      throw InputError("read", static_cast<std::size_t>(p + 1),
                       "PDF took over " + std::to_string(limits.max_time.count() / 1000) +
                           " s to read; stopped at page " + std::to_string(p + 1) + " of " + std::to_string(declared));
    const std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) throw InputError("read", static_cast<std::size_t>(p + 1), "damaged PDF: page " + std::to_string(p + 1) + " cannot be read");
    heights.push_back(page->page_rect().height());
    std::vector<Word> words;
    // Without text_list_include_font: poppler's font names cost a third more time than the whole
    // extraction, and the box height (the font size times the font's ascent less descent) is all the
    // layout needs, every measure below being relative to it.
    auto boxes = page->text_list();
    if (boxes.size() > limits.max_words_per_page)
      throw InputError("read", static_cast<std::size_t>(p + 1),
                       "page " + std::to_string(p + 1) + " holds " + std::to_string(boxes.size()) +
                           " words, more than the limit of " + std::to_string(limits.max_words_per_page));
    for (auto& box : boxes) {
      std::string text = utf8(box.text());
      if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      const auto r = box.bbox();
      const double size = r.height();
      text_bytes += text.size() + 1;
      size_counts[std::lround(size * 10)] += text.size();
      words.push_back({std::move(text), r.left(), r.top(), r.right(), r.bottom(), size});
    }
    if (text_bytes > limits.max_text_bytes)
      throw InputError("read", static_cast<std::size_t>(p + 1),
                       "PDF text is over " + std::to_string(limits.max_text_bytes >> 20) + " MB (stopped at page " +
                           std::to_string(p + 1) + ")");
    words_total += words.size();
    pages.push_back(lines_of(std::move(words)));
  }
  if (words_total == 0) throw InputError("read", 0, "image-only PDF: no text layer; OCR is not supported");
  const std::vector<std::vector<PageLink>> links = read_links(bytes, pages.size(), limits, started);

  double body_size = 10;
  std::size_t most = 0;
  for (const auto& [tenths, n] : size_counts)
    if (n > most) {
      most = n;
      body_size = static_cast<double>(tenths) / 10;
    }
  const double margin = left_margin(pages, body_size);

  // Pass 2: furniture, footnotes and paragraphs per page; continuations joined to the page where
  // their paragraph or footnote starts.
  Text out;
  std::vector<Page> laid(pages.size());
  std::optional<std::pair<std::size_t, std::size_t>> current;  // (page, paragraph) being written
  std::optional<std::size_t> last_note_page;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    Page& page = laid[p];
    const double h = heights[p] > 0 ? heights[p] : 792;
    bool in_notes = false;
    bool first_body = true;
    const Line* prev = nullptr;
    for (const Line& l : pages[p]) {
      const bool header = l.top < kHeaderBand * h;
      const bool footer = l.top > kFooterBand * h;
      if (footer) {
        if (p == 0) page.front.push_back(l.text);
        continue;  // the footer of later pages: job number, page counter
      }
      if (header && p > 0 && l.size < 0.95 * body_size) continue;  // running head: symbol and title
      if (!in_notes && all_of_chars(l.text, "_") && l.text.size() >= 5 && l.lead_mark.empty()) {
        in_notes = true;
        page.notes_top = l.top;
        continue;
      }
      std::vector<Placed> words = l.words;
      for (Placed& w : words) {
        w.page = p;
        w.body = !in_notes;
      }
      if (in_notes) {
        if (!l.lead_mark.empty()) {
          shift(words, l.lead_mark.size() + 1);
          page.footnotes.push_back({l.lead_mark + " " + l.text, {}, std::move(words)});
          ++out.footnotes;
          last_note_page = p;
        } else if (!page.footnotes.empty()) {
          join_written(page.footnotes.back(), {l.text, {}, std::move(words)});
        } else if (last_note_page && !laid[*last_note_page].footnotes.empty()) {
          // continued from a page before
          join_written(laid[*last_note_page].footnotes.back(), {l.text, {}, std::move(words)});
        } else {
          page.footnotes.push_back({l.text, {}, std::move(words)});
          last_note_page = p;
        }
        continue;
      }
      Written text{l.lead_mark.empty() ? l.text : l.lead_mark + " " + l.text, l.marks, std::move(words)};
      const std::size_t by = text.text.size() - l.text.size();
      for (Span& m : text.marks) m = {m.begin + by, m.end + by};
      shift(text.words, by);
      bool fresh = true;
      if (first_body) {
        // The first line of a page continues the last paragraph when it is not indented.
        fresh = !(p > 0 && current && std::abs(l.x0 - margin) <= kIndent);
        first_body = false;
      } else {
        const double step = l.baseline - prev->baseline;
        fresh = step > kParagraphGap * std::max(l.size, prev->size) || step < 0;
      }
      if (current && !fresh) {
        // A part's numeral ("I", "II", "A") on a line of its own is a paragraph of its own, as the
        // rules read a heading, though it is set a line (not a paragraph) above the part's title:
        // it opens one after a clause ends, and the title after it opens the next.
        const auto& open = laid[current->first].body[current->second].lines;
        fresh = (open.size() == 1 && part_numeral(open.front().text)) ||
                (part_numeral(l.text) && ends_clause(open.back().text));
      }
      prev = &l;
      if (fresh || !current) {
        page.body.push_back({{std::move(text)}});
        current = {p, page.body.size() - 1};
      } else {
        laid[current->first].body[current->second].lines.push_back(std::move(text));
      }
    }
  }

  // Pass 3: the text. Paragraphs are separated by a line holding one space, pages by an empty line
  // (the pdf-text layout's page break); footnotes follow their page's body after a rule. Each
  // word's offsets in it are kept by the page its box is on, for the links.
  std::vector<std::vector<Placed>> placed(laid.size());
  const auto place = [&](const std::vector<Placed>& words, std::size_t at) {
    for (Placed w : words) {
      w.span = {w.span.begin + at, w.span.end + at};
      placed[w.page].push_back(w);
    }
  };
  for (std::size_t p = 0; p < laid.size(); ++p) {
    if (p > 0) out.text += '\n';  // the empty line that breaks the page
    out.page_starts.push_back(out.text.size());
    const Page& page = laid[p];
    for (const auto& line : page.front) out.text += line + "\n";
    if (!page.front.empty()) out.text += " \n";
    for (std::size_t i = 0; i < page.body.size(); ++i) {
      if (i > 0) out.text += " \n";
      for (const auto& line : page.body[i].lines) {
        for (const Span m : line.marks)
          out.marks.push_back({{out.text.size() + m.begin, out.text.size() + m.end}, true, false});
        place(line.words, out.text.size());
        out.text += line.text + "\n";
      }
    }
    if (!page.footnotes.empty()) {
      out.text += "__________________\n";
      for (const auto& note : page.footnotes) {
        out.text += " \n";
        place(note.words, out.text.size());
        out.text += note.text + "\n";
      }
    }
  }

  apply_links(out, links, laid, placed);
  return out;
}

}  // namespace unres::pdf
