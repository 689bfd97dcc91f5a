// The PDF format: a file starting with %PDF- is read by pdf::read into a source text in the
// `pdf-text` layout, which the store keeps (document_texts) and every row's offsets point into;
// the layout's rules normalize it into the working text, split it and segment it, as for any text.
//
// One thing the rules cannot do as well as the PDF: tell a footnote mark from a number. In text, a
// mark set right after a digit ("resolution 5/14" + mark 11) reads "5/1411". The reader knows each
// mark by its size and rise, so this format states the marks itself: the resolution's segments
// are the rules', with the marks replaced by the reader's (Reading::parts).
#include <algorithm>
#include <optional>

#include "errors.h"
#include "formats/format.h"
#include "formats/pdf.h"
#include "normalize.h"
#include "segment.h"
#include "split.h"

namespace unres {

namespace {

// Maps source-text offsets back to the working text, through the pieces of the normalizer's map
// that copy source bytes (a mark's digits are always copied).
class ToWorking {
 public:
  explicit ToWorking(const OffsetMap& map) {
    for (const auto& piece : map.pieces())
      if (piece.copied && piece.length > 0) copied_.push_back(piece);
    std::sort(copied_.begin(), copied_.end(), [](const auto& a, const auto& b) { return a.raw < b.raw; });
  }
  // The working-text span of source span `s`, when it was copied whole into one piece.
  std::optional<Span> operator()(Span s) const {
    auto it = std::upper_bound(copied_.begin(), copied_.end(), s.begin,
                               [](std::size_t at, const OffsetMap::Piece& p) { return at < p.raw; });
    if (it == copied_.begin()) return std::nullopt;
    const auto& p = *std::prev(it);
    if (s.end > p.raw + p.length) return std::nullopt;
    return Span{p.norm + (s.begin - p.raw), p.norm + (s.end - p.raw)};
  }

 private:
  std::vector<OffsetMap::Piece> copied_;
};

int number_of(std::string_view digits) {
  int n = 0;
  for (const char c : digits) n = n * 10 + (c - '0');
  return n;
}

// The footnote marks of one resolution, from the reader's: each mark in a paragraph's text that
// names one of the resolution's footnotes. `marks` are working-text spans in document order.
std::vector<FootnoteMark> stated_marks(const std::string& text, const Segments& seg, const std::vector<Span>& marks) {
  std::vector<FootnoteMark> out;
  for (const Span m : marks) {
    if (m.size() > 3) continue;  // no resolution has a thousand footnotes: a raised number
    const auto p = std::upper_bound(seg.paragraphs.begin(), seg.paragraphs.end(), m.begin,
                                    [](std::size_t at, const ParagraphSegment& s) { return at < s.body.begin; });
    if (p == seg.paragraphs.begin() || m.end > std::prev(p)->body.end) continue;
    const int number = number_of(std::string_view(text).substr(m.begin, m.size()));
    const auto f = std::find_if(seg.footnotes.begin(), seg.footnotes.end(),
                                [&](const FootnoteSegment& s) { return s.number == number; });
    if (f == seg.footnotes.end()) continue;
    out.push_back({static_cast<std::size_t>(std::prev(p) - seg.paragraphs.begin()),
                   static_cast<std::size_t>(f - seg.footnotes.begin()), m});
  }
  return out;
}

class PdfFormat final : public Format {
 public:
  explicit PdfFormat(const pdf::Limits& limits) : limits_(limits) {}

  std::string_view id() const override { return "pdf"; }
  bool detects(std::string_view head, const RuleSet&) const override { return pdf::looks_like_pdf(head); }

  Reading read(const SourceFile& file, const RuleSet& rules) const override {
    pdf::Text extracted = pdf::read(file.bytes, limits_);
    try {
      return read_text(file, extracted, rules);
    } catch (const InputError& e) {
      // What the text stages say of a line of the extracted text, said of the PDF: its page (the
      // `line` of a PDF's quarantine row, as pdf::read's own reasons), the text not being stored.
      std::size_t page = 0;
      if (e.line() > 0) {
        const std::string& text = extracted.text;
        std::size_t at = 0;
        for (std::size_t l = 1; l < e.line() && at < text.size(); ++l) {
          const std::size_t eol = text.find('\n', at);
          at = eol == std::string::npos ? text.size() : eol + 1;
        }
        page = extracted.page_of(at);
      }
      throw InputError(e.stage(), page, std::string("in the PDF's text: ") + e.what(), e.excerpt());
    }
  }

 private:
  Reading read_text(const SourceFile& file, pdf::Text& extracted, const RuleSet& rules) const {
    // The extracted text is the source text: normalized as a file holding it would be, its offset
    // map points into it.
    const SourceFile source{file.path, extracted.text, file.stamp};
    Reading reading;
    reading.text = normalize(source, rules);
    // documents.format: the format; the reader always writes the pdf-text layout, which the rules
    // must recognize (a PDF whose text they read as another layout is no resolution PDF).
    if (reading.text.format != "pdf-text")
      throw InputError("normalize", 1, "it reads as the '" + reading.text.format +
                                           "' layout, not as pdf-text: not an official resolution PDF");
    reading.text.format = std::string(id());
    reading.page_starts = extracted.page_starts;

    const ToWorking to_working(reading.text.map);
    std::vector<Span> marks;
    for (const Span m : extracted.marks)
      if (const auto w = to_working(m)) marks.push_back(*w);
    std::sort(marks.begin(), marks.end(), [](Span a, Span b) { return a.begin < b.begin; });
    for (const auto& doc : split_documents(reading.text, rules)) {
      Segments segments = segment(reading.text, doc, rules);
      segments.marks = stated_marks(reading.text.text, segments, marks);
      reading.parts.push_back({doc, std::move(segments), {}});
    }
    reading.source_text = std::move(extracted.text);
    return reading;
  }

  pdf::Limits limits_;
};

}  // namespace

std::unique_ptr<Format> make_pdf_format(const pdf::Limits& limits) { return std::make_unique<PdfFormat>(limits); }

}  // namespace unres
