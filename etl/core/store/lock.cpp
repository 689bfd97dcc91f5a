#include "store/lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "errors.h"

namespace unres {

std::filesystem::path resolve_database_path(const std::filesystem::path& database) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path path = fs::absolute(database, ec);
  if (ec) path = database;
  // The last component by hand (weakly_canonical leaves a dangling link as it is), then the rest.
  for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(path, ec)); ++hops) {
    const fs::path target = fs::read_symlink(path, ec);
    if (ec) break;
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  const fs::path resolved = fs::weakly_canonical(path, ec);
  return ec ? path.lexically_normal() : resolved;
}

WriterLock::WriterLock(const std::filesystem::path& database, bool wait) {
  const std::string path = resolve_database_path(database).string() + ".lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw DatabaseError(path + ": cannot open lock file: " + std::strerror(errno));
  int rc;
  do {
    rc = ::flock(fd_, LOCK_EX | (wait ? 0 : LOCK_NB));
  } while (rc != 0 && errno == EINTR && wait);
  if (rc != 0) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK)
      throw DatabaseError(database.string() + ": another unres ingest is writing to this database (" + path +
                          " is locked); try again later, or pass --wait");
    throw DatabaseError(path + ": cannot lock: " + std::strerror(err));
  }
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace unres
