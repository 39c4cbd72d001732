// The patient: the treated spinal chain's discs (separation, creep, pressure, hydration,
// protrusion, nerve roots), the paraspinal muscles' guarding, pain, anxiety, soreness and
// risk. The chain answers quasi-statically to the harness force of the mechanics; only its
// slow parts (creep, fluid, protrusion, muscles, feelings) carry state.
//
// Index of this file:
//   [SECTION] the chain's discs and levels
//   [SECTION] risk and lag helpers
//   [SECTION] the patient's step (detail)
//   [SECTION] stature gain
#include <cmath>

#include "chain.h"
#include "internal.h"
#include "muscles.h"
#include "twin/det_math.h"
#include "twin/twin.h"

namespace tractus::twin {

namespace {

// [SECTION] the chain's discs and levels

// the per-step smoothing factors of every lag, computed once per step
struct Alphas {
  double creep[kMaxLevels];          // creep under a growing load
  double creep_recovery[kMaxLevels]; // its recovery when the load falls (slower)
  double fluid[kMaxLevels];
};

// a disc's effective parameters after the patient's conditions
struct Disc {
  double preload_n, k_c, toe_mm, toe_force_n, creep_ratio, suction_max_mpa, suction_force_n,
      fluid_mm_per_mpa, lying_mpa, swelling_mpa;
};

Disc effective_disc(const DiscModel& d, const Conditions& c, double swelling_mpa,
                    const detail::BodyFactors& body) {
  Disc e;
  const double deg = det::clamp(d.degeneration, 0.0, 1.0);
  // the patient's body: the preload goes with body weight, the stiffnesses with the disc's
  // area over its height, the tensile toe with its height and area
  e.preload_n = d.preload_n * body.preload;
  e.k_c = d.compression_stiffness_n_per_mm * (1.0 + deg) * body.stiffness;
  e.toe_mm = d.toe_mm * (1.0 - 0.6 * deg) * body.length;
  e.toe_force_n = d.toe_force_n * body.area;
  e.creep_ratio = d.creep_ratio * (1.0 - 0.5 * deg);
  e.suction_max_mpa = d.suction_max_mpa * (1.0 - 0.6 * deg);
  e.suction_force_n = d.suction_force_n * body.area;
  e.fluid_mm_per_mpa = d.fluid_mm_per_mpa * (1.0 - 0.7 * deg);
  // a degenerated nucleus holds less water: a lower pressure lying and a smaller swelling term;
  // the lying pressure goes as the preload over the nucleus area
  e.lying_mpa = detail::lying_pressure_mpa(d) * body.pressure;
  e.swelling_mpa = swelling_mpa * (1.0 - 0.6 * deg);
  if (c.hypermobility) {
    // lax ligaments: less tone across the segment and a longer toe region
    e.preload_n *= 0.8;
    e.toe_mm *= 1.5;
  }
  return e;
}

// one chain of discs under a traction force (zero for the chain not being pulled)
struct ChainResult {
  double max_compression = 0.0;  // worst nerve-root compression, 0..1
  double max_level_force_n = 0.0;  // highest compressive or tensile load on a level
  double implant_load = 0.0;     // what fused hardware carries over its rating (force + moment)
  double max_moment_nm = 0.0;    // the largest flexion moment on a level
};

// The serial chain: every level carries the same pull, resolved on its own axis into axial
// force, shear and a flexion moment about its centre of rotation. A fused level takes its
// load in the hardware and hands nothing extra to its neighbours: the traction is
// force-controlled and the chain statically determinate.
ChainResult step_chain(const PatientModel& p, const DiscModel* discs, LevelState* levels, int n,
                       bool cervical, double spine_force_n, double muscle_n, double angle_deg,
                       bool lying, double swelling_mpa, const Alphas& a, double dt_s) {
  ChainResult r;
  const Conditions& c = p.conditions;
  const detail::ChainPull& pull = detail::chain_pull(p, cervical, angle_deg);
  const detail::ChainGeometry& g = pull.geometry;
  const detail::BodyFactors body = detail::body_factors(p);
  const double moment_share = cervical ? p.cervical_moment_share : p.lumbar_moment_share;
  for (int i = 0; i < n; ++i) {
    const DiscModel& dm = discs[i];
    LevelState& l = levels[i];
    const Disc d = effective_disc(dm, c, swelling_mpa, body);
    const detail::LevelLoad load = detail::level_load(pull, i, spine_force_n, moment_share);
    l.shear_n = load.shear_n;
    l.moment_nm = load.moment_nm;
    if (std::fabs(load.moment_nm) > r.max_moment_nm) r.max_moment_nm = std::fabs(load.moment_nm);

    if (dm.fused) {
      // the hardware carries the load: no separation, no nucleus to pressurise. It carries the
      // net axial load (the pull's axial part less the resting preload and the guarding) and the
      // whole moment, nothing more and nothing less
      const double net_n = load.axial_n - d.preload_n - muscle_n;
      l.axial_force_n = net_n;
      l.separation_mm = 0.0;
      l.posterior_separation_mm = 0.0;
      l.anterior_separation_mm = 0.0;
      l.foraminal_height_mm = g.foramen_height_mm[i];
      l.pressure_mpa = 0.0;
      l.creep_mm = 0.0;
      const double implant = (net_n > 0.0 ? net_n / p.implant_rated_n : -net_n / p.implant_rated_compression_n) +
                             std::fabs(load.moment_nm) / p.implant_rated_moment_nm;
      if (implant > r.implant_load) r.implant_load = implant;
      l.nerve_compression = 0.0;
      continue;
    }

    // net axial load: the pull's axial part minus the resting preload and guarding
    const double force_n = load.axial_n - d.preload_n - muscle_n;
    l.axial_force_n = force_n;
    if (std::fabs(force_n) > r.max_level_force_n) r.max_level_force_n = std::fabs(force_n);

    // elastic height: stiff in compression, a logarithmic toe in tension
    const double unloaded_mm = d.preload_n / d.k_c;
    double elastic_mm;
    if (force_n <= 0.0) {
      elastic_mm = unloaded_mm + force_n / d.k_c;
    } else {
      elastic_mm = unloaded_mm + d.toe_mm * det::log(1.0 + force_n / d.toe_force_n);
    }
    // creep follows the elastic change from the lying baseline over minutes, and recovers
    // more slowly than it built up
    const double creep_target_mm = d.creep_ratio * elastic_mm;
    // building: moving away from zero toward a target of the same sign; anything else
    // (unloading, or a traction creep giving way to compression) is recovery
    const bool building = creep_target_mm >= 0.0 ? creep_target_mm > l.creep_mm
                                                 : creep_target_mm < l.creep_mm && l.creep_mm <= 0.0;
    l.creep_mm += (building ? a.creep[i] : a.creep_recovery[i]) * (creep_target_mm - l.creep_mm);
    l.separation_mm = elastic_mm + l.creep_mm;
    // bending about the centre of rotation opens the back and closes the front
    const double rotation_rad =
        load.moment_nm / (dm.bending_stiffness_nm_per_deg * (180.0 / det::kPi));
    l.posterior_separation_mm = l.separation_mm + rotation_rad * g.posterior_mm[i];
    l.anterior_separation_mm = l.separation_mm - rotation_rad * g.anterior_mm[i];
    // the foramen lies behind the disc: its height follows the posterior opening (it grows in
    // flexion and shrinks in extension, Inufusa 1996 [S])
    l.foraminal_height_mm = g.foramen_height_mm[i] + l.posterior_separation_mm;

    // nucleus pressure: the load term (compression over the effective nucleus area, which the
    // lying preload and pressure define; tension sucks, saturating) plus the swelling term of
    // the water the nucleus has taken up since the patient lay down
    double load_mpa;
    if (force_n <= 0.0) {
      load_mpa = d.lying_mpa * (-force_n) / d.preload_n;
    } else {
      load_mpa = -d.suction_max_mpa * (1.0 - det::exp(-force_n / d.suction_force_n));
    }
    l.pressure_mpa = load_mpa + d.swelling_mpa;
    const double pressure_mpa = l.pressure_mpa;
    const double rest_mpa = d.lying_mpa + d.swelling_mpa;

    // hydration: fluid flows toward the equilibrium of the present pressure; the load term is
    // read against the patient's own lying pressure (the standing pressure and the arrival
    // hydration are the reference patient's), so a heavier patient is not drier at rest
    const double pressure_for_fluid_mpa =
        lying ? load_mpa / body.pressure + d.swelling_mpa
              : p.standing_pressure_mpa;
    const double fluid_target_mm =
        d.fluid_mm_per_mpa * (detail::lying_pressure_mpa(dm) - pressure_for_fluid_mpa);
    l.fluid_mm += a.fluid[i] * (fluid_target_mm - l.fluid_mm);

    // herniation: retracts under suction, bulges again under load, within bounds
    if (dm.protrusion_mm > 0.0) {
      double rate_mm_per_s = 0.0;
      if (pressure_mpa < 0.0) {
        rate_mm_per_s = p.protrusion_retract_mm_per_s_per_mpa * pressure_mpa;
      } else if (pressure_mpa > rest_mpa) {
        rate_mm_per_s = p.protrusion_bulge_mm_per_s_per_mpa * (pressure_mpa - rest_mpa);
      }
      l.protrusion_mm = det::clamp(l.protrusion_mm + rate_mm_per_s * dt_s,
                                   p.protrusion_min_fraction * dm.protrusion_mm,
                                   p.protrusion_max_fraction * dm.protrusion_mm);
    }

    // nerve root: protrusion against the clearance that the foramen's height change widens
    // (or, compressed, narrows)
    const double clearance_mm = dm.canal_clearance_mm - c.stenosis_mm +
                                dm.foramen_gain * (l.foraminal_height_mm - g.foramen_height_mm[i]);
    l.nerve_compression = det::clamp((l.protrusion_mm - clearance_mm) / 2.0, 0.0, 1.0);
    if (l.nerve_compression > r.max_compression) r.max_compression = l.nerve_compression;
  }
  return r;
}

// [SECTION] risk and lag helpers

// the chance a site survives a load: e^(-(load / scale)^k), 1 when unloaded
double weibull_survival(double load, double scale, double exponent) {
  if (load <= 0.0) return 1.0;
  return det::exp(-det::pow(load / scale, exponent));
}

// 1 - e^(-dt/tau); a short series when dt is far below tau keeps the per-tick cost low
double lag_alpha(double tau_s, double dt_s) {
  const double x = dt_s / tau_s;
  if (x < 1e-2) return x * (1.0 - x * (0.5 - x * (1.0 / 6.0 - x * (1.0 / 24.0))));
  return 1.0 - det::exp(-x);
}

}  // namespace

// [SECTION] the patient's step (detail)

namespace detail {

namespace {

// the slow part: discs, hydration, pain, anxiety, soreness, risk; run every kSlowStepUs
void step_slow(const TwinModel& model, TwinState& state, double dt_s, bool lying, bool on_table,
               double cough, const HarnessSetup& harness) {
  const PatientModel& p = model.patient;
  const Conditions& c = p.conditions;
  PatientState& ps = state.patient;
  const bool cervical = model.setup == hal::Region::Cervical;
  const double bw_n = p.body_mass_kg * kGravity_m_per_s2;
  const double spine_force_n = ps.spine_force_n;

  // smoothing factors for this step; standing, fluid leaves faster than it returns lying
  const double fluid_speed = lying ? 1.0 : p.fluid_standing_speedup;
  Alphas al, ac;
  // a degenerated disc's calcified endplates slow the flow [U]
  for (int i = 0; i < kLumbarLevels; ++i) {
    const DiscModel& d = p.lumbar[i];
    al.creep[i] = lag_alpha(d.creep_tau_s, dt_s);
    al.creep_recovery[i] = lag_alpha(d.creep_recovery_tau_s, dt_s);
    al.fluid[i] = lag_alpha(d.fluid_tau_s * (1.0 + det::clamp(d.degeneration, 0.0, 1.0)) / fluid_speed, dt_s);
  }
  for (int i = 0; i < kCervicalLevels; ++i) {
    const DiscModel& d = p.cervical[i];
    ac.creep[i] = lag_alpha(d.creep_tau_s, dt_s);
    ac.creep_recovery[i] = lag_alpha(d.creep_recovery_tau_s, dt_s);
    ac.fluid[i] = lag_alpha(d.fluid_tau_s * (1.0 + det::clamp(d.degeneration, 0.0, 1.0)) / fluid_speed, dt_s);
  }
  // the swelling term follows the slow (nucleus) compartment of hydration: none on arrival
  // after a day upright, growing as the square of the water regained (the annulus is slack
  // when the disc has lost water and its fibres are recruited as it swells [U]), so a session
  // barely feels it and a night's rest brings the whole overnight rise
  const double regained = p.overnight_gain_mm > 0.0
                              ? det::clamp(ps.overnight_fluid_mm / p.overnight_gain_mm, 0.0, 1.0)
                              : 0.0;
  const double swelling_mpa = p.overnight_swelling_mpa * regained * regained;
  const double thoracic_alpha = lag_alpha(p.lumbar[0].fluid_tau_s / fluid_speed, dt_s);
  const double pain_alpha = lag_alpha(5.0, dt_s);

  // the pull angle, within the arm's range for the set-up
  const TableModel& t = model.table;
  const double angle_deg =
      cervical ? det::clamp(state.inputs.pull_angle_deg, t.cervical_angle_min_deg, t.cervical_angle_max_deg)
               : det::clamp(state.inputs.pull_angle_deg, t.lumbar_angle_min_deg, t.lumbar_angle_max_deg);

  // guarding compression of the treated chain: the extensors' activation above tone times
  // their force at MVC (kilonewtons), with no cap below it; a cough's trunk muscles compress
  // the chain on top of any guarding
  const double guard = guard_above_tone(p, ps);
  const double squeeze = cough > 0.0 ? guard + cough : guard;
  const double muscle_n = squeeze * extensor_capacity_n(p, cervical);
  // guarding as the patient feels it, in units of strong guarding
  const double guard_units = guard / p.guard_strong_activation;
  step_habituation(p, ps, dt_s, on_table);

  // both chains: the treated one under traction, the other lying unloaded
  const ChainResult lumbar = step_chain(p, p.lumbar, ps.lumbar, kLumbarLevels, false,
                                        cervical ? 0.0 : spine_force_n, cervical ? 0.0 : muscle_n,
                                        angle_deg, lying, swelling_mpa, al, dt_s);
  const ChainResult neck = step_chain(p, p.cervical, ps.cervical, kCervicalLevels, true,
                                      cervical ? spine_force_n : 0.0, cervical ? muscle_n : 0.0,
                                      angle_deg, lying, swelling_mpa, ac, dt_s);
  const ChainResult& treated = cervical ? neck : lumbar;

  // the thoracic discs recover lying down like any other
  const double thoracic_target_mm =
      lying ? 0.0 : p.thoracic_fluid_mm_per_mpa * (0.10 - p.standing_pressure_mpa);
  ps.thoracic_fluid_mm += thoracic_alpha * (thoracic_target_mm - ps.thoracic_fluid_mm);
  // and the slow whole-spine compartment: gained over hours lying, lost within an hour upright
  ps.overnight_fluid_mm +=
      lag_alpha(lying ? p.overnight_tau_lying_s : p.overnight_tau_standing_s, dt_s) *
      ((lying ? p.overnight_gain_mm : 0.0) - ps.overnight_fluid_mm);

  // pain: radicular from the worst root, local from guarding, stretch and soreness
  const double inflammation = c.acute_inflammation ? 1.4 : 1.0;
  const double worst_root = lumbar.max_compression > neck.max_compression ? lumbar.max_compression
                                                                          : neck.max_compression;
  const double radicular_target = det::clamp(10.0 * worst_root * inflammation, 0.0, 10.0);
  // stretch pain past 70% of body weight (lumbar) or of the neck's share, 0.35 BW (cervical)
  const double stretch_bw = spine_force_n / (cervical ? 0.35 * bw_n : bw_n);
  const double back_target = det::clamp(
      (p.back_pain_baseline + 6.0 * guard_units + 10.0 * det::clamp(stretch_bw - 0.7, 0.0, 1.0) +
       0.5 * ps.soreness) * inflammation, 0.0, 10.0);
  ps.pain_radicular += pain_alpha * (radicular_target - ps.pain_radicular);
  ps.pain_back += pain_alpha * (back_target - ps.pain_back);

  // anxiety: baseline, claustrophobia, pain, and the startle of a fast rise
  const double rate_bw_per_s = ps.spine_force_rate_n_per_s / (cervical ? 0.25 * bw_n : bw_n);
  const double rate_excess = rate_bw_per_s - p.guard_rate_threshold_bw_per_s;
  const double anxiety_target = det::clamp(
      p.anxiety_baseline + (c.claustrophobia ? 0.35 : 0.0) + (c.pregnancy ? 0.1 : 0.0) +
          0.04 * provoked_pain(p, ps) + (rate_excess > 0.0 ? 2.0 * rate_excess : 0.0),
      0.0, 1.0);
  const double anxiety_alpha =
      lag_alpha(anxiety_target > ps.anxiety ? 10.0 : p.anxiety_tau_s, dt_s);
  ps.anxiety += anxiety_alpha * (anxiety_target - ps.anxiety);

  // soreness builds with pull, more so when guarded, and fades over a day or two
  ps.soreness += dt_s * p.soreness_per_n_s * spine_force_n * (0.1 + 4.0 * guard_units);
  ps.soreness -= ps.soreness * lag_alpha(p.soreness_tau_s, dt_s);
  ps.soreness = det::clamp(ps.soreness, 0.0, 10.0);

  // risk: fracture where the table loads weak bone (the thoracic harness on the ribs, the
  // pelvic harness on the iliac crests, the bending of the chain), each a Weibull law of load
  // over strength; the tensile traction along the spine itself unloads the vertebrae
  const double bone = det::clamp(c.bone_strength, 0.05, 2.0);
  const double survive =
      (cervical ? 1.0 : weibull_survival(spine_force_n, p.rib_contact_strength_n * bone, p.fracture_weibull_exponent) *
                        weibull_survival(state.harness_force_n, p.pelvic_contact_strength_n * bone, p.fracture_weibull_exponent)) *
      weibull_survival(treated.max_moment_nm,
                       (cervical ? p.cervical_bending_strength_nm : p.lumbar_bending_strength_nm) * bone,
                       p.fracture_weibull_exponent);
  const double risk = 1.0 - survive;
  if (risk > ps.fracture_risk) ps.fracture_risk = risk;
  const double implant = treated.implant_load;
  if (implant > ps.implant_stress) ps.implant_stress = implant;

  // slack: the soft tissue under the harness creeps toward a share of its elastic stretch,
  // and with the treated chain's disc creep lets the carriage creep forward at a held force
  const double tissue_k_n_per_m = harness.stiffness_n_per_m;
  // a loose harness rides on more soft tissue and creeps further
  const double creep_ratio =
      harness.fit_shortfall > 0.0
          ? p.tissue_creep_ratio * (1.0 + p.loose_fit_creep_gain * harness.fit_shortfall)
          : p.tissue_creep_ratio;
  const double tissue_target_m = lying ? creep_ratio * spine_force_n / tissue_k_n_per_m : 0.0;
  ps.tissue_creep_m += lag_alpha(p.tissue_creep_tau_s, dt_s) * (tissue_target_m - ps.tissue_creep_m);
  double disc_creep_mm = 0.0;
  const LevelState* chain = cervical ? ps.cervical : ps.lumbar;
  const int n = cervical ? kCervicalLevels : kLumbarLevels;
  for (int i = 0; i < n; ++i) disc_creep_mm += chain[i].creep_mm;
  ps.slack_m = ps.tissue_creep_m + disc_creep_mm * 1e-3;

  ps.stature_gain_mm = stature_gain_mm(model, state);
  if (on_table) ps.time_on_table_s += dt_s;
}

}  // namespace

void step_patient(const TwinModel& model, TwinState& state, int64_t dt_us, bool on_table,
                  bool in_bed, double cough, const HarnessSetup* given_harness) {
  // lying on the table or in bed, the discs take up fluid; only the table pulls
  const bool lying = on_table || in_bed;
  if (dt_us <= 0) return;
  const double dt_s = static_cast<double>(dt_us) * 1e-6;
  const PatientModel& p = model.patient;
  PatientState& ps = state.patient;

  // the fast part, every step: the traction reaching the spine, how fast it rises, and the
  // muscles' answer with its tremor
  double spine_force_n = state.harness_force_n > 0.0 ? state.harness_force_n : 0.0;
  // a loose harness spends part of the pull shearing skin and soft tissue
  const HarnessSetup harness = given_harness != nullptr ? *given_harness : harness_of(model);
  const double shortfall = harness.fit_shortfall;
  if (shortfall > 0.0) spine_force_n *= 1.0 - p.loose_fit_transmission_loss * shortfall;
  const double raw_rate = (spine_force_n - ps.spine_force_n) / dt_s;
  ps.spine_force_rate_n_per_s += lag_alpha(0.5, dt_s) * (raw_rate - ps.spine_force_rate_n_per_s);
  ps.spine_force_n = spine_force_n;

  // the muscles' answer: reflex, tonic and protective guarding, and its tremor
  step_muscles(model, state, dt_us, on_table);

  // the slow part at its own coarser step
  ps.slow_elapsed_us += dt_us;
  if (ps.slow_elapsed_us >= kSlowStepUs || !on_table) {
    step_slow(model, state, static_cast<double>(ps.slow_elapsed_us) * 1e-6, lying, on_table, cough, harness);
    ps.slow_elapsed_us = 0;
  }
}

}  // namespace detail

// [SECTION] stature gain

double stature_gain_mm(const TwinModel& model, const TwinState& state) {
  // fluid height over the height the patient arrived with from standing
  const PatientModel& p = model.patient;
  const double drop_mpa = p.standing_pressure_mpa;
  double gain = 0.0;
  for (int i = 0; i < kLumbarLevels; ++i) {
    const DiscModel& d = p.lumbar[i];
    if (d.fused) continue;
    gain += state.patient.lumbar[i].fluid_mm -
            d.fluid_mm_per_mpa * (1.0 - 0.7 * d.degeneration) * (detail::lying_pressure_mpa(d) - drop_mpa);
  }
  for (int i = 0; i < kCervicalLevels; ++i) {
    const DiscModel& d = p.cervical[i];
    if (d.fused) continue;
    gain += state.patient.cervical[i].fluid_mm -
            d.fluid_mm_per_mpa * (1.0 - 0.7 * d.degeneration) * (detail::lying_pressure_mpa(d) - drop_mpa);
  }
  gain += state.patient.thoracic_fluid_mm - p.thoracic_fluid_mm_per_mpa * (0.10 - drop_mpa);
  return gain + state.patient.overnight_fluid_mm;
}

}  // namespace tractus::twin
