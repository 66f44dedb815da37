# The self-contained binary, kestra-lint-static: the same stage libraries as
# kestra-lint, linked with -static, so glibc, libstdc++, libgcc, yaml-cpp and
# nettle (Debian ships all as .a) are inside it and `ldd` lists nothing.
# Included before the stages: they link yaml-cpp and nettle through the two
# variables below, which name the static archives when the executable being
# linked has the KESTRA_LINT_STATIC_LINK property (a generator expression is
# evaluated for the executable, so both binaries share one set of libraries).
if(KESTRA_LINT_SANITIZE)
  set(static_default OFF)  # the sanitizer runtimes cannot be linked statically
else()
  set(static_default ON)
endif()
option(KESTRA_LINT_STATIC "Also build kestra-lint-static, with every library linked in"
       ${static_default})

set(KESTRA_LINT_YAML_CPP_LINK yaml-cpp)
set(KESTRA_LINT_NETTLE_LINK PkgConfig::NETTLE)
if(KESTRA_LINT_STATIC)
  find_library(YAML_CPP_STATIC_LIBRARY libyaml-cpp.a REQUIRED)
  find_library(NETTLE_STATIC_LIBRARY libnettle.a HINTS ${NETTLE_LIBRARY_DIRS} REQUIRED)
  set(static_link "$<BOOL:$<TARGET_PROPERTY:KESTRA_LINT_STATIC_LINK>>")
  set(KESTRA_LINT_YAML_CPP_LINK "$<IF:${static_link},${YAML_CPP_STATIC_LIBRARY},yaml-cpp>")
  set(KESTRA_LINT_NETTLE_LINK "$<IF:${static_link},${NETTLE_STATIC_LIBRARY},PkgConfig::NETTLE>")
endif()

function(kestra_lint_static_binary)
  add_executable(kestra-lint-static ${CMAKE_SOURCE_DIR}/validator/main.cc)
  set_target_properties(kestra-lint-static PROPERTIES KESTRA_LINT_STATIC_LINK ON)
  target_compile_options(kestra-lint-static PRIVATE ${WARNINGS})
  target_include_directories(kestra-lint-static PRIVATE ${KESTRA_LINT_INCLUDE_ROOT_cli})
  target_link_options(kestra-lint-static PRIVATE -static)
  target_link_libraries(kestra-lint-static PRIVATE kestra_lint_cli)
endfunction()
