// The x-ray spine inside the patient figure: vertebral bodies with simple posterior elements,
// discs coloured by nucleus pressure, herniation bulges and nerve roots, from a SpineLayout.
#pragma once

#include <vector>

#include "render/scene_label.h"
#include "render/shape_renderer.h"
#include "render/spine_layout.h"

namespace tractus::render {

/// Queues the chain's shapes. When labels is not null, appends labels for the vertebrae around
/// the treated disc (L3 to S1, or C4 to C7 for C5-6), the treated disc and its nerve root.
void draw_spine(ShapeRenderer& shapes, const SpineLayout& layout, std::vector<SceneLabel>* labels);

}  // namespace tractus::render
