#include "discover/file_reader.h"

#include <algorithm>
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
  // UTF-32 byte order marks first: the little-endian one starts like UTF-16's.
  if (text.rfind(std::string("\xFF\xFE\0\0", 4), 0) == 0 ||
      text.rfind(std::string("\0\0\xFE\xFF", 4), 0) == 0) {
    file.source = SourceText("");
    Problem(file, "the file is UTF-32 encoded; Kestra reads configuration as UTF-8: convert it");
    return false;
  }
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
  // SnakeYAML (Kestra) reads a lone CR as a line break; line positions here
  // count LF only, so such a file would be read as other lines than Kestra's.
  for (size_t cr = text.find('\r'); cr != std::string::npos; cr = text.find('\r', cr + 1)) {
    if (cr + 1 < text.size() && text[cr + 1] == '\n') continue;
    file.source = SourceText(std::move(text));
    Problem(file,
            "a line ends with a lone CR (classic Mac OS line breaks); convert the file to LF or "
            "CRLF line breaks: it is not checked",
            cr);
    return false;
  }
  file.source = SourceText(std::move(text));
  const size_t invalid = FirstInvalidUtf8(file.source.text());
  if (invalid != std::string::npos) {
    Problem(file, "invalid UTF-8 byte sequence; YAML must be valid Unicode", invalid);
  }
  return true;
}

std::string ReadStreamUpTo(std::istream& in, uint64_t max_size) {
  std::string text;
  char buffer[1 << 16];
  while (text.size() <= max_size && in.read(buffer, sizeof buffer).gcount() > 0) {
    const uint64_t room = max_size + 1 - text.size();
    text.append(buffer, static_cast<size_t>(std::min<uint64_t>(room, in.gcount())));
  }
  return text;
}

bool AcceptStreamText(std::string text, uint64_t max_size, ScannedFile& file) {
  if (text.size() > max_size) {
    file.source = SourceText("");
    Problem(file, "standard input is over the " + HumanSize(max_size) +
                      " limit (--max-file-size); not checked");
    return false;
  }
  return AcceptText(std::move(text), file);
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
