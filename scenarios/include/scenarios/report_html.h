// The printable debrief: a self-contained HTML page (inline CSS and SVG plots, no scripts,
// nothing fetched) made from the report JSON, for the trainee's file or an instructor's
// sign-off. It reads the same JSON the CLI prints, so the page and `tractus run --json` can
// never disagree.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace tractus::scenarios {

/// Who and what the page is about, besides the report itself.
struct ReportPageInfo {
  std::string scenario_title;  // the scenario's title; the id is used when empty
  std::string trainee;         // the trainee's name; "Trainee" when empty
  std::string printed_at;      // when it was made, as the caller formats it (may be empty)
};

/// The page for report_json as made by report_to_json (with or without its series). Every
/// text from the report is HTML-escaped. Fields that are missing or of the wrong type are
/// shown as absent, never guessed.
std::string report_to_html(const nlohmann::json& report_json, const ReportPageInfo& info);

/// Text with &, <, >, " and ' replaced by their HTML entities.
std::string html_escape(const std::string& text);

}  // namespace tractus::scenarios
