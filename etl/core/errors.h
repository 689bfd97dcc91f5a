#pragma once
// The three channels for failure (see ARCHITECTURE.md):
//  - RulesError: the configuration is wrong; reported before any input is read (exit 2).
//  - InputError: one input file is bad; it goes to the quarantine table and the run goes on (exit 1).
//  - DatabaseError: the database cannot be opened or written (exit 3).
// Anything else is a bug, caught once in main.
#include <stdexcept>
#include <string>
#include <vector>

namespace unres {

class RulesError : public std::runtime_error {
 public:
  explicit RulesError(std::vector<std::string> messages)
      : std::runtime_error(join(messages)), messages_(std::move(messages)) {}
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  static std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
  }
  std::vector<std::string> messages_;
};

class InputError : public std::runtime_error {
 public:
  // stage: read, normalize, split, segment, extract, load. line: 1-based, 0 when not known.
  InputError(std::string stage, std::size_t line, const std::string& reason, std::string excerpt = {})
      : std::runtime_error(reason), stage_(std::move(stage)), line_(line), excerpt_(std::move(excerpt)) {}
  const std::string& stage() const { return stage_; }
  std::size_t line() const { return line_; }
  const std::string& excerpt() const { return excerpt_; }

 private:
  std::string stage_;
  std::size_t line_;
  std::string excerpt_;
};

class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace unres
