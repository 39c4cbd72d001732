// Patient files (scenarios/patient_file.h): the shipped patients load, nested objects flatten
// to the twin's field names, and every bad file is refused with the JSON path and the reason.
#include <gtest/gtest.h>

#include <string>

#include "scenarios/json_file.h"
#include "scenarios/patient_file.h"
#include "test_paths.h"

using namespace tractus;
using namespace tractus::scenarios;

namespace {

// parses text as a patient file, returning "PATH: REASON" or "ok"
std::string load(const std::string& text, PatientFile* out = nullptr) {
  nlohmann::json j;
  LoadError e;
  PatientFile p;
  if (!parse_json_text(text, "p.json", j, e) || !parse_patient(j, "p.json", p, e))
    return e.path + ": " + e.reason;
  if (out != nullptr) *out = p;
  return "ok";
}

}  // namespace

TEST(PatientFile, EveryShippedPatientLoads) {
  for (const char* id : {"cervical-radiculopathy", "fused-l45", "herniated-l45-male", "osteoporotic-female"}) {
    PatientFile p;
    LoadError e;
    EXPECT_TRUE(load_patient_file(test::repo_path(std::string("twin/patients/") + id + ".json"), p, e))
        << e.message();
    EXPECT_EQ(p.id, id);
    EXPECT_FALSE(p.description.empty()) << id;
  }
}

TEST(PatientFile, NestedObjectsSetTheTwinsDottedFields) {
  // fused-l45.json: 82 kg, fused L4-L5, degenerated L3-L4 (twin/patients/fused-l45.json)
  PatientFile p;
  LoadError e;
  ASSERT_TRUE(load_patient_file(test::repo_path("twin/patients/fused-l45.json"), p, e)) << e.message();
  EXPECT_DOUBLE_EQ(p.patient.body_mass_kg, 82.0);
  EXPECT_TRUE(p.patient.lumbar[3].fused);   // L4-L5
  EXPECT_FALSE(p.patient.lumbar[2].fused);  // L3-L4
  EXPECT_DOUBLE_EQ(p.patient.lumbar[2].degeneration, 0.4);
}

TEST(PatientFile, BadFieldsAreRefusedWithPathAndReason) {
  EXPECT_EQ(load(R"({"id": "x", "patient": {"lumbar": {"L4-L5": {"protrusion_inches": 1}}}})"),
            "$.patient.lumbar.L4-L5.protrusion_inches: unknown disc field");
  EXPECT_EQ(load(R"({"id": "x", "patient": {"body_mass_kg": 700}})").substr(0, 42),
            "$.patient.body_mass_kg: 700 is outside 25.");
  EXPECT_EQ(load(R"({"id": "x", "patient": {"body_mass_kg": "heavy"}})"),
            "$.patient.body_mass_kg: must be a number or true/false");
  EXPECT_EQ(load(R"({"id": "", "patient": {}})"), "$.id: must not be empty");
  EXPECT_EQ(load(R"({"patient": {}})"), "$: missing required key 'id'");
  EXPECT_EQ(load(R"({"id": "x", "patient": 3})"), "$.patient: must be an object of fields");
  EXPECT_EQ(load(R"({"id": "x", "patient": {}, "colour": 1})"),
            "$.colour: unknown key (expected one of: id, description, patient)");
  EXPECT_EQ(load(R"([1])"), "$: a patient file is a JSON object");
}

TEST(PatientFile, ADeeplyNestedPatientIsRefusedNotACrash) {
  // 30,000 levels crashed probe: its field walk recursed per level, memory growing as the
  // square of the depth
  const int depth = 30000;
  std::string text = R"({"id": "deep", "patient": )";
  for (int i = 0; i < depth; ++i) text += R"({"a": )";
  text += "1" + std::string(depth, '}') + "}";
  EXPECT_EQ(load(text), "$: nested deeper than 64 levels (the limit)");
}

TEST(PatientFile, TooManyEntriesAreRefusedWithTheLimit) {
  // empty objects set nothing, so only a count bounds the work a file can ask for
  std::string text = R"({"id": "many", "patient": {)";
  for (std::size_t i = 0; i <= kMaxPatientEntries; ++i)
    text += (i ? "," : "") + std::string("\"k") + std::to_string(i) + "\": {}";
  text += "}}";
  EXPECT_EQ(load(text), "$.patient.k999: the patient has more than 1000 entries (the limit)");
}
