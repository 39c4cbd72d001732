// The table console panel, modelled on a decompression table's touchscreen.
//
// Index of this file:
//   [SECTION] helpers: the state chip, the regions' starting prescriptions, reserved rows
//   [SECTION] what the panel is given: force samples, the session, a shown prescription
//   [SECTION] header: title, units and the state chip
//   [SECTION] patient profile
//   [SECTION] prescription
//   [SECTION] fixed controls
//   [SECTION] live force gauge and time remaining
//   [SECTION] plot
//   [SECTION] status box: alarm, refusal, cautions, what blocks Start
#include <algorithm>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "controller/table_safety_policy.h"
#include "render/console_panel.h"
#include "render/console_text.h"
#include "render/force_plot.h"
#include "render/session_view_restore.h"
#include "render/theme.h"
#include "render/units.h"
#include "render/widgets.h"
#include "scenarios/rig.h"

namespace tractus::render {

// [SECTION] helpers: the state chip, the regions' starting prescriptions, reserved rows
namespace {

ImVec4 state_colour(hal::TableState s, uint16_t alarm) {
  if (alarm >= 300 || s == hal::TableState::Fault || s == hal::TableState::EmergencyStop) return theme::kDanger;
  if (s == hal::TableState::Stopped) return theme::kDanger;
  if (s == hal::TableState::TensionHeld) return theme::kWarn;  // loaded: release it
  if (s == hal::TableState::Treating || s == hal::TableState::Releasing) return theme::kOk;
  if (s == hal::TableState::Complete) return theme::kAccent;
  return theme::kMuted;
}

// a chip's padding around its text, pixels
const ImVec2 kChipPad(10, 4);

// the width chip() will take for text
float chip_width(const char* text) { return ImGui::CalcTextSize(text).x + 2 * kChipPad.x; }

// a filled rounded chip with white text
void chip(const char* text, const ImVec4& colour) {
  const ImVec2 pad = kChipPad;
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(
      p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y), ImGui::GetColorU32(colour), 12.0f);
  ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + pad.x, p.y + pad.y), IM_COL32_WHITE, text);
  ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

}  // namespace

namespace {

// the console's reserved rows: message lines, the height of an action row, the least plot
constexpr float kConsoleStatusLines = 2.0f;
constexpr float kConsoleActionRowH = 34.0f;
constexpr float kMinPlotH = 64.0f;

void format_mm_ss(float seconds, char* out, std::size_t n) {
  const int s = static_cast<int>(std::max(0.0f, seconds) + 0.5f);
  std::snprintf(out, n, "%02d:%02d", s / 60, s % 60);
}

}  // namespace

// [SECTION] what the panel is given: force samples, the session, a shown prescription
void ConsolePanel::sample(const scenarios::Rig& rig) {
  // the self-test reads the untared cell: nothing to plot until it is done
  if (rig.display().state == hal::TableState::SelfTest) return;
  const hal::DisplayState& d = rig.display();
  history_.add(ForceSample{static_cast<double>(rig.now_us()) * 1e-6, d.target_force_n, d.measured_force_n});
}

void ConsolePanel::set_session(const std::string& patient, const std::string& diagnosis, bool static_only) {
  console_patient_ = patient;
  console_diagnosis_ = diagnosis;
  console_static_only_ = static_only;
}

void ConsolePanel::restore_history(const std::vector<scenarios::Sample>& series, double table_start_s) {
  fill_history_from_series(history_, series, table_start_s);
}

void ConsolePanel::show_prescription(const hal::Prescription& rx) {
  if (rx.max_force_n <= 0.0f) return;
  entry_.region = rx.region;
  entry_.protocol = rx.protocol;
  entry_.max_force_n = rx.max_force_n;
  entry_.base_force_n = rx.base_force_n;
  entry_.release_n_per_s = rx.release_n_per_s;
  entry_.ramp_s = rx.ramp_s;
  entry_.treatment_s = rx.treatment_s;
  entry_.hold_s = rx.hold_s;
  entry_.rest_s = rx.rest_s;
  entry_.cycles = rx.cycles;
}

namespace {

// an entry's field through a float widget: the widget edits a copy, and only an edit writes
// back, so a value nobody touched keeps every bit it had
bool input_seconds(const char* id, double& seconds, float step, float fast, const char* fmt) {
  float shown = static_cast<float>(seconds);
  if (!ImGui::InputFloat(id, &shown, step, fast, fmt)) return false;
  seconds = shown;
  return true;
}

// a force held in newtons, edited in the display unit
bool input_force(const char* id, double& force_n, ForceUnit unit, float step, float fast, const char* fmt) {
  float shown = shown_force(force_n, unit);
  if (!ImGui::InputFloat(id, &shown, step, fast, fmt)) return false;
  force_n = to_newtons(shown, unit);
  return true;
}

}  // namespace

void ConsolePanel::draw_console(const scenarios::Rig& rig, UiRequests& out) {
  const ImGuiIO& io = ImGui::GetIO();
  const float width = console_panel_width_px();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - width, kToolbarHeightPx));
  ImGui::SetNextWindowSize(ImVec2(width, io.DisplaySize.y - kToolbarHeightPx));
  ImGui::Begin("Table console", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoTitleBar);
  const hal::DisplayState& d = rig.display();
  const hal::TableState s = d.state;
  const bool editable = s == hal::TableState::Idle || s == hal::TableState::Setup || s == hal::TableState::Ready;
  const ForceUnit unit_was = unit_;

  // [SECTION] header: title, units and the state chip
  // title, units and state chip on one line; when a long state (PATIENT STOP) and a
  // scrollbar leave no room, the title shortens rather than the chip overlapping the units
  const char* state_text = status_label(d);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float chip_w = chip_width(state_text);
  auto radio_w = [&](const char* text) {
    return ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(text).x;
  };
  const float units_w = 18.0f + radio_w("lbf") + style.ItemSpacing.x + radio_w("kgf");
  ImGui::PushFont(fonts_.heading);
  const char* title = "Table console";
  if (ImGui::CalcTextSize(title).x + units_w + chip_w + 12.0f > ImGui::GetContentRegionAvail().x) title = "Console";
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  // units sit in the header so the prescription rows keep their room at 720 px
  ImGui::SameLine(0.0f, 18.0f);
  int unit_index = unit_was == ForceUnit::Lbf ? 0 : 1;
  if (ImGui::RadioButton("lbf", unit_index == 0)) unit_index = 0;
  widgets_.record_last_item("console.unit_lbf");
  ImGui::SameLine();
  if (ImGui::RadioButton("kgf", unit_index == 1)) unit_index = 1;
  widgets_.record_last_item("console.unit_kgf");
  // the entry is in newtons, so a change of unit only changes what the fields show
  unit_ = unit_index == 0 ? ForceUnit::Lbf : ForceUnit::Kgf;
  const ForceUnit unit = unit_;
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - chip_w);
  chip(state_text, state_colour(s, d.alarm_code));
  widgets_.record_last_item("console.state");
  ImGui::Separator();
  // [SECTION] patient profile, as the table's touchscreen keeps it for each patient
  {
    const twin::PatientModel& p = rig.model().patient;
    char line[160];
    const char* sex = p.female ? "F" : "M";
    const std::string who = console_patient_.empty() ? std::string("Reference patient") : console_patient_;
    std::snprintf(line, sizeof line, "%s, %.0f %s, %.0f kg (%.0f lb)", who.c_str(), p.age_years, sex, p.body_mass_kg,
                  p.body_mass_kg / 0.45359237);
    ImGui::TextDisabled("Patient");
    ImGui::SameLine(70.0f);
    ImGui::TextUnformatted(line);
    widgets_.record_last_item("console.patient");
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s\nHeight %.2f m, model %s", console_diagnosis_.empty() ? "Sandbox reference patient" : console_diagnosis_.c_str(),
                        p.height_m, p.id);
    }
    ImGui::Separator();
  }

  // [SECTION] prescription, its rows closer together than the default so the console fits 720 px
  ImGui::BeginDisabled(!editable);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, 4.0f));
  const float label_w = 150.0f;
  auto row = [&](const char* label) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-1.0f);
  };
  row("Region");
  const char* regions[] = {"Lumbar", "Cervical"};
  widgets_.record_next_item("console.region");
  const int region_index = entry_.region == hal::Region::Cervical ? 1 : 0;
  if (ImGui::BeginCombo("##region", regions[region_index])) {
    for (int i = 0; i < 2; ++i) {
      if (ImGui::Selectable(regions[i], i == region_index) && i != region_index)
        apply_region_defaults(entry_, i == 1 ? hal::Region::Cervical : hal::Region::Lumbar);
      widgets_.record_last_item((std::string("console.region.") + regions[i]).c_str());
    }
    ImGui::EndCombo();
  }
  row("Protocol");
  const char* protocols[] = {"Static", "Intermittent", "Cyclic", "Decompression"};
  if (console_static_only_) entry_.protocol = hal::Protocol::Static;
  const int protocol_index = static_cast<int>(entry_.protocol);
  ImGui::BeginDisabled(console_static_only_);
  widgets_.record_next_item("console.protocol");
  if (ImGui::BeginCombo("##protocol", protocols[protocol_index])) {
    for (int i = 0; i < 4; ++i) {
      if (ImGui::Selectable(protocols[i], i == protocol_index)) entry_.protocol = static_cast<hal::Protocol>(i);
      widgets_.record_last_item((std::string("console.protocol.") + protocols[i]).c_str());
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  if (console_static_only_ && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Training sessions prescribe static traction.");
  }
  char fmt[32];
  std::snprintf(fmt, sizeof fmt, "%%.1f %s", unit_label(unit));
  row("Maximum force");
  input_force("##max_force", entry_.max_force_n, unit, 5.0f, 10.0f, fmt);
  widgets_.record_last_item("console.max_force");
  row("Ramp time");
  input_seconds("##ramp", entry_.ramp_s, 5.0f, 10.0f, "%.0f s");
  widgets_.record_last_item("console.ramp");
  row("Treatment time");
  // %g shows a part minute (1.25 min) instead of rounding it away beside the time remaining
  float treatment_min = static_cast<float>(entry_.treatment_s / 60.0);
  if (ImGui::InputFloat("##treatment", &treatment_min, 1.0f, 5.0f, "%g min")) entry_.treatment_s = treatment_min * 60.0f;
  widgets_.record_last_item("console.treatment");
  std::snprintf(fmt, sizeof fmt, "%%.1f %s/s", unit_label(unit));
  row("Release speed");
  input_force("##release", entry_.release_n_per_s, unit, 1.0f, 5.0f, fmt);
  widgets_.record_last_item("console.release");
  if (entry_.protocol != hal::Protocol::Static) {
    // the cycle's own parameters on one row, each field naming itself, so a cycling protocol
    // costs the console one row and it still fits 720 px
    // each field as wide as its text, and the row's spare width shared out evenly
    std::snprintf(fmt, sizeof fmt, "base %%.0f %s", unit_label(unit));
    char texts[4][32];
    std::snprintf(texts[0], sizeof texts[0], fmt, shown_force(entry_.base_force_n, unit));
    std::snprintf(texts[1], sizeof texts[1], "hold %.0f s", entry_.hold_s);
    std::snprintf(texts[2], sizeof texts[2], "rest %.0f s", entry_.rest_s);
    std::snprintf(texts[3], sizeof texts[3], "%d cycles", entry_.cycles);
    float widths[4];
    float used = 3 * ImGui::GetStyle().ItemSpacing.x;
    for (int i = 0; i < 4; ++i) {
      widths[i] = ImGui::CalcTextSize(texts[i]).x + 2 * ImGui::GetStyle().FramePadding.x;
      used += widths[i];
    }
    const float spare = (ImGui::GetContentRegionAvail().x - used) * 0.25f;
    for (float& w : widths) w = std::max(20.0f, w + spare);
    ImGui::SetNextItemWidth(widths[0]);
    input_force("##base", entry_.base_force_n, unit, 0.0f, 0.0f, fmt);
    widgets_.record_last_item("console.base_force");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Base force between the pulls");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(widths[1]);
    input_seconds("##hold", entry_.hold_s, 0.0f, 0.0f, "hold %.0f s");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Hold at the traction force");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(widths[2]);
    input_seconds("##rest", entry_.rest_s, 0.0f, 0.0f, "rest %.0f s");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Rest at the base force");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(widths[3]);
    ImGui::InputScalar("##cycles", ImGuiDataType_S32, &entry_.cycles, nullptr, nullptr, "%d cycles");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Cycles; 0 lets the treatment time decide.");
  }
  ImGui::PopStyleVar();
  ImGui::EndDisabled();

  // [SECTION] fixed controls. Everything from here down keeps its place whatever the table's
  // state, so a control never moves under the pointer: an alarm row that appeared above them
  // once put "Acknowledge alarm" where Start had been a frame before. Messages scroll inside a
  // box of their own fixed height; absent buttons are drawn disabled, never left out.
  ImGui::Spacing();
  draw_console_status(d, editable);
  // the control rows sit closer than the default spacing, so the plot keeps its room at 720 px
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, 5.0f));

  // the harness row: the confirmation, or that it was given
  if (d.harness_confirmed) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(theme::kOk, "Harnesses confirmed");
  } else {
    ImGui::BeginDisabled(!editable);
    if (ImGui::Button("Confirm harnesses fitted", ImVec2(-1.0f, 0.0f))) out.console.confirm_harness = true;
    ImGui::EndDisabled();
  }
  widgets_.record_last_item("console.confirm_harness");

  // treatment controls
  const float button_w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
  const ImVec2 big(button_w, 44.0f);
  if (coloured_button("Start", theme::kOk, big, editable)) {
    out.console.prescription = entry_;
    out.console.start = true;
  }
  widgets_.record_last_item("console.start");
  ImGui::SameLine();
  const bool running = s == hal::TableState::Treating || s == hal::TableState::Pretension ||
                       s == hal::TableState::Paused;
  if (s == hal::TableState::Paused) {
    if (coloured_button("Resume", theme::kOk, big, true)) out.console.resume = true;
  } else if (coloured_button("Pause", theme::kAccent, big, s == hal::TableState::Treating)) {
    out.console.pause = true;
  }
  widgets_.record_last_item("console.pause");
  ImGui::SameLine();
  if (coloured_button("Stop", theme::kWarn, big, running)) out.console.stop = true;
  widgets_.record_last_item("console.stop");

  const bool can_ack = s == hal::TableState::Complete || s == hal::TableState::Stopped || s == hal::TableState::EmergencyStop ||
                       (d.alarm_code != 0 && d.alarm_code < 300 && s != hal::TableState::TensionHeld);
  // the alarm row: Acknowledge on the left, disabled while there is nothing to acknowledge;
  // Release tension on the right, live only while a stop has left the patient loaded (TENSION
  // HELD), so neither appearing nor going moves any other control
  const float half_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  if (coloured_button("Acknowledge alarm", theme::kDanger, ImVec2(half_w, kConsoleActionRowH), can_ack)) {
    out.console.acknowledge = true;
  }
  widgets_.record_last_item("console.acknowledge");
  ImGui::SameLine();
  if (coloured_button("Release tension", theme::kWarn, ImVec2(half_w, kConsoleActionRowH),
                      s == hal::TableState::TensionHeld)) {
    out.console.release_tension = true;
  }
  widgets_.record_last_item("console.release_tension");
  widgets_.record_last_item("console.recovery_slot");
  ImGui::PopStyleVar();

  // [SECTION] live force gauge and time remaining
  ImGui::Separator();
  // load-cell noise around zero reads as 0.0, never -0.0
  const float measured = std::max(0.0f, to_display(d.measured_force_n, unit));
  const float target = to_display(d.target_force_n, unit);
  ImGui::PushFont(fonts_.gauge);
  ImGui::Text("%.1f", measured);
  ImGui::PopFont();
  widgets_.record_last_item("console.force_readout");
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextDisabled("%s measured", unit_label(unit));
  ImGui::TextDisabled("target %.1f %s", target, unit_label(unit));
  ImGui::EndGroup();
  ImGui::SameLine(ImGui::GetContentRegionAvail().x - 90.0f);
  ImGui::BeginGroup();
  char clock[16];
  format_mm_ss(d.remaining_s, clock, sizeof clock);
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted(clock);
  ImGui::PopFont();
  ImGui::TextDisabled("remaining");
  ImGui::EndGroup();
  widgets_.record_last_item("console.remaining");

  // gauge bar: measured against the prescribed maximum, with the target as a marker
  {
    const float max_n = std::max(static_cast<float>(entry_.max_force_n), 1.0f) * 1.2f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = 10.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(228, 232, 237, 255), 5.0f);
    const float frac = std::clamp(d.measured_force_n / max_n, 0.0f, 1.0f);
    dl->AddRectFilled(p, ImVec2(p.x + w * frac, p.y + h), ImGui::GetColorU32(theme::kMeasured), 5.0f);
    const float tx = p.x + w * std::clamp(d.target_force_n / max_n, 0.0f, 1.0f);
    dl->AddLine(ImVec2(tx, p.y - 3), ImVec2(tx, p.y + h + 3), ImGui::GetColorU32(theme::kTarget), 3.0f);
    ImGui::Dummy(ImVec2(w, h));
  }

  // [SECTION] plot
  // the plot takes the height that is left, so the console never needs scrolling at 720 px
  const float plot_h = std::clamp(ImGui::GetContentRegionAvail().y - 4.0f, kMinPlotH, 260.0f);
  draw_force_plot(history_, static_cast<float>(entry_.max_force_n), unit, 120.0f,
                  ImVec2(ImGui::GetContentRegionAvail().x, plot_h));
  widgets_.record_last_item("console.plot");

  console_overflow_px_ = ImGui::GetScrollMaxY();
  ImGui::End();
}

// [SECTION] status box: alarm, refusal, cautions, what blocks Start
void ConsolePanel::draw_console_status(const hal::DisplayState& d, bool editable) {
  // a box of fixed height for what the console has to say: the alarm first, then a refused
  // prescription, cautions and what still blocks Start. More than fits scrolls inside it.
  const float h = kConsoleStatusLines * ImGui::GetTextLineHeightWithSpacing();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  ImGui::BeginChild("##console_status", ImVec2(-1.0f, h), false);
  if (d.alarm_code != 0) {
    const ImVec4 colour = d.alarm_code >= 300 ? theme::kDanger
                          : d.alarm_code >= 200 ? theme::kWarn
                                                : theme::kDanger;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    // the firmware's own text for its code (controller/table_safety_policy.h: the one table)
    const char* text = d.alarm_text != nullptr && d.alarm_text[0] != '\0' ? d.alarm_text : controller::alarm_text(d.alarm_code);
    ImGui::TextWrapped("Alarm %u: %s", static_cast<unsigned>(d.alarm_code), text);
    ImGui::PopStyleColor();
    widgets_.record_last_item("console.alarm");
  }
  if (d.prescription_rejected) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kDanger);
    ImGui::TextWrapped("Refused: %s %s", d.reject_field, d.reject_reason);
    ImGui::PopStyleColor();
  }
  // prescription warnings: above clinical guidance, shown but not refused
  for (int i = 0; i < d.warning_count && i < hal::kMaxPrescriptionWarnings; ++i) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kWarn);
    ImGui::TextWrapped("Caution: %s", d.warnings[i]);
    ImGui::PopStyleColor();
  }
  if (editable) {
    const struct { uint8_t bit; const char* text; } locks[] = {
        {hal::kInterlockStopSwitch, "Patient stop switch not plugged in"},
        {hal::kInterlockHarness, "Harnesses not confirmed"},
        {hal::kInterlockHiLo, "Table height is moving"},
        {hal::kInterlockFault, "A fault is latched"}};
    for (const auto& l : locks) {
      if (d.interlocks_missing & l.bit) ImGui::TextColored(theme::kMuted, "Start blocked: %s", l.text);
    }
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
  widgets_.record_last_item("console.status");
}

}  // namespace tractus::render
