// Where the scenario tests find the repository's files, natively and under node alike.
#pragma once

#include <string>

#ifndef TRACTUS_SOURCE_DIR
#error "tests are built with TRACTUS_SOURCE_DIR set to the repository root"
#endif

namespace tractus::test {

/// A path inside the repository.
inline std::string repo_path(const std::string& relative) {
  return std::string(TRACTUS_SOURCE_DIR) + "/" + relative;
}

}  // namespace tractus::test
