/* A table as a JSON array of row objects. */
#include <jansson.h>
#include <math.h>

#include "json_doc.h"
#include "run_tables.h"
#include "scrutin/error.h"

typedef struct json_sink {
    json_t *rows;
    const run_table *table;
    int system; /* 1: the first cell is the system's id */
} json_sink;

static json_t *cell_json(const cell *c)
{
    switch (c->kind) {
    case CELL_TEXT: return json_doc_string(c->text);
    case CELL_INT: return json_integer((json_int_t)c->i);
    case CELL_REAL: return isfinite(c->x) ? json_real(c->x) : json_null();
    case CELL_EMPTY: break;
    }
    return json_null();
}

static int json_row(void *self, const cell *cells, size_t n)
{
    json_sink *sink = self;
    if (n != sink->table->n_columns + (size_t)sink->system)
        return SCRUTIN_EINTERNAL;
    json_t *row = json_object();
    if (!row)
        return SCRUTIN_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (json_object_set_new(row,
                                sink->system ? (i ? sink->table->columns[i - 1] : "system")
                                             : sink->table->columns[i],
                                cell_json(&cells[i])) != 0) {
            json_decref(row);
            return SCRUTIN_ENOMEM;
        }
    return json_array_append_new(sink->rows, row) == 0 ? SCRUTIN_OK : SCRUTIN_ENOMEM;
}

int table_json(json_t **out, const run_table *table, const run_data *data)
{
    *out = NULL;
    json_sink sink = {json_array(), table, table_has_system(data)};
    if (!sink.rows)
        return SCRUTIN_ENOMEM;
    row_sink rows = {json_row, &sink};
    int status = table_rows(table, data, &rows);
    if (status != SCRUTIN_OK) {
        json_decref(sink.rows);
        return status;
    }
    *out = sink.rows;
    return SCRUTIN_OK;
}
