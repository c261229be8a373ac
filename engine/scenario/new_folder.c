/*
 * The folder a new scenario goes into (scrutin init, scrutin import): created
 * with its parents if missing; one that holds anything is refused unless
 * forced, so that no scenario is overwritten by accident.
 */
#include "new_folder.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* mkdir -p @p dir; on a failure, @p path is cut at the part that failed. @return 0 or errno. */
static int make_folders(const char *dir, char *path, size_t size)
{
    struct stat st;
    if (snprintf(path, size, "%s", dir) >= (int)size)
        return ENAMETOOLONG;
    for (char *p = path + 1;; p++) {
        int end = *p == '\0';
        if (!end && (*p != '/' || p[-1] == '/'))
            continue;
        *p = 0;
        if (mkdir(path, 0777) != 0 &&
            (errno != EEXIST || (stat(path, &st) == 0 && !S_ISDIR(st.st_mode))))
            return errno == EEXIST ? ENOTDIR : errno;
        if (end)
            return 0;
        *p = '/';
    }
}

int new_folder_prepare(const char *dir, int force, scrutin_ctx *ctx)
{
    struct stat st;
    if (!dir || !dir[0])
        return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, NULL, 0, NULL, "the folder's name is empty");
    if (stat(dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, dir, 0, NULL,
                                     "exists and is not a folder: choose a new folder");
        DIR *d = opendir(dir);
        if (!d)
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, dir, 0, NULL,
                                     "the folder cannot be read: %s", strerror(errno));
        int empty = 1;
        for (struct dirent *e; empty && (e = readdir(d));)
            empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
        closedir(d);
        if (!empty && !force)
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, dir, 0, NULL,
                                     "the folder is not empty, and a scenario is never "
                                     "overwritten by accident: choose a new folder, or give "
                                     "--force to write the scenario's files into it "
                                     "(scenario.yaml, districts.csv, lists.csv: files of those "
                                     "names are replaced, nothing else is touched)");
        return SCRUTIN_OK;
    }
    char path[4096];
    int err = make_folders(dir, path, sizeof path);
    if (err == ENOTDIR && strcmp(path, dir) != 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EIO, dir, 0, NULL,
                                 "the folder cannot be created: %s (\"%s\" is a file, not a "
                                 "folder): give --out a path in a folder, or move the file",
                                 strerror(err), path);
    if (err)
        return scrutin_ctx_error(ctx, SCRUTIN_EIO, dir, 0, NULL,
                                 "the folder cannot be created: %s", strerror(err));
    return SCRUTIN_OK;
}

int new_folder_write(const char *dir, const char *name, const char *text, scrutin_ctx *ctx)
{
    char path[4096], tmp[4200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return scrutin_ctx_error(ctx, SCRUTIN_EIO, path, 0, NULL, "cannot be written: %s",
                                 strerror(errno));
    /* The first failure's errno is its cause (a full disk, a file-size limit): said. */
    int err = fputs(text, f) == EOF ? errno : 0;
    if (fclose(f) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err) {
        remove(tmp);
        return scrutin_ctx_error(ctx, SCRUTIN_EIO, path, 0, NULL, "cannot be written: %s",
                                 strerror(err));
    }
    return SCRUTIN_OK;
}
