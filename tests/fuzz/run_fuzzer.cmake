# Runs one libFuzzer target for SECONDS from its seed folders (SEEDS), with the JSON and
# Tractus names of tractus.dict for mutations, and fails on any finding.
# New inputs go to WORK/corpus/NAME (kept between runs, so a longer run builds on a shorter
# one); a crashing input goes to WORK/artifacts/. The last lines of libFuzzer's log, with its
# execution count, are printed either way.
file(MAKE_DIRECTORY ${WORK}/corpus/${NAME} ${WORK}/artifacts)
set(_seed_dirs "")
foreach(_d IN LISTS SEEDS)
  if(_d AND IS_DIRECTORY ${_d})
    list(APPEND _seed_dirs ${_d})
  endif()
endforeach()
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -max_len=65536 -timeout=30 -rss_limit_mb=2560
          -print_final_stats=1 -dict=${CMAKE_CURRENT_LIST_DIR}/tractus.dict
          -artifact_prefix=${WORK}/artifacts/${NAME}-
          ${WORK}/corpus/${NAME} ${_seed_dirs}
  RESULT_VARIABLE _rc
  OUTPUT_VARIABLE _out
  ERROR_VARIABLE _out)
string(REGEX MATCH "Done [0-9]+ runs in [0-9]+ second" _done "${_out}")
string(REGEX MATCH "stat::number_of_executed_units: *[0-9]+" _units "${_out}")
string(REGEX REPLACE ".*: *" "" _units "${_units}")
message("fuzz ${NAME}: ${_units} executions in ${SECONDS} s (${_done})")
if(NOT _rc EQUAL 0)
  message("${_out}")
  message(FATAL_ERROR "fuzz ${NAME}: libFuzzer exited with ${_rc}; the input is in ${WORK}/artifacts/")
endif()
