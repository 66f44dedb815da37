# Installing kestra-lint: `cmake --install build` (prefix /usr/local) or
# `cpack -G DEB` in the build folder (a .deb for /usr whose Depends come from
# dpkg-shlibdeps). Both install the binary, the man page, the bash, zsh and
# fish completions, and the documentation. Every version (the package's,
# --version's, the man page's) is project()'s.
include(GNUInstallDirs)

if(KESTRA_LINT_STATIC)
  kestra_lint_static_binary()
endif()

set(SHELL_FILES_DIR ${CMAKE_BINARY_DIR}/shell_files)
set(SHELL_FILES ${SHELL_FILES_DIR}/kestra-lint.1 ${SHELL_FILES_DIR}/kestra-lint.1.gz
                ${SHELL_FILES_DIR}/kestra-lint.bash ${SHELL_FILES_DIR}/_kestra-lint
                ${SHELL_FILES_DIR}/kestra-lint.fish)
add_custom_command(
  OUTPUT ${SHELL_FILES}
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:kestra-lint> -DOUTPUT_DIR=${SHELL_FILES_DIR}
          -P ${CMAKE_SOURCE_DIR}/cmake/shell_files.cmake
  DEPENDS kestra-lint ${CMAKE_SOURCE_DIR}/cmake/shell_files.cmake
  COMMENT "Writing the man page and the shell completions"
  VERBATIM)
add_custom_target(kestra_lint_shell_files ALL DEPENDS ${SHELL_FILES})

install(TARGETS kestra-lint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${SHELL_FILES_DIR}/kestra-lint.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${SHELL_FILES_DIR}/kestra-lint.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME kestra-lint)
install(FILES ${SHELL_FILES_DIR}/_kestra-lint
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${SHELL_FILES_DIR}/kestra-lint.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/CHANGELOG.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)

set(KESTRA_LINT_MAINTAINER "kestra-lint maintainers <kestra-lint@example.invalid>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kestra-lint)
set(CPACK_PACKAGE_CONTACT ${KESTRA_LINT_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "finds what breaks or silently changes when Kestra is upgraded")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "kestra-lint checks a Kestra installation's configuration (application YAML, "
    ".properties, .env, Docker Compose, Helm values, Kubernetes manifests) and its API "
    "clients before an upgrade, first of all for the 0.23 tenant migration, and reports "
    "each finding at its file, line and column.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)

if(TARGET kestra_lint_tests)
  add_dependencies(kestra_lint_tests kestra_lint_shell_files)
  target_compile_definitions(kestra_lint_tests PRIVATE
    KESTRA_LINT_BUILD_DIR="${CMAKE_BINARY_DIR}" KESTRA_LINT_CPACK="${CMAKE_CPACK_COMMAND}")
  if(KESTRA_LINT_STATIC)
    add_dependencies(kestra_lint_tests kestra-lint-static)
    target_compile_definitions(kestra_lint_tests PRIVATE
      KESTRA_LINT_STATIC_BINARY="$<TARGET_FILE:kestra-lint-static>")
  endif()
endif()
