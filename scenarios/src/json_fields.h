// Internal: typed reads of JSON object members that record the first error with its JSON path.
// Every reader checks the type before touching the value, so nothing here can throw.
#pragma once

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/input_limits.h"
#include "scenarios/load_error.h"
#include "scenarios/vocabulary.h"

namespace tractus::scenarios::detail {

using nlohmann::json;

/// Reads members of JSON objects, keeping the first error.
class Fields {
 public:
  explicit Fields(LoadError& error) : error_(error) {}

  bool ok() const { return !error_.failed(); }
  /// Records an error at path unless one is already recorded; always returns false.
  bool fail(const std::string& path, const std::string& reason) {
    if (!error_.failed()) {
      error_.path = path;
      error_.reason = reason;
    }
    return false;
  }

  static std::string key_path(const std::string& path, const char* key) {
    return path + "." + key;
  }
  static std::string index_path(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
  }

  /// j must be an object whose keys are all in allowed.
  bool object(const json& j, const std::string& path, std::initializer_list<const char*> allowed) {
    if (!j.is_object()) return fail(path, "must be an object");
    for (auto it = j.begin(); it != j.end(); ++it) {
      bool known = false;
      for (const char* k : allowed) known = known || it.key() == k;
      if (!known) {
        std::string list;
        for (const char* k : allowed) list += (list.empty() ? "" : ", ") + std::string(k);
        return fail(key_path(path, it.key().c_str()),
                    "unknown key (expected one of: " + list + ")");
      }
    }
    return true;
  }

  /// The member key of object j, or nullptr (an error when required).
  const json* member(const json& j, const std::string& path, const char* key, bool required) {
    auto it = j.find(key);
    if (it == j.end()) {
      if (required) fail(path, std::string("missing required key '") + key + "'");
      return nullptr;
    }
    return &*it;
  }

  bool string(const json& j, const std::string& path, const char* key, std::string& out,
              bool required, bool non_empty = true) {
    const json* v = member(j, path, key, required);
    if (v == nullptr) return !required;
    if (!v->is_string()) return fail(key_path(path, key), "must be a string");
    const std::string& s = v->get_ref<const std::string&>();
    if (non_empty && s.empty()) return fail(key_path(path, key), "must not be empty");
    out = s;
    return true;
  }

  // A required id: a non-empty string of lower-case letters, digits and '-', so it can name a
  // file and a URL parameter as it stands.
  bool id(const json& j, const std::string& path, const char* key, std::string& out) {
    if (!string(j, path, key, out, true)) return false;
    for (char c : out) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) return fail(key_path(path, key), "use lower-case letters, digits and '-' only");
    }
    return true;
  }

  bool number(const json& j, const std::string& path, const char* key, double& out,
              bool required, double lo, double hi) {
    const json* v = member(j, path, key, required);
    if (v == nullptr) return !required;
    if (!v->is_number()) return fail(key_path(path, key), "must be a number");
    const double d = v->get<double>();
    if (!std::isfinite(d) || d < lo || d > hi)
      return fail(key_path(path, key), "must be between " + num(lo) + " and " + num(hi));
    out = d;
    return true;
  }

  bool integer(const json& j, const std::string& path, const char* key, int& out, bool required,
               int lo, int hi) {
    const json* v = member(j, path, key, required);
    if (v == nullptr) return !required;
    if (!v->is_number_integer()) return fail(key_path(path, key), "must be an integer");
    // an unsigned value above every signed one would wrap to a negative on the read below
    const bool huge = v->is_number_unsigned() && v->get<unsigned long long>() > 0x7fffffffffffffffULL;
    const long long d = huge ? 0 : v->get<long long>();
    if (huge || d < lo || d > hi)
      return fail(key_path(path, key), "must be between " + std::to_string(lo) + " and " +
                                           std::to_string(hi));
    out = static_cast<int>(d);
    return true;
  }

  bool boolean(const json& j, const std::string& path, const char* key, bool& out,
               bool required) {
    const json* v = member(j, path, key, required);
    if (v == nullptr) return !required;
    if (!v->is_boolean()) return fail(key_path(path, key), "must be true or false");
    out = v->get<bool>();
    return true;
  }

  /// A string that must be one of choices.
  bool choice(const json& j, const std::string& path, const char* key, std::string& out,
              bool required, const std::vector<const char*>& choices) {
    std::string s;
    if (!string(j, path, key, s, required)) return false;
    if (s.empty()) return true;
    std::string list;
    for (const char* c : choices) {
      if (s == c) {
        out = s;
        return true;
      }
      list += (list.empty() ? "" : ", ") + std::string(c);
    }
    return fail(key_path(path, key), "'" + s + "' is not one of: " + list);
  }

  /// A string that must be a term of a vocabulary.
  bool term(const json& j, const std::string& path, const char* key, std::string& out,
            bool required, const std::vector<Term>& terms, const char* what) {
    std::string s;
    if (!string(j, path, key, s, required)) return false;
    if (s.empty()) return true;
    if (!has_term(terms, s)) {
      // the fault catalogue is too long to list in one message
      const std::string known = std::string(what) == "fault" ? "not in the twin's fault catalogue"
                                                             : "known: " + term_ids(terms);
      return fail(key_path(path, key), "unknown " + std::string(what) + " '" + s + "' (" + known + ")");
    }
    out = s;
    return true;
  }

  /// An array of strings.
  bool strings(const json& j, const std::string& path, const char* key,
               std::vector<std::string>& out, bool required) {
    const json* v = member(j, path, key, required);
    if (v == nullptr) return !required;
    const std::string p = key_path(path, key);
    if (!v->is_array()) return fail(p, "must be an array of strings");
    if (!count_within(*v, p, kMaxScenarioListEntries)) return false;
    for (std::size_t i = 0; i < v->size(); ++i) {
      if (!(*v)[i].is_string()) return fail(index_path(p, i), "must be a string");
      out.push_back((*v)[i].get<std::string>());
    }
    return true;
  }

  /// An array or object of at most limit entries; the error names the count and the limit.
  bool count_within(const json& a, const std::string& path, std::size_t limit) {
    if (a.size() <= limit) return true;
    return fail(path, "has " + std::to_string(a.size()) + " entries, above the limit of " +
                          std::to_string(limit));
  }

  /// j nests no deeper than kMaxJsonDepth: checked first by every loader that takes parsed
  /// JSON, so nothing recursive (a copy, a dump, a comparison) ever sees a deeper tree.
  bool depth_within(const json& j) {
    if (json_depth_within(j, kMaxJsonDepth)) return true;
    return fail("$", "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels (the limit)");
  }

  static std::string num(double d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
  }

 private:
  LoadError& error_;
};

}  // namespace tractus::scenarios::detail
