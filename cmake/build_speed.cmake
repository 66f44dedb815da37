# CI compiles every file twice (Release, then clang with the sanitizers) on
# two cores, and test files are half of them: the heaviest, since every gtest
# macro expands into code. Test code therefore compiles unoptimised and with
# gtest, gmock and nlohmann/json precompiled; the code under test keeps the
# build type's flags. Measured on 10 test files: 71 s of CPU at -O3 without a
# precompiled header, 36 s like this. Library files gain nothing from a
# precompiled header (most include neither gtest nor json), so they have none.
option(KESTRA_LINT_PCH "Precompile the headers of the test code" ON)

function(kestra_lint_test_code target)
  # Last on the command line, so it overrides the build type's -O level.
  target_compile_options(${target} PRIVATE -O0)
  if(KESTRA_LINT_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON)
  endif()
  if(KESTRA_LINT_PCH)
    target_precompile_headers(${target} PRIVATE <algorithm> <map> <memory> <optional> <set>
                              <sstream> <string> <string_view> <vector> <nlohmann/json.hpp>
                              <gtest/gtest.h> <gmock/gmock.h>)
  endif()
endfunction()
