/* Reading a whole CSV table with libcsv, keeping the line of every row. */
#include "csv_table.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input_file.h"
#include "scrutin/text.h"

typedef struct reader {
    char **fields;       /* fields of the row being read */
    size_t n_fields, cap_fields;
    char ***rows;        /* every row so far, header first */
    size_t *row_len;
    unsigned *row_line;
    size_t n_rows, cap_rows;
    unsigned line;       /* physical line being fed to the parser */
    unsigned row_start;  /* line on which the current row started */
    int oom;
    int nul;             /* a cell held a NUL byte (reported) */
    const char *path;
    scrutin_ctx *ctx;
} reader;

/*
 * A NUL byte in a cell: C strings would end there ("12\0" read as 12), so it is refused, at
 * its line and column (by its header's name once the header is read).
 */
static void refuse_nul(reader *r, size_t len)
{
    r->nul = 1;
    const char *name = r->n_rows > 0 && r->n_fields < r->row_len[0] ? r->rows[0][r->n_fields] : NULL;
    scrutin_ctx_error(r->ctx, SCRUTIN_EINPUT, r->path, r->line, name,
                      "column %zu holds a NUL byte (in a cell of %zu bytes): a table is text; "
                      "save it again as CSV (UTF-8)",
                      r->n_fields + 1, len);
}

static void on_field(void *data, size_t len, void *priv)
{
    reader *r = priv;
    if (r->oom)
        return;
    if (r->n_fields == 0)
        r->row_start = r->line;
    if (len && memchr(data, '\0', len))
        refuse_nul(r, len);
    if (r->n_fields == r->cap_fields) {
        size_t cap = r->cap_fields ? 2 * r->cap_fields : 16;
        char **f = realloc(r->fields, cap * sizeof *f);
        if (!f) {
            r->oom = 1;
            return;
        }
        r->fields = f;
        r->cap_fields = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        r->oom = 1;
        return;
    }
    if (len)
        memcpy(copy, data, len);
    copy[len] = 0;
    r->fields[r->n_fields++] = copy;
}

static void on_row(int term, void *priv)
{
    (void)term;
    reader *r = priv;
    if (r->oom)
        return;
    if (r->n_rows == r->cap_rows) {
        size_t cap = r->cap_rows ? 2 * r->cap_rows : 64;
        char ***rows = realloc(r->rows, cap * sizeof *rows);
        size_t *len = realloc(r->row_len, cap * sizeof *len);
        unsigned *lines = realloc(r->row_line, cap * sizeof *lines);
        if (rows)
            r->rows = rows;
        if (len)
            r->row_len = len;
        if (lines)
            r->row_line = lines;
        if (!rows || !len || !lines) {
            r->oom = 1;
            return;
        }
        r->cap_rows = cap;
    }
    char **row = malloc((r->n_fields ? r->n_fields : 1) * sizeof *row);
    if (!row) {
        r->oom = 1;
        return;
    }
    memcpy(row, r->fields, r->n_fields * sizeof *row);
    r->rows[r->n_rows] = row;
    r->row_len[r->n_rows] = r->n_fields;
    r->row_line[r->n_rows] = r->n_fields ? r->row_start : r->line;
    r->n_rows++;
    r->n_fields = 0;
}

static void reader_free(reader *r)
{
    for (size_t i = 0; i < r->n_fields; i++)
        free(r->fields[i]);
    free(r->fields);
    for (size_t i = 0; i < r->n_rows; i++) {
        for (size_t j = 0; j < r->row_len[i]; j++)
            free(r->rows[i][j]);
        free(r->rows[i]);
    }
    free(r->rows);
    free(r->row_len);
    free(r->row_line);
}

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

/* Spaces and tabs around a header's name are no part of it (cells: tables.c decides). */
static void trim(char *text)
{
    size_t len = strlen(text), start = strspn(text, " \t");
    while (len > start && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    memmove(text, text + start, len - start);
    text[len - start] = '\0';
}

/*
 * Feed the file's bytes to libcsv one physical line at a time, so that we know the line of every
 * row. A line ends with "\n", "\r\n" or a lone "\r" (libcsv ends a row at either byte), so that
 * a file saved with old Mac line ends is counted line by line too.
 */
static int parse_bytes(reader *r, const char *bytes, size_t size, const char *path,
                       scrutin_ctx *ctx)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
        return SCRUTIN_ENOMEM;
    /* Cells as written: libcsv would trim " 12" to "12", so that a number's spaces pass unseen. */
    csv_set_space_func(&p, no_space);
    int status = SCRUTIN_OK;
    unsigned row_line = 0; /* line on which the row being read began; 0 between rows */
    r->line = 0;
    r->path = path;
    r->ctx = ctx;
    size_t at = 0;
    /* A spreadsheet's "CSV UTF-8" starts with a byte-order mark, which is no part of a name. */
    if (size >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
        at = 3;
    while (at < size && !r->oom) {
        const char *text = bytes + at;
        size_t len = input_line_length(text, size - at);
        at += len;
        r->line++;
        size_t rows_before = r->n_rows;
        if (!row_line && text[0] != '\n' && text[0] != '\r')
            row_line = r->line;
        if (csv_parse(&p, text, len, on_field, on_row, r) != len) {
            int err = csv_error(&p);
            if (err == CSV_ENOMEM) {
                r->oom = 1;
                break;
            }
            status = scrutin_ctx_error(ctx, SCRUTIN_ESYNTAX, path, r->line, NULL,
                                       "malformed CSV: %s",
                                       err == CSV_EPARSE
                                           ? "a '\"' inside a field that is not quoted, or text "
                                             "after a closing '\"': quote the whole field and "
                                             "double every '\"' in it"
                                           : csv_strerror(err));
            break;
        }
        if (r->n_rows != rows_before)
            row_line = 0;
    }
    /* The only error left at the end (CSV_STRICT_FINI): a quote that is never closed. */
    if (status == SCRUTIN_OK && !r->oom && csv_fini(&p, on_field, on_row, r) != 0)
        status = scrutin_ctx_error(ctx, SCRUTIN_ESYNTAX, path, row_line ? row_line : r->line,
                                   NULL, "malformed CSV: %s",
                                   csv_error(&p) == CSV_EPARSE
                                       ? "a quoted field in the row that begins on this line is "
                                         "never closed: a '\"' is missing"
                                       : csv_strerror(csv_error(&p)));
    csv_free(&p);
    if (r->oom)
        return SCRUTIN_ENOMEM;
    if (status == SCRUTIN_OK && r->nul)
        status = SCRUTIN_EINPUT;
    return status;
}

/* Report why the table could not be read: at the key that names it, if any. */
static int unreadable(scrutin_ctx *ctx, int status, const char *path, const csv_origin *origin,
                      const input_problem *p)
{
    if (status == SCRUTIN_ENOMEM)
        return status;
    const char *verb = status == SCRUTIN_ENOENT ? "cannot be opened"
                       : status == SCRUTIN_EIO  ? "cannot be read"
                                                : "is refused";
    if (origin)
        return scrutin_ctx_error(ctx, status, origin->file, origin->line, origin->key,
                                 "the %s table \"%s\" %s (%s): %s", origin->key, origin->written,
                                 verb, path, p->why);
    return scrutin_ctx_error(ctx, status, path, p->line, NULL, "this table %s: %s", verb, p->why);
}

int csv_table_read(csv_table *t, const char *path, const csv_origin *origin,
                   const char *const *columns, const int *required, scrutin_ctx *ctx)
{
    memset(t, 0, sizeof *t);
    t->path = path;
    input_bytes bytes;
    input_problem problem;
    int status = input_file_read(path, &bytes, &problem);
    if (status != SCRUTIN_OK)
        return unreadable(ctx, status, path, origin, &problem);
    memcpy(t->digest, bytes.digest, sizeof t->digest);
    reader r = {0};
    status = parse_bytes(&r, bytes.data, bytes.len, path, ctx);
    input_bytes_free(&bytes);
    if (status == SCRUTIN_OK && r.n_rows == 0)
        status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, 1, NULL,
                                   "the table is empty: a header row is required");
    if (status != SCRUTIN_OK) {
        reader_free(&r);
        return status;
    }

    size_t n_cols = 0;
    while (columns[n_cols])
        n_cols++;
    t->n_columns = n_cols;
    t->column_of = malloc(n_cols * sizeof *t->column_of);
    if (!t->column_of) {
        reader_free(&r);
        return SCRUTIN_ENOMEM;
    }
    for (size_t c = 0; c < n_cols; c++)
        t->column_of[c] = -1;
    t->n_file_cols = r.row_len[0];
    /* A table separated by ';' (a spreadsheet's CSV in French and many other locales): one
       message that says so, rather than one about each column it seems to lack. */
    int semicolons = r.row_len[0] == 1 && strchr(r.rows[0][0], ';') != NULL;
    if (semicolons)
        status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, r.row_line[0], NULL,
                                   "the cells are separated by ';' (as spreadsheets write CSV in "
                                   "many locales): a scenario's tables use ','; save the table "
                                   "with ',' between cells, or make the scenario from a results "
                                   "table with `scrutin import`, which reads ';' and decimal "
                                   "commas (docs/scenario-format.md)");
    for (size_t j = 0; j < r.row_len[0] && !semicolons; j++) {
        trim(r.rows[0][j]);
        const char *name = r.rows[0][j];
        size_t c = 0;
        while (c < n_cols && strcmp(columns[c], name) != 0)
            c++;
        const char *near = c == n_cols ? scrutin_suggest(name, columns, n_cols) : NULL;
        if (c == n_cols)
            status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, r.row_line[0], name,
                                       "unknown column \"%s\"%s%s%s", name,
                                       near ? ": did you mean \"" : "", near ? near : "",
                                       near ? "\"?" : "");
        else if (t->column_of[c] >= 0)
            status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, r.row_line[0], name,
                                       "column \"%s\" appears twice", name);
        else
            t->column_of[c] = (int)j;
    }
    for (size_t c = 0; c < n_cols && !semicolons; c++)
        if (required[c] && t->column_of[c] < 0)
            status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, r.row_line[0], columns[c],
                                       "required column \"%s\" is missing", columns[c]);

    t->n_rows = r.n_rows - 1;
    t->cells = calloc(t->n_rows * t->n_file_cols + 1, sizeof *t->cells);
    t->line = calloc(t->n_rows + 1, sizeof *t->line);
    if (!t->cells || !t->line) {
        reader_free(&r);
        csv_table_free(t);
        return SCRUTIN_ENOMEM;
    }
    for (size_t i = 0; i < t->n_rows; i++) {
        size_t len = r.row_len[i + 1];
        t->line[i] = r.row_line[i + 1];
        if (len != t->n_file_cols)
            status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, t->line[i], NULL,
                                       "row has %zu fields, the header has %zu", len,
                                       t->n_file_cols);
        for (size_t j = 0; j < t->n_file_cols; j++) {
            /* Hand the strings over: the table owns them from now on. */
            t->cells[i * t->n_file_cols + j] = j < len ? r.rows[i + 1][j] : NULL;
            if (j < len)
                r.rows[i + 1][j] = NULL;
        }
        for (size_t j = t->n_file_cols; j < len; j++) {
            free(r.rows[i + 1][j]);
            r.rows[i + 1][j] = NULL;
        }
    }
    reader_free(&r);
    if (status != SCRUTIN_OK) {
        csv_table_free(t);
        return status;
    }
    return SCRUTIN_OK;
}

void csv_table_free(csv_table *t)
{
    if (t->cells)
        for (size_t i = 0; i < t->n_rows * t->n_file_cols; i++)
            free(t->cells[i]);
    free(t->cells);
    free(t->line);
    free(t->column_of);
    memset(t, 0, sizeof *t);
}

const char *csv_table_cell(const csv_table *t, size_t row, size_t col)
{
    if (row >= t->n_rows || col >= t->n_columns || t->column_of[col] < 0)
        return "";
    const char *v = t->cells[row * t->n_file_cols + (size_t)t->column_of[col]];
    return v ? v : "";
}
