/*
 * A what-if's merged document as text, and libcyaml's messages about that
 * text reported where the merge took the offending value from.
 */
#ifndef SCRUTIN_MERGED_TEXT_H
#define SCRUTIN_MERGED_TEXT_H

#include <stddef.h>

#include "scrutin/error.h"
#include "yaml_merge.h"

/* A growing buffer for libyaml's emitter; data is NUL-terminated. Free data when done. */
typedef struct merged_text {
    char *data;
    size_t len, cap;
} merged_text;

/* Emit @p m as YAML text into @p out. @return 0 or SCRUTIN_ENOMEM */
int merged_text_emit(ydoc *m, merged_text *out);

/*
 * Report libcyaml's @p message about line @p line0 (from 0) of the text
 * @p t emitted from @p m: at the file (one of @p paths, indexed by the
 * nodes' files) and line of the value it names, else @p path without a
 * line. @return SCRUTIN_EINPUT
 */
int merged_text_report_error(const merged_text *t, ydoc *m, const char *const *paths,
                             size_t n_paths, const char *path, const char *message,
                             unsigned line0, scrutin_ctx *ctx);

#endif
