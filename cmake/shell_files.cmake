# cmake -DPROGRAM=kestra-lint -DOUTPUT_DIR=dir -P shell_files.cmake
# Writes what the package installs beside the binary, each printed by the
# binary from its own command-line definitions: the man page (plain and
# gzip -9n, as Debian installs it) and the bash, zsh and fish completions.
function(run_to_file output)
  execute_process(COMMAND ${PROGRAM} ${ARGN} OUTPUT_FILE ${output} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} ${ARGN} failed: ${status}")
  endif()
endfunction()

file(MAKE_DIRECTORY ${OUTPUT_DIR})
run_to_file(${OUTPUT_DIR}/kestra-lint.1 man-page)
execute_process(COMMAND gzip -9nc ${OUTPUT_DIR}/kestra-lint.1
                OUTPUT_FILE ${OUTPUT_DIR}/kestra-lint.1.gz RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gzip failed: ${status}")
endif()
run_to_file(${OUTPUT_DIR}/kestra-lint.bash completion bash)
run_to_file(${OUTPUT_DIR}/_kestra-lint completion zsh)
run_to_file(${OUTPUT_DIR}/kestra-lint.fish completion fish)
