// Disc level names: one spelling source and one formatting function.
//
// The twin names each disc by the vertebrae around it ("L4-L5", "C5-C6", "L5-S1"; its
// PatientModel's chains). Scenario files and the trainer's screens use the clinician's short
// form ("L4-5", "C5-6", "L5-S1"), which disc_level_label() formats from the twin's name, so
// the two spellings can never drift apart. Files may give either; both read to the same index.
#pragma once

#include <string>
#include <vector>

#include "hal/hal.h"

namespace tractus::scenarios {

/// The short clinical form of a twin disc name: the lower vertebra's repeated letter dropped
/// ("L4-L5" -> "L4-5", "C7-T1" and "L5-S1" unchanged).
std::string disc_level_label(const std::string& twin_name);

/// The short label of disc index in the region's chain (0 = the top level: L1-2 or C2-3), or
/// "" when index is out of range. The text lives as long as the program.
const char* disc_level_label(hal::Region region, int index);

/// Index of a disc level in its region's chain, from its short label or the twin's name;
/// -1 when it names no level of that region.
int disc_level_index(hal::Region region, const std::string& name);

/// Every short label, lumbar chain first, then cervical: the levels a scenario may name.
const std::vector<const char*>& disc_level_labels();

}  // namespace tractus::scenarios
