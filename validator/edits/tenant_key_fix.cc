#include "edits/tenant_key_fix.h"

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "base/source_text.h"
#include "edits/key_edits.h"
#include "extract/property_name.h"
#include "facts/tenant_id.h"
#include "yaml/yaml_lexer.h"

namespace kestra_lint {
namespace {

constexpr size_t kNone = SIZE_MAX;

enum class TenantKey { kOther, kEnabled, kDefaultTenant };
enum class Action { kNone, kDelete, kReplace };

TenantKey Classify(const PropertyRecord& record) {
  if (PropertyMatches(record, "kestra.ee.tenants.enabled", false) ||
      PropertyMatches(record, "kestra.tenants.enabled", false)) {
    return TenantKey::kEnabled;
  }
  if (PropertyMatches(record, "kestra.ee.tenants.default-tenant", false) ||
      PropertyMatches(record, "kestra.tenants.default-tenant", false)) {
    return TenantKey::kDefaultTenant;
  }
  return TenantKey::kOther;
}

bool InEeTenants(const PropertyRecord& record) {
  return PropertyMatches(record, "kestra.ee.tenants.enabled", false) ||
         PropertyMatches(record, "kestra.ee.tenants.default-tenant", false);
}

bool HasValue(const PropertyRecord& record, const char* value) {
  return record.has_scalar_value && AsciiLower(record.value) == value;
}

// Records whose edit this module can make without guessing.
bool Editable(const ScannedFile& file, const PropertyRecord& record) {
  switch (record.source) {
    case PropertyRecord::Source::kYaml:
      return !record.merged;
    case PropertyRecord::Source::kProperties:
      return file.kind == FileKind::kProperties;
    case PropertyRecord::Source::kEnvironment:
      return file.kind == FileKind::kEnvFile || record.environment_entry.has_value();
    case PropertyRecord::Source::kJavaOption:
      return record.option_removal &&
             (file.kind == FileKind::kEnvFile || record.environment_entry.has_value());
  }
  return false;
}

bool IsEnvironment(const PropertyRecord& record) {
  return record.source == PropertyRecord::Source::kEnvironment ||
         record.source == PropertyRecord::Source::kJavaOption;
}

// The environment that sets an environment variable or a -D option: its YAML
// collection, or the whole file (a .env file).
size_t EnvironmentOf(const PropertyRecord& record) {
  return record.environment_entry ? record.environment_entry->collection : kNone;
}

class Plan {
 public:
  Plan(const ScannedFile& file, const Facts& facts)
      : file_(file),
        facts_(facts),
        parent_(file.properties.size(), kNone),
        children_(file.properties.size()),
        deleted_(file.properties.size(), -1),
        actions_(file.properties.size()) {
    // Records come in document order, parents first: a YAML record's parent is
    // the nearest mapping before it with the parent's key and origin.
    std::map<std::pair<std::string, std::string>, size_t> last_map;
    for (size_t i = 0; i < file.properties.size(); ++i) {
      const PropertyRecord& record = file.properties[i];
      if (record.source != PropertyRecord::Source::kYaml) continue;
      if (!record.parent.empty()) {
        const auto found = last_map.find({record.origin, record.parent});
        if (found != last_map.end()) {
          parent_[i] = found->second;
          children_[found->second].push_back(i);
        }
      }
      if (!record.has_scalar_value) last_map[{record.origin, record.key}] = i;
    }
  }

  Action ActionFor(size_t i) const {
    if (!actions_[i]) actions_[i] = FindAction(i);
    return *actions_[i];
  }

  std::vector<TextEdit> EditsFor(size_t i) const {
    switch (ActionFor(i)) {
      case Action::kNone:
        return {};
      case Action::kDelete:
        return Delete(i);
      case Action::kReplace:
        return Replace(i);
    }
    return {};
  }

 private:
  Action FindAction(size_t i) const {
    const PropertyRecord& record = file_.properties[i];
    const TenantKey key = Classify(record);
    if (key == TenantKey::kOther || !record.has_scalar_value || !Editable(file_, record)) {
      return Action::kNone;
    }
    if (!facts_.tenantless_data) {
      const bool obsolete = (key == TenantKey::kEnabled && HasValue(record, "true")) ||
                            (key == TenantKey::kDefaultTenant && HasValue(record, "false"));
      return obsolete ? Action::kDelete : Action::kNone;
    }
    if (facts_.tenant_source != TenantSource::kSetting || !IsValidTenantId(facts_.tenant) ||
        facts_.edition != Edition::kEe || facts_.has_fallback_tenant) {
      return Action::kNone;
    }
    const size_t target = ReplacementFor(i);
    if (target == kNone) return Action::kNone;
    return target == i ? Action::kReplace : Action::kDelete;
  }

  // Whether records `i` and `j` sit in the same mapping: YAML siblings, one
  // .properties file, or one environment (its variables and JAVA_OPTS options).
  bool Siblings(size_t i, size_t j) const {
    const PropertyRecord& a = file_.properties[i];
    const PropertyRecord& b = file_.properties[j];
    if (IsEnvironment(a) && IsEnvironment(b)) return EnvironmentOf(a) == EnvironmentOf(b);
    return a.source == b.source && parent_[i] == parent_[j];
  }

  // The mapping or environment `i` sits in, as Siblings sees it.
  std::pair<int, size_t> GroupOf(size_t i) const {
    const PropertyRecord& record = file_.properties[i];
    if (IsEnvironment(record)) return {-1, EnvironmentOf(record)};
    return {static_cast<int>(record.source), parent_[i]};
  }

  // The removed key that becomes fallbackTenant among the siblings of `i`:
  // defaultTenant: true first, else enabled: false. A -D option is never the
  // one replaced. Memoized per group: every removed sibling asks.
  size_t ReplacementFor(size_t i) const {
    const auto [found, inserted] = replacements_.try_emplace(GroupOf(i), kNone);
    if (inserted) found->second = FindReplacement(i);
    return found->second;
  }

  size_t FindReplacement(size_t i) const {
    size_t default_true = kNone;
    size_t enabled_false = kNone;
    for (size_t j = 0; j < file_.properties.size(); ++j) {
      const PropertyRecord& sibling = file_.properties[j];
      if (!Siblings(i, j)) continue;
      // A fallbackTenant already written here, even an invalid one, would
      // become a duplicate key.
      if (PropertyMatches(sibling, "kestra.ee.tenants.fallback-tenant", false)) return kNone;
      if (sibling.source == PropertyRecord::Source::kJavaOption || !Editable(file_, sibling)) {
        continue;
      }
      const TenantKey key = Classify(sibling);
      if (key == TenantKey::kDefaultTenant && HasValue(sibling, "true") && default_true == kNone) {
        default_true = j;
      }
      if (key == TenantKey::kEnabled && HasValue(sibling, "false") && enabled_false == kNone) {
        enabled_false = j;
      }
    }
    const size_t target = default_true != kNone ? default_true : enabled_false;
    return target != kNone && InEeTenants(file_.properties[target]) ? target : kNone;
  }

  // A mapping goes when everything in it goes.
  bool WillBeDeleted(size_t i) const {
    if (deleted_[i] >= 0) return deleted_[i] == 1;
    bool result = false;
    if (file_.properties[i].has_scalar_value) {
      result = ActionFor(i) == Action::kDelete;
    } else if (!children_[i].empty()) {
      result = true;
      for (size_t child : children_[i]) result = result && WillBeDeleted(child);
    }
    deleted_[i] = result ? 1 : 0;
    return result;
  }

  std::vector<TextEdit> Delete(size_t i) const {
    const PropertyRecord& record = file_.properties[i];
    std::optional<TextEdit> edit;
    if (record.source == PropertyRecord::Source::kYaml) {
      size_t top = i;
      while (parent_[top] != kNone && WillBeDeleted(parent_[top])) top = parent_[top];
      edit = DeleteYamlKey(file_.source, file_.properties[top].key_span.begin);
      if (!edit) edit = DeleteFlowEntry(top);
      if (!edit && top != i) edit = DeleteYamlKey(file_.source, record.key_span.begin);
      if (!edit && top != i) edit = DeleteFlowEntry(i);
    } else if (record.source == PropertyRecord::Source::kJavaOption) {
      edit = DeleteJavaOption(file_.source, *record.option_removal);
    } else if (record.environment_entry) {
      edit = DeleteEnvironmentEntry(i);
    } else {
      const size_t last = std::max(record.key_span.end, record.value_span.end);
      edit = DeleteFlatEntry(file_.source, record.key_span, last > 0 ? last - 1 : 0,
                             record.source == PropertyRecord::Source::kEnvironment);
    }
    if (!edit) return {};
    return {*edit};
  }

  static std::optional<TextEdit> DeleteEntryLines(const SourceText& source,
                                                  const EnvironmentEntry& entry) {
    return entry.sequence_item ? DeleteYamlSequenceItem(source, entry.begin)
                               : DeleteYamlKey(source, entry.begin);
  }

  // What deleting entries does to a collection: how many distinct entries
  // go, and where the last of them starts.
  struct Emptied {
    size_t deleted = 0;
    size_t last = 0;
  };

  const Emptied& EmptiedBy(size_t collection) const {
    const auto [found, inserted] = emptied_.try_emplace(collection);
    if (!inserted) return found->second;
    std::set<size_t> entries;
    for (size_t j = 0; j < file_.properties.size(); ++j) {
      const PropertyRecord& other = file_.properties[j];
      if (other.source != PropertyRecord::Source::kEnvironment || !other.environment_entry ||
          other.environment_entry->collection != collection || ActionFor(j) != Action::kDelete) {
        continue;
      }
      entries.insert(other.environment_entry->begin);
    }
    found->second.deleted = entries.size();
    found->second.last = entries.empty() ? 0 : *entries.rbegin();
    return found->second;
  }

  // Deletes the entry of environment variable `i`; when every entry of its
  // collection goes, the collection is left as `[]` or `{}` instead.
  std::optional<TextEdit> DeleteEnvironmentEntry(size_t i) const {
    const EnvironmentEntry& entry = *file_.properties[i].environment_entry;
    const Emptied& emptied = EmptiedBy(entry.collection);
    if (emptied.deleted < entry.entries) return DeleteEntryLines(file_.source, entry);
    EnvironmentEntry last_entry = entry;
    last_entry.begin = emptied.last;
    const std::optional<TextEdit> last_lines = DeleteEntryLines(file_.source, last_entry);
    if (!last_lines) return std::nullopt;
    return EmptyYamlCollection(file_.source, entry.collection, last_lines->end,
                               entry.sequence_item);
  }

  // Where the value of YAML record `j` ends, when it ends a flow entry (a
  // ',' or '}' follows); npos otherwise.
  size_t FlowValueEnd(size_t j) const {
    const PropertyRecord& record = file_.properties[j];
    const std::string& text = file_.source.text();
    const size_t begin = record.value_span.begin;
    size_t end = std::string::npos;
    if (record.has_scalar_value && record.value_span.end > begin) {
      end = record.value_span.end;
    } else if (!record.has_scalar_value && begin < text.size() &&
               (text[begin] == '{' || text[begin] == '[')) {
      end = FlowCollectionEnd(text, begin);
    }
    if (end == std::string::npos) return end;
    size_t next = end;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
    return next < text.size() && (text[next] == ',' || text[next] == '}') ? end : std::string::npos;
  }

  // Deletes entry `i` of a flow mapping with one separator: up to the next
  // entry that stays, else from the end of the previous entry that stays,
  // else every entry (the mapping is left as {}). Entries deleted together
  // give nested or identical edits, which ApplyFixes merges.
  std::optional<TextEdit> DeleteFlowEntry(size_t i) const {
    const std::string& text = file_.source.text();
    const PropertyRecord& record = file_.properties[i];
    if (record.source != PropertyRecord::Source::kYaml || parent_[i] == kNone) {
      return std::nullopt;
    }
    size_t before = record.key_span.begin;
    while (before > 0 && std::isspace(static_cast<unsigned char>(text[before - 1]))) --before;
    if (before == 0 || (text[before - 1] != '{' && text[before - 1] != ',')) return std::nullopt;
    const size_t end = FlowValueEnd(i);
    if (end == std::string::npos) return std::nullopt;
    const std::vector<size_t>& siblings = children_[parent_[i]];
    size_t previous_kept = kNone;
    for (size_t j : siblings) {
      if (j == i || WillBeDeleted(j)) continue;
      if (j > i) {
        return MakeTextEdit(file_.source, record.key_span.begin, file_.properties[j].key_span.begin,
                            "");
      }
      previous_kept = j;
    }
    const size_t from = previous_kept != kNone ? FlowValueEnd(previous_kept)
                                               : file_.properties[siblings.front()].key_span.begin;
    const size_t to = previous_kept != kNone ? end : FlowValueEnd(siblings.back());
    if (from == std::string::npos || to == std::string::npos || from > to) return std::nullopt;
    return MakeTextEdit(file_.source, from, to, "");
  }

  std::vector<TextEdit> Replace(size_t i) const {
    const PropertyRecord& record = file_.properties[i];
    const SourceText& source = file_.source;
    const std::string& text = source.text();
    const Span& value_span = record.value_span;
    if (value_span.end <= value_span.begin || value_span.begin < record.key_span.end ||
        value_span.end > text.size()) {
      return {};
    }
    // A Helm or Kubernetes `value:` sits on the line below its `name:`.
    if (record.environment_entry ? text.compare(value_span.begin, value_span.end - value_span.begin,
                                                record.value) != 0 ||
                                       record.value.find('\n') != std::string::npos
                                 : source.PositionAt(value_span.begin).line !=
                                       source.PositionAt(record.key_span.begin).line) {
      return {};
    }
    std::optional<TextEdit> key;
    std::string value = facts_.tenant;
    if (record.source == PropertyRecord::Source::kEnvironment) {
      const size_t prefix = std::string("KESTRA_EE_TENANTS_").size();
      if (AsciiLower(record.spelled.substr(0, prefix)) != "kestra_ee_tenants_") return {};
      key = ReplaceKeyTail(source, record.key_span, record.spelled, prefix, "FALLBACK_TENANT");
      // A whole plain YAML scalar must not become a number or a boolean.
      const char before = text[value_span.begin - 1];
      if (record.environment_entry && before != '=' && before != '"' && before != '\'') {
        value = TenantYamlScalar(value);
      }
    } else {
      const size_t dot = record.spelled.rfind('.');
      const size_t keep = dot == std::string::npos ? 0 : dot + 1;
      const bool kebab = record.spelled.find('-', keep) != std::string::npos;
      key = ReplaceKeyTail(source, record.key_span, record.spelled, keep,
                           kebab ? "fallback-tenant" : "fallbackTenant");
      if (record.source == PropertyRecord::Source::kYaml) value = TenantYamlScalar(value);
    }
    if (!key) return {};
    return {*key, MakeTextEdit(source, record.value_span.begin, record.value_span.end, value)};
  }

  const ScannedFile& file_;
  const Facts& facts_;
  std::vector<size_t> parent_;
  std::vector<std::vector<size_t>> children_;
  mutable std::vector<int> deleted_;  // memo of WillBeDeleted: -1 unknown, 0 no, 1 yes
  mutable std::vector<std::optional<Action>> actions_;             // memo of ActionFor
  mutable std::map<std::pair<int, size_t>, size_t> replacements_;  // memo of ReplacementFor
  mutable std::map<size_t, Emptied> emptied_;  // memo of EmptiedBy, per collection
};

}  // namespace

std::vector<std::vector<TextEdit>> RemovedTenantKeyFixes(const ScannedFile& file,
                                                         const Facts& facts) {
  const Plan plan(file, facts);
  std::vector<std::vector<TextEdit>> fixes(file.properties.size());
  for (size_t i = 0; i < fixes.size(); ++i) fixes[i] = plan.EditsFor(i);
  return fixes;
}

}  // namespace kestra_lint
