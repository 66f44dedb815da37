# Benchmark programs (KESTRA_LINT_BENCH=ON; not part of CI): the parse-only
# floor bench/run.sh compares kestra-lint with, and the per-component Google
# Benchmarks.
find_package(benchmark REQUIRED)
add_executable(parse_floor ${CMAKE_SOURCE_DIR}/bench/parse_floor.cc)
target_include_directories(parse_floor PRIVATE ${CMAKE_SOURCE_DIR}/bench
  ${KESTRA_LINT_INCLUDE_ROOT_cli})
target_compile_options(parse_floor PRIVATE ${WARNINGS})
target_link_libraries(parse_floor PRIVATE kestra_lint_cli)

add_executable(components_benchmark ${CMAKE_SOURCE_DIR}/bench/components_benchmark.cc)
target_include_directories(components_benchmark PRIVATE ${CMAKE_SOURCE_DIR}/bench
  ${KESTRA_LINT_INCLUDE_ROOT_cli})
target_compile_options(components_benchmark PRIVATE ${WARNINGS})
target_link_libraries(components_benchmark PRIVATE kestra_lint_cli benchmark::benchmark)
