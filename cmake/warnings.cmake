# Warnings as errors for the project's own code.
add_library(hotel_warnings INTERFACE)
target_compile_options(hotel_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror
  -Wno-missing-field-initializers)
# GCC 12 at -O2 reports a false -Wmismatched-new-delete on Asio's awaitable coroutine frames
# (GCC bug 109224): Asio's frame operator new/delete are a matched pair.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(hotel_warnings INTERFACE -Wno-mismatched-new-delete)
endif()
