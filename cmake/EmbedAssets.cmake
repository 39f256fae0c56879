# Bakes the files under assets/ into the binary, so `gazette` is one file to deploy.
# The generated source defines `namespace_::function()`, declared in `header`, returning a
# std::map from the path under asset_dir to the bytes.
set(GAZETTE_ASSET_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed.cmake)

function(gazette_embed_assets out_var asset_dir namespace_ function header)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS RELATIVE ${asset_dir} ${asset_dir}/*)
  list(SORT files)
  set(abs_files)
  foreach(f ${files})
    list(APPEND abs_files ${asset_dir}/${f})
  endforeach()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${function}.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DASSET_DIR=${asset_dir} -DOUT=${out}
            -DNAMESPACE=${namespace_} -DFUNCTION=${function} -DHEADER=${header} -P ${GAZETTE_ASSET_SCRIPT}
    DEPENDS ${abs_files} ${GAZETTE_ASSET_SCRIPT}
    COMMENT "Embedding assets from ${asset_dir}")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
