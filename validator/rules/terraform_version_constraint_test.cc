#include "rules/terraform_version_constraint.h"

#include <gtest/gtest.h>

namespace kestra_lint {
namespace {

const Version kTenantDefault{0, 23, 0};

bool OnlyBefore(const char* constraint) {
  return AdmitsOnlyReleasesBefore(constraint, kTenantDefault);
}

TEST(TerraformVersionConstraintTest, ConstraintsThatCannotReachTheLimit) {
  for (const char* constraint :
       {"~> 0.18.0", "~> 0.22.2", "0.20.1", "= 0.22.2", "=0.22", "< 0.23", "< 0.23.0", "<= 0.22.9",
        ">= 0.15, < 0.22", " >= 0.15 ,< 0.23 ", "> 0.1, <= 0.22", "~>0.18.0",
        "<= 0.23.0, != 0.23.0", "< 0.23.2, != 0.23.1, != 0.23.0", "0.7.0",
        "~> 0.22.0, != 0.22.1"}) {
    EXPECT_TRUE(OnlyBefore(constraint)) << constraint;
  }
}

TEST(TerraformVersionConstraintTest, ConstraintsThatAdmitTheLimitOrLater) {
  for (const char* constraint :
       {"~> 0.23", "~> 0.23.0", ">= 0.20", "~> 1.0", "~> 0", "~> 0.22", "~> 0.18", "0.23.0",
        "<= 0.23", "<= 0.23.0", "< 0.23.1", ">= 0.15, < 0.24", "> 0.22", "!= 0.22.0",
        "< 1.0, != 0.23.0", "1.3.2"}) {
    EXPECT_FALSE(OnlyBefore(constraint)) << constraint;
  }
}

TEST(TerraformVersionConstraintTest, NoConstraintMeansTheLatestRelease) {
  EXPECT_FALSE(OnlyBefore(""));
  EXPECT_FALSE(OnlyBefore("  "));
}

TEST(TerraformVersionConstraintTest, ConstraintsNothingSatisfiesSayNothing) {
  EXPECT_FALSE(OnlyBefore(">= 0.22, < 0.20"));
  EXPECT_FALSE(OnlyBefore("> 0.22.2, < 0.22.3"));
  EXPECT_FALSE(OnlyBefore("0.20.0, 0.21.0"));
  EXPECT_FALSE(OnlyBefore("= 0.22.0, != 0.22.0"));
}

TEST(TerraformVersionConstraintTest, WhatDoesNotParseSaysNothing) {
  for (const char* constraint :
       {"latest", "~> 0.18.0-beta", "0.22.0-rc1", "v0.22", ">= 0.15,", ", < 0.22", "< 0.22.1.4",
        "<< 0.22", "~>", "0..22", "< 0.22 0.21", "< 99999999999999999999", "${var.version}"}) {
    EXPECT_FALSE(OnlyBefore(constraint)) << constraint;
  }
}

TEST(TerraformVersionConstraintTest, TheLimitIsAParameter) {
  EXPECT_TRUE(AdmitsOnlyReleasesBefore("~> 0.23.0", Version{0, 24, 0}));
  EXPECT_FALSE(AdmitsOnlyReleasesBefore("~> 0.23.0", Version{0, 23, 5}));
}

}  // namespace
}  // namespace kestra_lint
