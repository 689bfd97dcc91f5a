// rules/pattern.h: compiling, searching and group extraction on top of RE2.
#include <gtest/gtest.h>

#include <filesystem>

#include <stdexcept>
#include <string>

#include "common.h"
#include "rules/pattern.h"
#include "rules/ruleset.h"

namespace unres {
namespace {

std::string text_of(std::string_view text, const Span& span) { return std::string(text.substr(span.begin, span.size())); }

TEST(Pattern, CompileErrorThrowsInvalidArgumentWithRe2Message) {
  struct Row {
    const char* source;
    const char* message;  // RE2's wording
  };
  const Row rows[] = {
      {"(?P<symbol>A/RES", "missing )"},
      {"a)", "unexpected )"},
      {"[a-", "missing ]"},
      {"x{2,1}", "invalid repetition size"},
      {"a**", "bad repetition operator"},
      {"(?P<name", "invalid named capture group"},
      {"\\8", "invalid escape sequence"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.source);
    try {
      (void)Pattern::compile(row.source);
      ADD_FAILURE() << "compiled";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(row.message), std::string::npos) << e.what();
    }
  }
}

TEST(Pattern, CompileErrorNamesTheOffendingFragment) {
  try {
    (void)Pattern::compile("ab(cd");
    FAIL() << "compiled";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "missing ): ab(cd");
  }
}

TEST(Pattern, DefaultPatternIsInvalidAndMatchesNothing) {
  const Pattern p;
  EXPECT_FALSE(p.valid());
  EXPECT_FALSE(p.find("anything").has_value());
  EXPECT_TRUE(p.find_all("anything").empty());
  EXPECT_EQ(p.group("x"), -1);
  EXPECT_EQ(p.source(), "");
}

TEST(Pattern, FindReturnsWholeAndGroupSpans) {
  const Pattern p = Pattern::compile(R"((?P<session>\d+)/(?P<number>\d+))");
  ASSERT_TRUE(p.valid());
  const std::string text = "see resolution 68/272 and 69/1";
  const auto m = p.find(text);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(text_of(text, m->whole), "68/272");
  EXPECT_EQ(m->whole.begin, 15u);
  EXPECT_EQ(m->whole.end, 21u);
  ASSERT_EQ(m->groups.size(), 3u);
  EXPECT_FALSE(m->groups[0].has_value());
  EXPECT_EQ(text_of(text, *m->groups[static_cast<std::size_t>(p.group("session"))]), "68");
  EXPECT_EQ(text_of(text, *m->groups[static_cast<std::size_t>(p.group("number"))]), "272");
  // From an offset: the next match.
  const auto m2 = p.find(text, m->whole.end);
  ASSERT_TRUE(m2.has_value());
  EXPECT_EQ(text_of(text, m2->whole), "69/1");
  EXPECT_FALSE(p.find(text, m2->whole.end).has_value());
  EXPECT_FALSE(p.find(text, text.size() + 1).has_value());
}

TEST(Pattern, TestAgreesWithFindAndMatchAt) {
  // test() / test_at() answer whether find() / match_at() would match, context included.
  const std::vector<std::string> sources = {R"((?P<session>\d+)/(?P<number>\d+))", R"(\bA/RES\b)", "^$", R"(^\s*\d+\.)",
                                            R"((?m)^Annex$)", R"(a{0})"};
  const std::vector<std::string> texts = {"", "see 68/272", "xA/RES/1 A/RES/2", "  12. text", "text\nAnnex\nmore", "\n"};
  // Patterns with many groups keep their spans on the heap: the same answers.
  std::string many;
  for (int i = 0; i < 20; ++i) many += "(\\d)?";
  const std::vector<std::string> all = [&] { auto v = sources; v.push_back(many + "/"); return v; }();
  for (const auto& source : all) {
    const Pattern p = Pattern::compile(source);
    ASSERT_TRUE(p.valid()) << source;
    for (const auto& text : texts)
      for (std::size_t at = 0; at <= text.size() + 1; ++at) {
        EXPECT_EQ(p.test(text, at), p.find(text, at).has_value()) << source << " in '" << text << "' from " << at;
        EXPECT_EQ(p.test_at(text, at), p.match_at(text, at).has_value()) << source << " in '" << text << "' at " << at;
        EXPECT_EQ(p.test(text, 0, at), p.find(text, 0, at).has_value()) << source << " in '" << text << "' to " << at;
      }
  }
  EXPECT_FALSE(Pattern().test("anything"));
  EXPECT_FALSE(Pattern().test_at("anything", 0));
}

TEST(Pattern, LiteralsFindWhatTheirAlternationFinds) {
  // any_literal() without a prefix skips to the bytes a literal starts with: the matches must be
  // those of the same alternation run by RE2 over every byte, on made-up and real text.
  const auto check = [](const std::vector<std::string>& literals, const std::string& text) {
    const Pattern plain = Pattern::any_literal(literals, "(?:)", "");  // a prefix: no skipping
    const Pattern skipping = Pattern::any_literal(literals, "", "");
    const auto a = plain.find_all(text), b = skipping.find_all(text);
    ASSERT_EQ(a.size(), b.size()) << text.substr(0, 60);
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].whole.begin, b[i].whole.begin);
      EXPECT_EQ(a[i].whole.end, b[i].whole.end);
    }
    for (std::size_t from = 0; from <= text.size() && from < 40; ++from)
      for (std::size_t to = from; to <= text.size() && to < 40; ++to)
        EXPECT_EQ(plain.test(text, from, to), skipping.test(text, from, to)) << from << " " << to;
  };
  check({"ab", "a", "b", "abc"}, "xxabcab ba a b abab");
  check({"\u2019", "\u00a0", "-"}, "it\u2019s a\u00a0b - c\u2014d");
  std::vector<std::string> keys;
  for (const auto& [from, to] : test::default_rules().replacements) keys.push_back(from);
  ASSERT_FALSE(keys.empty());
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::data_dir()))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") check(keys, test::read_text(entry.path()));
}

// Every pattern of the default rules, by source.
std::vector<std::string> rule_sources() {
  const RuleSet& r = test::default_rules();
  std::vector<const Pattern*> all = {&r.document.start, &r.document.enacting_formula, &r.document.operative,
                                     &r.document.subparagraph, &r.document.roman_label, &r.document.closing,
                                     &r.document.footnote, &r.document.end, &r.document.annex, &r.document.heading,
                                     &r.organizations.defined_acronym, &r.ibid, &r.phrases.secondary_connector};
  for (const auto& p : r.document.footnote_marks) all.push_back(&p);
  for (const auto& l : r.layouts) {
    all.push_back(&l.detect);
    for (const auto* o : {&l.page_break, &l.page_counter, &l.footnote_separator, &l.footnote_start, &l.paragraph_start,
                          &l.number_only})
      if (*o) all.push_back(&**o);
    for (const auto& p : l.furniture) all.push_back(&p);
  }
  for (const auto& m : r.metadata) all.push_back(&m.pattern);
  for (const auto& profile : r.profiles) {  // each profile's own patterns and metadata rules
    for (const auto* p : {&profile.document.start, &profile.document.enacting_formula, &profile.document.closing})
      all.push_back(p);
    if (profile.document.embedded) all.push_back(&*profile.document.embedded);
    for (std::size_t i = 0; i < profile.own_metadata; ++i) all.push_back(&profile.metadata[i].pattern);
  }
  for (const auto& c : r.citations) {
    all.push_back(&c.pattern);
    if (c.next) all.push_back(&*c.next);
  }
  for (const auto& d : r.deadlines) all.push_back(&d.pattern);
  std::vector<std::string> out;
  for (const auto* p : all) out.push_back(p->source());
  return out;
}

void expect_same_matches(const Pattern& a, const Pattern& b, const std::string& text, std::size_t from, std::size_t to) {
  const auto x = a.find_all(text, from, to), y = b.find_all(text, from, to);
  ASSERT_EQ(x.size(), y.size()) << a.source();
  for (std::size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].whole.begin, y[i].whole.begin) << a.source();
    EXPECT_EQ(x[i].whole.end, y[i].whole.end) << a.source();
    ASSERT_EQ(x[i].groups.size(), y[i].groups.size());
    for (std::size_t g = 1; g < x[i].groups.size(); ++g) {
      EXPECT_EQ(x[i].groups[g].has_value(), y[i].groups[g].has_value()) << a.source();
      if (x[i].groups[g] && y[i].groups[g]) {
        EXPECT_EQ(x[i].groups[g]->begin, y[i].groups[g]->begin) << a.source();
      }
    }
  }
  EXPECT_EQ(a.test(text, from, to), b.test(text, from, to)) << a.source();
  const auto f = a.find(text, from, to), g = b.find(text, from, to);
  EXPECT_EQ(f.has_value(), g.has_value()) << a.source();
  if (f && g) {
    EXPECT_EQ(f->whole.begin, g->whole.begin) << a.source();
  }
}

TEST(Pattern, PrefilterChangesNoMatch) {
  // A search first looks for the literals every match contains: on every pattern of the rules
  // and every test document (whole, and in pieces), the matches are those of RE2 alone.
  PatternOptions plain;
  plain.prefilter = false;
  std::vector<std::pair<Pattern, Pattern>> pairs;
  for (const auto& source : rule_sources()) pairs.emplace_back(Pattern::compile(source), Pattern::compile(source, plain));
  ASSERT_GT(pairs.size(), 40u);
  std::size_t documents = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::data_dir())) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    const std::string text = test::read_text(entry.path());
    ++documents;
    for (const auto& [filtered, unfiltered] : pairs)
      for (const std::size_t from : {std::size_t{0}, text.size() / 3, text.size() / 2}) {
        expect_same_matches(filtered, unfiltered, text, from, std::string_view::npos);
        expect_same_matches(filtered, unfiltered, text, from, from + 300);
      }
    // One line at a time, as layouts and the document structure test them (the first-byte check).
    std::size_t begin = 0;
    while (begin < text.size()) {
      const std::size_t end = std::min(text.find('\n', begin), text.size());
      const std::string line = text.substr(begin, end - begin);
      for (const auto& [filtered, unfiltered] : pairs) {
        EXPECT_EQ(filtered.test(line), unfiltered.test(line)) << filtered.source() << " | " << line;
        EXPECT_EQ(filtered.test_at(line, 0), unfiltered.test_at(line, 0)) << filtered.source() << " | " << line;
        EXPECT_EQ(filtered.test_at(text, begin), unfiltered.test_at(text, begin)) << filtered.source() << " | " << line;
        const auto a = filtered.match_at(line, 0), b = unfiltered.match_at(line, 0);
        EXPECT_EQ(a.has_value(), b.has_value()) << filtered.source() << " | " << line;
        if (a && b) {
          EXPECT_EQ(a->whole.end, b->whole.end) << filtered.source() << " | " << line;
        }
        const auto f = filtered.find(line), g = unfiltered.find(line);
        EXPECT_EQ(f.has_value(), g.has_value()) << filtered.source() << " | " << line;
      }
      begin = end + 1;
    }
  }
  EXPECT_GT(documents, 5u);
}

TEST(Pattern, FirstByteCheckKeepsEveryMatch) {
  PatternOptions plain;
  plain.prefilter = false;
  const std::vector<std::string> sources = {"^$", "^_{5,}$", R"(^\s*\d+\.)", "^a|b", "^(?:a|b)c", "(?m)^x", R"([|^]x)",
                                            "(?i)abc", "x*", R"(^\[\]|y)", "^[]|]z", R"(\bC\S+)", "^\u201cq"};
  const std::vector<std::string> texts = {"", "_____", "  12. x", "b", "zb", "bc", "ac", "a\nx", "|x", "ABC", "q",
                                          "[]", "y", "]z", "|z", "C\u00f4te", "\u201cq", "\u201dq", "xyz"};
  for (const auto& source : sources) {
    const Pattern a = Pattern::compile(source), b = Pattern::compile(source, plain);
    for (const auto& text : texts)
      for (std::size_t at = 0; at <= text.size(); ++at) {
        EXPECT_EQ(a.test_at(text, at), b.test_at(text, at)) << source << " | " << text << " @" << at;
        EXPECT_EQ(a.test(text, at), b.test(text, at)) << source << " | " << text << " @" << at;
        EXPECT_EQ(a.find(text, at).has_value(), b.find(text, at).has_value()) << source << " | " << text << " @" << at;
        EXPECT_EQ(a.match_at(text, at).has_value(), b.match_at(text, at).has_value()) << source << " | " << text;
      }
  }
}

TEST(Pattern, PrefilterFindsLiteralsInAnyCaseAndPlace) {
  const std::string pad(300, '.');
  const Pattern p = Pattern::compile(R"(\bResolution adopted by (?P<who>the General Assembly|the Council)\b)");
  EXPECT_TRUE(p.find(pad + "Resolution adopted by the Council").has_value());  // at the very end
  EXPECT_TRUE(p.find("Resolution adopted by the General Assembly" + pad).has_value());  // at the very start
  EXPECT_FALSE(p.find(pad + "RESOLUTION ADOPTED BY THE COUNCIL" + pad).has_value());
  EXPECT_FALSE(p.find(pad + "Resolution adopted by the Security Council" + pad).has_value());
  EXPECT_EQ(p.find_all(pad + "Resolution adopted by the Council" + pad + "Resolution adopted by the Council").size(), 2u);
  // Literals beyond ASCII are never ruled out by the ASCII search.
  EXPECT_TRUE(Pattern::compile("Côte d’Ivoire").test(pad + "la Côte d’Ivoire" + pad));
  // Case-insensitive parts fold the long s onto s, which RE2 matches and the prefilter leaves alone.
  EXPECT_TRUE(Pattern::compile("(?i:requests) the").test(pad + "reque\u017fts the" + pad));
  EXPECT_TRUE(Pattern::compile("(?si)requests the").test(pad + "reque\u017fts the" + pad));
  EXPECT_TRUE(Pattern::compile("(?mi:requests) the").test(pad + "reque\u017fts the" + pad));
}

TEST(Pattern, FindSeesContextBeforeTheStartOffset) {
  // \b and ^ look at the whole subject, not at the substring from `from`.
  const Pattern word = Pattern::compile(R"(\bcat\b)");
  EXPECT_FALSE(word.find("concat", 3).has_value());
  EXPECT_TRUE(word.find("a cat", 2).has_value());
  const Pattern start = Pattern::compile("^x");
  EXPECT_FALSE(start.find("ax", 1).has_value());
  const Pattern line = Pattern::compile("(?m)^x");
  const auto m = line.find("a\nx", 1);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->whole.begin, 2u);
}

TEST(Pattern, MatchAtIsAnchored) {
  const Pattern p = Pattern::compile(R"(\d+)");
  const std::string text = "ab 12 34";
  EXPECT_FALSE(p.match_at(text, 0).has_value());
  EXPECT_FALSE(p.match_at(text, 2).has_value());
  const auto m = p.match_at(text, 3);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->whole.begin, 3u);
  EXPECT_EQ(m->whole.end, 5u);
  EXPECT_EQ(p.match_at(text, 4)->whole.end, 5u);
}

TEST(Pattern, FindAllIsNonOverlappingLeftToRight) {
  const Pattern p = Pattern::compile("aa");
  const auto all = p.find_all("aaaaa");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].whole.begin, 0u);
  EXPECT_EQ(all[1].whole.begin, 2u);
}

TEST(Pattern, FindAllHonoursTheRange) {
  const Pattern p = Pattern::compile(R"(\d)");
  const std::string text = "1 2 3 4 5";
  const auto all = p.find_all(text, 2, 7);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(text_of(text, all[0].whole), "2");
  EXPECT_EQ(text_of(text, all[2].whole), "4");
  // A match may not run past `to`.
  const Pattern two = Pattern::compile(R"(\d \d)");
  const auto cut = two.find_all(text, 0, 4);
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_EQ(cut[0].whole.end, 3u);
}

TEST(Pattern, FindAllStepsOverEmptyMatches) {
  const Pattern p = Pattern::compile("x*");
  const auto all = p.find_all("abc");
  // An empty match at 0, 1, 2 and 3: terminates, one per position.
  EXPECT_EQ(all.size(), 4u);
  const auto some = p.find_all("xxa");
  ASSERT_FALSE(some.empty());
  EXPECT_EQ(some[0].whole.size(), 2u);
}

TEST(Pattern, CaseInsensitiveOption) {
  PatternOptions ci;
  ci.case_insensitive = true;
  EXPECT_TRUE(Pattern::compile("recalling", ci).find("RECALLING").has_value());
  EXPECT_FALSE(Pattern::compile("recalling").find("RECALLING").has_value());
}

TEST(Pattern, AnyLiteralQuotesMetacharacters) {
  const Pattern p = Pattern::any_literal({"a.b", "(x)", "c+"}, "", "");
  EXPECT_FALSE(p.find("axb").has_value());
  EXPECT_TRUE(p.find("the a.b here").has_value());
  EXPECT_TRUE(p.find("(x)").has_value());
  EXPECT_FALSE(p.find("x").has_value());
  EXPECT_FALSE(p.find("cc").has_value());
  EXPECT_TRUE(p.find("c+").has_value());
}

TEST(Pattern, AnyLiteralLongestMatch) {
  PatternOptions longest;
  longest.longest_match = true;
  // Listed shortest first: leftmost-longest must still take the longest alternative.
  const Pattern p = Pattern::any_literal({"United Nations", "United Nations Children's Fund", "Fund"}, "\\b", "\\b", longest);
  const std::string text = "the United Nations Children's Fund said";
  const auto m = p.find(text);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(text_of(text, m->whole), "United Nations Children's Fund");
  // Leftmost-first (the default) takes the first alternative that matches.
  const Pattern first = Pattern::any_literal({"United Nations", "United Nations Children's Fund"}, "\\b", "\\b");
  EXPECT_EQ(text_of(text, first.find(text)->whole), "United Nations");
  // Prefix and suffix apply: whole words only.
  EXPECT_FALSE(p.find("Funding").has_value());
  const auto all = p.find_all("Fund, United Nations and Fund");
  ASSERT_EQ(all.size(), 3u);
}

TEST(Pattern, GroupNamesAndIndexes) {
  const Pattern p = Pattern::compile(R"((?P<a>x)(y)(?P<b>z)?)");
  EXPECT_EQ(p.group("a"), 1);
  EXPECT_EQ(p.group("b"), 3);
  EXPECT_EQ(p.group("c"), -1);
  EXPECT_EQ(p.group_names().size(), 2u);
  EXPECT_EQ(p.source(), R"((?P<a>x)(y)(?P<b>z)?)");
}

TEST(Pattern, GroupText) {
  const Pattern p = Pattern::compile(R"((?P<a>x)(?P<b>z)?(?P<c>y*))");
  const std::string text = "--x--";
  const auto m = p.find(text);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(group_text(text, *m, p.group("a")), "x");
  EXPECT_EQ(group_text(text, *m, p.group("b")), "");   // did not take part
  EXPECT_FALSE(m->groups[static_cast<std::size_t>(p.group("b"))].has_value());
  EXPECT_EQ(group_text(text, *m, p.group("c")), "");   // took part, empty
  EXPECT_TRUE(m->groups[static_cast<std::size_t>(p.group("c"))].has_value());
  EXPECT_EQ(group_text(text, *m, -1), "");             // unknown group
  EXPECT_EQ(group_text(text, *m, 0), "");              // the whole match is not a group
  EXPECT_EQ(group_text(text, *m, 99), "");
}

TEST(Pattern, TemplatesRenderGroupsAndFoldSpace) {
  const Pattern p = Pattern::compile(R"((?P<session>\d+)/(?P<number>\d+)(?:\s+(?P<part>[A-Z]))?)");
  const std::string text = "68/272";
  const auto m = p.find(text);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(render_template("A/RES/{session}/{number}", text, p, *m), "A/RES/68/272");
  EXPECT_EQ(render_template("A/RES/{session}/{number} {part}", text, p, *m), "A/RES/68/272");
  EXPECT_EQ(render_template("{missing}x", text, p, *m), "x");
  EXPECT_EQ(render_template("  A   {number} ", text, p, *m), "A 272");
  EXPECT_EQ(render_template("open {brace", text, p, *m), "open {brace");
  EXPECT_EQ(template_groups("A/RES/{session}/{number} {part}"), (std::vector<std::string>{"session", "number", "part"}));
  EXPECT_TRUE(template_groups("no groups").empty());
}

}  // namespace
}  // namespace unres
