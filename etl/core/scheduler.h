#pragma once
// Parsing on several threads, writing on one: parser threads make the result of each input, and
// the one writer thread takes them in input order (so that runs are reproducible), through a
// bounded ring of slots: parsers never run more than `ahead` inputs ahead of the writer, so memory
// stays flat whatever the number of inputs. Knows nothing of files or databases (pipeline.cpp).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace unres {

// Lowers the calling thread's scheduling priority a little (Linux: setpriority on the thread id);
// failure is harmless.
void lower_thread_priority();

template <class Result>
class Scheduler {
 public:
  // Starts `jobs` threads that call `make(i)` for the inputs i = 0 .. count-1, each input once.
  // `cancel` (may be null): once set, no input is started any more.
  Scheduler(std::size_t count, unsigned jobs, std::size_t ahead, const std::atomic<bool>* cancel,
            std::function<Result(std::size_t)> make)
      : count_(count), cancel_(cancel), make_(std::move(make)), slots_(ahead) {
    try {
      for (unsigned j = 0; j < jobs; ++j)
        threads_.emplace_back([this] {
          // One writer takes what all parsers make: when they compete for the cores, the writer
          // goes first (a parser of lower priority only delays inputs the writer is not waiting for).
          lower_thread_priority();
          while (const auto i = take()) put(*i, make_(*i));
        });
    } catch (...) {
      stop();  // a thread that could not start: those that did are joined
      throw;
    }
  }
  ~Scheduler() { stop(); }
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // The result of the next input, in input order, waiting for it. nullopt when every input has
  // been handed out, or when `cancel` was set before the next input was started (interrupted()).
  std::optional<Result> next() {
    if (next_out_ >= count_) return std::nullopt;
    std::unique_lock lock(mutex_);
    auto& slot = slots_[next_out_ % slots_.size()];
    while (!slot) {
      if (cancelled() && next_out_ >= next_in_) {
        interrupted_ = true;
        return std::nullopt;
      }
      ready_.wait_for(lock, std::chrono::milliseconds(100));
    }
    std::optional<Result> out = std::move(slot);
    slot.reset();
    ++next_out_;
    space_.notify_all();
    return out;
  }

  // Whether next() stopped because of `cancel`.
  bool interrupted() const { return interrupted_; }

  // No input is started any more; waits for the threads (each finishes the input it is making).
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    space_.notify_all();
    for (auto& t : threads_)
      if (t.joinable()) t.join();
  }

 private:
  bool cancelled() const { return cancel_ && cancel_->load(); }

  // The next input to make, or nullopt when there is none (or the run is stopping).
  std::optional<std::size_t> take() {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return next_in_ >= count_ || next_in_ < next_out_ + slots_.size() || stopping_; });
    if (next_in_ >= count_ || stopping_ || cancelled()) return std::nullopt;
    return next_in_++;
  }
  void put(std::size_t index, Result result) {
    {
      std::lock_guard lock(mutex_);
      slots_[index % slots_.size()] = std::move(result);
    }
    ready_.notify_all();
  }

  const std::size_t count_;
  const std::atomic<bool>* cancel_;
  std::function<Result(std::size_t)> make_;
  std::mutex mutex_;
  std::condition_variable space_, ready_;
  std::size_t next_in_ = 0;   // inputs handed to the threads
  std::size_t next_out_ = 0;  // results handed to the writer
  bool stopping_ = false;
  bool interrupted_ = false;
  std::vector<std::optional<Result>> slots_;  // slot i % size holds the result of input i
  std::vector<std::thread> threads_;          // last: started once everything above exists
};

}  // namespace unres
