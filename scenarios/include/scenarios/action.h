// The one trainee-action API. The browser UI, the command-line tool and the tests all build
// Action values and hand them to Session::apply(); instructor actions (inject_fault,
// trigger_reaction, set_speed, say, message, instructor_pause) travel the same path, so every session can be recorded and
// replayed whatever drove it.
//
// In JSON an action is an object whose "action" member names the kind and whose other members
// carry its parameters, for example {"action": "ask", "question": "bone_health"} or
// {"action": "select_protocol", "mode": "static", "region": "lumbar",
//  "parameters": {"force_lbf": 40, "ramp_s": 30, "treatment_min": 10}}.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "hal/units.h"
#include "scenarios/load_error.h"

namespace tractus::scenarios {

/// Every kind of action. Trainee actions first, then the instructor's.
enum class ActionKind : uint8_t {
  ReviewChart,       // read the chart and briefing
  Ask,               // ask a screening question (question)
  DeclineTreatment,  // decline to treat today (reason)
  SelectProtocol,    // choose mode, region and parameters (protocol)
  Set,               // change one prescription parameter (parameter, value)
  SetAngle,          // set the pull angle (value, degrees)
  FitHarness,        // fit the pelvic and thoracic harnesses at the bedside (quality)
  ConfirmHarness,    // press the console's "harnesses fitted": the firmware's interlock only,
                     // it fits nothing on the patient
  GiveStopSwitch,    // plug in the patient stop switch and put it in the patient's hand
  ExplainProcedure,  // explain what the patient will feel and how to stop the table
  Start,             // start treatment
  Pause,             // pause treatment (released at the changeover speed)
  Resume,            // resume a paused or stopped treatment with its remaining time
  Stop,              // operator stop: release at the changeover speed
  CheckIn,           // ask the patient how they feel
  Acknowledge,       // acknowledge the active alarm or end tone (alarm, optional)
  CallService,       // call the service engineer about a fault
  ReleaseBrake,      // pull the drive's hand brake-release lever (only with the drive unpowered)
  ReleaseTension,    // console: pay out a tension a stop left held (only in tension_held)
  EmergencyStop,     // press the console's emergency stop (it latches down)
  ReleaseEmergencyStop,  // turn the latched emergency stop back up
  RemoveHarness,     // remove the harnesses
  EndSession,        // end the session; it is scored now
  Note,              // write a note in the treatment record (text)
  RequestHint,       // ask for a hint (practice mode only; costs points)
  InjectFault,       // instructor: inject a fault from the catalogue (name)
  TriggerReaction,   // instructor: provoke a patient reaction (name)
  SetSpeed,          // instructor: simulation speed factor for the UI frame loop (value)
  Say,               // instructor: the patient says a line (text)
  Message,           // instructor: a message shown to the trainee (text)
  InstructorPause,   // instructor: pause treatment from the instructor's station, as the
                     // console's Pause does, but kept apart so the trainee is not credited
};

/// When an instructor's inject_fault takes effect: at once, at a session time, or once the
/// true cord tension first rises above a force.
enum class FaultWhen : uint8_t { Now, AtTime, ForceAbove };

/// Prescription settings chosen with select_protocol, in SI: the loader converts the file's
/// lbf (hal/units.h), so no force changes unit between the console and the firmware.
struct ProtocolSettings {
  std::string mode = "static";        // treatment mode; "static" on today's firmware
  std::string region = "lumbar";      // "lumbar" or "cervical"
  double force_n = 0.0;               // target traction force (the file's force_lbf, converted)
  double ramp_s = 30.0;               // time to ramp to the target, seconds
  double treatment_min = 10.0;        // total treatment time, minutes
  double release_n_per_s = 9.0 * units::kNewtonsPerLbf;  // changeover (release) speed (the
                                                          // file's release_lbf_per_s, converted)
};

/// One trainee or instructor action. Only the fields of its kind are meaningful.
struct Action {
  ActionKind kind = ActionKind::Note;
  std::string question;       // ask: a screening-question id (see vocabulary.h)
  std::string reason;         // decline_treatment: a contraindication or precaution id
  ProtocolSettings protocol;  // select_protocol
  std::string parameter;      // set: "force_lbf", "ramp_s", "treatment_min" or "release_lbf_per_s"
  double value = 0.0;         // set: the new value in SI (N for force_lbf, N/s for
                              // release_lbf_per_s, converted on load); set_angle: degrees;
                              // set_speed: factor
  std::string quality;        // fit_harness: "good", "loose" or "tight"
  std::string alarm;          // acknowledge: the alarm code as shown, or empty for any
  std::string text;           // note: free text; say, message: the line (1-280 characters)
  std::string name;           // inject_fault: fault name; trigger_reaction: reaction id
  FaultWhen when = FaultWhen::Now;  // inject_fault: when it takes effect
  double when_value = 0.0;    // inject_fault: the session time in seconds (AtTime) or the
                              // force in newtons (ForceAbove; the file's force_lbf, converted)
};

/// The longest line an instructor may have the patient say or send the trainee, characters.
constexpr std::size_t kMaxInstructorLineChars = 280;

/// The JSON name of a kind ("review_chart", "ask", ...).
const char* action_name(ActionKind kind);
/// True for inject_fault, trigger_reaction, set_speed, say and message.
bool is_instructor_action(ActionKind kind);

/// Reads one action from j. On failure returns false and fills error with the JSON path
/// (prefixed by path) and the reason; error.file is left for the caller to set.
bool parse_action(const nlohmann::json& j, const std::string& path, Action& out, LoadError& error);
/// Writes an action in the same JSON form parse_action reads.
nlohmann::json action_to_json(const Action& action);
/// A one-line human description, for the timeline ("ask: Any problems with your bones?").
std::string describe_action(const Action& action);

}  // namespace tractus::scenarios
