# INTERFACE targets linked PRIVATE by every first-party target.
add_library(unres_warnings INTERFACE)
target_compile_options(unres_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
if(UNRES_WERROR)
  target_compile_options(unres_warnings INTERFACE -Werror)
endif()

add_library(unres_sanitizers INTERFACE)
if(UNRES_SANITIZE)
  target_compile_options(unres_sanitizers INTERFACE -fsanitize=${UNRES_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(unres_sanitizers INTERFACE -fsanitize=${UNRES_SANITIZE})
endif()
