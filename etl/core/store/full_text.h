#pragma once
// Internal to etl/core/store: the full-text indexes over paragraph text (sql/views.sql: the words,
// and the Han characters), each an external-content FTS5 table reading its text from a view. The
// writer adds a paragraph with the text that view gives (text.h: without_arabic_marks, has_han),
// and removes one with that same text (FTS5 needs it): a difference is what 'integrity-check'
// finds (tests/surface/search_test.cpp). Used by schema.cpp (definitions, merge settings),
// table_sql.cpp and sources.cpp (removals) and writer.cpp (additions).
#include <cstdint>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}  // namespace SQLite

namespace unres {

class Connection;

struct FullTextIndex {
  const char* name;
  const char* content;  // the view it reads its text from
};
inline constexpr FullTextIndex kFullTextIndexes[] = {{"paragraphs_fts", "paragraph_search_text"},
                                                     {"paragraphs_han_fts", "paragraph_han_text"}};

// The statements that remove from every full-text index the paragraphs whose ids `ids_sql` selects
// (SQL from the registry's names, never from input; it may bind ?1), in order. To run before the
// paragraphs' rows are deleted: each index reads their text through its view.
std::vector<std::string> full_text_removals(const std::string& ids_sql);

// Adds paragraph `id` with `text` to every index whose view holds it, at the latest when its
// batch commits: the paragraphs of a batch are queued, and written by flush_full_text() one after
// the other. FTS5 keeps the terms in a hash table until the batch commits (or its buffer fills);
// written between the other rows of each document, the inserts found that table out of the
// processor's caches, and took ~10 % more of the writer's time. One row VALUES each, as
// INSERT ... SELECT would open a statement savepoint, where FTS5 writes its buffer out.
void add_to_full_text(Connection& connection, std::int64_t id, const std::string& text);

// Writes the queued paragraphs into the indexes. Before a batch commits, and before any removal
// from the indexes (full_text_removals reads the text of paragraphs an index must already hold).
void flush_full_text(Connection& connection);

// Forgets the queued paragraphs: their batch rolled back.
void discard_full_text(Connection& connection);

// Sets an FTS5 option (automerge, crisismerge, hashsize) on every full-text index.
void set_full_text_option(SQLite::Database& db, const std::string& option, int value);

// sql/views.sql creates each full-text index once (IF NOT EXISTS). An index made with another
// definition (an earlier tokenizer, or text read from another view) is dropped first, so that
// views.sql makes it anew and fills it from its view.
void drop_outdated_full_text(SQLite::Database& db);

}  // namespace unres
