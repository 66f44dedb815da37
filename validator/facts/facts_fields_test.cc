// Facts compare through one field list (Facts::Fields): these tests fail when
// a field is added to Facts but left out of it, or when a listed field does
// not change the comparison.
#include <gtest/gtest.h>

#include <functional>
#include <tuple>
#include <utility>

#include "facts/facts.h"

namespace kestra_lint {
namespace facts_fields_test {

// Converts to any field type; only used unevaluated, to count an aggregate's
// fields by how many initializers it accepts. Outside the anonymous namespace:
// clang warns when a function of internal linkage is named but not defined,
// as std::optional's constructor names this one.
struct AnyField {
  template <typename T>
  operator T&() const;  // NOLINT(google-explicit-constructor)
};

}  // namespace facts_fields_test

namespace {

using facts_fields_test::AnyField;

template <typename T, typename Indices, typename = void>
struct TakesInitializers : std::false_type {};
template <typename T, size_t... I>
struct TakesInitializers<T, std::index_sequence<I...>,
                         std::void_t<decltype(T{(static_cast<void>(I), AnyField{})...})>>
    : std::true_type {};

template <typename T, size_t N = 0>
constexpr size_t FieldCount() {
  if constexpr (TakesInitializers<T, std::make_index_sequence<N + 1>>::value) {
    return FieldCount<T, N + 1>();
  } else {
    return N;
  }
}

TEST(FactsFields, FieldListNamesEveryField) {
  EXPECT_EQ(FieldCount<Facts>(), std::tuple_size<decltype(Facts().Fields())>::value)
      << "a field of Facts is missing from Facts::Fields(), so changing it would not "
         "re-check open documents";
}

TEST(FactsFields, EachFieldChangesTheComparison) {
  const std::vector<std::function<void(Facts&)>> changes = {
      [](Facts& f) { f.edition = Edition::kEe; },
      [](Facts& f) { f.edition_source = EditionSource::kEvidence; },
      [](Facts& f) { f.edition_evidence = "image at a.yml:1:1"; },
      [](Facts& f) {
        f.target = Version{0, 22, 0};
      },
      [](Facts& f) { f.target_source = TargetSource::kSetting; },
      [](Facts& f) {
        f.running_version = Version{0, 22, 0};
      },
      [](Facts& f) { f.running_version_source = RunningVersionSource::kSetting; },
      [](Facts& f) { f.running_version_evidence = "image at a.yml:1:1"; },
      [](Facts& f) { f.tenant = "prod"; },
      [](Facts& f) { f.tenant_source = TenantSource::kSetting; },
      [](Facts& f) { f.has_fallback_tenant = true; },
      [](Facts& f) { f.fallback_tenant = "prod"; },
      [](Facts& f) { f.fallback_tenant_source = "a.yml:3:1"; },
      [](Facts& f) { f.tenantless_data = true; },
      [](Facts& f) { f.basic_auth = true; },
      [](Facts& f) { f.open_urls_set = true; },
      [](Facts& f) { f.open_urls.push_back("/api/v1/main/executions/webhook/"); },
      [](Facts& f) { f.env_vars_prefix_set = true; },
      [](Facts& f) { f.kestra_provider_tenant_set = true; },
      [](Facts& f) { f.kestra_services.push_back("kestra"); },
      [](Facts& f) { f.other_services.push_back("grafana"); },
  };
  ASSERT_EQ(changes.size(), FieldCount<Facts>());
  for (size_t i = 0; i < changes.size(); ++i) {
    Facts changed;
    changes[i](changed);
    EXPECT_FALSE(changed == Facts()) << "change " << i << " went unnoticed";
    EXPECT_TRUE(changed == changed);
  }
}

TEST(FactsFields, FileFactsFieldListNamesEveryField) {
  EXPECT_EQ(FieldCount<FileFacts>(), std::tuple_size<decltype(FileFacts().Fields())>::value)
      << "a field of FileFacts is missing from FileFacts::Fields()";
}

TEST(FactsFields, MergingInAnyGroupingGivesTheSameFacts) {
  FileFacts a;
  a.oss_evidence = "image kestra/kestra at a.yml:1:1";
  a.open_urls = {"/api/v1/main/a"};
  a.running_version = Version{0, 23, 0};
  a.running_version_evidence = "image kestra/kestra:v0.23.0 at a.yml:1:1";
  FileFacts b;
  b.ee_evidence = "image kestra/kestra-ee at b.yml:1:1";
  b.has_fallback_tenant = true;
  b.fallback_tenant = "prod";
  b.fallback_tenant_source = "b.yml:4:3";
  FileFacts c;
  c.ee_evidence = "Enterprise property kestra.ee.license at c.yml:2:1";
  c.open_urls = {"/api/v1/main/c"};
  c.basic_auth = true;
  c.running_version = Version{0, 22, 3};
  c.running_version_evidence = "image tag v0.22.3 at c.yml:5:8";

  FileFacts left = a;
  MergeFileFacts(left, b);
  MergeFileFacts(left, c);
  FileFacts right = b;
  MergeFileFacts(right, c);
  FileFacts grouped = a;
  MergeFileFacts(grouped, right);
  EXPECT_TRUE(left == grouped);
  EXPECT_EQ(left.ee_evidence, b.ee_evidence);  // the first evidence in scan order wins
  EXPECT_EQ(left.open_urls, (std::vector<std::string>{"/api/v1/main/a", "/api/v1/main/c"}));
  EXPECT_TRUE(DecideFacts(left, ScanSettings{}) == CombineFacts({a, b, c}, ScanSettings{}));
  EXPECT_EQ(DecideFacts(left, ScanSettings{}).tenant, "prod");
  // The oldest image bounds what the installation has already done.
  EXPECT_EQ(left.running_version, (Version{0, 22, 3}));
  EXPECT_EQ(left.running_version_evidence, c.running_version_evidence);
}

}  // namespace
}  // namespace kestra_lint
