# Compiles a file's bytes into a target: hotel_embed(<target> <namespace> <name> <file>) defines
#   extern const std::string_view <namespace>::<name>;
# in a generated source, regenerated whenever the file changes. Declare it in a header yourself.
set(HOTEL_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_file.cmake)

function(hotel_embed target namespace name file)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded/${name}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${file} -DOUTPUT=${output} -DNAMESPACE=${namespace}
            -DNAME=${name} -P ${HOTEL_EMBED_SCRIPT}
    DEPENDS ${file} ${HOTEL_EMBED_SCRIPT}
    COMMENT "Embedding ${file}"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
endfunction()
