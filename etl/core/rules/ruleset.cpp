#include "rules/ruleset.h"

#include <algorithm>

#include "text.h"

namespace unres {

std::vector<std::string> template_groups(std::string_view tmpl) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = tmpl.find('{', at)) != std::string_view::npos) {
    const std::size_t close = tmpl.find('}', at);
    if (close == std::string_view::npos) break;
    out.emplace_back(tmpl.substr(at + 1, close - at - 1));
    at = close + 1;
  }
  return out;
}

std::string render_template(std::string_view tmpl, std::string_view text, const Pattern& pattern,
                            const Pattern::Match& match) {
  std::string out;
  std::size_t at = 0;
  while (at < tmpl.size()) {
    const std::size_t open = tmpl.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (close == std::string_view::npos) {
      out += tmpl.substr(at);
      break;
    }
    out += tmpl.substr(at, open - at);
    out += group_text(text, match, pattern.group(tmpl.substr(open + 1, close - open - 1)));
    at = close + 1;
  }
  return fold_space(out);
}

namespace {
constexpr std::string_view kWhen = "+when.";
}

PhraseLexicon::ActionChoice PhraseLexicon::action_after(const std::string& lemma, std::string_view text,
                                                        std::size_t end) const {
  if (!context_of_lemma.empty())
    if (const auto it = context_of_lemma.find(lemma); it != context_of_lemma.end()) {
      while (end < text.size() && (text[end] == ' ' || text[end] == '\t' || text[end] == '\n' || text[end] == '\r'))
        ++end;
      for (std::size_t i = 0; i < it->second.size(); ++i)
        if (it->second[i].follows.test_at(text, end)) return {it->second[i].action, static_cast<int>(i + 1)};
    }
  return {action(lemma), 0};
}

std::string PhraseLexicon::rule_with(std::string_view rule, const ActionChoice& choice) {
  std::string out(rule);
  if (choice.alternative > 0) out += std::string(kWhen) + std::to_string(choice.alternative);
  return out;
}

std::string PhraseLexicon::action_of_rule(const std::string& lemma, std::string_view rule_id) const {
  const std::size_t at = rule_id.rfind(kWhen);
  if (at != std::string_view::npos) {
    std::size_t n = 0;
    for (const char c : rule_id.substr(at + kWhen.size())) {
      if (c < '0' || c > '9') return action(lemma);
      n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    const auto it = context_of_lemma.find(lemma);
    // (An alternative the rules no longer have: the lemma's own action.)
    if (it != context_of_lemma.end() && n >= 1 && n <= it->second.size()) return it->second[n - 1].action;
  }
  return action(lemma);
}

std::string phrase_key(std::string_view phrase) {
  std::string folded = fold_case(fold_space(phrase));
  phrase_script::drop_arabic_marks(folded);
  // Every comma a ',', every CJK ideograph a word.
  std::string out;
  for (std::size_t i = 0; i < folded.size();) {
    if (const std::size_t n = phrase_script::comma(folded, i)) {
      out += ',';
      if (i + n < folded.size() && folded[i + n] != ' ' && folded[i + n] != ',') out += ' ';
      i += n;
    } else if (phrase_script::cjk_lead(static_cast<unsigned char>(folded[i])) && i + 3 <= folded.size()) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      out.append(folded, i, 3);
      i += 3;
      if (i < folded.size() && folded[i] != ' ' && !phrase_script::comma(folded, i)) out += ' ';
    } else {
      out += folded[i++];
    }
  }
  std::string key;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!(out[i] == ' ' && i + 1 < out.size() && out[i + 1] == ',')) key += out[i];
  return key;
}

std::vector<std::string> Vocabulary::search_forms(std::string_view word) const {
  for (const auto& rule : search_words) {
    const auto m = rule.words.match_at(word, 0);
    if (!m || m->whole.end != word.size()) continue;
    std::string_view stem = word;
    for (const auto& s : rule.strip)
      if (stem.starts_with(s) && code_points(stem.substr(s.size())) >= 2) {  // a word is left, not a letter
        stem.remove_prefix(s.size());
        break;
      }
    std::vector<std::string> out;
    const auto add = [&](std::string form) {
      if (form != word && std::find(out.begin(), out.end(), form) == out.end()) out.push_back(std::move(form));
    };
    if (!rule.prefixes.empty()) add(std::string(stem));
    for (const auto& prefix : rule.prefixes) add(prefix + std::string(stem));
    if (!rule.endings.empty()) {
      // The longest ending that leaves min_stem characters.
      std::string_view root = word;
      for (const auto& ending : rule.endings)
        if (word.ends_with(ending) && word.size() - ending.size() < root.size() &&
            code_points(word.substr(0, word.size() - ending.size())) >= rule.min_stem)
          root = word.substr(0, word.size() - ending.size());
      if (code_points(root) >= rule.min_stem) add(std::string(root) + "*");
    }
    return out;
  }
  return {};
}

std::optional<std::string> Vocabulary::iso_date(std::string_view text) const {
  const std::string folded = fold_space(text);
  const auto digits = [](std::string_view t, std::size_t min, std::size_t max) {
    return t.size() >= min && t.size() <= max && t.find_first_not_of("0123456789") == std::string_view::npos;
  };
  for (const auto& form : dates) {
    const auto m = form.match_at(folded, 0);
    if (!m || m->whole.end != folded.size()) continue;
    const auto group = [&](const char* name) {
      const int g = form.group(name);
      const auto& s = g < 0 ? std::nullopt : m->groups[static_cast<std::size_t>(g)];
      return s ? std::string_view(folded).substr(s->begin, s->size()) : std::string_view();
    };
    const std::string_view day_text = group("day"), month_text = group("month"), year_text = group("year");
    if (!digits(day_text, 1, 2) || !digits(year_text, 4, 4)) continue;
    int month = 0;
    if (digits(month_text, 1, 2)) {
      month = std::stoi(std::string(month_text));
    } else if (const auto it = months.find(fold_case(month_text)); it != months.end()) {
      month = it->second;
    }
    const int day = std::stoi(std::string(day_text)), year = std::stoi(std::string(year_text));
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days_in_month[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > days_in_month[month - 1] || year < 1900) continue;
    char buf[40];  // room for any int, as the compiler checks
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return std::string(buf);
  }
  return std::nullopt;
}

std::optional<int> Vocabulary::number(std::string_view text) const {
  const std::string t = fold_case(trim(text));
  if (t.empty()) return std::nullopt;
  if (t.find_first_not_of("0123456789") == std::string::npos) {
    if (t.size() > 6) return std::nullopt;
    return std::stoi(t);
  }
  // Compound number words: "sixty-ninth" = sixty + ninth, "one hundred and first" = 1 * 100 + 1.
  // In 64 bits and capped like the digits above: "hundred hundred hundred hundred hundred" or a
  // vocabulary value near INT_MAX must not overflow.
  long long total = 0, current = 0;
  bool any = false;
  std::size_t at = 0;
  while (at < t.size()) {
    std::size_t end = t.find_first_of("- ", at);
    if (end == std::string::npos) end = t.size();
    const std::string word = t.substr(at, end - at);
    at = end + 1;
    if (word.empty() || number_joiners.count(word)) continue;
    const auto it = number_words.find(word);
    if (it == number_words.end()) return std::nullopt;
    any = true;
    if (it->second == 100) current = (current ? current : 1) * 100;
    else current += it->second;
    if (current < 0 || current > 999999) return std::nullopt;
  }
  total += current;
  return any ? std::optional<int>(static_cast<int>(total)) : std::nullopt;
}

}  // namespace unres
