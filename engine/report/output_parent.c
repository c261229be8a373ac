/*
 * The folder a file is to be written in (run --draws FILE): it must exist, since only the
 * output folder (--out) is created; else the message says which folder is missing, or which
 * part of the path is a file, and how to fix it, before any simulation.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "output_files.h"

/* @p text shell-quoted if it needs it ('a b' -> "'a b'"), for a command to copy. */
static char *shell_word(const char *text)
{
    if (text[0] && strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                "0123456789_./+-=,:@%") == strlen(text))
        return strdup(text);
    size_t n = 2;
    for (const char *c = text; *c; c++)
        n += *c == '\'' ? 4 : 1;
    char *out = malloc(n + 1), *at = out;
    if (!out)
        return NULL;
    *at++ = '\'';
    for (const char *c = text; *c; c++) {
        if (*c == '\'') {
            memcpy(at, "'\\''", 4);
            at += 4;
        } else {
            *at++ = *c;
        }
    }
    *at++ = '\'';
    *at = '\0';
    return out;
}

int report_check_folder_of(const char *path, const char *option, scrutin_ctx *ctx)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return SCRUTIN_OK; /* the current folder, or / */
    char *dir = strndup(path, (size_t)(slash - path));
    if (!dir)
        return SCRUTIN_ENOMEM;
    struct stat st;
    int status = SCRUTIN_OK;
    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
        free(dir);
        return SCRUTIN_OK;
    }
    /* The first part of the path, from the top, that is missing or not a folder. */
    int err = 0;
    for (char *p = dir + 1;; p++) {
        int end = *p == '\0';
        if (!end && (*p != '/' || p[-1] == '/'))
            continue;
        *p = '\0';
        err = stat(dir, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
        if (err || end)
            break;
        *p = '/';
    }
    char *missing = strndup(path, (size_t)(slash - path));
    char *quoted = missing ? shell_word(missing) : NULL;
    if (!missing || !quoted)
        status = SCRUTIN_ENOMEM;
    else if (err == ENOENT && strcmp(dir, missing) != 0)
        status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, path, 0, NULL,
                                   "the folder \"%s\" of %s does not exist (from \"%s\" on): "
                                   "create it first (mkdir -p %s), or give %s a path in a "
                                   "folder that exists",
                                   missing, option, dir, quoted, option);
    else if (err == ENOENT)
        status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, path, 0, NULL,
                                   "the folder \"%s\" of %s does not exist: create it first "
                                   "(mkdir -p %s), or give %s a path in a folder that exists",
                                   missing, option, quoted, option);
    else if (err == ENOTDIR)
        status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, path, 0, NULL,
                                   "\"%s\" is a file, not a folder, so nothing can be written "
                                   "under it: give %s a path in a folder",
                                   dir, option);
    else {
        char text[128];
        status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, path, 0, NULL,
                                   "the folder \"%s\" of %s cannot be reached: %s", dir, option,
                                   report_errno_text(err ? err : EIO, text, sizeof text));
    }
    free(quoted);
    free(missing);
    free(dir);
    return status;
}
