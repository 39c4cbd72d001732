# Compiles every firmware source for the table's microcontroller (Cortex-M4F) with Debian's
# arm-none-eabi toolchain, objects only, warnings as errors. Run by ctest as
#   cmake -DSOURCE_DIR=<repo> -DOUT_DIR=<dir> -P firmware_compile.cmake
# It fails on the first source that does not compile, so firmware-only habits (no exceptions,
# no RTTI, nothing outside the C++ standard library) are checked on the real target compiler.
find_program(ARM_CXX arm-none-eabi-g++)
if(NOT ARM_CXX)
  message(FATAL_ERROR "arm-none-eabi-g++ not found: install gcc-arm-none-eabi and libstdc++-arm-none-eabi-newlib")
endif()

file(GLOB _sources ${SOURCE_DIR}/controller/src/*.cpp)
list(SORT _sources)
if(NOT _sources)
  message(FATAL_ERROR "no firmware sources under ${SOURCE_DIR}/controller/src")
endif()
file(MAKE_DIRECTORY ${OUT_DIR})

set(_flags -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16
           -fno-exceptions -fno-rtti -std=c++17 -Os -ffp-contract=off
           -Wall -Wextra -Werror --specs=nano.specs
           -I${SOURCE_DIR}/controller/include -I${SOURCE_DIR}/hal/include)

set(_count 0)
foreach(_src IN LISTS _sources)
  get_filename_component(_name ${_src} NAME_WE)
  execute_process(
    COMMAND ${ARM_CXX} ${_flags} -c ${_src} -o ${OUT_DIR}/${_name}.o
    RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "Cortex-M4 compile failed for ${_src}:\n${_out}${_err}")
  endif()
  math(EXPR _count "${_count} + 1")
endforeach()
message(STATUS "Cortex-M4 compile: ${_count} firmware sources built as objects")
