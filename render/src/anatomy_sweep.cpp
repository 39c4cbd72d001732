// Swept tubes for the procedural anatomy (anatomy_sweep.h).
#include "anatomy_sweep.h"

#include <algorithm>
#include <cmath>

namespace tractus::render::sweep {

namespace {

constexpr float kTwoPi = 6.28318530718f;

float signed_pow(float x, float p) { return std::copysign(std::pow(std::fabs(x), p), x); }

void push_vertex(AnatomyMesh& m, const glm::vec3& p, const Ring& r, int slot, float bulge) {
  AnatomyVertex v;
  v.position_mm = p;
  v.bone_a = static_cast<float>(r.bone_a);
  v.bone_b = static_cast<float>(r.bone_b);
  v.weight_b = r.weight_b;
  v.slot = static_cast<float>(slot);
  v.bulge = bulge;
  m.vertices.push_back(v);
}

// area-weighted smooth normals over the triangles from first_index on
void smooth_normals(AnatomyMesh& m, uint32_t first_vertex, uint32_t first_index) {
  for (uint32_t i = first_vertex; i < m.vertices.size(); ++i) m.vertices[i].normal = glm::vec3(0.0f);
  for (uint32_t t = first_index; t + 2 < m.indices.size(); t += 3) {
    AnatomyVertex& a = m.vertices[m.indices[t]];
    AnatomyVertex& b = m.vertices[m.indices[t + 1]];
    AnatomyVertex& c = m.vertices[m.indices[t + 2]];
    const glm::vec3 n = glm::cross(b.position_mm - a.position_mm, c.position_mm - a.position_mm);
    a.normal += n;
    b.normal += n;
    c.normal += n;
  }
  for (uint32_t i = first_vertex; i < m.vertices.size(); ++i) {
    glm::vec3& n = m.vertices[i].normal;
    const float len = glm::length(n);
    n = len > 1e-12f ? n / len : glm::vec3(0, 1, 0);
  }
}

}  // namespace

Section superellipse(float exponent) {
  const float p = 2.0f / exponent;
  return [p](float phi) { return glm::vec2(signed_pow(std::cos(phi), p), signed_pow(std::sin(phi), p)); };
}

Section kidney() {
  // the back wall drawn in by 30% at the midline, then the back half stretched so the outline
  // still reaches -1 at the posterolateral corners: the bounding box stays the endplate's
  constexpr float kIndent = 0.3f;
  float min_y = 0.0f;
  for (int i = 0; i < 720; ++i) {
    const float s = std::sin(kTwoPi * static_cast<float>(i) / 720.0f);
    if (s < 0.0f) min_y = std::min(min_y, s * (1.0f - kIndent * std::pow(s, 4.0f)));
  }
  const float stretch = -1.0f / min_y;
  return [stretch](float phi) {
    const float c = std::cos(phi), s = std::sin(phi);
    const float x = signed_pow(c, 0.8f);  // a little squarer at the sides
    return s >= 0.0f ? glm::vec2(x, s) : glm::vec2(x, stretch * s * (1.0f - kIndent * std::pow(s, 4.0f)));
  };
}

void add(AnatomyMesh& m, const std::string& name, const std::vector<Ring>& rings, const Section& section,
         int segments, int slot, Cap first, Cap last) {
  if (rings.size() < 2 || segments < 3) return;
  const auto first_vertex = static_cast<uint32_t>(m.vertices.size());
  const auto first_index = static_cast<uint32_t>(m.indices.size());
  std::vector<glm::vec2> unit(static_cast<size_t>(segments));
  for (int j = 0; j < segments; ++j) unit[static_cast<size_t>(j)] = section(kTwoPi * static_cast<float>(j) / static_cast<float>(segments));
  const auto ring_point = [&](const Ring& r, int j) {
    const glm::vec2 q = unit[static_cast<size_t>(j)];
    return r.centre + r.u * (r.a * q.x) + r.v * (r.b * q.y);
  };
  // side
  for (const Ring& r : rings) {
    for (int j = 0; j < segments; ++j) push_vertex(m, ring_point(r, j), r, slot, r.bulge ? r.bulge(unit[static_cast<size_t>(j)]) : 0.0f);
  }
  const auto n = static_cast<uint32_t>(segments);
  for (uint32_t k = 0; k + 1 < rings.size(); ++k) {
    for (uint32_t j = 0; j < n; ++j) {
      const uint32_t a = first_vertex + k * n + j, b = first_vertex + k * n + (j + 1) % n;
      const uint32_t c = a + n, d = b + n;
      m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
    }
  }
  // caps: a fan from a centre point, dished inward along the sweep
  for (int end = 0; end < 2; ++end) {
    const Ring& r = end == 0 ? rings.front() : rings.back();
    const Ring& next = end == 0 ? rings[1] : rings[rings.size() - 2];
    const glm::vec3 inward = glm::normalize(next.centre - r.centre + 1e-6f * r.u);
    const float dish = end == 0 ? first.dish_mm : last.dish_mm;
    const auto centre = static_cast<uint32_t>(m.vertices.size());
    push_vertex(m, r.centre + inward * dish, r, slot, 0.0f);
    for (int j = 0; j < segments; ++j) push_vertex(m, ring_point(r, j), r, slot, 0.0f);
    for (uint32_t j = 0; j < n; ++j) {
      const uint32_t a = centre + 1 + j, b = centre + 1 + (j + 1) % n;
      if (end == 0) m.indices.insert(m.indices.end(), {centre, b, a});
      else m.indices.insert(m.indices.end(), {centre, a, b});
    }
  }
  MeshPart part;
  part.name = name;
  part.first_index = first_index;
  part.index_count = static_cast<uint32_t>(m.indices.size()) - first_index;
  // outward whatever the handedness of the rings' axes
  if (signed_volume(m, part) < 0.0) {
    for (uint32_t t = first_index; t + 2 < m.indices.size(); t += 3) std::swap(m.indices[t + 1], m.indices[t + 2]);
  }
  smooth_normals(m, first_vertex, first_index);
  part.min_mm = part.max_mm = m.vertices[first_vertex].position_mm;
  for (uint32_t i = first_vertex; i < m.vertices.size(); ++i) {
    part.min_mm = glm::min(part.min_mm, m.vertices[i].position_mm);
    part.max_mm = glm::max(part.max_mm, m.vertices[i].position_mm);
  }
  m.parts.push_back(part);
}

std::vector<Ring> along(const std::vector<glm::vec3>& path, const std::vector<glm::vec2>& half_sizes,
                        const glm::vec3& up) {
  std::vector<Ring> rings;
  for (size_t i = 0; i < path.size(); ++i) {
    const glm::vec3 prev = path[i == 0 ? 0 : i - 1], next = path[std::min(i + 1, path.size() - 1)];
    const glm::vec3 t = glm::normalize(next - prev);
    glm::vec3 v = up - glm::dot(up, t) * t;
    if (glm::length(v) < 1e-4f) v = glm::vec3(1, 0, 0) - t.x * t;
    v = glm::normalize(v);
    Ring r;
    r.centre = path[i];
    r.v = v;
    r.u = glm::normalize(glm::cross(v, t));
    const glm::vec2 h = half_sizes[std::min(i, half_sizes.size() - 1)];
    r.a = h.x;
    r.b = h.y;
    rings.push_back(r);
  }
  return rings;
}

void blob(AnatomyMesh& m, const std::string& name, const glm::vec3& a, const glm::vec3& b, glm::vec2 half,
          const glm::vec3& up, int slot, int segments) {
  // rings at the cosine stations of a sphere's latitudes, the ends nearly closed
  std::vector<glm::vec3> path;
  std::vector<glm::vec2> sizes;
  constexpr int kStations = 7;
  for (int i = 0; i < kStations; ++i) {
    const float t = -0.95f + 1.9f * static_cast<float>(i) / static_cast<float>(kStations - 1);
    const float angle = std::asin(t);
    const float s = 0.5f + 0.5f * std::sin(angle);
    path.push_back(a + (b - a) * s);
    sizes.push_back(half * std::sqrt(std::max(0.0f, 1.0f - t * t)));
  }
  add(m, name, along(path, sizes, up), superellipse(), segments, slot);
}

double signed_volume(const AnatomyMesh& m, const MeshPart& p) {
  double v = 0.0;
  for (uint32_t t = p.first_index; t + 2 < p.first_index + p.index_count; t += 3) {
    const glm::dvec3 a(m.vertices[m.indices[t]].position_mm), b(m.vertices[m.indices[t + 1]].position_mm),
        c(m.vertices[m.indices[t + 2]].position_mm);
    v += glm::dot(a, glm::cross(b, c)) / 6.0;
  }
  return v;
}

}  // namespace tractus::render::sweep
