#include "common.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "errors.h"
#include "text.h"

namespace unres::test {

std::filesystem::path data_dir() { return UNRES_TEST_DATA; }

const RuleSet& default_rules() {
  static const RuleSet rules = load_rules(default_rule_sources());
  return rules;
}

std::vector<std::filesystem::path> corpus_files() {
  std::vector<std::filesystem::path> out;
  for (const char* dir : {"seeds", "odsrender", "pdftext"})
    for (const auto& entry : std::filesystem::directory_iterator(data_dir() / dir))
      if (entry.is_regular_file() && entry.path().extension() == ".txt") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

SourceFile read_data(const std::filesystem::path& path) {
  return read_source(path.is_absolute() ? path : data_dir() / path, 64u << 20);
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

void write_text(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string apply_replacements(std::string_view text, const RuleSet& rules) {
  auto pairs = rules.replacements;
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    bool replaced = false;
    for (const auto& [from, to] : pairs)
      if (text.substr(at, from.size()) == from) {
        out += to;
        at += from.size();
        replaced = true;
        break;
      }
    if (!replaced) out += text[at++];
  }
  return out;
}

std::string canonical(std::string_view text, const RuleSet& rules) { return fold_space(apply_replacements(text, rules)); }

TempDir::TempDir() {
  std::string templ = (std::filesystem::temp_directory_path() / "unres-test-XXXXXX").string();
  if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::vector<std::string> errors_with(const std::string& path, const std::string& text) {
  auto sources = default_rule_sources();
  sources.push_back({path, text});
  try {
    (void)load_rules(sources);
  } catch (const RulesError& e) {
    return e.messages();
  }
  return {};
}

}  // namespace unres::test
