# What `cmake --install` puts besides the library, its headers and the command (installed
# by engine/): the man page, a pkg-config file and a CMake package, so that a C program finds
# scrutin either way:
#   cc prog.c $(pkg-config --cflags --libs scrutin)
#   find_package(scrutin) ... target_link_libraries(prog PRIVATE scrutin::scrutin)
# scripts/ci-install.sh checks both against an installation in a temporary prefix.
include(CMakePackageConfigHelpers)

# ---- The man page: docs/scrutin.1.md is the source; docs/scrutin.1 is committed, so that a
# build without pandoc installs it too. With pandoc, the build makes it afresh (target `man`),
# `cmake --build BUILD --target update-man` copies it over docs/scrutin.1, and the test
# cli_test_man_page fails if the committed page is not what pandoc makes of the source.
find_program(PANDOC_EXECUTABLE pandoc)
set(SCRUTIN_MAN_PAGE ${PROJECT_SOURCE_DIR}/docs/scrutin.1)
if(PANDOC_EXECUTABLE)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/scrutin.1
    COMMAND ${PANDOC_EXECUTABLE} --standalone --to man ${PROJECT_SOURCE_DIR}/docs/scrutin.1.md
            --output ${PROJECT_BINARY_DIR}/scrutin.1
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/scrutin.1.md
    COMMENT "Writing the man page scrutin.1 from docs/scrutin.1.md")
  add_custom_target(man ALL DEPENDS ${PROJECT_BINARY_DIR}/scrutin.1)
  add_custom_target(update-man
    COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_BINARY_DIR}/scrutin.1 ${PROJECT_SOURCE_DIR}/docs/scrutin.1
    DEPENDS ${PROJECT_BINARY_DIR}/scrutin.1
    COMMENT "Copying the man page over docs/scrutin.1")
  set(SCRUTIN_MAN_PAGE ${PROJECT_BINARY_DIR}/scrutin.1)
endif()
install(FILES ${SCRUTIN_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# ---- pkg-config: paths relative to the .pc file's folder (${pcfiledir}), so that the
# prefix given to `cmake --install --prefix` need not be known when configuring.
set(SCRUTIN_PKGCONFIG_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(SCRUTIN_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(SCRUTIN_PKGCONFIG_DIR ${CMAKE_INSTALL_PREFIX}/lib/pkgconfig)
  set(SCRUTIN_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
  set(SCRUTIN_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
  file(RELATIVE_PATH pc_up "/prefix/${SCRUTIN_PKGCONFIG_DIR}" "/prefix")
  string(REGEX REPLACE "/$" "" pc_up "${pc_up}")
  set(SCRUTIN_PC_PREFIX "\${pcfiledir}/${pc_up}")
  set(SCRUTIN_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(SCRUTIN_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
set(SCRUTIN_PC_OPENMP "")
if(SCRUTIN_WITH_OPENMP)
  set(SCRUTIN_PC_OPENMP "${OpenMP_C_FLAGS}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/scrutin.pc.in ${PROJECT_BINARY_DIR}/scrutin.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/scrutin.pc DESTINATION ${SCRUTIN_PKGCONFIG_DIR})

# ---- The CMake package: scrutinConfig.cmake, its version file, and the exported target.
set(SCRUTIN_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/scrutin)
install(EXPORT scrutinTargets NAMESPACE scrutin:: DESTINATION ${SCRUTIN_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/scrutinConfig.cmake.in
  ${PROJECT_BINARY_DIR}/scrutinConfig.cmake INSTALL_DESTINATION ${SCRUTIN_CMAKE_DIR})
# 0.x: a minor version may change the interface, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/scrutinConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/scrutinConfig.cmake ${PROJECT_BINARY_DIR}/scrutinConfigVersion.cmake
  DESTINATION ${SCRUTIN_CMAKE_DIR})
