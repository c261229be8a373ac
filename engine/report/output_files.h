/*
 * The output folder and the files in it. A file is written under a
 * temporary name in the same folder, then renamed over its final name:
 * rename() within one file system is atomic, so a reader (or a crash) sees
 * either the old file or the complete new one, never half of it.
 */
#ifndef SCRUTIN_REPORT_OUTPUT_FILES_H
#define SCRUTIN_REPORT_OUTPUT_FILES_H

#include <stdio.h>

#include "scrutin/error.h"

/*
 * Create the folder @p dir and its missing parents (like mkdir -p).
 * @return 0, or SCRUTIN_EINVAL with a diagnostic naming @p dir if it cannot
 *         be created or is not a folder; SCRUTIN_ENOMEM
 */
int report_make_folder(const char *dir, scrutin_ctx *ctx);

/*
 * Check that the folder file @p path is to be written in exists (output_parent.c), @p option
 * ("--draws") being how the user gave the path. @return 0, or SCRUTIN_EINVAL with a diagnostic
 * naming the folder missing (and the first part of it that is, with how to create it) or the
 * part of the path that is a file; SCRUTIN_ENOMEM
 */
int report_check_folder_of(const char *path, const char *option, scrutin_ctx *ctx);

/* "DIR/NAME", malloc'd (the caller frees it); NULL out of memory. */
char *report_path_join(const char *dir, const char *name);

/* A file being written: its stream, its final path and its temporary one. */
typedef struct atomic_file {
    FILE *f;
    char *path;
    char *tmp;
} atomic_file;

/*
 * Open a temporary file ".NAME.PID.tmp" in @p dir, to become @p dir/@p name.
 * @return 0, or SCRUTIN_EINVAL with a diagnostic naming @p dir if the folder
 *         cannot be written; SCRUTIN_ENOMEM
 */
int atomic_file_open(atomic_file *af, const char *dir, const char *name, scrutin_ctx *ctx);

/*
 * Flush and sync the temporary file, close it and rename it over the final
 * name. On failure the temporary file is removed and the final name is left
 * as it was.
 * @return 0 or SCRUTIN_EIO with a diagnostic naming the file
 */
int atomic_file_commit(atomic_file *af, scrutin_ctx *ctx);

/* Close and remove the temporary file, leaving the final name as it was. */
void atomic_file_abort(atomic_file *af);

/*
 * A writer into @p af failed with @p status: abort the file and say so, naming @p name in
 * @p dir, with the cause @p err (errno right after the writer, set to 0 before it) if the
 * status is SCRUTIN_EIO. @return @p status
 */
int atomic_file_fail(atomic_file *af, int status, int err, const char *dir, const char *name,
                     scrutin_ctx *ctx);

/* The text of errno value @p err, thread-safely, into @p buf. */
const char *report_errno_text(int err, char *buf, size_t size);

#endif
