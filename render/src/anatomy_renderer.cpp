// The skinned spine renderer (anatomy_renderer.h).
//
// Index of this file:
//   [SECTION] shaders
//   [SECTION] GPU resources
//   [SECTION] building the buffer for a patient
//   [SECTION] drawing a chain
#include "render/anatomy_renderer.h"

#include "gl_program.h"

#include <cstddef>

#include <glm/gtc/type_ptr.hpp>

namespace tractus::render {

namespace {

// [SECTION] shaders
// bone indices and the slot arrive as floats (WebGL2 takes them as plain attributes); the
// bulge pushes along the rest-pose normal before skinning
const char* kVertexShader = R"(#version 300 es
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in vec4 a_bind;  // bone a, bone b, weight of b, colour slot
layout(location = 3) in float a_bulge;
uniform mat4 u_view_proj;
uniform mat4 u_bones[10];
uniform vec4 u_colours[16];
uniform float u_bulge[16];
out vec3 v_normal;
out vec3 v_world;
out vec3 v_colour;
void main() {
  int slot = int(a_bind.w + 0.5);
  vec3 p = a_position + a_normal * (a_bulge * u_bulge[slot]);
  mat4 m = u_bones[int(a_bind.x + 0.5)] * (1.0 - a_bind.z) + u_bones[int(a_bind.y + 0.5)] * a_bind.z;
  vec4 world = m * vec4(p, 1.0);
  v_world = world.xyz;
  v_normal = mat3(m) * a_normal;
  v_colour = u_colours[slot].rgb;
  gl_Position = u_view_proj * world;
}
)";

// the shape renderer's light: hemisphere ambient, key and fill, a little specular; sRGB out
const char* kFragmentShader = R"(#version 300 es
precision mediump float;
in vec3 v_normal;
in vec3 v_world;
in vec3 v_colour;
uniform vec3 u_eye;
out vec4 frag;
void main() {
  vec3 n = normalize(v_normal);
  vec3 v = normalize(u_eye - v_world);
  if (dot(n, v) < 0.0) n = -n;
  vec3 key = normalize(vec3(0.4, 1.0, 0.6));
  vec3 fill = normalize(vec3(-0.6, 0.4, -0.5));
  float hemi = 0.5 + 0.5 * n.y;
  vec3 ambient = mix(vec3(0.16, 0.15, 0.14), vec3(0.32, 0.34, 0.38), hemi);
  float diffuse = max(dot(n, key), 0.0) * 0.75 + max(dot(n, fill), 0.0) * 0.25;
  float spec = pow(max(dot(n, normalize(key + v)), 0.0), 24.0) * 0.2;
  vec3 c = v_colour * (ambient + diffuse) + vec3(spec);
  frag = vec4(pow(c, vec3(1.0 / 2.2)), 1.0);
}
)";

}  // namespace

// [SECTION] GPU resources
bool AnatomyRenderer::init() {
  program_ = link_program(kVertexShader, kFragmentShader, "anatomy");
  if (program_ == 0) return false;
  u_view_proj_ = glGetUniformLocation(program_, "u_view_proj");
  u_bones_ = glGetUniformLocation(program_, "u_bones");
  u_colours_ = glGetUniformLocation(program_, "u_colours");
  u_bulge_ = glGetUniformLocation(program_, "u_bulge");
  u_eye_ = glGetUniformLocation(program_, "u_eye");
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ibo_);
  return true;
}

void AnatomyRenderer::shutdown() {
  glDeleteBuffers(1, &vbo_);
  glDeleteBuffers(1, &ibo_);
  glDeleteVertexArrays(1, &vao_);
  glDeleteProgram(program_);
  vao_ = vbo_ = ibo_ = program_ = 0;
  built_ = false;
}

// [SECTION] building the buffer for a patient
const ChainSpec& AnatomyRenderer::prepare(const twin::PatientModel& patient, bool cervical) {
  const bool same = built_ && built_height_m_ == patient.height_m && built_female_ == patient.female &&
                    built_hips_flexed_ == patient.hips_flexed;
  if (!same && program_ != 0) {
    lumbar_ = chain_spec(patient, false);
    cervical_ = chain_spec(patient, true);
    lumbar_rest_ = chain_pose(lumbar_);
    cervical_rest_ = chain_pose(cervical_);
    AnatomyMesh mesh = chain_mesh(lumbar_);
    lumbar_range_ = Range{0, static_cast<uint32_t>(mesh.indices.size())};
    const AnatomyMesh neck = chain_mesh(cervical_);
    const auto base = static_cast<uint32_t>(mesh.vertices.size());
    cervical_range_ = Range{static_cast<uint32_t>(mesh.indices.size()), static_cast<uint32_t>(neck.indices.size())};
    mesh.vertices.insert(mesh.vertices.end(), neck.vertices.begin(), neck.vertices.end());
    for (uint32_t i : neck.indices) mesh.indices.push_back(base + i);
    vertex_count_ = static_cast<int>(mesh.vertices.size());

    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(AnatomyVertex)),
                 mesh.vertices.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(uint32_t)),
                 mesh.indices.data(), GL_STATIC_DRAW);
    const auto stride = static_cast<GLsizei>(sizeof(AnatomyVertex));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(AnatomyVertex, position_mm)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(AnatomyVertex, normal)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(AnatomyVertex, bone_a)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(AnatomyVertex, bulge)));
    glBindVertexArray(0);
    built_ = true;
    built_height_m_ = patient.height_m;
    built_female_ = patient.female;
    built_hips_flexed_ = patient.hips_flexed;
  }
  return cervical ? cervical_ : lumbar_;
}

// [SECTION] drawing a chain
void AnatomyRenderer::queue(bool cervical, const ChainFrame& frame) {
  queued_ = true;
  queued_cervical_ = cervical;
  frame_ = frame;
}

void AnatomyRenderer::flush(const glm::mat4& view_proj, const glm::vec3& eye_m) {
  last_triangles_ = 0;
  if (!queued_ || !built_ || program_ == 0) {
    queued_ = false;
    return;
  }
  queued_ = false;
  const Range& r = queued_cervical_ ? cervical_range_ : lumbar_range_;
  glUseProgram(program_);
  glUniformMatrix4fv(u_view_proj_, 1, GL_FALSE, glm::value_ptr(view_proj));
  glUniform3fv(u_eye_, 1, glm::value_ptr(eye_m));
  glUniformMatrix4fv(u_bones_, frame_.count, GL_FALSE, glm::value_ptr(frame_.bone[0]));
  glUniform4fv(u_colours_, kAnatomySlots, glm::value_ptr(frame_.colour[0]));
  glUniform1fv(u_bulge_, kAnatomySlots, frame_.bulge_mm);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glDepthMask(GL_TRUE);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  glBindVertexArray(vao_);
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(r.index_count), GL_UNSIGNED_INT,
                 reinterpret_cast<const void*>(static_cast<uintptr_t>(r.first_index) * sizeof(uint32_t)));
  glBindVertexArray(0);
  last_triangles_ = static_cast<int>(r.index_count / 3);
}

}  // namespace tractus::render
