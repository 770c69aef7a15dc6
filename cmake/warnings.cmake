# Warnings as errors for the project's own code.
add_library(hotel_warnings INTERFACE)
target_compile_options(hotel_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror
  -Wno-missing-field-initializers
  # GCC 12 at -O2 takes a coroutine frame's class-specific operator delete (Asio's awaitable
  # frames) for a mismatch with the frame's allocation (GCC bug 109224); debug builds keep it.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<CONFIG:Release,RelWithDebInfo>>:-Wno-mismatched-new-delete>)
