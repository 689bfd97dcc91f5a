#include "source.h"

#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "errors.h"

namespace unres {

std::string hex_hash(std::string_view bytes) {
  const XXH64_hash_t h = XXH3_64bits(bytes.data(), bytes.size());
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

SourceFile read_source(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec) throw InputError("read", 0, "cannot read file: " + ec.message());
  if (!std::filesystem::is_regular_file(status)) throw InputError("read", 0, "not a regular file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw InputError("read", 0, "cannot read file: " + ec.message());
  if (size > max_bytes)
    throw InputError("read", 0, "file is " + std::to_string(size) + " bytes, over the limit of " +
                                    std::to_string(max_bytes) + " (--max-file-size)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("read", 0, "cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  SourceFile file;
  file.path = path.lexically_normal().string();
  file.bytes = std::move(buffer).str();
  if (file.bytes.empty()) throw InputError("read", 0, "empty file");
  file.content_hash = hex_hash(file.bytes);
  return file;
}

}  // namespace unres
