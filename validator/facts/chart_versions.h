// Which Kestra version each release of Kestra's Helm chart ships
// (rules/charts/kestra.tsv, generated from kestra-io/helm-charts by
// scripts/kestra_chart_versions.py), so a chart version is running-version
// evidence like an image tag.
#pragma once

#include <optional>

#include "base/version.h"

namespace kestra_lint {

// The appVersion of chart `chart`; nullopt for a chart version the table
// does not list.
std::optional<Version> KestraVersionOfChart(const Version& chart);

// The newest chart that ships a release of `line` (its major and minor):
// the chart to deploy that line with; nullopt when none does.
std::optional<Version> NewestChartOf(const Version& line);

}  // namespace kestra_lint
