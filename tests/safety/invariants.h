// The safety campaign's invariant checker, apart from the campaign so that tests can feed it
// hand-made traces (a checker that cannot fail proves nothing).
//
// It sees, once per tick, the table state the firmware shows, its alarm, the drive relay it
// commands and the TRUE cord tension from the twin (not the firmware's own measurement), and
// judges issue 4's four invariants and issue 11's fifth:
//   1. force:     the true tension stays at or under the limit (prescription + 10%, or the
//                 device maximum if lower) plus the load cell's 2 N accuracy. A fault that
//                 adds force faster than a 1 kHz loop can see it (a drive runaway: 0.6 of the
//                 1200 N rating into a 150 N/mm cord, whatever the prescription) may cross it
//                 before any detector can, so a crossing is allowed only as a bounded
//                 excursion: at most max_excursion_us long and at most max_excess_n above the
//                 limit. Anything longer or higher is a firmware that did not let go.
//                 Not judged: ticks when a fault holds the drum (drum_held_by_fault: a jammed
//                 shaft, or a power loss that sets the spring brake; or the firmware's brake in
//                 EmergencyStop and TensionHeld), the relay is open and the
//                 drum is not winding in (the same 0.05 mm over 20 ms as invariant 4). Then the
//                 machine adds nothing and can take nothing away; a rise is the patient pulling
//                 (guarding) against a fixed anchor (campaign seeds 5873, 58857: up to 21 N
//                 over for 191 ms). The hazard table names the remedies: harness quick
//                 release, hand brake release. The height is still reported (held_excess_n).
//   2. stop:      after the patient stop the true tension is at most 15 N within 0.5 s. If
//                 the release itself finds the drive failed (a runaway, 312, that lay dormant
//                 behind an open relay and shows the moment the release closes it), the
//                 release is the unpowered coast, whose pace the drum's own drag sets: then
//                 the 15 N is due within failed_drive_release_us (1 s; campaign seed 104632:
//                 434 N held after an e-stop, a runaway injected during the hold, 15.0 N at
//                 0.5 s and 12.6 N at 0.55 s). The stop's watch ends once its time has run
//                 and the table has come to rest (Idle, Setup, Ready: the release finished
//                 and acknowledged); a load that appears later is invariant 5's (seed 22206).
//                 Once the release has met its 15 N, a later crossing before rest is judged by
//                 whose it is. With the relay closed or the drum winding in, the machine's: only
//                 as invariant 1's bounded excursion (at most max_excursion_us long, at most
//                 max_excess_n above 15 N; a runaway in the stop's slack dwell lifts the cord by
//                 tens of newtons in the millisecond before any sample shows it, campaign seed
//                 129493: 61.7 N for 1 ms). With the relay open and the drum still, a load the
//                 patient or the carriage put on the braked drum, which the firmware can only
//                 let out: as at rest, at most rest_dwell_us (2 s; seed 147309, a carriage jam
//                 loading the cord to 39 N after the release).
//   3. drive off: after any critical (3xx) alarm the drive relay is open from the next tick
//                 (1 ms) on; for the e-stop's 301, the operator's own and cleared by releasing
//                 the button and acknowledging, only while it shows. One exception: a lost encoder (310) leaves the drive able to
//                 finish a patient stop's fast release under the load cell (the firmware's
//                 fast_release_may_finish), so within the stop's 0.5 s a closed relay that
//                 commands pay-out (motor_command <= 0, which adds no force) is allowed; a
//                 coast is slower and missed the 15 N (campaign seeds 13097, 76561).
//   4. no rise:   while the firmware commands no rise (every state but Pretension and
//                 Treating: after a stop, a pause, the end of the treatment, any fault), the
//                 true tension never rises more than max_rise_n above its level at the moment
//                 that stretch began (the tick before the firmware's reaction) while the drum
//                 is winding cord in (more than 0.05 mm over the last 20 ms, faster than the
//                 slow take-up of a force loop holding a pause as the patient relaxes). The
//                 machine can add force only by winding cord in; with the drum still or
//                 paying out, a rise is the patient's own (tremor, breathing, guarding against
//                 a braked drum, recoil onto a cord a fast release left slack). The drum's
//                 momentum after the relay opens is the machine's, and is judged. A rise past
//                 max_rise_n is allowed only as invariant 1's bounded excursion (at most
//                 max_excursion_us long, at most max_excess_n above max_rise_n), for the same
//                 reason: a runaway that starts in a pause adds tens of newtons in the
//                 millisecond before any sample can show it (campaign seed 4011: 39 to 104 N
//                 in one tick, the relay open on the next).
//   5. at rest:   in Idle, Setup and Ready (the table at rest, the drive off, nothing under
//                 way) the true tension never stays above rest_tension_n (15 N, the patient
//                 stop's floor) for more than rest_dwell_us (2 s; the firmware's own slack
//                 dwell is 0.5 s). Not judged: a fault holds the drum (drum_held_by_fault) and
//                 the UI offers the hand brake release (TickSample::hand_release_offered), the
//                 one remedy then. Issue 11: an e-stop acknowledged under load went Idle with
//                 240 N on the cord and no way to release it.
#pragma once

#include <cstdint>

#include "hal/hal.h"

namespace tractus::safety {

/// Which invariant a violation broke.
enum Invariant : uint8_t { kForce, kStopRelease, kDriveOff, kNoRise, kRestLoaded, kInvariantCount };

/// The bounds the checker holds a session to. Defaults are the campaign's (campaign.h).
struct InvariantLimits {
  double prescription_n = 0.0;   // prescribed maximum force
  double device_max_n = 890.0;   // absolute limit of the region
  /// Load-cell accuracy at the firmware (noise and lag together): the firmware cannot act
  /// on a crossing it cannot measure.
  double cell_accuracy_n = 2.0;
  /// Longest allowed excursion above the force limit: a runaway's current is seen on the next
  /// sample and the relay opens on that tick, the brake then stops the drum's momentum and
  /// the unpowered drum pays the cord back under the limit (the 100,000-session measure is in
  /// docs/hazards.md).
  int64_t max_excursion_us = 10000;
  /// Highest allowed excursion above the force limit, newtons: the 720 N runaway acts for at
  /// most 2 ms before the relay opens and the brake holds the drum; into the stiffest
  /// cervical set-up that lifts the tension by up to about 60 N whatever the prescription.
  double max_excess_n = 100.0;
  /// Patient stop: the tension must be at most stop_release_n within stop_release_us.
  double stop_release_n = 15.0;
  int64_t stop_release_us = 500000;
  /// ...or within this, when a runaway (312) shows before the stop's time ran out.
  int64_t failed_drive_release_us = 1000000;
  /// Critical alarm: the relay must be open from this long after the alarm on.
  int64_t drive_off_us = 1000;
  /// Largest rise allowed while no rise is commanded (patient recoil and guarding).
  double max_rise_n = 10.0;
  /// At rest the tension may stand above rest_tension_n for at most rest_dwell_us.
  double rest_tension_n = 15.0;
  int64_t rest_dwell_us = 2000000;
};

/// One tick as the checker sees it.
struct TickSample {
  int64_t now_us = 0;
  hal::TableState state = hal::TableState::Idle;
  uint16_t alarm_code = 0;
  double tension_n = 0.0;    // true cord tension (twin), not the firmware's measurement
  bool relay_closed = false; // the drive relay the firmware commands this tick
  double motor_command = 0.0; // the drive command this tick, -1..1, positive winding in
  double drum_mm = 0.0;      // cord wound onto the drum (twin), increasing as it winds in
  bool hand_release_offered = false;  // the UI offers the drive's hand brake release now
};

/// Checks one session's ticks against the five invariants.
class InvariantChecker {
 public:
  explicit InvariantChecker(const InvariantLimits& limits) : limits_(limits) {}

  /// The patient pressed the stop switch at now_us while a treatment held them.
  void patient_stop(int64_t now_us);
  /// From now_us a fault holds the drum whatever the firmware commands (a jammed shaft, or a
  /// power loss that lets the spring brake set). A patient stop whose release time had not
  /// run out by then is not judged: the hazard table names the remedies (harness quick
  /// release, hand brake release).
  void drum_held_by_fault(int64_t now_us);
  /// The emergency stop was pressed at now_us: it cuts the drive and sets the brake at once,
  /// so a patient stop whose release time had not run out is not judged (the brake holds what
  /// is on the cord until the button is released and the tension released).
  void emergency_stop(int64_t now_us);
  /// Judges one tick.
  void check(const TickSample& s);

  bool violated(Invariant i) const { return violated_[i]; }
  bool any_violated() const;
  /// Time of the first violation of invariant i, or -1.
  int64_t first_violation_us(Invariant i) const { return first_violation_us_[i]; }

  /// Measurements over the session, for the campaign's report.
  double peak_tension_n() const { return peak_tension_n_; }
  int64_t longest_excursion_us() const { return longest_excursion_us_; }
  double peak_excess_n() const { return peak_excess_n_; }
  double largest_rise_n() const { return largest_rise_n_; }
  /// Longest rise past max_rise_n with the drum winding in (the no-rise excursion), us.
  int64_t longest_rise_us() const { return longest_rise_us_; }
  /// Highest tension over the force limit while a fault held the drum with the relay open
  /// (the patient's own pull, not judged), newtons.
  double held_excess_n() const { return held_excess_n_; }
  /// Longest stretch at rest with the tension above rest_tension_n, judged or not, us.
  int64_t longest_loaded_rest_us() const { return longest_loaded_rest_us_; }

 private:
  void flag(Invariant i, int64_t now_us);

  InvariantLimits limits_;
  bool violated_[kInvariantCount] = {};
  int64_t first_violation_us_[kInvariantCount] = {-1, -1, -1, -1, -1};
  // force
  int64_t excursion_since_us_ = -1;
  double peak_tension_n_ = 0.0;
  int64_t longest_excursion_us_ = 0;
  double peak_excess_n_ = 0.0;
  static constexpr int kDrumWindowTicks = 20;
  double drum_window_mm_[kDrumWindowTicks] = {};  // drum positions of the last 20 ticks
  int drum_window_head_ = 0;
  // stop
  int64_t stop_pressed_us_ = -1;
  int64_t drive_failed_since_us_ = -1;  // a runaway shown within the stop's release time
  bool stop_met_ = false;                // a tick after the release's time read 15 N or less
  int64_t stop_crossing_since_us_ = -1;  // a later crossing of 15 N, since
  int64_t drum_held_since_us_ = -1;
  // drive off
  int64_t critical_since_us_ = -1;
  int64_t estop_alarm_since_us_ = -1;  // 301 showing since, -1 when it does not
  // no rise
  bool rise_commanded_prev_ = true;
  double no_rise_reference_n_ = 0.0;
  double last_tension_n_ = 0.0;  // the previous tick's tension
  bool have_last_ = false;
  double largest_rise_n_ = 0.0;
  int64_t rise_since_us_ = -1;  // start of the current rise past max_rise_n, -1 when none
  int64_t longest_rise_us_ = 0;
  double held_excess_n_ = 0.0;
  // at rest
  int64_t loaded_rest_since_us_ = -1;  // start of the current loaded stretch at rest, -1 when none
  int64_t longest_loaded_rest_us_ = 0;
};

}  // namespace tractus::safety
