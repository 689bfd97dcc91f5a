#pragma once
// AKN4UN XML (the UN's own Akoma Ntoso markup of resolutions) -> a readable source text and, per
// resolution, its metadata, paragraphs, footnotes, footnote marks and linked citations.
//
// The XML is not text an analyst can read, so the reader renders one: each resolution's masthead,
// then one paragraph per line (its printed number first: "3. Requests ...", "(a) ..."), headings,
// annexes, and the footnotes last ("1 A/78/251."). Every span below is a byte range of that text,
// so a paragraph's or footnote's text is one contiguous range of it. Pure: no I/O, no rules.
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/segments.h"

namespace unres::akn {

// A reference the XML marks itself: <a href="https://undocs.org/en/A/RES/70/1">70/1</a>.
struct LinkCitation {
  int paragraph = -1;  // index into Segments::paragraphs, or -1
  int footnote = -1;   // index into Segments::footnotes, or -1 (exactly one of the two is set)
  std::string target;  // normalized like mappings/citations.yaml: A/RES/70/1, S/RES/2334(2016), A/78/251
  std::string href;    // as written
  Span span;           // the link text
};

struct Resolution {
  // resolutions column -> value: symbol, body, language, session, number, year, title, adopted_on,
  // meeting, plenary_meeting, draft_symbol, agenda_item, distributed_on, job_number, basis_symbol,
  // committee (English only), part (multi-part files). Absent when the XML does not say.
  std::map<std::string, std::string> meta;
  Span span;            // this resolution's part of the source text (masthead to last footnote)
  Segments segments;    // header, paragraphs, footnotes, marks: spans into the source text
  std::vector<Span> leads;  // per paragraph: its emphasized lead phrase ("Requests"), empty if none
  // Per paragraph: text rendered after its line that belongs to it (the draft an ECOSOC
  // "Recommends ... the following draft resolution:" embeds), empty if none. Not paragraphs.
  std::vector<Span> embedded;
  std::vector<LinkCitation> citations;
};

struct Document {
  std::string text;  // UTF-8, '\n' between lines
  std::vector<Resolution> resolutions;
};

// Whether the head of a file looks like Akoma Ntoso XML (the detector: cheap, no parsing).
bool looks_like_akn(std::string_view head);

// Limits on hostile input (the file size is bounded by the pipeline's --max-file-size).
inline constexpr std::size_t max_depth = 256;

// Parses and renders one file. Throws InputError (stage "read") with a plain reason: malformed XML
// (with its line), not an Akoma Ntoso document, an entity declaration, nesting deeper than
// max_depth, or no resolution body.
Document read_akn(std::string_view bytes);

// href -> normalized target, or "" when the link is not to a UN document symbol.
std::string citation_target(std::string_view href);

}  // namespace unres::akn
