# Third-party libraries, all from Debian packages (see scripts/bootstrap.sh).
#
# Emscripten does not search the system include folders, so header-only libraries are offered
# to it one by one: Eigen through its own folder, glm and nlohmann-json through a folder in the
# build tree that links to just those two.

# eigen: header-only, for the twin
if(EMSCRIPTEN)
  add_library(tractus_eigen INTERFACE)
  target_include_directories(tractus_eigen SYSTEM INTERFACE /usr/include/eigen3)
else()
  find_package(Eigen3 3.4 REQUIRED NO_MODULE)
  add_library(tractus_eigen INTERFACE)
  target_link_libraries(tractus_eigen INTERFACE Eigen3::Eigen)
endif()

# glm and nlohmann-json: links to just those two folders
set(_tractus_sysdeps ${CMAKE_BINARY_DIR}/sysdeps/include)
file(MAKE_DIRECTORY ${_tractus_sysdeps})
foreach(_lib glm nlohmann)
  if(NOT EXISTS /usr/include/${_lib})
    message(FATAL_ERROR "/usr/include/${_lib} is missing: run scripts/bootstrap.sh")
  endif()
  file(CREATE_LINK /usr/include/${_lib} ${_tractus_sysdeps}/${_lib} SYMBOLIC)
endforeach()
add_library(tractus_glm INTERFACE)
target_include_directories(tractus_glm SYSTEM INTERFACE ${_tractus_sysdeps})
target_compile_definitions(tractus_glm INTERFACE GLM_FORCE_CXX17 GLM_FORCE_SILENT_WARNINGS)
add_library(tractus_json INTERFACE)
target_include_directories(tractus_json SYSTEM INTERFACE ${_tractus_sysdeps})

# dear imgui 1.86 from Debian's source package, compiled with the OpenGL ES 3 renderer
if(EMSCRIPTEN)
  set(_imgui ${TRACTUS_DEPS_DIR}/imgui)
  if(NOT EXISTS ${_imgui}/imgui.cpp)
    message(FATAL_ERROR "Dear ImGui source not found in ${_imgui}: run scripts/bootstrap.sh")
  endif()
  add_library(tractus_imgui STATIC
    ${_imgui}/imgui.cpp ${_imgui}/imgui_draw.cpp ${_imgui}/imgui_tables.cpp
    ${_imgui}/imgui_widgets.cpp ${_imgui}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(tractus_imgui SYSTEM PUBLIC ${_imgui} ${_imgui}/backends)
  target_compile_definitions(tractus_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3 IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
  target_compile_options(tractus_imgui PRIVATE -w)
endif()

# googletest: natively the installed package, for WebAssembly compiled from its source tree
if(TRACTUS_BUILD_TESTS)
  if(EMSCRIPTEN)
    set(gtest_disable_pthreads ON CACHE BOOL "" FORCE)
    set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
    set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
    # the source tree defines GTest::gtest and GTest::gtest_main itself
    add_subdirectory(/usr/src/googletest ${CMAKE_BINARY_DIR}/googletest EXCLUDE_FROM_ALL)
  else()
    find_package(GTest REQUIRED)
  endif()
endif()
