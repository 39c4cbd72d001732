// The x-ray spine inside the patient figure: the procedural chain (anatomy_chain.h) posed from
// the twin's state, and its labels.
#pragma once

#include <vector>

#include "render/anatomy_chain.h"
#include "render/anatomy_renderer.h"
#include "render/scene_label.h"

namespace tractus::render {

/// Poses the lumbar (or cervical) chain for the twin's state with its held end at held_m (in
/// the coordinates world_from_table takes to the world) and returns it. When draw is true the
/// chain is queued on the renderer, and when labels is not null, labels are appended for the
/// vertebrae around the treated disc, the treated disc and its nerve root.
ChainFrame draw_spine(AnatomyRenderer& anatomy, const twin::TwinModel& model, const twin::TwinState& state,
                      bool cervical, const glm::vec3& held_m, const glm::mat4& world_from_table, bool draw,
                      std::vector<SceneLabel>* labels);

}  // namespace tractus::render
