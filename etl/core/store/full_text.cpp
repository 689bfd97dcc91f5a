#include "store/full_text.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string_view>

#include "store/connection.h"
#include "text.h"

namespace unres {

std::vector<std::string> full_text_removals(const std::string& ids_sql) {
  std::vector<std::string> out;
  for (const auto& index : kFullTextIndexes)
    out.push_back(std::string("INSERT INTO ") + index.name + "(" + index.name + ", rowid, text) SELECT 'delete', id, text FROM " +
                  index.content + " WHERE id IN (" + ids_sql + ")");
  return out;
}

namespace {

// The text queued for the full-text indexes is written out past this size, whatever the batch size
// (--batch-size): memory stays flat. A batch of 500 AKN4UN documents holds ~14 MB of paragraphs.
constexpr std::size_t kMaxQueuedText = 32u << 20;

void write_to_full_text(Connection& connection, std::int64_t id, const std::string& text) {
  const std::string words = without_arabic_marks(text);  // as paragraph_search_text
  auto& fts = connection.statement("INSERT INTO paragraphs_fts(rowid, text) VALUES(?, ?)");
  fts.bind(1, id);
  fts.bindNoCopy(2, words);
  fts.exec();
  if (has_han(text)) {  // as paragraph_han_text
    auto& han = connection.statement("INSERT INTO paragraphs_han_fts(rowid, text) VALUES(?, ?)");
    han.bind(1, id);
    han.bindNoCopy(2, text);
    han.exec();
  }
}

}  // namespace

void add_to_full_text(Connection& connection, std::int64_t id, const std::string& text) {
  connection.full_text_queue.emplace_back(id, text);
  connection.full_text_queued_bytes += text.size();
  if (connection.full_text_queued_bytes > kMaxQueuedText) flush_full_text(connection);
}

void flush_full_text(Connection& connection) {
  auto queue = std::move(connection.full_text_queue);
  discard_full_text(connection);  // emptied first: a write that fails leaves nothing queued twice
  for (const auto& [id, text] : queue) write_to_full_text(connection, id, text);
}

void discard_full_text(Connection& connection) {
  connection.full_text_queue.clear();
  connection.full_text_queued_bytes = 0;
}

void set_full_text_option(SQLite::Database& db, const std::string& option, int value) {
  // Names and options are ours, never input.
  for (const auto& index : kFullTextIndexes)
    db.exec(std::string("INSERT INTO ") + index.name + "(" + index.name + ", rank) VALUES('" + option + "', " +
            std::to_string(value) + ")");
}

void drop_outdated_full_text(SQLite::Database& db) {
  static constexpr std::string_view marker = "CREATE VIRTUAL TABLE IF NOT EXISTS ";
  const std::string_view views = embedded_sql("sql/views.sql");
  for (auto at = views.find(marker); at != std::string_view::npos; at = views.find(marker, at + 1)) {
    const auto begin = at + marker.size();
    const std::string wanted(views.substr(begin, views.find(';', begin) - begin));  // paragraphs_fts USING fts5(...)
    const std::string name = wanted.substr(0, wanted.find(' '));  // a name from our own file
    bool outdated = false;
    {
      SQLite::Statement q(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
      q.bind(1, name);
      outdated = q.executeStep() && !q.getColumn(0).getString().ends_with(wanted);
    }
    if (outdated) db.exec("DROP TABLE " + name);
  }
}

}  // namespace unres
