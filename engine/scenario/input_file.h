/*
 * Opening a file the scenario reads (the scenario file, a base, a table), and
 * saying why it cannot be opened, so that the message names the cause.
 */
#ifndef SCRUTIN_INPUT_FILE_H
#define SCRUTIN_INPUT_FILE_H

#include <stddef.h>
#include <stdio.h>

/*
 * Open @p path for reading. A folder is refused (fopen would open it, and the
 * first read fail with a parser's vague "input error").
 * @param[out] why  on failure, the cause: "it is a folder, not a file", or strerror's
 * @return the open file, NULL on failure
 */
FILE *input_file_open(const char *path, char *why, size_t size);

#endif
