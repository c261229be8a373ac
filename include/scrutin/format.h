/**
 * @file scrutin/format.h
 * @brief The formats of what is written on standard output: a terminal
 *        table, CSV, JSON or Markdown. Its own header, so that the modules
 *        that print (replay, compare, sweep) need not include the report's.
 */
#ifndef SCRUTIN_FORMAT_H
#define SCRUTIN_FORMAT_H

#include "scrutin/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats. */
typedef enum scrutin_format {
    SCRUTIN_FORMAT_TABLE, /**< aligned text for a terminal */
    SCRUTIN_FORMAT_CSV,   /**< tidy CSV */
    SCRUTIN_FORMAT_JSON,  /**< JSON, keys sorted */
    SCRUTIN_FORMAT_MD     /**< Markdown tables */
} scrutin_format;

/** Parse "table", "csv", "json" or "md". @return 0 or SCRUTIN_EINVAL. */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_format_parse(scrutin_format *out, const char *text);

#ifdef __cplusplus
}
#endif
#endif
