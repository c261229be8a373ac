/* A table as CSV (RFC 4180, with LF line ends). */
#include <inttypes.h>
#include <string.h>

#include "../common/number_format.h"
#include "run_tables.h"
#include "scrutin/error.h"

typedef struct csv_sink {
    FILE *f;
    size_t n_columns; /* with the system column, if any */
} csv_sink;

static void put_text(FILE *f, const char *text)
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

static int csv_row(void *self, const cell *cells, size_t n)
{
    csv_sink *sink = self;
    if (n != sink->n_columns)
        return SCRUTIN_EINTERNAL;
    char number[REPORT_NUMBER_SIZE];
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', sink->f);
        switch (cells[i].kind) {
        case CELL_EMPTY: break;
        case CELL_TEXT: put_text(sink->f, cells[i].text); break;
        case CELL_INT: fprintf(sink->f, "%" PRId64, cells[i].i); break;
        case CELL_REAL:
            report_format_double(number, cells[i].x);
            fputs(number, sink->f);
            break;
        }
    }
    fputc('\n', sink->f);
    return ferror(sink->f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

int table_csv_write(FILE *f, const run_table *table, const run_data *data)
{
    int system = table_has_system(data);
    if (system)
        fputs("system,", f);
    for (size_t i = 0; i < table->n_columns; i++)
        fprintf(f, "%s%s", i ? "," : "", table->columns[i]);
    fputc('\n', f);
    csv_sink sink = {f, table->n_columns + (size_t)system};
    row_sink rows = {csv_row, &sink};
    int status = table_rows(table, data, &rows);
    if (status == SCRUTIN_OK && ferror(f))
        status = SCRUTIN_EIO;
    return status;
}
