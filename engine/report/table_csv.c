/* A table as CSV (RFC 4180, with LF line ends). */
#include <inttypes.h>
#include <string.h>

#include "../common/number_format.h"
#include "run_tables.h"
#include "scrutin/error.h"

typedef struct csv_sink {
    FILE *f;
    size_t n_columns; /* with the system column, if any */
    const cell *extra; /* after every row's own */
    size_t n_extra;
} csv_sink;

void table_csv_text(FILE *f, const char *text)
{
    if (!strpbrk(text, ",\"\r\n")) {
        fputs(text, f);
        return;
    }
    fputc('"', f);
    for (const char *c = text; *c; c++) {
        if (*c == '"')
            fputc('"', f);
        fputc(*c, f);
    }
    fputc('"', f);
}

static void put_cell(FILE *f, const cell *c)
{
    char number[REPORT_NUMBER_SIZE];
    switch (c->kind) {
    case CELL_EMPTY: break;
    case CELL_TEXT: table_csv_text(f, c->text); break;
    case CELL_INT: fprintf(f, "%" PRId64, c->i); break;
    case CELL_REAL:
        report_format_double(number, c->x);
        fputs(number, f);
        break;
    }
}

static int csv_row(void *self, const cell *cells, size_t n)
{
    csv_sink *sink = self;
    if (n != sink->n_columns)
        return SCRUTIN_EINTERNAL;
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', sink->f);
        put_cell(sink->f, &cells[i]);
    }
    for (size_t i = 0; i < sink->n_extra; i++) {
        fputc(',', sink->f);
        put_cell(sink->f, &sink->extra[i]);
    }
    fputc('\n', sink->f);
    return ferror(sink->f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

int table_csv_write(FILE *f, const run_table *table, const run_data *data)
{
    return table_csv_write_extra(f, table, data, NULL, NULL, 0);
}

int table_csv_write_extra(FILE *f, const run_table *table, const run_data *data,
                          const char *const *extra_columns, const cell *extra, size_t n_extra)
{
    int system = table_has_system(data);
    if (system)
        fputs("system,", f);
    for (size_t i = 0; i < table->n_columns; i++)
        fprintf(f, "%s%s", i ? "," : "", table->columns[i]);
    for (size_t i = 0; i < n_extra; i++)
        fprintf(f, ",%s", extra_columns[i]);
    fputc('\n', f);
    csv_sink sink = {f, table->n_columns + (size_t)system, extra, n_extra};
    row_sink rows = {csv_row, &sink};
    int status = table_rows(table, data, &rows);
    if (status == SCRUTIN_OK && ferror(f))
        status = SCRUTIN_EIO;
    return status;
}
