#include "rules/check.h"

#include "extract.h"
#include "text.h"

namespace unres {

namespace {

std::string fail(const Example& ex, const std::string& id, const std::string& what) {
  return ex.mark.str() + ": rule '" + id + "': example \"" + ex.text + "\": " + what;
}

std::string show(const std::map<std::string, std::string>& values) {
  std::string out = "{";
  for (const auto& [k, v] : values) out += (out.size() > 1 ? ", " : "") + k + ": " + v;
  return out + "}";
}

// Expected fields that `got` lacks or holds with another value.
std::string mismatch(const std::map<std::string, std::string>& expect, const std::map<std::string, std::string>& got) {
  for (const auto& [k, v] : expect) {
    const auto it = got.find(k);
    if (it == got.end() || it->second != v) return "expected " + k + " = '" + v + "', got " + show(got);
  }
  return {};
}

// Judges an example against the values a rule produced on its text (one map per match).
void judge(std::vector<std::string>& out, const Example& ex, const std::string& id,
           const std::vector<std::map<std::string, std::string>>& produced) {
  if (!ex.must_match) {
    if (!produced.empty()) out.push_back(fail(ex, id, "must not match, got " + show(produced.front())));
    return;
  }
  if (produced.empty()) {
    out.push_back(fail(ex, id, "does not match"));
    return;
  }
  std::string why;
  for (const auto& got : produced) {
    why = mismatch(ex.expect, got);
    if (why.empty()) return;
  }
  out.push_back(fail(ex, id, why));
}

// The metadata rules once each: the base rules and every profile's own.
std::vector<const MetadataRule*> metadata_rules(const RuleSet& rules) {
  std::vector<const MetadataRule*> out;
  for (const auto& r : rules.metadata) out.push_back(&r);
  for (const auto& p : rules.profiles)
    for (std::size_t i = 0; i < p.own_metadata; ++i) out.push_back(&p.metadata[i]);
  return out;
}

}  // namespace

std::vector<std::string> run_examples(const RuleSet& rules) {
  std::vector<std::string> out;
  for (const auto* r : metadata_rules(rules))
    for (const auto& ex : r->examples) {
      const auto& rule = *r;
      const auto got = apply_metadata_rule(rule, ex.text, rules.vocabulary);
      judge(out, ex, rule.id, got.empty() ? std::vector<std::map<std::string, std::string>>{}
                                          : std::vector<std::map<std::string, std::string>>{got});
    }
  for (const auto& profile : rules.profiles)
    for (const auto& rule : profile.facts)
      for (const auto& ex : rule.examples) {
        std::vector<std::map<std::string, std::string>> mine;
        for (const Span s : find_facts(rule, ex.text, {0, ex.text.size()}))
          mine.push_back({{"surface", fold_space(std::string_view(ex.text).substr(s.begin, s.size()))}});
        judge(out, ex, rule.id, mine);
      }
  for (const auto& rule : rules.citations)
    for (const auto& ex : rule.examples) {
      std::vector<std::map<std::string, std::string>> mine;
      for (const auto& hit : find_citations(rules, ex.text, {0, ex.text.size()}))
        if (hit.rule == &rule) mine.push_back({{"target", hit.target}, {"kind", hit.kind}, {"cited_date", hit.cited_date}, {"part", hit.part}});
      judge(out, ex, rule.id, mine);
    }
  for (const auto& rule : rules.deadlines)
    for (const auto& ex : rule.examples) {
      std::vector<std::map<std::string, std::string>> mine;
      auto hits = find_deadlines(rules, ex.text, {0, ex.text.size()}, std::nullopt);
      settle_deadlines(hits);
      for (const auto& hit : hits) {
        if (hit.rule != &rule) continue;
        const auto& d = hit.record;
        std::map<std::string, std::string> got = {{"kind", d.kind}};
        if (d.session) got["session"] = std::to_string(*d.session);
        if (d.due_year) got["due_year"] = std::to_string(*d.due_year);
        for (const auto& [k, v] : {std::pair{"requested_of", d.requested_of}, {"body", d.body},
                                   {"subject", d.subject}, {"due_date", d.due_date}})
          if (!v.empty()) got[k] = v;
        mine.push_back(std::move(got));
      }
      judge(out, ex, rule.id, mine);
    }
  return out;
}

std::size_t count_examples(const RuleSet& rules) {
  std::size_t n = 0;
  for (const auto* r : metadata_rules(rules)) n += r->examples.size();
  for (const auto& p : rules.profiles)
    for (const auto& r : p.facts) n += r.examples.size();
  for (const auto& r : rules.citations) n += r.examples.size();
  for (const auto& r : rules.deadlines) n += r.examples.size();
  return n;
}

}  // namespace unres
