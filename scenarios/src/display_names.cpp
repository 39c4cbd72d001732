// [SECTION] display names: the one table of words for the engine's identifiers
#include "scenarios/display_names.h"

#include <cctype>
#include <cstdlib>

#include "controller/table_safety_policy.h"
#include "scenarios/faults.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios {

namespace {

struct Name {
  const char* id;
  const char* name;
};

template <std::size_t N>
const char* lookup(const Name (&table)[N], const std::string& id) {
  for (const Name& n : table)
    if (id == n.id) return n.name;
  return nullptr;
}

// [SECTION] actions, as instructions
const Name kActions[] = {
    {"review_chart", "Review the chart"},
    {"ask", "Ask a screening question"},
    {"decline_treatment", "Decline treatment"},
    {"select_protocol", "Set the prescription"},
    {"set", "Change the prescription"},
    {"set_angle", "Set the pull angle"},
    {"fit_harness", "Fit the harness at the bedside"},
    {"confirm_harness", "Confirm the harnesses on the console"},
    {"give_stop_switch", "Give the patient the stop switch"},
    {"explain_procedure", "Explain the procedure"},
    {"start", "Start traction"},
    {"pause", "Pause traction"},
    {"resume", "Resume traction"},
    {"stop", "Stop traction"},
    {"check_in", "Check on the patient"},
    {"acknowledge", "Acknowledge the alarm"},
    {"call_service", "Call service"},
    {"release_brake", "Pull the hand brake release"},
    {"release_tension", "Release the held tension on the console"},
    {"emergency_stop", "Press the emergency stop"},
    {"release_emergency_stop", "Turn the emergency stop back up"},
    {"remove_harness", "Remove the harness"},
    {"end_session", "End the session"},
    {"note", "Write a treatment note"},
    {"request_hint", "Ask for a hint"},
    {"inject_fault", "Instructor: inject a fault"},
    {"trigger_reaction", "Instructor: provoke a reaction"},
    {"set_speed", "Instructor: set the simulation speed"},
    {"say", "Instructor: the patient says"},
    {"message", "Instructor's message"},
    {"instructor_pause", "Instructor: pause traction"},
};

// [SECTION] findings of the library's scenarios
const Name kFindings[] = {
    {"aaa-surveillance", "abdominal aortic aneurysm under surveillance"},
    {"fall-on-ice", "recent fall onto the buttocks: possible fracture"},
    {"l4-s1-fusion", "L4 to S1 fusion with rods and screws"},
    {"dexa-osteoporosis", "osteoporosis on the bone scan, with a fragility fracture"},
    {"pregnant-14-weeks", "pregnant, about 14 weeks"},
    {"surgery-six-weeks", "spinal surgery six weeks ago"},
    {"night-pain-weight-loss", "night pain and unexplained weight loss"},
    {"prostate-cancer", "history of prostate cancer"},
    {"no-red-flags", "no red flags"},
    {"claustrophobic", "claustrophobia: panic in the closed MRI"},
    {"cough", "smoker's cough, can lie flat"},
    {"nervous", "nervous about the pull, not claustrophobic"},
    {"no-myelopathy", "no signs of myelopathy"},
    {"jaw-ok", "no jaw problems"},
    {"s1-tingling", "S1 tingling without weakness"},
    {"no-bone-or-implant-history", "no fractures and no implants"},
};

// [SECTION] faults: the mechanical ones by name, the sensor ones as part and failure
const Name kFaults[] = {
    {"motor.stall", "Motor stall"},
    {"motor.runaway", "Drive runaway"},
    {"motor.weak", "Weak drive"},
    {"harness.slip", "Harness slip"},
    {"cord.break", "Cord break"},
    {"carriage.jam", "Carriage jam"},
    {"power.loss", "Power loss"},
    {"stop_switch.unplugged", "Stop switch unplugged"},
    {"console.link_loss", "Console link lost"},
};
const Name kSensorParts[] = {
    {"load_cell", "Load cell"},
    {"encoder", "Encoder"},
    {"motor_current", "Motor current sensor"},
    {"supply", "Supply monitor"},
    {"home_limit", "Carriage home switch"},
    {"end_limit", "Carriage end switch"},
    {"stop_switch", "Stop switch line"},
    {"emergency_stop", "Emergency stop line"},
    {"lock_sensor", "Carriage lock sensor"},
};
const Name kMechanicalParts[] = {
    {"motor", "Motor"},     {"harness", "Harness"}, {"cord", "Cord"},
    {"carriage", "Carriage"}, {"power", "Power"},   {"console", "Console"},
};
const Name kSensorFailures[] = {
    {"off", "off"},
    {"stuck", "stuck"},
    {"drift", "drifting"},
    {"noisy", "noisy"},
    {"intermittent", "intermittent"},
    {"gain", "wrong gain"},
};

// [SECTION] alarms, by the firmware's code (controller/table_safety_policy.h)
struct AlarmName {
  uint16_t code;
  const char* name;
};
const AlarmName kAlarms[] = {
    {controller::kAlarmStopSwitchNotConnected, "Stop switch not plugged in"},
    {controller::kAlarmPatientStop, "Patient stop"},
    {controller::kAlarmStopSwitchUnplugged, "Stop switch unplugged"},
    {controller::kAlarmHarnessNotConfirmed, "Harnesses not confirmed"},
    {controller::kAlarmHiLoActive, "Table height moving"},
    {controller::kAlarmCarriageLockStuck, "Carriage lock stuck"},
    {controller::kAlarmPretensionNotReached, "Pretension not reached"},
    {controller::kAlarmHarnessSlip, "Harness slip"},
    {controller::kAlarmConsoleLinkLost, "Console link lost"},
    {controller::kAlarmFaultLatched, "A fault is latched"},
    {controller::kAlarmTensionHeld, "Tension held on the cord"},
    {controller::kAlarmTareOutOfRange, "Load cell zero out of range"},
    {controller::kAlarmStopSwitchTestFailed, "Stop switch test failed"},
    {controller::kAlarmLoadCellDrift, "Load cell reads force at rest"},
    {controller::kAlarmHiLoLocked, "Table height locked in treatment"},
    {controller::kAlarmMuscleGuarding, "Muscle guarding"},
    {controller::kAlarmCurrentSensorOffset, "Motor current sensor offset"},
    {controller::kAlarmEmergencyStop, "Emergency stop"},
    {controller::kAlarmOverForce, "Over-force"},
    {controller::kAlarmBrownOut, "Supply brown-out"},
    {controller::kAlarmPowerLoss, "Power loss"},
    {controller::kAlarmOverForceAbsolute, "Force above the device maximum"},
    {controller::kAlarmForceRate, "Force rising too fast"},
    {controller::kAlarmLoadCellSaturated, "Load cell saturated"},
    {controller::kAlarmLoadCellStuck, "Load cell stuck"},
    {controller::kAlarmLoadCellImplausible, "Load cell implausible"},
    {controller::kAlarmEncoderLoss, "Encoder lost"},
    {controller::kAlarmMotorStall, "Motor stall"},
    {controller::kAlarmMotorRunaway, "Drive runaway"},
    {controller::kAlarmCordBreak, "Cord break"},
    {controller::kAlarmWatchdog, "Control loop watchdog"},
    {controller::kAlarmLoadCellNoisy, "Load cell noisy"},
};

// [SECTION] critical errors
const Name kCriticalErrors[] = {
    {"contraindicated_treatment", "Treated a patient with a contraindication"},
    {"no_stop_switch", "Started without the stop switch in the patient's hand"},
    {"force_over_safe_limit", "Force above the patient's safe limit"},
    {"late_stop", "Traction not stopped in time"},
    {"resumed_after_critical_fault", "Restarted after a critical fault"},
    {"harness_under_tension", "Harness removed under tension"},
    {"ended_under_traction", "Session ended under traction"},
    {"restarted_after_slip", "Restarted on a slipped harness"},
    {"flare_up", "Dose raised past the patient's tolerance"},
    {"patient_left_loaded", "Patient left under traction"},
    {"started_without_harness", "Traction started without fitting the harness"},
};

// [SECTION] engine-wide rules (engine_rules.h)
const Name kRules[] = {
    {"stop_for_sharp_pain", "Stop for sharp or radiating pain"},
    {"no_traction_with_contraindication", "No traction with a contraindication"},
    {"no_unstrapping_under_tension", "No unstrapping under tension"},
    {"never_leave_the_patient_loaded", "Never leave the patient loaded"},
};

// [SECTION] table states and the other timeline kinds
const Name kStates[] = {
    {"self_test", "self-test"},   {"idle", "idle"},         {"ready", "ready"},
    {"setup", "setup"},           {"emergency_stop", "emergency stop"},
    {"treating", "treating"},     {"releasing", "releasing"}, {"complete", "complete"},
    {"stopped", "stopped"},       {"fault", "fault"},       {"pretension", "pretension"},
    {"paused", "paused"},         {"session_ended", "session ended"},
    {"tension_held", "tension held"},
};
const Name kEvents[] = {
    {"harness_slip", "the harness slip"},
    {"patient_stop", "the stop-switch press"},
    {"sharp_pain", "the report of sharp pain"},
    {"stop_request", "the patient's request to stop"},
    {"finding", "a finding"},
    {"hint", "a hint"},
    {"state:treating", "the start of traction"},
    {"state:complete", "the end of treatment"},
};
const Name kParameters[] = {
    {"force_lbf", "force"},
    {"ramp_s", "ramp time"},
    {"treatment_min", "treatment time"},
    {"release_lbf_per_s", "release speed"},
};

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// a reason fragment closed as a sentence
std::string sentence(std::string s) {
  if (!s.empty() && s.back() != '.' && s.back() != '?' && s.back() != '!') s += '.';
  return s;
}

}  // namespace

std::string action_display_name(ActionKind kind) { return action_display_name(action_name(kind)); }

std::string action_display_name(const std::string& name) {
  const char* n = lookup(kActions, name);
  return n != nullptr ? n : name;
}

std::string question_display_name(const std::string& id) { return term_label(screening_questions(), id); }

std::string reason_display_name(const std::string& id) {
  return term_label(contraindications(), term_label(precautions(), id));
}

std::string finding_display_name(const std::string& id, const std::string& answer) {
  const char* n = lookup(kFindings, id);
  if (n != nullptr) return n;
  return answer.empty() ? std::string("a finding") : "the patient said: \"" + answer + "\"";
}

std::vector<std::string> named_findings() {
  std::vector<std::string> ids;
  for (const Name& n : kFindings) ids.push_back(n.id);
  return ids;
}

std::string difficulty_display_name(int difficulty) {
  return difficulty <= 1 ? "introductory" : difficulty == 2 ? "standard" : "advanced";
}

std::string fault_display_name(const std::string& fault) {
  if (const char* n = lookup(kFaults, fault)) return n;
  const std::size_t dot = fault.find('.');
  if (dot != std::string::npos) {
    const char* part = lookup(kSensorParts, fault.substr(0, dot));
    const char* failure = lookup(kSensorFailures, fault.substr(dot + 1));
    if (part != nullptr && failure != nullptr) return std::string(part) + " " + failure;
  }
  return fault;
}

std::string fault_part_display_name(const std::string& part) {
  if (const char* n = lookup(kSensorParts, part)) return n;
  if (const char* n = lookup(kMechanicalParts, part)) return n;
  return part;
}

std::string alarm_display_name(uint16_t code) {
  for (const AlarmName& a : kAlarms)
    if (a.code == code) return a.name;
  return code >= 300 ? "Critical fault" : code >= 200 ? "Internal warning" : "General alarm";
}

std::vector<uint16_t> named_alarms() {
  std::vector<uint16_t> codes;
  for (const AlarmName& a : kAlarms) codes.push_back(a.code);
  return codes;
}

std::string critical_error_display_name(const std::string& id) {
  const char* n = lookup(kCriticalErrors, id);
  return n != nullptr ? n : id;
}

std::string rule_display_name(const std::string& id) {
  const char* n = lookup(kRules, id);
  return n != nullptr ? n : id;
}

std::string state_display_name(const std::string& state) {
  const char* n = lookup(kStates, state);
  return n != nullptr ? n : state;
}

std::string parameter_display_name(const std::string& parameter) {
  const char* n = lookup(kParameters, parameter);
  return n != nullptr ? n : parameter;
}

std::string event_display_name(const std::string& key) {
  if (const char* n = lookup(kEvents, key)) return n;
  const std::size_t colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  const std::string detail = colon == std::string::npos ? std::string() : key.substr(colon + 1);
  if (kind == "alarm" && !detail.empty()) {
    const uint16_t code = static_cast<uint16_t>(std::atoi(detail.c_str()));
    return "alarm " + detail + " (" + alarm_display_name(code) + ")";
  }
  if (kind == "state" && !detail.empty()) return "the table reaching " + state_display_name(detail);
  if (kind == "fault" && !detail.empty()) return "the fault: " + fault_display_name(detail);
  if (kind == "reaction" && !detail.empty()) return term_label(reactions(), detail);
  if (kind == "action" && !detail.empty()) return "\"" + action_display_name(detail) + "\"";
  if (kind == "critical" && !detail.empty()) return "\"" + critical_error_display_name(detail) + "\"";
  if (kind == "event") return "the scenario's event";
  return "that moment";
}

std::string load_error_sentence(const std::string& what, const LoadError& e) {
  return capitalised(what) + " could not be read: " + sentence(e.reason);
}

std::string load_error_detail(const LoadError& e) {
  // "At $.events[0].on in my-scenario.json"; the file is sometimes a description ("session record")
  const bool named = !e.file.empty() && e.file != "<memory>";
  // the whole document ($) says nothing the sentence has not
  if (e.path.empty() || e.path == "$") return std::string();
  return "At " + e.path + (named ? " in " + e.file : std::string());
}

}  // namespace tractus::scenarios
