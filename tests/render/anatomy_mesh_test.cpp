// The procedural spine: every part is a closed surface wound outward, the vertebrae are the
// size twin/anatomy.h says, the discs wedge by each level's lordosis and open with the twin,
// and the whole mesh stays within a software-GL budget.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>

#include "../../render/src/anatomy_sweep.h"
#include "render/anatomy_chain.h"
#include "render/anatomy_mesh.h"
#include "render/spine_layout.h"

namespace tractus::render {
namespace {

namespace an = twin::anatomy;

// every edge of a part, welded by position (caps duplicate their rims' vertices), is shared by
// exactly two triangles that run it in opposite directions
void expect_closed(const AnatomyMesh& m, const MeshPart& p) {
  using Key = std::tuple<long, long, long>;
  const auto key = [&](uint32_t i) {
    const glm::vec3 q = m.vertices[i].position_mm * 1000.0f;
    return Key{std::lround(q.x), std::lround(q.y), std::lround(q.z)};
  };
  std::map<std::pair<Key, Key>, int> directed;
  for (uint32_t t = p.first_index; t < p.first_index + p.index_count; t += 3) {
    for (int e = 0; e < 3; ++e) {
      const Key a = key(m.indices[t + e]), b = key(m.indices[t + (e + 1) % 3]);
      if (a != b) ++directed[{a, b}];
    }
  }
  int open = 0;
  for (const auto& [edge, count] : directed) {
    const auto back = directed.find({edge.second, edge.first});
    if (count != 1 || back == directed.end() || back->second != 1) ++open;
  }
  EXPECT_EQ(open, 0) << p.name << " has edges that are not shared by two opposite triangles";
  EXPECT_GT(sweep::signed_volume(m, p), 0.0) << p.name << " winds inward";
}

// each vertex normal points the way of the faces around it (outward)
void expect_outward_normals(const AnatomyMesh& m, const MeshPart& p) {
  int against = 0;
  for (uint32_t t = p.first_index; t < p.first_index + p.index_count; t += 3) {
    const glm::vec3 a = m.vertices[m.indices[t]].position_mm, b = m.vertices[m.indices[t + 1]].position_mm,
                    c = m.vertices[m.indices[t + 2]].position_mm;
    const glm::vec3 face = glm::cross(b - a, c - a);
    if (glm::length(face) < 1e-6f) continue;
    for (int k = 0; k < 3; ++k) {
      if (glm::dot(m.vertices[m.indices[t + k]].normal, face) < 0.0f) ++against;
    }
  }
  // a dished cap's centre sees its rim's faces at a steep angle; no normal may point inward
  EXPECT_EQ(against, 0) << p.name;
}

TEST(AnatomyMesh, EveryVertebraPartIsClosedAndOutward) {
  const twin::PatientModel patient;
  for (bool cervical : {false, true}) {
    const ChainSpec spec = chain_spec(patient, cervical);
    for (int i = 0; i < spec.count; ++i) {
      const AnatomyMesh m = vertebra_mesh(spec.vertebrae[i]);
      ASSERT_GE(m.parts.size(), 8u) << spec.vertebrae[i].name;
      for (const MeshPart& p : m.parts) {
        expect_closed(m, p);
        expect_outward_normals(m, p);
      }
    }
  }
}

TEST(AnatomyMesh, LumbarBodiesAndCanalsMeasureAsTheTwinsTable) {
  const twin::PatientModel patient;  // the reference man: the table's own figures
  const ChainSpec spec = chain_spec(patient, false);
  for (int level = 0; level < twin::kLumbarLevels; ++level) {
    const an::LevelGeometry& g = an::lumbar_reference(level);
    const VertebraSpec& v = spec.vertebrae[spec.first_level + level];
    const AnatomyMesh m = vertebra_mesh(v);
    const MeshPart* body = m.part("body");
    ASSERT_NE(body, nullptr);
    // the body spans its height along X, its endplate depth along Y and width along Z (0.1 mm)
    EXPECT_NEAR(body->min_mm.x, 0.0, 0.1) << g.name;
    EXPECT_NEAR(body->max_mm.x, g.body_height_mm, 0.1) << g.name;
    EXPECT_NEAR(body->max_mm.y - body->min_mm.y, g.endplate_depth_mm, 0.1) << g.name;
    EXPECT_NEAR(body->max_mm.z - body->min_mm.z, g.endplate_width_mm, 0.1) << g.name;
    // the pedicles' inner faces bound the canal: its width between them (0.1 mm)
    const MeshPart* left = m.part("pedicle_left");
    const MeshPart* right = m.part("pedicle_right");
    ASSERT_NE(left, nullptr);
    ASSERT_NE(right, nullptr);
    EXPECT_NEAR(left->min_mm.z - right->max_mm.z, g.canal_width_mm, 0.1) << g.name;
    EXPECT_NEAR(left->max_mm.z - left->min_mm.z, g.pedicle_width_mm, 0.1) << g.name;
    // at the midline the arch closes the canal no nearer the body than the canal's depth
    const float arch_y = static_cast<float>(-0.5 * g.endplate_depth_mm - g.canal_depth_mm);
    for (const char* name : {"lamina_left", "lamina_right", "spinous"}) {
      const MeshPart* p = m.part(name);
      ASSERT_NE(p, nullptr);
      EXPECT_LT(p->max_mm.y, -0.5 * g.endplate_depth_mm) << name;
      for (uint32_t t = p->first_index; t < p->first_index + p->index_count; ++t) {
        const glm::vec3 q = m.vertices[m.indices[t]].position_mm;
        if (std::fabs(q.z) < 2.0f) ASSERT_LE(q.y, arch_y + 0.1f) << g.name << " " << name;
      }
    }
    EXPECT_NE(m.part("facet_superior_left"), nullptr);
    EXPECT_NE(m.part("transverse_right"), nullptr);
  }
}

TEST(AnatomyMesh, CervicalVertebraeHaveUncinatesABifidSpinousAndC2ADens) {
  const twin::PatientModel patient;
  const ChainSpec spec = chain_spec(patient, true);
  ASSERT_EQ(spec.count, 7);
  const AnatomyMesh c2 = vertebra_mesh(spec.vertebrae[0]);
  const MeshPart* dens = c2.part("dens");
  ASSERT_NE(dens, nullptr);
  // the dens rises cranially (negative X) a body height above C2's upper endplate
  EXPECT_NEAR(dens->min_mm.x, -an::cervical_reference(0).body_height_mm, 0.5);
  for (int i = 1; i < 5; ++i) {  // C3..C6
    const AnatomyMesh m = vertebra_mesh(spec.vertebrae[i]);
    const MeshPart* uncinate = m.part("uncinate_left");
    ASSERT_NE(uncinate, nullptr);
    EXPECT_LT(uncinate->min_mm.x, -1.0) << "the uncinate rises above the endplate";
    // two spinous tips, either side of the midline
    ASSERT_NE(m.part("spinous_left"), nullptr);
    EXPECT_GT(m.part("spinous_left")->max_mm.z, 3.0);
    EXPECT_LT(m.part("spinous_right")->min_mm.z, -3.0);
    const MeshPart* body = m.part("body");
    EXPECT_NEAR(body->max_mm.z - body->min_mm.z, an::cervical_reference(i).endplate_width_mm, 0.1);
  }
  // C7, the vertebra prominens: one long tip
  EXPECT_EQ(vertebra_mesh(spec.vertebrae[5]).part("spinous_left"), nullptr);
}

TEST(AnatomyMesh, SacrumCarriesBothIliaWiderThanTheLumbarSpine) {
  const twin::PatientModel patient;
  const ChainSpec spec = chain_spec(patient, false);
  const AnatomyMesh m = vertebra_mesh(spec.vertebrae[spec.count - 1]);
  const MeshPart* left = m.part("ilium_left");
  const MeshPart* right = m.part("ilium_right");
  ASSERT_NE(left, nullptr);
  ASSERT_NE(right, nullptr);
  // a bi-iliac breadth of 230-300 mm, an adult's (for a 1.75 m man)
  const double breadth = left->max_mm.z - right->min_mm.z;
  EXPECT_GT(breadth, 230.0);
  EXPECT_LT(breadth, 300.0);
  // the iliac crest rises cranially beyond S1's endplate, where the pelvic harness bears
  EXPECT_LT(left->min_mm.x, -40.0);
  for (const MeshPart& p : m.parts) expect_closed(m, p);
}

TEST(AnatomyChain, DiscsWedgeByEachLevelsLordosisAndOpenWithTheTwin) {
  twin::PatientModel patient;
  patient.hips_flexed = false;
  const ChainSpec spec = chain_spec(patient, false);
  const ChainPose rest = chain_pose(spec);
  double total_deg = 0.0;
  for (int level = 0; level < twin::kLumbarLevels; ++level) {
    const int i = spec.first_level + level;
    // the angle between the endplates across the disc is the level's wedge (0.01 degree)
    const glm::vec3 a = glm::mat3(rest.frame[i]) * glm::vec3(1, 0, 0);
    const glm::vec3 b = glm::mat3(rest.frame[i + 1]) * glm::vec3(1, 0, 0);
    const double angle = std::atan2(glm::cross(b, a).z, glm::dot(a, b)) * 180.0 / 3.14159265358979;
    EXPECT_NEAR(angle, an::lumbar_reference(level).lordosis_hips_straight_deg, 0.01);
    total_deg += angle;
  }
  EXPECT_NEAR(total_deg, an::lumbar_lordosis_deg(false, an::body_scale(1.75, false)), 0.05);
  // the lordosis is convex forward: L3's body sits above (anterior of) the line from L1 to S1
  const glm::vec3 l1(rest.frame[3][3]), l3(rest.frame[5][3]), s1(rest.frame[8][3]);
  EXPECT_GT(l3.y, 0.5f * (l1.y + s1.y) + 5.0f);
  // 1 mm more at the front of L4-L5 moves L5's front rim 1 mm further from L4's
  float front[5] = {0, 0, 0, 1.0f, 0}, back[5] = {0, 0, 0, 0, 0};
  const ChainPose open = chain_pose(spec, front, back);
  const auto& g = spec.vertebrae[6].g;
  const glm::vec3 rim(0.0f, 0.5f * static_cast<float>(g.endplate_depth_mm), 0.0f);
  const auto gap = [&](const ChainPose& p) {
    const glm::vec3 upper(p.frame[6] * glm::vec4(static_cast<float>(g.body_height_mm), rim.y, 0, 1));
    const glm::vec3 lower(p.frame[7] * glm::vec4(rim, 1));
    return glm::length(lower - upper);
  };
  EXPECT_NEAR(gap(open) - gap(rest), 1.0, 0.02);
}

TEST(AnatomyChain, FramesHoldTheirEndAndMoveThePelvisWithTheOpening) {
  const twin::TwinModel model;
  const ChainSpec spec = chain_spec(model.patient, false);
  const ChainPose rest = chain_pose(spec);
  twin::TwinState state;
  const glm::vec3 held{-0.27f, 0.80f, 0.0f};
  const ChainFrame still = chain_frame(spec, rest, state, held, glm::mat4(1.0f));
  for (int i = 0; i < twin::kLumbarLevels; ++i) {
    state.patient.lumbar[i].anterior_separation_mm = 1.0;
    state.patient.lumbar[i].posterior_separation_mm = 1.0;
  }
  const ChainFrame pulled = chain_frame(spec, rest, state, held, glm::mat4(1.0f));
  // a level opening 1 mm more at the back than the front tilts by its true 1/depth radians,
  // not ten times that: the chain keeps its shape under a flexing pull
  twin::TwinState flexed;
  flexed.patient.lumbar[3].posterior_separation_mm = 1.0;
  const ChainFrame tilted = chain_frame(spec, rest, flexed, held, glm::mat4(1.0f));
  const glm::vec3 a = glm::mat3(tilted.bone[7]) * glm::vec3(1, 0, 0), b = glm::mat3(still.bone[7]) * glm::vec3(1, 0, 0);
  const double tilt_rad = std::acos(std::min(1.0f, glm::dot(glm::normalize(a), glm::normalize(b))));
  EXPECT_NEAR(tilt_rad, 1.0 / spec.vertebrae[6].g.endplate_depth_mm, 0.002);
  // L1's upper endplate stays where the table holds it (1 micrometre)
  const glm::vec3 l1_top(pulled.bone[3] * rest.frame[3] * glm::vec4(0, 0, 0, 1));
  EXPECT_NEAR(glm::distance(l1_top, held), 0.0, 1e-6);
  // five levels opened 1 mm each, drawn ten times larger: the sacrum 50 mm further away
  const float moved = glm::distance(pulled.vertebra_centre_m[8], still.vertebra_centre_m[8]);
  EXPECT_NEAR(moved, 5 * 1e-3f * kSeparationExaggeration, 1e-3);
}

TEST(AnatomyChain, MeshesBindEveryVertexAndFitASoftwareGlBudget) {
  const twin::PatientModel patient;
  for (bool cervical : {false, true}) {
    const ChainSpec spec = chain_spec(patient, cervical);
    const AnatomyMesh m = chain_mesh(spec);
    // bounded for a software rasteriser: under 40,000 vertices a chain
    EXPECT_GT(m.vertices.size(), 5000u);
    EXPECT_LT(m.vertices.size(), 40000u);
    for (const AnatomyVertex& v : m.vertices) {
      ASSERT_GE(v.bone_a, 0.0f);
      ASSERT_LT(v.bone_b, static_cast<float>(spec.count));
      ASSERT_LT(v.slot, static_cast<float>(kAnatomySlots));
    }
    const int levels = cervical ? twin::kCervicalLevels : twin::kLumbarLevels;
    int roots = 0, discs = 0;
    for (const MeshPart& p : m.parts) {
      roots += p.name.rfind("root.", 0) == 0 ? 1 : 0;
      discs += p.name.rfind("disc.", 0) == 0 ? 1 : 0;
      if (p.name.rfind("disc.", 0) == 0 || p.name.rfind("root.", 0) == 0) expect_closed(m, p);
    }
    EXPECT_EQ(roots, 2 * levels);
    EXPECT_EQ(discs, spec.count - 1);
    EXPECT_NE(m.part(cervical ? "cord" : "cauda_equina"), nullptr);
  }
}

}  // namespace
}  // namespace tractus::render
