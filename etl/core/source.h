#pragma once
// Stage 1, read: a file's bytes and identity. The only user of xxhash.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace unres {

// What identifies a file's version: size and modification time (cheap, from stat) and the hash
// of its bytes (known once read).
struct SourceStamp {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::string content_hash;   // empty until the file is read
};

struct SourceFile {
  std::string path;        // as given (lexically normalized)
  std::string bytes;       // the raw content, never modified: every offset points here
  SourceStamp stamp;
};

// Size and modification time without reading. Throws InputError (stage "read") for what is not a
// regular file (a directory, a FIFO, a symlink loop, a dangling link) or cannot be examined.
SourceStamp stat_source(const std::filesystem::path& path);

// Reads `path`. Throws InputError (stage "read") as stat_source does, and for an unreadable file,
// an empty file or a file over `max_bytes`.
SourceFile read_source(const std::filesystem::path& path, std::uintmax_t max_bytes);
// The same, for a caller that has just taken the file's stamp (not examined again).
SourceFile read_source(const std::filesystem::path& path, std::uintmax_t max_bytes, const SourceStamp& stamp);

// How a text's bytes differ from UTF-8 with LF line ends, in the ways Windows and older editors
// write text: a byte-order mark, CRLF or bare CR line ends, U+2028/U+2029 separators as line
// ends. normalize() reads through them; documents.normalized records them.
struct TextQuirks {
  bool bom = false, crlf = false, cr = false, separators = false;
  std::string names() const;  // "bom,crlf" (documents.normalized); empty for none
};
// `utf8`: false for a file decoded from Windows-1252, whose bytes hold neither a BOM nor separators.
TextQuirks text_quirks(std::string_view bytes, bool utf8);

// A stable 64-bit hash of `bytes` as 16 hex digits (XXH3).
std::string hex_hash(std::string_view bytes);

}  // namespace unres
