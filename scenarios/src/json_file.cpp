#include "scenarios/json_file.h"

#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "scenarios/input_limits.h"

namespace tractus::scenarios {

namespace {

using nlohmann::json;

// a SAX handler that accepts everything up to the depth limit and keeps the first error, so
// sax_parse reports problems without throwing (WebAssembly builds cannot catch exceptions)
// and a deeply nested file is refused before the DOM is built or copied
struct SyntaxCheck : nlohmann::json_sax<json> {
  std::string error;
  int depth = 0;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    // drop the "[json.exception.parse_error.101] " prefix: users need the position and cause
    std::string what = ex.what();
    const std::size_t close = what.find("] ");
    error = "invalid JSON: " + (close == std::string::npos ? what : what.substr(close + 2));
    return false;
  }

 private:
  bool enter() {
    if (++depth <= kMaxJsonDepth) return true;
    error = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels (the limit)";
    return false;
  }
  bool leave() {
    --depth;
    return true;
  }
};

std::string too_big(std::size_t bytes, std::size_t limit) {
  return "the file is " + std::to_string(bytes) + " bytes, above the limit of " +
         std::to_string(limit) + " bytes";
}

}  // namespace

bool json_depth_within(const json& j, int max_depth) {
  // an explicit stack of (value, depth): no recursion, whatever the input
  std::vector<std::pair<const json*, int>> todo;
  todo.emplace_back(&j, 1);
  while (!todo.empty()) {
    const auto [v, d] = todo.back();
    todo.pop_back();
    if (!v->is_structured()) continue;
    if (d > max_depth) return false;
    for (const json& child : *v)
      if (child.is_structured()) todo.emplace_back(&child, d + 1);
  }
  return true;
}

bool parse_json_text(const std::string& text, const std::string& file, json& out,
                     LoadError& error, std::size_t max_bytes) {
  if (text.size() > max_bytes) {
    error = LoadError{file, "$", too_big(text.size(), max_bytes)};
    return false;
  }
  SyntaxCheck check;
  json::sax_parse(text, &check, json::input_format_t::json, false);
  if (!check.error.empty()) {
    error = LoadError{file, "$", check.error};
    return false;
  }
  out = json::parse(text, nullptr, false);
  if (out.is_discarded()) {
    error = LoadError{file, "$", "invalid JSON"};
    return false;
  }
  return true;
}

bool read_text_file(const std::string& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

bool read_json_file(const std::string& file, json& out, LoadError& error) {
  // the size first, so a huge file is refused without reading it
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) {
    error = LoadError{file, "$", "cannot open the file"};
    return false;
  }
  const std::streamoff size = in.tellg();
  if (size > static_cast<std::streamoff>(kMaxFileBytes)) {
    error = LoadError{file, "$", too_big(static_cast<std::size_t>(size), kMaxFileBytes)};
    return false;
  }
  in.seekg(0);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_json_text(ss.str(), file, out, error);
}

}  // namespace tractus::scenarios
