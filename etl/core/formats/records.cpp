#include "formats/records.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <set>
#include <unordered_map>

#include "errors.h"
#include "formats/format.h"
#include "text.h"

namespace unres {

namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxDepth = 64;      // nesting of one record: the records nest three deep
constexpr std::size_t kMaxWarnings = 200;  // per file; the rest are counted
// A State's name holds at most this many "and"s (Saint Vincent and the Grenadines: one): cutting a
// sentence of sponsors tries no longer pieces, so it takes linear time whatever its length.
constexpr std::size_t kMaxAndsInAName = 3;

std::string lower(std::string_view text) { return lower_ascii(text); }

// No-break spaces (U+00A0) as plain ones: the records print dates as "10\u00a0October 2024".
std::string plain_spaces(std::string text) {
  for (std::size_t at = text.find("\xC2\xA0"); at != std::string::npos; at = text.find("\xC2\xA0", at)) text.replace(at, 2, " ");
  return fold_space(text);
}

// Where a record came from, for messages: "line 3" (JSON lines) or "record 3" (a JSON array).
struct Place {
  std::size_t number = 0;
  bool in_array = false;
  std::string str() const { return (in_array ? "record " : "line ") + std::to_string(number); }
};

class Reader {
 public:
  explicit Reader(const RuleSet& rules) : rules_(rules), states_(rules.member_states) {}

  RecordsFile out;

  void warn(const Place& where, const std::string& message) {
    if (out.warnings.size() < kMaxWarnings) out.warnings.push_back(where.str() + ": " + message);
    else ++more_warnings_;
  }
  void finish() {
    if (more_warnings_) out.warnings.push_back("... and " + std::to_string(more_warnings_) + " more warning(s)");
  }

  // One record object; false when it is not a record (no symbol).
  bool add(const json& object, const Place& where) {
    if (!object.is_object()) {
      warn(where, "not a JSON object");
      return false;
    }
    PublishedRecord r;
    r.line = where.number;
    r.symbol = normalize_symbol(text(object, "symbol"));
    if (r.symbol.empty()) {
      warn(where, "a record without a 'symbol'");
      return false;
    }
    symbol_ = r.symbol;
    r.body = body_of(r.symbol);
    r.adopted_on = rules_.vocabulary.iso_date(plain_spaces(text(object, "adoption_date"))).value_or("");
    r.year = year_of(r.symbol, r.adopted_on);
    r.meeting = first_number(text(object, "adoption_meeting"));
    for (const char* key : {"pv", "sr", "outcome_letter"})
      if (r.meeting_record.empty()) r.meeting_record = fold_space(text(object, key));
    r.draft_symbol = draft_of(text(object, "draft_resolution"));
    if (r.draft_symbol.empty()) r.draft_symbol = draft_of(text(object, "originating_document"));
    r.adoption_type = fold_space(text(object, "adoption_type"));
    read_votes(object, r, where);
    read_sponsors(object, "sponsors", "sponsor", r, where);
    read_sponsors(object, "additional_sponsors", "additional", r, where);
    std::set<std::string> seen;
    for (const auto& sdg : list(object, "SDGs")) {
      std::string goal = fold_space(scalar_text(sdg));
      if (goal.empty() || !seen.insert(goal).second) continue;
      if (!is_goal(goal)) {
        warn(where, r.symbol + ": SDG '" + goal + "' is not a goal number (1 to 17): left out");
        continue;
      }
      r.sdgs.push_back(std::move(goal));
    }
    for (const auto& subject : list(object, "subjects")) {
      RecordSubject s;
      if (subject.is_array() && !subject.empty()) {
        s.term = fold_space(scalar_text(subject[0]));
        if (subject.size() > 1) s.source = fold_space(scalar_text(subject[1]));
      } else {
        s.term = fold_space(scalar_text(subject));
      }
      if (!s.term.empty()) r.subjects.push_back(std::move(s));
    }
    const auto [it, fresh] = index_of_symbol_.emplace(r.symbol, out.records.size());
    if (fresh) {
      out.records.push_back(std::move(r));
    } else {
      warn(where, r.symbol + " is also on " + Place{out.records[it->second].line, where.in_array}.str() +
                      ": this one replaces it");
      out.records[it->second] = std::move(r);
    }
    return true;
  }

 private:
  static std::string scalar_text(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    return {};
  }
  static std::string text(const json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() ? std::string() : scalar_text(*it);
  }
  static const json& list(const json& object, const char* key) {
    static const json empty = json::array();
    const auto it = object.find(key);
    return it != object.end() && it->is_array() ? *it : empty;
  }

  // "1" to "17": the Sustainable Development Goals.
  static bool is_goal(const std::string& text) {
    if (text.empty() || text.size() > 2 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    const int goal = std::stoi(text);
    return goal >= 1 && goal <= 17;
  }

  static std::optional<int> first_number(std::string_view text) {
    const auto begin = text.find_first_of("0123456789");
    if (begin == std::string_view::npos) return std::nullopt;
    const auto end = std::min(text.find_first_not_of("0123456789", begin), text.size());
    if (end - begin > 9) return std::nullopt;
    return std::stoi(std::string(text.substr(begin, end - begin)));
  }

  // The year in the symbol (S/RES/1295(2000), E/RES/2024/11), else the adoption date's.
  static std::optional<int> year_of(const std::string& symbol, const std::string& adopted_on) {
    const auto digits4 = [](std::string_view t) {
      return t.size() == 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (symbol.size() > 6 && symbol.back() == ')' && symbol[symbol.size() - 6] == '(' &&
        digits4(std::string_view(symbol).substr(symbol.size() - 5, 4)))
      return std::stoi(symbol.substr(symbol.size() - 5, 4));
    if (symbol.rfind("E/RES/", 0) == 0 && digits4(std::string_view(symbol).substr(6, 4)) && symbol.size() > 10 &&
        symbol[10] == '/')
      return std::stoi(symbol.substr(6, 4));
    if (adopted_on.size() >= 4 && digits4(std::string_view(adopted_on).substr(0, 4))) return std::stoi(adopted_on.substr(0, 4));
    return std::nullopt;
  }

  // The first word holding a '/': "A/79/408, para. 114" -> "A/79/408"; "N.A." -> "".
  static std::string draft_of(std::string_view text) {
    std::size_t at = 0;
    while (at < text.size()) {
      const auto begin = text.find_first_not_of(" \t,;", at);
      if (begin == std::string_view::npos) break;
      const auto end = std::min(text.find_first_of(" \t,;", begin), text.size());
      const std::string_view word = text.substr(begin, end - begin);
      if (word.find('/') != std::string_view::npos) return std::string(word);
      at = end;
    }
    return {};
  }

  // A published count: "91" and "015" are numbers; blank or absent gives the list's size.
  std::optional<int> count(const json& object, const std::string& key, std::size_t listed, const Place& where) {
    const auto it = object.find(key);
    std::string t = it == object.end() ? std::string() : fold_space(scalar_text(*it));
    if (t.empty()) return static_cast<int>(listed);
    if (t.size() > 9 || t.find_first_not_of("0123456789") != std::string::npos) {
      warn(where, symbol_ + ": " + key + " '" + t + "' is not a number: the list's " + std::to_string(listed) +
                      " names are counted instead");
      return static_cast<int>(listed);
    }
    const int n = std::stoi(t);
    if (listed != 0 && static_cast<std::size_t>(n) != listed)
      warn(where, symbol_ + ": " + key + " is " + std::to_string(n) + " but the list names " + std::to_string(listed) +
                      " States: the published count is kept, and every name listed");
    return n;
  }

  void read_votes(const json& object, PublishedRecord& r, const Place& where) {
    struct List {
      const char* key;
      VoteKind vote;
      std::optional<int> PublishedRecord::*count;
    };
    std::unordered_map<std::string, VoteKind> vote_of_key;
    for (const List& l : {List{"MS_in_favour", VoteKind::yes, &PublishedRecord::votes_yes},
                          List{"MS_against", VoteKind::no, &PublishedRecord::votes_no},
                          List{"MS_abstaining", VoteKind::abstain, &PublishedRecord::votes_abstain}}) {
      std::size_t listed = 0;
      std::set<std::string> seen;
      for (const auto& item : list(object, l.key)) {
        const std::string name = fold_space(scalar_text(item));
        if (name.empty()) continue;
        if (!seen.insert(name).second) {
          warn(where, r.symbol + ": '" + name + "' is listed twice in " + l.key + ": counted once");
          continue;
        }
        ++listed;
        const std::string key = member_state_key(name);
        if (const auto [it, fresh] = vote_of_key.emplace(key, l.vote); !fresh)
          warn(where, r.symbol + ": '" + name + "' votes both " + std::string(vote_name(it->second)) + " and " +
                          std::string(vote_name(l.vote)) + ": both rows are kept");
        r.votes.push_back({name, resolve(name, where), l.vote});
      }
      r.*l.count = count(object, std::string(l.key) + "_count", listed, where);
    }
  }

  // The three-letter code of a State's name; empty (and reported) when the gazetteer does not know it.
  std::string resolve(const std::string& name, const Place& where) {
    if (const MemberState* state = states_.find(name)) return state->iso3;
    // Once per name and file, where it is first met: a name the gazetteer lacks recurs in most records.
    if (unresolved_seen_.insert(name).second) {
      warn(where, symbol_ + ": '" + name + "' is not a State known to mappings/member_states.yaml: kept without a code" +
                      " (named once per file)");
      out.unresolved.push_back(name);
    }
    return {};
  }

  struct Named {
    std::string name, on_behalf_of;
  };
  // "Senegal (on behalf of the Group of African States)" -> Senegal + the group; ", on behalf of" alike.
  static Named behalf(std::string_view entry) {
    const std::string low = lower(entry);
    if (const auto open = low.find("(on behalf of"); open != std::string::npos) {
      const auto close = low.find(')', open);
      const auto inner = open + 13;
      return {fold_space(entry.substr(0, open)),
              fold_space(entry.substr(inner, (close == std::string::npos ? entry.size() : close) - inner))};
    }
    if (const auto comma = low.find(", on behalf of "); comma != std::string::npos)
      return {fold_space(entry.substr(0, comma)), fold_space(entry.substr(comma + 15))};
    return {fold_space(entry), {}};
  }
  static std::string without_the(std::string text) {
    if (lower(text.substr(0, 4)) == "the ") text.erase(0, 4);
    return text;
  }

  // Splits `text` at `separator` (compared ignoring ASCII case) outside parentheses.
  static std::vector<std::string> split_outside_parentheses(std::string_view text, std::string_view separator) {
    std::vector<std::string> parts;
    const std::string low = lower(text);
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '(') ++depth;
      else if (text[i] == ')') depth = std::max(depth - 1, 0);
      else if (depth == 0 && low.compare(i, separator.size(), separator) == 0) {
        parts.push_back(fold_space(text.substr(start, i - start)));
        start = i + separator.size();
        i = start - 1;
      }
    }
    parts.push_back(fold_space(text.substr(start)));
    return parts;
  }

  bool is_state(const std::string& name) const { return states_.find(behalf(name).name) != nullptr; }

  // "Haiti, Türkiye and Venezuela (Bolivarian Republic of)" -> one name per State. A part holding " and "
  // is cut where the pieces are all States, in as few pieces as can be ("Trinidad and Tobago and Chile"
  // -> Trinidad and Tobago, Chile); when no cut gives States only, at every " and ".
  std::vector<Named> split_sentence(const std::string& entry) const {
    std::vector<Named> result;
    for (auto part : split_outside_parentheses(entry, ",")) {
      if (part.empty()) continue;
      if (lower(part).rfind("and ", 0) == 0) part.erase(0, 4);  // "Egypt, and Peru"
      if (lower(part).rfind("on behalf of ", 0) == 0 && !result.empty()) {
        result.back().on_behalf_of = fold_space(std::string_view(part).substr(13));
        continue;
      }
      const auto words = split_outside_parentheses(part, " and ");
      const std::size_t n = words.size();
      constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
      std::vector<std::size_t> pieces(n + 1, kNone), cut(n + 1, 0);  // fewest States covering words [0, i)
      pieces[0] = 0;
      const auto joined = [&](std::size_t from, std::size_t to) {
        std::string s;
        for (std::size_t k = from; k < to; ++k) s += (k > from ? " and " : "") + words[k];
        return without_the(s);
      };
      for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = i > kMaxAndsInAName + 1 ? i - kMaxAndsInAName - 1 : 0; j < i; ++j)
          if (pieces[j] != kNone && pieces[j] + 1 < pieces[i] && is_state(joined(j, i))) {
            pieces[i] = pieces[j] + 1;
            cut[i] = j;
          }
      std::vector<std::string> names;
      if (pieces[n] != kNone) {
        for (std::size_t i = n; i > 0; i = cut[i]) names.push_back(joined(cut[i], i));
        std::reverse(names.begin(), names.end());
      } else {
        for (std::size_t k = 0; k < n; ++k) names.push_back(joined(k, k + 1));
      }
      for (const auto& name : names)
        if (!name.empty()) result.push_back(behalf(name));
    }
    return result;
  }

  void read_sponsors(const json& object, const char* key, const char* kind, PublishedRecord& r, const Place& where) {
    std::set<std::string> seen;
    const auto add = [&](Named named, bool state) {
      if (named.name.empty() || !seen.insert(named.name).second) return;
      std::string iso3 = state ? resolve(named.name, where) : std::string();
      r.sponsors.push_back({std::move(named.name), std::move(iso3), kind, std::move(named.on_behalf_of)});
    };
    for (const auto& item : list(object, key)) {
      const std::string entry = fold_space(scalar_text(item));
      if (entry.empty()) continue;
      if (states_.is_not_state(entry)) {
        add({entry, {}}, false);
        continue;
      }
      Named whole = behalf(entry);
      const bool sentence = !states_.find(whole.name) &&
                            (split_outside_parentheses(entry, ",").size() > 1 ||
                             split_outside_parentheses(entry, " and ").size() > 1);
      if (!sentence) {
        add(std::move(whole), true);
        continue;
      }
      for (auto& named : split_sentence(entry)) {
        const bool state = !states_.is_not_state(named.name);
        add(std::move(named), state);
      }
    }
  }

  const RuleSet& rules_;
  const MemberStates& states_;
  std::string symbol_;  // of the record being read, for messages
  std::unordered_map<std::string, std::size_t> index_of_symbol_;
  std::set<std::string> unresolved_seen_;
  std::size_t more_warnings_ = 0;
};

// Deeper than kMaxDepth lists and objects: refused before parsing (bounded time and stack).
bool too_deep(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

// Parses one line: as it is; a JSON string holding a record; or without the stray quotes around it.
std::optional<json> parse_line(std::string_view line, std::string& why) {
  if (too_deep(line)) {
    why = "nested more than " + std::to_string(kMaxDepth) + " deep";
    return std::nullopt;
  }
  json value = json::parse(line, nullptr, false);
  if (value.is_string()) value = json::parse(value.get<std::string>(), nullptr, false);
  if (!value.is_discarded()) return value;
  std::string_view bare = line;
  if (bare.size() >= 2 && bare.front() == '"' && bare[1] == '{') bare.remove_prefix(1);
  if (bare.size() >= 2 && bare.back() == '"' && bare[bare.size() - 2] == '}') bare.remove_suffix(1);
  if (bare.size() != line.size()) {
    value = json::parse(bare, nullptr, false);
    if (!value.is_discarded()) return value;
  }
  try {
    [[maybe_unused]] const json probe = json::parse(bare);
  } catch (const json::parse_error& e) {
    why = "not JSON (byte " + std::to_string(e.byte) + " of the line)";
    return std::nullopt;
  }
  why = "not JSON";
  return std::nullopt;
}

std::string_view without_bom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return bytes;
}

}  // namespace

std::string_view vote_name(VoteKind vote) {
  switch (vote) {
    case VoteKind::yes: return "yes";
    case VoteKind::no: return "no";
    case VoteKind::abstain: return "abstain";
    case VoteKind::non_voting: return "non_voting";
  }
  return "yes";
}

std::string body_of(std::string_view symbol) {
  for (const std::string_view body : {"A/HRC/", "A/", "S/", "E/"})
    if (symbol.substr(0, body.size()) == body) return std::string(body.substr(0, body.size() - 1));
  return {};
}

std::string normalize_symbol(std::string_view symbol) {
  std::string folded = fold_space(symbol), out;
  for (std::size_t i = 0; i < folded.size(); ++i)
    if (!(folded[i] == ' ' && i + 1 < folded.size() && folded[i + 1] == '(')) out += folded[i];
  return out;
}

bool looks_like_records(std::string_view head) {
  head = without_bom(head);
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  std::string_view rest = head.substr(first);
  if (rest.front() == '"') rest.remove_prefix(1);
  return !rest.empty() && (rest.front() == '{' || rest.front() == '[') &&
         head.find("\"symbol\"") != std::string_view::npos;
}

RecordsFile read_records(std::string_view bytes, const RuleSet& rules) {
  bytes = without_bom(bytes);
  Reader reader(rules);
  std::size_t read = 0;
  std::optional<std::pair<std::size_t, std::string>> first_error;
  const auto read_array = [&](const json& array) {
    for (std::size_t i = 0; i < array.size(); ++i) read += reader.add(array[i], {i + 1, true});
  };
  // A whole file that is one JSON array (or one object over several lines).
  const auto first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '[' && !too_deep(bytes)) {
    const json whole = json::parse(bytes, nullptr, false);
    if (whole.is_array()) {
      read_array(whole);
      if (read == 0) throw InputError("read", 1, "the JSON array holds no record with a 'symbol'");
      reader.finish();
      return std::move(reader.out);
    }
  }
  // Lines are numbered as they are read (line_of() would count from the start for each: quadratic
  // in a large file, as the fuzzer found).
  std::size_t number = 0;
  for (const auto& span : split_lines(bytes)) {
    ++number;
    const std::string_view line = trim(bytes.substr(span.begin, span.end - span.begin));
    if (line.empty() || line == "\"") continue;
    const Place where{number, false};
    std::string why;
    if (const auto value = parse_line(line, why)) {
      read += reader.add(*value, where);
    } else {
      reader.warn(where, why + ": the line is skipped");
      if (!first_error) first_error = {where.number, why};
    }
  }
  if (read == 0) {
    if (!too_deep(bytes)) {
      const json whole = json::parse(bytes, nullptr, false);
      if (whole.is_object() && reader.add(whole, {1, false})) {
        reader.finish();
        return std::move(reader.out);
      }
    }
    if (first_error)
      throw InputError("read", first_error->first,
                       "no record can be read: line " + std::to_string(first_error->first) + " is " + first_error->second,
                       excerpt(bytes, 0));
    throw InputError("read", 1, "no record with a 'symbol' in the file");
  }
  reader.finish();
  return std::move(reader.out);
}

namespace {

// The records as a format: detected by content (JSON naming a "symbol"), read into a document
// without text whose published records the store writes to the record_* tables.
class RecordsFormat final : public Format {
 public:
  std::string_view id() const override { return "records"; }
  bool detects(std::string_view head, const RuleSet&) const override { return looks_like_records(head); }
  Reading read(const SourceFile& file, const RuleSet& rules) const override {
    RecordsFile records = read_records(file.bytes, rules);
    Reading reading;
    reading.text.format = "records";
    reading.text.encoding = "utf-8";
    reading.published = std::move(records.records);
    reading.warnings = std::move(records.warnings);
    reading.unknown_states = std::move(records.unresolved);
    return reading;
  }
};

}  // namespace

std::unique_ptr<Format> make_records_format() { return std::make_unique<RecordsFormat>(); }

}  // namespace unres
