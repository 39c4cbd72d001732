// The Emscripten entry point: creates the WebGL2 context and Dear ImGui, then hands one frame
// callback to the browser. The browser owns the loop; this file owns nothing but wiring.
#include <cstdio>
#include <cstdlib>
#include <memory>

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app.h"
#include "platform_html5.h"
#include "render/gl.h"

namespace tractus::web {

App* g_app = nullptr;  // also read by hook.cpp

namespace {

double g_last_ms = 0.0;

// software rasterisers (SwiftShader, llvmpipe) spend most of a frame on multisampling, so the
// 3D view drops MSAA there and keeps it on real GPUs
bool software_renderer() {
  return EM_ASM_INT({
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 0;
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      Module.rendererName = name;
      return /swiftshader|llvmpipe|softpipe|software/i.test(name) ? 1 : 0;
    } catch (e) {
      return 0;
    }
  }) != 0;
}

// loads the UI fonts at the device pixel ratio so text stays crisp on high-density screens
render::UiFonts load_fonts(double dpr) {
  ImGuiIO& io = ImGui::GetIO();
  render::UiFonts fonts;
  const float scale = static_cast<float>(dpr);
  const char* path = "/fonts/DejaVuSans.ttf";
  const char* bold = "/fonts/DejaVuSans-Bold.ttf";
  if (FILE* f = std::fopen(path, "rb")) {
    std::fclose(f);
    fonts.body = io.Fonts->AddFontFromFileTTF(path, 16.0f * scale);
    fonts.heading = io.Fonts->AddFontFromFileTTF(bold, 19.0f * scale);
    fonts.gauge = io.Fonts->AddFontFromFileTTF(bold, 40.0f * scale);
    fonts.large = io.Fonts->AddFontFromFileTTF(path, 23.0f * scale);
    fonts.title = io.Fonts->AddFontFromFileTTF(bold, 34.0f * scale);
    io.FontGlobalScale = 1.0f / scale;
  }
  if (fonts.body == nullptr || fonts.heading == nullptr || fonts.gauge == nullptr || fonts.large == nullptr ||
      fonts.title == nullptr) {
    std::fprintf(stderr, "tractus: UI font not found at %s; using the built-in font\n", path);
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * scale;
    fonts.body = fonts.heading = fonts.gauge = fonts.large = fonts.title = io.Fonts->AddFontDefault(&cfg);
    io.FontGlobalScale = 1.0f / scale;
  }
  return fonts;
}

void frame() {
  const double now_ms = emscripten_get_now();
  const double dt_s = g_last_ms > 0.0 ? (now_ms - g_last_ms) * 1e-3 : 1.0 / 60.0;
  g_last_ms = now_ms;

  const FramebufferSize fb = platform_new_frame(dt_s);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  const render::UiRequests requests = g_app->ui().frame(g_app->frame_input(), fb.width_px, fb.height_px);
  const double ui_done_ms = emscripten_get_now();
  g_app->apply_and_advance(requests, dt_s);
  const double sim_done_ms = emscripten_get_now();
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  const double end_ms = emscripten_get_now();
  g_app->record_frame(FrameCost{end_ms - now_ms, ui_done_ms - now_ms, sim_done_ms - ui_done_ms,
                                end_ms - sim_done_ms});
}

}  // namespace

}  // namespace tractus::web

int main() {
  using namespace tractus::web;
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.antialias = software_renderer() ? EM_FALSE : EM_TRUE;
  attrs.depth = EM_TRUE;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context("#canvas", &attrs);
  if (ctx <= 0) {
    std::fprintf(stderr, "tractus: WebGL2 is not available in this browser (error %d)\n", static_cast<int>(ctx));
    EM_ASM({ if (Module.onFatal) Module.onFatal("This browser does not offer WebGL2, which the 3D view needs."); });
    return 1;
  }
  emscripten_webgl_make_context_current(ctx);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // layout is fixed; nothing to save
  platform_init("#canvas");
  ImGui_ImplOpenGL3_Init("#version 300 es");

  // the scenario library is preloaded into the virtual file system at /library
  setenv("TRACTUS_LIBRARY", "/library", 1);
  setenv("TRACTUS_CURRICULA", "/curricula", 1);  // and the built-in curricula beside it
  static App app("/library");
  g_app = &app;
  // ?mode=train|sandbox|educate|demo&scenario=ID&speed=1|10|60&session=practice|assessment opens a
  // screen directly
  char* url_mode = reinterpret_cast<char*>(EM_ASM_INT({
    return allocateUTF8(new URLSearchParams(location.search).get('mode') || '');
  }));
  char* url_scenario = reinterpret_cast<char*>(EM_ASM_INT({
    return allocateUTF8(new URLSearchParams(location.search).get('scenario') || '');
  }));
  char* url_speed = reinterpret_cast<char*>(EM_ASM_INT({
    return allocateUTF8(new URLSearchParams(location.search).get('speed') || '');
  }));
  char* url_session = reinterpret_cast<char*>(EM_ASM_INT({
    return allocateUTF8(new URLSearchParams(location.search).get('session') || '');
  }));
  app.open_from_url(url_mode, url_scenario, url_speed, url_session);
  std::free(url_session);
  // ?scene=bare leaves the 3D scene out (the canvas is only cleared): the frame benchmark's
  // baseline, timed in the same run as the full scene (bench/frame_bench.mjs)
  const bool bare_scene = EM_ASM_INT({ return new URLSearchParams(location.search).get('scene') === 'bare' ? 1 : 0; }) != 0;
  app.ui().set_bare_scene(bare_scene);
  std::free(url_speed);
  std::free(url_mode);
  std::free(url_scenario);
  platform_new_frame(1.0 / 60.0);  // learn the device pixel ratio before loading fonts
  if (!app.ui().init(load_fonts(platform_device_pixel_ratio()))) {
    EM_ASM({ if (Module.onFatal) Module.onFatal("The 3D view could not start (shader error)."); });
    return 1;
  }
  emscripten_set_main_loop(frame, 0, 0);
  return 0;
}
