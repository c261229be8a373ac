/*
 * Reading a file the scenario names (the scenario file, a base, a table) once, whole, into
 * memory: its bytes then serve the parsers, the line lookups of messages and the content hash,
 * so that a pipe, /dev/stdin, a FIFO or a process substitution works like a file (it can be
 * read only once). Reads are bounded (docs/scenario.md, "Limits"): a file larger than
 * INPUT_MAX_BYTES, or with a line longer than INPUT_MAX_LINE, is refused as soon as the reader
 * gets there, so that /dev/zero as a table costs a megabyte and a moment, not the machine.
 */
#ifndef SCRUTIN_INPUT_FILE_H
#define SCRUTIN_INPUT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The limits on one input file (documented in docs/scenario.md and docs/testing.md). */
#define INPUT_MAX_BYTES ((size_t)64 << 20) /* 64 MiB: a hundred times the largest scenario's */
#define INPUT_MAX_LINE ((size_t)1 << 20)   /* 1 MiB in one line */

typedef struct input_bytes {
    char *data;   /* the file's bytes, with a NUL after them (not counted in len) */
    size_t len;
    /*
     * The file has a folder of its own, from which the relative paths it names are read: a
     * regular file, not named under /dev or /proc (standard input, even redirected from a
     * file, or a process substitution, /dev/fd/63, have none, nor has a pipe, FIFO or device:
     * their relative paths are read from the current folder).
     */
    bool has_folder;
    dev_t dev;    /* its identity, to find cycles of bases whatever path names them */
    ino_t ino;
    unsigned char digest[16]; /* XXH3-128 of the bytes, canonical (big-endian) */
} input_bytes;

/* Why a file could not be read. */
typedef struct input_problem {
    char why[160];  /* "No such file or directory", "it is a folder, not a file", ... */
    unsigned line;  /* for a line too long: its number (1-based); else 0 */
    /* A folder was given: whether it holds a scenario.yaml, the file meant, most likely (the
       caller says so, with the path, which `why` could not hold whole). */
    bool folder, folder_has_scenario;
} input_problem;

/*
 * Read @p path whole into @p out (zeroed first; free with input_bytes_free).
 * @return SCRUTIN_OK; SCRUTIN_ENOENT if it cannot be opened (or is a folder);
 *         SCRUTIN_EIO if a read fails (the cause in @p p, never "the file is empty");
 *         SCRUTIN_EINPUT if it passes a limit; SCRUTIN_ENOMEM
 */
int input_file_read(const char *path, input_bytes *out, input_problem *p);
void input_bytes_free(input_bytes *b);

/*
 * The length of the line that starts at @p text (of @p len bytes), its end included: a line
 * ends with "\n", "\r\n" or a lone "\r" (old Mac files, some exports), or at the end of text.
 */
size_t input_line_length(const char *text, size_t len);

#endif
