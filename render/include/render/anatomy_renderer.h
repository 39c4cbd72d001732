// Draws the procedural spine (anatomy_chain.h) with WebGL2: both chains live in one static
// vertex buffer built once per patient, and a chain is one draw call whose vertex shader moves
// each vertex with its vertebrae (one bone matrix per vertebra), colours it by its slot and
// pushes a herniated disc's back outward.
#pragma once

#include <cstdint>

#include "render/anatomy_chain.h"
#include "render/gl.h"

namespace tractus::render {

class AnatomyRenderer {
 public:
  /// Compiles the shader. Returns false (and logs why) on failure.
  bool init();
  /// Frees the GPU resources.
  void shutdown();

  /// Builds both chains' meshes for this patient into the vertex buffer, unless they were
  /// built for the same height, sex and hip position already; returns the chain's make-up.
  const ChainSpec& prepare(const twin::PatientModel& patient, bool cervical);
  /// The rest pose of the chain prepare() last returned.
  const ChainPose& rest(bool cervical) const { return cervical ? cervical_rest_ : lumbar_rest_; }

  /// Queues one chain for the next flush (only one chain is drawn a frame).
  void queue(bool cervical, const ChainFrame& frame);
  /// Draws the queued chain with the camera, opaque and depth-tested; clears the queue.
  void flush(const glm::mat4& view_proj, const glm::vec3& eye_m);

  /// Triangles drawn by the last flush() (0 when nothing was queued).
  int last_triangles() const { return last_triangles_; }
  /// Vertices in the buffer (both chains).
  int vertex_count() const { return vertex_count_; }

 private:
  struct Range {
    uint32_t first_index = 0, index_count = 0;
  };
  GLuint program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0;
  GLint u_view_proj_ = -1, u_bones_ = -1, u_colours_ = -1, u_bulge_ = -1, u_eye_ = -1;
  ChainSpec lumbar_, cervical_;
  ChainPose lumbar_rest_, cervical_rest_;
  Range lumbar_range_, cervical_range_;
  bool built_ = false;
  double built_height_m_ = 0.0;
  bool built_female_ = false, built_hips_flexed_ = false;
  bool queued_ = false, queued_cervical_ = false;
  ChainFrame frame_;
  int last_triangles_ = 0;
  int vertex_count_ = 0;
};

}  // namespace tractus::render
