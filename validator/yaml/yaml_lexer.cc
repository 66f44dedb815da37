#include "yaml/yaml_lexer.h"

#include "base/source_text.h"

namespace kestra_lint {
namespace {

size_t Indent(std::string_view text, const LineRange& line) {
  size_t at = line.begin;
  while (at < line.end && text[at] == ' ') ++at;
  return at - line.begin;
}

bool IsBlankLine(std::string_view text, const LineRange& line) {
  for (size_t i = line.begin; i < line.end; ++i) {
    if (!IsSpaceOrTab(text[i])) return false;
  }
  return true;
}

}  // namespace

std::vector<YamlComment> FindYamlComments(std::string_view text) {
  std::vector<YamlComment> comments;
  enum class State { kPlain, kSingle, kDouble };
  State state = State::kPlain;
  bool in_block = false;
  size_t block_indent = 0;
  for (const LineRange& line : SplitLines(text)) {
    if (in_block) {
      if (IsBlankLine(text, line) || Indent(text, line) > block_indent) continue;
      in_block = false;
    }
    // The indentation of this line's node: after leading spaces and "- ".
    size_t node = line.begin;
    size_t last_dash = std::string::npos;
    while (node < line.end) {
      if (text[node] == ' ') {
        ++node;
      } else if (text[node] == '-' && (node + 1 == line.end || IsSpaceOrTab(text[node + 1]))) {
        last_dash = node;
        ++node;
      } else {
        break;
      }
    }
    char previous = '\0';  // last non-blank character outside quotes
    for (size_t i = line.begin; i < line.end; ++i) {
      const char c = text[i];
      if (state == State::kDouble) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          state = State::kPlain, previous = c;
        continue;
      }
      if (state == State::kSingle) {
        if (c == '\'' && i + 1 < line.end && text[i + 1] == '\'')
          ++i;
        else if (c == '\'')
          state = State::kPlain, previous = c;
        continue;
      }
      const bool token_start = previous == '\0' || previous == ':' || previous == '-' ||
                               previous == ',' || previous == '[' || previous == '{' ||
                               previous == '?';
      if (c == '#' && (i == line.begin || IsSpaceOrTab(text[i - 1]))) {
        comments.push_back({i, std::string(text.substr(i + 1, line.end - i - 1))});
        break;
      }
      if (IsSpaceOrTab(c)) continue;
      if (token_start && (c == '"' || c == '\'')) {
        state = c == '"' ? State::kDouble : State::kSingle;
        continue;
      }
      if (token_start && (c == '|' || c == '>') && (previous == ':' || previous == '-')) {
        size_t after = i + 1;
        while (after < line.end && (text[after] == '+' || text[after] == '-' ||
                                    (text[after] >= '0' && text[after] <= '9'))) {
          ++after;
        }
        size_t rest = after;
        while (rest < line.end && IsSpaceOrTab(text[rest])) ++rest;
        if (rest == line.end || (text[rest] == '#' && rest > after)) {
          in_block = true;
          block_indent = previous == ':' || last_dash == std::string::npos ? node - line.begin
                                                                           : last_dash - line.begin;
        }
      }
      previous = c;
    }
  }
  return comments;
}

size_t FlowCollectionEnd(std::string_view text, size_t open) {
  size_t depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == '\'') {
      for (++i; i < text.size(); ++i) {
        if (text[i] != '\'') continue;
        if (i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
        } else {
          break;
        }
      }
    } else if (c == '#' && i > open && (IsSpaceOrTab(text[i - 1]) || text[i - 1] == '\n')) {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
    if (i >= text.size()) break;
  }
  return std::string_view::npos;
}

}  // namespace kestra_lint
