#pragma once
// Files compiled into the binary (cmake/embed_files.cmake): the default mappings/*.yaml, sql/schema.sql
// and sql/views.sql.
#include <string_view>
#include <vector>

namespace unres {

struct EmbeddedFile {
  std::string_view path;     // relative to the project root, e.g. "mappings/phrases.yaml"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace unres
