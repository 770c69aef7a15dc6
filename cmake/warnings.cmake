# Warnings as errors for the project's own code.
add_library(hotel_warnings INTERFACE)
target_compile_options(hotel_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Werror
  -Wno-missing-field-initializers)
