#pragma once
// One writer per database: an advisory lock (flock) on "DB.lock" beside the database. The kernel
// releases it when the process dies, even by kill -9, so a crash never leaves the database locked.
#include <filesystem>

namespace unres {

// The database file a path names: absolute, every symbolic link resolved (a dangling one too:
// SQLite creates its target, and keeps its -wal and -shm files beside the target). Two paths
// name the same database when this is the same; DB.lock is taken beside it.
std::filesystem::path resolve_database_path(const std::filesystem::path& database);

class WriterLock {
 public:
  // Takes the lock of the database `database` names (resolve_database_path: a symbolic link and
  // its target share one lock); when another process holds it, waits (wait = true) or throws
  // DatabaseError naming the lock file.
  WriterLock(const std::filesystem::path& database, bool wait);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace unres
