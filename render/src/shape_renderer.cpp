// The shape renderer: unit box, cylinder and sphere meshes drawn with one small shader, opaque
// shapes first and translucent ones back to front.
//
// Index of this file:
//   [SECTION] shaders
//   [SECTION] meshes: box, cylinder, sphere
//   [SECTION] GPU resources: init and shutdown
//   [SECTION] queueing shapes
//   [SECTION] drawing the queue
#include "render/shape_renderer.h"

#include "gl_program.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/type_ptr.hpp>

namespace tractus::render {

namespace {

// [SECTION] shaders
const char* kVertexShader = R"(#version 300 es
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
uniform mat4 u_view_proj;
uniform mat4 u_model;
uniform mat3 u_normal;
out vec3 v_normal;
out vec3 v_world;
void main() {
  vec4 world = u_model * vec4(a_position, 1.0);
  v_world = world.xyz;
  v_normal = u_normal * a_normal;
  gl_Position = u_view_proj * world;
}
)";

// hemisphere ambient, one key light and one fill light, a little specular; sRGB output
const char* kFragmentShader = R"(#version 300 es
precision mediump float;
in vec3 v_normal;
in vec3 v_world;
uniform vec4 u_colour;
uniform vec3 u_eye;
out vec4 frag;
void main() {
  vec3 n = normalize(v_normal);
  vec3 key = normalize(vec3(0.4, 1.0, 0.6));
  vec3 fill = normalize(vec3(-0.6, 0.4, -0.5));
  float hemi = 0.5 + 0.5 * n.y;
  vec3 ambient = mix(vec3(0.16, 0.15, 0.14), vec3(0.32, 0.34, 0.38), hemi);
  float diffuse = max(dot(n, key), 0.0) * 0.75 + max(dot(n, fill), 0.0) * 0.25;
  vec3 v = normalize(u_eye - v_world);
  float spec = pow(max(dot(n, normalize(key + v)), 0.0), 32.0) * 0.18;
  vec3 c = u_colour.rgb * (ambient + diffuse) + vec3(spec);
  frag = vec4(pow(c, vec3(1.0 / 2.2)), u_colour.a);
}
)";

// [SECTION] meshes: box, cylinder, sphere
// vertex layout: position xyz, normal xyz
void push(std::vector<float>& v, glm::vec3 p, glm::vec3 n) {
  v.insert(v.end(), {p.x, p.y, p.z, n.x, n.y, n.z});
}

void build_box(std::vector<float>& v, std::vector<unsigned short>& idx) {
  const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  for (const glm::vec3& n : normals) {
    // two axes spanning the face
    const glm::vec3 u = std::fabs(n.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    const glm::vec3 w = glm::cross(n, u);
    const auto base = static_cast<unsigned short>(v.size() / 6);
    push(v, 0.5f * (n - u - w), n);
    push(v, 0.5f * (n + u - w), n);
    push(v, 0.5f * (n + u + w), n);
    push(v, 0.5f * (n - u + w), n);
    idx.insert(idx.end(), {base, static_cast<unsigned short>(base + 1), static_cast<unsigned short>(base + 2),
                           base, static_cast<unsigned short>(base + 2), static_cast<unsigned short>(base + 3)});
  }
}

void build_cylinder(std::vector<float>& v, std::vector<unsigned short>& idx, int segments) {
  const float two_pi = 6.28318530718f;
  // side
  for (int i = 0; i <= segments; ++i) {
    const float a = two_pi * static_cast<float>(i) / static_cast<float>(segments);
    const glm::vec3 n(std::cos(a), 0.0f, std::sin(a));
    push(v, glm::vec3(0.5f * n.x, -0.5f, 0.5f * n.z), n);
    push(v, glm::vec3(0.5f * n.x, 0.5f, 0.5f * n.z), n);
  }
  for (int i = 0; i < segments; ++i) {
    const auto a = static_cast<unsigned short>(2 * i);
    idx.insert(idx.end(), {a, static_cast<unsigned short>(a + 1), static_cast<unsigned short>(a + 3),
                           a, static_cast<unsigned short>(a + 3), static_cast<unsigned short>(a + 2)});
  }
  // caps
  for (int cap = 0; cap < 2; ++cap) {
    const float y = cap == 0 ? -0.5f : 0.5f;
    const glm::vec3 n(0.0f, cap == 0 ? -1.0f : 1.0f, 0.0f);
    const auto centre = static_cast<unsigned short>(v.size() / 6);
    push(v, glm::vec3(0.0f, y, 0.0f), n);
    for (int i = 0; i <= segments; ++i) {
      const float a = two_pi * static_cast<float>(i) / static_cast<float>(segments);
      push(v, glm::vec3(0.5f * std::cos(a), y, 0.5f * std::sin(a)), n);
    }
    for (int i = 0; i < segments; ++i) {
      const auto a = static_cast<unsigned short>(centre + 1 + i);
      if (cap == 0) idx.insert(idx.end(), {centre, a, static_cast<unsigned short>(a + 1)});
      else idx.insert(idx.end(), {centre, static_cast<unsigned short>(a + 1), a});
    }
  }
}

void build_sphere(std::vector<float>& v, std::vector<unsigned short>& idx, int rings, int segments) {
  const float pi = 3.14159265359f;
  for (int r = 0; r <= rings; ++r) {
    const float phi = pi * static_cast<float>(r) / static_cast<float>(rings);
    for (int s = 0; s <= segments; ++s) {
      const float theta = 2.0f * pi * static_cast<float>(s) / static_cast<float>(segments);
      const glm::vec3 n(std::sin(phi) * std::cos(theta), std::cos(phi), std::sin(phi) * std::sin(theta));
      push(v, 0.5f * n, n);
    }
  }
  const int stride = segments + 1;
  for (int r = 0; r < rings; ++r) {
    for (int s = 0; s < segments; ++s) {
      const auto a = static_cast<unsigned short>(r * stride + s);
      const auto b = static_cast<unsigned short>(a + stride);
      idx.insert(idx.end(), {a, static_cast<unsigned short>(a + 1), b,
                             static_cast<unsigned short>(a + 1), static_cast<unsigned short>(b + 1), b});
    }
  }
}

}  // namespace

// [SECTION] GPU resources: init and shutdown
bool ShapeRenderer::init() {
  program_ = link_program(kVertexShader, kFragmentShader, "shape");
  if (program_ == 0) return false;
  u_view_proj_ = glGetUniformLocation(program_, "u_view_proj");
  u_model_ = glGetUniformLocation(program_, "u_model");
  u_normal_ = glGetUniformLocation(program_, "u_normal");
  u_colour_ = glGetUniformLocation(program_, "u_colour");
  u_eye_ = glGetUniformLocation(program_, "u_eye");

  std::vector<float> v;
  std::vector<unsigned short> i;
  build_box(v, i);
  box_ = upload(v, i);
  v.clear(); i.clear();
  build_cylinder(v, i, 28);
  cylinder_ = upload(v, i);
  v.clear(); i.clear();
  build_sphere(v, i, 14, 24);
  sphere_ = upload(v, i);
  return true;
}

ShapeRenderer::Mesh ShapeRenderer::upload(const std::vector<float>& vertices,
                                          const std::vector<unsigned short>& indices) {
  Mesh m;
  glGenVertexArrays(1, &m.vao);
  glBindVertexArray(m.vao);
  glGenBuffers(1, &m.vbo);
  glBindBuffer(GL_ARRAY_BUFFER, m.vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(float)),
               vertices.data(), GL_STATIC_DRAW);
  glGenBuffers(1, &m.ibo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.ibo);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER,
               static_cast<GLsizeiptr>(indices.size() * sizeof(unsigned short)), indices.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float),
                        reinterpret_cast<const void*>(3 * sizeof(float)));
  glBindVertexArray(0);
  m.index_count = static_cast<GLsizei>(indices.size());
  return m;
}

void ShapeRenderer::shutdown() {
  for (Mesh* m : {&box_, &cylinder_, &sphere_}) {
    glDeleteBuffers(1, &m->vbo);
    glDeleteBuffers(1, &m->ibo);
    glDeleteVertexArrays(1, &m->vao);
    *m = Mesh{};
  }
  glDeleteProgram(program_);
  program_ = 0;
}

const ShapeRenderer::Mesh& ShapeRenderer::mesh(Shape s) const {
  switch (s) {
    case Shape::Box: return box_;
    case Shape::Cylinder: return cylinder_;
    case Shape::Sphere: return sphere_;
  }
  return box_;
}

// [SECTION] queueing shapes
void ShapeRenderer::begin(const glm::mat4& view, const glm::mat4& projection, const glm::vec3& eye_m) {
  view_proj_ = projection * view;
  eye_m_ = eye_m;
  parent_ = glm::mat4(1.0f);
  opaque_.clear();
  translucent_.clear();
}

void ShapeRenderer::draw(Shape shape, const glm::mat4& model, const glm::vec4& colour) {
  (colour.a < 0.999f ? translucent_ : opaque_).push_back(ShapeDraw{shape, parent_ * model, colour});
}

void ShapeRenderer::box(const glm::vec3& centre_m, const glm::vec3& size_m, const glm::vec4& colour) {
  draw(Shape::Box, glm::scale(glm::translate(glm::mat4(1.0f), centre_m), size_m), colour);
}

void ShapeRenderer::cylinder(const glm::vec3& a_m, const glm::vec3& b_m, float radius_m,
                             const glm::vec4& colour) {
  const glm::vec3 axis = b_m - a_m;
  const float length = glm::length(axis);
  if (length < 1e-6f) return;
  const glm::vec3 dir = axis / length;
  // rotate +Y onto dir
  glm::mat4 rot(1.0f);
  const glm::vec3 y(0, 1, 0);
  const float d = glm::dot(y, dir);
  if (d < -0.9999f) {
    rot = glm::rotate(glm::mat4(1.0f), 3.14159265f, glm::vec3(1, 0, 0));
  } else if (d < 0.9999f) {
    rot = glm::rotate(glm::mat4(1.0f), std::acos(d), glm::normalize(glm::cross(y, dir)));
  }
  const glm::mat4 m = glm::translate(glm::mat4(1.0f), 0.5f * (a_m + b_m)) * rot *
                      glm::scale(glm::mat4(1.0f), glm::vec3(2.0f * radius_m, length, 2.0f * radius_m));
  draw(Shape::Cylinder, m, colour);
}

void ShapeRenderer::sphere(const glm::vec3& centre_m, const glm::vec3& radii_m, const glm::vec4& colour) {
  draw(Shape::Sphere, glm::scale(glm::translate(glm::mat4(1.0f), centre_m), 2.0f * radii_m), colour);
}

void ShapeRenderer::capsule(const glm::vec3& a_m, const glm::vec3& b_m, float radius_m,
                            const glm::vec4& colour) {
  cylinder(a_m, b_m, radius_m, colour);
  sphere(a_m, glm::vec3(radius_m), colour);
  sphere(b_m, glm::vec3(radius_m), colour);
}

// [SECTION] drawing the queue
void ShapeRenderer::issue(const ShapeDraw& d) {
  const Mesh& m = mesh(d.shape);
  const glm::mat3 normal = glm::transpose(glm::inverse(glm::mat3(d.model)));
  glUniformMatrix4fv(u_model_, 1, GL_FALSE, glm::value_ptr(d.model));
  glUniformMatrix3fv(u_normal_, 1, GL_FALSE, glm::value_ptr(normal));
  glUniform4fv(u_colour_, 1, glm::value_ptr(d.colour));
  // the meshes wind counter-clockwise seen from outside; a mirroring transform turns that round
  glFrontFace(glm::determinant(glm::mat3(d.model)) < 0.0f ? GL_CW : GL_CCW);
  glBindVertexArray(m.vao);
  glDrawElements(GL_TRIANGLES, m.index_count, GL_UNSIGNED_SHORT, nullptr);
  ++last_draw_calls_;
  last_triangles_ += m.index_count / 3;
}

void ShapeRenderer::flush_opaque() {
  last_draw_calls_ = 0;
  last_triangles_ = 0;
  glUseProgram(program_);
  glUniformMatrix4fv(u_view_proj_, 1, GL_FALSE, glm::value_ptr(view_proj_));
  glUniform3fv(u_eye_, 1, glm::value_ptr(eye_m_));
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  // the meshes are closed and wound outward, so their back faces are never seen: culling them
  // halves what a software rasteriser sets up, and the ghosted body's blended layers
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glDisable(GL_BLEND);
  glDepthMask(GL_TRUE);
  for (const ShapeDraw& d : opaque_) issue(d);
  glFrontFace(GL_CCW);
  glDisable(GL_CULL_FACE);
  glBindVertexArray(0);
}

void ShapeRenderer::flush_translucent() {
  glUseProgram(program_);
  glUniformMatrix4fv(u_view_proj_, 1, GL_FALSE, glm::value_ptr(view_proj_));
  glUniform3fv(u_eye_, 1, glm::value_ptr(eye_m_));
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glEnable(GL_CULL_FACE);  // one blended layer per shape: its front (see flush_opaque)
  glCullFace(GL_BACK);
  // translucent shapes back to front, without writing depth
  std::sort(translucent_.begin(), translucent_.end(), [&](const ShapeDraw& a, const ShapeDraw& b) {
    return glm::distance(glm::vec3(a.model[3]), eye_m_) > glm::distance(glm::vec3(b.model[3]), eye_m_);
  });
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask(GL_FALSE);
  for (const ShapeDraw& d : translucent_) issue(d);
  glFrontFace(GL_CCW);
  glDisable(GL_CULL_FACE);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  glBindVertexArray(0);
}

}  // namespace tractus::render
