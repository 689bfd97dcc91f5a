#include "rules/loader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "embedded.h"
#include "errors.h"
#include "source.h"
#include "model/tables.h"
#include "text.h"

namespace unres {

namespace {

// Columns of the resolutions table that metadata rules may fill (the table registry's).
const std::set<std::string> kMetadataColumns = [] {
  std::set<std::string> out;
  for (const auto& c : resolution_metadata_columns()) out.insert(c.name);
  return out;
}();
// Columns of the resolutions table that fact rules set (the table registry's).
const std::set<std::string> kFactColumns = [] {
  std::set<std::string> out;
  for (const auto& c : resolution_fact_columns()) out.insert(c.name);
  return out;
}();

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? std::string(sep) : "") + items[i];
  return out;
}

// A pattern not compiled because the rules as a whole are over a RuleLimits limit.
struct OverLimit : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// Collects every problem of every file; the loader keeps going after an error so that the
// user sees them all at once.
class Loader {
 public:
  std::vector<std::string> errors;
  // The file being read adds to a section of the base files ("extends: phrases") instead of
  // being that section's base file: its lists add entries, nothing is required.
  bool extending = false;
  // What the base files declare and the extensions use: kinds and categories to check against.
  std::vector<std::string> citation_kinds, deadline_kinds, organization_categories;
  std::vector<std::string> organization_surfaces;  // every gazetteer surface, for the matcher
  // The `action` of each phrase of a language's file, checked against the English lemmas once
  // every file is read (an English extension may add the lemma).
  std::vector<std::pair<std::string, std::string>> actions_to_check;   // action, "file:line:col"

  void file(const std::string& path) { file_ = path; }

  SourceMark mark(const YAML::Node& node) const {
    const YAML::Mark m = node.Mark();
    return {file_, m.line + 1, m.column + 1};
  }

  void error(const YAML::Node& node, const std::string& rule, const std::string& message) {
    std::string where = node.IsDefined() && node.Mark().line >= 0 ? mark(node).str() : file_ + ":1:1";
    errors.push_back(where + ": " + (rule.empty() ? "" : "rule '" + rule + "': ") + message);
  }

  // Rejects keys outside `allowed`, naming the allowed ones.
  void keys(const YAML::Node& map, const std::vector<std::string>& allowed, const std::string& rule) {
    if (!map.IsMap()) return;
    for (auto it = map.begin(); it != map.end(); ++it) {
      const auto key = it->first.as<std::string>();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
        error(it->first, rule, "unknown key '" + key + "' (use " + join(allowed, ", ") + ")");
    }
  }

  // Every regular expression of the rules is compiled here, within RuleLimits: an RE2 memory
  // budget per pattern, and a cap on the number of patterns and on their compiled size together,
  // so that no rule file can make loading or matching unbounded. Throws std::invalid_argument.
  static PatternOptions budget(std::int64_t memory = RuleLimits::pattern_memory) {
    PatternOptions options;
    options.max_memory = memory;
    return options;
  }
  Pattern compile(std::string_view source, const PatternOptions& options = budget()) {
    if (source.size() > RuleLimits::pattern_bytes)
      throw std::invalid_argument("the pattern is " + std::to_string(source.size()) + " bytes, over the limit of " +
                                  std::to_string(RuleLimits::pattern_bytes));
    return admit([&] { return Pattern::compile(source, options); }, options);
  }
  Pattern literals(const std::vector<std::string>& items, std::string_view prefix, std::string_view suffix,
                   const PatternOptions& options) {
    std::size_t bytes = 0;
    for (const auto& item : items) bytes += item.size();
    if (bytes > RuleLimits::literal_bytes)
      throw std::invalid_argument("they are " + std::to_string(bytes) + " bytes together, over the limit of " +
                                  std::to_string(RuleLimits::literal_bytes));
    return admit([&] { return Pattern::any_literal(items, prefix, suffix, options); }, options);
  }

  // A pattern searched all through the text must not match the empty string (`x*`): it would
  // match at every position.
  void not_empty(const YAML::Node& node, const std::string& rule, const std::string& key, const Pattern& p) {
    if (p.valid() && p.match_at("", 0))
      error(node, rule, "pattern '" + key + "' matches the empty string (it would match at every position)");
  }

  bool is_map(const YAML::Node& node, const std::string& what, const std::string& rule) {
    if (node.IsDefined() && node.IsMap()) return true;  // (IsMap() throws on a missing key's node)
    error(node, rule, what + " must be a mapping");
    return false;
  }

  std::optional<std::string> scalar(const YAML::Node& map, const std::string& key, const std::string& rule,
                                    bool required) {
    const YAML::Node node = map[key];
    if (!node.IsDefined() || node.IsNull()) {
      if (required) error(map, rule, "missing required key '" + key + "'");
      return std::nullopt;
    }
    if (!node.IsScalar()) {
      error(node, rule, "'" + key + "' must be a string");
      return std::nullopt;
    }
    return node.as<std::string>();
  }

  std::vector<std::string> strings(const YAML::Node& map, const std::string& key, const std::string& rule,
                                   bool required) {
    std::vector<std::string> out;
    const YAML::Node node = map[key];
    if (!node.IsDefined() || node.IsNull()) {
      if (required) error(map, rule, "missing required key '" + key + "'");
      return out;
    }
    if (!node.IsSequence()) {
      error(node, rule, "'" + key + "' must be a list of strings");
      return out;
    }
    for (const auto& item : node) {
      if (item.IsScalar()) out.push_back(item.as<std::string>());
      else error(item, rule, "'" + key + "' must be a list of strings");
    }
    return out;
  }

  template <class Make>
  Pattern admit(const Make& make, const PatternOptions& options) {
    if (patterns_ >= RuleLimits::patterns)
      throw OverLimit("the rules hold more than " + std::to_string(RuleLimits::patterns) +
                      " patterns (the limit for all rule files together)");
    if (instructions_ > RuleLimits::instructions)
      throw OverLimit("the patterns before it compile to more than " + std::to_string(RuleLimits::instructions) +
                      " RE2 instructions (the limit for all rule files together)");
    try {
      Pattern p = make();
      ++patterns_;
      instructions_ += p.program_size();
      return p;
    } catch (const std::invalid_argument& e) {
      std::string why = e.what();
      if (why.find("too large") != std::string::npos)
        why += " (it needs more than the " + std::to_string(options.max_memory >> 20) +
               " MiB of RE2 memory a pattern may use: fewer or smaller repetitions, or split the rule)";
      throw std::invalid_argument(why);
    }
  }

  bool flag(const YAML::Node& map, const std::string& key, const std::string& rule) {
    const YAML::Node node = map[key];
    if (!node.IsDefined() || node.IsNull()) return false;
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
      error(node, rule, "'" + key + "' must be true or false");
    return value;
  }

  std::optional<Pattern> pattern(const YAML::Node& map, const std::string& key, const std::string& rule,
                                 bool required, const std::vector<std::string>& groups = {},
                                 const PatternOptions& options = budget()) {
    auto source = scalar(map, key, rule, required);
    if (!source) return std::nullopt;
    try {
      Pattern p = compile(*source, options);
      for (const auto& g : groups)
        if (p.group(g) < 0) error(map[key], rule, "pattern '" + key + "' has no named group '" + g + "'");
      return p;
    } catch (const OverLimit& e) {
      // Said once: every later pattern is over the same limit.
      if (!over_limit_) error(map[key], rule, std::string("pattern '") + key + "' not compiled: " + e.what());
      over_limit_ = true;
      return std::nullopt;
    } catch (const std::invalid_argument& e) {
      error(map[key], rule, std::string("pattern '") + key + "' does not compile: " + e.what());
      return std::nullopt;
    }
  }

  // A pattern that is an item of a list (`what` names the list in messages).
  std::optional<Pattern> pattern_node(const YAML::Node& node, const std::string& what, const std::string& rule,
                                      const std::vector<std::string>& groups) {
    if (!node.IsScalar()) {
      error(node, rule, "'" + what + "' items must be patterns");
      return std::nullopt;
    }
    try {
      Pattern p = compile(node.as<std::string>(), budget());
      for (const auto& g : groups)
        if (p.group(g) < 0) error(node, rule, "a pattern of '" + what + "' has no named group '" + g + "'");
      return p;
    } catch (const OverLimit& e) {
      if (!over_limit_) error(node, rule, "a pattern of '" + what + "' not compiled: " + e.what());
      over_limit_ = true;
      return std::nullopt;
    } catch (const std::invalid_argument& e) {
      error(node, rule, "a pattern of '" + what + "' does not compile: " + e.what());
      return std::nullopt;
    }
  }

  std::map<std::string, std::string> string_map(const YAML::Node& map, const std::string& key,
                                                const std::string& rule) {
    std::map<std::string, std::string> out;
    const YAML::Node node = map[key];
    if (!node.IsDefined() || node.IsNull()) return out;
    if (!node.IsMap()) {
      error(node, rule, "'" + key + "' must be a mapping");
      return out;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->second.IsScalar()) {
        error(it->second, rule, "'" + key + "' values must be strings");
        continue;
      }
      out[it->first.as<std::string>()] = it->second.as<std::string>();
    }
    return out;
  }

  // examples: [{text, expect: {..}}]; counter_examples: [text]
  std::vector<Example> examples(const YAML::Node& map, const std::string& rule,
                                const std::set<std::string>& expect_keys) {
    std::vector<Example> out;
    const YAML::Node list = map["examples"];
    if (list.IsDefined() && !list.IsNull()) {
      if (!list.IsSequence()) error(list, rule, "'examples' must be a list");
      else
        for (const auto& item : list) {
          if (!is_map(item, "an example", rule)) continue;
          keys(item, {"text", "expect"}, rule);
          Example ex;
          ex.mark = mark(item);
          ex.text = scalar(item, "text", rule, true).value_or("");
          ex.expect = string_map(item, "expect", rule);
          for (const auto& [k, v] : ex.expect)
            if (!expect_keys.count(k))
              error(item["expect"], rule, "example expects unknown field '" + k + "' (use " +
                                              join({expect_keys.begin(), expect_keys.end()}, ", ") + ")");
          out.push_back(std::move(ex));
        }
    }
    for (const auto& text : strings(map, "counter_examples", rule, false)) {
      Example ex;
      ex.mark = mark(map["counter_examples"]);
      ex.text = text;
      ex.must_match = false;
      out.push_back(std::move(ex));
    }
    return out;
  }

  void check_template(const YAML::Node& node, const std::string& rule, const std::string& tmpl,
                      const Pattern& p) {
    for (const auto& g : template_groups(tmpl))
      if (p.group(g) < 0) error(node, rule, "template '" + tmpl + "' refers to group '" + g + "' that the pattern does not have");
  }

  // Rule ids are unique across all files.
  void unique_id(const YAML::Node& node, const std::string& id) {
    if (!ids_.insert(id).second) error(node, id, "duplicate rule id");
  }

 private:
  std::string file_;
  std::set<std::string> ids_;
  std::size_t patterns_ = 0, instructions_ = 0;
  bool over_limit_ = false;
};

// The line patterns of `document` (the base, every key required but `embedded`) or of a profile's
// `document` (only the patterns it changes: `d` holds the base's already).
void read_document(Loader& L, const YAML::Node& doc, const std::string& id, DocumentStructure& d, bool base) {
  L.keys(doc, {"start", "enacting_formula", "operative", "subparagraph", "roman_label", "closing", "footnote", "end",
               "annex", "heading", "footnote_marks", "embedded"}, id);
  const auto set = [&](Pattern& out, const char* key, std::vector<std::string> groups = {}) {
    if (auto p = L.pattern(doc, key, id, base, groups)) out = *p;
  };
  set(d.start, "start");
  if (doc["start"].IsDefined()) L.not_empty(doc["start"], id, "start", d.start);
  set(d.enacting_formula, "enacting_formula");
  set(d.operative, "operative", {"number", "text"});
  set(d.subparagraph, "subparagraph", {"number", "text"});
  set(d.roman_label, "roman_label");
  set(d.closing, "closing");
  set(d.footnote, "footnote", {"number", "text"});
  set(d.end, "end");
  set(d.annex, "annex");
  set(d.heading, "heading");
  if (auto p = L.pattern(doc, "embedded", id, false)) d.embedded = std::move(*p);
  if (!base && !doc["footnote_marks"].IsDefined()) return;
  std::vector<Pattern> marks;
  for (const auto& src : L.strings(doc, "footnote_marks", id, true)) {
    try {
      Pattern p = L.compile(src);
      if (p.group("mark") < 0) L.error(doc["footnote_marks"], id, "a footnote mark pattern needs a group 'mark'");
      L.not_empty(doc["footnote_marks"], id, "footnote_marks", p);
      marks.push_back(std::move(p));
    } catch (const std::invalid_argument& e) {
      L.error(doc["footnote_marks"], id, std::string("pattern 'footnote_marks' does not compile: ") + e.what());
    }
  }
  d.footnote_marks = std::move(marks);
}

// A list of metadata rules: named groups are columns of resolutions, `set` fills columns from templates.
void read_metadata(Loader& L, const YAML::Node& list, std::vector<MetadataRule>& out) {
  for (const auto& node : list) {
    if (!L.is_map(node, "a metadata rule", "")) continue;
    const std::string id = L.scalar(node, "id", "", true).value_or("?");
    L.keys(node, {"id", "pattern", "set", "examples", "counter_examples"}, id);
    L.unique_id(node, id);
    MetadataRule rule;
    rule.id = id;
    rule.mark = L.mark(node);
    auto p = L.pattern(node, "pattern", id, true);
    if (!p) continue;
    rule.pattern = *p;
    for (const auto& [name, index] : p->group_names()) {
      (void)index;
      if (!kMetadataColumns.count(name))
        L.error(node["pattern"], id, "group '" + name + "' is not a column of resolutions (use " +
                                         join({kMetadataColumns.begin(), kMetadataColumns.end()}, ", ") + ")");
    }
    for (const auto& [column, tmpl] : L.string_map(node, "set", id)) {
      if (!kMetadataColumns.count(column)) L.error(node["set"], id, "'" + column + "' is not a column of resolutions");
      L.check_template(node["set"], id, tmpl, *p);
      rule.set.emplace_back(column, tmpl);
    }
    rule.examples = L.examples(node, id, kMetadataColumns);
    out.push_back(std::move(rule));
  }
}

// A profile's `facts`: each rule names the fact column of resolutions it sets and the pattern
// whose match in the resolution's body establishes it.
void read_facts(Loader& L, const YAML::Node& list, std::vector<FactRule>& out) {
  for (const auto& node : list) {
    if (!L.is_map(node, "a fact rule", "")) continue;
    const std::string id = L.scalar(node, "id", "", true).value_or("?");
    L.keys(node, {"id", "column", "pattern", "examples", "counter_examples"}, id);
    L.unique_id(node, id);
    FactRule rule;
    rule.id = id;
    rule.mark = L.mark(node);
    rule.column = L.scalar(node, "column", id, true).value_or("");
    if (!rule.column.empty() && !kFactColumns.count(rule.column))
      L.error(node["column"], id, "'" + rule.column + "' is not a fact column of resolutions (use " +
                                      join({kFactColumns.begin(), kFactColumns.end()}, ", ") + ")");
    auto p = L.pattern(node, "pattern", id, true);
    if (!p) continue;
    L.not_empty(node["pattern"], id, "pattern", *p);
    rule.pattern = *p;
    rule.examples = L.examples(node, id, {"surface"});
    out.push_back(std::move(rule));
  }
}

// `profiles`: each an organ's kind of document, built on the base `document` and `metadata` of
// structure.yaml (read before any file that extends `profiles`).
void load_profiles(Loader& L, const YAML::Node& root, RuleSet& rules) {
  if (L.extending) L.keys(root, {"extends", "profiles"}, "");
  const YAML::Node list = root["profiles"];
  if (!list.IsDefined() || !list.IsSequence() || list.size() == 0) {
    L.error(list.IsDefined() ? list : root, "", "'profiles' must be a non-empty list");
    return;
  }
  for (const auto& node : list) {
    if (!L.is_map(node, "a profile", "")) continue;
    const std::string id = L.scalar(node, "id", "", true).value_or("?");
    L.keys(node, {"id", "organ", "document", "metadata", "facts", "members"}, id);
    L.unique_id(node, id);
    Profile profile;
    profile.id = id;
    profile.organ = L.scalar(node, "organ", id, true).value_or("");
    profile.document = rules.document;
    const YAML::Node doc = node["document"];
    if (doc.IsDefined() && L.is_map(doc, "a profile's 'document'", id)) read_document(L, doc, id, profile.document, false);
    // Its start line is what tells a resolution of this profile: a second profile needs its own.
    if (!rules.profiles.empty() && !(doc.IsDefined() && doc.IsMap() && doc["start"].IsDefined()))
      L.error(node, id, "a profile after the first needs its own 'document.start' (the line that opens its resolutions)");
    const YAML::Node meta = node["metadata"];
    if (meta.IsDefined() && !meta.IsSequence()) L.error(meta, id, "'metadata' must be a list of rules");
    else if (meta.IsDefined()) read_metadata(L, meta, profile.metadata);
    profile.own_metadata = profile.metadata.size();
    profile.metadata.insert(profile.metadata.end(), rules.metadata.begin(), rules.metadata.end());
    const YAML::Node facts = node["facts"];
    if (facts.IsDefined() && !facts.IsSequence()) L.error(facts, id, "'facts' must be a list of rules");
    else if (facts.IsDefined()) read_facts(L, facts, profile.facts);
    // members: {YYYY-MM-DD: count, ...}: the membership from each date on.
    for (const auto& [since, count] : L.string_map(node, "members", id)) {
      const auto n = whole_number(count);
      if (!is_iso_date(since) || !n || *n <= 0 || *n > 1000)
        L.error(node["members"], id, "'members' maps a date (YYYY-MM-DD) to the number of Members from that date: '" +
                                         since + ": " + count + "'");
      else profile.members[since] = static_cast<int>(*n);
    }
    rules.profiles.push_back(std::move(profile));
  }
}

void load_structure(Loader& L, const YAML::Node& root, RuleSet& rules) {
  L.keys(root, {"layouts", "detect_window", "replacements", "document", "metadata", "profiles"}, "");
  // Layouts
  const YAML::Node layouts = root["layouts"];
  if (!layouts.IsDefined() || !layouts.IsSequence() || layouts.size() == 0) L.error(root, "", "'layouts' must be a non-empty list");
  else
    for (const auto& node : layouts) {
      if (!L.is_map(node, "a layout", "")) continue;
      const std::string id = L.scalar(node, "id", "", true).value_or("?");
      L.keys(node, {"id", "detect", "unwrap", "page_break", "page_counter", "furniture", "footnote_separator", "footnote_start",
                    "paragraph_start", "paragraph_end", "number_only", "furniture_anywhere", "start_after_punctuation", "indent_start",
                    "page_header", "page_header_blocks", "page_end_blanks_continue", "footnote_numbers_apart", "footnote_marks"},
             id);
      L.unique_id(node, id);
      Layout layout;
      layout.id = id;
      auto detect = L.pattern(node, "detect", id, true);
      if (detect) layout.detect = *detect;
      layout.unwrap = L.flag(node, "unwrap", id);
      for (const auto& src : L.strings(node, "furniture", id, false)) {
        try {
          layout.furniture.push_back(L.compile(src));
        } catch (const std::invalid_argument& e) {
          L.error(node["furniture"], id, std::string("pattern 'furniture' does not compile: ") + e.what());
        }
      }
      layout.page_break = L.pattern(node, "page_break", id, false);
      layout.page_counter = L.pattern(node, "page_counter", id, false);
      layout.footnote_separator = L.pattern(node, "footnote_separator", id, false);
      layout.footnote_start = L.pattern(node, "footnote_start", id, false, {"number"});
      layout.paragraph_start = L.pattern(node, "paragraph_start", id, false);
      layout.number_only = L.pattern(node, "number_only", id, false);
      layout.paragraph_end = L.pattern(node, "paragraph_end", id, false);
      layout.furniture_anywhere = L.flag(node, "furniture_anywhere", id);
      layout.start_after_punctuation = L.flag(node, "start_after_punctuation", id);
      if (node["indent_start"].IsDefined() &&
          (!YAML::convert<std::size_t>::decode(node["indent_start"], layout.indent_start) || layout.indent_start == 0))
        L.error(node["indent_start"], id, "'indent_start' must be a positive number of columns");
      layout.page_header = L.pattern(node, "page_header", id, false);
      if (node["page_header_blocks"].IsDefined() &&
          (!YAML::convert<std::size_t>::decode(node["page_header_blocks"], layout.page_header_blocks) ||
           layout.page_header_blocks == 0 || layout.page_header_blocks > 10))
        L.error(node["page_header_blocks"], id, "'page_header_blocks' must be a number of line blocks from 1 to 10");
      if ((layout.page_header_blocks > 0) != layout.page_header.has_value())
        L.error(node, id, "'page_header_blocks' and 'page_header' go together");
      layout.page_end_blanks_continue = L.flag(node, "page_end_blanks_continue", id);
      layout.footnote_numbers_apart = L.flag(node, "footnote_numbers_apart", id);
      if (layout.footnote_numbers_apart && !layout.footnote_start)
        L.error(node, id, "a layout with 'footnote_numbers_apart: true' needs 'footnote_start'");
      for (const auto& src : L.strings(node, "footnote_marks", id, false)) {
        try {
          Pattern p = L.compile(src);
          if (p.group("mark") < 0) L.error(node["footnote_marks"], id, "a footnote mark pattern needs a group 'mark'");
          L.not_empty(node["footnote_marks"], id, "footnote_marks", p);
          layout.footnote_marks.push_back(std::move(p));
        } catch (const std::invalid_argument& e) {
          L.error(node["footnote_marks"], id, std::string("pattern 'footnote_marks' does not compile: ") + e.what());
        }
      }
      if (layout.unwrap && !layout.paragraph_start)
        L.error(node, id, "a layout with 'unwrap: true' needs 'paragraph_start'");
      rules.layouts.push_back(std::move(layout));
    }
  if (root["detect_window"].IsDefined()) {
    std::size_t w = 0;
    if (!YAML::convert<std::size_t>::decode(root["detect_window"], w) || w == 0)
      L.error(root["detect_window"], "", "'detect_window' must be a positive number of bytes");
    else rules.detect_window = w;
  }
  // Replacements
  for (const auto& [from, to] : L.string_map(root, "replacements", "")) {
    if (from.empty()) L.error(root["replacements"], "", "a replacement's key must not be empty");
    else rules.replacements.emplace_back(from, to);
  }
  if (!rules.replacements.empty()) {
    std::vector<std::string> keys;
    for (const auto& r : rules.replacements) keys.push_back(r.first);
    std::sort(keys.begin(), keys.end(), [](auto& a, auto& b) { return a.size() > b.size(); });
    try {
      rules.replacement_matcher = L.literals(keys, "", "", Loader::budget());
    } catch (const std::invalid_argument& e) {
      L.error(root["replacements"], "", std::string("the replacements do not compile: ") + e.what());
    }
  }
  // Document structure
  const YAML::Node doc = root["document"];
  if (L.is_map(doc, "'document'", "document")) read_document(L, doc, "document", rules.document, true);
  // Metadata
  const YAML::Node meta = root["metadata"];
  if (!meta.IsDefined() || !meta.IsSequence()) L.error(root, "", "'metadata' must be a list of rules");
  else read_metadata(L, meta, rules.metadata);
  // Profiles (optional here; a file that extends `profiles` adds more)
  if (root["profiles"].IsDefined()) load_profiles(L, root, rules);
}

void load_vocabulary(Loader& L, const YAML::Node& root, RuleSet& rules) {
  L.keys(root, {"months", "numbers", "relative_sessions", "number_joiners", "dates", "search_words"}, "");
  auto& v = rules.vocabulary;
  const auto months = L.strings(root, "months", "", true);
  if (months.size() != 12 && !months.empty()) L.error(root["months"], "", "'months' must list the 12 month names");
  for (std::size_t i = 0; i < months.size(); ++i) v.months[fold_case(months[i])] = static_cast<int>(i + 1);
  for (const auto& word : L.strings(root, "number_joiners", "", false)) v.number_joiners.insert(fold_case(word));
  const YAML::Node dates = root["dates"];
  if (dates.IsDefined() && !dates.IsSequence()) L.error(dates, "", "'dates' must be a list of patterns");
  if (dates.IsDefined() && dates.IsSequence())
    for (std::size_t i = 0; i < dates.size(); ++i)
      if (auto p = L.pattern_node(dates[i], "dates", "", {"day", "month", "year"})) v.dates.push_back(std::move(*p));
  const auto ints = [&](const char* key, std::unordered_map<std::string, int>& out) {
    for (const auto& [word, value] : L.string_map(root, key, "")) {
      int n = 0;
      try {
        n = std::stoi(value);
      } catch (const std::exception&) {
        L.error(root[key], "", std::string("'") + key + "' values must be whole numbers: '" + word + "'");
        continue;
      }
      if (n < -RuleLimits::vocabulary_value || n > RuleLimits::vocabulary_value)
        L.error(root[key], "", std::string("'") + key + "' values must be between -" +
                                   std::to_string(RuleLimits::vocabulary_value) + " and " +
                                   std::to_string(RuleLimits::vocabulary_value) + ": '" + word + "'");
      else out[fold_case(word)] = n;
    }
  };
  ints("numbers", v.number_words);
  ints("relative_sessions", v.relative_sessions);
  const YAML::Node search = root["search_words"];
  if (search.IsDefined() && !search.IsSequence())
    L.error(search, "", "'search_words' must be a list of {words: pattern, strip: [...], prefixes: [...]}");
  if (search.IsDefined() && search.IsSequence())
    for (const auto& node : search) {
      if (!L.is_map(node, "a 'search_words' entry", "")) continue;
      L.keys(node, {"words", "strip", "prefixes", "endings", "min_stem"}, "");
      auto words = L.pattern(node, "words", "", true);
      auto strip = L.strings(node, "strip", "", false), prefixes = L.strings(node, "prefixes", "", false),
           endings = L.strings(node, "endings", "", false);
      std::size_t min_stem = 3;
      if (const auto n = L.scalar(node, "min_stem", "", false)) {
        try {
          min_stem = static_cast<std::size_t>(std::stoul(*n));
        } catch (const std::exception&) {
          L.error(node["min_stem"], "", "'min_stem' must be a whole number of characters: '" + *n + "'");
        }
      }
      if (prefixes.empty() && endings.empty()) L.error(node, "", "a 'search_words' entry needs 'prefixes' or 'endings'");
      else if (words)
        v.search_words.push_back({std::move(*words), std::move(strip), std::move(prefixes), std::move(endings), min_stem});
    }
}

// A phrase entry's `when`: [{follows: PATTERN, action: ACTION}], the actions its phrase takes by the
// words that follow it (PhraseLexicon::action_after).
void load_context_actions(Loader& L, const YAML::Node& node, const std::string& lemma, PhraseLexicon& lex) {
  const YAML::Node when = node["when"];
  if (!when.IsDefined() || when.IsNull()) return;
  if (!when.IsSequence() || when.size() == 0) {
    L.error(when, lemma, "'when' must be a list of {follows: pattern, action: action}");
    return;
  }
  for (const auto& alternative : when) {
    if (!L.is_map(alternative, "a 'when' alternative", lemma)) continue;
    L.keys(alternative, {"follows", "action"}, lemma);
    auto follows = L.pattern(alternative, "follows", lemma, true);
    const auto action = L.scalar(alternative, "action", lemma, true);
    if (!follows || !action || lemma.empty()) continue;
    // (One that matches the empty string would always win: the lemma's own action would be dead.)
    if (follows->match_at("", 0)) {
      L.error(alternative["follows"], lemma, "pattern 'follows' matches the empty string (it would always apply)");
      continue;
    }
    L.actions_to_check.emplace_back(*action, L.mark(alternative["action"]).str());
    lex.context_of_lemma[lemma].push_back({std::move(*follows), *action});
  }
}

void load_phrases(Loader& L, const YAML::Node& root, RuleSet& rules) {
  // An extension with `language: fr` is that language's lexicon (a phrase's `action` names the
  // English lemma of the same action); without it, it adds to the English lexicon.
  std::string language;
  if (L.extending && root["language"].IsDefined()) {
    language = L.scalar(root, "language", "", true).value_or("");
    const bool code = language.size() >= 2 && language.size() <= 3 &&
                      std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!code) L.error(root["language"], "", "'language' must be a lower-case ISO 639-1 code such as fr, es, ar, zh, ru");
    if (language == "en" || !code) language.clear();
  }
  const bool own_language = !language.empty();
  if (own_language)
    L.keys(root, {"extends", "language", "modifiers", "postmodifiers", "qualifiers", "coordinators",
                  "secondary_connector", "phrases"}, "");
  else if (L.extending) L.keys(root, {"extends", "language", "modifiers", "postmodifiers", "qualifiers", "coordinators", "phrases"}, "");
  else L.keys(root, {"modifiers", "postmodifiers", "qualifiers", "coordinators", "secondary_connector", "phrases"}, "");
  auto& lex = own_language ? rules.phrases_of_language[language] : rules.phrases;
  const auto words = [](const std::string& key) {
    return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ') + std::count(key.begin(), key.end(), ',')) + 1;
  };
  const auto add_all = [&](const char* key, std::unordered_set<std::string>& set) {
    for (const auto& item : L.strings(root, key, "", !L.extending)) {
      const std::string k = phrase_key(item);
      if (k.empty()) continue;
      set.insert(k);
      lex.max_words = std::max(lex.max_words, words(k));
    }
  };
  add_all("modifiers", lex.modifiers);
  add_all("postmodifiers", lex.postmodifiers);
  add_all("qualifiers", lex.qualifiers);
  for (const auto& word : L.strings(root, "coordinators", "", false)) lex.coordinators.insert(fold_case(word));
  if (!L.extending || (own_language && root["secondary_connector"].IsDefined()))
    if (auto p = L.pattern(root, "secondary_connector", "", true)) {
      L.not_empty(root["secondary_connector"], "", "secondary_connector", *p);
      lex.secondary_connector = *p;
    }
  const YAML::Node list = root["phrases"];
  if (!list.IsDefined() && L.extending) return;
  if (!list.IsDefined() || !list.IsSequence()) L.error(root, "", "'phrases' must be a list");
  else
    for (const auto& node : list) {
      if (!L.is_map(node, "a phrase", "")) continue;
      const std::string lemma = L.scalar(node, "lemma", "", true).value_or("");
      if (own_language) {
        L.keys(node, {"lemma", "action", "when", "preambular", "operative"}, lemma);
        const auto action = L.scalar(node, "action", lemma, true);
        if (action && !lemma.empty()) {
          auto [it, fresh] = lex.action_of_lemma.emplace(lemma, *action);
          if (!fresh && it->second != *action)
            L.error(node["action"], lemma, "lemma '" + lemma + "' already has the action '" + it->second + "'");
          L.actions_to_check.emplace_back(*action, L.mark(node["action"]).str());
        }
      } else {
        L.keys(node, {"lemma", "when", "preambular", "operative"}, lemma);
      }
      load_context_actions(L, node, lemma, lex);
      const auto add = [&](const char* key, std::unordered_set<std::string>& forms) {
        for (const auto& form : L.strings(node, key, lemma, false)) {
          const std::string k = phrase_key(form);
          auto [it, fresh] = lex.lemma_of_form.emplace(k, lemma);
          if (!fresh && it->second != lemma)
            L.error(node[key], lemma, "form '" + form + "' already belongs to lemma '" + it->second + "'");
          forms.insert(k);
          lex.max_words = std::max(lex.max_words, words(k));
        }
      };
      add("preambular", lex.preambular_forms);
      add("operative", lex.operative_forms);
    }
  if (!L.extending && (lex.preambular_forms.empty() || lex.operative_forms.empty()))
    L.error(root, "", "the lexicon needs preambular and operative forms");
}

// Once every file is read: the matcher's index of a lexicon.
void finish_lexicon(PhraseLexicon& lex) {
  // A key's tokens end before a space or a comma and after a comma.
  using R = PhraseLexicon::Role;
  for (const auto& [set, role] : {std::pair{&lex.modifiers, R::modifier}, {&lex.postmodifiers, R::postmodifier},
                                  {&lex.qualifiers, R::qualifier}, {&lex.preambular_forms, R::preambular},
                                  {&lex.operative_forms, R::operative}})
    for (const auto& key : *set) {
      lex.roles[key] |= role;
      for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] == ' ' || key[i] == ',') lex.roles[key.substr(0, i)] |= R::prefix;
        if (key[i] == ',' && i + 1 < key.size()) lex.roles[key.substr(0, i + 1)] |= R::prefix;
      }
    }
}

void finish_phrases(Loader& L, RuleSet& rules) {
  finish_lexicon(rules.phrases);
  for (auto& [language, lex] : rules.phrases_of_language) finish_lexicon(lex);
  std::unordered_set<std::string> english;
  for (const auto& [form, lemma] : rules.phrases.lemma_of_form) english.insert(lemma);
  for (const auto& [action, where] : L.actions_to_check)
    if (!english.count(action))
      L.errors.push_back(where + ": action '" + action +
                         "' is not a lemma of the English lexicon (mappings/phrases.yaml); the action of a phrase in "
                         "another language is the English lemma of the same action, such as 'request' or 'take note'");
}

void load_organizations(Loader& L, const YAML::Node& root, RuleSet& rules) {
  auto& gaz = rules.organizations;
  if (L.extending) {
    L.keys(root, {"extends", "organizations"}, "");
  } else {
    L.keys(root, {"categories", "defined_acronym", "organizations"}, "");
    L.organization_categories = L.strings(root, "categories", "", true);
    if (auto p = L.pattern(root, "defined_acronym", "", true, {"acronym"})) gaz.defined_acronym = *p;
  }
  const auto& categories = L.organization_categories;
  const YAML::Node list = root["organizations"];
  if (!list.IsDefined() && L.extending) return;
  if (!list.IsDefined() || !list.IsSequence()) {
    L.error(root, "", "'organizations' must be a list");
    return;
  }
  auto& surfaces = L.organization_surfaces;
  for (const auto& node : list) {
    if (!L.is_map(node, "an organization", "")) continue;
    Organization org;
    org.name = L.scalar(node, "name", "", true).value_or("");
    L.keys(node, {"name", "acronym", "aliases", "category"}, org.name);
    org.acronym = L.scalar(node, "acronym", org.name, false).value_or("");
    org.aliases = L.strings(node, "aliases", org.name, false);
    org.category = L.scalar(node, "category", org.name, true).value_or("");
    if (!org.category.empty() && std::find(categories.begin(), categories.end(), org.category) == categories.end())
      L.error(node["category"], org.name, "unknown category '" + org.category + "' (use " + join(categories, ", ") + ")");
    const std::size_t index = gaz.entries.size();
    std::vector<std::string> mine = {org.name};
    if (!org.acronym.empty()) mine.push_back(org.acronym);
    mine.insert(mine.end(), org.aliases.begin(), org.aliases.end());
    for (const auto& s : mine) {
      if (s.empty()) {
        L.error(node, org.name, "a name, acronym or alias must not be empty");
        continue;
      }
      auto [it, fresh] = gaz.entry_of_surface.emplace(s, index);
      if (!fresh && it->second != index)
        L.error(node, org.name, "'" + s + "' already names '" + gaz.entries[it->second].name + "'");
      else if (fresh) surfaces.push_back(s);
    }
    gaz.entries.push_back(std::move(org));
  }
}

// Once every file is read: the gazetteer's matcher over the names of every file.
void finish_organizations(Loader& L, const YAML::Node& root, RuleSet& rules) {
  auto& gaz = rules.organizations;
  const auto& surfaces = L.organization_surfaces;
  if (surfaces.empty()) return;
  std::size_t bytes = 0;
  for (const auto& s : surfaces) bytes += s.size();
  if (bytes > RuleLimits::literal_bytes)
    L.error(root, "", "the gazetteer's names are " + std::to_string(bytes) + " bytes together, over the limit of " +
                          std::to_string(RuleLimits::literal_bytes));
  try {
    gaz.matcher = LiteralSet(surfaces);
  } catch (const std::invalid_argument& e) {
    L.error(root, "", std::string("a name, acronym or alias must be matchable as whole words: ") + e.what());
  }
}

void load_citations(Loader& L, const YAML::Node& root, RuleSet& rules) {
  if (L.extending) {
    L.keys(root, {"extends", "rules"}, "");
  } else {
    L.keys(root, {"kinds", "ibid", "rules"}, "");
    L.citation_kinds = L.strings(root, "kinds", "", true);
    if (auto p = L.pattern(root, "ibid", "", true)) rules.ibid = *p;
  }
  const auto& kinds = L.citation_kinds;
  const YAML::Node list = root["rules"];
  if (!list.IsDefined() && L.extending) return;
  if (!list.IsDefined() || !list.IsSequence()) {
    L.error(root, "", "'rules' must be a list");
    return;
  }
  for (const auto& node : list) {
    if (!L.is_map(node, "a citation rule", "")) continue;
    const std::string id = L.scalar(node, "id", "", true).value_or("?");
    L.keys(node, {"id", "kind", "pattern", "next", "emit", "examples", "counter_examples"}, id);
    L.unique_id(node, id);
    CitationRule rule;
    rule.id = id;
    rule.mark = L.mark(node);
    const std::string kind = L.scalar(node, "kind", id, true).value_or("");
    auto p = L.pattern(node, "pattern", id, true);
    if (p) L.not_empty(node["pattern"], id, "pattern", *p);
    rule.next = L.pattern(node, "next", id, false);
    const YAML::Node emits = node["emit"];
    if (!emits.IsDefined() || !emits.IsSequence() || emits.size() == 0) L.error(node, id, "'emit' must be a non-empty list");
    else
      for (const auto& e : emits) {
        if (!L.is_map(e, "an emit entry", id)) continue;
        L.keys(e, {"kind", "target", "when"}, id);
        Emit emit;
        emit.kind = L.scalar(e, "kind", id, false).value_or(kind);
        emit.target = L.scalar(e, "target", id, true).value_or("");
        emit.when = L.scalar(e, "when", id, false).value_or("");
        if (std::find(kinds.begin(), kinds.end(), emit.kind) == kinds.end())
          L.error(e, id, "unknown kind '" + emit.kind + "' (use " + join(kinds, ", ") + ")");
        for (const Pattern* q : {p ? &*p : nullptr, rule.next ? &*rule.next : nullptr}) {
          if (!q) continue;
          L.check_template(e, id, emit.target, *q);
          if (!emit.when.empty() && q->group(emit.when) < 0)
            L.error(e, id, "'when' names group '" + emit.when + "' that the pattern does not have");
        }
        rule.emit.push_back(std::move(emit));
      }
    rule.examples = L.examples(node, id, {"target", "kind", "cited_date", "part"});
    if (!p) continue;
    rule.pattern = *p;
    rules.citations.push_back(std::move(rule));
  }
}

void load_deadlines(Loader& L, const YAML::Node& root, RuleSet& rules) {
  if (L.extending) {
    L.keys(root, {"extends", "rules"}, "");
  } else {
    L.keys(root, {"kinds", "own_body", "rules"}, "");
    L.deadline_kinds = L.strings(root, "kinds", "", true);
    rules.deadline_own_body = L.scalar(root, "own_body", "", false).value_or("");
  }
  const auto& kinds = L.deadline_kinds;
  const YAML::Node list = root["rules"];
  if (!list.IsDefined() && L.extending) return;
  if (!list.IsDefined() || !list.IsSequence()) {
    L.error(root, "", "'rules' must be a list");
    return;
  }
  const std::set<std::string> fields = {"session", "requested_of", "body", "subject", "due_date", "due_year"};
  for (const auto& node : list) {
    if (!L.is_map(node, "a deadline rule", "")) continue;
    const std::string id = L.scalar(node, "id", "", true).value_or("?");
    L.keys(node, {"id", "kind", "pattern", "session_from_paragraph", "defaults", "examples", "counter_examples"}, id);
    L.unique_id(node, id);
    DeadlineRule rule;
    rule.id = id;
    rule.mark = L.mark(node);
    rule.kind = L.scalar(node, "kind", id, true).value_or("");
    if (!rule.kind.empty() && std::find(kinds.begin(), kinds.end(), rule.kind) == kinds.end())
      L.error(node["kind"], id, "unknown kind '" + rule.kind + "' (use " + join(kinds, ", ") + ")");
    rule.session_from_paragraph = L.flag(node, "session_from_paragraph", id);
    rule.defaults = L.string_map(node, "defaults", id);
    for (const auto& [k, v] : rule.defaults)
      if (!fields.count(k)) L.error(node["defaults"], id, "unknown field '" + k + "' in defaults");
    auto p = L.pattern(node, "pattern", id, true);
    if (p) L.not_empty(node["pattern"], id, "pattern", *p);
    if (p) {
      for (const auto& [name, index] : p->group_names()) {
        (void)index;
        if (!fields.count(name))
          L.error(node["pattern"], id, "group '" + name + "' is not a deadline field (use " +
                                           join({fields.begin(), fields.end()}, ", ") + ")");
      }
      if (!rule.session_from_paragraph && p->group("session") < 0 && p->group("due_date") < 0 &&
          p->group("due_year") < 0)
        L.error(node["pattern"], id, "pattern needs a group 'session', 'due_date' or 'due_year', or 'session_from_paragraph: true'");
    }
    std::set<std::string> expect = fields;
    expect.insert("kind");
    rule.examples = L.examples(node, id, expect);
    if (!p) continue;
    rule.pattern = *p;
    rules.deadlines.push_back(std::move(rule));
  }
}

// mappings/member_states.yaml: every name and alias of every language is a key (member_state_key);
// no two entries may share one.
void load_member_states(Loader& L, const YAML::Node& root, RuleSet& rules) {
  L.keys(root, {"not_states", "states"}, "");
  auto& gaz = rules.member_states;
  for (const auto& prefix : L.strings(root, "not_states", "", true)) {
    const std::string key = member_state_key(prefix);
    if (key.empty()) L.error(root["not_states"], "", "'" + prefix + "' has no letters: it would match every name");
    else gaz.not_state_prefixes.push_back(key);
  }
  const YAML::Node list = root["states"];
  if (!list.IsDefined() || !list.IsSequence()) {
    L.error(root, "", "'states' must be a list");
    return;
  }
  const std::vector<std::string> languages = {"en", "fr", "es", "ru", "zh", "ar"};
  const std::vector<std::string> statuses = {"member", "observer", "historical"};
  std::set<std::string> codes;
  for (const auto& node : list) {
    if (!L.is_map(node, "a State", "")) continue;
    MemberState state;
    state.iso3 = L.scalar(node, "iso3", "", true).value_or("");
    const std::string id = state.iso3.empty() ? "?" : state.iso3;
    L.keys(node, {"iso3", "status", "en", "fr", "es", "ru", "zh", "ar", "aliases", "note"}, id);
    if (!state.iso3.empty()) {
      if (state.iso3.size() != 3 || !std::all_of(state.iso3.begin(), state.iso3.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        L.error(node["iso3"], id, "'iso3' must be three capital letters (ISO 3166 alpha-3)");
      else if (!codes.insert(state.iso3).second)
        L.error(node["iso3"], id, "duplicate iso3 code");
    }
    state.status = L.scalar(node, "status", id, true).value_or("");
    if (!state.status.empty() && std::find(statuses.begin(), statuses.end(), state.status) == statuses.end())
      L.error(node["status"], id, "unknown status '" + state.status + "' (use " + join(statuses, ", ") + ")");
    for (const auto& language : languages)
      if (auto name = L.scalar(node, language, id, language == "en")) state.names[language] = *name;
    state.aliases = L.strings(node, "aliases", id, false);
    (void)L.scalar(node, "note", id, false);
    if (!state.names.count("en")) continue;
    const std::size_t index = gaz.entries.size();
    std::vector<std::string> mine;
    for (const auto& [language, name] : state.names) mine.push_back(name);
    mine.insert(mine.end(), state.aliases.begin(), state.aliases.end());
    for (const auto& name : mine) {
      const std::string key = member_state_key(name);
      if (key.empty()) {
        L.error(node, id, "name or alias '" + name + "' has no letters");
        continue;
      }
      auto [it, fresh] = gaz.entry_of_key.emplace(key, index);
      if (!fresh && it->second != index)
        L.error(node, id, "'" + name + "' (compared as '" + key + "') already names " + gaz.entries[it->second].iso3 +
                              " (" + gaz.entries[it->second].name() + ")");
    }
    gaz.entries.push_back(std::move(state));
  }
}

// Checks a rule file's shape on the parser's events, before any node is built: no aliases (a
// "billion laughs" file is small but expands when its aliases are iterated), at most
// RuleLimits::yaml_depth levels and RuleLimits::yaml_nodes nodes. Throws RulesError.
class ShapeCheck : public YAML::EventHandler {
 public:
  explicit ShapeCheck(std::string file) : file_(std::move(file)) {}
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(mark, "YAML aliases (*name) are not allowed in rule files: write the value out");
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override { node(mark); }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open(mark);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open(mark);
  }
  void OnMapEnd() override { --depth_; }

 private:
  void node(const YAML::Mark& mark) {
    if (++nodes_ > RuleLimits::yaml_nodes)
      fail(mark, "more than " + std::to_string(RuleLimits::yaml_nodes) +
                     " YAML nodes (values, lists and mappings): the limit for one rule file");
  }
  void open(const YAML::Mark& mark) {
    node(mark);
    if (++depth_ > RuleLimits::yaml_depth)
      fail(mark, "lists and mappings nested more than " + std::to_string(RuleLimits::yaml_depth) + " deep");
  }
  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    throw RulesError({file_ + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1) + ": " +
                      message});
  }
  std::string file_;
  std::size_t nodes_ = 0, depth_ = 0;
};

void check_shape(const RuleSource& source) {
  if (source.text.size() > RuleLimits::file_bytes)
    throw RulesError({source.path + ":1:1: the file is " + std::to_string(source.text.size()) +
                      " bytes, over the limit of " + std::to_string(RuleLimits::file_bytes) + " for a rule file"});
  std::istringstream in(source.text);
  YAML::Parser parser(in);
  ShapeCheck check(source.path);
  parser.HandleNextDocument(check);  // YAML::Load reads the first document only, too
}

// The first RuleLimits::messages errors, then how many more there are.
std::vector<std::string> capped(std::vector<std::string> errors) {
  if (errors.size() <= RuleLimits::messages) return errors;
  const std::size_t more = errors.size() - RuleLimits::messages;
  errors.resize(RuleLimits::messages);
  errors.push_back("... and " + std::to_string(more) + " more error(s)");
  return errors;
}

}  // namespace

const std::vector<std::string>& rule_file_names() {
  static const std::vector<std::string> names = {"structure.yaml", "vocabulary.yaml", "phrases.yaml",
                                                 "organizations.yaml", "citations.yaml", "deadlines.yaml",
                                                 "member_states.yaml"};
  return names;
}

namespace {

bool is_rule_file(const std::filesystem::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

// The sections a rule file other than the base files may add to, by its `extends` value.
using Section = void (*)(Loader&, const YAML::Node&, RuleSet&);
const std::vector<std::pair<std::string, Section>>& extensible_sections() {
  static const std::vector<std::pair<std::string, Section>> sections = {
      {"phrases", load_phrases}, {"organizations", load_organizations}, {"citations", load_citations},
      {"deadlines", load_deadlines}, {"profiles", load_profiles}};
  return sections;
}

}  // namespace

std::vector<RuleSource> read_rule_sources(const std::filesystem::path& dir) {
  std::vector<RuleSource> out;
  std::vector<std::string> errors;
  // The base files, which must be there, then every other rule file of the directory, by name.
  std::vector<std::filesystem::path> paths;
  for (const auto& name : rule_file_names()) paths.push_back(dir / name);
  std::error_code ec;
  std::vector<std::filesystem::path> others;
  for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (is_rule_file(it->path()) &&
        std::find(rule_file_names().begin(), rule_file_names().end(), name) == rule_file_names().end())
      others.push_back(it->path());
  }
  if (ec) errors.push_back(dir.string() + ": cannot list the rules directory: " + ec.message());
  std::sort(others.begin(), others.end());
  paths.insert(paths.end(), others.begin(), others.end());
  for (const auto& path : paths) {
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
      errors.push_back(path.string() + ":1:1: cannot read rule file (not a regular file)");  // a FIFO would block
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      errors.push_back(path.string() + ":1:1: cannot read rule file");
      continue;
    }
    if (const auto size = std::filesystem::file_size(path, ec); !ec && size > RuleLimits::file_bytes) {
      errors.push_back(path.string() + ":1:1: the file is " + std::to_string(size) + " bytes, over the limit of " +
                       std::to_string(RuleLimits::file_bytes) + " for a rule file");
      continue;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out.push_back({path.string(), buffer.str()});
  }
  if (!errors.empty()) throw RulesError(errors);
  return out;
}

std::vector<RuleSource> default_rule_sources() {
  std::vector<RuleSource> out;
  for (const auto& name : rule_file_names())
    for (const auto& f : embedded_files())
      if (f.path == "mappings/" + name) out.push_back({std::string(f.path), std::string(f.content)});
  for (const auto& f : embedded_files()) {
    const std::filesystem::path p(f.path);
    if (f.path.starts_with("mappings/") && is_rule_file(p) &&
        std::find(rule_file_names().begin(), rule_file_names().end(), p.filename().string()) == rule_file_names().end())
      out.push_back({std::string(f.path), std::string(f.content)});
  }
  return out;
}

RuleSet load_rules(const std::vector<RuleSource>& sources) {
  Loader L;
  RuleSet rules;
  std::string all;
  const std::vector<std::pair<std::string, Section>> sections = {
      {"structure.yaml", load_structure},     {"vocabulary.yaml", load_vocabulary},
      {"phrases.yaml", load_phrases},         {"organizations.yaml", load_organizations},
      {"citations.yaml", load_citations},     {"deadlines.yaml", load_deadlines},
      {"member_states.yaml", load_member_states}};
  // Reads one file into `section` (or, for a file that extends a section, into the section it names).
  const auto read = [&](const RuleSource& source, Section section) -> YAML::Node {
    all += source.path + '\0' + source.text + '\0';
    L.file(source.path);
    try {
      check_shape(source);
      const YAML::Node root = YAML::Load(source.text);
      if (!root.IsMap()) {
        L.errors.push_back(source.path + ":1:1: the file must be a YAML mapping");
        return {};
      }
      if (!section) {
        // Not a base file: it must say which section it adds to.
        const YAML::Node extends = root["extends"];
        std::vector<std::string> names;
        for (const auto& [name, s] : extensible_sections()) names.push_back(name);
        const std::string value = extends.IsDefined() && extends.IsScalar() ? extends.as<std::string>() : "";
        for (const auto& [name, s] : extensible_sections())
          if (name == value) section = s;
        if (!section) {
          L.error(extends.IsDefined() ? extends : root, "",
                  extends.IsDefined() ? "unknown section '" + value + "' to extend (use " + join(names, ", ") + ")"
                                      : "a rule file other than " + join(rule_file_names(), ", ") +
                                            " must say which section it adds to: 'extends: " + names.front() +
                                            "' (use " + join(names, ", ") + ")");
          return {};
        }
        L.extending = true;
      }
      section(L, root, rules);
      L.extending = false;
      return root;
    } catch (const YAML::ParserException& e) {
      L.errors.push_back(source.path + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                         ": YAML syntax error: " + e.msg);
    } catch (const YAML::Exception& e) {
      L.errors.push_back(source.path + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                         ": " + e.msg);
    } catch (const RulesError& e) {
      L.errors.insert(L.errors.end(), e.messages().begin(), e.messages().end());
    }
    L.extending = false;
    return {};
  };
  const auto base_name = [](const RuleSource& s) { return std::filesystem::path(s.path).filename().string(); };
  YAML::Node organizations_root;
  std::string organizations_path;
  for (const auto& [name, section] : sections) {
    // (An init-capture: clang 14 cannot capture a structured binding.)
    const auto it = std::find_if(sources.begin(), sources.end(),
                                 [&, &file = name](const RuleSource& s) { return base_name(s) == file; });
    if (it == sources.end()) {
      L.errors.push_back(name + ":1:1: rule file is missing");
      continue;
    }
    const YAML::Node root = read(*it, section);
    if (name == "organizations.yaml") {
      organizations_root = root;
      organizations_path = it->path;
    }
  }
  // Every other file adds to the section it names; none is skipped.
  for (const auto& source : sources)
    if (std::find(rule_file_names().begin(), rule_file_names().end(), base_name(source)) == rule_file_names().end())
      (void)read(source, nullptr);
  finish_phrases(L, rules);
  if (rules.profiles.empty()) rules.profiles.push_back({"", "", rules.document, rules.metadata, 0, {}, {}});
  if (organizations_root.IsDefined()) {
    L.file(organizations_path);
    finish_organizations(L, organizations_root, rules);
  }
  if (!L.errors.empty()) throw RulesError(capped(std::move(L.errors)));
  // Combined programs: the citation scanner and the deadline prefilter (the rules compiled one by
  // one above, so a failure here can only be the combined program's size).
  try {
    std::string citations;
    for (const auto& r : rules.citations) citations += (citations.empty() ? "(?:" : "|(?:") + r.pattern.source() + ")";
    PatternOptions whole_matches;
    whole_matches.never_capture = true;
    if (!citations.empty()) rules.citation_scanner = Pattern::compile(citations, whole_matches);
    std::vector<std::string> deadlines;
    for (const auto& r : rules.deadlines) deadlines.push_back(r.pattern.source());
    rules.deadline_prefilter = PatternSet(deadlines);
  } catch (const std::invalid_argument& e) {
    throw RulesError({std::string("mappings: the citation or deadline rules together are too large: ") + e.what()});
  }
  rules.hash = hex_hash(all);
  return rules;
}

}  // namespace unres
