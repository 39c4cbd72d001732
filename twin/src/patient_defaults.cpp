// Reference values of the two spinal chains. docs/twin.md gives the reasoning per number.
#include "twin/model.h"

namespace tractus::twin {

namespace {

const char* const kLumbarNames[kLumbarLevels] = {"L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"};
const char* const kCervicalNames[kCervicalLevels] = {"C2-C3", "C3-C4", "C4-C5",
                                                     "C5-C6", "C6-C7", "C7-T1"};
// upper levels carry less tone, so they open first; mid and lower levels need about 20 lb
const double kCervicalPreloadN[kCervicalLevels] = {55.0, 65.0, 80.0, 80.0, 80.0, 80.0};

}  // namespace

PatientModel::PatientModel() {
  for (int i = 0; i < kLumbarLevels; ++i) {
    DiscModel& d = lumbar[i];
    d.name = kLumbarNames[i];
    // lumbar discs are the tallest: most fluid height per megapascal
    d.fluid_mm_per_mpa = 1.56;
  }
  for (int i = 0; i < kCervicalLevels; ++i) {
    DiscModel& d = cervical[i];
    d.name = kCervicalNames[i];
    d.bending_stiffness_nm_per_deg = 0.5;  // the neck bends four times as easily [U]
    d.preload_n = kCervicalPreloadN[i];
    d.compression_stiffness_n_per_mm = 800.0;
    d.toe_mm = 0.25;
    d.toe_force_n = 25.0;
    d.suction_max_mpa = units::mpa_from_mmhg(120.0);
    d.suction_force_n = 60.0;
    d.fluid_mm_per_mpa = 0.464;
    d.canal_clearance_mm = 2.5;
  }
}

}  // namespace tractus::twin
