#include "scenarios/json_file.h"

#include <fstream>
#include <sstream>

namespace tractus::scenarios {

namespace {

using nlohmann::json;

// a SAX handler that accepts everything and keeps the first syntax error, so sax_parse
// reports problems without throwing (WebAssembly builds cannot catch exceptions)
struct SyntaxCheck : nlohmann::json_sax<json> {
  std::string error;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    // drop the "[json.exception.parse_error.101] " prefix: users need the position and cause
    std::string what = ex.what();
    const std::size_t close = what.find("] ");
    error = close == std::string::npos ? what : what.substr(close + 2);
    return false;
  }
};

}  // namespace

bool parse_json_text(const std::string& text, const std::string& file, json& out,
                     LoadError& error) {
  SyntaxCheck check;
  json::sax_parse(text, &check, json::input_format_t::json, false);
  if (!check.error.empty()) {
    error = LoadError{file, "$", "invalid JSON: " + check.error};
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
  std::string text;
  if (!read_text_file(file, text)) {
    error = LoadError{file, "$", "cannot open the file"};
    return false;
  }
  return parse_json_text(text, file, out, error);
}

}  // namespace tractus::scenarios
