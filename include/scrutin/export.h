/**
 * @file scrutin/export.h
 * @brief Symbol visibility: the library is built with hidden visibility and
 *        exports only what is marked SCRUTIN_API.
 */
#ifndef SCRUTIN_EXPORT_H
#define SCRUTIN_EXPORT_H

#if defined(__GNUC__) && defined(SCRUTIN_BUILDING)
#define SCRUTIN_API __attribute__((visibility("default")))
#else
#define SCRUTIN_API
#endif

/*
 * On a function that returns a status: the compiler warns when a caller
 * ignores it, so that no failure is dropped silently.
 */
#if defined(__GNUC__)
#define SCRUTIN_NODISCARD __attribute__((warn_unused_result))
#else
#define SCRUTIN_NODISCARD
#endif

#endif
