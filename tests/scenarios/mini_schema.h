// A small JSON Schema (draft-07 subset) validator for the schema tests: type (one or a list),
// const, enum, minimum, maximum, minLength, pattern, minItems, maxItems, minProperties, properties,
// required, additionalProperties: false, items and local $ref. It is enough for the schemas in
// scenarios/schema/ and fails loudly on any keyword it does not know, so a schema can never
// silently go unchecked.
#pragma once

#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tractus::test {

class MiniSchema {
 public:
  explicit MiniSchema(const nlohmann::json& root) : root_(root) {}

  /// Validates doc; returns the errors as "PATH: reason" (empty when valid).
  std::vector<std::string> validate(const nlohmann::json& doc) {
    errors_.clear();
    check(root_, doc, "$");
    return errors_;
  }

 private:
  void fail(const std::string& path, const std::string& why) { errors_.push_back(path + ": " + why); }

  bool type_ok(const std::string& type, const nlohmann::json& v) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "number") return v.is_number();
    if (type == "integer") return v.is_number_integer();
    if (type == "boolean") return v.is_boolean();
    if (type == "null") return v.is_null();
    return false;
  }

  void check(const nlohmann::json& s, const nlohmann::json& v, const std::string& path) {
    static const std::set<std::string> kKnown = {
        "$schema", "$id", "title", "description", "definitions", "type", "const", "enum",
        "minimum", "maximum", "minLength", "pattern", "minItems", "maxItems", "minProperties",
        "properties", "required", "additionalProperties", "items", "$ref"};
    for (auto it = s.begin(); it != s.end(); ++it)
      if (!kKnown.count(it.key())) fail(path, "schema keyword '" + it.key() + "' is not supported");
    if (s.contains("$ref")) {
      const std::string ref = s["$ref"];
      const std::string prefix = "#/definitions/";
      if (ref.rfind(prefix, 0) != 0) return fail(path, "unsupported $ref " + ref);
      return check(root_["definitions"][ref.substr(prefix.size())], v, path);
    }
    if (s.contains("type") && s["type"].is_array()) {
      // a list of types: the value must have one of them
      bool any = false;
      for (const auto& t : s["type"]) any = any || type_ok(t.get<std::string>(), v);
      if (!any) return fail(path, "is not of type " + s["type"].dump());
    } else if (s.contains("type") && !type_ok(s["type"], v)) {
      return fail(path, "is not of type " + s["type"].get<std::string>());
    }
    if (s.contains("const") && v != s["const"]) fail(path, "is not " + s["const"].dump());
    if (s.contains("enum")) {
      bool found = false;
      for (const auto& e : s["enum"]) found = found || e == v;
      if (!found) fail(path, v.dump() + " is not in the enum");
    }
    if (v.is_number()) {
      if (s.contains("minimum") && v.get<double>() < s["minimum"].get<double>()) fail(path, "below minimum");
      if (s.contains("maximum") && v.get<double>() > s["maximum"].get<double>()) fail(path, "above maximum");
    }
    if (v.is_string()) {
      const std::string& str = v.get_ref<const std::string&>();
      if (s.contains("minLength") && str.size() < s["minLength"].get<std::size_t>()) fail(path, "too short");
      if (s.contains("pattern") && !std::regex_search(str, std::regex(s["pattern"].get<std::string>())))
        fail(path, "'" + str + "' does not match " + s["pattern"].get<std::string>());
    }
    if (v.is_array()) {
      if (s.contains("minItems") && v.size() < s["minItems"].get<std::size_t>()) fail(path, "too few items");
      if (s.contains("maxItems") && v.size() > s["maxItems"].get<std::size_t>()) fail(path, "too many items");
      if (s.contains("items"))
        for (std::size_t i = 0; i < v.size(); ++i) check(s["items"], v[i], path + "[" + std::to_string(i) + "]");
    }
    if (v.is_object()) {
      if (s.contains("minProperties") && v.size() < s["minProperties"].get<std::size_t>()) fail(path, "too few members");
      if (s.contains("required"))
        for (const auto& r : s["required"])
          if (!v.contains(r.get<std::string>())) fail(path, "missing required " + r.get<std::string>());
      const nlohmann::json props = s.value("properties", nlohmann::json::object());
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (props.contains(it.key())) check(props[it.key()], it.value(), path + "." + it.key());
        else if (s.contains("additionalProperties") && s["additionalProperties"] == false)
          fail(path + "." + it.key(), "is not allowed");
      }
    }
  }

  nlohmann::json root_;
  std::vector<std::string> errors_;
};

}  // namespace tractus::test
