// Builds the 3D scene of the treatment room, the table and the patient from the twin's state.
//
// The scene is an observer: it reads a const TwinState and model, and queues shapes on a
// ShapeRenderer. Positions come from the simulation unchanged, so the carriage moves exactly
// as far as the twin says it does.
#pragma once

#include "render/shape_renderer.h"
#include "twin/model.h"
#include "twin/state.h"

namespace tractus::render {

/// What to draw besides the table.
struct SceneOptions {
  bool show_patient = true;
  bool show_room = true;
};

/// Queues the room, the table (both sections, sliding carriage, tower, cord) and the patient.
void draw_table_scene(ShapeRenderer& shapes, const twin::TwinModel& model,
                      const twin::TwinState& state, const SceneOptions& options);

}  // namespace tractus::render
