#include "scenarios/disc_levels.h"

#include "twin/model.h"

namespace tractus::scenarios {

namespace {

struct Chains {
  std::vector<std::string> lumbar, cervical;  // short labels, in the twin's order
  std::vector<std::string> lumbar_twin, cervical_twin;  // the twin's own names
  std::vector<const char*> all;
};

const Chains& chains() {
  static const Chains k = [] {
    Chains c;
    const twin::PatientModel reference;  // the twin's chains carry the names
    for (const twin::DiscModel& d : reference.lumbar) {
      c.lumbar_twin.push_back(d.name);
      c.lumbar.push_back(disc_level_label(d.name));
    }
    for (const twin::DiscModel& d : reference.cervical) {
      c.cervical_twin.push_back(d.name);
      c.cervical.push_back(disc_level_label(d.name));
    }
    for (const std::string& s : c.lumbar) c.all.push_back(s.c_str());
    for (const std::string& s : c.cervical) c.all.push_back(s.c_str());
    return c;
  }();
  return k;
}

}  // namespace

std::string disc_level_label(const std::string& twin_name) {
  // "L4-L5": the letter after the dash repeats the one before it
  const std::size_t dash = twin_name.find('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 >= twin_name.size()) return twin_name;
  if (twin_name[dash + 1] != twin_name[0]) return twin_name;
  return twin_name.substr(0, dash + 1) + twin_name.substr(dash + 2);
}

const char* disc_level_label(hal::Region region, int index) {
  const std::vector<std::string>& labels = region == hal::Region::Cervical ? chains().cervical : chains().lumbar;
  if (index < 0 || index >= static_cast<int>(labels.size())) return "";
  return labels[static_cast<std::size_t>(index)].c_str();
}

int disc_level_index(hal::Region region, const std::string& name) {
  const Chains& c = chains();
  const bool cervical = region == hal::Region::Cervical;
  const std::vector<std::string>& labels = cervical ? c.cervical : c.lumbar;
  const std::vector<std::string>& twin_names = cervical ? c.cervical_twin : c.lumbar_twin;
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (name == labels[i] || name == twin_names[i]) return static_cast<int>(i);
  return -1;
}

const std::vector<const char*>& disc_level_labels() { return chains().all; }

}  // namespace tractus::scenarios
