#include "store/writer.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "store/connection.h"
#include "store/database.h"
#include "store/full_text.h"
#include "store/sources.h"
#include "store/table_sql.h"
#include "text.h"

namespace unres {

namespace {

// Appends one value of a key: the fields are separated by a control character no key value holds.
void add_key_field(std::string& key, std::string_view value) {
  key += '\x1f';
  key += value;
}

void add_key_field(std::string& key, const ColumnValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) add_key_field(key, std::to_string(*i));
  else if (const auto* text = std::get_if<const std::string*>(&value)) add_key_field(key, std::string_view(**text));
  else if (const auto* literal = std::get_if<const char*>(&value)) add_key_field(key, std::string_view(*literal));
  else add_key_field(key, std::string_view());  // NULL reads back as empty text
}

std::optional<std::int64_t> id_value(const ColumnValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
  return std::nullopt;
}

// The ids a reloaded file's rows had, by stable key (docs/schema.md, "Stable ids"): read once per
// document before its rows are deleted, and given back to the rows written in their place whose
// key did not change. A row with a new key takes an id above every id its table held before the
// reload, so that it never takes an id a later row of the document is about to get back.
struct StableIds {
  struct Keyed {
    std::unordered_map<std::string, std::int64_t> old_ids;   // key -> id, until given back
    std::unordered_map<std::int64_t, std::string> new_keys;  // id -> key of the rows written
    std::int64_t next_fresh = 0;  // 0: no old rows, SQLite chooses
  };
  std::vector<Keyed> tables;  // by registry table
  bool active = false;        // a reload: old rows were read

  // The key of row `row` of table `t`, about to be written.
  std::string key(const Table& table, const KeyPlan& plan, std::size_t t, const ResolutionRecord& r, std::size_t row,
                  const RowIds& ids) const {
    // The scope: the key of the row it nests in, else its parent's (written before it).
    const auto scope = [&](std::size_t in, std::size_t column) -> std::string {
      const auto id = id_value(table.value(r, row, column, ids));
      const auto it = id ? tables[in].new_keys.find(*id) : tables[in].new_keys.end();
      return it == tables[in].new_keys.end() ? std::string("\x1e") : it->second;  // \x1e: matches no old key
    };
    std::string key;
    if (plan.nested && id_value(table.value(r, row, *plan.nested, ids))) key = scope(t, *plan.nested);
    else if (plan.parent) key = scope(*plan.parent, plan.parent_column);
    for (const auto c : plan.columns) add_key_field(key, table.value(r, row, c, ids));
    return key;
  }

  // The id for a row of table `t` with `key`: its old id, else a fresh one (nullopt: SQLite's).
  std::optional<std::int64_t> claim(std::size_t t, const std::string& key) {
    auto& keyed = tables[t];
    if (const auto it = keyed.old_ids.find(key); it != keyed.old_ids.end()) {
      const std::int64_t id = it->second;
      keyed.old_ids.erase(it);  // a key written twice: the second row gets a fresh id
      return id;
    }
    if (keyed.next_fresh) return keyed.next_fresh++;
    return std::nullopt;
  }
};

// A document's rows as the registry declares them: found by path, read by stable key, removed.
struct DocumentRows {
  Connection& connection;
  const TableSql& sql;
  Sources sources;  // which source's rows stand for a resolution
  explicit DocumentRows(Database& db)
      : connection(db.connection()), sql(db.table_sql()), sources(connection.db, *sql.tables) {}

  std::optional<std::int64_t> document_id(const std::string& path) {
    auto& find = connection.statement("SELECT id FROM documents WHERE path = ?");
    find.bind(1, path);
    if (!find.executeStep()) return std::nullopt;
    const std::int64_t id = find.getColumn(0).getInt64();
    (void)find.tryReset();  // a statement left running would keep a read open
    return id;
  }

  // Removes every row of document `document`: its paragraphs leave the full-text indexes first
  // (an external-content index needs their text), then the rows, children before parents (what
  // ON DELETE CASCADE would do with the checks on).
  void forget_rows(std::int64_t document) {
    flush_full_text(connection);  // the removals read the text of what the indexes hold
    for (const auto& text : sql.forget) {
      auto& del = connection.statement(text.c_str());
      del.bind(1, document);
      del.exec();
    }
  }

  // Removes every row loaded from `path`, its full-text entries included; returns the document's
  // id (none: the database held no such path). The other sources of the resolutions it stood for
  // are marked to be read again, to take over.
  std::optional<std::int64_t> forget_document(const std::string& path) {
    const auto document = document_id(path);
    if (!document) return document;
    const auto held = sources.chosen_from(*document);
    forget_rows(*document);
    sources.orphaned(held);
    return document;
  }

  // Reads the keys and ids of the keyed rows of document `document` into `stable`: one query per
  // keyed table, before the rows are deleted.
  void read_stable_ids(std::int64_t document, StableIds& stable) {
    const auto& all = sql.tables->tables();
    stable.tables.resize(all.size());
    stable.active = true;
    std::vector<std::unordered_map<std::int64_t, std::string>> old_keys(all.size());  // id -> key
    for (std::size_t t = 0; t < all.size(); ++t) {
      const KeyPlan& plan = sql.key_plans[t];
      if (!plan.keyed) continue;
      struct Row {
        std::int64_t parent = 0;
        std::optional<std::int64_t> nested;
        std::string fields;  // the key's own fields
      };
      std::unordered_map<std::int64_t, Row> rows;
      auto& q = connection.statement(plan.old_rows.c_str());
      q.bind(1, document);
      while (q.executeStep()) {
        Row row;
        row.parent = q.getColumn(1).getInt64();
        if (!q.getColumn(2).isNull()) row.nested = q.getColumn(2).getInt64();
        for (int c = 3; c < q.getColumnCount(); ++c) add_key_field(row.fields, q.getColumn(c).getString());
        rows.emplace(q.getColumn(0).getInt64(), std::move(row));
      }
      if (rows.empty()) continue;
      auto& keys = old_keys[t];
      // A row's key: its nest's key or its parent's, then its own fields. Nests are resolved
      // first, whatever the order of the ids (a reload may have given a child an older id).
      const std::function<const std::string*(std::int64_t, int)> key_of = [&](std::int64_t id, int depth) -> const std::string* {
        if (const auto k = keys.find(id); k != keys.end()) return &k->second;
        const auto it = rows.find(id);
        if (it == rows.end() || depth > 64) return nullptr;  // outside the document, or a cycle
        std::string key;
        if (it->second.nested) {
          const std::string* nest = key_of(*it->second.nested, depth + 1);
          if (!nest) return nullptr;
          key = *nest;
        } else if (plan.parent) {
          const auto p = old_keys[*plan.parent].find(it->second.parent);
          if (p == old_keys[*plan.parent].end()) return nullptr;
          key = p->second;
        }
        key += it->second.fields;
        return &keys.emplace(id, std::move(key)).first->second;
      };
      auto& keyed = stable.tables[t];
      for (const auto& [id, row] : rows)
        if (const std::string* key = key_of(id, 0)) keyed.old_ids.emplace(*key, id);
      keyed.next_fresh = std::max(keyed.next_fresh, connection.db.execAndGet(plan.fresh_id).getInt64());
    }
  }
};

}  // namespace

struct WriterSession::Impl : DocumentRows {
  SQLite::Database& db;
  const std::vector<KeyPlan>& key_plans;  // by registry table
  const TableRegistry* tables;
  const std::int64_t run;
  const std::string rules_hash;
  const std::vector<std::int64_t> organization_ids;  // by gazetteer entry index
  std::vector<std::unique_ptr<SQLite::Statement>> insert_statements;  // by registry table

  Impl(Database& database, std::int64_t run_id, std::string hash, std::vector<std::int64_t> organizations)
      : DocumentRows(database),
        db(connection.db),
        key_plans(sql.key_plans),
        tables(sql.tables),
        run(run_id),
        rules_hash(std::move(hash)),
        organization_ids(std::move(organizations)),
        insert_statements(sql.inserts.size()) {}

  SQLite::Statement& statement(const char* text) { return connection.statement(text); }

  // The INSERT of registry table `t`, prepared once.
  SQLite::Statement& insert(std::size_t t) {
    auto& slot = insert_statements[t];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db, sql.inserts[t]);
    return *slot;
  }
};

std::vector<std::int64_t> sync_organizations(Database& database, const Gazetteer& gazetteer) {
  try {
    auto& db = database.connection().db;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    for (const auto& org : gazetteer.entries) {
      auto& s = database.connection().statement(
          "INSERT INTO organizations(name, acronym, category) VALUES(?, ?, ?) "
          "ON CONFLICT(name) DO UPDATE SET acronym = excluded.acronym, category = excluded.category");
      s.bind(1, org.name);
      bind_text(s, 2, org.acronym);
      s.bind(3, org.category);
      s.exec();
    }
    tx.commit();
    std::map<std::string, std::int64_t> by_name;
    SQLite::Statement q(db, "SELECT id, name FROM organizations");
    while (q.executeStep()) by_name[q.getColumn(1).getString()] = q.getColumn(0).getInt64();
    std::vector<std::int64_t> ids;
    for (const auto& org : gazetteer.entries) ids.push_back(by_name.at(org.name));
    return ids;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot write organizations: ") + e.what());
  }
}

struct Batch::Impl {
  Connection& connection;
  SQLite::Transaction tx;
  explicit Impl(Database& db) : connection(db.connection()), tx(connection.db, SQLite::TransactionBehavior::IMMEDIATE) {}
  ~Impl() { discard_full_text(connection); }  // rolled back (after a commit: nothing queued)
};

Batch::Batch(Database& db) {
  try {
    impl_ = std::make_unique<Impl>(db);
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot begin a transaction: ") + e.what());
  }
}

Batch::~Batch() = default;

void Batch::commit() {
  try {
    flush_full_text(impl_->connection);
    impl_->tx.commit();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot commit: ") + e.what());
  }
}

WriterSession::WriterSession(Database& db, std::int64_t run, std::string rules_hash,
                             std::vector<std::int64_t> organization_ids)
    : impl_(std::make_unique<Impl>(db, run, std::move(rules_hash), std::move(organization_ids))) {}

WriterSession::~WriterSession() = default;

std::vector<std::string> WriterSession::load_document(const SourceFile& file, const Document& document) {
  // The one way input can make a write fail is a symbol another file of the same kind holds
  // (split_documents rejects a file that holds one twice): it is checked first, so that a
  // rejected document writes nothing. No savepoint per document: FTS5 writes its pending terms to
  // disk at every savepoint, which would cut the full-text index into tiny segments and stall the
  // writer at each one.
  try {
    const SourcePlan plan = impl_->sources.plan(file, document);
    write_document(file, document, plan);
    return plan.moved;  // documents whose file is gone (or is this one): replaced
  } catch (const SQLite::Exception& e) {
    // Not caused by the input: the batch is rolled back and the run fails (nothing half-written).
    throw DatabaseError(file.path + ": cannot load: " + e.what());
  }
}

void WriterSession::write_document(const SourceFile& file, const Document& document, const SourcePlan& sources) {
  auto& db = impl_->db;
  // What was undone to read a file that is its own text (documents.normalized: "bom,crlf").
  const std::string normalized =
      document.source_text.empty() ? text_quirks(file.bytes, document.encoding == "utf-8").names() : std::string();
  // The rows this document replaces: those of its earlier load, of the documents of files that
  // are gone whose resolutions it holds now, and of the resolutions it takes over from sources of
  // lower precedence. Their ids are read by stable key first.
  StableIds stable;
  const auto own = impl_->document_id(file.path);
  std::vector<std::int64_t> old;
  if (own) old.push_back(*own);
  for (const auto& path : sources.moved)
    if (const auto id = impl_->document_id(path)) old.push_back(*id);
  std::vector<std::int64_t> read = old;
  for (const auto& t : sources.taken)
    if (std::find(read.begin(), read.end(), t.document) == read.end()) read.push_back(t.document);
  for (const auto id : read) impl_->read_stable_ids(id, stable);
  std::vector<ResolutionKey> held;  // resolutions the replaced documents stood for
  for (const auto id : old)
    for (auto& key : impl_->sources.chosen_from(id)) held.push_back(std::move(key));
  for (const auto id : old) impl_->forget_rows(id);
  if (!sources.taken.empty()) flush_full_text(impl_->connection);  // take_over removes full-text entries
  for (const auto& t : sources.taken) impl_->sources.take_over(t);

  auto& doc = impl_->statement(
      "INSERT INTO documents(path, content_hash, size_bytes, format, status, encoding, mtime_ns, rules_hash, id, "
      "normalized) VALUES(?, ?, ?, ?, 'loaded', ?, ?, ?, ?, ?)");
  doc.bindNoCopy(1, file.path);
  doc.bindNoCopy(2, file.stamp.content_hash);
  doc.bind(3, static_cast<std::int64_t>(file.bytes.size()));
  doc.bindNoCopy(4, document.format);
  doc.bindNoCopy(5, document.encoding);
  doc.bind(6, file.stamp.mtime_ns);
  doc.bindNoCopy(7, impl_->rules_hash);
  // A document of resolutions keeps its id (by path). A records file takes a greater id than every
  // other at each load: the records views read the record of the file loaded last by that id.
  const bool keeps_id = own && document.published.empty();
  bind_value(doc, 8, keeps_id ? ColumnValue{*own} : ColumnValue{});
  bind_text(doc, 9, normalized);
  doc.exec();
  RowIds ids;
  ids.document = db.getLastInsertRowid();
  ids.organizations = &impl_->organization_ids;
  if (!document.source_text.empty()) {
    auto& text = impl_->statement("INSERT INTO document_texts(document_id, text) VALUES(?, ?)");
    text.bind(1, ids.document);
    text.bindNoCopy(2, document.source_text);
    text.exec();
  }
  // Each table of the registry, parents first, row by row.
  const auto& tables = impl_->tables->tables();
  for (std::size_t i = 0; i < document.resolutions.size(); ++i) {
    const ResolutionRecord& r = document.resolutions[i];
    ids.paragraphs.clear();
    ids.footnotes.clear();
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const Table& table = tables[t];
      if (table.of != Table::Of::resolution || !(sources.chosen[i] || table.every_source)) continue;
      const std::size_t rows = table.rows(r);
      if (rows == 0) continue;
      auto& insert = impl_->insert(t);
      const int id_index = static_cast<int>(table.columns.size() + 1);
      const KeyPlan& plan = impl_->key_plans[t];
      const bool keyed = stable.active && plan.keyed;
      for (std::size_t row = 0; row < rows; ++row) {
        ids.row = row;
        for (std::size_t col = 0; col < table.columns.size(); ++col)
          bind_value(insert, static_cast<int>(col + 1), table.value(r, row, col, ids));
        std::string key;
        if (keyed) {
          key = stable.key(table, plan, t, r, row, ids);
          const auto id = stable.claim(t, key);
          bind_value(insert, id_index, id ? ColumnValue{*id} : ColumnValue{});
        } else {
          insert.bind(id_index);
        }
        insert.exec();
        (void)insert.tryReset();
        const std::int64_t id = db.getLastInsertRowid();
        if (keyed) stable.tables[t].new_keys.emplace(id, std::move(key));
        switch (table.keeps) {
          case Table::Keeps::resolution: ids.resolution = id; break;
          case Table::Keeps::paragraphs: ids.paragraphs.push_back(id); break;
          case Table::Keeps::footnotes: ids.footnotes.push_back(id); break;
          case Table::Keeps::nothing: break;
        }
        if (table.full_text) add_to_full_text(impl_->connection, id, r.paragraphs[row].text);
      }
    }
  }
  // The published records (votes, sponsors ...): rows of the document, keyed by symbol.
  for (const auto& record : document.published) {
    ids.record = &record;
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const Table& table = tables[t];
      if (table.of != Table::Of::published_record) continue;
      const std::size_t rows = table.record_rows(record);
      if (rows == 0) continue;
      auto& insert = impl_->insert(t);
      for (std::size_t row = 0; row < rows; ++row) {
        ids.row = row;
        for (std::size_t col = 0; col < table.columns.size(); ++col)
          bind_value(insert, static_cast<int>(col + 1), table.record_value(record, row, col, ids));
        insert.exec();
        (void)insert.tryReset();
      }
    }
  }
  impl_->sources.orphaned(held);  // a resolution no longer held: its other sources take over
}

std::vector<RecordsElsewhere> WriterSession::records_elsewhere(const std::string& path, const Document& document) {
  std::map<std::string, RecordsElsewhere> by_path;
  try {
    for (const auto& record : document.published) {
      auto& other = impl_->statement(
          "SELECT DISTINCT d.path FROM records r JOIN documents d ON d.id = r.document_id WHERE r.symbol = ? AND d.path <> ?");
      other.bindNoCopy(1, record.symbol);
      other.bindNoCopy(2, path);
      while (other.executeStep()) {
        auto& found = by_path[other.getColumn(0).getString()];
        found.path = other.getColumn(0).getString();
        found.symbols.push_back(record.symbol);
      }
      (void)other.tryReset();
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(path + ": cannot read records: " + e.what());
  }
  std::vector<RecordsElsewhere> out;
  for (auto& [other, found] : by_path) out.push_back(std::move(found));
  return out;
}

void WriterSession::touch_document(const std::string& path, const SourceStamp& stamp) {
  try {
    auto& s = impl_->statement("UPDATE documents SET mtime_ns = ?, missing_since = NULL WHERE path = ?");
    s.bind(1, stamp.mtime_ns);
    s.bind(2, path);
    s.exec();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(path + ": cannot update: " + e.what());
  }
}

void WriterSession::quarantine(const std::string& path, const SourceStamp& stamp, const InputError& error) {
  try {
    auto& q = impl_->statement(
        "INSERT INTO quarantine(run_id, path, stage, line, reason, excerpt) VALUES(?, ?, ?, ?, ?, ?)");
    q.bind(1, impl_->run);
    q.bind(2, path);
    q.bind(3, error.stage());
    if (error.line() > 0) q.bind(4, static_cast<std::int64_t>(error.line()));
    else q.bind(4);
    q.bind(5, std::string(error.what()));
    bind_text(q, 6, error.excerpt());
    q.exec();
    const auto id = impl_->forget_document(path);
    auto& doc = impl_->statement(
        "INSERT INTO documents(path, content_hash, size_bytes, status, mtime_ns, rules_hash, id) "
        "VALUES(?, ?, ?, 'rejected', ?, ?, ?)");
    bind_value(doc, 6, id ? ColumnValue{*id} : ColumnValue{});  // a document keeps its id (by path)
    doc.bind(1, path);
    doc.bind(2, stamp.content_hash);
    doc.bind(3, stamp.size);
    doc.bind(4, stamp.mtime_ns);
    doc.bind(5, impl_->rules_hash);
    doc.exec();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(path + ": cannot record quarantine: " + e.what());
  }
}

void WriterSession::mark_missing(const std::vector<std::string>& paths) {
  try {
    for (const auto& path : paths) {
      auto& s = impl_->statement(
          "UPDATE documents SET missing_since = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE path = ? AND missing_since IS NULL");
      s.bind(1, path);
      s.exec();
      // Another source of a resolution it stands for takes over (it is read again in this run).
      if (const auto id = impl_->document_id(path)) impl_->sources.gone(*id);
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot mark missing files: ") + e.what());
  }
}

std::vector<std::string> WriterSession::stale_documents() {
  try {
    return impl_->sources.stale_paths();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot read documents: ") + e.what());
  }
}

std::int64_t WriterSession::align_actions(const std::vector<std::string>& symbols, const RuleSet& rules) {
  std::unordered_set<std::string> english_lemmas;
  for (const auto& [form, lemma] : rules.phrases.lemma_of_form) english_lemmas.insert(lemma);
  std::int64_t changed = 0;
  try {
    // The symbols asked for, and those whose translations took an English action that is gone
    // (its resolution forgotten since).
    std::set<std::string> todo(symbols.begin(), symbols.end());
    auto& orphans = impl_->statement(
        "SELECT DISTINCT r.symbol FROM action_verbs a JOIN paragraphs p ON p.id = a.paragraph_id "
        "JOIN resolutions r ON r.id = p.resolution_id WHERE a.action_source = 'english' "
        "AND NOT EXISTS (SELECT 1 FROM resolutions e WHERE e.symbol = r.symbol AND e.language = 'en')");
    while (orphans.executeStep()) todo.insert(orphans.getColumn(0).getString());
    (void)orphans.tryReset();
    for (const auto& symbol : todo) {
      // Top-level paragraphs per kind of each language of the symbol: the paragraphs of a kind
      // align with the English ones when both have as many (the annexes of translations are
      // often cut into paragraphs differently; their operative paragraphs still align).
      std::map<std::string, std::map<std::string, std::int64_t>> counts;   // language -> kind -> n
      auto& count = impl_->statement(
          "SELECT r.language, p.kind, count(*) FROM resolutions r JOIN paragraphs p ON p.resolution_id = r.id "
          "WHERE r.symbol = ? AND p.parent_id IS NULL GROUP BY r.language, p.kind");
      count.bind(1, symbol);
      while (count.executeStep())
        counts[count.getColumn(0).getString()][count.getColumn(1).getString()] = count.getColumn(2).getInt64();
      (void)count.tryReset();
      const auto english = counts.find(kDefaultLanguage);
      struct Change {
        std::int64_t id;
        std::string action;
        const char* source;
      };
      std::vector<Change> changes;
      auto& rows = impl_->statement(
          "SELECT a.id, r.language, a.lemma, a.action, coalesce(a.action_source, 'lexicon'), p.kind, a.rule_id, "
          "(SELECT ea.action FROM resolutions e JOIN paragraphs ep ON ep.resolution_id = e.id AND ep.kind = p.kind "
          "   AND ep.ordinal = p.ordinal AND ep.parent_id IS NULL "
          " JOIN action_verbs ea ON ea.paragraph_id = ep.id AND ea.is_lead = 1 "
          " WHERE e.symbol = r.symbol AND e.language = 'en' LIMIT 1) "
          "FROM resolutions r JOIN paragraphs p ON p.resolution_id = r.id AND p.parent_id IS NULL "
          "JOIN action_verbs a ON a.paragraph_id = p.id AND a.is_lead = 1 "
          "WHERE r.symbol = ? AND r.language <> 'en'");
      rows.bind(1, symbol);
      while (rows.executeStep()) {
        const std::string language = rows.getColumn(1).getString(), lemma = rows.getColumn(2).getString();
        const std::string action = rows.getColumn(3).getString(), source = rows.getColumn(4).getString();
        const std::string kind = rows.getColumn(5).getString();
        const std::string rule_id = rows.getColumn(6).getString();
        const auto& aligned = rows.getColumn(7);
        // (The lexicon's action as the row's rule id says it was read: a `when` alternative's.)
        Change want{rows.getColumn(0).getInt64(), rules.lexicon(language).action_of_rule(lemma, rule_id), "lexicon"};
        // (The English phrase must be one the English lexicon knows: an unknown one is its own lemma.)
        if (english != counts.end() && counts[language][kind] == english->second[kind] && !aligned.isNull() &&
            english_lemmas.count(aligned.getString())) {
          want.action = aligned.getString();
          want.source = "english";
        }
        if (want.action != action || source != want.source) changes.push_back(std::move(want));
      }
      (void)rows.tryReset();
      for (const auto& c : changes) {
        auto& update = impl_->statement("UPDATE action_verbs SET action = ?, action_source = ? WHERE id = ?");
        update.bind(1, c.action);
        update.bind(2, c.source);
        update.bind(3, c.id);
        update.exec();
      }
      changed += static_cast<std::int64_t>(changes.size());
    }
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot align the actions of translations with the English: ") + e.what());
  }
  return changed;
}

std::int64_t WriterSession::drafts_from_records() {
  try {
    // One statement over the resolutions without a draft of their own: a probe of records'
    // (symbol, document_id) index each.
    auto& update = impl_->statement(
        "UPDATE resolutions SET draft_symbol = x.draft, draft_source = CASE WHEN x.draft IS NULL THEN NULL "
        "ELSE 'records' END "
        "FROM (SELECT r.id, (SELECT c.draft_symbol FROM records c WHERE c.symbol = r.symbol "
        "      AND c.draft_symbol IS NOT NULL ORDER BY c.document_id DESC LIMIT 1) AS draft "
        "      FROM resolutions r WHERE r.draft_symbol IS NULL OR r.draft_source = 'records') AS x "
        "WHERE resolutions.id = x.id AND resolutions.draft_symbol IS NOT x.draft");
    return update.exec();
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot take the drafts of resolutions from their published records: ") +
                        e.what());
  }
}

std::int64_t WriterSession::votes_from_records(const RuleSet& rules) {
  // The profiles' membership as [[organ, since, count], …], bound as one parameter.
  std::string members = "[";
  for (const auto& profile : rules.profiles)
    for (const auto& [since, count] : profile.members) {
      if (members.size() > 1) members += ',';
      members += "[\"";
      for (const char c : profile.organ) {
        if (c == '"' || c == '\\') members += '\\';
        members += c;
      }
      members += "\",\"" + since + "\"," + std::to_string(count) + "]";
    }
  members += "]";
  try {
    // One statement: a probe of records' (symbol, document_id) index a resolution; only the rows
    // whose counts differ are written, so a run that changes nothing writes nothing.
    auto& update = impl_->statement(
        "WITH members(organ, since, n) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), "
        "                                         json_extract(value, '$[2]') FROM json_each(?1)) "
        "UPDATE resolutions SET votes_yes = x.yes, votes_no = x.no, votes_abstain = x.abstain, "
        "                       votes_non_voting = x.non_voting "
        "FROM (SELECT v.id, v.yes, v.no, v.abstain, "
        "             CASE WHEN coalesce(v.yes, 0) + coalesce(v.no, 0) + coalesce(v.abstain, 0) = 0 THEN NULL "
        "                  WHEN v.members - coalesce(v.yes, 0) - coalesce(v.no, 0) - coalesce(v.abstain, 0) >= 0 "
        "                  THEN v.members - coalesce(v.yes, 0) - coalesce(v.no, 0) - coalesce(v.abstain, 0) END AS non_voting "
        "      FROM (SELECT r.id, c.votes_yes AS yes, c.votes_no AS no, c.votes_abstain AS abstain, "
        "                   (SELECT m.n FROM members m WHERE m.organ = r.body "
        "                    AND m.since <= coalesce(r.adopted_on, c.adopted_on) ORDER BY m.since DESC LIMIT 1) AS members "
        "            FROM resolutions r LEFT JOIN records c ON c.symbol = r.symbol "
        "            AND c.document_id = (SELECT max(d.document_id) FROM records d WHERE d.symbol = r.symbol)) AS v) AS x "
        "WHERE resolutions.id = x.id AND (resolutions.votes_yes IS NOT x.yes OR resolutions.votes_no IS NOT x.no "
        "      OR resolutions.votes_abstain IS NOT x.abstain OR resolutions.votes_non_voting IS NOT x.non_voting)");
    update.bind(1, members);
    const auto changed = update.exec();
    (void)update.tryReset();
    return changed;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(std::string("cannot take the vote counts of resolutions from their published records: ") +
                        e.what());
  }
}

bool forget_file(Database& db, const std::string& path) {
  try {
    DocumentRows rows(db);
    auto& q = rows.connection.statement("SELECT (SELECT count(*) FROM documents WHERE path = ?1) + "
                               "(SELECT count(*) FROM quarantine WHERE path = ?1)");
    q.bind(1, path);
    const bool known = q.executeStep() && q.getColumn(0).getInt64() > 0;
    (void)q.tryReset();
    if (!known) return false;
    rows.forget_document(path);
    auto& del = rows.connection.statement("DELETE FROM quarantine WHERE path = ?");
    del.bind(1, path);
    del.exec();
    return true;
  } catch (const SQLite::Exception& e) {
    throw DatabaseError(path + ": cannot forget: " + e.what());
  }
}

}  // namespace unres
