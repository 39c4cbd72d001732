// The one place the OpenGL ES 3 / WebGL2 headers are included.
#pragma once

#include <GLES3/gl3.h>
