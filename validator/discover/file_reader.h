// Reads one file for checking, treating it as hostile: only regular files
// (never blocks on a FIFO), a size cap, and binary, UTF-16 and invalid UTF-8
// content turned into problems with a position instead of parser noise.
#pragma once

#include <cstdint>
#include <istream>
#include <string>

#include "base/disk.h"
#include "extract/scanned_file.h"

namespace kestra_lint {

constexpr uint64_t kDefaultMaxFileSize = 10 * 1024 * 1024;

// Fills file.source from `path` on `disk`, or records why it cannot be
// checked in file.problems (rule yaml-syntax). Returns false when the content
// must not be parsed.
bool ReadFileForScan(const DiskInterface& disk, const std::string& path, uint64_t max_size,
                     ScannedFile& file);

// Checks text already in memory (standard input, tests) the same way.
bool AcceptText(std::string text, ScannedFile& file);

// Standard input: reads at most `max_size` + 1 bytes, so an endless stream
// (`yes | kestra-lint check -`) costs no more than a file at the cap.
std::string ReadStreamUpTo(std::istream& in, uint64_t max_size);

// AcceptText for a text read by ReadStreamUpTo: over `max_size` it is
// reported like a file over --max-file-size, and not checked.
bool AcceptStreamText(std::string text, uint64_t max_size, ScannedFile& file);

}  // namespace kestra_lint
