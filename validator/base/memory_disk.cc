// MemoryDisk: nodes by normalised path; ReadFile counts reads so tests can
// show that a command reads each file once.
#include "base/memory_disk.h"

#include <filesystem>
#include <set>

namespace kestra_lint {
namespace {

// "a/./b/" -> "a/b"; "" and "./" -> ".".
std::string Normal(const std::string& path) {
  std::string normal = std::filesystem::path(path).lexically_normal().generic_string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal.empty() ? "." : normal;
}

constexpr int kMaxLinks = 8;  // more links in a row read as a loop, like ELOOP

}  // namespace

void MemoryDisk::AddFile(const std::string& path, std::string text) {
  nodes_[Normal(path)] = Node{Node::Kind::kFile, std::move(text)};
}

void MemoryDisk::AddDirectory(const std::string& path) {
  nodes_[Normal(path)] = Node{Node::Kind::kDirectory, ""};
}

void MemoryDisk::AddFifo(const std::string& path) {
  nodes_[Normal(path)] = Node{Node::Kind::kFifo, ""};
}

void MemoryDisk::AddSymlink(const std::string& path, const std::string& target) {
  nodes_[Normal(path)] = Node{Node::Kind::kSymlink, Normal(target)};
}

void MemoryDisk::Remove(const std::string& path) { nodes_.erase(Normal(path)); }

void MemoryDisk::SetReadOnly(const std::string& path) {
  std::string normal;
  if (Resolve(path, &normal) != nullptr && nodes_.count(normal)) nodes_[normal].read_only = true;
}

std::optional<std::string> MemoryDisk::Text(const std::string& path) const {
  const Node* node = Resolve(path, nullptr);
  if (node == nullptr || node->kind != Node::Kind::kFile) return std::nullopt;
  return node->text;
}

int MemoryDisk::ReadsOf(const std::string& path) const {
  const auto found = reads_.find(Normal(path));
  return found == reads_.end() ? 0 : found->second;
}

bool MemoryDisk::IsImplicitDirectory(const std::string& normal) const {
  const std::string prefix = normal == "." ? "" : normal + "/";
  const auto next = nodes_.lower_bound(prefix);
  return next != nodes_.end() && next->first.compare(0, prefix.size(), prefix) == 0 &&
         next->first != normal;
}

const MemoryDisk::Node* MemoryDisk::Resolve(const std::string& path, std::string* resolved) const {
  std::string normal = Normal(path);
  for (int hop = 0; hop <= kMaxLinks; ++hop) {
    const auto found = nodes_.find(normal);
    if (found == nodes_.end()) {
      if (!IsImplicitDirectory(normal)) return nullptr;
      static const Node kDirectory{Node::Kind::kDirectory, ""};
      if (resolved != nullptr) *resolved = normal;
      return &kDirectory;
    }
    if (found->second.kind != Node::Kind::kSymlink) {
      if (resolved != nullptr) *resolved = normal;
      return &found->second;
    }
    normal = found->second.text;
  }
  return nullptr;
}

PathType MemoryDisk::TypeOf(const std::string& path) const {
  const Node* node = Resolve(path, nullptr);
  if (node == nullptr) return PathType::kMissing;
  switch (node->kind) {
    case Node::Kind::kFile:
      return PathType::kFile;
    case Node::Kind::kDirectory:
      return PathType::kDirectory;
    default:
      return PathType::kOther;
  }
}

std::vector<DirectoryEntry> MemoryDisk::ListDirectory(const std::string& path) const {
  std::string directory;
  const Node* node = Resolve(path, &directory);
  std::vector<DirectoryEntry> entries;
  if (node == nullptr || node->kind != Node::Kind::kDirectory) return entries;
  const std::string prefix = directory == "." ? "" : directory + "/";
  std::set<std::string> names;
  for (auto it = nodes_.lower_bound(prefix);
       it != nodes_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    if (it->first == directory) continue;
    names.insert(
        it->first.substr(prefix.size(), it->first.find('/', prefix.size()) - prefix.size()));
  }
  for (const std::string& name : names) {
    const std::string child = prefix + name;
    const auto found = nodes_.find(child);
    DirectoryEntry entry;
    entry.name = name;
    entry.symlink = found != nodes_.end() && found->second.kind == Node::Kind::kSymlink;
    entry.type = TypeOf(child);
    entries.push_back(std::move(entry));
  }
  return entries;
}

FileRead MemoryDisk::ReadFile(const std::string& path, uint64_t max_size, std::string& text) const {
  FileRead read;
  text.clear();
  std::string normal;
  const Node* node = Resolve(path, &normal);
  if (node == nullptr) {
    read.status = FileRead::Status::kCannotRead;
    read.error = nodes_.count(Normal(path)) ? "Too many levels of symbolic links"
                                            : "No such file or directory";
  } else if (node->kind == Node::Kind::kDirectory) {
    read.status = FileRead::Status::kDirectory;
  } else if (node->kind != Node::Kind::kFile) {
    read.status = FileRead::Status::kNotRegular;
  } else if (node->text.size() > max_size) {
    read.status = FileRead::Status::kTooLarge;
    read.size = node->text.size();
  } else {
    ++reads_[normal];
    text = node->text;
  }
  return read;
}

std::string MemoryDisk::RealPath(const std::string& path) const {
  std::string normal;
  return Resolve(path, &normal) == nullptr ? "" : normal;
}

std::string MemoryDisk::WhyNotReplaceable(const std::string& path) const {
  const Node* node = Resolve(path, nullptr);
  if (node == nullptr || node->kind != Node::Kind::kFile) return "it is not a regular file";
  return node->read_only ? "it is read-only (no write permission); fix leaves it as it is" : "";
}

bool MemoryDisk::ReplaceFile(const std::string& path, const std::string& expected,
                             const std::string& text, std::string& error) {
  std::string normal;
  const Node* node = Resolve(path, &normal);
  if (node == nullptr || node->kind != Node::Kind::kFile) {
    error = "cannot read it again";
    return false;
  }
  error = WhyNotReplaceable(path);
  if (!error.empty()) return false;
  if (node->text != expected) {
    error = "it changed since it was read; run fix again";
    return false;
  }
  nodes_[normal].text = text;
  return true;
}

}  // namespace kestra_lint
