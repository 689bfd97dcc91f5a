#pragma once
// One writer per database: an advisory lock (flock) on "DB.lock" beside the database. The kernel
// releases it when the process dies, even by kill -9, so a crash never leaves the database locked.
#include <filesystem>

namespace unres {

class WriterLock {
 public:
  // Takes the lock; when another process holds it, waits (wait = true) or throws DatabaseError
  // naming the lock file.
  WriterLock(const std::filesystem::path& database, bool wait);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace unres
