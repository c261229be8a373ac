/*
 * The link between the library's file writers and the output folder a run
 * holds (scrutin/output.h): the writers name a folder, and what they write
 * there is recorded in the manifest of the run that holds it, if one does.
 */
#ifndef SCRUTIN_REPORT_OUTPUT_SESSION_H
#define SCRUTIN_REPORT_OUTPUT_SESSION_H

#include <jansson.h>

#include "scrutin/error.h"

/*
 * Record the file @p path (just renamed into place) in the manifest of the
 * run holding its folder; nothing if no run holds it.
 * @return 0, SCRUTIN_EIO (the diagnostic names the file), SCRUTIN_ENOMEM
 */
int report_output_record(const char *path, scrutin_ctx *ctx);

/*
 * Write a run's index document @p root (run.json, compare.json, sweep.json)
 * as @p name into @p out_dir: held back until scrutin_output_close() if a
 * run holds the folder (it then gains the manifest), else written at once.
 * Takes a reference of its own to @p root.
 * @return 0, SCRUTIN_EIO, SCRUTIN_EINVAL, SCRUTIN_ENOMEM
 */
int report_index_file(const char *out_dir, const char *name, json_t *root, scrutin_ctx *ctx);

#endif
