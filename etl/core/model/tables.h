#pragma once
// The tables a document's records fill, each declared once (model/tables.cpp): its name, the
// column that links a row to its parent, and its columns with their type and how each value is
// taken from a record. The store derives from these declarations its INSERT statements, the
// deletes of a reloaded file and the row counts; the rule loader checks that metadata rules
// fill resolutions columns; extraction checks a resolution's values against the column types.
// sql/schema.sql holds the DDL (constraints, indexes) of the built-in tables.
//
// Adding a table: one TableRegistry entry (plus its CREATE TABLE in sql/schema.sql), whose
// columns say where the values come from — see tests/unit/tables_test.cpp for a toy table
// added through the registry alone. A table whose rows others refer to by id declares a stable
// key, so that a reloaded file keeps the ids of the rows that did not change.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/records.h"

namespace unres {

enum class ColumnType { integer, text, date };  // date: ISO 8601 text ("2014-05-19")

// A value as bound: NULL, a whole number, or text held by the record (never copied).
using ColumnValue = std::variant<std::monostate, std::int64_t, const std::string*, const char*>;

// Text, or NULL when empty.
inline ColumnValue text_or_null(const std::string& s) { return s.empty() ? ColumnValue{} : ColumnValue{&s}; }
inline ColumnValue optional_int(std::optional<int> v) { return v ? ColumnValue{std::int64_t{*v}} : ColumnValue{}; }

// The ids the writer has given so far to the rows of the resolution being written.
struct RowIds {
  std::int64_t document = 0, resolution = 0;
  std::vector<std::int64_t> paragraphs, footnotes;        // by record index
  const std::vector<std::int64_t>* organizations = nullptr;  // by gazetteer entry
  std::size_t row = 0;  // the index of the record being written in its collection
  const PublishedRecord* record = nullptr;  // the published record being written (Table::Of::published_record)
  ColumnValue paragraph(int index) const {
    return index < 0 ? ColumnValue{} : ColumnValue{paragraphs.at(static_cast<std::size_t>(index))};
  }
  ColumnValue footnote(int index) const {
    return index < 0 ? ColumnValue{} : ColumnValue{footnotes.at(static_cast<std::size_t>(index))};
  }
};

struct Column {
  std::string name;
  ColumnType type = ColumnType::text;
};

// What names a row of a table across reloads of its file, so that a row that is still there gets
// its id back (docs/schema.md, "Stable ids"): the values of `columns`, within the key of its
// parent row (the parent through Table::parent_column; a document's key is empty, so a
// resolution's key is its symbol wherever its file lies), or within the key of the row of the
// same table it nests in (`nested_in`: paragraphs.parent_id). A table with no key columns gets
// fresh ids on every reload. A table with a key has a keyed parent (or documents).
struct StableKey {
  std::vector<std::string> columns;  // columns of the table (Table::columns)
  std::string nested_in;             // a column holding the id of a row of the same table, or empty
  bool empty() const { return columns.empty(); }
};

// One table: a row per element of a collection of the resolution's records, or of a published
// record's (Of::published_record: the UN's records of votes and sponsors a document holds, keyed by
// symbol and owned by the document, so that a record may be loaded before or after its resolution).
struct Table {
  std::string name;
  std::string parent_column;  // links a row to its parent: resolution_id, paragraph_id, document_id
  std::string parent_table;   // resolutions, paragraphs, documents
  std::vector<Column> columns;  // in INSERT order; `id` is not one of them
  enum class Of { resolution, published_record } of = Of::resolution;
  // Of::resolution: the number of rows a resolution gives this table, and the value of column
  // `column` of row `row`.
  std::function<std::size_t(const ResolutionRecord&)> rows;
  std::function<ColumnValue(const ResolutionRecord&, std::size_t row, std::size_t column, const RowIds&)> value;
  // Of::published_record: the same for each published record of a document (Document::published).
  std::function<std::size_t(const PublishedRecord&)> record_rows;
  std::function<ColumnValue(const PublishedRecord&, std::size_t row, std::size_t column, const RowIds&)> record_value;
  // Whose ids the writer keeps for the tables after this one (RowIds).
  enum class Keeps { nothing, resolution, paragraphs, footnotes } keeps = Keeps::nothing;
  // The paragraph text of each row goes to the full-text index (paragraphs only).
  bool full_text = false;
  // Written for every resolution a document holds, also one whose rows another of its sources
  // stands for (resolution_sources: the link of each source file; docs/operations.md, "Several
  // sources of one resolution"). Every other table of a resolution is written only by its chosen
  // source.
  bool every_source = false;
  StableKey stable_key;

  const Column* column(std::string_view wanted) const;
};

// A column declared with the way its value is read from a record of type R.
template <class R>
struct Field {
  std::string name;
  ColumnType type;
  ColumnValue (*get)(const R&, const RowIds&);
};

// A table over a collection of records of type R, read from a resolution by `collection`.
template <class R>
Table make_table(std::string name, std::string parent_column, std::string parent_table,
                 std::span<const R> (*collection)(const ResolutionRecord&), std::vector<Field<R>> fields) {
  Table t;
  t.name = std::move(name);
  t.parent_column = std::move(parent_column);
  t.parent_table = std::move(parent_table);
  std::vector<ColumnValue (*)(const R&, const RowIds&)> getters;
  for (auto& f : fields) {
    t.columns.push_back({f.name, f.type});
    getters.push_back(f.get);
  }
  t.rows = [collection](const ResolutionRecord& r) { return collection(r).size(); };
  t.value = [collection, getters](const ResolutionRecord& r, std::size_t row, std::size_t column, const RowIds& ids) {
    return getters[column](collection(r)[row], ids);
  };
  return t;
}

// A table over a collection of the rows of a published record (its votes, sponsors ...), read by
// `collection`; its rows belong to the document (document_id), whatever resolution they describe.
template <class R>
Table make_record_table(std::string name, std::span<const R> (*collection)(const PublishedRecord&),
                        std::vector<Field<R>> fields) {
  Table t;
  t.name = std::move(name);
  t.parent_column = "document_id";
  t.parent_table = "documents";
  t.of = Table::Of::published_record;
  std::vector<ColumnValue (*)(const R&, const RowIds&)> getters;
  for (auto& f : fields) {
    t.columns.push_back({f.name, f.type});
    getters.push_back(f.get);
  }
  t.record_rows = [collection](const PublishedRecord& r) { return collection(r).size(); };
  t.record_value = [collection, getters](const PublishedRecord& r, std::size_t row, std::size_t column,
                                         const RowIds& ids) { return getters[column](collection(r)[row], ids); };
  return t;
}

class TableRegistry {
 public:
  // The tables, parents before children: the order rows are written in (and deleted in reverse).
  const std::vector<Table>& tables() const { return tables_; }
  const Table* find(std::string_view name) const;
  void add(Table table) { tables_.push_back(std::move(table)); }

  // The built-in tables (the schema contract).
  static const TableRegistry& builtin();

 private:
  std::vector<Table> tables_;
};

// The language of a resolution whose source does not state one (resolutions.language): the text
// layouts and the rules that read them are English.
inline constexpr const char* kDefaultLanguage = "en";

// "187" -> 187; nullopt unless the whole text is a whole number.
std::optional<std::int64_t> whole_number(std::string_view text);
// Whether the text has the shape of an ISO date, YYYY-MM-DD.
bool is_iso_date(std::string_view text);

// The resolutions columns that metadata rules and structured sources fill (not the provenance
// columns the writer sets).
std::vector<Column> resolution_metadata_columns();
// The resolutions columns that fact rules set (a profile's `facts`): 1, 0, or NULL when the
// resolution's profile has no rule for the column.
std::vector<Column> resolution_fact_columns();

// Checks a resolution's metadata against the column types (whole numbers, ISO dates) and names;
// returns the first problem in words ("session 'sixty' is not a whole number"), or nullopt.
std::optional<std::string> metadata_problem(const ResolutionRecord& r);

}  // namespace unres
