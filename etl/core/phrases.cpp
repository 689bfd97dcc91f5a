#include "phrases.h"

#include <vector>

#include "text.h"

namespace unres {

namespace {

struct Token {
  Span span;
  std::string lower;
};

bool word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '\'' || c >= 0x80;
}

// Words and commas from a position, read as the matcher asks for them, up to a limit; stops at
// any other punctuation or a digit. (Most calls look at one or two words: a paragraph that opens
// with no known phrase is rejected before the rest is read.)
class Matcher {
 public:
  Matcher(const PhraseLexicon& lex, std::string_view text, std::size_t at, std::size_t limit)
      : lex_(lex), text_(text), at_(at), limit_(limit) {}

  // Whether token `i` exists (reading up to it).
  bool has(std::size_t i) {
    while (tokens_.size() <= i && read()) {
    }
    return tokens_.size() > i;
  }

  // Length in tokens of the longest entry of the set `role` starting at token `i` (0: none).
  std::size_t longest(PhraseLexicon::Role role, std::size_t i) {
    std::string key;
    std::size_t best = 0;
    for (std::size_t n = 1; n <= lex_.max_words && has(i + n - 1); ++n) {
      if (n > 1 && tokens_[i + n - 1].lower != ",") key += ' ';
      key += tokens_[i + n - 1].lower;
      const auto it = lex_.roles.find(key);
      if (it == lex_.roles.end()) break;  // neither an entry nor the start of one
      if (it->second & role) best = n;
      if (!(it->second & PhraseLexicon::prefix)) break;  // no entry goes on from here
    }
    return best;
  }
  std::string words(std::size_t i, std::size_t n) const {
    std::string key;
    for (std::size_t k = i; k < i + n; ++k) {
      if (k > i && tokens_[k].lower != ",") key += ' ';
      key += tokens_[k].lower;
    }
    return key;
  }
  const Token& token(std::size_t i) const { return tokens_[i]; }

  // MODIFIER* FORM starting at token `i`: fills the form's start and length and the first
  // modifier. The reading whose form ends furthest wins; of two ending at the same word, the one
  // with fewer modifiers: a form whose first words are also modifiers is a phrase of its own
  // (Russian "настоятельно призывает" is "urges", not "strongly calls upon"), while Chinese
  // 赞赏地注意到 is the modifier 赞赏地 "with appreciation" and 注意到 "notes", not the form 赞赏.
  bool verb(PhraseLexicon::Role forms, std::size_t i, std::size_t& form_at, std::size_t& form_len,
            std::string& modifier) {
    std::vector<std::size_t> starts = {i};
    for (std::size_t n; (n = longest(PhraseLexicon::modifier, starts.back())) > 0;) starts.push_back(starts.back() + n);
    std::size_t best = starts.size(), best_len = 0;
    for (std::size_t k = 0; k < starts.size(); ++k)
      if (const std::size_t n = longest(forms, starts[k]); n && (best == starts.size() || starts[k] + n > starts[best] + best_len)) {
        best = k;
        best_len = n;
      }
    if (best == starts.size()) return false;
    form_at = starts[best];
    form_len = best_len;
    modifier = best > 0 ? words(i, starts[1] - i) : "";
    while (!modifier.empty() && modifier.back() == ',') modifier.pop_back();
    return true;
  }

 private:
  bool read() {
    while (at_ < text_.size() && tokens_.size() < limit_) {
      const auto c = static_cast<unsigned char>(text_[at_]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++at_;
      } else if (const std::size_t comma = c < 0x80 ? (c == ',') : phrase_script::comma(text_, at_)) {
        tokens_.push_back({{at_, at_ + comma}, ","});   // also the Arabic and the full-width comma
        at_ += comma;
        return true;
      } else if (phrase_script::cjk_lead(c) && at_ + 3 <= text_.size()) {
        tokens_.push_back({{at_, at_ + 3}, std::string(text_.substr(at_, 3))});   // an ideograph is a word
        at_ += 3;
        return true;
      } else if (word_char(c)) {
        // (Bytes beyond ASCII are looked at only there: the English path stays as it was.)
        std::size_t j = at_;
        bool arabic = false;
        while (j < text_.size()) {
          const auto b = static_cast<unsigned char>(text_[j]);
          if (b < 0x80 ? !word_char(b) : (phrase_script::cjk_lead(b) || phrase_script::comma(text_, j))) break;
          arabic |= b == 0xD9;
          ++j;
        }
        std::string lower = fold_case(text_.substr(at_, j - at_));
        if (arabic) phrase_script::drop_arabic_marks(lower);
        tokens_.push_back({{at_, j}, std::move(lower)});
        at_ = j;
        return true;
      } else {
        break;
      }
    }
    at_ = text_.size();  // the end of what can be read
    return false;
  }

  const PhraseLexicon& lex_;
  std::string_view text_;
  std::size_t at_, limit_;
  std::vector<Token> tokens_;
};

}  // namespace

std::optional<PhraseMatch> match_phrase(const PhraseLexicon& lex, PhraseKind kind, std::string_view text,
                                        std::size_t at, bool lower_case) {
  const auto forms = kind == PhraseKind::preambular ? PhraseLexicon::preambular : PhraseLexicon::operative;
  // Tokens enough for modifiers, form, postmodifiers, qualifier, "and" and a second verb; the
  // bound keeps a long paragraph from being tokenized whole at every comma.
  Matcher m(lex, text, at, std::min<std::size_t>(4 * lex.max_words + 2, 24));
  std::size_t form_at = 0, form_len = 0;
  PhraseMatch out;
  if (!m.verb(forms, 0, form_at, form_len, out.modifier)) return std::nullopt;
  if (lower_case) {
    const char first = text[m.token(form_at).span.begin];
    if (first < 'a' || first > 'z') return std::nullopt;
  }
  out.lemma = lex.lemma_of_form.at(m.words(form_at, form_len));
  std::size_t end = form_at + form_len;
  bool post_modifier = false;
  for (std::size_t n; (n = m.longest(PhraseLexicon::postmodifier, end)) > 0; end += n) {
    if (out.modifier.empty() && !post_modifier) out.modifier = m.words(end, n);
    post_modifier = true;
  }
  if (const std::size_t n = m.longest(PhraseLexicon::qualifier, end)) {
    out.qualifier = m.words(end, n);
    end += n;
  }
  out.whole = {m.token(0).span.begin, m.token(end - 1).span.end};
  // "Recalling and further endorsing": a second verb joined by a coordinator.
  if (m.has(end) && lex.coordinators.count(m.token(end).lower)) {
    std::size_t at2 = 0, len2 = 0;
    PhraseMatch::Second second;
    if (m.verb(forms, end + 1, at2, len2, second.modifier)) {
      second.lemma = lex.lemma_of_form.at(m.words(at2, len2));
      second.span = {m.token(end + 1).span.begin, m.token(at2 + len2 - 1).span.end};
      out.whole.end = second.span.end;
      out.second = std::move(second);
    }
  }
  return out;
}

}  // namespace unres
