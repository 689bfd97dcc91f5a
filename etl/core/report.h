#pragma once
// The HTML report: one self-contained file (inline CSS and SVG, no script, no network) drawn from
// plain numbers. Knows nothing of SQLite: store/queries.h gathers the numbers.
#include <cstdint>
#include <string>
#include <vector>

namespace unres {

// One bar of a chart: what it stands for, its length, and what a tooltip adds (may be empty).
struct Bar {
  std::string label;
  std::int64_t value = 0;
  std::string note;
};

// Labels longer than this (bytes) are cut on the charts: whoever gathers the bars gives a shorter
// one (an acronym) where there is one, the tooltip the whole.
inline constexpr std::size_t kChartLabelBytes = 44;

// Resolutions adopted at a session on the report of a committee (empty: none, the plenary).
struct SessionCommitteeCount {
  std::int64_t session = 0;
  std::string committee;
  std::int64_t resolutions = 0;
};

struct ReportData {
  std::string database;      // shown in the title: the database file's name
  std::string generated_at;  // shown under the title
  std::vector<Bar> totals;   // headline counts (rows of the main tables)
  std::vector<SessionCommitteeCount> sessions;  // by session, then committee
  std::vector<Bar> verbs;         // most used operative verbs (lemmas)
  std::vector<Bar> reports_due;   // reports due per General Assembly session, by session
  std::vector<Bar> cited;         // most cited resolutions
  std::vector<Bar> organizations; // most mentioned organizations
};

// Every chart is an <svg class="chart" id="chart-..."> holding one <rect class="bar"> per bar (per
// session and committee in the stacked chart), so that tests can count them; an empty series
// still gets its <svg>, with a "no data" note.
std::string render_report(const ReportData& data);

}  // namespace unres
