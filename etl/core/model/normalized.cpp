#include "model/normalized.h"

#include <algorithm>

namespace unres {

void OffsetMap::add(const Piece& piece) {
  if (piece.length == 0) return;
  // Merge adjacent copies: most files are one long copy with a few replacements.
  if (!pieces_.empty()) {
    Piece& last = pieces_.back();
    if (last.copied && piece.copied && last.norm + last.length == piece.norm && last.raw + last.length == piece.raw) {
      last.length += piece.length;
      last.raw_length += piece.raw_length;
      return;
    }
  }
  pieces_.push_back(piece);
}

const OffsetMap::Piece* OffsetMap::piece_at(std::size_t norm) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), norm,
                             [](std::size_t n, const Piece& p) { return n < p.norm; });
  if (it == pieces_.begin()) return nullptr;
  return &*std::prev(it);
}

std::size_t OffsetMap::to_raw(std::size_t norm) const {
  const Piece* p = piece_at(norm);
  if (!p) return 0;
  if (norm >= p->norm + p->length) return p->raw + p->raw_length;
  return p->copied ? p->raw + (norm - p->norm) : p->raw;
}

std::size_t OffsetMap::to_raw_end(std::size_t norm_end) const {
  if (norm_end == 0) return to_raw(0);
  const Piece* p = piece_at(norm_end - 1);
  if (!p) return 0;
  return p->copied ? p->raw + std::min(norm_end - p->norm, p->length) : p->raw + p->raw_length;
}

OffsetMap OffsetMap::identity(std::size_t length) {
  OffsetMap map;
  map.add({0, 0, length, length, true});
  return map;
}

}  // namespace unres
