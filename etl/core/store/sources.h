#pragma once
// Several sources of one resolution (docs/operations.md, "Several sources of one resolution"). The
// UN publishes a resolution as XML, as PDF and as text; the store keeps one set of rows per symbol
// and language, those of its chosen source (the one of highest precedence), and a
// resolution_sources row for every source file that holds it (model/tables.cpp).
//
// This is the writer's side, used by store/writer.cpp inside its write transaction: which of a
// document's resolutions its rows stand for; removing the rows of a resolution that a source of
// higher precedence takes over; and marking for re-reading the other sources of a resolution whose
// chosen source stopped holding it (changed, rejected, forgotten, gone), so that the next best
// takes its place (the pipeline re-reads them in the same run: WriterSession::stale_documents).
// A document is "marked for re-reading" by clearing its documents.rules_hash: every run re-reads a
// file whose rules hash is not the current one.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/records.h"
#include "model/tables.h"
#include "source.h"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace unres {

// The precedence of a document format among the sources of one resolution; the highest is chosen:
// the UN's XML (akn) 3, a PDF 2, a text layout (ods-text, pdftotext ...) 1.
int source_precedence(std::string_view format);
// What kind of source a format is, in messages: "XML", "PDF" or "text".
std::string_view source_kind(std::string_view format);

// A resolution as the store keys it: symbol and language.
using ResolutionKey = std::pair<std::string, std::string>;

// What a document about to be written does with each of its resolutions.
struct SourcePlan {
  std::vector<char> chosen;        // by resolution index: 1 when its rows stand for the resolution
  std::vector<std::string> moved;  // documents of files gone (or this file under another name) it replaces whole
  // A resolutions row of another document that this one replaces: a source of lower precedence,
  // or any source whose file is gone.
  struct Takeover {
    std::int64_t resolution = 0, document = 0;
    bool gone = false;  // that document's file is gone: its link goes, and it is re-read when it is back
    ResolutionKey key;
  };
  std::vector<Takeover> taken;
};

// A database made before resolution_sources: each resolution gets the link of the document whose
// rows it holds, its values read from those rows (run when the schema is brought up to date).
void link_unlinked_resolutions(SQLite::Database& db);

class Sources {
 public:
  Sources(SQLite::Database& db, const TableRegistry& registry);
  ~Sources();
  Sources(const Sources&) = delete;
  Sources& operator=(const Sources&) = delete;

  // Which of `document`'s resolutions it stands for. Throws InputError (stage "load") when another
  // file of the same kind (two XML files, two PDFs, two texts) holds one of them and is there: one
  // resolution has one source of each kind, so that is the UN's error or a copy.
  SourcePlan plan(const SourceFile& file, const Document& document);
  // The resolutions whose rows are document `document`'s.
  std::vector<ResolutionKey> chosen_from(std::int64_t document);
  // Removes the rows of a resolution `t` replaces (the ids are read beforehand by the writer);
  // a document whose file is gone also loses its link, and is marked for re-reading.
  void take_over(const SourcePlan::Takeover& t);
  // Of `keys`, the resolutions left without rows: their other sources are marked for re-reading.
  void orphaned(const std::vector<ResolutionKey>& keys);
  // Document `document`'s file is gone: its links to resolutions other sources stand for go (it
  // is marked for re-reading, for when it is back); the other sources of the resolutions it stands
  // for are marked for re-reading, so that one takes over.
  void gone(std::int64_t document);
  // Documents marked for re-reading whose files are there, by path.
  std::vector<std::string> stale_paths();

 private:
  SQLite::Statement& statement(const std::string& sql);
  // The sources of `key` but the one whose rows stand for it: marked for re-reading.
  void mark_stale_sources(const ResolutionKey& key);
  // A gone document's link to `key` goes; the document is marked for re-reading when it is back.
  void unlink_gone(std::int64_t document, const ResolutionKey& key);

  SQLite::Database& db_;
  std::vector<std::string> remove_resolution_;  // what take_over runs, in order (?1: the resolution)
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace unres
