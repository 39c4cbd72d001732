// Which build a benchmark runs in, for the build column of its CSV rows.
#pragma once

namespace tractus::bench {

#ifdef __EMSCRIPTEN__
constexpr const char* kBuild = "wasm";
#else
constexpr const char* kBuild = "native";
#endif

}  // namespace tractus::bench
