/* Reading a file the scenario names once, whole and bounded (input_file.h). */
#include "input_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "scrutin/error.h"

static void describe(int err, input_problem *p)
{
    /* The POSIX strerror_r (no _GNU_SOURCE here): strerror is not thread-safe. */
    if (strerror_r(err, p->why, sizeof p->why) != 0)
        snprintf(p->why, sizeof p->why, "error %d", err);
}

size_t input_line_length(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n')
            return i + 1;
        if (text[i] == '\r')
            return i + 1 < len && text[i + 1] == '\n' ? i + 2 : i + 1;
    }
    return len;
}

/* Line-length watch over the bytes as they arrive, whatever the chunks. */
typedef struct line_watch {
    size_t run;    /* bytes of the current line so far */
    unsigned line; /* its number, 1-based */
    bool after_cr; /* the last byte was a '\r' (a "\r\n" is one line end) */
} line_watch;

/* @return false when a line passes INPUT_MAX_LINE (its number in w->line) */
static bool watch_lines(line_watch *w, const char *bytes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = bytes[i];
        if (c == '\n' && w->after_cr) {
            w->after_cr = false;
            continue;
        }
        w->after_cr = c == '\r';
        if (c == '\n' || c == '\r') {
            w->run = 0;
            w->line++;
        } else if (++w->run > INPUT_MAX_LINE) {
            return false;
        }
    }
    return true;
}

static int read_all(int fd, input_bytes *out, input_problem *p)
{
    size_t cap = 0;
    line_watch w = {0, 1, false};
    for (;;) {
        if (out->len + 65536 + 1 > cap) {
            size_t grown = cap ? 2 * cap : 65536 + 1;
            if (grown > INPUT_MAX_BYTES + 65536 + 1)
                grown = INPUT_MAX_BYTES + 65536 + 1;
            char *data = realloc(out->data, grown);
            if (!data)
                return SCRUTIN_ENOMEM;
            out->data = data;
            cap = grown;
        }
        ssize_t got = read(fd, out->data + out->len, cap - out->len - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            describe(errno, p);
            return SCRUTIN_EIO;
        }
        if (got == 0)
            break;
        if (!watch_lines(&w, out->data + out->len, (size_t)got)) {
            p->line = w.line;
            snprintf(p->why, sizeof p->why,
                     "line %u is longer than %zu bytes, the limit for a line of a scenario's file",
                     w.line, INPUT_MAX_LINE);
            return SCRUTIN_EINPUT;
        }
        out->len += (size_t)got;
        if (out->len > INPUT_MAX_BYTES) {
            snprintf(p->why, sizeof p->why,
                     "it is larger than %zu MiB, the limit for a scenario's file",
                     INPUT_MAX_BYTES >> 20);
            return SCRUTIN_EINPUT;
        }
    }
    out->data[out->len] = '\0';
    return SCRUTIN_OK;
}

int input_file_read(const char *path, input_bytes *out, input_problem *p)
{
    memset(out, 0, sizeof *out);
    memset(p, 0, sizeof *p);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        describe(errno, p);
        return SCRUTIN_ENOENT;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        describe(errno, p);
        close(fd);
        return SCRUTIN_EIO;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(p->why, sizeof p->why, "it is a folder, not a file");
        struct stat inside;
        p->folder = true;
        p->folder_has_scenario = fstatat(fd, "scenario.yaml", &inside, 0) == 0 &&
                                 S_ISREG(inside.st_mode);
        close(fd);
        return SCRUTIN_ENOENT;
    }
    out->has_folder = S_ISREG(st.st_mode) && strncmp(path, "/dev/", 5) != 0 &&
                      strncmp(path, "/proc/", 6) != 0;
    out->dev = st.st_dev;
    out->ino = st.st_ino;
    int status = SCRUTIN_OK;
    if (S_ISREG(st.st_mode) && (size_t)st.st_size > INPUT_MAX_BYTES) {
        snprintf(p->why, sizeof p->why,
                 "it is larger than %zu MiB, the limit for a scenario's file",
                 INPUT_MAX_BYTES >> 20);
        status = SCRUTIN_EINPUT;
    }
    if (status == SCRUTIN_OK)
        status = read_all(fd, out, p);
    close(fd);
    if (status != SCRUTIN_OK) {
        input_bytes_free(out);
        return status;
    }
    XXH128_canonical_t digest;
    XXH128_canonicalFromHash(&digest, XXH3_128bits(out->data, out->len));
    memcpy(out->digest, digest.digest, sizeof out->digest);
    return SCRUTIN_OK;
}

void input_bytes_free(input_bytes *b)
{
    free(b->data);
    b->data = NULL;
    b->len = 0;
}
