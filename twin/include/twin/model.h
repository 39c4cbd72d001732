// The constant description of a table and of the patient lying on it.
//
// A TwinModel never changes during a session; everything that changes lives in TwinState.
// Fields are SI with the unit in the name (clinical units only where the literature gives
// them, e.g. mmHg), and each default says where it comes from. Tags follow DESIGN.md
// section 4: [S] study or manual, [M] manufacturer, [P] practitioner teaching, [U] unverified
// default. docs/twin.md explains every element and its equations.
//
// Index of this file:
//   [SECTION] the table
//   [SECTION] the disc
//   [SECTION] the conditions of the day
//   [SECTION] the patient
//   [SECTION] the whole model
#pragma once

#include <cstdint>

#include "hal/hal.h"
#include "hal/units.h"

namespace tractus::twin {

// [SECTION] the table

/// Drive, cord, carriage and sensors of the reference table.
struct TableModel {
  // drive, lumped at the cord: the servo torque and drum inertia reflected to the cord line
  double motor_rated_force_n = 1200.0;       // cord force at motor_command = 1 (drive rating)
  double motor_current_limit = 1.0;          // drive current limit as a fraction of rated
  double motor_reflected_mass_kg = 5.0;      // rotor and drum inertia over drum radius squared
  double motor_damping_n_s_per_m = 1500.0;   // back-EMF and gearbox viscous loss
  double motor_coulomb_n = 10.0;             // gearbox breakaway friction
  /// The drive's hand-release lever lifts the spring-applied brake without power; a
  /// centrifugal governor on the drum then lets the cord pay out no faster than this, so the
  /// tension bleeds off at a controlled rate (about 35 N/s on the reference patient) [U].
  double manual_release_speed_m_per_s = 0.0015;
  double drive_min_supply_v = 15.0;          // below this the drive has no power
  // traction cord (strap) in series with the load cell: a toe region, then linear
  double cord_stiffness_n_per_m = 150000.0;  // 150 N/mm once taut: a short polyester strap [U]
  double cord_toe_m = 0.0005;                // slack taken up over the first 0.5 mm [U]
  double cord_damping_n_s_per_m = 500.0;
  // split lower carriage on linear bearings (lumbar set-up)
  double carriage_mass_kg = 15.0;
  double carriage_travel_m = 0.090;          // about 90 mm of travel (issue 3)
  double carriage_coulomb_n = 15.0;          // bearing friction, low by design
  double friction_smoothing_m_per_s = 0.001; // velocity scale of the smoothed Coulomb law
  // head cradle of the cervical unit, on its own low-friction slide
  double cradle_mass_kg = 2.0;
  double cradle_coulomb_n = 3.0;
  // pull-angle arm and hi-lo height: mechanical ranges of the reference table
  double lumbar_angle_min_deg = 0.0;         // horizontal
  double lumbar_angle_max_deg = 35.0;
  double cervical_angle_min_deg = 0.0;       // neutral
  double cervical_angle_max_deg = 35.0;      // flexion
  double table_height_min_m = 0.45;          // hi-lo column range
  double table_height_max_m = 0.95;
  double table_height_speed_m_per_s = 0.02;  // hi-lo column speed while its motor runs [U]
  // sensors
  double load_cell_counts_per_n = 30.0;      // 16-bit ADC over about 2000 N
  double load_cell_offset_counts = 2000.0;   // zero-force reading before tare
  double load_cell_noise_n = 0.3;            // one-sigma electrical noise
  double load_cell_bandwidth_hz = 200.0;     // first-order response of cell and amplifier
  double encoder_counts_per_m = 200000.0;    // 200 counts per mm of cord
  double current_adc_counts_per_unit = 2000.0; // counts above mid-scale at motor_command = 1
  double current_adc_noise_counts = 2.0;
  double supply_nominal_v = 24.0;
  double supply_volts_per_count = 30.0 / 4095.0;
};

/// Levels of the two spinal chains the twin models.
constexpr int kLumbarLevels = 5;    // L1-2, L2-3, L3-4, L4-5, L5-S1
constexpr int kCervicalLevels = 6;  // C2-3, C3-4, C4-5, C5-6, C6-7, C7-T1
constexpr int kMaxLevels = 6;       // array size shared by both chains

// [SECTION] the disc

/// One intervertebral disc with its motion segment.
struct DiscModel {
  const char* name = "";
  /// Compression the disc carries lying relaxed (muscle tone, ligament pre-tension), newtons.
  /// Traction first removes it; pressure crosses zero when the traction reaching the level
  /// equals it.
  double preload_n = 162.0;
  /// Axial stiffness in compression, newtons per millimetre.
  double compression_stiffness_n_per_mm = 1500.0;
  /// Tensile response d = toe_mm * ln(1 + F / toe_force_n): compliant first, stiffening.
  double toe_mm = 0.25;
  double toe_force_n = 50.0;
  /// Creep: the viscous part approaches creep_ratio times the elastic separation with time
  /// constant creep_tau_s (minutes-scale creep within a session).
  double creep_ratio = 0.6;
  double creep_tau_s = 300.0;
  /// The creep recovers more slowly than it builds, with this time constant [U: the direction
  /// of the creep literature, recovery slower than loading].
  double creep_recovery_tau_s = 600.0;
  /// Nucleus pressure lying relaxed, megapascals (Wilke 1999: 0.10 MPa lying) [S].
  double lying_pressure_mpa = 0.10;
  /// Suction under tension: p = -suction_max_mpa (1 - e^(-F/suction_force_n)); 170 mmHg, the
  /// figure it was set from, in megapascals.
  double suction_max_mpa = units::mpa_from_mmhg(170.0);
  double suction_force_n = 160.0;
  /// Fluid (hydration) height per megapascal of pressure below the standing level, and its
  /// time constant; this is the part of height that stays after the pull ends.
  double fluid_mm_per_mpa = 0.75;
  double fluid_tau_s = 1800.0;
  /// Spinal canal and foramen clearance at this level, millimetres, before any protrusion.
  double canal_clearance_mm = 3.0;
  /// Root clearance gained per millimetre of foraminal height gained (indirect decompression
  /// of the root); the foraminal height follows the posterior opening of the disc [U].
  double foramen_gain = 1.0;
  /// Bending stiffness of the segment in flexion about its centre of rotation (annulus,
  /// posterior ligaments and facets together), newton-metres per degree [U].
  double bending_stiffness_nm_per_deg = 2.0;
  /// Protrusion of a herniation at this level at the start of the session, millimetres.
  double protrusion_mm = 0.0;
  /// Degeneration, 0 healthy .. 1 severe: stiffer, less height response, less fluid.
  double degeneration = 0.0;
  /// Fused or instrumented: no distraction here, more at the neighbours, hardware stress.
  bool fused = false;
};

// [SECTION] the conditions of the day

/// Conditions that change mechanics and risk (DESIGN.md section 4, contraindications).
struct Conditions {
  /// Bone strength as a fraction of normal; below about 0.6 counts as osteoporosis. It scales
  /// the strengths of the sites where the table loads bone (the harness contacts on the ribs
  /// and the pelvis, and bending: PatientModel::rib_contact_strength_n and the rest), each a
  /// Weibull law of load over strength.
  double bone_strength = 1.0;
  bool pregnancy = false;       // a contraindication: raises risk and anxiety
  bool hypermobility = false;   // lax ligaments: softer discs, over-stretch risk
  bool acute_inflammation = false;  // more pain and more guarding
  bool claustrophobia = false;  // raises baseline anxiety in the harness
  /// Extra narrowing of the canal from stenosis, millimetres (subtracted from clearance).
  double stenosis_mm = 0.0;
};

// [SECTION] the patient

/// The patient: body, harnesses, the two spinal chains, muscles and the pain model.
struct PatientModel {
  const char* id = "default";
  double body_mass_kg = 70.0;
  double height_m = 1.75;
  bool female = false;
  double age_years = 45.0;
  // body segments and friction
  double lower_body_fraction = 0.49;     // share of body weight on the carriage (Judovich) [U]
  double head_fraction = 0.081;          // head and neck share of body weight (Dempster) [S]
  double body_table_friction = 0.5;      // body-to-table friction coefficient [P]
  // harnesses: fit 1 is ideal; compliance and grip limit worsen as fit falls
  double pelvic_harness_fit = 0.9;
  double thoracic_harness_fit = 0.9;  // the rib-cage harness that holds the upper body
  double head_halter_fit = 0.9;
  double stretch_stiffness_n_per_m = 30000.0;   // harness and soft tissue at ideal fit [U]
  double stretch_damping_n_s_per_m = 2000.0;
  /// Soft tissue under the harnesses creeps: it lengthens toward tissue_creep_ratio times its
  /// elastic stretch with time constant tissue_creep_tau_s, so a held force lets the carriage
  /// creep forward and the table takes up slack as the patient relaxes [U].
  double tissue_creep_ratio = 0.2;
  double tissue_creep_tau_s = 120.0;
  /// A loose harness (fit below the reference fit of 0.9) creeps more and passes less of the
  /// cord force into the spine as distraction: the tissue creep ratio grows by
  /// loose_fit_creep_gain and the transmitted share falls by loose_fit_transmission_loss per
  /// unit of fit below the reference. At or above the reference fit neither changes [U].
  double loose_fit_creep_gain = 2.0;
  double loose_fit_transmission_loss = 0.25;
  double harness_grip_n = 1500.0;               // slip limit of the pelvic harness at ideal fit [U]
  double thoracic_grip_n = 2000.0;              // slip limit of the thoracic harness at ideal fit [U]
  double neck_stiffness_n_per_m = 12000.0;      // halter and neck soft tissue at ideal fit [U]
  double neck_damping_n_s_per_m = 600.0;
  double halter_grip_n = 400.0;                 // slip limit of the head halter at ideal fit [U]
  // spinal chains
  DiscModel lumbar[kLumbarLevels];
  DiscModel cervical[kCervicalLevels];
  // the serial segmental chain (docs/twin.md, "The segmental chain")
  /// Supine with hips and knees flexed over a bolster (the usual lumbar traction position
  /// [P]) or with the legs straight; it picks the lordosis of twin/anatomy.h.
  bool hips_flexed = true;
  /// Orientation above the table of the caudal axis at the top of L1, where the thoracic
  /// harness holds the trunk. Calibrated so that L5-S1's axis lies along a 10-degree pull
  /// with hips flexed (the angle table's L5-S1 row [U]); the other levels follow from the
  /// lordosis.
  double lumbar_top_axis_deg = 33.4;
  /// Orientation of C4-C5's cranial axis above the cradle. Calibrated at 0 to "neutral
  /// favours C4/5" [S, secondary].
  double cervical_c45_axis_deg = 0.0;
  /// Distance along the chain from the pelvic harness's load point (the hips) to L5-S1's
  /// centre of rotation, and from the head halter's load point to C2-C3's [U].
  double pelvic_lever_m = 0.06;
  double head_lever_m = 0.04;
  /// Share of the pull's moment about each level (force x lever x sin angle) that the chain
  /// carries; the table under the pelvis or the head cradle carries the rest [U, calibrated to
  /// the cervical posterior-separation and angle rows].
  double lumbar_moment_share = 0.4;
  double cervical_moment_share = 0.05;
  // paraspinal muscles (docs/twin.md, "Muscles"). Activation is a fraction of the extensors'
  // maximal voluntary contraction (MVC); its force compresses the treated chain. The drives are
  // in units of strong guarding, guard_strong_activation of MVC.
  double muscle_tone = 0.02;                 // resting activation lying, fraction of MVC [U]
  /// Trunk extensors' MVC moment for the 70 kg reference man: 288 N m (Chaffin et al. 1999,
  /// Occupational Biomechanics, males [S, secondary]); it scales with body weight, and the
  /// difference between the sexes vanishes once torque is normalised to body weight (122
  /// adults, isometric trunk torque [S]).
  double lumbar_extensor_mvc_nm = 288.0;
  /// Lever arm of the erector spinae about the disc: the 5 cm that biomechanical models
  /// conventionally use (Gungor 2013, dissertation on the erector spinae lever arm [S]).
  /// With it the lumbar extensors compress the chain by up to 5.8 kN at MVC.
  double lumbar_extensor_moment_arm_m = 0.05;
  double cervical_extensor_capacity_n = 1500.0;  // neck extensors at MVC, 70 kg [U]
  /// Latency of the paraspinal reflex to a sudden stretch: 60 ms in men and 48 ms in women
  /// (Miller et al. 2010, Clin Biomech 25:541, trunk flexion perturbations [S]).
  double reflex_latency_s = 0.060;
  double reflex_latency_female_s = 0.048;
  double guard_strong_activation = 0.10;     // strong guarding, fraction of MVC [U]
  double guard_rate_threshold_bw_per_s = 0.04;  // comfortable rise, body weights per second [U]
  double guard_rate_gain_s_per_bw = 6.0;     // reflex drive per body weight per second above it
  /// The lumbar stretch reflex's gain rises from nothing to full over this span of force below
  /// the comfortable force (guard_force_threshold_bw), where the tissues are taut; below it the
  /// pull only unloads the resting compression [U]. The neck's gain is full from the first
  /// newtons (cervical_reflex_gate_span_n 0: no gate): its preload is a few tens of newtons and
  /// the cradle carries the head [U]. A positive span gates the neck below 133 N the same way.
  double reflex_gate_span_bw = 0.10;
  double cervical_reflex_gate_span_n = 0.0;
  double guard_pain_gain = 0.04;             // drive per point of pain (0..10)
  double guard_anxiety_gain = 0.3;           // drive at full anxiety
  double guard_force_threshold_bw = 0.58;    // about 90 lb for 70 kg (Ramos reading) [P]
  double guard_force_gain_per_bw = 2.5;      // protective drive per body weight above it
  double cervical_guard_force_threshold_n = 133.0;  // 30 lb: above it discomfort rose [S, secondary]
  double cervical_guard_force_span_n = 250.0;       // newtons above it per unit of drive
  double guard_rise_tau_s = 0.3;
  double guard_fall_tau_s = 4.0;
  /// Habituation of the reflex: each provocation (reflex drive x seconds) builds it, it takes
  /// up to reflex_habituation_max off the reflex, and it recovers over a rest. Direction: the
  /// postural response falls over repeated perturbations, sharply after the first and then
  /// gradually, without vanishing ("Postural responses to changing task conditions", 12
  /// subjects, lower-leg muscles [S, direction]); magnitudes [U].
  double reflex_habituation_per_unit_s = 0.2;
  double reflex_habituation_max = 0.6;
  double reflex_habituation_recovery_tau_s = 1200.0;
  /// Habituation over a session: the tonic guarding of pain and anxiety settles by up to half
  /// while the patient lies in the harness (open-loop traction lowered paraspinal EMG by 50%,
  /// Lee 1996, J Biomech Eng [S]); time constants [U].
  double session_habituation_max = 0.5;
  double session_habituation_tau_s = 600.0;
  double session_habituation_recovery_tau_s = 3600.0;
  /// Spread of the guarding force the load cell sees, as a share of that force: a few per cent,
  /// the order of the force fluctuation of a steady submaximal contraction [U].
  double tremor_force_cv = 0.035;
  /// A cough: trunk muscles fire together for cough_duration_s, a half-sine pulse of
  /// cough_activation (fraction of MVC, about 200 N lumbar at 70 kg) added to the paraspinal
  /// activation. It compresses the discs and draws the trunk back against the harness, so the
  /// cord tension spikes (docs/twin.md, cough) [U].
  double cough_activation = 0.035;
  double cough_duration_s = 0.4;
  // anxiety, pain and soreness
  double anxiety_baseline = 0.15;
  double anxiety_tau_s = 60.0;
  double back_pain_baseline = 3.0;           // local pain score lying at rest, 0..10
  double soreness_per_n_s = 5.0e-6;          // soreness points per newton-second of pull,
                                             // times (0.1 + 4 x guarding above tone)
  double soreness_tau_s = 86400.0;           // fades over a day or two
  // risk (docs/twin.md, "Conditions and risk"). Fracture risk of weak bone comes from where
  // the table loads bone: the harnesses' contacts and the bending of the chain; each site's
  // probability is a Weibull law of its load over its strength times bone_strength [U: an
  // assumption; no study of traction-harness fractures at hand]
  double fracture_weibull_exponent = 6.0;
  /// The thoracic harness grips the lower rib cage and holds the trunk against the pull that
  /// crosses the spine; scale for normal ribs [U].
  double rib_contact_strength_n = 3000.0;
  /// The pelvic harness bears on the iliac crests with the cord's pull; scale for a normal
  /// pelvis [U].
  double pelvic_contact_strength_n = 6000.0;
  /// The flexion moment on the most bent level of the treated chain; scale for normal lumbar
  /// and cervical vertebrae [U].
  double lumbar_bending_strength_nm = 100.0;
  double cervical_bending_strength_nm = 25.0;
  /// An instrumented level's ratings for the loads it carries: tension (screw pull-out),
  /// compression and the bending moment [U]. implant_stress adds the shares.
  double implant_rated_n = 600.0;              // tension
  double implant_rated_compression_n = 2000.0;
  double implant_rated_moment_nm = 7.5;
  // hydration and herniation
  double standing_pressure_mpa = 0.50;       // relaxed standing, L4-5 (Wilke 1999) [S]
  double thoracic_fluid_mm_per_mpa = 5.6;    // the twelve thoracic discs lumped together
  /// A slow whole-spine compartment of hydration: lying it gains up to overnight_gain_mm with
  /// a time constant of hours, and standing it loses it again by compression creep, also over
  /// hours ("disc creep under compression has time constants of hours" [S]). With the fast
  /// per-disc compartment this gives 1-2 cm of stature a day [S] and 6 mm in 42 min [S].
  double overnight_gain_mm = 9.4;
  double overnight_tau_lying_s = 18000.0;
  double overnight_tau_standing_s = 9900.0;
  /// Upright, the fast per-disc compartment loses its water this many times faster than it
  /// regains it lying (tau_f / fluid_standing_speedup): both compartments creep under load
  /// faster than they recover, the direction of the creep literature [U: magnitude].
  double fluid_standing_speedup = 3.0;
  /// The swelling term of every nucleus once the slow compartment holds all of the night's
  /// water; it grows as the square of the share regained. Calibrated so that the lying pressure
  /// rises from 0.10 to 0.24 MPa over a night in bed, when 80% is back (Wilke 1999 [S]).
  double overnight_swelling_mpa = 0.22;
  // retraction under suction: 5e-6 mm/s per mmHg of suction, in megapascals [U]
  double protrusion_retract_mm_per_s_per_mpa = 5.0e-6 * units::kMmHgPerMegapascal;
  double protrusion_bulge_mm_per_s_per_mpa = 3.3e-4;     // re-bulge under load [U]
  double protrusion_min_fraction = 0.3;      // a session cannot retract more than this leaves
  double protrusion_max_fraction = 1.3;      // nor bulge past this
  Conditions conditions;

  PatientModel();  // fills the two chains with the reference defaults
};

// [SECTION] the whole model

/// Everything constant about one simulated table with one patient.
struct TwinModel {
  TableModel table;
  PatientModel patient;
  /// Which harness set-up is on the table: lumbar (pelvic harness on the split carriage) or
  /// cervical (head halter on the head cradle).
  hal::Region setup = hal::Region::Lumbar;
  /// Integration sub-step in microseconds. 200 us keeps the stiffest element (the cord against
  /// the reflected motor mass, about 27 Hz, so omega x dt = 0.034) far inside the stable range
  /// of semi-implicit Euler (omega x dt < 2), and gives five sub-steps per 1 ms firmware tick.
  int64_t substep_us = 200;
  /// Seed of the patient's own random processes (muscle tremor).
  uint64_t patient_seed = 0x7a11c0ffeeULL;
};

}  // namespace tractus::twin
