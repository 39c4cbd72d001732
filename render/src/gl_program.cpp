#include "gl_program.h"

#include <cstdio>

namespace tractus::render {

namespace {
GLuint compile(GLenum type, const char* source, const char* name) {
  const GLuint s = glCreateShader(type);
  glShaderSource(s, 1, &source, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024];
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    std::fprintf(stderr, "%s shader failed to compile: %s\n", name, log);
    glDeleteShader(s);
    return 0;
  }
  return s;
}
}  // namespace

GLuint link_program(const char* vertex_source, const char* fragment_source, const char* name) {
  const GLuint vs = compile(GL_VERTEX_SHADER, vertex_source, name);
  const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_source, name);
  if (vs == 0 || fs == 0) {
    if (vs != 0) glDeleteShader(vs);
    if (fs != 0) glDeleteShader(fs);
    return 0;
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    std::fprintf(stderr, "%s shader failed to link\n", name);
    glDeleteProgram(program);
    return 0;
  }
  return program;
}

}  // namespace tractus::render
