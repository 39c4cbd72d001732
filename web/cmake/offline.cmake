# The site offline once loaded (issue 17, docs/offline.md): the install icons beside the page
# shell, and sw.js, a service worker that Workbox's generateSW writes over the built site to
# precache every file of it (web/pwa/build_sw.mjs). Included from web/CMakeLists.txt once
# tractus_web and tractus_shell exist.
set(_pwa_dir ${PROJECT_SOURCE_DIR}/web/pwa)
if(NOT EXISTS ${_pwa_dir}/node_modules/workbox-build/package.json)
  message(FATAL_ERROR "${_pwa_dir}/node_modules/workbox-build is missing: run scripts/bootstrap.sh (workbox-build from npm)")
endif()
find_program(TRACTUS_RSVG_CONVERT rsvg-convert)
if(NOT TRACTUS_RSVG_CONVERT)
  message(FATAL_ERROR "rsvg-convert is missing: run scripts/bootstrap.sh (librsvg2-bin)")
endif()

# the SVG icon (the page's favicon and the manifest's scalable icon) and the two PNG sizes
# install prompts ask for, rendered from it
set(_icon_svg ${CMAKE_CURRENT_SOURCE_DIR}/shell/icon.svg)
add_custom_command(OUTPUT ${TRACTUS_SITE_DIR}/icon.svg
  COMMAND ${CMAKE_COMMAND} -E copy ${_icon_svg} ${TRACTUS_SITE_DIR}/icon.svg
  DEPENDS ${_icon_svg}
  COMMENT "Copying the page shell: icon.svg")
set(_tractus_icons ${TRACTUS_SITE_DIR}/icon.svg)
foreach(_size 192 512)
  add_custom_command(OUTPUT ${TRACTUS_SITE_DIR}/icon-${_size}.png
    COMMAND ${CMAKE_COMMAND} -E make_directory ${TRACTUS_SITE_DIR}
    COMMAND ${TRACTUS_RSVG_CONVERT} -w ${_size} -h ${_size} -o ${TRACTUS_SITE_DIR}/icon-${_size}.png ${_icon_svg}
    DEPENDS ${_icon_svg}
    COMMENT "Rendering icon-${_size}.png from icon.svg")
  list(APPEND _tractus_icons ${TRACTUS_SITE_DIR}/icon-${_size}.png)
endforeach()
# part of the shell, so every build of the page (./tractus serve included) has its icons
add_custom_target(tractus_icons DEPENDS ${_tractus_icons})
add_dependencies(tractus_shell tractus_icons)

# sw.js lists every file with a hash of its contents, so it is written again whenever any of
# them changes; tractus.wasm and tractus.data come out of tractus_web's link with tractus.js, so
# tractus.js stands for them (ninja knows no rule that makes the other two)
add_custom_command(OUTPUT ${TRACTUS_SITE_DIR}/sw.js
  COMMAND node ${_pwa_dir}/build_sw.mjs ${TRACTUS_SITE_DIR}
  DEPENDS ${_pwa_dir}/build_sw.mjs ${_pwa_dir}/node_modules/workbox-build/package.json
          tractus_web $<TARGET_FILE:tractus_web>
          ${_tractus_shell_outputs} ${_tractus_icons}
  COMMENT "Writing the offline service worker sw.js (Workbox)")
add_custom_target(tractus_offline ALL DEPENDS ${TRACTUS_SITE_DIR}/sw.js)
