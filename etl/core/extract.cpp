#include "extract.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "errors.h"
#include "phrases.h"
#include "text.h"

namespace unres {

namespace {

std::string_view view(std::string_view all, Span s) { return all.substr(s.begin, s.size()); }

std::optional<Span> group_span(const Pattern& p, const Pattern::Match& m, const char* name) {
  const int g = p.group(name);
  if (g < 0 || !m.groups[static_cast<std::size_t>(g)]) return std::nullopt;
  return *m.groups[static_cast<std::size_t>(g)];
}

std::string group_value(const Pattern& p, const Pattern::Match& m, std::string_view all, const char* name) {
  const auto s = group_span(p, m, name);
  return s ? fold_space(view(all, *s)) : std::string();
}

// Paragraph text for the table: marks removed, white space folded.
std::string clean_text(std::string_view all, Span body, const std::vector<Span>& marks) {
  if (marks.empty()) return fold_space(view(all, body));  // most paragraphs: one copy, not two
  std::string out;
  std::size_t at = body.begin;
  for (const Span m : marks) {
    out.append(all.substr(at, m.begin - at));
    at = m.end;
  }
  out.append(all.substr(at, body.end - at));
  return fold_space(out);
}

class Extractor {
 public:
  Extractor(const NormalizedText& text, const DocumentSpan& doc, const Segments& seg, const RuleSet& rules,
            const SourceFacts& facts, std::string_view language)
      : t_(text), all_(text.text), doc_(doc), seg_(seg), rules_(rules), facts_(facts), lex_(rules.lexicon(language)) {}

  ResolutionRecord run() {
    metadata();
    build_ranges();
    paragraphs();
    footnotes();
    for (std::size_t p = 0; p < seg_.paragraphs.size(); ++p) actions(p);
    organizations();
    citations();
    stated_citations();
    deadlines();
    facts();
    return std::move(r_);
  }

 private:
  Span raw(Span s) const { return t_.raw_span(s); }

  void metadata() {
    // Metadata stands outside the paragraphs: in the masthead and header before them, and in the
    // closing formula and trailer after the operative part. Each column keeps the value the
    // source states outright, else that of the first rule that sets it.
    r_.meta = facts_.metadata;
    const std::string_view doc_text = all_.substr(0, doc_.text.end);
    std::vector<Span> outside = {doc_.text};
    if (!seg_.paragraphs.empty()) {
      std::size_t body_end = seg_.paragraphs.front().line.begin;
      for (const auto& p : seg_.paragraphs)
        if (p.kind != "annex") body_end = std::max(body_end, p.line.end);
      outside = {{doc_.text.begin, seg_.paragraphs.front().line.begin}, {body_end, doc_.text.end}};
    }
    const Profile& profile = facts_.metadata.count("body") ? rules_.profile_of_organ(facts_.metadata.at("body"))
                                                           : rules_.profiles.at(doc_.profile);
    profile_ = &profile;
    for (const auto& rule : profile.metadata) {
      for (const Span part : outside) {
        const auto m = rule.pattern.find(doc_text, part.begin, part.end);
        if (!m) continue;
        for (const auto& [column, value] : values(rule, doc_text, *m, rules_.vocabulary))
          r_.meta.emplace(column, value);
        break;
      }
    }
    if (!profile.organ.empty()) r_.meta.emplace("body", profile.organ);  // the organ the profile reads
    if (!r_.meta.count("symbol"))
      throw InputError("extract", line_of(all_, doc_.text.begin),
                       "no resolution symbol: the heading gives no symbol such as A/RES/68/272",
                       excerpt(all_, seg_.header.begin));
    r_.span = raw(doc_.text);
  }

 public:
  static std::map<std::string, std::string> values(const MetadataRule& rule, std::string_view text,
                                                   const Pattern::Match& m, const Vocabulary& vocabulary) {
    std::map<std::string, std::string> out;
    const auto put = [&](const std::string& column, std::string value) {
      if (value.empty()) return;
      if (column == "adopted_on" || column == "distributed_on") {
        const auto iso = vocabulary.iso_date(value);
        if (!iso) return;
        value = *iso;
      }
      out.emplace(column, std::move(value));
    };
    for (const auto& [column, tmpl] : rule.set) put(column, render_template(tmpl, text, rule.pattern, m));
    for (const auto& [name, index] : rule.pattern.group_names()) put(name, fold_space(group_text(text, m, index)));
    return out;
  }

 private:
  void paragraphs() {
    std::vector<std::vector<Span>> marks(seg_.paragraphs.size());
    for (const auto& mark : seg_.marks) marks[mark.paragraph].push_back(mark.span);
    bool any_operative = false;
    for (std::size_t i = 0; i < seg_.paragraphs.size(); ++i) {
      const auto& p = seg_.paragraphs[i];
      any_operative |= p.kind == "operative";
      const char* rule = p.parent >= 0             ? "document.subparagraph"
                         : p.kind == "preambular" ? "document.preambular"
                                                  : "document.operative";
      r_.paragraphs.push_back(
          {p.kind, p.number, clean_text(all_, p.body, marks[i]), p.parent, p.ordinal, raw(p.line), std::nullopt, rule});
    }
    if (!any_operative)
      throw InputError("segment", line_of(all_, doc_.text.begin),
                       "no operative paragraph (truncated resolution?)", excerpt(all_, seg_.header.end));
  }

  void footnotes() {
    for (const auto& f : seg_.footnotes)
      r_.footnotes.push_back({f.number, fold_space(view(all_, f.body)), raw(f.line), "document.footnote"});
    for (const auto& m : seg_.marks)
      r_.footnote_refs.push_back(
          {m.paragraph, m.footnote, t_.map.to_raw(m.span.begin), m.rule_id ? m.rule_id : "document.footnote_marks"});
  }

  void actions(std::size_t index) {
    const auto& p = seg_.paragraphs[index];
    const bool preamble = p.kind == "preambular";
    const std::string_view body = view(all_, p.body);
    // The action of a phrase of `lemma` that ends at `end` of the body, and the rule id that says
    // which of the lexicon's `when` alternatives gave it, if one did. (Both verbs of "Prend note et
    // se félicite du rapport" are read against what follows the whole opener: their shared object.)
    const auto action = [&](const std::string& lemma, std::size_t end, const char* rule) {
      const auto choice = lex_.action_after(lemma, body, end);
      return std::pair{choice.action, PhraseLexicon::rule_with(rule, choice)};
    };
    const auto add = [&](const PhraseMatch& m, std::size_t base, bool lead, const char* rule) {
      const Span span{base + m.whole.begin, base + (m.second ? m.second->span.begin : m.whole.end)};
      // The lead phrase is the whole opener ("Recalling and further endorsing"); a coordinated
      // second verb is also an action of its own.
      const Span phrase = lead ? Span{base + m.whole.begin, base + m.whole.end} : span;
      auto [verb, rule_id] = action(m.lemma, m.whole.end, rule);
      r_.actions.push_back({index, fold_space(view(all_, phrase)), m.lemma, m.modifier, m.qualifier, lead,
                            std::move(rule_id), raw(phrase), std::move(verb)});
      if (m.second) {
        auto [verb2, rule2] = action(m.second->lemma, m.whole.end, "phrase-coordinated");
        r_.actions.push_back({index, fold_space(view(all_, {base + m.second->span.begin, base + m.second->span.end})),
                              m.second->lemma, m.second->modifier, {}, false, std::move(rule2),
                              raw({base + m.second->span.begin, base + m.second->span.end}), std::move(verb2)});
      }
    };
    std::size_t after_lead = 0;
    const auto kind = preamble ? PhraseKind::preambular : PhraseKind::operative;
    const Span marked = index < facts_.leads.size() ? facts_.leads[index] : Span{};
    if (marked.size() && marked.begin >= p.body.begin && marked.begin <= p.body.begin + 3 && marked.end <= p.body.end) {
      // The source marks the lead phrase (at the head of the paragraph): that is the phrase, as
      // printed, and the lexicon reads its lemma from it alone ("Expressing" of "Expressing full
      // support"). A phrase the lexicon of the resolution's language does not know is its own
      // lemma and action.
      const std::string_view lead = body.substr(0, marked.end - p.body.begin);
      auto m = match_phrase(lex_, kind, lead, marked.begin - p.body.begin);
      if (!m) m = match_phrase(lex_, kind, body, marked.begin - p.body.begin);
      const std::string phrase = fold_space(view(all_, marked));
      const std::string lemma = m ? m->lemma : phrase;
      // (What follows the phrase as the lexicon reads it, which may end inside the marking.)
      auto [verb, rule_id] = action(lemma, m ? m->whole.end : marked.end - p.body.begin, "akn.lead");
      r_.actions.push_back({index, phrase, lemma, m ? m->modifier : std::string(), m ? m->qualifier : std::string(),
                            true, std::move(rule_id), raw(marked), std::move(verb)});
      after_lead = marked.end - p.body.begin;
    } else if (const auto m = match_phrase(lex_, kind, body, 0)) {
      add(*m, p.body.begin, true, preamble ? "phrase-lead-preambular" : "phrase-lead-operative");
      after_lead = m->whole.end;
    }
    // (A language's lexicon without a secondary_connector finds no later actions.)
    if (preamble || p.kind == "annex" || !lex_.secondary_connector.valid()) return;
    // Later actions in an operative paragraph: ", and requests the Secretary-General to …".
    for (const auto& c : lex_.secondary_connector.find_all(body, after_lead))
      if (const auto m = match_phrase(lex_, PhraseKind::operative, body, c.whole.end, true))
        add(*m, p.body.begin, false, "phrase-secondary");
  }

  // Every text range that is searched for entities: paragraph bodies and footnote bodies, in
  // text order. Each pattern is run once over the whole region they cover (one RE2 call per
  // pattern instead of one per range), and a match counts for the range that holds it whole.
  struct Range {
    Span span;
    int paragraph = -1, footnote = -1;
  };
  void build_ranges() {
    for (std::size_t i = 0; i < seg_.paragraphs.size(); ++i) ranges_.push_back({seg_.paragraphs[i].body, static_cast<int>(i), -1});
    for (std::size_t i = 0; i < seg_.footnotes.size(); ++i) ranges_.push_back({seg_.footnotes[i].body, -1, static_cast<int>(i)});
    std::sort(ranges_.begin(), ranges_.end(), [](const Range& a, const Range& b) { return a.span.begin < b.span.begin; });
  }
  Span region() const { return ranges_.empty() ? Span{} : Span{ranges_.front().span.begin, ranges_.back().span.end}; }
  const Range* range_of(Span s) const {
    auto it = std::upper_bound(ranges_.begin(), ranges_.end(), s.begin,
                               [](std::size_t at, const Range& r) { return at < r.span.begin; });
    if (it == ranges_.begin()) return nullptr;
    --it;
    return s.end <= it->span.end ? &*it : nullptr;
  }

  void organizations() {
    const auto& gaz = rules_.organizations;
    if (gaz.matcher.empty() || ranges_.empty()) return;
    const Span all = region();
    std::map<std::string, std::size_t> defined;   // acronyms this resolution defines
    std::vector<Span> taken;
    for (const Span m : gaz.matcher.find_all(all_, all.begin, all.end)) {
      const Range* range = range_of(m);
      if (!range) continue;
      const std::string surface(view(all_, m));
      const auto entry = gaz.entry_of_surface.find(surface);
      if (entry == gaz.entry_of_surface.end()) continue;
      r_.mentions.push_back({entry->second, range->paragraph, surface, "gazetteer", raw(m)});
      taken.push_back(m);
      if (const auto d = gaz.defined_acronym.match_at(all_.substr(0, range->span.end), m.end)) {
        const std::string acronym(group_text(all_, *d, gaz.defined_acronym.group("acronym")));
        // (An acronym that cannot be matched as a whole word is not looked for.)
        if (!acronym.empty() && std::isalnum(static_cast<unsigned char>(acronym.front())) &&
            !gaz.entry_of_surface.count(acronym))
          defined.emplace(acronym, entry->second);
      }
    }
    if (defined.empty()) return;
    std::vector<std::string> acronyms;
    for (const auto& [a, e] : defined) acronyms.push_back(a);
    for (const Span m : LiteralSet(acronyms).find_all(all_, all.begin, all.end)) {
      const Range* range = range_of(m);
      const bool inside = std::any_of(taken.begin(), taken.end(), [&](Span t) { return m.begin < t.end && t.begin < m.end; });
      if (!range || inside) continue;
      const std::string surface(view(all_, m));
      r_.mentions.push_back({defined.at(surface), range->paragraph, surface, "defined-acronym", raw(m)});
    }
  }

  void citations() {
    std::vector<std::vector<std::size_t>> of_footnote(seg_.footnotes.size());  // citation indexes
    for (const auto& hit : find_citations(rules_, all_, region())) {
      const Range* range = range_of(hit.span);
      if (!range) continue;
      if (range->footnote >= 0) of_footnote[static_cast<std::size_t>(range->footnote)].push_back(r_.citations.size());
      r_.citations.push_back({range->paragraph, range->footnote, hit.kind, hit.target, hit.cited_date,
                              fold_space(view(all_, hit.span)), hit.rule->id, raw(hit.span), hit.part});
    }
    // "Ibid." stands for the previous footnote's references when it names none of its own.
    for (std::size_t f = 1; f < seg_.footnotes.size(); ++f) {
      const Span body = seg_.footnotes[f].body;
      const auto ibid = rules_.ibid.match_at(all_.substr(0, body.end), body.begin);
      if (!ibid || !of_footnote[f].empty()) continue;
      for (const std::size_t c : std::vector<std::size_t>(of_footnote[f - 1])) {
        CitationRecord copy = r_.citations[c];
        copy.footnote = static_cast<int>(f);
        copy.surface = fold_space(view(all_, ibid->whole));
        copy.rule_id = "ibid/" + copy.rule_id;
        copy.span = raw(ibid->whole);
        of_footnote[f].push_back(r_.citations.size());
        r_.citations.push_back(std::move(copy));
      }
    }
    // A paragraph that points at a footnote cites what the footnote cites.
    std::set<std::tuple<std::size_t, std::size_t>> seen;
    for (const auto& mark : seg_.marks) {
      if (!seen.insert({mark.paragraph, mark.footnote}).second) continue;
      for (const std::size_t c : of_footnote[mark.footnote]) {
        CitationRecord copy = r_.citations[c];
        copy.paragraph = static_cast<int>(mark.paragraph);
        copy.footnote = -1;
        copy.rule_id = "footnote/" + copy.rule_id;
        r_.citations.push_back(std::move(copy));
      }
    }
  }

  // Citations the source states itself (an XML or PDF link), beside those the rules find; their
  // rule id says which source they came from. A link to a target the rules already found at the
  // same place (same paragraph or footnote, overlapping text) adds no row: the rules' row says more
  // (the kind, the date, "resolution 70/1 of 25 September 2015"), and one reference is one row;
  // with SourceFacts::confirm, that row's rule id says the link confirms it ("ga-resolution+pdf.link").
  void stated_citations() {
    const std::size_t found = r_.citations.size();
    for (CitationRecord c : facts_.citations) {
      c.span = raw(c.span);
      bool duplicate = false;
      for (std::size_t i = 0; i < found; ++i) {
        auto& o = r_.citations[i];
        if (o.target != c.target || o.paragraph != c.paragraph || o.footnote != c.footnote ||
            o.span.begin >= c.span.end || c.span.begin >= o.span.end)
          continue;
        duplicate = true;
        const std::string confirmed = "+" + c.rule_id;
        if (facts_.confirm && !o.rule_id.ends_with(confirmed)) o.rule_id += confirmed;
      }
      if (!duplicate) r_.citations.push_back(std::move(c));
    }
  }

  void deadlines() {
    std::optional<int> session;
    if (const auto s = r_.meta.find("session"); s != r_.meta.end()) session = rules_.vocabulary.number(s->second);
    std::map<int, std::vector<DeadlineHit>> by_paragraph;
    Span operative{0, 0};  // from the first operative paragraph to the last
    for (const auto& p : seg_.paragraphs)
      if (p.kind == "operative") operative = operative.end ? Span{operative.begin, p.body.end} : p.body;
    for (auto& hit : find_deadlines(rules_, all_, operative, session)) {
      const Range* range = range_of(hit.record.span);
      if (range && range->paragraph >= 0 && seg_.paragraphs[static_cast<std::size_t>(range->paragraph)].kind == "operative")
        by_paragraph[range->paragraph].push_back(std::move(hit));
    }
    for (auto& [paragraph, hits] : by_paragraph) {
      settle_deadlines(hits);
      for (auto& hit : hits) {
        if (hit.record.kind == kPastReference) continue;
        hit.record.paragraph = static_cast<std::size_t>(paragraph);
        hit.record.span = raw(hit.record.span);
        r_.deadlines.push_back(std::move(hit.record));
      }
    }
  }

  // The profile's fact rules, searched in the resolution's body: from its first paragraph to the
  // end of its last one that is not an annex's, so that a heading line between paragraphs counts
  // (the XML of S/RES/1295(2000) sets "Acting under Chapter VII …" as a crossHeading) and an
  // annex (a text the resolution quotes or adopts) does not. A match belongs to the innermost
  // paragraph whose line holds its start, else to none (a heading). Every column a rule of the
  // profile sets is sought: 0 unless a row sets it.
  void facts() {
    for (const auto& rule : profile_->facts) r_.facts_sought.insert(rule.column);
    if (profile_->facts.empty() || seg_.paragraphs.empty()) return;
    Span body{seg_.paragraphs.front().line.begin, seg_.paragraphs.front().line.begin};
    for (const auto& p : seg_.paragraphs)
      if (p.kind != "annex") body.end = std::max(body.end, p.line.end);
    const auto paragraph_at = [&](std::size_t at) {
      int best = -1;
      for (std::size_t i = 0; i < seg_.paragraphs.size(); ++i) {
        const Span line = seg_.paragraphs[i].line;
        if (line.begin <= at && at < line.end &&
            (best < 0 || line.size() < seg_.paragraphs[static_cast<std::size_t>(best)].line.size()))
          best = static_cast<int>(i);
      }
      return best;
    };
    for (const auto& rule : profile_->facts)
      for (const Span span : find_facts(rule, all_, body))
        r_.facts.push_back({rule.column, paragraph_at(span.begin), fold_space(view(all_, span)), rule.id, raw(span)});
    std::stable_sort(r_.facts.begin(), r_.facts.end(),
                     [](const FactRecord& a, const FactRecord& b) { return a.span.begin < b.span.begin; });
  }

  const Profile* profile_ = nullptr;  // the profile the resolution is read with (metadata())
  const NormalizedText& t_;
  std::string_view all_;
  const DocumentSpan& doc_;
  const Segments& seg_;
  const RuleSet& rules_;
  const SourceFacts& facts_;
  const PhraseLexicon& lex_;   // the phrases of the resolution's language
  std::vector<Range> ranges_;
  ResolutionRecord r_;
};

}  // namespace

std::map<std::string, std::string> apply_metadata_rule(const MetadataRule& rule, std::string_view text,
                                                       const Vocabulary& vocabulary) {
  const auto m = rule.pattern.find(text);
  if (!m) return {};
  return Extractor::values(rule, text, *m, vocabulary);
}

std::vector<Span> find_facts(const FactRule& rule, std::string_view text, Span range) {
  std::vector<Span> out;
  for (const auto& m : rule.pattern.find_all(text, range.begin, range.end)) {
    // The match without the white space a line-start anchor may take in.
    const std::string_view found = trim(view(text, m.whole));
    if (found.empty()) continue;
    const auto begin = static_cast<std::size_t>(found.data() - text.data());
    out.push_back({begin, begin + found.size()});
  }
  return out;
}

// The rules that can match in `range`, by the prefilter (all of them when there is none).
std::vector<int> candidates(const PatternSet& prefilter, std::size_t rules, std::string_view text, Span range) {
  if (prefilter.valid()) return prefilter.matching(text.substr(range.begin, range.size()));
  std::vector<int> all(rules);
  for (std::size_t i = 0; i < rules; ++i) all[i] = static_cast<int>(i);
  return all;
}

std::vector<CitationHit> find_citations(const RuleSet& rules, std::string_view text, Span range) {
  struct Candidate {
    Span span;
    std::size_t rule;
    const Pattern* pattern;
    Pattern::Match match;
  };
  const std::string_view subject = text.substr(0, range.end);
  // Citations do not overlap: the earliest start wins, then the earlier rule. The scanner (all
  // rules in one alternation) finds that start in one pass; the winning rule is then the first
  // whose own pattern matches there, and gives the groups. The next search starts after the
  // citation and the list that continues it.
  std::vector<Candidate> found;
  for (std::size_t at = range.begin; at < range.end;) {
    const auto hit = rules.citation_scanner.find(subject, at);
    if (!hit) break;
    at = std::max(hit->whole.end, hit->whole.begin + 1);
    for (std::size_t r = 0; r < rules.citations.size(); ++r) {
      const auto& rule = rules.citations[r];
      // Most rules do not match here: RE2's DFA alone says so, without the work of captures.
      if (!rule.pattern.test_at(subject, hit->whole.begin)) continue;
      auto m = rule.pattern.match_at(subject, hit->whole.begin);
      if (!m) continue;
      std::size_t end = m->whole.end;
      found.push_back({m->whole, r, &rule.pattern, std::move(*m)});
      // A list continues: "resolutions 57/47 of 21 November 2002, 59/19 … and 63/24".
      while (rule.next) {
        auto n = rule.next->match_at(subject, end);
        if (!n || n->whole.end == end) break;
        end = n->whole.end;
        found.push_back({n->whole, r, &*rule.next, std::move(*n)});
      }
      at = std::max(at, end);
      break;
    }
  }
  std::vector<CitationHit> out;
  std::set<std::pair<std::size_t, std::string>> emitted;
  for (const auto& c : found) {
    const auto& rule = rules.citations[c.rule];
    std::string date;
    if (const int g = c.pattern->group("date"); g >= 0)
      if (const auto iso = rules.vocabulary.iso_date(group_text(subject, c.match, g))) date = *iso;
    // A reference to a resolution's part makes two rows: the whole resolution's, and the part's
    // (the target rendered with the group `part`), which alone carries `part`.
    std::string part;
    if (const int g = c.pattern->group("part"); g >= 0) part = fold_space(group_text(subject, c.match, g));
    for (const auto& emit : rule.emit) {
      if (!emit.when.empty() && group_text(subject, c.match, c.pattern->group(emit.when)).empty()) continue;
      std::string target = render_template(emit.target, subject, *c.pattern, c.match);
      if (target.empty() || !emitted.insert({c.span.begin, target}).second) continue;
      const bool of_part = emit.target.find("{part}") != std::string::npos;
      out.push_back({&rule, emit.kind, std::move(target), date, c.span, of_part ? part : std::string()});
    }
  }
  return out;
}

std::vector<DeadlineHit> find_deadlines(const RuleSet& rules, std::string_view text, Span range,
                                        std::optional<int> resolution_session) {
  const std::string_view subject = text.substr(0, range.end);
  const auto& vocab = rules.vocabulary;
  std::vector<DeadlineHit> out;
  for (const int index : candidates(rules.deadline_prefilter, rules.deadlines.size(), subject, range)) {
    const auto& rule = rules.deadlines[static_cast<std::size_t>(index)];
    for (const auto& m : rule.pattern.find_all(subject, range.begin)) {
      DeadlineRecord d;
      d.kind = rule.kind;
      d.rule_id = rule.id;
      d.span = m.whole;
      const auto field = [&](const char* name) {
        std::string v = group_value(rule.pattern, m, subject, name);
        if (v.empty() && rule.defaults.count(name)) v = rule.defaults.at(name);
        return v;
      };
      if (const std::string s = field("session"); !s.empty()) {
        if (const auto rel = vocab.relative_sessions.find(fold_case(s)); rel != vocab.relative_sessions.end()) {
          if (resolution_session) d.session = *resolution_session + rel->second;
        } else {
          d.session = vocab.number(s);
        }
        if (!d.session) continue;  // not a session we can read: not this rule's match
      }
      d.requested_of = field("requested_of");
      d.body = field("body");
      d.subject = field("subject");
      if (const std::string date = field("due_date"); !date.empty()) d.due_date = vocab.iso_date(date).value_or("");
      if (const std::string year = field("due_year"); !year.empty()) d.due_year = vocab.number(year);
      if (!d.due_date.empty() && !d.due_year) d.due_year = std::stoi(d.due_date.substr(0, 4));
      // Due to the resolution's own body at a session before the resolution's: a past reference.
      if (!d.body.empty() && d.body == rules.deadline_own_body && d.session && resolution_session && *d.session < *resolution_session)
        continue;
      out.push_back({&rule, std::move(d)});
    }
  }
  return out;
}

void settle_deadlines(std::vector<DeadlineHit>& hits) {
  // "submit a report under this item": the session another deadline of the paragraph names.
  // (Each step is linear or n log n: a paragraph may hold a million hits.)
  for (const auto& other : hits)
    if (other.record.session && !other.rule->session_from_paragraph) {
      for (auto& hit : hits)
        if (hit.rule->session_from_paragraph) hit.record.session = other.record.session;
      break;
    }
  // The same request found by two rules is one deadline: a hit is dropped when it overlaps one kept
  // before it of the same kind and session. Kept spans of one kind and session do not overlap, so
  // the one with the last start before this hit's end (the longest of those starting there) is the
  // only one to compare with.
  std::map<std::pair<std::string, std::optional<int>>, std::map<std::size_t, std::size_t>> kept;  // start -> end
  std::vector<DeadlineHit> unique;
  for (auto& hit : hits) {
    const Span s = hit.record.span;
    auto& spans = kept[{hit.record.kind, hit.record.session}];
    const auto after = spans.lower_bound(s.end);
    if (after != spans.begin() && s.begin < std::prev(after)->second) continue;
    auto& end = spans[s.begin];
    end = std::max(end, s.end);
    unique.push_back(std::move(hit));
  }
  // A hit of kind past_reference ("the report submitted to the Assembly at its sixty-second
  // session") is text about the past: a deadline it overlaps at the same session is that text
  // read as a request, and is dropped. (The past_reference hits stay, for the rules' examples;
  // the extractor stores none.)
  std::vector<const DeadlineHit*> past;
  for (const auto& hit : unique)
    if (hit.record.kind == kPastReference) past.push_back(&hit);
  if (!past.empty()) {
    std::vector<DeadlineHit> kept_hits;
    for (auto& hit : unique) {
      const Span s = hit.record.span;
      const bool refers_to_past = hit.record.kind != kPastReference &&
                                  std::any_of(past.begin(), past.end(), [&](const DeadlineHit* p) {
                                    return p->record.session == hit.record.session && s.begin < p->record.span.end &&
                                           p->record.span.begin < s.end;
                                  });
      if (!refers_to_past) kept_hits.push_back(std::move(hit));
    }
    unique = std::move(kept_hits);
  }
  std::sort(unique.begin(), unique.end(), [](const DeadlineHit& a, const DeadlineHit& b) {
    return a.record.span.begin < b.record.span.begin;
  });
  hits = std::move(unique);
}

ResolutionRecord extract(const NormalizedText& text, const DocumentSpan& doc, const Segments& segments,
                         const RuleSet& rules, const SourceFacts& facts, std::string_view language) {
  return Extractor(text, doc, segments, rules, facts, language).run();
}

}  // namespace unres
