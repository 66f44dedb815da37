#include "report/json_stream.h"

namespace kestra_lint {
namespace {

constexpr int kIndent = 2;

std::string Dump(const JsonStream::Json& value) {
  return value.dump(kIndent, ' ', false, JsonStream::Json::error_handler_t::replace);
}

}  // namespace

void JsonStream::Next() {
  if (open_.empty()) return;
  out_ << (open_.back().empty ? "\n" : ",\n");
  open_.back().empty = false;
  out_ << std::string(open_.size() * kIndent, ' ');
}

void JsonStream::WriteKey(const std::string& key) { out_ << Dump(Json(key)) << ": "; }

// A value nested at the current depth is its own dump with every line after
// the first indented by that depth: dump escapes line breaks inside strings,
// so each '\n' in the text starts a line.
void JsonStream::WriteValue(const Json& value) {
  const std::string text = Dump(value);
  const std::string indent(open_.size() * kIndent, ' ');
  size_t at = 0;
  for (size_t line_end = text.find('\n'); line_end != std::string::npos;
       line_end = text.find('\n', at)) {
    out_.write(text.data() + at, static_cast<std::streamsize>(line_end + 1 - at));
    out_ << indent;
    at = line_end + 1;
  }
  out_.write(text.data() + at, static_cast<std::streamsize>(text.size() - at));
}

void JsonStream::Begin(char open, char close) {
  out_ << open;
  open_.push_back(Open{close, true});
}

void JsonStream::BeginObject() {
  Next();
  Begin('{', '}');
}

void JsonStream::BeginObject(const std::string& key) {
  Next();
  WriteKey(key);
  Begin('{', '}');
}

void JsonStream::BeginArray() {
  Next();
  Begin('[', ']');
}

void JsonStream::BeginArray(const std::string& key) {
  Next();
  WriteKey(key);
  Begin('[', ']');
}

void JsonStream::Member(const std::string& key, const Json& value) {
  Next();
  WriteKey(key);
  WriteValue(value);
}

void JsonStream::Element(const Json& value) {
  Next();
  WriteValue(value);
}

void JsonStream::End() {
  const Open closing = open_.back();
  open_.pop_back();
  if (!closing.empty) out_ << "\n" << std::string(open_.size() * kIndent, ' ');
  out_ << closing.close;
  if (open_.empty()) out_ << "\n";
}

}  // namespace kestra_lint
