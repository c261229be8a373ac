/* Creating the output folder and its parents. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "output_files.h"

const char *report_errno_text(int err, char *buf, size_t size)
{
    /* The POSIX strerror_r (this file is compiled without _GNU_SOURCE): strerror is not thread-safe. */
    if (strerror_r(err, buf, size) != 0)
        snprintf(buf, size, "error %d", err);
    return buf;
}

static int is_folder(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* mkdir that accepts an existing folder. @return 0 or the errno value. */
static int make_one(const char *path)
{
    if (mkdir(path, 0777) == 0)
        return 0;
    int err = errno;
    if (err == EEXIST)
        return is_folder(path) ? 0 : ENOTDIR;
    return err;
}

int report_make_folder(const char *dir, scrutin_ctx *ctx)
{
    if (!dir || !dir[0])
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "the output folder's name is empty");
    if (is_folder(dir))
        return SCRUTIN_OK;
    char *path = strdup(dir);
    if (!path)
        return SCRUTIN_ENOMEM;
    int err = 0;
    /* Each parent in turn, from the top: "a/b/c" makes "a", then "a/b", then "a/b/c"; on a
       failure, path is cut where it failed, to say which part of the path is in the way. */
    for (char *p = path + 1; *p && !err; p++) {
        if (*p != '/' || p[-1] == '/')
            continue;
        *p = '\0';
        err = make_one(path);
        if (!err)
            *p = '/';
    }
    if (!err)
        err = make_one(path);
    int status = SCRUTIN_OK;
    if (err) {
        char text[128];
        const char *why = report_errno_text(err, text, sizeof text);
        int part = strcmp(path, dir) != 0;
        if (err == ENOTDIR && part)
            status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, dir, 0, NULL,
                                       "the output folder cannot be created: %s (\"%s\" is a "
                                       "file, not a folder): give --out a path in a folder, or "
                                       "move the file",
                                       why, path);
        else if (err == ENOTDIR)
            status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, dir, 0, NULL,
                                       "the output folder cannot be created: %s (it is a file): "
                                       "give --out the path of a folder",
                                       why);
        else if (part)
            status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, dir, 0, NULL,
                                       "the output folder cannot be created: %s (at \"%s\")",
                                       why, path);
        else
            status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, dir, 0, NULL,
                                       "the output folder cannot be created: %s", why);
    }
    free(path);
    return status;
}
