#pragma once
// Helpers shared by the unit tests: the test data directory, the default rules (loaded once),
// temporary directories and a few text helpers.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "rules/loader.h"
#include "rules/ruleset.h"
#include "source.h"

namespace unres::test {

// tests/data in the source tree (UNRES_TEST_DATA, set by tests/CMakeLists.txt).
std::filesystem::path data_dir();

// The rules compiled into the binary, loaded once per process.
const RuleSet& default_rules();

// The messages of the RulesError that the default rules plus one more file (`path`, `text`)
// give; empty when they load.
std::vector<std::string> errors_with(const std::string& path, const std::string& text);

// Every resolution text file under tests/data/{seeds,odsrender,pdftext}, sorted.
std::vector<std::filesystem::path> corpus_files();

// Reads a file of tests/data (path relative to it, or absolute).
SourceFile read_data(const std::filesystem::path& path);
std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, std::string_view text);

// Applies the rules' character replacements ("\u2011" -> "-", …) the way normalize does.
std::string apply_replacements(std::string_view text, const RuleSet& rules);

// fold_space(apply_replacements(text)).
std::string canonical(std::string_view text, const RuleSet& rules);

// A fresh directory, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace unres::test
