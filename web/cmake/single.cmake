# (issue 17) The single-file page: the built site folded into one HTML file that runs from
# file:// with no server (docs/single-file.md). web/tools/single_html.mjs inlines the shell's
# scripts and carries tractus.wasm and tractus.data as base64, so the page runs the very
# tractus.wasm the browser tests exercise. `./tractus package single` copies it to build/.
set(_single_html ${TRACTUS_PACKAGE_DIR}/tractus-single.html)
set(_single_tool ${CMAKE_CURRENT_SOURCE_DIR}/tools/single_html.mjs)
# it depends on every site file index.html names (scripts, icon, manifest), read from the
# shell's index.html so that a script added there is inlined and waited for; each is written
# by a copy rule of this directory. tractus.wasm and tractus.data come from the same link as
# tractus.js, so depending on the tractus_web target (its tractus.js) covers them.
set(_single_index ${CMAKE_CURRENT_SOURCE_DIR}/shell/index.html)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_single_index})
file(READ ${_single_index} _single_page)
string(REGEX MATCHALL "(src|href)=\"[^\":]+\"" _single_refs "${_single_page}")
set(_single_inputs ${TRACTUS_SITE_DIR}/index.html)
foreach(_ref IN LISTS _single_refs)
  string(REGEX REPLACE "^(src|href)=\"([^\"]+)\"$" "\\2" _file "${_ref}")
  list(APPEND _single_inputs ${TRACTUS_SITE_DIR}/${_file})
endforeach()
list(REMOVE_DUPLICATES _single_inputs)
add_custom_command(OUTPUT ${_single_html}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${TRACTUS_PACKAGE_DIR}
  COMMAND node ${_single_tool} ${TRACTUS_SITE_DIR} ${_single_html}
  DEPENDS ${_single_tool} ${_single_inputs} tractus_web
  COMMENT "Writing the single-file page (tractus-single.html)")
add_custom_target(tractus_single ALL DEPENDS ${_single_html})
add_dependencies(tractus_single tractus_shell)
