#pragma once
// The PDF reader: PDF bytes -> a readable source text in the `pdf-text` layout of
// mappings/structure.yaml, which the existing normalize/segment/extract stages read. The only user
// of poppler (poppler-cpp).
//
// What the PDF carries and plain extracted text loses is used here, from each word's position and
// font size: page furniture (headers, footers) is dropped by band; paragraph starts come from the
// vertical gap and the indentation; footnote marks are the small digits raised above the baseline
// and are written right after their word ("East,1"); the footnote block is what lies below the rule
// of underscores; a paragraph or footnote continued on the next page is written whole on the page
// where it starts. Every offset of the later stages points into `text`, the source text stored for
// the analyst; `page_starts` tells the page of any offset.
//
// The PDF's link annotations are a second, independent source (poppler's core API, the
// libpoppler-private-dev headers of the same libpoppler that poppler-cpp wraps): a mark linked to
// the footnote block confirms the mark, or adds one the size and rise missed; a web link is
// returned with the text it covers, for the format to read a cited symbol from.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <memory>
#include <vector>

#include "model/span.h"

namespace unres {

class Format;

namespace pdf {

// Bounds on one file, so that a hostile PDF (a "bomb") cannot stall a nightly run.
struct Limits {
  std::size_t max_pages = 1000;                 // more is no resolution
  std::size_t max_text_bytes = 16u << 20;       // extracted text
  std::size_t max_words_per_page = 50'000;      // a Letter page of 8 pt text holds ~1,500
  std::chrono::milliseconds max_time{20'000};   // checked between pages (poppler has no timeout)
  std::size_t max_links_per_page = 500;         // link annotations read per page (a page has ~20)...
  std::size_t max_links = 5'000;                // ...and per file; the rest are ignored, not an error
};

// A footnote mark's digits ("East,1": the "1") as offsets in Text::text, and which source found it.
struct Mark {
  Span span;
  bool by_size = false;  // a small digit raised above its line
  bool by_link = false;  // covered by a link to the footnote block of a page
};

// A web link (a URI action) over a run of the text, as offsets in Text::text.
struct WebLink {
  Span span;
  std::string uri;
};

struct Text {
  std::string text;                      // UTF-8, pdf-text layout; pages separated by an empty line
  std::vector<std::size_t> page_starts;  // byte offset in `text` where each page's text begins
  std::vector<Mark> marks;               // the footnote marks of the body, in text order
  std::vector<WebLink> web_links;        // web links over text, in the order the pages list them
  std::size_t links = 0;                 // link annotations read (internal and web)
  std::size_t footnotes = 0;             // footnotes found below the rule

  // 1-based page of byte `offset` of `text`.
  std::size_t page_of(std::size_t offset) const;
};

// Whether `bytes` start like a PDF ("%PDF-" within the first 1,024 bytes, as readers accept).
bool looks_like_pdf(std::string_view bytes);

// Reads a PDF. Throws InputError (stage "read"; line = the page, when one is at fault) with a plain
// reason for what is not a readable text PDF: not a PDF, damaged, encrypted, no pages, too many
// pages, image-only (no text layer), over a limit.
Text read(std::string_view bytes, const Limits& limits = {});

}  // namespace pdf

// The PDF format of the registry (formats/pdf_format.cpp): reads with pdf::read and `limits`.
std::unique_ptr<Format> make_pdf_format(const pdf::Limits& limits = {});

}  // namespace unres
