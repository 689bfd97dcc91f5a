#pragma once
// The log of unres ingest and its live progress line share stderr. Without care a log line is
// written after the progress line's text, on the same terminal line ("3/9 files ... ETA 2sunres:
// loaded ..."). Log lines go through this buffer, which first erases a progress line still on
// screen; the next progress update draws it again below the log line.
#include <ostream>
#include <streambuf>

namespace unres::cli {

class ProgressAwareLog : public std::streambuf {
 public:
  explicit ProgressAwareLog(std::ostream& target) : target_(target) {}
  // Called after drawing the progress line: `on_screen` is false once it ended with a line break.
  void progress_drawn(bool on_screen) { progress_on_screen_ = on_screen; }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    erase_progress();
    target_.put(traits_type::to_char_type(c));
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n > 0) erase_progress();
    target_.write(s, n);
    return n;
  }
  int sync() override {
    target_.flush();
    return 0;
  }

 private:
  void erase_progress() {
    if (!progress_on_screen_) return;
    target_ << "\r\033[K";  // back to the line's start, erase it
    progress_on_screen_ = false;
  }

  std::ostream& target_;
  bool progress_on_screen_ = false;
};

}  // namespace unres::cli
