// Compiling and linking one vertex and fragment shader pair, shared by the scene's renderers.
#pragma once

#include "render/gl.h"

namespace tractus::render {

/// Compiles both shaders and links them into a program. On a compile or link failure it
/// prints the driver's log under `name` to stderr and returns 0; the shaders are freed either way.
GLuint link_program(const char* vertex_source, const char* fragment_source, const char* name);

}  // namespace tractus::render
