/*
 * A CSV file read whole with libcsv into rows of strings, with the line each
 * row starts on, and its header mapped to the columns the caller knows.
 */
#ifndef SCRUTIN_CSV_TABLE_H
#define SCRUTIN_CSV_TABLE_H

#include <stddef.h>

#include "scrutin/error.h"

typedef struct csv_table {
    const char *path;
    size_t n_columns;    /* columns the caller asked for */
    int *column_of;      /* caller's column i -> index in the file, -1 if absent */
    size_t n_rows;       /* data rows, header excluded */
    size_t n_file_cols;  /* columns in the file's header */
    char **cells;        /* n_rows * n_file_cols, row-major; "" where a row is short */
    unsigned *line;      /* line of each data row */
    unsigned char digest[16]; /* XXH3-128 of the file's bytes as read (the content hash) */
} csv_table;

/* Where a table is named: the key of the scenario file that gives its path. */
typedef struct csv_origin {
    const char *file;    /* the YAML file that names the table */
    unsigned line;       /* the line of its key */
    const char *key;     /* "districts" or "lists" */
    const char *written; /* the path as written there */
} csv_origin;

/*
 * Read @p path, named by @p origin. @p columns lists the known column names (NULL-terminated);
 * a header column not among them is reported as an error, and so is a
 * required one (@p required[i] non-zero) that is missing. A table that cannot be opened is
 * reported once, at @p origin, with the cause (SCRUTIN_ENOENT; SCRUTIN_EIO for a read error,
 * SCRUTIN_EINPUT past a limit of input_file.h). The file is read once (a pipe works). A UTF-8
 * byte-order mark at the start of the file (spreadsheets' "CSV UTF-8") is skipped; a cell with
 * a NUL byte is refused at its line and column.
 */
int csv_table_read(csv_table *t, const char *path, const csv_origin *origin,
                   const char *const *columns, const int *required, scrutin_ctx *ctx);
void csv_table_free(csv_table *t);
/* Cell of data row @p row in the caller's column @p col; "" if absent. */
const char *csv_table_cell(const csv_table *t, size_t row, size_t col);

#endif
