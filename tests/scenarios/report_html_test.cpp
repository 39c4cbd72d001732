// The printable debrief page: made from the same report JSON as the CLI prints, it shows the
// verdict, every checklist item, every critical error and the plots, escapes all text, and
// copes with a report that lacks fields.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenarios/json_file.h"
#include "scenarios/report_html.h"
#include "scenarios/scenario.h"
#include "scenarios/scoring.h"
#include "scenarios/script.h"
#include "library_fixture.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

nlohmann::json run_trainee(const char* scenario, const char* trainee) {
  Session s(test::library_scenario(scenario), SessionOptions{7, Mode::Practice});
  test::play_trainee(s, trainee);
  return report_to_json(build_report(s), s, true);
}

}  // namespace

TEST(ReportHtml, AFailedSessionShowsItsVerdictCriticalErrorsChecklistAndPlots) {
  const nlohmann::json r = run_trainee("reaction-sharp-radiating-pain", "careless-pushes-on.json");
  ASSERT_FALSE(r["passed"].get<bool>());
  ASSERT_FALSE(r["critical_errors"].empty());
  const std::string html = report_to_html(r, ReportPageInfo{"Sharp pain", "A. Trainee", "2026-11-22"});

  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  // the header names the scenario by its title, never by its internal id
  EXPECT_NE(html.find("<h1>Debrief: Sharp pain</h1>"), std::string::npos);
  EXPECT_EQ(html.find("reaction-sharp-radiating-pain"), std::string::npos);
  EXPECT_NE(html.find("A. Trainee &middot; version 1 &middot; practice mode &middot; replay seed 7"), std::string::npos);
  EXPECT_NE(html.find("FAIL"), std::string::npos);
  EXPECT_EQ(html.find(">PASS<"), std::string::npos);
  for (const auto& c : r["critical_errors"]) EXPECT_NE(html.find(html_escape(c["message"])), std::string::npos);
  for (const auto& i : r["items"]) EXPECT_NE(html.find(html_escape(i["label"])), std::string::npos) << i["label"];
  // four plots: force (three lines), separation, pressure, pain
  EXPECT_EQ(count(html, "<svg"), 4u);
  EXPECT_EQ(count(html, "<polyline"), 6u);
  EXPECT_EQ(count(html, "<tr><th>Reactions</th>"), 1u);
  // nothing the page could run or fetch
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos);
}

TEST(ReportHtml, APassedSessionSaysPass) {
  const nlohmann::json r = run_trainee("routine-lumbar-l45", "expert.json");
  ASSERT_TRUE(r["passed"].get<bool>());
  const std::string html = report_to_html(r, ReportPageInfo{});
  EXPECT_NE(html.find(">PASS<"), std::string::npos);
  EXPECT_NE(html.find("Trainee"), std::string::npos);  // the name the page uses when none is given
  EXPECT_EQ(html.find("class=\"crit\""), std::string::npos);
}

TEST(ReportHtml, TextIsEscaped) {
  nlohmann::json r = run_trainee("routine-lumbar-l45", "expert.json");
  r["timeline"].push_back({{"t_s", 1.0}, {"kind", "note"}, {"text", "<script>alert('x')</script> & \"q\""}});
  const std::string html = report_to_html(r, ReportPageInfo{"<b>title</b>", "O'Brien", ""});
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;title&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("O&#39;Brien"), std::string::npos);
}

TEST(ReportHtml, MissingOrMistypedFieldsAreShownAsAbsent) {
  nlohmann::json r = {{"scenario", "x"}, {"score", "ninety"}, {"items", 3}, {"metrics", {{"max_force_lbf", nullptr}}}};
  const std::string html = report_to_html(r, ReportPageInfo{});
  EXPECT_NE(html.find("FAIL"), std::string::npos);  // no "passed": never shown as a pass
  EXPECT_NE(html.find("&ndash;"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);  // no series, no plots
  EXPECT_NO_FATAL_FAILURE(report_to_html(nlohmann::json::array(), ReportPageInfo{}));
}
