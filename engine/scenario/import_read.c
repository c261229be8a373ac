/*
 * Reading a results table for scrutin import with libcsv. Spreadsheets in
 * French and many other locales write CSV with ';' between cells (the comma
 * is their decimal mark): the header says which, and libcsv is told
 * (csv_set_delim). Every row keeps the line it starts on, for messages.
 */
#include "import_types.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input_file.h"
#include "scrutin/text.h"

const char *const imp_column_names[IMP_COLUMNS] = {
    "region", "district", "seats", "list", "kind", "candidates", "votes_r1", "registered",
    "voters", "invalid", "votes_r2", "name", "voters_r2", "invalid_r2", "other_votes",
    "winner_r2", "district_name", "source", "note", "district_source", "district_note"};

typedef struct imp_reader {
    imp_table *t;
    int column_of[64];   /* file column -> imp_column, -1 for none */
    size_t n_file_cols;
    size_t field;        /* field of the current row */
    int header_done;
    char *row[IMP_COLUMNS];
    unsigned line, row_start;
    int status;
    size_t cap;
    scrutin_ctx *ctx;
} imp_reader;

static void header_field(imp_reader *r, const char *text)
{
    if (r->field >= sizeof r->column_of / sizeof r->column_of[0]) {
        r->status = scrutin_ctx_error(r->ctx, SCRUTIN_EINPUT, r->t->path, r->line, NULL,
                                      "more than 64 columns: a results table has at most 21");
        return;
    }
    r->column_of[r->field] = -1;
    for (int c = 0; c < IMP_COLUMNS; c++)
        if (strcmp(text, imp_column_names[c]) == 0)
            r->column_of[r->field] = c;
    if (r->column_of[r->field] < 0) {
        const char *near = scrutin_suggest(text, imp_column_names, IMP_COLUMNS);
        r->status = scrutin_ctx_error(r->ctx, SCRUTIN_EINPUT, r->t->path, r->line, text,
                                      "unknown column \"%s\"%s%s%s", text,
                                      near ? ": did you mean \"" : "", near ? near : "",
                                      near ? "\"?" : "");
    }
    r->n_file_cols = r->field + 1;
}

static void on_field(void *data, size_t len, void *priv)
{
    imp_reader *r = priv;
    if (r->field == 0)
        r->row_start = r->line;
    char *text = strndup(data ? data : "", len);
    if (!text) {
        r->status = SCRUTIN_ENOMEM;
        return;
    }
    /* Spreadsheets pad cells with spaces: they are not part of a value. */
    size_t n = strlen(text), s = 0;
    while (n && (text[n - 1] == ' ' || text[n - 1] == '\r'))
        text[--n] = 0;
    while (text[s] == ' ')
        s++;
    memmove(text, text + s, n - s + 1);
    if (!r->header_done) {
        header_field(r, text);
        free(text);
    } else if (r->field < r->n_file_cols && r->column_of[r->field] >= 0) {
        free(r->row[r->column_of[r->field]]);
        r->row[r->column_of[r->field]] = text;
    } else {
        if (text[0] && r->status == SCRUTIN_OK)
            r->status = scrutin_ctx_error(r->ctx, SCRUTIN_EINPUT, r->t->path, r->row_start, NULL,
                                          "row has more cells than the header has columns (%zu)",
                                          r->n_file_cols);
        free(text);
    }
    r->field++;
}

static void on_row(int c, void *priv)
{
    (void)c;
    imp_reader *r = priv;
    imp_table *t = r->t;
    if (!r->header_done) {
        r->header_done = 1;
        int seen[IMP_COLUMNS] = {0};
        for (size_t i = 0; i < r->n_file_cols; i++)
            if (r->column_of[i] >= 0)
                seen[r->column_of[i]]++;
        for (int k = 0; k < IMP_COLUMNS; k++) {
            if (seen[k] > 1)
                r->status = scrutin_ctx_error(r->ctx, SCRUTIN_EINPUT, t->path, r->row_start,
                                              imp_column_names[k], "column \"%s\" appears twice",
                                              imp_column_names[k]);
            if (k < IMP_REQUIRED && !seen[k])
                r->status = scrutin_ctx_error(
                    r->ctx, SCRUTIN_EINPUT, t->path, r->row_start, imp_column_names[k],
                    "required column \"%s\" is missing (a results table has the columns "
                    "region,district,seats,registered,voters,invalid,list,kind,candidates,"
                    "votes_r1,votes_r2; docs/scenario-format.md)",
                    imp_column_names[k]);
        }
        r->field = 0;
        return;
    }
    int blank = 1;
    for (int k = 0; k < IMP_COLUMNS; k++)
        blank &= !r->row[k] || !r->row[k][0];
    if (!blank && r->status != SCRUTIN_ENOMEM) {
        if (t->n_rows == r->cap) {
            size_t cap = r->cap ? 2 * r->cap : 64;
            char **cells = realloc(t->cells, cap * IMP_COLUMNS * sizeof *cells);
            unsigned *lines = cells ? realloc(t->line, cap * sizeof *lines) : NULL;
            if (cells)
                t->cells = cells;
            if (!lines) {
                r->status = SCRUTIN_ENOMEM;
                goto done;
            }
            t->line = lines;
            r->cap = cap;
        }
        for (int k = 0; k < IMP_COLUMNS; k++) {
            t->cells[t->n_rows * IMP_COLUMNS + (size_t)k] = r->row[k] ? r->row[k] : strdup("");
            r->row[k] = NULL;
            if (!t->cells[t->n_rows * IMP_COLUMNS + (size_t)k])
                r->status = SCRUTIN_ENOMEM;
        }
        t->line[t->n_rows++] = r->row_start;
    }
done:
    for (int k = 0; k < IMP_COLUMNS; k++) {
        free(r->row[k]);
        r->row[k] = NULL;
    }
    r->field = 0;
}

/* The delimiter of the header line @p text: ';' if it has more of them than commas. */
static char header_delimiter(const char *text, size_t len)
{
    size_t commas = 0, semicolons = 0;
    for (size_t i = 0; i < len && text[i] != '\n' && text[i] != '\r'; i++) {
        commas += text[i] == ',';
        semicolons += text[i] == ';';
    }
    return semicolons > commas ? ';' : ',';
}

int imp_table_read(imp_table *t, const char *path, scrutin_ctx *ctx)
{
    memset(t, 0, sizeof *t);
    t->path = path;
    input_bytes in;
    input_problem problem;
    int status = input_file_read(path, &in, &problem);
    if (status == SCRUTIN_ENOMEM)
        return status;
    if (status != SCRUTIN_OK)
        return scrutin_ctx_error(ctx, status, path, problem.line, NULL,
                                 "the results table cannot be read: %s", problem.why);
    imp_reader r = {.t = t, .line = 1, .status = SCRUTIN_OK, .ctx = ctx};
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0) {
        input_bytes_free(&in);
        return SCRUTIN_ENOMEM;
    }
    const char *text = in.data;
    size_t left = in.len;
    if (left >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, left -= 3; /* a UTF-8 byte-order mark ("CSV UTF-8") */
    t->delimiter = header_delimiter(text, left);
    csv_set_delim(&p, (unsigned char)t->delimiter);
    /* Fed a line at a time, so that each row knows the line it starts on. */
    while (left > 0 && r.status != SCRUTIN_ENOMEM) {
        size_t len = input_line_length(text, left);
        if (csv_parse(&p, text, len, on_field, on_row, &r) != len) {
            r.status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, r.line, NULL,
                                         "malformed CSV (%s): check the quotes of this row",
                                         csv_strerror(csv_error(&p)));
            break;
        }
        text += len;
        left -= len;
        r.line++;
    }
    if (r.status == SCRUTIN_OK && csv_fini(&p, on_field, on_row, &r) != 0)
        r.status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, r.row_start, NULL,
                                     "malformed CSV: a quoted cell that starts in the row on "
                                     "this line is never closed");
    csv_free(&p);
    input_bytes_free(&in);
    for (int k = 0; k < IMP_COLUMNS; k++)
        free(r.row[k]);
    if (r.status == SCRUTIN_OK && !r.header_done)
        r.status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, 1, NULL,
                                     "the results table is empty: expected a header line and "
                                     "one row per (district, list)");
    if (r.status == SCRUTIN_OK && t->n_rows == 0)
        r.status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, 2, NULL,
                                     "the results table has a header but no row");
    if (r.status != SCRUTIN_OK)
        imp_table_free(t);
    return r.status;
}

void imp_table_free(imp_table *t)
{
    for (size_t i = 0; t->cells && i < t->n_rows * IMP_COLUMNS; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t->line);
    t->cells = NULL;
    t->line = NULL;
    t->n_rows = 0;
}
