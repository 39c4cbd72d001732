#include "outcome_json.h"

namespace tractus::web {

nlohmann::json outcome_json(const scenarios::Report& r, CriticalErrorDetail detail) {
  nlohmann::json critical = nlohmann::json::array();
  for (const scenarios::CriticalError& e : r.critical_errors) {
    if (detail == CriticalErrorDetail::Ids)
      critical.push_back(e.id);
    else
      critical.push_back({{"id", e.id}, {"message", e.message}});
  }
  return {{"scenario", r.scenario}, {"mode", r.mode},         {"score", r.score},
          {"passed", r.passed},     {"session_s", r.session_s}, {"critical_errors", critical}};
}

}  // namespace tractus::web
