// The anatomy mesh container (anatomy_mesh.h): finding and appending parts.
#include "render/anatomy_mesh.h"

namespace tractus::render {

const MeshPart* AnatomyMesh::part(const std::string& name) const {
  for (const MeshPart& p : parts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

void AnatomyMesh::append(const AnatomyMesh& other, const glm::mat4& frame, int bone, const std::string& prefix) {
  const auto base_vertex = static_cast<uint32_t>(vertices.size());
  const auto base_index = static_cast<uint32_t>(indices.size());
  const glm::mat3 rotation(frame);
  for (AnatomyVertex v : other.vertices) {
    v.position_mm = glm::vec3(frame * glm::vec4(v.position_mm, 1.0f));
    v.normal = glm::normalize(rotation * v.normal);
    v.bone_a = v.bone_b = static_cast<float>(bone);
    v.weight_b = 0.0f;
    vertices.push_back(v);
  }
  for (uint32_t i : other.indices) indices.push_back(base_vertex + i);
  for (MeshPart p : other.parts) {
    p.name = prefix + p.name;
    p.first_index += base_index;
    // bounds in the new frame
    bool first = true;
    for (uint32_t t = p.first_index; t < p.first_index + p.index_count; ++t) {
      const glm::vec3 q = vertices[indices[t]].position_mm;
      p.min_mm = first ? q : glm::min(p.min_mm, q);
      p.max_mm = first ? q : glm::max(p.max_mm, q);
      first = false;
    }
    parts.push_back(p);
  }
}

}  // namespace tractus::render
