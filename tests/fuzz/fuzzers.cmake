# libFuzzer targets, one per hostile-input surface. Each is built with the
# sanitizers (KESTRA_LINT_FUZZ implies KESTRA_LINT_SANITIZE); the seed corpus
# of target NAME lives in tests/fuzz/NAME/. scripts/fuzz.sh runs them.
set(KESTRA_LINT_FUZZERS yaml_loader fast_yaml properties_file env_file embedded_yaml java_options
    api_uri rule_pack formatters config glob baseline)
foreach(name ${KESTRA_LINT_FUZZERS})
  add_executable(fuzz_${name} ${CMAKE_SOURCE_DIR}/tests/fuzz/${name}_fuzzer.cc)
  target_include_directories(fuzz_${name} PRIVATE ${CMAKE_SOURCE_DIR}/tests/fuzz ${CMAKE_SOURCE_DIR}/tests
    ${KESTRA_LINT_INCLUDE_ROOT_cli})
  target_compile_options(fuzz_${name} PRIVATE ${WARNINGS})
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  target_link_libraries(fuzz_${name} PRIVATE kestra_lint_cli)
endforeach()
add_custom_target(fuzzers)
foreach(name ${KESTRA_LINT_FUZZERS})
  add_dependencies(fuzzers fuzz_${name})
endforeach()
