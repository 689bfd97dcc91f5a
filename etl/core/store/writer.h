#pragma once
// Writing documents: the organizations of the gazetteer, write transactions, and the writer
// session of a run, which loads each document through the table registry (model/tables.h: the
// INSERTs and the deletes of a reloaded file are derived from it, store/table_sql.h), keeps the
// ids of rows whose stable key did not change, and quarantines what cannot be loaded.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "errors.h"
#include "model/records.h"
#include "rules/ruleset.h"
#include "source.h"

namespace unres {

class Database;
struct SourcePlan;  // store/sources.h

// Published records of symbols another loaded file also has a record of (see records_elsewhere).
struct RecordsElsewhere {
  std::string path;                  // the other file
  std::vector<std::string> symbols;  // the symbols both have
};

// Makes the organizations table match the gazetteer (inserts new names, updates the rest); returns
// the id of each gazetteer entry, by index (what the mentions a WriterSession writes refer to).
std::vector<std::int64_t> sync_organizations(Database& db, const Gazetteer& gazetteer);

// A write transaction: the documents loaded or quarantined while it lives commit together;
// destroyed without commit(), it rolls back (so a document is never half-written).
class Batch {
 public:
  explicit Batch(Database& db);
  ~Batch();
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The writes of one run (`run`: its ingest_runs row, run_log.h), under the rules of `rules_hash`,
// recorded with each document. `organization_ids`: from sync_organizations(). Every write happens
// inside a Batch. Holds prepared statements of the database's connection: it must not outlive `db`.
class WriterSession {
 public:
  WriterSession(Database& db, std::int64_t run, std::string rules_hash, std::vector<std::int64_t> organization_ids);
  ~WriterSession();
  WriterSession(const WriterSession&) = delete;
  WriterSession& operator=(const WriterSession&) = delete;

  // Replaces every row loaded from `file.path` by the document's. Rows whose stable key
  // (Table::stable_key; docs/schema.md) is unchanged get the ids they had, and so does the
  // document (by path).
  // A symbol held by another document of the same kind (XML, PDF, text) whose file no longer
  // exists (or is this very file under another spelling, e.g. a relative path stored by an older
  // unres) moves to this file: that document is replaced, and its path is returned. A symbol held
  // by a source of another kind is decided by precedence (store/sources.h): this document's rows
  // replace that resolution's, or only its link is written. Throws InputError (stage "load") when
  // a symbol is held by another existing file of the same kind; nothing is written then.
  std::vector<std::string> load_document(const SourceFile& file, const Document& document);
  // The symbols of `document`'s published records that other loaded files also have records of,
  // by file. All are kept; the views read the record of the file loaded last (docs/schema.md).
  std::vector<RecordsElsewhere> records_elsewhere(const std::string& path, const Document& document);
  // Records the new modification time of a file whose bytes did not change (and that it is
  // there: a missing mark is cleared).
  void touch_document(const std::string& path, const SourceStamp& stamp);
  // Marks files that are gone (documents.missing_since = now, if not set yet). Their rows stay:
  // an absent mount must not lose data; `unres forget` removes them. But a resolution another
  // file is a source of is taken over by it: that file is marked to be read again
  // (stale_documents), and a gone file's link to a resolution it is not chosen for goes.
  void mark_missing(const std::vector<std::string>& paths);
  // Files to read again in this run: each is a source of a resolution whose chosen source stopped
  // holding it (changed, rejected, forgotten or gone; store/sources.h), by path, the ones there.
  std::vector<std::string> stale_documents();
  // A quarantine row of this run, and the file's document row marked 'rejected' (its earlier rows
  // removed: they no longer describe the file).
  void quarantine(const std::string& path, const SourceStamp& stamp, const InputError& error);
  // Inside a Batch, after a run: the `action` of each lead phrase of a translation of `symbols`
  // (and of any symbol whose English resolution went since it took its action) is that of the lead
  // phrase of the aligned English paragraph (same kind, same ordinal; paragraph N of a translation
  // is paragraph N of the English), action_source 'english', when the English resolution is loaded,
  // has as many top-level paragraphs of each kind and its phrase is in the English lexicon; else the
  // lexicon's of its language (action_source 'lexicon'; the `when` alternative its rule id names, if
  // any). Returns the rows changed.
  std::int64_t align_actions(const std::vector<std::string>& symbols, const RuleSet& rules);

  // The draft of a resolution whose source does not state it (an XML without a draftResolution
  // step, every text layout) from its published record (draft_resolution, else
  // originating_document; the record of the file loaded last), draft_source 'records'; a draft
  // taken so whose record is gone or changed follows it. Returns the resolutions changed.
  std::int64_t drafts_from_records();

  // The vote counts of every resolution (votes_yes, votes_no, votes_abstain) from its published
  // record, the one of the records file loaded last, as the votes view takes its rows; NULL without
  // a record. votes_non_voting: the membership of its organ on its adoption date (the profiles'
  // `members`) less the votes cast, when it was adopted by a recorded vote (some vote counted; a
  // record without a vote has 0 0 0) and the membership is known.
  // Returns the resolutions changed.
  std::int64_t votes_from_records(const RuleSet& rules);

 private:
  // Writes the document in place of the rows of its earlier load, of the documents `sources` moves
  // here and of the resolutions it takes over; of the resolutions another source stands for,
  // only the link (Table::every_source).
  void write_document(const SourceFile& file, const Document& document, const SourcePlan& sources);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Inside a Batch, outside any run (unres forget): removes every row of the document at `path` and
// its quarantine rows. False when the database holds no such path.
bool forget_file(Database& db, const std::string& path);

}  // namespace unres
