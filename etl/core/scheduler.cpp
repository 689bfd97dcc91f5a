#include "scheduler.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace unres {

void lower_thread_priority() {
  // Linux: setpriority on a thread id lowers that thread alone.
  (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 5);
}

}  // namespace unres
