/* Writing a file under a temporary name, then renaming it over the final one. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output_files.h"
#include "output_session.h"

char *report_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s/%s", dir, name);
    return out;
}

static void release(atomic_file *af)
{
    free(af->path);
    free(af->tmp);
    af->path = af->tmp = NULL;
    af->f = NULL;
}

int atomic_file_open(atomic_file *af, const char *dir, const char *name, scrutin_ctx *ctx)
{
    af->f = NULL;
    af->tmp = NULL;
    af->path = report_path_join(dir, name);
    if (!af->path)
        return SCRUTIN_ENOMEM;
    /*
     * A hidden name that *.csv does not match, unique to this process. O_EXCL
     * never reuses a file another run left behind; mode 0666 lets the umask
     * decide, as for any file the user creates (mkstemp would force 0600).
     */
    int fd = -1, err = 0;
    for (unsigned attempt = 0; attempt < 100 && fd < 0; attempt++) {
        char tmp_name[256];
        snprintf(tmp_name, sizeof tmp_name, ".%s.%ld.%u.tmp", name, (long)getpid(), attempt);
        free(af->tmp);
        af->tmp = report_path_join(dir, tmp_name);
        if (!af->tmp) {
            release(af);
            return SCRUTIN_ENOMEM;
        }
        fd = open(af->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        err = fd < 0 ? errno : 0;
        if (err != EEXIST)
            break;
    }
    if (fd >= 0 && !(af->f = fdopen(fd, "w"))) {
        err = errno;
        close(fd);
        unlink(af->tmp);
    }
    if (!af->f) {
        char text[128];
        release(af);
        if (err == ENOMEM)
            return SCRUTIN_ENOMEM;
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, dir, 0, NULL,
                                 "the output folder cannot be written: %s",
                                 report_errno_text(err, text, sizeof text));
    }
    return SCRUTIN_OK;
}

int atomic_file_commit(atomic_file *af, scrutin_ctx *ctx)
{
    int err = 0;
    /* Everything on disk before the rename, so that the new name never points at missing data. */
    /* A write that failed unnoticed: flushing again says why (EFBIG, ENOSPC), else EIO. */
    if (ferror(af->f))
        err = fflush(af->f) != 0 && errno ? errno : EIO;
    if (fflush(af->f) != 0 && !err)
        err = errno;
    if (fsync(fileno(af->f)) != 0 && !err && errno != EINVAL)
        err = errno; /* EINVAL: a file system without sync (a pipe, some FUSE); nothing to do */
    if (fclose(af->f) != 0 && !err)
        err = errno;
    af->f = NULL;
    if (!err && rename(af->tmp, af->path) != 0)
        err = errno;
    if (!err) {
        /* In the manifest of the run that holds the folder, if one does. */
        int status = report_output_record(af->path, ctx);
        release(af);
        return status;
    }
    unlink(af->tmp);
    char text[128];
    int status = scrutin_ctx_error(ctx, SCRUTIN_EIO, af->path, 0, NULL, "cannot be written: %s",
                                   report_errno_text(err, text, sizeof text));
    release(af);
    return status;
}

void atomic_file_abort(atomic_file *af)
{
    if (af->f)
        fclose(af->f);
    if (af->tmp)
        unlink(af->tmp);
    release(af);
}

int atomic_file_fail(atomic_file *af, int status, int err, const char *dir, const char *name,
                     scrutin_ctx *ctx)
{
    atomic_file_abort(af);
    char text[128];
    /* With the write's own cause ("File too large", "No space left on device"), not the
       status's "input/output error". */
    const char *why = status == SCRUTIN_EIO && err ? report_errno_text(err, text, sizeof text)
                                                   : scrutin_strerror(status);
    return scrutin_ctx_error(ctx, status, dir, 0, NULL, "%s cannot be written: %s", name, why);
}
