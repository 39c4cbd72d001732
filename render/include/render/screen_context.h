// What every screen and panel of the trainer UI shares: the fonts, the layout they are placed
// by, and ViewRequests, what a screen asks of the UI around it (the 3D view's camera and
// toggles, the instructor panel). Screens change only their own state; the router
// (trainer_ui.h) applies a screen's ViewRequests, so no screen reaches into another.
#pragma once

#include <optional>

#include "render/camera.h"

struct ImFont;

namespace tractus::render {

/// The fonts the UI uses, loaded by the host.
struct UiFonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
  ImFont* gauge = nullptr;
  ImFont* large = nullptr;  // patient tour and demo captions: large body text
  ImFont* title = nullptr;  // patient tour and demo captions: large headings
};

/// Height of the bar across the top of every screen but the start screen, CSS pixels.
constexpr float kToolbarHeightPx = 44.0f;

/// The width the table console asks for on this display, CSS pixels: it narrows on small
/// screens (below 1100 px) so the 3D view keeps at least half the width.
float console_width_px();
/// The width the console takes: what it asks for, at most 45% of the display.
float console_panel_width_px();

/// What a screen or panel asks of the UI around it during one frame. Each field is left
/// empty when the screen asks nothing of it.
struct ViewRequests {
  std::optional<OrbitCamera> camera;    // move the 3D view's camera here
  std::optional<bool> xray;             // show (true) or hide the x-ray spine
  std::optional<bool> labels;           // show (true) or hide the part labels
  std::optional<bool> instructor_open;  // open (true) or close the instructor panel
  std::optional<bool> room_open;        // open (true) or close the classroom panel
  /// Frame this preset's subject in the part of the view the panels leave free, from the
  /// preset's direction (the view then keeps it framed as panels open, fold or resize).
  std::optional<CameraPreset> frame;

  /// Takes over each request that later makes, as if this frame's requests were applied in
  /// order.
  void merge(const ViewRequests& later) {
    if (later.camera) camera = later.camera;
    if (later.xray) xray = later.xray;
    if (later.labels) labels = later.labels;
    if (later.instructor_open) instructor_open = later.instructor_open;
    if (later.room_open) room_open = later.room_open;
    if (later.frame) frame = later.frame;
  }
};

}  // namespace tractus::render
