# kestra_lint_stage(NAME [STAGES stage...] [LIBRARIES lib...]
#                   [EXTRA_SOURCES file...] [SYSTEM_INCLUDES dir...])
#
# Builds validator/NAME/*.cc (tests excepted) as the static library
# kestra_lint_NAME, linked to the stages it names. Its include root
# (KESTRA_LINT_INCLUDE_ROOT_NAME) holds a link to its own folder and to the
# folders of the stages below it and nothing else, so `#include "rules/rule.h"`
# from a stage under rules/ fails to compile: the build refuses upward includes.
# KESTRA_LINT_UNITY compiles each stage and the tests eight files at a time
# (CMake's unity build), as scripts/test.sh and CI do: measured on the Release
# tree, the libraries took 325 s of CPU instead of 708, the tests 120 instead
# of 359, since the heavy headers (nlohmann/json, CLI11, gtest) are parsed
# once per eight files. Off by default, because a change then recompiles its
# seven neighbours too. It needs every helper in an anonymous namespace to
# have a name of its own across the stage.
option(KESTRA_LINT_UNITY "Compile each stage library and the tests as a few large files" OFF)

function(kestra_lint_stage name)
  cmake_parse_arguments(STAGE "" "" "STAGES;LIBRARIES;EXTRA_SOURCES;SYSTEM_INCLUDES" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/validator/${name}/*.cc)
  list(FILTER sources EXCLUDE REGEX "_test\\.cc$")
  # A relative include would climb out of the include root unseen.
  file(GLOB files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/validator/${name}/*)
  foreach(file IN LISTS files)
    file(STRINGS ${file} climbing REGEX "^#include \"\\.\\./")
    if(climbing)
      message(FATAL_ERROR "${file}: include stages by their folder, not with ../ (${climbing})")
    endif()
  endforeach()

  set(visible ${name})
  foreach(stage IN LISTS STAGE_STAGES)
    get_property(below GLOBAL PROPERTY KESTRA_LINT_VISIBLE_${stage})
    if(NOT below)
      message(FATAL_ERROR "stage ${name} names ${stage}, which is not defined below it")
    endif()
    list(APPEND visible ${below})
  endforeach()
  list(REMOVE_DUPLICATES visible)
  set_property(GLOBAL PROPERTY KESTRA_LINT_VISIBLE_${name} ${visible})

  # Tests compile with every stage in sight (they may use the test harness),
  # so their includes of stages are checked here instead.
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/validator/${name}/*_test.cc)
  foreach(test IN LISTS tests)
    file(STRINGS ${test} includes REGEX "^#include \"[a-z_]+/")
    foreach(include IN LISTS includes)
      string(REGEX REPLACE "^#include \"([a-z_]+)/.*" "\\1" folder "${include}")
      if(IS_DIRECTORY ${CMAKE_SOURCE_DIR}/validator/${folder} AND NOT folder IN_LIST visible)
        message(FATAL_ERROR "${test}: includes ${folder}/, a stage above ${name}/")
      endif()
    endforeach()
  endforeach()

  set(root ${CMAKE_BINARY_DIR}/include_roots/${name})
  file(REMOVE_RECURSE ${root})
  file(MAKE_DIRECTORY ${root})
  foreach(folder IN LISTS visible)
    file(CREATE_LINK ${CMAKE_SOURCE_DIR}/validator/${folder} ${root}/${folder} SYMBOLIC)
  endforeach()
  set(KESTRA_LINT_INCLUDE_ROOT_${name} ${root} PARENT_SCOPE)

  add_library(kestra_lint_${name} STATIC ${sources} ${STAGE_EXTRA_SOURCES})
  target_include_directories(kestra_lint_${name} PRIVATE ${root})
  if(STAGE_SYSTEM_INCLUDES)
    target_include_directories(kestra_lint_${name} SYSTEM PRIVATE ${STAGE_SYSTEM_INCLUDES})
  endif()
  target_compile_options(kestra_lint_${name} PRIVATE ${WARNINGS})
  if(KESTRA_LINT_UNITY)
    set_target_properties(kestra_lint_${name} PROPERTIES UNITY_BUILD ON)
  endif()
  set(stage_libraries "")
  foreach(stage IN LISTS STAGE_STAGES)
    list(APPEND stage_libraries kestra_lint_${stage})
  endforeach()
  target_link_libraries(kestra_lint_${name} PUBLIC ${stage_libraries} ${STAGE_LIBRARIES})
endfunction()
