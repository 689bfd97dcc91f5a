// unres export [--db FILE] --format csv|jsonl --out DIR
// One file per table and view, for tools that cannot read SQLite, and Datasette's metadata.json
// built from the documentation tables (doc_objects, doc_columns) that sql/views.sql fills.
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "store/queries.h"
#include "tabular.h"

namespace unres::cli {

namespace {

namespace fs = std::filesystem;

// An output file could not be written (disk full, no permission): the user's to fix, not a bug.
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The shortest text that reads back as the same double.
std::string real_text(double v) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  return std::string(buf, end);
}

// A cell as CSV text (tabular.h): NULL is nullopt, written as an empty field.
std::optional<std::string> csv_cell(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return std::nullopt;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return real_text(*d);
  return std::get<std::string>(v);
}

void write_csv_row(std::ostream& out, const std::vector<Value>& row) {
  std::vector<std::optional<std::string>> fields;
  fields.reserve(row.size());
  for (const auto& v : row) fields.push_back(csv_cell(v));
  write_csv_record(out, fields);
}

nlohmann::ordered_json json_value(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return nullptr;
}

// Text that is not valid UTF-8 (a hand-edited database) is written with U+FFFD rather than lost.
std::string dump(const nlohmann::ordered_json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Why the last operation on a file failed, in the system's words ("Permission denied").
std::string system_reason() { return errno ? std::strerror(errno) : "unknown error"; }

struct Output {
  std::string format;  // csv or jsonl
  bool bom = true;     // csv: a UTF-8 byte-order mark first
};

// Writes rows that `produce` hands over (the column names first) to `file`; returns their count.
using Producer = std::function<void(const std::function<void(const std::vector<std::string>&)>&,
                                    const std::function<void(const std::vector<Value>&)>&)>;

std::int64_t write_rows(const Producer& produce, const Output& output, const fs::path& file) {
  errno = 0;
  std::ofstream out(file, std::ios::binary);
  if (!out) throw WriteError("cannot write " + file.string() + ": " + system_reason());
  std::int64_t rows = 0;
  std::vector<std::string> columns;
  const auto header = [&](const std::vector<std::string>& names) {
    columns = names;
    if (output.format != "csv") return;
    if (output.bom) out << kUtf8Bom;
    std::vector<std::optional<std::string>> fields(names.begin(), names.end());
    write_csv_record(out, fields);
  };
  const auto row = [&](const std::vector<Value>& values) {
    ++rows;
    if (output.format == "csv") {
      write_csv_row(out, values);
      return;
    }
    nlohmann::ordered_json line = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < values.size(); ++i) line[columns[i]] = json_value(values[i]);
    out << dump(line) << "\n";
  };
  errno = 0;
  produce(header, row);
  out.close();
  if (!out) throw WriteError("cannot write " + file.string() + ": " + system_reason());
  return rows;
}

// Datasette's metadata: a title, a description and column descriptions for every table and view,
// facets, and the full-text index of paragraphs.
nlohmann::ordered_json datasette_metadata(const std::vector<ObjectDoc>& docs, const std::string& database) {
  nlohmann::ordered_json tables = nlohmann::ordered_json::object();
  for (const auto& doc : docs) {
    nlohmann::ordered_json t;
    t["title"] = doc.title;
    t["description"] = doc.description;
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (const auto& c : doc.columns)
      columns[c.name] = c.description + (c.example.empty() ? "" : " (e.g. " + c.example + ")") +
                        (c.filled_by.empty() ? "" : "; from " + c.filled_by);
    t["columns"] = columns;
    if (!doc.facets.empty()) t["facets"] = doc.facets;
    if (!doc.fts_table.empty()) {
      t["fts_table"] = doc.fts_table;
      t["fts_pk"] = "id";
    }
    tables[doc.name] = t;
  }
  nlohmann::ordered_json m;
  m["title"] = "United Nations resolutions";
  m["description"] = "Resolutions, paragraphs, action phrases, citations, deadlines and organization mentions "
                     "extracted by unres " UNRES_VERSION "; every row carries the rule that produced it and its "
                     "byte offsets in the source file.";
  m["source"] = "United Nations official documents";
  m["databases"][database]["tables"] = tables;
  return m;
}

// A file name from the database's catalog or the user: a name that is not a plain identifier
// ("../x") could write outside --out.
bool plain_name(const std::string& name) {
  return !name.empty() &&
         name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == std::string::npos;
}

}  // namespace

Command add_export(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db", format = "csv", out, query, name = "query";
    std::vector<std::string> tables;
    bool no_bom = false;
  };
  auto a = std::make_shared<Args>();
  auto* exp = parent.add_subcommand(
      "export", "Write every table and view (or some, or a query's result) as CSV (RFC 4180, UTF-8 with a BOM; "
                "NULL is an empty field, the empty string \"\") or JSON lines, and a Datasette metadata.json");
  exp->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  exp->add_option("--format", a->format, "csv or jsonl")->capture_default_str()->check(CLI::IsMember({"csv", "jsonl"}));
  exp->add_option("--out", a->out, "Directory to write into (created if needed)")->required();
  auto* table = exp->add_option("--table", a->tables, "Only this table or view (repeatable)");
  auto* query = exp->add_option("--query", a->query, "Write the result of this SELECT instead (to NAME.csv: --name)");
  query->excludes(table);
  exp->add_option("--name", a->name, "File name (without extension) for --query")->capture_default_str()->needs(query);
  exp->add_flag("--no-bom", a->no_bom, "CSV without the UTF-8 byte-order mark (Excel needs it to read UTF-8)");
  return {exp, [a] {
            Queries queries(a->db);
            const Output output{a->format, !a->no_bom};
            const fs::path dir(a->out);
            if (!plain_name(a->name)) {
              std::cerr << "unres: --name " << a->name << ": use letters, digits, '_' and '-' only\n";
              return kExitUsage;
            }
            std::error_code ec;
            fs::create_directories(dir, ec);
            if (ec) {
              std::cerr << "unres: cannot create " << dir.string() << ": " << ec.message() << "\n";
              return kExitUsage;
            }
            try {
              if (!a->query.empty()) {
                const auto file = dir / (a->name + "." + a->format);
                const auto rows = write_rows(
                    [&](const auto& header, const auto& row) { queries.for_each_query_row(a->query, header, row); },
                    output, file);
                std::cerr << "unres: " << file.string() << ": " << rows << " row(s)\n";
                return kExitOk;
              }
              auto objects = queries.objects();
              for (const auto& wanted : a->tables)
                if (std::none_of(objects.begin(), objects.end(), [&](const ObjectInfo& o) { return o.name == wanted; })) {
                  std::string names;
                  for (const auto& o : objects) names += (names.empty() ? "" : ", ") + o.name;
                  std::cerr << "unres: --table " << wanted << ": no such table or view (there are: " << names << ")\n";
                  return kExitUsage;
                }
              if (!a->tables.empty())
                std::erase_if(objects, [&](const ObjectInfo& o) {
                  return std::find(a->tables.begin(), a->tables.end(), o.name) == a->tables.end();
                });
              std::size_t written = 0;
              for (const auto& object : objects) {
                if (!plain_name(object.name)) {
                  std::cerr << "unres: skipped table '" << object.name << "': not a plain name\n";
                  continue;
                }
                const auto file = dir / (object.name + "." + a->format);
                const auto rows = write_rows(
                    [&](const auto& header, const auto& row) {
                      header(object.columns);
                      queries.for_each_row(object.name, row);
                    },
                    output, file);
                std::cerr << "unres: " << file.string() << ": " << rows << " row(s)\n";
                ++written;
              }
              const auto database = fs::path(a->db).stem().string();
              const auto meta_file = dir / "metadata.json";
              errno = 0;
              std::ofstream meta(meta_file, std::ios::binary);
              meta << dump(datasette_metadata(queries.documentation(), database), 2) << "\n";
              meta.close();
              if (!meta) throw WriteError("cannot write " + meta_file.string() + ": " + system_reason());
              std::cerr << "unres: wrote " << written << " " << a->format << " file(s) and metadata.json to "
                        << dir.string() << "\n";
            } catch (const WriteError& e) {
              std::cerr << "unres: " << e.what() << "\n";
              return kExitUsage;
            } catch (const QueryError& e) {
              std::cerr << "unres: " << e.what() << "\n";
              return kExitUsage;
            }
            return kExitOk;
          }};
}

}  // namespace unres::cli
