// The x-ray spine (spine_scene.h): poses the chain, queues it and names its parts.
#include "render/spine_scene.h"
#include "render/units.h"

#include <algorithm>
#include <cstdio>

#include "render/spine_layout.h"
#include "scenarios/disc_levels.h"

namespace tractus::render {

ChainFrame draw_spine(AnatomyRenderer& anatomy, const twin::TwinModel& model, const twin::TwinState& state,
                      bool cervical, const glm::vec3& held_m, const glm::mat4& world_from_table, bool draw,
                      std::vector<SceneLabel>* labels) {
  const ChainSpec& spec = anatomy.prepare(model.patient, cervical);
  const ChainFrame frame = chain_frame(spec, anatomy.rest(cervical), state, held_m, world_from_table);
  if (draw) anatomy.queue(cervical, frame);
  if (labels == nullptr || !draw) return frame;

  const int levels = cervical ? twin::kCervicalLevels : twin::kLumbarLevels;
  const int t = std::clamp(treated_level(model, state, cervical), 0, levels - 1);
  const int above = spec.first_level + t;  // the vertebra above the treated disc
  // one vertebra above the treated disc, the two bounding it and one below
  for (int i = std::max(0, above - 1); i <= std::min(spec.count - 1, above + 2); ++i) {
    const float height_m = 1e-3f * static_cast<float>(spec.vertebrae[i].g.body_height_mm);
    const glm::vec3 front = frame.vertebra_centre_m[i] +
                            glm::vec3(0.0f, 0.5e-3f * static_cast<float>(spec.vertebrae[i].g.endplate_depth_mm), 0.0f);
    // a vertebra's name only once its body is big enough on screen to tell it from the next
    labels->push_back(SceneLabel{front, spec.vertebrae[i].name, 2, height_m});
  }
  const twin::LevelState* ls = cervical ? state.patient.cervical : state.patient.lumbar;
  const hal::Region chain = cervical ? hal::Region::Cervical : hal::Region::Lumbar;
  char text[96];
  std::snprintf(text, sizeof text, "%s disc %+.0f mmHg", scenarios::disc_level_label(chain, t), units::mmhg_from_mpa(ls[t].pressure_mpa));
  labels->push_back(SceneLabel{frame.disc_back_m[above], text, 0});
  std::snprintf(text, sizeof text, "Nerve root %s: %.0f%% compressed", scenarios::disc_level_label(chain, t),
                100.0 * ls[t].nerve_compression);
  labels->push_back(SceneLabel{frame.root_exit_m[above], text, 0});
  return frame;
}

}  // namespace tractus::render
