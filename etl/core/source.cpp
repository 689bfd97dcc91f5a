#include "source.h"

#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>

#include "errors.h"

namespace unres {

std::string hex_hash(std::string_view bytes) {
  const XXH64_hash_t h = XXH3_64bits(bytes.data(), bytes.size());
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string TextQuirks::names() const {
  std::string out;
  for (const auto& [present, name] : {std::pair{bom, "bom"}, {crlf, "crlf"}, {cr, "cr"}, {separators, "ls"}})
    if (present) {
      if (!out.empty()) out += ',';
      out += name;
    }
  return out;
}

TextQuirks text_quirks(std::string_view bytes, bool utf8) {
  TextQuirks q;
  q.bom = utf8 && bytes.starts_with("\xEF\xBB\xBF");
  for (auto at = bytes.find('\r'); at != std::string_view::npos && !(q.crlf && q.cr); at = bytes.find('\r', at + 1))
    (at + 1 < bytes.size() && bytes[at + 1] == '\n' ? q.crlf : q.cr) = true;
  q.separators = utf8 && (bytes.find("\xE2\x80\xA8") != std::string_view::npos ||
                          bytes.find("\xE2\x80\xA9") != std::string_view::npos);
  return q;
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
  return read_source(path, max_bytes, stat_source(path));
}

SourceFile read_source(const std::filesystem::path& path, std::uintmax_t max_bytes, const SourceStamp& stamp) {
  SourceFile file;
  file.path = path.lexically_normal().string();
  file.stamp = stamp;
  if (static_cast<std::uintmax_t>(file.stamp.size) > max_bytes)
    throw InputError("read", 0, "file is " + std::to_string(file.stamp.size) + " bytes, over the limit of " +
                                    std::to_string(max_bytes) + " (--max-file-size)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("read", 0, "cannot open file (vanished or unreadable)");
  // Never more than the limit, even when the file grows after stat (or stat says 0, as in /proc).
  const auto limit = static_cast<std::size_t>(std::min<std::uintmax_t>(max_bytes, SIZE_MAX / 4));
  file.bytes.resize(std::min(limit, static_cast<std::size_t>(file.stamp.size)) + 1);
  std::size_t used = 0;
  while (in) {
    if (used == file.bytes.size()) {
      if (used > limit) break;
      file.bytes.resize(std::min(limit + 1, 2 * used));
    }
    in.read(file.bytes.data() + used, static_cast<std::streamsize>(file.bytes.size() - used));
    used += static_cast<std::size_t>(in.gcount());
  }
  if (in.bad()) throw InputError("read", 0, "read error");
  file.bytes.resize(used);
  if (used > limit)
    throw InputError("read", 0, "file grew over the limit of " + std::to_string(max_bytes) +
                                    " bytes while it was read (--max-file-size)");
  if (file.bytes.empty()) throw InputError("read", 0, "empty file");
  file.stamp.size = static_cast<std::int64_t>(file.bytes.size());
  file.stamp.content_hash = hex_hash(file.bytes);
  return file;
}

}  // namespace unres
