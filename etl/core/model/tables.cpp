#include "model/tables.h"

#include <algorithm>
#include <charconv>

namespace unres {

namespace {

ColumnValue offset(std::size_t at) { return static_cast<std::int64_t>(at); }

// The resolutions columns a resolution's metadata fills, in INSERT order.
const std::vector<Column>& metadata_columns() {
  static const std::vector<Column> columns = {
      {"symbol", ColumnType::text},          {"body", ColumnType::text},
      {"session", ColumnType::integer},      {"number", ColumnType::integer},
      {"title", ColumnType::text},           {"adopted_on", ColumnType::date},
      {"committee", ColumnType::text},       {"basis_symbol", ColumnType::text},
      {"plenary_meeting", ColumnType::integer}, {"agenda_item", ColumnType::text},
      {"distributed_on", ColumnType::date},  {"job_number", ColumnType::text},
      {"language", ColumnType::text},        {"year", ColumnType::integer},
      {"meeting", ColumnType::integer},      {"draft_symbol", ColumnType::text}};
  return columns;
}

// The resolutions columns that fact rules set (a profile's `facts`, docs/rules.md): 1 when one of
// its rules matches the resolution's text, 0 when none does, NULL when the resolution's profile has
// no rule for the column. What establishes a fact is the rules' (mappings/); here only its column.
const std::vector<Column>& fact_columns() {
  static const std::vector<Column> columns = {{"chapter_vii", ColumnType::integer}};
  return columns;
}

// A fact column's value for a resolution (see fact_columns).
ColumnValue fact_value(const ResolutionRecord& r, const std::string& column) {
  if (!r.facts_sought.count(column)) return {};
  const bool found = std::any_of(r.facts.begin(), r.facts.end(), [&](const FactRecord& f) { return f.fact == column; });
  return std::int64_t{found ? 1 : 0};
}

// One row per resolution: its metadata, then its document and span.
Table resolutions_table() {
  Table t;
  t.name = "resolutions";
  t.parent_column = "document_id";
  t.parent_table = "documents";
  t.columns = metadata_columns();
  const std::size_t meta = t.columns.size();
  t.columns.push_back({"document_id", ColumnType::integer});
  t.columns.push_back({"start_offset", ColumnType::integer});
  t.columns.push_back({"end_offset", ColumnType::integer});
  // Where draft_symbol came from: 'document' when the source states it (the XML's draftResolution
  // step, a rule), 'records' when the end of a run took it from the published record
  // (WriterSession::drafts_from_records), NULL when neither has one.
  t.columns.push_back({"draft_source", ColumnType::text});
  const std::size_t facts = t.columns.size();
  for (const auto& c : fact_columns()) t.columns.push_back(c);
  // The vote counts as published: written NULL with the resolution, set at the end of each run from
  // its published record, the source of the votes view too (WriterSession::votes_from_records).
  const std::size_t votes = t.columns.size();
  for (const char* name : {"votes_yes", "votes_no", "votes_abstain", "votes_non_voting"})
    t.columns.push_back({name, ColumnType::integer});
  t.rows = [](const ResolutionRecord&) -> std::size_t { return 1; };
  t.value = [meta, facts, votes](const ResolutionRecord& r, std::size_t, std::size_t c, const RowIds& ids) -> ColumnValue {
    static const std::string document = "document";
    if (c >= votes) return {};
    if (c >= facts) return fact_value(r, fact_columns()[c - facts].name);
    if (c == meta) return ids.document;
    if (c == meta + 1) return offset(r.span.begin);
    if (c == meta + 2) return offset(r.span.end);
    if (c == meta + 3) {
      const auto draft = r.meta.find("draft_symbol");
      return draft == r.meta.end() || draft->second.empty() ? ColumnValue{} : ColumnValue{&document};
    }
    const Column& column = metadata_columns()[c];
    const auto it = r.meta.find(column.name);
    if (it == r.meta.end() || it->second.empty()) return column.name == "language" ? kDefaultLanguage : ColumnValue{};
    if (column.type == ColumnType::integer) {
      // Checked by metadata_problem() before the document is written.
      if (const auto v = whole_number(it->second)) return *v;
      return {};
    }
    return &it->second;
  };
  t.keeps = Table::Keeps::resolution;
  t.stable_key = {{"symbol", "language"}, ""};  // UNIQUE(symbol, language)
  return t;
}

// One row per resolution a document holds, whichever source is chosen for it: what this source
// says of it, for comparing the sources of one resolution (the view source_disagreements). Keyed
// by symbol and language, not by resolutions.id, as the published records: a source may be loaded
// before or after the one whose rows stand for the resolution.
Table resolution_sources_table() {
  Table t;
  t.name = "resolution_sources";
  t.parent_column = "document_id";
  t.parent_table = "documents";
  // The metadata columns compared across sources, as named in resolutions (not basis_symbol:
  // the XML states the paragraph of the report, ", para. 7", a text layout not).
  static const std::vector<std::string> compared = {"title",       "adopted_on",      "distributed_on",
                                                    "committee",   "plenary_meeting", "agenda_item",
                                                    "draft_symbol", "job_number"};
  t.columns = {{"document_id", ColumnType::integer}, {"symbol", ColumnType::text}, {"language", ColumnType::text}};
  for (const auto& name : compared)
    for (const auto& c : metadata_columns())
      if (c.name == name) t.columns.push_back(c);
  t.columns.push_back({"preambular_paragraphs", ColumnType::integer});
  t.columns.push_back({"operative_paragraphs", ColumnType::integer});
  t.columns.push_back({"footnotes", ColumnType::integer});
  const std::size_t counts = t.columns.size() - 3;
  // And what its text establishes (fact columns: the rules read each source's own paragraphs).
  const std::size_t facts = t.columns.size();
  for (const auto& c : fact_columns()) t.columns.push_back(c);
  t.rows = [](const ResolutionRecord&) -> std::size_t { return 1; };
  t.value = [columns = t.columns, counts, facts](const ResolutionRecord& r, std::size_t, std::size_t c,
                                                 const RowIds& ids) -> ColumnValue {
    if (c >= facts) return fact_value(r, columns[c].name);
    const auto top_level = [&](std::string_view kind) {
      std::int64_t n = 0;
      for (const auto& p : r.paragraphs) n += p.parent < 0 && p.kind == kind;
      return ColumnValue{n};
    };
    if (c == 0) return ids.document;
    if (c == counts) return top_level("preambular");
    if (c == counts + 1) return top_level("operative");
    if (c == counts + 2) return static_cast<std::int64_t>(r.footnotes.size());
    const Column& column = columns[c];
    const auto it = r.meta.find(column.name);
    if (it == r.meta.end() || it->second.empty()) return column.name == "language" ? kDefaultLanguage : ColumnValue{};
    if (column.type == ColumnType::integer) {
      if (const auto v = whole_number(it->second)) return *v;  // checked by metadata_problem()
      return {};
    }
    return &it->second;
  };
  t.every_source = true;
  return t;
}

template <class R, std::vector<R> ResolutionRecord::*member>
std::span<const R> all(const ResolutionRecord& r) {
  return r.*member;
}

// The UN's published records (records files): one row per record, and its votes, sponsors,
// subjects and SDGs, each keyed by (document_id, symbol). The contract's votes and sponsors are
// views over them, joined to resolutions by symbol (sql/views.sql).
std::span<const PublishedRecord> itself(const PublishedRecord& r) { return {&r, 1}; }
template <class R, std::vector<R> PublishedRecord::*member>
std::span<const R> all_of(const PublishedRecord& r) {
  return r.*member;
}
template <class R>
ColumnValue document_of(const R&, const RowIds& ids) {
  return ids.document;
}
template <class R>
ColumnValue symbol_of(const R&, const RowIds& ids) {
  return &ids.record->symbol;
}

void add_record_tables(TableRegistry& registry) {
  using T = ColumnType;
  using P = PublishedRecord;
  registry.add(make_record_table<P>(
      "records", &itself,
      {{"document_id", T::integer, &document_of<P>},
       {"symbol", T::text, &symbol_of<P>},
       {"body", T::text, [](const P& r, const RowIds&) { return text_or_null(r.body); }},
       {"year", T::integer, [](const P& r, const RowIds&) { return optional_int(r.year); }},
       {"adopted_on", T::date, [](const P& r, const RowIds&) { return text_or_null(r.adopted_on); }},
       {"meeting", T::integer, [](const P& r, const RowIds&) { return optional_int(r.meeting); }},
       {"meeting_record", T::text, [](const P& r, const RowIds&) { return text_or_null(r.meeting_record); }},
       {"draft_symbol", T::text, [](const P& r, const RowIds&) { return text_or_null(r.draft_symbol); }},
       {"adoption_type", T::text, [](const P& r, const RowIds&) { return text_or_null(r.adoption_type); }},
       {"votes_yes", T::integer, [](const P& r, const RowIds&) { return optional_int(r.votes_yes); }},
       {"votes_no", T::integer, [](const P& r, const RowIds&) { return optional_int(r.votes_no); }},
       {"votes_abstain", T::integer, [](const P& r, const RowIds&) { return optional_int(r.votes_abstain); }},
       {"line", T::integer, [](const P& r, const RowIds&) -> ColumnValue { return static_cast<std::int64_t>(r.line); }}}));
  registry.add(make_record_table<RecordVote>(
      "record_votes", &all_of<RecordVote, &P::votes>,
      {{"document_id", T::integer, &document_of<RecordVote>},
       {"symbol", T::text, &symbol_of<RecordVote>},
       {"member_state", T::text, [](const RecordVote& v, const RowIds&) -> ColumnValue { return &v.member_state; }},
       {"iso3", T::text, [](const RecordVote& v, const RowIds&) { return text_or_null(v.iso3); }},
       // vote_name() views a string literal: NUL-terminated.
       {"vote", T::text, [](const RecordVote& v, const RowIds&) -> ColumnValue { return vote_name(v.vote).data(); }}}));
  registry.add(make_record_table<RecordSponsor>(
      "record_sponsors", &all_of<RecordSponsor, &P::sponsors>,
      {{"document_id", T::integer, &document_of<RecordSponsor>},
       {"symbol", T::text, &symbol_of<RecordSponsor>},
       {"member_state", T::text, [](const RecordSponsor& s, const RowIds&) -> ColumnValue { return &s.member_state; }},
       {"iso3", T::text, [](const RecordSponsor& s, const RowIds&) { return text_or_null(s.iso3); }},
       {"kind", T::text, [](const RecordSponsor& s, const RowIds&) -> ColumnValue { return &s.kind; }},
       {"on_behalf_of", T::text, [](const RecordSponsor& s, const RowIds&) { return text_or_null(s.on_behalf_of); }}}));
  registry.add(make_record_table<RecordSubject>(
      "record_subjects", &all_of<RecordSubject, &P::subjects>,
      {{"document_id", T::integer, &document_of<RecordSubject>},
       {"symbol", T::text, &symbol_of<RecordSubject>},
       {"term", T::text, [](const RecordSubject& s, const RowIds&) -> ColumnValue { return &s.term; }},
       {"source", T::text, [](const RecordSubject& s, const RowIds&) { return text_or_null(s.source); }}}));
  registry.add(make_record_table<std::string>(
      "record_sdgs", &all_of<std::string, &P::sdgs>,
      {{"document_id", T::integer, &document_of<std::string>},
       {"symbol", T::text, &symbol_of<std::string>},
       // The reader keeps goal numbers only (1 to 17).
       {"sdg", T::integer, [](const std::string& goal, const RowIds&) -> ColumnValue {
          return whole_number(goal).value_or(0);
        }}}));
}

TableRegistry make_builtin() {
  using T = ColumnType;
  TableRegistry registry;
  registry.add(resolutions_table());
  registry.add(resolution_sources_table());

  Table paragraphs = make_table<ParagraphRecord>(
      "paragraphs", "resolution_id", "resolutions", &all<ParagraphRecord, &ResolutionRecord::paragraphs>,
      {{"resolution_id", T::integer, [](const ParagraphRecord&, const RowIds& ids) -> ColumnValue { return ids.resolution; }},
       {"kind", T::text, [](const ParagraphRecord& p, const RowIds&) -> ColumnValue { return &p.kind; }},
       {"ordinal", T::integer, [](const ParagraphRecord& p, const RowIds&) -> ColumnValue { return std::int64_t{p.ordinal}; }},
       {"number", T::text, [](const ParagraphRecord& p, const RowIds&) { return text_or_null(p.number); }},
       {"parent_id", T::integer, [](const ParagraphRecord& p, const RowIds& ids) { return ids.paragraph(p.parent); }},
       {"text", T::text, [](const ParagraphRecord& p, const RowIds&) -> ColumnValue { return &p.text; }},
       {"rule_id", T::text, [](const ParagraphRecord& p, const RowIds&) -> ColumnValue { return p.rule_id; }},
       {"start_offset", T::integer, [](const ParagraphRecord& p, const RowIds&) { return offset(p.span.begin); }},
       {"end_offset", T::integer, [](const ParagraphRecord& p, const RowIds&) { return offset(p.span.end); }},
       {"page", T::integer, [](const ParagraphRecord& p, const RowIds&) { return optional_int(p.page); }}});
  paragraphs.keeps = Table::Keeps::paragraphs;
  // A top-level paragraph by kind and ordinal ("operative 5"), a sub-paragraph by its own within
  // its parent's ("operative 5 / operative 1": sub-paragraphs take their parent's kind).
  paragraphs.stable_key = {{"kind", "ordinal"}, "parent_id"};
  paragraphs.full_text = true;
  registry.add(std::move(paragraphs));

  // Where a fact rule matched (FactRecord): the paragraph and text that set a fact column of
  // resolutions; paragraph_id NULL for a heading line between paragraphs.
  registry.add(make_table<FactRecord>(
      "resolution_facts", "resolution_id", "resolutions", &all<FactRecord, &ResolutionRecord::facts>,
      {{"resolution_id", T::integer, [](const FactRecord&, const RowIds& ids) -> ColumnValue { return ids.resolution; }},
       {"paragraph_id", T::integer, [](const FactRecord& f, const RowIds& ids) { return ids.paragraph(f.paragraph); }},
       {"fact", T::text, [](const FactRecord& f, const RowIds&) -> ColumnValue { return &f.fact; }},
       {"surface", T::text, [](const FactRecord& f, const RowIds&) -> ColumnValue { return &f.surface; }},
       {"rule_id", T::text, [](const FactRecord& f, const RowIds&) -> ColumnValue { return &f.rule_id; }},
       {"start_offset", T::integer, [](const FactRecord& f, const RowIds&) { return offset(f.span.begin); }},
       {"end_offset", T::integer, [](const FactRecord& f, const RowIds&) { return offset(f.span.end); }}}));

  registry.add(make_table<ActionRecord>(
      "action_verbs", "paragraph_id", "paragraphs", &all<ActionRecord, &ResolutionRecord::actions>,
      {{"paragraph_id", T::integer, [](const ActionRecord& a, const RowIds& ids) { return ids.paragraph(static_cast<int>(a.paragraph)); }},
       {"phrase", T::text, [](const ActionRecord& a, const RowIds&) -> ColumnValue { return &a.phrase; }},
       {"lemma", T::text, [](const ActionRecord& a, const RowIds&) -> ColumnValue { return &a.lemma; }},
       {"action", T::text, [](const ActionRecord& a, const RowIds&) -> ColumnValue { return &a.action; }},
       // Written as the lexicon's; WriterSession::align_actions sets 'english' where it takes the action
       // of the aligned English paragraph.
       {"action_source", T::text, [](const ActionRecord&, const RowIds&) -> ColumnValue { return "lexicon"; }},
       {"modifier", T::text, [](const ActionRecord& a, const RowIds&) { return text_or_null(a.modifier); }},
       {"qualifier", T::text, [](const ActionRecord& a, const RowIds&) { return text_or_null(a.qualifier); }},
       {"is_lead", T::integer, [](const ActionRecord& a, const RowIds&) -> ColumnValue { return std::int64_t{a.is_lead ? 1 : 0}; }},
       {"rule_id", T::text, [](const ActionRecord& a, const RowIds&) -> ColumnValue { return &a.rule_id; }},
       {"start_offset", T::integer, [](const ActionRecord& a, const RowIds&) { return offset(a.span.begin); }},
       {"end_offset", T::integer, [](const ActionRecord& a, const RowIds&) { return offset(a.span.end); }}}));

  Table footnotes = make_table<FootnoteRecord>(
      "footnotes", "resolution_id", "resolutions", &all<FootnoteRecord, &ResolutionRecord::footnotes>,
      {{"resolution_id", T::integer, [](const FootnoteRecord&, const RowIds& ids) -> ColumnValue { return ids.resolution; }},
       {"number", T::integer, [](const FootnoteRecord& f, const RowIds&) -> ColumnValue { return std::int64_t{f.number}; }},
       {"text", T::text, [](const FootnoteRecord& f, const RowIds&) -> ColumnValue { return &f.text; }},
       {"rule_id", T::text, [](const FootnoteRecord& f, const RowIds&) -> ColumnValue { return f.rule_id; }},
       {"start_offset", T::integer, [](const FootnoteRecord& f, const RowIds&) { return offset(f.span.begin); }},
       {"end_offset", T::integer, [](const FootnoteRecord& f, const RowIds&) { return offset(f.span.end); }}});
  footnotes.keeps = Table::Keeps::footnotes;
  footnotes.stable_key = {{"number"}, ""};
  registry.add(std::move(footnotes));

  registry.add(make_table<FootnoteRefRecord>(
      "footnote_refs", "paragraph_id", "paragraphs", &all<FootnoteRefRecord, &ResolutionRecord::footnote_refs>,
      {{"paragraph_id", T::integer, [](const FootnoteRefRecord& f, const RowIds& ids) { return ids.paragraph(static_cast<int>(f.paragraph)); }},
       {"footnote_id", T::integer, [](const FootnoteRefRecord& f, const RowIds& ids) { return ids.footnote(static_cast<int>(f.footnote)); }},
       {"start_offset", T::integer, [](const FootnoteRefRecord& f, const RowIds&) { return offset(f.offset); }},
       {"rule_id", T::text, [](const FootnoteRefRecord& f, const RowIds&) -> ColumnValue { return f.rule_id; }}}));

  registry.add(make_table<MentionRecord>(
      "organization_mentions", "resolution_id", "resolutions", &all<MentionRecord, &ResolutionRecord::mentions>,
      {{"organization_id", T::integer, [](const MentionRecord& m, const RowIds& ids) -> ColumnValue { return ids.organizations->at(m.organization); }},
       {"resolution_id", T::integer, [](const MentionRecord&, const RowIds& ids) -> ColumnValue { return ids.resolution; }},
       {"paragraph_id", T::integer, [](const MentionRecord& m, const RowIds& ids) { return ids.paragraph(m.paragraph); }},
       {"surface", T::text, [](const MentionRecord& m, const RowIds&) -> ColumnValue { return &m.surface; }},
       {"rule_id", T::text, [](const MentionRecord& m, const RowIds&) -> ColumnValue { return &m.rule_id; }},
       {"start_offset", T::integer, [](const MentionRecord& m, const RowIds&) { return offset(m.span.begin); }},
       {"end_offset", T::integer, [](const MentionRecord& m, const RowIds&) { return offset(m.span.end); }}}));

  registry.add(make_table<CitationRecord>(
      "citations", "resolution_id", "resolutions", &all<CitationRecord, &ResolutionRecord::citations>,
      {{"resolution_id", T::integer, [](const CitationRecord&, const RowIds& ids) -> ColumnValue { return ids.resolution; }},
       {"paragraph_id", T::integer, [](const CitationRecord& c, const RowIds& ids) { return ids.paragraph(c.paragraph); }},
       {"footnote_id", T::integer, [](const CitationRecord& c, const RowIds& ids) { return ids.footnote(c.footnote); }},
       {"kind", T::text, [](const CitationRecord& c, const RowIds&) -> ColumnValue { return &c.kind; }},
       {"target", T::text, [](const CitationRecord& c, const RowIds&) -> ColumnValue { return &c.target; }},
       {"cited_date", T::date, [](const CitationRecord& c, const RowIds&) { return text_or_null(c.cited_date); }},
       {"surface", T::text, [](const CitationRecord& c, const RowIds&) -> ColumnValue { return &c.surface; }},
       {"rule_id", T::text, [](const CitationRecord& c, const RowIds&) -> ColumnValue { return &c.rule_id; }},
       {"start_offset", T::integer, [](const CitationRecord& c, const RowIds&) { return offset(c.span.begin); }},
       {"end_offset", T::integer, [](const CitationRecord& c, const RowIds&) { return offset(c.span.end); }},
       {"part", T::text, [](const CitationRecord& c, const RowIds&) { return text_or_null(c.part); }}}));

  registry.add(make_table<DeadlineRecord>(
      "deadlines", "resolution_id", "resolutions", &all<DeadlineRecord, &ResolutionRecord::deadlines>,
      {{"resolution_id", T::integer, [](const DeadlineRecord&, const RowIds& ids) -> ColumnValue { return ids.resolution; }},
       {"paragraph_id", T::integer, [](const DeadlineRecord& d, const RowIds& ids) { return ids.paragraph(static_cast<int>(d.paragraph)); }},
       {"kind", T::text, [](const DeadlineRecord& d, const RowIds&) -> ColumnValue { return &d.kind; }},
       {"session", T::integer, [](const DeadlineRecord& d, const RowIds&) { return optional_int(d.session); }},
       {"due_year", T::integer, [](const DeadlineRecord& d, const RowIds&) { return optional_int(d.due_year); }},
       {"due_date", T::date, [](const DeadlineRecord& d, const RowIds&) { return text_or_null(d.due_date); }},
       {"requested_of", T::text, [](const DeadlineRecord& d, const RowIds&) { return text_or_null(d.requested_of); }},
       {"body", T::text, [](const DeadlineRecord& d, const RowIds&) { return text_or_null(d.body); }},
       {"subject", T::text, [](const DeadlineRecord& d, const RowIds&) { return text_or_null(d.subject); }},
       {"rule_id", T::text, [](const DeadlineRecord& d, const RowIds&) -> ColumnValue { return &d.rule_id; }},
       {"start_offset", T::integer, [](const DeadlineRecord& d, const RowIds&) { return offset(d.span.begin); }},
       {"end_offset", T::integer, [](const DeadlineRecord& d, const RowIds&) { return offset(d.span.end); }}}));
  add_record_tables(registry);
  return registry;
}

}  // namespace

const Column* Table::column(std::string_view wanted) const {
  for (const auto& c : columns)
    if (c.name == wanted) return &c;
  return nullptr;
}

const Table* TableRegistry::find(std::string_view name) const {
  for (const auto& t : tables_)
    if (t.name == name) return &t;
  return nullptr;
}

const TableRegistry& TableRegistry::builtin() {
  static const TableRegistry registry = make_builtin();
  return registry;
}

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

std::vector<Column> resolution_metadata_columns() { return metadata_columns(); }
std::vector<Column> resolution_fact_columns() { return fact_columns(); }

std::optional<std::string> metadata_problem(const ResolutionRecord& r) {
  for (const auto& [name, value] : r.meta) {
    const Column* column = nullptr;
    for (const auto& c : metadata_columns())
      if (c.name == name) column = &c;
    if (!column) return "'" + name + "' is not a column of resolutions";
    if (column->type == ColumnType::integer && !whole_number(value))
      return name + " '" + value + "' is not a whole number";
    if (column->type == ColumnType::date && !is_iso_date(value)) return name + " '" + value + "' is not a date";
  }
  return std::nullopt;
}

}  // namespace unres
