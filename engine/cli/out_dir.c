/* The output folder of run, compare and sweep: its default name, and a check before simulating. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out_dir.h"

char *cli_default_out_dir(const scrutin_model *model, const char *suffix)
{
    const char *name = scrutin_model_name(model);
    size_t size = strlen("results/") + strlen(name) + strlen(suffix) + 1;
    char *out = malloc(size);
    if (out)
        snprintf(out, size, "results/%s%s", name, suffix);
    return out;
}

/*
 * Refuse, before simulating, an output folder that cannot be written: try a
 * file (created and removed at once) in the folder or, if it does not exist
 * yet, in its nearest existing parent, where it would be created. Only a
 * real attempt tells: root passes access() checks that the file system then
 * refuses (read-only mounts, /proc). @return 0, or the errno value.
 */
static int probe_out_dir(const char *out)
{
    char *path = strdup(out);
    if (!path)
        return ENOMEM;
    struct stat st;
    int err = 0;
    while (stat(path, &st) != 0) {
        err = errno;
        if (err != ENOENT || strcmp(path, ".") == 0 || strcmp(path, "/") == 0)
            break;
        /* "a/b/c/" -> "a/b"; "c" -> "."; "/c" -> "/". */
        size_t n = strlen(path);
        while (n > 1 && path[n - 1] == '/')
            path[--n] = '\0';
        char *slash = strrchr(path, '/');
        if (!slash)
            strcpy(path, ".");
        else
            slash[slash == path] = '\0';
        err = 0;
    }
    if (!err && !S_ISDIR(st.st_mode))
        err = ENOTDIR;
    if (!err) {
        size_t size = strlen(path) + 64;
        char *probe = malloc(size);
        if (!probe) {
            free(path);
            return ENOMEM;
        }
        snprintf(probe, size, "%s/.scrutin-probe.%ld.tmp", path, (long)getpid());
        int fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            err = errno == EEXIST ? 0 : errno;
        } else {
            close(fd);
            unlink(probe);
        }
        free(probe);
    }
    free(path);
    return err;
}

int cli_check_out_dir(const char *out, scrutin_ctx *ctx)
{
    int err = probe_out_dir(out);
    if (err == ENOMEM)
        return SCRUTIN_ENOMEM;
    if (!err)
        return SCRUTIN_OK;
    struct stat st;
    return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, out, 0, NULL,
                             "the output folder cannot be %s: %s",
                             stat(out, &st) == 0 ? "written" : "created", strerror(err));
}

