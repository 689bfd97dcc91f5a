// Hostile rules and inputs at the library level (tests/hostile/hostile.py drives the binary):
// every limit of rules/loader.h is reported as a RulesError naming the file and position, and
// inputs that once crashed, hung or grew without bound stay fixed. Fuzzer findings land here too.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "common.h"
#include "errors.h"
#include "extract.h"
#include "pipeline.h"
#include "rules/check.h"
#include "rules/loader.h"
#include "source.h"

namespace unres {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Time bounds are for an optimized build: a Debug build with sanitizers is about ten times slower.
// (What they catch, a quadratic step or a compile without a budget, takes minutes either way.)
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
constexpr double kSlow = 10;
#else
constexpr double kSlow = 1;
#endif

// The default rule files with `file` (e.g. "citations.yaml") replaced by `text`.
std::vector<RuleSource> with(const std::string& file, const std::string& text) {
  auto sources = default_rule_sources();
  for (auto& s : sources)
    if (s.path == "mappings/" + file) s.text = text;
  return sources;
}

// The default text of one rule file.
std::string default_text(const std::string& file) {
  for (const auto& s : default_rule_sources())
    if (s.path == "mappings/" + file) return s.text;
  ADD_FAILURE() << file;
  return {};
}

// The messages of the RulesError that loading `sources` throws (empty when it loads).
std::vector<std::string> errors_of(const std::vector<RuleSource>& sources) {
  try {
    (void)load_rules(sources);
  } catch (const RulesError& e) {
    return e.messages();
  }
  return {};
}

// Whether one message starts with `prefix` and contains `part`.
::testing::AssertionResult has_message(const std::vector<std::string>& messages, const std::string& prefix,
                                       const std::string& part) {
  for (const auto& m : messages)
    if (m.rfind(prefix, 0) == 0 && m.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  auto failure = ::testing::AssertionFailure() << "no message starting with '" << prefix << "' and containing '"
                                               << part << "'; got " << messages.size() << ":";
  for (const auto& m : messages) failure << "\n  " << m;
  return failure;
}

const char* const kCitationsHead = "kinds: [ga_resolution]\nibid: '^Ibid\\.'\nrules:\n";

// "r17" (built with += : GCC 12 warns falsely, -Wrestrict, on "r" + std::to_string(i)).
std::string rule_id(int i) {
  std::string id = "r";
  id += std::to_string(i);
  return id;
}

std::string citation_rule(const std::string& id, const std::string& pattern) {
  return "  - id: " + id + "\n    kind: ga_resolution\n    pattern: '" + pattern + "'\n    emit:\n      - target: 'x'\n";
}

// --- YAML shape: aliases, nesting, size ---------------------------------------------------------

TEST(HostileRules, AliasesAreRefused) {
  // Small, but every alias copies a 64 KiB string when the loader reads the list: 640 MiB here,
  // and a few more aliases make it any size.
  std::string text = "categories: [other]\ndefined_acronym: '\\s*\\((?P<acronym>[A-Z]+)\\)'\n"
                     "big: &big \"" + std::string(64 << 10, 'x') + "\"\n"
                     "organizations:\n  - name: Lol\n    category: other\n    aliases: [";
  for (int i = 0; i < 10000; ++i) text += i ? ", *big" : "*big";
  text += "]\n";
  const auto start = Clock::now();
  const auto messages = errors_of(with("organizations.yaml", text));
  EXPECT_LT(seconds_since(start), 5.0 * kSlow);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0], "mappings/organizations.yaml:7:15: YAML aliases (*name) are not allowed in rule files: "
                         "write the value out");
}

TEST(HostileRules, BillionLaughsIsRefused) {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level < 10; ++level) {
    text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 9; ++i) text += (i ? ", *a" : "*a") + std::to_string(level - 1);
    text += "]\n";
  }
  text += "months: *a9\n";
  EXPECT_TRUE(has_message(errors_of(with("vocabulary.yaml", text)), "mappings/vocabulary.yaml:2:10:",
                          "YAML aliases (*name) are not allowed"));
}

TEST(HostileRules, MergeKeysAreAliasesToo) {
  const std::string text = default_text("deadlines.yaml") +
                           "  - &base\n    id: a\n    kind: report\n    pattern: 'at its (?P<session>[a-z]+) session'\n"
                           "  - <<: *base\n    id: b\n";
  EXPECT_TRUE(has_message(errors_of(with("deadlines.yaml", text)), "mappings/deadlines.yaml:", "YAML aliases"));
}

TEST(HostileRules, AnchorsWithoutAliasesAreFine) {
  const std::string text = "months: &m [January, February, March, April, May, June, July, August, September, "
                           "October, November, December]\nnumbers: {one: 1}\nrelative_sessions: {next: 1}\n";
  EXPECT_EQ(errors_of(with("vocabulary.yaml", text)), std::vector<std::string>{});
}

TEST(HostileRules, DeepNestingIsRefused) {
  const std::string text = "months: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  const auto messages = errors_of(with("vocabulary.yaml", text));
  ASSERT_EQ(messages.size(), 1u) << messages.front();
  EXPECT_EQ(messages[0], "mappings/vocabulary.yaml:1:72: lists and mappings nested more than 64 deep");
}

TEST(HostileRules, TooManyNodesIsRefused) {
  // 100,000 citation rules: 900,000 YAML nodes. Refused at the 200,001st, before any is compiled.
  std::string text = kCitationsHead;
  for (int i = 0; i < 100000; ++i) text += citation_rule(rule_id(i), "A/RES/1/" + std::to_string(i));
  const auto start = Clock::now();
  const auto messages = errors_of(with("citations.yaml", text));
  EXPECT_LT(seconds_since(start), 10.0 * kSlow);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_TRUE(has_message(messages, "mappings/citations.yaml:",
                          "more than 200000 YAML nodes (values, lists and mappings): the limit for one rule file"));
}

TEST(HostileRules, TooLargeFileIsRefused) {
  const std::string text = default_text("vocabulary.yaml") + "# " + std::string(RuleLimits::file_bytes, 'x') + "\n";
  EXPECT_EQ(errors_of(with("vocabulary.yaml", text)),
            std::vector<std::string>{"mappings/vocabulary.yaml:1:1: the file is " + std::to_string(text.size()) +
                                     " bytes, over the limit of 16777216 for a rule file"});
  // Read from a directory, the file is not even read.
  test::TempDir dir;
  for (const auto& s : default_rule_sources())
    test::write_text(dir / std::filesystem::path(s.path).filename().string(), s.text);
  test::write_text(dir / "vocabulary.yaml", text);
  try {
    (void)read_rule_sources(dir.path());
    FAIL() << "read";
  } catch (const RulesError& e) {
    ASSERT_EQ(e.messages().size(), 1u);
    EXPECT_EQ(e.messages()[0], (dir / "vocabulary.yaml").string() + ":1:1: the file is " +
                                   std::to_string(text.size()) + " bytes, over the limit of 16777216 for a rule file");
  }
}

TEST(HostileRules, RuleFileThatIsAFifoDoesNotBlock) {
  test::TempDir dir;
  for (const auto& s : default_rule_sources())
    test::write_text(dir / std::filesystem::path(s.path).filename().string(), s.text);
  std::filesystem::remove(dir / "phrases.yaml");
  ASSERT_EQ(::mkfifo((dir / "phrases.yaml").c_str(), 0600), 0);
  try {
    (void)read_rule_sources(dir.path());
    FAIL() << "read";
  } catch (const RulesError& e) {
    EXPECT_EQ(e.messages(), std::vector<std::string>{(dir / "phrases.yaml").string() +
                                                     ":1:1: cannot read rule file (not a regular file)"});
  }
}

// --- RE2 budgets --------------------------------------------------------------------------------

TEST(HostileRules, PatternOverTheMemoryBudget) {
  // About 1.2 million RE2 instructions: over the 8 MiB a pattern may use (it compiles with 64 MiB).
  const std::string text = std::string(kCitationsHead) + citation_rule("huge", "\\pL{1000}");
  const auto start = Clock::now();
  const auto messages = errors_of(with("citations.yaml", text));
  EXPECT_LT(seconds_since(start), 5.0 * kSlow);
  EXPECT_EQ(messages, std::vector<std::string>{
                          "mappings/citations.yaml:6:14: rule 'huge': pattern 'pattern' does not compile: pattern too "
                          "large - compile failed (it needs more than the 8 MiB of RE2 memory a pattern may use: fewer "
                          "or smaller repetitions, or split the rule)"});
}

TEST(HostileRules, TooManyPatterns) {
  std::string text = kCitationsHead;
  for (int i = 0; i < 1000; ++i) text += citation_rule(rule_id(i), "A/RES/1/" + std::to_string(i));
  const auto messages = errors_of(with("citations.yaml", text));
  ASSERT_EQ(messages.size(), 1u) << messages.front();  // said once, not for each rule over the limit
  EXPECT_TRUE(has_message(messages, "mappings/citations.yaml:",
                          "pattern 'pattern' not compiled: the rules hold more than 1000 patterns (the limit for all "
                          "rule files together)"));
}

TEST(HostileRules, TooManyInstructions) {
  // Each about 120,000 instructions, under the budget of a pattern; 17 of them are over 2 million.
  std::string text = kCitationsHead;
  for (int i = 0; i < 30; ++i) text += citation_rule(rule_id(i), "\\pL{100}" + std::to_string(i));
  const auto start = Clock::now();
  const auto messages = errors_of(with("citations.yaml", text));
  EXPECT_LT(seconds_since(start), 20.0 * kSlow);  // the rules after the limit are not compiled
  ASSERT_EQ(messages.size(), 1u) << messages.front();
  EXPECT_TRUE(has_message(messages, "mappings/citations.yaml:",
                          "not compiled: the patterns before it compile to more than 2000000 RE2 instructions"));
}

TEST(HostileRules, GazetteerOverItsSizeLimit) {
  // 30,000 organizations with names of 100 letters: 3 MB of names, where the default gazetteer has
  // 32 KB. Refused: rule files are bounded in what they may make unres hold. (Not timed: reading the
  // 3 MB of YAML alone takes seconds on a loaded machine, and without the limit the message fails.)
  std::string text = "categories: [other]\ndefined_acronym: '\\s*\\((?P<acronym>[A-Z]+)\\)'\norganizations:\n";
  std::uint32_t seed = 1;
  for (int i = 0; i < 30000; ++i) {
    text += "  - {category: other, name: ";
    for (int k = 0; k < 100; ++k) {
      seed = seed * 1664525u + 1013904223u;
      text += static_cast<char>('a' + (seed >> 24) % 26);
    }
    text += "}\n";
  }
  const auto messages = errors_of(with("organizations.yaml", text));
  EXPECT_EQ(messages, std::vector<std::string>{"mappings/organizations.yaml:1:1: the gazetteer's names are 3000000 "
                                               "bytes together, over the limit of 2097152"});
}

TEST(HostileRules, PatternOverTheSizeLimit) {
  const std::string text = std::string(kCitationsHead) + citation_rule("long", std::string(70000, 'a'));
  EXPECT_EQ(errors_of(with("citations.yaml", text)),
            std::vector<std::string>{"mappings/citations.yaml:6:14: rule 'long': pattern 'pattern' does not compile: "
                                     "the pattern is 70000 bytes, over the limit of 65536"});
}

TEST(HostileRules, PatternsThatMatchTheEmptyString) {
  EXPECT_TRUE(has_message(errors_of(with("citations.yaml", std::string(kCitationsHead) + citation_rule("empty", "x*"))),
                          "mappings/citations.yaml:6:14: rule 'empty': ",
                          "pattern 'pattern' matches the empty string (it would match at every position)"));
  std::string deadlines = default_text("deadlines.yaml");
  deadlines += "  - id: empty-deadline\n    kind: report\n    pattern: '(?P<session>\\d*)'\n";
  EXPECT_TRUE(has_message(errors_of(with("deadlines.yaml", deadlines)), "mappings/deadlines.yaml:",
                          "rule 'empty-deadline': pattern 'pattern' matches the empty string"));
}

TEST(HostileRules, EmptyOrganizationName) {
  const std::string text = default_text("organizations.yaml") + "  - name: Empty Alias\n    aliases: ['']\n"
                                                                "    category: other\n";
  EXPECT_TRUE(has_message(errors_of(with("organizations.yaml", text)), "mappings/organizations.yaml:",
                          "rule 'Empty Alias': a name, acronym or alias must not be empty"));
}

TEST(HostileRules, VocabularyValuesAreBounded) {
  const std::string text = "months: [January, February, March, April, May, June, July, August, September, October, "
                           "November, December]\nnumbers: {one: 1, lots: 2147483647}\nrelative_sessions: {next: 99999999999}\n";
  const auto messages = errors_of(with("vocabulary.yaml", text));
  EXPECT_TRUE(has_message(messages, "mappings/vocabulary.yaml:2:10:",
                          "'numbers' values must be between -1000000 and 1000000: 'lots'"));
  EXPECT_TRUE(has_message(messages, "mappings/vocabulary.yaml:3:20:",
                          "'relative_sessions' values must be whole numbers: 'next'"));
}

TEST(HostileRules, MissingListsAreReportedWhereTheyBelong) {
  // Was "citations.yaml:0:0: invalid node; first invalid key: "emit"", and the rest of the file
  // unchecked: yaml-cpp throws when asked the type of a missing key's node.
  std::string citations = default_text("citations.yaml") + "  - id: no-emit\n    kind: ga_resolution\n    pattern: 'x'\n";
  auto messages = errors_of(with("citations.yaml", citations));
  ASSERT_EQ(messages.size(), 1u) << messages.front();
  EXPECT_TRUE(has_message(messages, "mappings/citations.yaml:", "rule 'no-emit': 'emit' must be a non-empty list"));
  messages = errors_of(with("structure.yaml", "detect_window: 10\n"));
  EXPECT_EQ(messages, (std::vector<std::string>{"mappings/structure.yaml:1:1: 'layouts' must be a non-empty list",
                                                "mappings/structure.yaml:1:1: rule 'document': 'document' must be a mapping",
                                                "mappings/structure.yaml:1:1: 'metadata' must be a list of rules"}));
  for (const char* file : {"phrases.yaml", "organizations.yaml", "deadlines.yaml"}) {
    messages = errors_of(with(file, "{}\n"));
    ASSERT_FALSE(messages.empty()) << file;
    for (const auto& m : messages) EXPECT_EQ(m.find(":0:0:"), std::string::npos) << m;
  }
}

TEST(HostileRules, HugeReplacementIsARulesError) {
  // The replacements' alternation was compiled outside any try: an RE2 failure escaped load_rules
  // as std::invalid_argument (exit 4, "internal error") instead of a RulesError.
  std::string structure = default_text("structure.yaml");
  const std::string at = "replacements:\n";
  ASSERT_NE(structure.find(at), std::string::npos);
  // (An explicit key, "? ...": YAML limits implicit keys to 1024 characters.)
  structure.insert(structure.find(at) + at.size(), "  ? \"" + std::string(3u << 20, 'q') + "\"\n  : \"\"\n");
  // 3 MiB and the 28 bytes of the default keys.
  // The message points at the first replacement: the line after "replacements:".
  const auto line = std::count(structure.begin(), structure.begin() + static_cast<std::ptrdiff_t>(structure.find(at)), '\n') + 2;
  EXPECT_TRUE(has_message(errors_of(with("structure.yaml", structure)),
                          "mappings/structure.yaml:" + std::to_string(line) + ":3: the replacements do not compile: ",
                          "they are 3145756 bytes together, over the limit of 2097152"));
}

TEST(HostileRules, ManyErrorsAreCounted) {
  std::string text = default_text("citations.yaml");
  for (int i = 0; i < 500; ++i) text += "  - id: bad" + std::to_string(i) + "\n";
  const auto messages = errors_of(with("citations.yaml", text));
  ASSERT_EQ(messages.size(), RuleLimits::messages + 1);
  EXPECT_EQ(messages.back(), "... and 1400 more error(s)");  // 3 per rule: kind, pattern, emit
}

// --- inputs ---------------------------------------------------------------------------------------

TEST(HostileInputs, NumberWordsDoNotOverflow) {
  const Vocabulary& v = test::default_rules().vocabulary;
  EXPECT_EQ(v.number("one hundred and first"), 101);
  EXPECT_EQ(v.number("hundred hundred hundred hundred hundred hundred"), std::nullopt);
  EXPECT_EQ(v.number("ninety-ninth hundred hundred"), 990000);
  EXPECT_EQ(v.number("ninety-ninth hundred hundred hundred"), std::nullopt);  // 99,000,000: over 999,999
  Vocabulary hostile;
  hostile.number_words = {{"big", 1000000}, {"hundred", 100}};
  EXPECT_EQ(hostile.number("big big big big"), std::nullopt);
  EXPECT_EQ(hostile.number("big"), std::nullopt);  // over 999999, as digits are
}

TEST(HostileInputs, ReadingStopsAtTheLimitWhenTheFileGrows) {
  // /proc files say 0 bytes to stat and then give more: the limit holds on what is read.
  const std::filesystem::path maps = "/proc/self/maps";
  ASSERT_TRUE(std::filesystem::is_regular_file(maps));
  try {
    (void)read_source(maps, 100);
    FAIL() << "read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.stage(), "read");
    EXPECT_STREQ(e.what(), "file grew over the limit of 100 bytes while it was read (--max-file-size)");
  }
  const SourceFile whole = read_source(maps, 64u << 20);
  EXPECT_GT(whole.bytes.size(), 100u);
  EXPECT_EQ(whole.stamp.size, static_cast<std::int64_t>(whole.bytes.size()));
}

TEST(HostileInputs, ReadSourceAtTheLimit) {
  test::TempDir dir;
  test::write_text(dir / "ten.txt", "0123456789");
  EXPECT_EQ(read_source(dir / "ten.txt", 10).bytes, "0123456789");
  EXPECT_THROW((void)read_source(dir / "ten.txt", 9), InputError);
  EXPECT_EQ(read_source(dir / "ten.txt", UINTMAX_MAX).bytes, "0123456789");
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  try {
    (void)read_source(dir / "fifo", 100);  // must not block on open
    FAIL() << "read";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "not a regular file (a FIFO, socket or device)");
  }
}

TEST(HostileInputs, ManyDeadlinesInOneParagraphAreSettledInLinearTime) {
  // Was quadratic: a 50 MB paragraph (330,000 deadlines) took three minutes.
  const RuleSet& rules = test::default_rules();
  ASSERT_FALSE(rules.deadlines.empty());
  std::vector<DeadlineHit> hits;
  for (std::size_t i = 0; i < 200000; ++i) {
    DeadlineHit hit{&rules.deadlines[i % 2], {}};
    hit.record.kind = "report";
    hit.record.session = static_cast<int>(70 + i % 3);
    hit.record.span = {i * 10, i * 10 + 15};  // overlaps the next one
    hits.push_back(std::move(hit));
  }
  const auto start = Clock::now();
  settle_deadlines(hits);
  EXPECT_LT(seconds_since(start), 5.0 * kSlow);
  // Neighbours overlap but have other sessions: all are kept, in order.
  ASSERT_EQ(hits.size(), 200000u);
  EXPECT_TRUE(std::is_sorted(hits.begin(), hits.end(), [](const DeadlineHit& a, const DeadlineHit& b) {
    return a.record.span.begin < b.record.span.begin;
  }));
}

TEST(HostileInputs, SettleDeadlinesDropsOverlapsOfTheSameSessionOnly) {
  const RuleSet& rules = test::default_rules();
  const auto hit = [&](std::size_t begin, std::size_t end, int session, const std::string& kind = "report") {
    DeadlineHit h{&rules.deadlines[0], {}};
    h.record.kind = kind;
    h.record.session = session;
    h.record.span = {begin, end};
    return h;
  };
  std::vector<DeadlineHit> hits = {hit(10, 20, 70), hit(0, 11, 70), hit(20, 30, 70), hit(15, 16, 71),
                                   hit(5, 12, 70, "agenda_item"), hit(19, 25, 70), hit(40, 40, 70), hit(35, 45, 70)};
  settle_deadlines(hits);
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const auto& h : hits) spans.emplace_back(h.record.span.begin, h.record.span.end);
  // (0,11) overlaps (10,20); (19,25) overlaps (10,20); (35,45) holds the empty (40,40), kept first.
  EXPECT_EQ(spans, (std::vector<std::pair<std::size_t, std::size_t>>{{5, 12}, {10, 20}, {15, 16}, {20, 30}, {40, 40}}));
}

}  // namespace
}  // namespace unres
