// Kestra CLI API commands in scripts (`kestra flow namespace update ...
// --server URL --tenant ID`, often in CI `run:` steps) take a base URL and a
// tenant like the other clients: each such command becomes a ClientSetting.
#pragma once

#include <string>
#include <string_view>

#include "extract/environment.h"
#include "extract/scanned_file.h"

namespace kestra_lint {

// Records a client for every command of `script` that calls `kestra` with
// `--server` or `--tenant`; byte i of `script` lies at file offset to_file(i).
void AddKestraCliClients(ScannedFile& file, std::string_view script, const ValueOffsets& to_file,
                         const std::string& origin);

}  // namespace kestra_lint
