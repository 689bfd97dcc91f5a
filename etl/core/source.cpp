#include "source.h"

#include <xxhash.h>

#include <chrono>
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

SourceStamp stat_source(const std::filesystem::path& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec) throw InputError("read", 0, "cannot read file: " + ec.message());
  if (std::filesystem::is_directory(status)) throw InputError("read", 0, "not a regular file (a directory)");
  if (!std::filesystem::is_regular_file(status)) throw InputError("read", 0, "not a regular file (a FIFO, socket or device)");
  SourceStamp stamp;
  stamp.size = static_cast<std::int64_t>(std::filesystem::file_size(path, ec));
  if (ec) throw InputError("read", 0, "cannot read file: " + ec.message());
  const auto mtime = std::filesystem::last_write_time(path, ec);
  if (ec) throw InputError("read", 0, "cannot read file: " + ec.message());
  stamp.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
  return stamp;
}

SourceFile read_source(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  SourceFile file;
  file.path = path.lexically_normal().string();
  file.stamp = stat_source(path);
  if (static_cast<std::uintmax_t>(file.stamp.size) > max_bytes)
    throw InputError("read", 0, "file is " + std::to_string(file.stamp.size) + " bytes, over the limit of " +
                                    std::to_string(max_bytes) + " (--max-file-size)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("read", 0, "cannot open file (vanished or unreadable)");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  file.bytes = std::move(buffer).str();
  if (in.bad()) throw InputError("read", 0, "read error");
  if (file.bytes.empty()) throw InputError("read", 0, "empty file");
  file.stamp.size = static_cast<std::int64_t>(file.bytes.size());
  file.stamp.content_hash = hex_hash(file.bytes);
  return file;
}

}  // namespace unres
