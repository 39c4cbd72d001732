// Builds the 3D scene of the treatment room, the table and the patient from the twin's state.
//
// The scene is an observer: it reads a const TwinState and model, and queues shapes on a
// ShapeRenderer. Positions come from the simulation unchanged, so the carriage moves exactly
// as far as the twin says it does, the hi-lo column stands at the twin's table height and the
// pull-angle arm holds the pulley at the twin's pull angle.
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "render/anatomy_renderer.h"
#include "render/scene_label.h"
#include "render/shape_renderer.h"
#include "render/view_framing.h"
#include "twin/model.h"
#include "twin/state.h"

namespace tractus::render {

/// What to draw besides the table.
struct SceneOptions {
  bool show_patient = true;
  bool show_room = true;
  /// X-ray: the patient's body turns translucent and the treated spine is drawn inside it.
  bool xray = false;
  /// Draw the cervical set-up (head cradle, occipital wedges, head-end pull) even when the
  /// model is set up lumbar, e.g. when the sandbox console's region is cervical.
  bool cervical_unit = false;
  /// When not null, receives labels for the main parts (and the spine in x-ray).
  std::vector<SceneLabel>* labels = nullptr;
  /// Draws the x-ray spine; without it the scene has no spine (spine_centre_m stays zero).
  AnatomyRenderer* anatomy = nullptr;
};

/// What the scene reports back to the view.
struct SceneInfo {
  /// Middle of the spinal chain on show, world metres: where the spine camera looks.
  glm::vec3 spine_centre_m{0.0f};
  /// Bounds of the vertebral bodies' centres of the chain on show, world metres.
  glm::vec3 spine_min_m{0.0f}, spine_max_m{0.0f};
  bool cervical = false;
  /// The table with its tower, hi-lo base and (when drawn) cervical unit, and the patient on it.
  WorldBox table;
  /// The patient alone, and the foot-end traction tower alone.
  WorldBox patient, tower;
  /// The patient's body as capsules: a camera inside one of them sees the body from within.
  static constexpr int kMaxBodyParts = 12;
  BodyCapsule body[kMaxBodyParts];
  int body_parts = 0;
};

/// Queues the room, the table (both sections, sliding carriage, hi-lo column, tower with its
/// pull-angle arm, cord), the patient and, in x-ray, the spine.
SceneInfo draw_table_scene(ShapeRenderer& shapes, const twin::TwinModel& model,
                           const twin::TwinState& state, const SceneOptions& options);

}  // namespace tractus::render
