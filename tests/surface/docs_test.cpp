// The documentation tables (sql/views.sql) describe every table and view the database holds, and
// nothing that is not there: they feed Datasette's metadata.json and docs/schema.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "surface.h"

namespace unres {
namespace {

TEST(Documentation, EveryTableViewAndColumnIsDocumented) {
  Queries queries(test::seeds_database());
  const auto docs = queries.documentation();
  std::map<std::string, const ObjectDoc*> doc_of;
  for (const auto& d : docs) doc_of[d.name] = &d;
  for (const auto& object : queries.objects()) {
    const auto it = doc_of.find(object.name);
    ASSERT_NE(it, doc_of.end()) << object.kind << " " << object.name
                                << " has no row in doc_objects: describe it in sql/views.sql";
    const ObjectDoc& doc = *it->second;
    EXPECT_EQ(doc.kind, object.kind) << object.name;
    EXPECT_FALSE(doc.title.empty()) << object.name;
    EXPECT_FALSE(doc.description.empty()) << object.name;
    std::set<std::string> documented;
    for (const auto& c : doc.columns) {
      documented.insert(c.name);
      EXPECT_FALSE(c.description.empty()) << object.name << "." << c.name;
      EXPECT_FALSE(c.filled_by.empty()) << object.name << "." << c.name;
    }
    for (const auto& column : object.columns)
      EXPECT_TRUE(documented.count(column)) << object.name << "." << column
                                            << " has no row in doc_columns: describe it in sql/views.sql";
    for (const auto& column : documented)
      EXPECT_NE(std::find(object.columns.begin(), object.columns.end(), column), object.columns.end())
          << "doc_columns describes " << object.name << "." << column << ", which does not exist";
    for (const auto& facet : doc.facets)
      EXPECT_NE(std::find(object.columns.begin(), object.columns.end(), facet), object.columns.end())
          << object.name << ": facet " << facet << " is not a column";
  }
  for (const auto& d : docs) {
    const auto objects = queries.objects();
    EXPECT_TRUE(std::any_of(objects.begin(), objects.end(), [&](const ObjectInfo& o) { return o.name == d.name; }))
        << "doc_objects describes " << d.name << ", which does not exist";
  }
}

TEST(Documentation, ColumnsInTheirTableOrder) {
  Queries queries(test::seeds_database());
  for (const auto& d : queries.documentation()) {
    if (d.name != "v_resolutions") continue;
    ASSERT_GE(d.columns.size(), 2u);
    EXPECT_EQ(d.columns[0].name, "resolution_id");
    EXPECT_EQ(d.columns[1].name, "symbol");
  }
}

TEST(Documentation, TheFullTextIndexIsDeclared) {
  Queries queries(test::seeds_database());
  const auto docs = queries.documentation();
  const auto it = std::find_if(docs.begin(), docs.end(), [](const ObjectDoc& d) { return d.name == "paragraphs"; });
  ASSERT_NE(it, docs.end());
  EXPECT_EQ(it->fts_table, "paragraphs_fts");
}

}  // namespace
}  // namespace unres
