// scheduler.h: parser threads make results, one writer takes them in input order, never more
// than `ahead` inputs behind the parsers; a cancel stops the run between inputs.
#include "scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace unres {
namespace {

TEST(Scheduler, ResultsComeInInputOrderWhateverOrderTheyAreMadeIn) {
  // Early inputs take longest: with four threads, later ones are made first.
  Scheduler<std::string> scheduler(40, 4, 8, nullptr, [](std::size_t i) {
    std::this_thread::sleep_for(std::chrono::microseconds(i % 4 == 0 ? 3000 : 10));
    return "input " + std::to_string(i);
  });
  std::vector<std::string> got;
  while (auto r = scheduler.next()) got.push_back(*r);
  ASSERT_EQ(got.size(), 40u);
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], "input " + std::to_string(i));
  EXPECT_FALSE(scheduler.interrupted());
}

TEST(Scheduler, ParsersNeverRunMoreThanTheWindowAheadOfTheWriter) {
  constexpr std::size_t ahead = 5;
  std::atomic<std::size_t> taken{0};  // results the writer has received
  std::atomic<std::size_t> farthest{0};
  Scheduler<std::size_t> scheduler(200, 3, ahead, nullptr, [&](std::size_t i) {
    const std::size_t lead = i - taken.load();
    for (std::size_t f = farthest.load(); lead > f && !farthest.compare_exchange_weak(f, lead);) {
    }
    return i;
  });
  while (auto r = scheduler.next()) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));  // a slow writer
    taken.store(*r + 1);
  }
  EXPECT_EQ(taken.load(), 200u);
  // Input i starts only once the writer has taken input i - ahead.
  EXPECT_LE(farthest.load(), ahead);
  EXPECT_GE(farthest.load(), ahead - 1);  // and the window is used
}

TEST(Scheduler, ACancelStopsBetweenInputsAndHandsOutOnlyWholeResults) {
  std::atomic<bool> cancel{false};
  std::atomic<std::size_t> made{0};
  Scheduler<std::size_t> scheduler(1000, 2, 16, &cancel, [&](std::size_t i) {
    std::this_thread::sleep_for(std::chrono::microseconds(100));
    ++made;
    return i;
  });
  std::size_t expected = 0;
  while (auto r = scheduler.next()) {
    EXPECT_EQ(*r, expected++);  // a prefix of the inputs, in order
    if (expected == 10) cancel.store(true);
  }
  EXPECT_TRUE(scheduler.interrupted());
  EXPECT_GE(expected, 10u);
  EXPECT_LT(expected, 1000u);
  scheduler.stop();
  EXPECT_LT(made.load(), 1000u);  // the inputs after the cancel were never started
}

TEST(Scheduler, NoInputsEndsAtOnce) {
  Scheduler<int> scheduler(0, 2, 4, nullptr, [](std::size_t) { return 1; });
  EXPECT_FALSE(scheduler.next());
  EXPECT_FALSE(scheduler.interrupted());
}

}  // namespace
}  // namespace unres
