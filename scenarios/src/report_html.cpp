// The printable debrief page. Layout: a header with the verdict, critical errors, the
// checklist with what was expected and why, the metrics, the plots, the debrief prompts and
// the timeline. Plots are inline SVG polylines, thinned to at most kPlotPoints points.
#include "scenarios/report_html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/display_names.h"

namespace tractus::scenarios {

using nlohmann::json;

namespace {

constexpr std::size_t kPlotPoints = 600;
constexpr double kPlotW = 720.0;
constexpr double kPlotH = 110.0;

std::string str(const json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// a number, or NaN when absent or not a number
double num(const json& j, const char* key) {
  if (!j.is_object()) return std::nan("");
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : std::nan("");
}

const json& arr(const json& j, const char* key) {
  static const json empty = json::array();
  if (!j.is_object()) return empty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

std::string fmt(const char* f, double v) {
  if (std::isnan(v)) return "&ndash;";
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

// mm:ss of session time
std::string clock(double t_s) {
  if (std::isnan(t_s) || t_s < 0.0) return "&ndash;";
  const long whole = static_cast<long>(t_s);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02ld:%02ld", whole / 60, whole % 60);
  return buf;
}

struct Line {
  const char* key;
  const char* label;
  const char* colour;
  const char* dash;  // SVG stroke-dasharray, "" for solid
};

// one plot of the named series against t_s; nothing when the report has no series
std::string plot(const json& series, const char* title, const char* unit, std::initializer_list<Line> lines) {
  const json& t = arr(series, "t_s");
  if (t.size() < 2) return {};
  double t_end = 0.0, y_max = 0.0;
  for (const json& v : t)
    if (v.is_number()) t_end = std::max(t_end, v.get<double>());
  for (const Line& l : lines)
    for (const json& v : arr(series, l.key))
      if (v.is_number()) y_max = std::max(y_max, v.get<double>());
  if (t_end <= 0.0) return {};
  y_max = y_max <= 0.0 ? 1.0 : y_max * 1.1;
  const std::size_t step = std::max<std::size_t>(1, t.size() / kPlotPoints);
  std::string out = "<figure><figcaption>" + std::string(title) + " (" + unit + ")</figcaption>";
  char buf[160];
  std::snprintf(buf, sizeof buf, "<svg viewBox=\"-40 -8 %.0f %.0f\" role=\"img\" aria-label=\"%s\">",
                kPlotW + 50.0, kPlotH + 30.0, title);
  out += buf;
  // axes with the top value and the end time
  std::snprintf(buf, sizeof buf, "<path class=\"axis\" d=\"M0 0 V%.0f H%.0f\"/>", kPlotH, kPlotW);
  out += buf;
  std::snprintf(buf, sizeof buf, "<text x=\"-6\" y=\"6\" text-anchor=\"end\">%.0f</text>", y_max);
  out += buf;
  std::snprintf(buf, sizeof buf, "<text x=\"-6\" y=\"%.0f\" text-anchor=\"end\">0</text>", kPlotH);
  out += buf;
  std::snprintf(buf, sizeof buf, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%s</text>", kPlotW,
                kPlotH + 18.0, clock(t_end).c_str());
  out += buf;
  for (const Line& l : lines) {
    const json& y = arr(series, l.key);
    std::string points;
    for (std::size_t i = 0; i < std::min(t.size(), y.size()); i += step) {
      if (!t[i].is_number() || !y[i].is_number()) continue;
      std::snprintf(buf, sizeof buf, "%.1f,%.1f ", t[i].get<double>() / t_end * kPlotW,
                    kPlotH - std::clamp(y[i].get<double>() / y_max, 0.0, 1.0) * kPlotH);
      points += buf;
    }
    out += "<polyline fill=\"none\" stroke=\"" + std::string(l.colour) + "\" stroke-width=\"1.6\"" +
           (l.dash[0] ? " stroke-dasharray=\"" + std::string(l.dash) + "\"" : std::string()) + " points=\"" +
           points + "\"/>";
  }
  out += "</svg><p class=\"legend\">";
  for (const Line& l : lines)
    out += "<span style=\"color:" + std::string(l.colour) + "\">&#9644;</span> " + l.label + " &nbsp; ";
  out += "</p></figure>";
  return out;
}

const char* kStyle = R"(
body{font:14px/1.45 "DejaVu Sans",Arial,sans-serif;color:#1d2733;margin:24px auto;max-width:820px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 6px;border-bottom:1px solid #c9d1da;padding-bottom:3px}
.meta{color:#5b6775}.verdict{display:flex;gap:18px;align-items:center;margin:14px 0}
.score{font-size:40px;font-weight:bold}.pass{color:#1f7a3a}.fail{color:#b3261e}
.badge{font-weight:bold;padding:3px 10px;border-radius:4px;color:#fff}.badge.pass{background:#1f7a3a}.badge.fail{background:#b3261e}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 6px;border-bottom:1px solid #e3e8ee;vertical-align:top}
th{color:#5b6775;font-weight:normal}.crit{color:#b3261e}.why{color:#5b6775}.t{white-space:nowrap;color:#5b6775;width:4em}.pts{white-space:nowrap}
figure{margin:8px 0 14px}figcaption{font-weight:bold}svg{width:100%;height:auto;font-size:11px}
.axis{stroke:#8894a2;fill:none}.legend{margin:2px 0;color:#5b6775}.sign{margin-top:28px;display:flex;gap:40px}
.sign div{flex:1;border-top:1px solid #1d2733;padding-top:4px;color:#5b6775}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}figure,tr{break-inside:avoid}}
)";

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
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

std::string report_to_html(const json& r, const ReportPageInfo& info) {
  const std::string id = str(r, "scenario");
  // the heading names the scenario by its title; its id is an internal name (issue 11, section 5)
  // shown only when no title is known
  const std::string title = html_escape(info.scenario_title.empty() ? id : info.scenario_title);
  const bool passed = r.is_object() && r.contains("passed") && r["passed"].is_boolean() && r["passed"].get<bool>();
  const char* cls = passed ? "pass" : "fail";
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tractus debrief: " +
                  title + "</title><style>" + kStyle + "</style></head><body>\n";
  h += "<h1>Debrief: " + title + "</h1>\n<p class=\"meta\">" +
       html_escape(info.trainee.empty() ? std::string("Trainee") : info.trainee) + " &middot; version " +
       fmt("%.0f", num(r, "version")) + " &middot; " + html_escape(str(r, "mode")) + " mode &middot; replay seed " +
       fmt("%.0f", num(r, "seed"));
  if (!info.printed_at.empty()) h += " &middot; " + html_escape(info.printed_at);
  h += "</p>\n<div class=\"verdict\"><span class=\"score " + std::string(cls) + "\">" + fmt("%.0f", num(r, "score")) +
       "</span><span class=\"badge " + cls + "\">" + (passed ? "PASS" : "FAIL") +
       "</span><span class=\"meta\">A pass needs at least 80 and no critical error.</span></div>\n";

  const json& crit = arr(r, "critical_errors");
  if (!crit.empty()) {
    h += "<h2 class=\"crit\">Critical errors</h2><table>\n";
    for (const json& c : crit)
      h += "<tr class=\"crit\"><td class=\"t\">" + clock(num(c, "t_s")) + "</td><td><b>" + html_escape(critical_error_display_name(str(c, "id"))) + "</b>: " +
           html_escape(str(c, "message")) +
           "</td></tr>\n";
    h += "</table>\n";
  }

  const json debrief = r.is_object() && r.contains("debrief") ? r["debrief"] : json::object();
  h += "<h2>Checklist</h2><table><tr><th>Item</th><th>Points</th><th>When</th></tr>\n";
  for (const json& i : arr(r, "items")) {
    const bool done = num(i, "earned") >= num(i, "weight") - 1e-9;
    h += "<tr><td>" + std::string(done ? "&#10003; " : "&#10007; ") + html_escape(str(i, "label"));
    if (!done) {
      for (const json& m : arr(debrief, "missed"))
        if (str(m, "id") == str(i, "id")) {
          h += "<br><b>Expected:</b> " + html_escape(str(m, "expected"));
          if (!str(m, "why").empty()) h += "<br><span class=\"why\">Why: " + html_escape(str(m, "why")) + "</span>";
        }
    }
    h += "</td><td class=\"pts\">" + fmt("%.1f", num(i, "earned")) + " / " + fmt("%.1f", num(i, "weight")) + "</td><td class=\"t\">" +
         clock(num(i, "t_s")) + "</td></tr>\n";
  }
  h += "</table>\n";

  const json m = r.is_object() && r.contains("metrics") ? r["metrics"] : json::object();
  h += "<h2>Measures</h2><table>\n<tr><td>Highest cord tension</td><td>" + fmt("%.1f lbf", num(m, "max_force_lbf")) +
       "</td></tr>\n<tr><td>Time above the patient's safe limit</td><td>" +
       fmt("%.1f s", num(m, "time_outside_safe_band_s")) + "</td></tr>\n<tr><td>First check-in after the start</td><td>" +
       fmt("%.1f s", num(m, "first_check_in_s")) + "</td></tr>\n<tr><td>Hints used</td><td>" +
       fmt("%.0f", num(m, "hints_used")) + "</td></tr>\n<tr><td>Session length</td><td>" + clock(num(m, "session_s")) +
       "</td></tr>\n";
  for (const json& t : arr(m, "time_to_stop")) {
    const double dt = num(t, "time_to_stop_s");
    h += "<tr><td>Time to stop after " + html_escape(event_display_name(str(t, "trigger"))) + " at " + clock(num(t, "t_s")) + "</td><td" +
         (std::isnan(dt) ? " class=\"crit\">never stopped" : ">" + fmt("%.1f s", dt)) + "</td></tr>\n";
  }
  h += "</table>\n";

  const json series = r.is_object() && r.contains("series") ? r["series"] : json::object();
  const std::string plots =
      plot(series, "Traction force", "lbf",
           {{"target_lbf", "target", "#8a6d00", "5,3"}, {"measured_lbf", "console", "#1b5fa8", ""},
            {"force_lbf", "true cord tension", "#b3261e", "1,2"}}) +
      plot(series, "Treated disc: separation", "mm", {{"separation_mm", "separation", "#1f7a3a", ""}}) +
      plot(series, "Treated disc: nucleus pressure", "mmHg", {{"pressure_mmhg", "pressure", "#6b3fa0", ""}}) +
      plot(series, "Pain", "0-10", {{"pain", "pain", "#b3261e", ""}});
  if (!plots.empty()) h += "<h2>Plots</h2>\n" + plots + "\n";

  const json prompts = debrief.is_object() && debrief.contains("prompts") ? debrief["prompts"] : json::object();
  if (prompts.is_object() && !prompts.empty()) {
    h += "<h2>Debrief prompts</h2><table>\n";
    for (const char* k : {"reactions", "description", "analysis", "summary"}) {
      std::string label = k;
      label[0] = static_cast<char>(label[0] - 'a' + 'A');
      h += "<tr><th>" + label + "</th><td>" + html_escape(str(prompts, k)) + "</td></tr>\n";
    }
    h += "</table>\n";
  }

  h += "<h2>Timeline</h2><table>\n";
  for (const json& e : arr(r, "timeline")) {
    const std::string kind = str(e, "kind");
    const bool bad = kind == "critical" || kind == "alarm" || kind == "sharp_pain";
    h += std::string("<tr") + (bad ? " class=\"crit\"" : "") + "><td class=\"t\">" + clock(num(e, "t_s")) +
         "</td><td>" + html_escape(kind) + "</td><td>" + html_escape(str(e, "text")) + "</td></tr>\n";
  }
  h += "</table>\n<p class=\"meta\">Timeline hash " + html_escape(str(r, "timeline_hash")) +
       ". Replaying the session record reproduces this report.</p>\n"
       "<div class=\"sign\"><div>Trainee</div><div>Instructor</div><div>Date</div></div>\n</body></html>\n";
  return h;
}

}  // namespace tractus::scenarios
