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
};

struct Text {
  std::string text;                      // UTF-8, pdf-text layout; pages separated by an empty line
  std::vector<std::size_t> page_starts;  // byte offset in `text` where each page's text begins
  std::vector<Span> marks;               // the digits of each footnote mark found by size and rise in
                                         // the body ("East,1": the "1"), as offsets in `text`
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
