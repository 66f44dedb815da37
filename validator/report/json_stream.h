// Writes a JSON document one member or element at a time, in the bytes
// nlohmann's dump(2) gives for the whole document: a formatter holds one
// finding's JSON at a time, not the document.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace kestra_lint {

class JsonStream {
 public:
  using Json = nlohmann::ordered_json;

  explicit JsonStream(std::ostream& out) : out_(out) {}

  // Opens an object or array: the document's root, an element of the array
  // open, or (with a key) a member of the object open.
  void BeginObject();
  void BeginObject(const std::string& key);
  void BeginArray();
  void BeginArray(const std::string& key);
  // A whole value as a member of the object open, or an element of the array open.
  void Member(const std::string& key, const Json& value);
  void Element(const Json& value);
  // Closes what was opened last; closing the root ends the line.
  void End();

 private:
  struct Open {
    char close = '}';
    bool empty = true;
  };
  // Starts the next member or element of what is open.
  void Next();
  void WriteKey(const std::string& key);
  void WriteValue(const Json& value);
  void Begin(char open, char close);

  std::ostream& out_;
  std::vector<Open> open_;
};

}  // namespace kestra_lint
