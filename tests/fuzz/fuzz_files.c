/* The fuzz targets' private folder: one per process, under TMPDIR, removed at exit. */
#include "fuzz_files.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char folder[256];

static void remove_folder(void)
{
    DIR *d = opendir(folder);
    if (d) {
        struct dirent *e;
        char path[512];
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(folder);
}

const char *fuzz_path(const char *name, char *buf, size_t size)
{
    if (!folder[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(folder, sizeof folder, "%s/scrutin-fuzz-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
        if (!mkdtemp(folder)) {
            folder[0] = 0;
            return NULL;
        }
        atexit(remove_folder);
    }
    snprintf(buf, size, "%s/%s", folder, name);
    return buf;
}

int fuzz_write(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(data, 1, size, f) == size;
    return fclose(f) == 0 && ok ? 0 : -1;
}
