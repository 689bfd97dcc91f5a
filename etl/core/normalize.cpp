#include "normalize.h"

#include <algorithm>
#include <map>
#include <cstdint>
#include <optional>

#include "errors.h"
#include "text.h"

namespace unres {

namespace {

// Appends source slices (applying the character replacements) and synthetic separators.
// Windows-1252 bytes 0x80..0x9F as Unicode code points (0 where the code page defines none).
constexpr unsigned kCp1252High[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                      0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

// Invalid UTF-8 is taken for Windows-1252 only when every byte is one the code page defines and
// no control character other than white space occurs: then it is clearly that, not binary.
bool looks_like_cp1252(std::string_view raw) {
  for (const char ch : raw) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
    if (c >= 0x80 && c <= 0x9F && kCp1252High[c - 0x80] == 0) return false;
  }
  return true;
}

class Builder {
 public:
  Builder(std::string_view raw, const RuleSet& rules, bool cp1252) : raw_(raw), rules_(rules), cp1252_(cp1252) {
    // Every character to replace, found in one pass over the file.
    if (rules_.replacement_matcher)
      for (const auto& m : rules_.replacement_matcher->find_all(raw_)) replace_at_.push_back(m.whole);
  }

  // Copies raw bytes [begin, end), applying the replacements that fall inside.
  void copy(std::size_t begin, std::size_t end) {
    auto it = std::lower_bound(replace_at_.begin(), replace_at_.end(), begin,
                               [](Span s, std::size_t at) { return s.begin < at; });
    for (; it != replace_at_.end() && it->end <= end; ++it) {
      copy_plain(begin, it->begin);
      const std::string_view found = raw_.substr(it->begin, it->size());
      for (const auto& [from, to] : rules_.replacements)
        if (from == found) {
          synthetic(to, it->begin, it->size());
          break;
        }
      begin = it->end;
    }
    copy_plain(begin, end);
  }

  void synthetic(std::string_view text, std::size_t raw_at, std::size_t raw_length = 0) {
    map_.add({out_.size(), raw_at, text.size(), raw_length, false});
    out_ += text;
  }

  std::size_t size() const { return out_.size(); }
  bool ends_with_newline() const { return out_.empty() || out_.back() == '\n'; }

  NormalizedText finish(std::string format, std::size_t footnotes_begin) {
    NormalizedText n;
    n.format = std::move(format);
    n.encoding = cp1252_ ? "windows-1252" : "utf-8";
    n.text = std::move(out_);
    n.map = std::move(map_);
    n.footnotes_begin = footnotes_begin;
    return n;
  }

 private:
  void copy_plain(std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    if (cp1252_) return decode_cp1252(begin, end);
    map_.add({out_.size(), begin, end - begin, end - begin, true});
    out_.append(raw_.substr(begin, end - begin));
  }

  // Each high byte becomes its UTF-8 sequence, standing for that one source byte.
  void decode_cp1252(std::size_t begin, std::size_t end) {
    std::size_t run = begin;
    for (std::size_t i = begin; i < end; ++i) {
      const auto c = static_cast<unsigned char>(raw_[i]);
      if (c < 0x80) continue;
      if (run < i) {
        map_.add({out_.size(), run, i - run, i - run, true});
        out_.append(raw_.substr(run, i - run));
      }
      synthetic(utf8_of(c <= 0x9F ? kCp1252High[c - 0x80] : c), i, 1);
      run = i + 1;
    }
    if (run < end) {
      map_.add({out_.size(), run, end - run, end - run, true});
      out_.append(raw_.substr(run, end - run));
    }
  }

  std::string_view raw_;
  const RuleSet& rules_;
  bool cp1252_;
  std::vector<Span> replace_at_;
  std::string out_;
  OffsetMap map_;
};

bool any_match(const std::vector<Pattern>& patterns, std::string_view line) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const Pattern& p) { return p.test(line); });
}

bool matches(const std::optional<Pattern>& p, std::string_view line) { return p && p->test(line); }

// Layouts whose lines already are paragraphs: copy each line, trailing white space dropped.
NormalizedText copy_lines(std::string_view raw, const RuleSet& rules, const Layout& layout, bool cp1252) {
  Builder b(raw, rules, cp1252);
  for (const auto& line : split_lines(raw)) {
    const std::string_view text = raw.substr(line.begin, line.end - line.begin);
    const std::size_t end = line.begin + (text.find_last_not_of(" \t\f\v") == std::string_view::npos
                                              ? 0
                                              : text.find_last_not_of(" \t\f\v") + 1);
    b.copy(line.begin, end);
    b.synthetic("\n", line.end, 0);
  }
  return b.finish(layout.id, std::string::npos);
}

// Whether a line ends a clause (, ; : .), a footnote mark after it aside ("East,1").
bool ends_clause(std::string_view line) {
  const std::size_t end = line.find_last_not_of("0123456789 ");
  return end != std::string_view::npos && std::string_view(",;:.").find(line[end]) != std::string_view::npos;
}

// Whether a line starts like a paragraph: a capital letter or an opening quote.
bool opens_sentence(std::string_view line) {
  if (line.empty()) return false;
  if ((line[0] >= 'A' && line[0] <= 'Z') || line[0] == '"') return true;
  return line.starts_with("\xE2\x80\x9C") || line.starts_with("\xE2\x80\x98");  // “ or ‘
}

// Whether a line ends a sentence: a full stop, a closing bracket or quote after it aside.
bool ends_sentence(std::string_view line) {
  while (!line.empty() && (line.back() == ')' || line.back() == '"')) line.remove_suffix(1);
  while (line.ends_with("\xE2\x80\x9D") || line.ends_with("\xE2\x80\x99")) line.remove_suffix(3);  // ” ’
  return line.ends_with('.');
}

// Hard-wrapped layouts (text extracted from PDFs): blank lines separate paragraphs; a page break
// opens a header block (dropped up to the page counter and the furniture after it); a footnote
// separator opens the page's footnotes, which are moved after the body.
NormalizedText unwrap_lines(std::string_view raw, const RuleSet& rules, const Layout& layout, bool cp1252) {
  struct Line {
    std::size_t begin, end;  // trimmed of trailing white space
    bool blank;
    // Written as synthetic text standing at this source offset (a footnote number set apart from its
    // text stands at the text, so that the footnote's source span is its text)
    std::size_t anchor = std::string_view::npos;
  };
  std::vector<Line> body;       // paragraph lines; a blank entry separates paragraphs
  std::vector<Line> footnotes;  // footnote lines; a blank entry separates footnotes
  std::vector<bool> after_break;  // body[i] follows a page break
  std::vector<std::size_t> indent, page;  // body[i]'s indentation (columns) and page
  const auto lines = split_lines(raw);
  const auto trimmed = [&](std::size_t i) { return trim(raw.substr(lines[i].begin, lines[i].end - lines[i].begin)); };
  // After a page break at line i: the line after the running head when the first
  // `page_header_blocks` runs of non-blank lines (line i's included) hold a `page_header` line.
  const auto running_head_end = [&](std::size_t i) -> std::optional<std::size_t> {
    std::size_t blocks = 0, k = i;
    bool in_block = false, header = false;
    for (; k < lines.size() && k <= i + 30 && blocks < layout.page_header_blocks; ++k) {
      const std::string_view t = trimmed(k);
      if (!t.empty()) header = header || matches(layout.page_header, t);
      else if (in_block) ++blocks;
      in_block = !t.empty();
    }
    if (in_block && k == lines.size()) ++blocks;
    if (!header || blocks < layout.page_header_blocks) return std::nullopt;
    return k;
  };

  // pdftotext's default mode writes a footnote block's numbers on lines of their own, apart from
  // their texts (in reading order): the numbers, in ascending order, go to the texts, a text
  // starting at a line after one that ends a sentence.
  std::vector<Line> apart_numbers, apart_texts;
  const auto flush_apart = [&] {
    if (apart_numbers.empty() && apart_texts.empty()) return;
    std::stable_sort(apart_numbers.begin(), apart_numbers.end(), [&](const Line& a, const Line& b) {
      const auto value = [&](const Line& l) {  // the number's digits (a rule's `number` may hold others: they sort last)
        std::size_t v = 0;
        for (const char c : raw.substr(l.begin, std::min<std::size_t>(l.end - l.begin, 9)))
          v = c >= '0' && c <= '9' ? v * 10 + static_cast<std::size_t>(c - '0') : SIZE_MAX / 100;
        return v;
      };
      return value(a) < value(b);
    });
    // Where the texts start: after a sentence, at a line not in lower case (a continued clause),
    // unless that leaves fewer texts than numbers (a web address opens a footnote in lower case).
    const auto starts = [&](bool lowercase_too) {
      std::vector<std::size_t> at;
      for (std::size_t k = 0; k < apart_texts.size(); ++k) {
        const std::string_view t = raw.substr(apart_texts[k].begin, apart_texts[k].end - apart_texts[k].begin);
        if (k == 0 || (ends_sentence(raw.substr(apart_texts[k - 1].begin, apart_texts[k - 1].end - apart_texts[k - 1].begin)) &&
                       (lowercase_too || !starts_lowercase(t))))
          at.push_back(k);
      }
      return at;
    };
    std::vector<std::size_t> at = starts(false);
    if (at.size() < apart_numbers.size()) at = starts(true);
    // Surplus texts come first: the rest of the previous page's last footnote.
    const std::size_t surplus = at.size() > apart_numbers.size() ? at.size() - apart_numbers.size() : 0;
    const std::size_t first_numbered = surplus < at.size() ? at[surplus] : apart_texts.size();
    for (std::size_t k = 0; k < first_numbered; ++k) footnotes.push_back(apart_texts[k]);
    for (std::size_t n = 0; n < apart_numbers.size(); ++n) {
      footnotes.push_back({apart_numbers[n].begin, apart_numbers[n].begin, true});
      if (surplus + n >= at.size()) {  // a number without its text
        footnotes.push_back(apart_numbers[n]);
        continue;
      }
      footnotes.push_back({apart_numbers[n].begin, apart_numbers[n].end, false, apart_texts[at[surplus + n]].begin});
      const std::size_t end = surplus + n + 1 < at.size() ? at[surplus + n + 1] : apart_texts.size();
      for (std::size_t k = at[surplus + n]; k < end; ++k) footnotes.push_back(apart_texts[k]);
    }
    apart_numbers.clear();
    apart_texts.clear();
  };

  bool in_footnotes = false, broke = false;
  std::size_t page_number = 0;
  // `page_end_blanks_continue`: blank lines that end a page's body (before its footnotes or its
  // break) end no paragraph; whether the next page continues it is decided where that page starts.
  const auto drop_trailing_blanks = [&] {
    while (!body.empty() && body.back().blank && page.back() == page_number) {
      body.pop_back();
      indent.pop_back();
      page.pop_back();
      after_break.pop_back();
    }
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view full = raw.substr(lines[i].begin, lines[i].end - lines[i].begin);
    const std::string_view text = trim(full);
    const std::size_t lead = text.empty() ? 0 : static_cast<std::size_t>(text.data() - full.data());
    const Line line{lines[i].begin + lead, lines[i].begin + lead + text.size(), text.empty()};
    if (matches(layout.page_break, full)) {
      flush_apart();
      if (layout.page_end_blanks_continue && !in_footnotes) drop_trailing_blanks();
      // Drop the page header: its running head, or up to the page counter (when it comes soon);
      // then furniture and blanks.
      std::size_t j = i + 1, counter = i;
      for (; j < lines.size() && j <= i + 10; ++j)
        if (matches(layout.page_counter, raw.substr(lines[j].begin, lines[j].end - lines[j].begin))) {
          counter = j;
          break;
        }
      j = counter + 1;
      if (layout.page_header_blocks > 0)
        if (const auto end = running_head_end(i)) j = *end;
      while (j < lines.size()) {
        const std::string_view t = trim(raw.substr(lines[j].begin, lines[j].end - lines[j].begin));
        if (!t.empty() && !any_match(layout.furniture, t)) break;
        ++j;
      }
      i = j - 1;
      in_footnotes = false;
      broke = true;
      ++page_number;
      continue;
    }
    if (layout.furniture_anywhere && !line.blank && any_match(layout.furniture, text)) continue;
    if (matches(layout.footnote_separator, text)) {
      flush_apart();
      if (layout.page_end_blanks_continue && !in_footnotes) drop_trailing_blanks();
      in_footnotes = true;
      footnotes.push_back({line.begin, line.begin, true});
      continue;
    }
    if (in_footnotes) {
      if (line.blank) continue;
      if (layout.footnote_numbers_apart) {
        const auto m = layout.footnote_start->match_at(text, 0);
        const int g = layout.footnote_start->group("number");
        const bool number_alone = m && g > 0 && m->groups[static_cast<std::size_t>(g)] &&
                                  m->groups[static_cast<std::size_t>(g)]->size() == text.size();
        (number_alone ? apart_numbers : apart_texts).push_back(line);
        continue;
      }
      if (matches(layout.footnote_start, text) && !footnotes.empty()) footnotes.push_back({line.begin, line.begin, true});
      footnotes.push_back(line);
      continue;
    }
    body.push_back(line);
    indent.push_back(full.find_first_not_of(" \t\f"));
    page.push_back(page_number);
    after_break.push_back(broke && !line.blank);
    if (!line.blank) broke = false;
  }
  flush_apart();

  // Text that keeps the page's layout: each page's usual left margin, the indentation most of its
  // lines have (a paragraph's first line is indented further, headings elsewhere).
  std::vector<std::size_t> margin(page_number + 1, 0);
  if (layout.indent_start > 0) {
    std::vector<std::map<std::size_t, std::size_t>> counts(page_number + 1);
    for (std::size_t k = 0; k < body.size(); ++k)
      if (!body[k].blank) ++counts[page[k]][indent[k]];
    for (std::size_t p = 0; p <= page_number; ++p) {
      std::size_t best = 0;
      for (const auto& [columns, n] : counts[p])
        if (n > best) best = n, margin[p] = columns;
    }
  }
  // Whether body line k leaves the margin by `indent_start` columns or more.
  const auto off_margin = [&](std::size_t k) {
    const std::size_t m = margin[page[k]];
    return layout.indent_start > 0 && (indent[k] >= m + layout.indent_start || indent[k] + layout.indent_start <= m);
  };

  Builder b(raw, rules, cp1252);
  // Writes paragraphs: the lines of one joined by a space; blank entries separate paragraphs.
  const auto emit = [&](const std::vector<Line>& src, const std::vector<bool>* breaks) {
    bool open = false;           // a paragraph is being written
    std::size_t last_end = 0;    // source end of the last line written
    std::string_view last_text;  // the last line written
    for (std::size_t k = 0; k < src.size(); ++k) {
      const Line& l = src[k];
      const bool after_number = open && matches(layout.number_only, last_text);
      if (l.blank) {
        // A blank line ends the paragraph, except after a bare paragraph number ("9. ").
        if (open && !after_number) {
          b.synthetic("\n", last_end);
          open = false;
        }
        continue;
      }
      const std::string_view text = raw.substr(l.begin, l.end - l.begin);
      if (open) {
        bool fresh = false;
        if (!after_number) {
          if (matches(layout.paragraph_start, text) || matches(layout.paragraph_end, last_text)) {
            fresh = true;
          } else if (breaks && off_margin(k)) {
            fresh = true;
          } else if (layout.start_after_punctuation && opens_sentence(text) && ends_clause(last_text)) {
            fresh = true;
          } else if (breaks && (*breaks)[k]) {
            // Text after a page break continues the paragraph when it cannot start one.
            const bool lower = starts_lowercase(text);
            const std::size_t end = last_text.find_last_not_of("0123456789 ");  // a footnote mark aside
            fresh = !lower && end != std::string_view::npos &&
                    std::string_view(",;:.").find(last_text[end]) != std::string_view::npos;
          }
        }
        // A line broken after a hyphen ("Non-Self-" / "Governing") joins without a space.
        const bool hyphen = last_text.size() > 1 && last_text.back() == '-' && last_text[last_text.size() - 2] != ' ';
        if (fresh) b.synthetic("\n", last_end);
        else if (!hyphen) b.synthetic(" ", l.begin);
      }
      if (l.anchor != std::string_view::npos) b.synthetic(text, l.anchor);
      else b.copy(l.begin, l.end);
      open = true;
      last_end = l.end;
      last_text = text;
    }
    if (open) b.synthetic("\n", last_end);
  };
  emit(body, &after_break);
  const std::size_t footnotes_begin = b.size();
  emit(footnotes, nullptr);
  return b.finish(layout.id, footnotes.empty() ? std::string::npos : footnotes_begin);
}

}  // namespace

namespace {
// The bytes with bare CRs and U+2028/U+2029 turned into LF line ends, byte for byte ("\r" -> "\n",
// the three bytes of a separator -> "  \n"), so that every offset still points at the raw file.
// (CRLF needs nothing: split_lines drops the CR before an LF.)
std::string plain_line_ends(std::string_view raw) {
  std::string out(raw);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = '\n';
    else if (out[i] == '\xE2' && (out.compare(i, 3, "\xE2\x80\xA8") == 0 || out.compare(i, 3, "\xE2\x80\xA9") == 0)) {
      out[i] = out[i + 1] = ' ';
      out[i + 2] = '\n';
      i += 2;
    }
  }
  return out;
}

// The map of a text normalized from raw[skip...]: offsets into the whole raw file.
OffsetMap skipped(const OffsetMap& map, std::size_t skip) {
  OffsetMap out;
  for (auto piece : map.pieces()) {
    piece.raw += skip;
    out.add(piece);
  }
  return out;
}
}  // namespace

NormalizedText normalize(const SourceFile& file, const RuleSet& rules) {
  std::string_view raw = file.bytes;
  if (raw.find('\0') != std::string_view::npos) {
    const std::size_t at = raw.find('\0');
    throw InputError("normalize", line_of(raw, at), "binary file (NUL byte at offset " + std::to_string(at) + ")");
  }
  bool cp1252 = false;
  if (const auto bad = invalid_utf8_at(raw)) {
    if (!looks_like_cp1252(raw))
      throw InputError("normalize", line_of(raw, *bad), "invalid UTF-8 at offset " + std::to_string(*bad),
                       excerpt(raw, *bad > 20 ? *bad - 20 : 0, 20));
    cp1252 = true;
  }
  // Text as Windows and older editors write it (TextQuirks): the byte-order mark is skipped (and
  // the offsets shifted back), other line ends become LF in a copy of the same length.
  const TextQuirks quirks = text_quirks(raw, !cp1252);
  std::string plain;
  if (quirks.cr || quirks.separators) raw = plain = plain_line_ends(raw);
  const std::size_t bom = quirks.bom ? 3 : 0;
  raw.remove_prefix(bom);
  const std::string_view head = raw.substr(0, rules.detect_window);
  for (const auto& layout : rules.layouts) {
    if (!layout.detect.test(head)) continue;
    NormalizedText text = layout.unwrap ? unwrap_lines(raw, rules, layout, cp1252) : copy_lines(raw, rules, layout, cp1252);
    if (bom) text.map = skipped(text.map, bom);
    return text;
  }
  throw InputError("normalize", 1, "no known layout: the first " + std::to_string(rules.detect_window) +
                                       " bytes look neither like an ODS text export nor like text extracted from a resolution PDF",
                   excerpt(raw, 0));
}

}  // namespace unres
