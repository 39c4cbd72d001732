// Draws lit, coloured primitive shapes (boxes, cylinders, spheres) with WebGL2.
//
// A frame is: begin() with the camera, any number of draw calls queued with their model
// matrices and colours, then flush(), which draws opaque shapes first and translucent ones
// after them, back to front.
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "render/gl.h"

namespace tractus::render {

/// The primitive meshes, each of unit size centred on the origin: a cube of side 1, a
/// cylinder of radius 0.5 and height 1 along Y, and a sphere of radius 0.5.
enum class Shape { Box, Cylinder, Sphere };

/// One queued draw.
struct ShapeDraw {
  Shape shape = Shape::Box;
  glm::mat4 model{1.0f};
  glm::vec4 colour{1.0f};  // linear RGB and opacity
};

/// GPU resources and the per-frame queue of the shape renderer.
class ShapeRenderer {
 public:
  /// Compiles the shader and uploads the meshes. Returns false (and logs why) on failure.
  bool init();
  /// Frees the GPU resources.
  void shutdown();

  /// Starts a frame with the camera matrices and the eye position (for specular light).
  void begin(const glm::mat4& view, const glm::mat4& projection, const glm::vec3& eye_m);
  /// Sets a transform applied before every later draw's own model matrix until the next call
  /// or begin() (which resets it to identity); used to lift everything the hi-lo column carries.
  void set_parent(const glm::mat4& parent) { parent_ = parent; }
  /// Queues a shape; translucent when colour.a < 1.
  void draw(Shape shape, const glm::mat4& model, const glm::vec4& colour);
  /// Convenience: an axis-aligned box from its centre and full size, metres.
  void box(const glm::vec3& centre_m, const glm::vec3& size_m, const glm::vec4& colour);
  /// Convenience: a cylinder between two points with a radius, metres.
  void cylinder(const glm::vec3& a_m, const glm::vec3& b_m, float radius_m, const glm::vec4& colour);
  /// Convenience: a sphere (or ellipsoid when radii differ), metres.
  void sphere(const glm::vec3& centre_m, const glm::vec3& radii_m, const glm::vec4& colour);
  /// Convenience: a capsule between two points (a cylinder with spherical ends).
  void capsule(const glm::vec3& a_m, const glm::vec3& b_m, float radius_m, const glm::vec4& colour);
  /// Draws everything queued since begin(): flush_opaque() then flush_translucent().
  void flush() {
    flush_opaque();
    flush_translucent();
  }
  /// Draws the opaque shapes queued since begin(); other opaque geometry (the spine) may be
  /// drawn after it and before flush_translucent(), so the ghosted body blends over both.
  void flush_opaque();
  /// Draws the translucent shapes back to front without writing depth.
  void flush_translucent();

  /// Number of draw calls issued by the last flush().
  int last_draw_calls() const { return last_draw_calls_; }
  /// Number of triangles drawn by the last flush().
  int last_triangles() const { return last_triangles_; }

 private:
  struct Mesh {
    GLuint vao = 0, vbo = 0, ibo = 0;
    GLsizei index_count = 0;
  };
  Mesh upload(const std::vector<float>& vertices, const std::vector<unsigned short>& indices);
  const Mesh& mesh(Shape s) const;
  void issue(const ShapeDraw& d);

  GLuint program_ = 0;
  GLint u_view_proj_ = -1, u_model_ = -1, u_normal_ = -1, u_colour_ = -1, u_eye_ = -1;
  Mesh box_, cylinder_, sphere_;
  glm::mat4 view_proj_{1.0f};
  glm::vec3 eye_m_{0.0f};
  glm::mat4 parent_{1.0f};
  std::vector<ShapeDraw> opaque_, translucent_;
  int last_draw_calls_ = 0;
  int last_triangles_ = 0;
};

}  // namespace tractus::render
