#include "discover/file_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace kestra_lint {
namespace {

void Problem(ScannedFile& file, std::string message, size_t offset = 0) {
  file.problems.push_back({"yaml-syntax", std::move(message), Span{offset, offset + 1}, ""});
}

std::string HumanSize(uint64_t bytes) {
  std::ostringstream out;
  if (bytes >= 1024 * 1024) {
    out.precision(1);
    out << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MiB";
  } else {
    out << bytes << " bytes";
  }
  return out.str();
}

}  // namespace

bool AcceptText(std::string text, ScannedFile& file) {
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    file.source = SourceText("");
    Problem(file, "the file is UTF-16 encoded; Kestra reads configuration as UTF-8: convert it");
    return false;
  }
  const size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    file.source = SourceText(text.substr(0, nul));
    Problem(file, "binary file (NUL byte here); not checked", nul);
    return false;
  }
  file.source = SourceText(std::move(text));
  const size_t invalid = FirstInvalidUtf8(file.source.text());
  if (invalid != std::string::npos) {
    Problem(file, "invalid UTF-8 byte sequence; YAML must be valid Unicode", invalid);
  }
  return true;
}

bool ReadFileForScan(const std::string& path, uint64_t max_size, ScannedFile& file) {
  file.path = path;
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    Problem(file, std::string("cannot read the file: ") + std::strerror(errno));
    return false;
  }
  if (S_ISDIR(info.st_mode)) {
    Problem(file, "is a directory, not a file");
    return false;
  }
  if (!S_ISREG(info.st_mode)) {
    Problem(file, "not a regular file (FIFO, socket or device); not read");
    return false;
  }
  if (static_cast<uint64_t>(info.st_size) > max_size) {
    Problem(file, "the file is " + HumanSize(static_cast<uint64_t>(info.st_size)) + ", over the " +
                      HumanSize(max_size) + " limit (--max-file-size); not checked");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Problem(file, std::string("cannot read the file: ") + std::strerror(errno));
    return false;
  }
  std::string text;
  text.resize(static_cast<size_t>(info.st_size));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) {
    Problem(file, "cannot read the file: I/O error");
    return false;
  }
  return AcceptText(std::move(text), file);
}

}  // namespace kestra_lint
