# Bakes the files under assets/ into the binary, so `gazette` is one file to deploy.
# The generated source defines gazette::render::EmbeddedAssets() (see src/render/assets.hpp).
set(GAZETTE_ASSET_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed.cmake)

function(gazette_embed_assets out_var asset_dir)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS RELATIVE ${asset_dir} ${asset_dir}/*)
  list(SORT files)
  set(abs_files)
  foreach(f ${files})
    list(APPEND abs_files ${asset_dir}/${f})
  endforeach()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_assets.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DASSET_DIR=${asset_dir} -DOUT=${out} -P ${GAZETTE_ASSET_SCRIPT}
    DEPENDS ${abs_files} ${GAZETTE_ASSET_SCRIPT}
    COMMENT "Embedding assets from ${asset_dir}")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
