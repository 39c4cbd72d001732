// A finished session's outcome as the page's outside readers take it: the LMS module
// (lms_hook.cpp) and the classroom relay (room_hook.cpp) both report the same core fields,
// so they are written in one place.
#pragma once

#include <nlohmann/json.hpp>

#include "scenarios/scoring.h"

namespace tractus::web {

/// How the critical errors are listed: by id alone, or as {"id", "message"} objects.
enum class CriticalErrorDetail { Ids, WithMessages };

/// {"scenario", "mode", "score" (0-100), "passed", "session_s", "critical_errors"} of a report.
nlohmann::json outcome_json(const scenarios::Report& report, CriticalErrorDetail detail);

}  // namespace tractus::web
