/**
 * @file scrutin/report.h
 * @brief Writing results for people and programs: tables, CSV, JSON.
 */
#ifndef SCRUTIN_REPORT_H
#define SCRUTIN_REPORT_H

#include <stdio.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/model.h"
#include "scrutin/replay.h"

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
SCRUTIN_API int scrutin_format_parse(scrutin_format *out, const char *text);

/**
 * Write a replay's seat tables to @p f. The CSV has the columns
 * `stage,group_kind,group,seats` (stage round1, provisional or final).
 * @return 0 or SCRUTIN_EIO
 */
SCRUTIN_API int scrutin_report_replay(FILE *f, const scrutin_model *model,
                                      const scrutin_replay *replay, scrutin_format format,
                                      scrutin_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
