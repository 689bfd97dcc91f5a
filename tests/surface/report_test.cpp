// render_report (plain data -> HTML) and Queries::report_data on the seeds.
#include <gtest/gtest.h>

#include <regex>

#include "report.h"
#include "surface.h"

namespace unres {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The <svg ...>...</svg> element with this id.
std::string chart(const std::string& html, const std::string& id) {
  const auto begin = html.find("<svg class=\"chart\" id=\"" + id + "\"");
  if (begin == std::string::npos) return {};
  return html.substr(begin, html.find("</svg>", begin) - begin);
}

ReportData sample() {
  ReportData d;
  d.database = "sample.db";
  d.generated_at = "2024-01-01 00:00 UTC";
  d.totals = {{"resolutions", 3, ""}};
  d.sessions = {{68, "", 1}, {68, "Second Committee", 2}, {69, "Third Committee", 4}};
  d.verbs = {{"request", 9, ""}, {"decide", 4, ""}, {"note", 1, ""}};
  d.reports_due = {{"69 (2014)", 2, ""}, {"70 (2015)", 1, ""}};
  d.cited = {{"A/RES/59/48", 2, "3 citations"}};
  d.organizations = {{"<script>alert(1)</script> & Co", 5, ""}, {"UNDP", 3, ""}};
  return d;
}

TEST(Report, OneChartPerSeriesWithOneBarPerValue) {
  const std::string html = render_report(sample());
  EXPECT_EQ(count(chart(html, "chart-sessions"), "class=\"bar\""), 3u);
  EXPECT_EQ(count(chart(html, "chart-verbs"), "class=\"bar\""), 3u);
  EXPECT_EQ(count(chart(html, "chart-reports"), "class=\"bar\""), 2u);
  EXPECT_EQ(count(chart(html, "chart-cited"), "class=\"bar\""), 1u);
  EXPECT_EQ(count(chart(html, "chart-organizations"), "class=\"bar\""), 2u);
  EXPECT_NE(chart(html, "chart-sessions").find("data-bars=\"3\""), std::string::npos);
  EXPECT_NE(html.find("Second Committee"), std::string::npos);
  EXPECT_NE(html.find("Plenary"), std::string::npos);
}

TEST(Report, LongerBarsForLargerValues) {
  const std::string verbs = chart(render_report(sample()), "chart-verbs");
  const std::regex width("class=\"bar\"[^>]* width=\"([0-9]+)\"");
  std::vector<int> widths;
  for (std::sregex_iterator it(verbs.begin(), verbs.end(), width), end; it != end; ++it)
    widths.push_back(std::stoi((*it)[1]));
  ASSERT_EQ(widths.size(), 3u);
  EXPECT_GT(widths[0], widths[1]);
  EXPECT_GT(widths[1], widths[2]);
  EXPECT_GT(widths[2], 0);
}

TEST(Report, SelfContainedAndEscaped) {
  const std::string html = render_report(sample());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"), std::string::npos);
  for (const std::string external : {"src=", "href=", "url(", "@import", "http://", "https://"}) {
    std::string rest = html;
    // The SVG namespace is a name, not a download.
    for (auto at = rest.find("http://www.w3.org/2000/svg"); at != std::string::npos;
         at = rest.find("http://www.w3.org/2000/svg"))
      rest.erase(at, 26);
    EXPECT_EQ(rest.find(external), std::string::npos) << external;
  }
}

TEST(Report, EmptySeriesStillHaveTheirChart) {
  ReportData empty;
  const std::string html = render_report(empty);
  for (const std::string id : {"chart-sessions", "chart-verbs", "chart-reports", "chart-cited", "chart-organizations"}) {
    const auto svg = chart(html, id);
    ASSERT_FALSE(svg.empty()) << id;
    EXPECT_NE(svg.find("data-bars=\"0\""), std::string::npos) << id;
    EXPECT_NE(svg.find("No data"), std::string::npos) << id;
  }
}

TEST(ReportData, SeedsNumbers) {
  Queries queries(test::seeds_database());
  const ReportData d = queries.report_data(15);
  std::int64_t resolutions = 0;
  for (const auto& s : d.sessions) resolutions += s.resolutions;
  EXPECT_EQ(resolutions, 5);
  ASSERT_FALSE(d.totals.empty());
  EXPECT_EQ(d.totals[0].label, "resolutions");
  EXPECT_EQ(d.totals[0].value, 5);
  ASSERT_FALSE(d.verbs.empty());
  EXPECT_LE(d.verbs.size(), 15u);
  for (std::size_t i = 1; i < d.verbs.size(); ++i) EXPECT_GE(d.verbs[i - 1].value, d.verbs[i].value);
  // Reports due at General Assembly sessions 67, 69 (two), 70 and 71; the committee's session 18 is not one.
  std::map<std::string, std::int64_t> due;
  for (const auto& b : d.reports_due) due[b.label] = b.value;
  EXPECT_EQ(due, (std::map<std::string, std::int64_t>{{"67 (2012)", 1}, {"69 (2014)", 2}, {"70 (2015)", 1}, {"71 (2016)", 1}}));
  ASSERT_FALSE(d.cited.empty());
  EXPECT_EQ(d.cited[0].value, 2);
  ASSERT_FALSE(d.organizations.empty());
  EXPECT_EQ(d.organizations[0].label, "Shanghai Cooperation Organization (SCO)");
  // Issue 17: a name too long for the chart is shown by its acronym, not cut; the tooltip has it all.
  bool csto = false;
  for (const auto& b : d.organizations) {
    if (b.label == "CSTO") {
      csto = true;
      EXPECT_EQ(b.note.rfind("Collective Security Treaty Organization; in ", 0), 0u) << b.note;
    }
    EXPECT_EQ(b.label.find("(CSTO)"), std::string::npos) << b.label;
  }
  EXPECT_TRUE(csto);
  const std::string html = render_report(d);
  EXPECT_EQ(chart(html, "chart-organizations").find("Collective Security Treaty Organi…"), std::string::npos);
}

// Issue 17: the committee legend follows the Assembly's order (First .. Sixth, then the plenary),
// not the alphabet, and so do the stacks.
TEST(Report, CommitteesInTheAssemblysOrder) {
  ReportData d = sample();
  d.sessions = {{70, "", 3},
                {70, "Fifth Committee", 1},
                {70, "First Committee", 2},
                {70, "Second Committee", 1},
                {70, "Sixth Committee", 1},
                {70, "Special Political and Decolonization Committee (Fourth Committee)", 1},
                {70, "Third Committee", 2}};
  const std::string html = render_report(d);
  const auto legend = html.substr(html.find("<p class=\"legend\">"));
  std::vector<std::size_t> at;
  for (const std::string name : {"First Committee", "Second Committee", "Third Committee", "(Fourth Committee)",
                                 "Fifth Committee", "Sixth Committee", "Plenary"})
    at.push_back(legend.find(name));
  for (std::size_t i = 0; i < at.size(); ++i) {
    ASSERT_NE(at[i], std::string::npos) << i;
    if (i) {
      EXPECT_LT(at[i - 1], at[i]) << i;
    }
  }
  const auto sessions = chart(html, "chart-sessions");
  EXPECT_LT(sessions.find("First Committee"), sessions.find("Second Committee"));
  EXPECT_LT(sessions.find("Sixth Committee"), sessions.find("Plenary"));
}

}  // namespace
}  // namespace unres
