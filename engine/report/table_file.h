/*
 * A table or a JSON document written whole into an output folder: under a
 * temporary name, then renamed (output_files.h). Shared by the writers of
 * scrutin compare and scrutin sweep.
 */
#ifndef SCRUTIN_REPORT_TABLE_FILE_H
#define SCRUTIN_REPORT_TABLE_FILE_H

#include "run_tables.h"

struct json_t;

/* @p table as CSV into @p out_dir/@p name. @return 0, SCRUTIN_EIO, SCRUTIN_EINVAL or SCRUTIN_ENOMEM */
int report_table_file(const char *out_dir, const char *name, const run_table *table,
                      const run_data *data, scrutin_ctx *ctx);

/* @p root (keys sorted, indented by two, reals to 17 digits) into @p out_dir/@p name. */
int report_json_file(const char *out_dir, const char *name, struct json_t *root,
                     scrutin_ctx *ctx);

/* @p root on @p f, as report_json_file() writes it. @return 0 or SCRUTIN_EIO */
int report_json_stream(FILE *f, struct json_t *root);

#endif
