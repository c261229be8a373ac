/* Opening a file the scenario reads, and saying why it cannot be opened. */
#include "input_file.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static void describe(int err, char *why, size_t size)
{
    /* The POSIX strerror_r (no _GNU_SOURCE here): strerror is not thread-safe. */
    if (strerror_r(err, why, size) != 0)
        snprintf(why, size, "error %d", err);
}

FILE *input_file_open(const char *path, char *why, size_t size)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        describe(errno, why, size);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(why, size, "it is a folder, not a file");
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f)
        describe(errno, why, size);
    return f;
}
