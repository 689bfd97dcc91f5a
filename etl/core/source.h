#pragma once
// Stage 1, read: a file's bytes and identity. The only user of xxhash.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace unres {

struct SourceFile {
  std::string path;        // as given (lexically normalized)
  std::string bytes;       // the raw content, never modified: every offset points here
  std::string content_hash;
};

// Reads `path`. Throws InputError (stage "read") for a directory, an unreadable file, an empty
// file or a file over `max_bytes`.
SourceFile read_source(const std::filesystem::path& path, std::uintmax_t max_bytes);

// A stable 64-bit hash of `bytes` as 16 hex digits (XXH3).
std::string hex_hash(std::string_view bytes);

}  // namespace unres
