#include "rules/loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "embedded.h"
#include "errors.h"
#include "source.h"
#include "text.h"

namespace unres {

namespace {

// Columns of the resolutions table that metadata rules may fill.
const std::set<std::string> kMetadataColumns = {
    "symbol", "body", "session", "number", "title", "adopted_on", "committee", "basis_symbol",
    "plenary_meeting", "agenda_item", "distributed_on", "job_number"};

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? std::string(sep) : "") + items[i];
  return out;
}

// Collects every problem of every file; the loader keeps going after an error so that the
// user sees them all at once.
class Loader {
 public:
  std::vector<std::string> errors;

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

  bool is_map(const YAML::Node& node, const std::string& what, const std::string& rule) {
    if (node.IsMap()) return true;
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
                                 const PatternOptions& options = {}) {
    auto source = scalar(map, key, rule, required);
    if (!source) return std::nullopt;
    try {
      Pattern p = Pattern::compile(*source, options);
      for (const auto& g : groups)
        if (p.group(g) < 0) error(map[key], rule, "pattern '" + key + "' has no named group '" + g + "'");
      return p;
    } catch (const std::invalid_argument& e) {
      error(map[key], rule, std::string("pattern '") + key + "' does not compile: " + e.what());
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
};

void load_structure(Loader& L, const YAML::Node& root, RuleSet& rules) {
  L.keys(root, {"layouts", "detect_window", "replacements", "document", "metadata"}, "");
  // Layouts
  const YAML::Node layouts = root["layouts"];
  if (!layouts.IsSequence() || layouts.size() == 0) L.error(root, "", "'layouts' must be a non-empty list");
  else
    for (const auto& node : layouts) {
      if (!L.is_map(node, "a layout", "")) continue;
      const std::string id = L.scalar(node, "id", "", true).value_or("?");
      L.keys(node, {"id", "detect", "unwrap", "page_break", "page_counter", "furniture", "footnote_separator", "footnote_start",
                    "paragraph_start", "number_only"}, id);
      L.unique_id(node, id);
      Layout layout;
      layout.id = id;
      auto detect = L.pattern(node, "detect", id, true);
      if (detect) layout.detect = *detect;
      layout.unwrap = L.flag(node, "unwrap", id);
      for (const auto& src : L.strings(node, "furniture", id, false)) {
        try {
          layout.furniture.push_back(Pattern::compile(src));
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
    rules.replacement_matcher = Pattern::any_literal(keys, "", "");
  }
  // Document structure
  const YAML::Node doc = root["document"];
  if (L.is_map(doc, "'document'", "document")) {
    const std::string id = "document";
    L.keys(doc, {"start", "enacting_formula", "operative", "subparagraph", "roman_label", "closing", "footnote",
                 "end", "annex", "heading", "footnote_marks"}, id);
    auto& d = rules.document;
    const auto set = [&](Pattern& out, const char* key, std::vector<std::string> groups = {}) {
      if (auto p = L.pattern(doc, key, id, true, groups)) out = *p;
    };
    set(d.start, "start");
    set(d.enacting_formula, "enacting_formula");
    set(d.operative, "operative", {"number", "text"});
    set(d.subparagraph, "subparagraph", {"number", "text"});
    set(d.roman_label, "roman_label");
    set(d.closing, "closing");
    set(d.footnote, "footnote", {"number", "text"});
    set(d.end, "end");
    set(d.annex, "annex");
    set(d.heading, "heading");
    for (const auto& src : L.strings(doc, "footnote_marks", id, true)) {
      try {
        Pattern p = Pattern::compile(src);
        if (p.group("mark") < 0) L.error(doc["footnote_marks"], id, "a footnote mark pattern needs a group 'mark'");
        d.footnote_marks.push_back(std::move(p));
      } catch (const std::invalid_argument& e) {
        L.error(doc["footnote_marks"], id, std::string("pattern 'footnote_marks' does not compile: ") + e.what());
      }
    }
  }
  // Metadata
  const YAML::Node meta = root["metadata"];
  if (!meta.IsSequence()) L.error(root, "", "'metadata' must be a list of rules");
  else
    for (const auto& node : meta) {
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
      rules.metadata.push_back(std::move(rule));
    }
}

void load_vocabulary(Loader& L, const YAML::Node& root, RuleSet& rules) {
  L.keys(root, {"months", "numbers", "relative_sessions"}, "");
  auto& v = rules.vocabulary;
  const auto months = L.strings(root, "months", "", true);
  if (months.size() != 12 && !months.empty()) L.error(root["months"], "", "'months' must list the 12 month names");
  for (std::size_t i = 0; i < months.size(); ++i) v.months[lower_ascii(months[i])] = static_cast<int>(i + 1);
  const auto ints = [&](const char* key, std::unordered_map<std::string, int>& out) {
    for (const auto& [word, value] : L.string_map(root, key, "")) {
      try {
        out[lower_ascii(word)] = std::stoi(value);
      } catch (const std::exception&) {
        L.error(root[key], "", std::string("'") + key + "' values must be whole numbers: '" + word + "'");
      }
    }
  };
  ints("numbers", v.number_words);
  ints("relative_sessions", v.relative_sessions);
}

void load_phrases(Loader& L, const YAML::Node& root, RuleSet& rules) {
  L.keys(root, {"modifiers", "postmodifiers", "qualifiers", "secondary_connector", "phrases"}, "");
  auto& lex = rules.phrases;
  const auto words = [](const std::string& key) {
    return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ') + std::count(key.begin(), key.end(), ',')) + 1;
  };
  const auto add_all = [&](const char* key, std::unordered_set<std::string>& set) {
    for (const auto& item : L.strings(root, key, "", true)) {
      const std::string k = phrase_key(item);
      if (k.empty()) continue;
      set.insert(k);
      lex.max_words = std::max(lex.max_words, words(k));
    }
  };
  add_all("modifiers", lex.modifiers);
  add_all("postmodifiers", lex.postmodifiers);
  add_all("qualifiers", lex.qualifiers);
  if (auto p = L.pattern(root, "secondary_connector", "", true)) lex.secondary_connector = *p;
  const YAML::Node list = root["phrases"];
  if (!list.IsSequence()) L.error(root, "", "'phrases' must be a list");
  else
    for (const auto& node : list) {
      if (!L.is_map(node, "a phrase", "")) continue;
      const std::string lemma = L.scalar(node, "lemma", "", true).value_or("");
      L.keys(node, {"lemma", "preambular", "operative"}, lemma);
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
  if (lex.preambular_forms.empty() || lex.operative_forms.empty())
    L.error(root, "", "the lexicon needs preambular and operative forms");
}

void load_organizations(Loader& L, const YAML::Node& root, RuleSet& rules) {
  L.keys(root, {"categories", "defined_acronym", "organizations"}, "");
  const auto categories = L.strings(root, "categories", "", true);
  auto& gaz = rules.organizations;
  if (auto p = L.pattern(root, "defined_acronym", "", true, {"acronym"})) gaz.defined_acronym = *p;
  const YAML::Node list = root["organizations"];
  if (!list.IsSequence()) {
    L.error(root, "", "'organizations' must be a list");
    return;
  }
  std::vector<std::string> surfaces;
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
      auto [it, fresh] = gaz.entry_of_surface.emplace(s, index);
      if (!fresh && it->second != index)
        L.error(node, org.name, "'" + s + "' already names '" + gaz.entries[it->second].name + "'");
      else if (fresh) surfaces.push_back(s);
    }
    gaz.entries.push_back(std::move(org));
  }
  if (surfaces.empty()) return;
  PatternOptions opts;
  opts.longest_match = true;
  opts.max_memory = 256 << 20;
  try {
    gaz.matcher = Pattern::any_literal(surfaces, "\\b", "\\b", opts);
  } catch (const std::invalid_argument& e) {
    L.error(root, "", std::string("the gazetteer does not compile: ") + e.what());
  }
}

void load_citations(Loader& L, const YAML::Node& root, RuleSet& rules) {
  L.keys(root, {"kinds", "ibid", "rules"}, "");
  const auto kinds = L.strings(root, "kinds", "", true);
  if (auto p = L.pattern(root, "ibid", "", true)) rules.ibid = *p;
  const YAML::Node list = root["rules"];
  if (!list.IsSequence()) {
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
    rule.next = L.pattern(node, "next", id, false);
    const YAML::Node emits = node["emit"];
    if (!emits.IsSequence() || emits.size() == 0) L.error(node, id, "'emit' must be a non-empty list");
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
    rule.examples = L.examples(node, id, {"target", "kind", "cited_date"});
    if (!p) continue;
    rule.pattern = *p;
    rules.citations.push_back(std::move(rule));
  }
}

void load_deadlines(Loader& L, const YAML::Node& root, RuleSet& rules) {
  L.keys(root, {"kinds", "rules"}, "");
  const auto kinds = L.strings(root, "kinds", "", true);
  const YAML::Node list = root["rules"];
  if (!list.IsSequence()) {
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

}  // namespace

const std::vector<std::string>& rule_file_names() {
  static const std::vector<std::string> names = {"structure.yaml", "vocabulary.yaml", "phrases.yaml",
                                                 "organizations.yaml", "citations.yaml", "deadlines.yaml"};
  return names;
}

std::vector<RuleSource> read_rule_sources(const std::filesystem::path& dir) {
  std::vector<RuleSource> out;
  std::vector<std::string> errors;
  for (const auto& name : rule_file_names()) {
    const auto path = dir / name;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      errors.push_back(path.string() + ":1:1: cannot read rule file");
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
  return out;
}

RuleSet load_rules(const std::vector<RuleSource>& sources) {
  Loader L;
  RuleSet rules;
  std::string all;
  using Section = void (*)(Loader&, const YAML::Node&, RuleSet&);
  const std::vector<std::pair<std::string, Section>> sections = {
      {"structure.yaml", load_structure},     {"vocabulary.yaml", load_vocabulary},
      {"phrases.yaml", load_phrases},         {"organizations.yaml", load_organizations},
      {"citations.yaml", load_citations},     {"deadlines.yaml", load_deadlines}};
  for (const auto& [name, section] : sections) {
    const auto it = std::find_if(sources.begin(), sources.end(), [&](const RuleSource& s) {
      return std::filesystem::path(s.path).filename() == name;
    });
    if (it == sources.end()) {
      L.errors.push_back(name + ":1:1: rule file is missing");
      continue;
    }
    all += it->path + '\0' + it->text + '\0';
    L.file(it->path);
    try {
      const YAML::Node root = YAML::Load(it->text);
      if (!root.IsMap()) {
        L.errors.push_back(it->path + ":1:1: the file must be a YAML mapping");
        continue;
      }
      section(L, root, rules);
    } catch (const YAML::ParserException& e) {
      L.errors.push_back(it->path + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                         ": YAML syntax error: " + e.msg);
    } catch (const YAML::Exception& e) {
      L.errors.push_back(it->path + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                         ": " + e.msg);
    }
  }
  if (!L.errors.empty()) throw RulesError(L.errors);
  rules.hash = hex_hash(all);
  return rules;
}

}  // namespace unres
