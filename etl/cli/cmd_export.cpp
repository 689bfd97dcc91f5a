// unres export [--db FILE] --format csv|jsonl --out DIR
// One file per table and view, for tools that cannot read SQLite, and Datasette's metadata.json
// built from the documentation tables (doc_objects, doc_columns) that sql/views.sql fills.
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "store/queries.h"

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

// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled.
std::string csv_field(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return {};
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return real_text(*d);
  const auto& s = std::get<std::string>(v);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_csv_row(std::ostream& out, const std::vector<Value>& row) {
  for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(row[i]);
  out << "\r\n";
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

std::int64_t write_object(Queries& queries, const ObjectInfo& object, const std::string& format, const fs::path& file) {
  std::ofstream out(file, std::ios::binary);
  std::int64_t rows = 0;
  if (format == "csv") {
    std::vector<Value> header(object.columns.begin(), object.columns.end());
    write_csv_row(out, header);
    queries.for_each_row(object.name, [&](const std::vector<Value>& row) {
      write_csv_row(out, row);
      ++rows;
    });
  } else {
    queries.for_each_row(object.name, [&](const std::vector<Value>& row) {
      nlohmann::ordered_json line = nlohmann::ordered_json::object();
      for (std::size_t i = 0; i < row.size(); ++i) line[object.columns[i]] = json_value(row[i]);
      out << dump(line) << "\n";
      ++rows;
    });
  }
  out.close();
  if (!out) throw WriteError("cannot write " + file.string());
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

}  // namespace

Command add_export(CLI::App& parent) {
  struct Args {
    std::string db = "unres.db", format = "csv", out;
  };
  auto a = std::make_shared<Args>();
  auto* exp = parent.add_subcommand(
      "export", "Write every table and view as CSV (RFC 4180) or JSON lines, and a Datasette metadata.json");
  exp->add_option("--db", a->db, "SQLite database file")->capture_default_str();
  exp->add_option("--format", a->format, "csv or jsonl")->capture_default_str()->check(CLI::IsMember({"csv", "jsonl"}));
  exp->add_option("--out", a->out, "Directory to write into (created if needed)")->required();
  return {exp, [a] {
            Queries queries(a->db);
            const fs::path dir(a->out);
            std::error_code ec;
            fs::create_directories(dir, ec);
            if (ec) {
              std::cerr << "unres: cannot create " << dir.string() << ": " << ec.message() << "\n";
              return kExitUsage;
            }
            const auto objects = queries.objects();
            std::size_t written = 0;
            try {
              for (const auto& object : objects) {
                // File names come from the database's catalog: a name that is not a plain
                // identifier ("../x") could write outside --out, so it is skipped.
                if (object.name.empty() || object.name.find_first_not_of(
                        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != std::string::npos) {
                  std::cerr << "unres: skipped table '" << object.name << "': not a plain name\n";
                  continue;
                }
                const auto file = dir / (object.name + "." + a->format);
                const auto rows = write_object(queries, object, a->format, file);
                std::cerr << "unres: " << file.string() << ": " << rows << " row(s)\n";
                ++written;
              }
              const auto database = fs::path(a->db).stem().string();
              std::ofstream meta(dir / "metadata.json", std::ios::binary);
              meta << dump(datasette_metadata(queries.documentation(), database), 2) << "\n";
              meta.close();
              if (!meta) throw WriteError("cannot write " + (dir / "metadata.json").string());
            } catch (const WriteError& e) {
              std::cerr << "unres: " << e.what() << "\n";
              return kExitUsage;
            }
            std::cerr << "unres: wrote " << written << " " << a->format << " file(s) and metadata.json to "
                      << dir.string() << "\n";
            return kExitOk;
          }};
}

}  // namespace unres::cli
