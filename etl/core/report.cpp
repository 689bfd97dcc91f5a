#include "report.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <string_view>
#include <type_traits>

namespace unres {

namespace {

constexpr int kWidth = 1000;  // every chart's width in SVG units (the page is 1100 px wide at most)
constexpr std::string_view kPalette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                         "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

std::string_view colour(std::size_t i) { return kPalette[i % std::size(kPalette)]; }

// Escapes text for HTML and SVG, in element content and in quoted attributes alike.
std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// At most `max` bytes of UTF-8 text, cut at a character boundary, with an ellipsis when cut.
std::string shorten(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

// Whole numbers as they are; coordinates rounded to whole SVG units.
template <typename T>
std::string num(T v) {
  if constexpr (std::is_floating_point_v<T>) return std::to_string(static_cast<long long>(v + 0.5));
  else return std::to_string(v);
}

// A round step for about four gridlines up to `max`: 1, 2 or 5 times a power of ten.
std::int64_t grid_step(std::int64_t max) {
  std::int64_t step = 1;
  for (;;) {
    for (const std::int64_t m : {1, 2, 5})
      if (max <= 4 * step * m) return step * m;
    step *= 10;
  }
}

std::string svg_open(const std::string& id, int height, std::size_t bars, const std::string& label) {
  return "<svg class=\"chart\" id=\"" + id + "\" data-bars=\"" + std::to_string(bars) +
         "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
         std::to_string(height) + "\" width=\"" + std::to_string(kWidth) + "\" height=\"" + std::to_string(height) +
         "\" role=\"img\" aria-label=\"" + escape(label) + "\">\n";
}

std::string no_data(const std::string& id, const std::string& label) {
  return svg_open(id, 40, 0, label) + "<text class=\"empty\" x=\"10\" y=\"25\">No data in this database.</text></svg>\n";
}

std::string bar_title(const Bar& bar) {
  return escape(bar.label) + ": " + num(bar.value) + (bar.note.empty() ? "" : " (" + escape(bar.note) + ")");
}

// Ranked list: one horizontal bar per item, label on the left, value on the right.
std::string horizontal_bars(const std::string& id, const std::string& label, const std::vector<Bar>& bars,
                            std::string_view fill) {
  if (bars.empty()) return no_data(id, label);
  constexpr int kRow = 22, kBar = 16, kLabelWidth = 360, kBarSpace = 560;
  const std::int64_t max = std::max<std::int64_t>(1, std::max_element(bars.begin(), bars.end(), [](auto& a, auto& b) {
                                                       return a.value < b.value;
                                                     })->value);
  std::string svg = svg_open(id, static_cast<int>(bars.size()) * kRow + 8, bars.size(), label);
  int y = 4;
  for (const auto& bar : bars) {
    const double length = std::max(1.0, static_cast<double>(bar.value) * kBarSpace / static_cast<double>(max));
    svg += "<g><title>" + bar_title(bar) + "</title>";
    svg += "<text class=\"label\" x=\"" + num(kLabelWidth - 8) + "\" y=\"" + num(y + 13) +
           "\" text-anchor=\"end\">" + escape(shorten(bar.label, kChartLabelBytes)) + "</text>";
    svg += "<rect class=\"bar\" x=\"" + num(kLabelWidth) + "\" y=\"" + num(y) +
           "\" width=\"" + num(length) + "\" height=\"" + num(kBar) + "\" fill=\"" + std::string(fill) +
           "\" data-value=\"" + num(bar.value) + "\"/>";
    svg += "<text class=\"value\" x=\"" + num(kLabelWidth + length + 6) + "\" y=\"" + num(y + 13) +
           "\">" + num(bar.value) + "</text></g>\n";
    y += kRow;
  }
  return svg + "</svg>\n";
}

// Shared frame of the vertical charts: gridlines and their values, a label under each column.
struct Columns {
  static constexpr int kTop = 12, kPlot = 240, kLeft = 48, kBottom = 44;
  std::size_t count;
  std::int64_t max;
  double pitch() const { return (kWidth - kLeft - 10) / static_cast<double>(count); }
  double width() const { return std::min(48.0, pitch() * 0.75); }
  double x(std::size_t i) const { return kLeft + pitch() * static_cast<double>(i) + (pitch() - width()) / 2; }
  double y(std::int64_t value) const {
    return kTop + kPlot - static_cast<double>(value) * kPlot / static_cast<double>(max);
  }
  static int height() { return kTop + kPlot + kBottom; }

  std::string frame(const std::vector<std::string>& labels) const {
    std::string svg;
    for (std::int64_t v = 0; v <= max; v += grid_step(max)) {
      svg += "<line class=\"grid\" x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - 10) +
             "\" y1=\"" + num(y(v)) + "\" y2=\"" + num(y(v)) + "\"/>";
      svg += "<text class=\"axis\" x=\"" + num(kLeft - 6) + "\" y=\"" + num(y(v) + 4) +
             "\" text-anchor=\"end\">" + num(v) + "</text>\n";
    }
    for (std::size_t i = 0; i < labels.size(); ++i)
      svg += "<text class=\"axis\" x=\"" + num(x(i) + width() / 2) + "\" y=\"" + num(kTop + kPlot + 18) +
             "\" text-anchor=\"middle\">" + escape(labels[i]) + "</text>\n";
    return svg;
  }
};

// Rounds the top of a vertical axis up to a whole number of grid steps.
std::int64_t axis_max(std::int64_t max) {
  const std::int64_t step = grid_step(std::max<std::int64_t>(1, max));
  return (std::max<std::int64_t>(1, max) + step - 1) / step * step;
}

std::string vertical_bars(const std::string& id, const std::string& label, const std::vector<Bar>& bars,
                          std::string_view fill) {
  if (bars.empty()) return no_data(id, label);
  std::int64_t max = 0;
  for (const auto& b : bars) max = std::max(max, b.value);
  const Columns c{bars.size(), axis_max(max)};
  std::vector<std::string> labels;
  for (const auto& b : bars) labels.push_back(b.label);
  std::string svg = svg_open(id, Columns::height(), bars.size(), label) + c.frame(labels);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    svg += "<rect class=\"bar\" x=\"" + num(c.x(i)) + "\" y=\"" + num(c.y(b.value)) + "\" width=\"" + num(c.width()) +
           "\" height=\"" + num(c.y(0) - c.y(b.value)) + "\" fill=\"" + std::string(fill) + "\" data-value=\"" +
           num(b.value) + "\"><title>" + bar_title(b) + "</title></rect>\n";
  }
  return svg + "</svg>\n";
}

std::string committee_name(const std::string& committee) {
  return committee.empty() ? "Plenary (no Main Committee)" : committee;
}

// The order the Assembly itself uses: the Main Committees First to Sixth (the Fourth is also
// "Special Political and Decolonization Committee (Fourth Committee)"), other bodies, then the plenary.
int committee_rank(const std::string& committee) {
  if (committee.empty()) return 100;
  static const char* const ordinals[] = {"First", "Second", "Third", "Fourth", "Fifth", "Sixth"};
  for (int i = 0; i < 6; ++i)
    if (committee.find(std::string(ordinals[i]) + " Committee") != std::string::npos) return i + 1;
  return 50;
}

bool committee_before(const std::string& a, const std::string& b) {
  const int ra = committee_rank(a), rb = committee_rank(b);
  return ra != rb ? ra < rb : a < b;
}

// Resolutions per session, one column per session stacked by committee (First at the bottom),
// and the legend in the same order.
std::string sessions_chart(std::vector<SessionCommitteeCount> counts) {
  const std::string id = "chart-sessions", label = "Resolutions per session and committee";
  if (counts.empty()) return no_data(id, label);
  std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return a.session != b.session ? a.session < b.session : committee_before(a.committee, b.committee);
  });
  std::vector<std::int64_t> sessions;
  std::vector<std::string> committees;
  std::map<std::int64_t, std::int64_t> per_session;
  for (const auto& c : counts) {
    if (sessions.empty() || sessions.back() != c.session) sessions.push_back(c.session);
    if (std::find(committees.begin(), committees.end(), c.committee) == committees.end())
      committees.push_back(c.committee);
    per_session[c.session] += c.resolutions;
  }
  std::sort(committees.begin(), committees.end(), committee_before);
  std::vector<std::pair<std::string, std::size_t>> legend;  // committee, colour index
  std::map<std::string, std::size_t> committee_colour;
  for (const auto& name : committees) {
    committee_colour[name] = legend.size();
    legend.emplace_back(name, legend.size());
  }
  std::int64_t max = 0;
  for (const auto& [session, n] : per_session) max = std::max(max, n);
  const Columns frame{sessions.size(), axis_max(max)};
  std::vector<std::string> labels;
  for (const auto s : sessions) labels.push_back(std::to_string(s));
  std::string svg = svg_open(id, Columns::height(), counts.size(), label) + frame.frame(labels);
  std::map<std::int64_t, std::int64_t> stacked;  // height already drawn per session
  for (const auto& c : counts) {
    const auto i = static_cast<std::size_t>(std::find(sessions.begin(), sessions.end(), c.session) - sessions.begin());
    const std::int64_t below = stacked[c.session];
    stacked[c.session] += c.resolutions;
    svg += "<rect class=\"bar\" x=\"" + num(frame.x(i)) + "\" y=\"" + num(frame.y(below + c.resolutions)) +
           "\" width=\"" + num(frame.width()) + "\" height=\"" +
           num(frame.y(below) - frame.y(below + c.resolutions)) + "\" fill=\"" +
           std::string(colour(committee_colour[c.committee])) + "\" data-value=\"" + num(c.resolutions) +
           "\"><title>session " + num(c.session) + ", " + escape(committee_name(c.committee)) + ": " +
           num(c.resolutions) + "</title></rect>\n";
  }
  svg += "</svg>\n<p class=\"legend\">";
  for (const auto& [name, index] : legend)
    svg += "<span><i style=\"background:" + std::string(colour(index)) + "\"></i>" + escape(committee_name(name)) +
           "</span> ";
  return svg + "</p>\n";
}

std::string section(const std::string& title, const std::string& note, const std::string& chart) {
  return "<section>\n<h2>" + escape(title) + "</h2>\n<p class=\"note\">" + escape(note) + "</p>\n" + chart +
         "</section>\n";
}

}  // namespace

std::string render_report(const ReportData& data) {
  std::string html = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>unres report: )" + escape(data.database) + R"(</title>
<style>
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #222; background: #fff;
       max-width: 1040px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 26px; margin-bottom: 4px; }
h2 { font-size: 19px; margin: 32px 0 4px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
p.meta, p.note { color: #555; font-size: 14px; margin: 4px 0 10px; }
.totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.totals div { background: #f3f6fa; border-radius: 6px; padding: 10px 16px; min-width: 120px; }
.totals b { display: block; font-size: 24px; color: #2b5d8a; }
.totals span { font-size: 13px; color: #555; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 13px; }
svg .label, svg .value, svg .axis { fill: #333; }
svg .axis { font-size: 12px; fill: #666; }
svg .grid { stroke: #e4e4e4; stroke-width: 1; }
svg .empty { fill: #888; font-style: italic; }
p.legend { font-size: 13px; }
p.legend span { margin-right: 14px; white-space: nowrap; }
p.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; }
</style>
</head>
<body>
<h1>United Nations resolutions in the database</h1>
)";
  html += "<p class=\"meta\">Database <code>" + escape(data.database) + "</code>, report generated " +
          escape(data.generated_at) + " by unres " + UNRES_VERSION + ".</p>\n<div class=\"totals\">\n";
  for (const auto& t : data.totals)
    html += "<div><b>" + num(t.value) + "</b><span>" + escape(t.label) + "</span></div>\n";
  html += "</div>\n";
  html += section("Resolutions per session and committee",
                  "Resolutions adopted at each session, by the Main Committee whose report they were adopted on.",
                  sessions_chart(data.sessions));
  html += section("Most used operative verbs",
                  "Action phrases in operative paragraphs, by lemma (lead and later actions).",
                  horizontal_bars("chart-verbs", "Most used operative verbs", data.verbs, colour(0)));
  html += section("Reports due per session",
                  "Reports requested for a session of the General Assembly (the year the session opens).",
                  vertical_bars("chart-reports", "Reports due per session", data.reports_due, colour(1)));
  html += section("Most cited resolutions", "Resolutions cited by the most resolutions in the database.",
                  horizontal_bars("chart-cited", "Most cited resolutions", data.cited, colour(2)));
  html += section("Most mentioned organizations", "Mentions in paragraphs and footnotes.",
                  horizontal_bars("chart-organizations", "Most mentioned organizations", data.organizations,
                                  colour(4)));
  return html + "</body>\n</html>\n";
}

}  // namespace unres
