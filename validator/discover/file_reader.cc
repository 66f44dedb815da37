#include "discover/file_reader.h"

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

bool ReadFileForScan(const DiskInterface& disk, const std::string& path, uint64_t max_size,
                     ScannedFile& file) {
  file.path = path;
  std::string text;
  const FileRead read = disk.ReadFile(path, max_size, text);
  switch (read.status) {
    case FileRead::Status::kOk:
      return AcceptText(std::move(text), file);
    case FileRead::Status::kCannotRead:
      Problem(file, "cannot read the file: " + read.error);
      return false;
    case FileRead::Status::kDirectory:
      Problem(file, "is a directory, not a file");
      return false;
    case FileRead::Status::kNotRegular:
      Problem(file, "not a regular file (FIFO, socket or device); not read");
      return false;
    case FileRead::Status::kTooLarge:
      Problem(file, "the file is " + HumanSize(read.size) + ", over the " + HumanSize(max_size) +
                        " limit (--max-file-size); not checked");
      return false;
  }
  return false;
}

}  // namespace kestra_lint
