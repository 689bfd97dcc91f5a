# unres_embed(OUTPUT out.cpp FILES a b ...): generates a C++ source defining
# unres::embedded_files(), so the default rules and the schema ship inside the binary.
function(unres_embed)
  cmake_parse_arguments(ARG "" "OUTPUT" "FILES" ${ARGN})
  # A list would be split into separate arguments on the command line: pass it joined by commas.
  string(REPLACE ";" "," files "${ARG_FILES}")
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${ARG_OUTPUT} "-DFILES=${files}" -DBASE=${PROJECT_SOURCE_DIR}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${ARG_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding rules and schema"
    VERBATIM)
endfunction()
