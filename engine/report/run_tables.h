/*
 * The tables of a run, defined once and written twice: as CSV files and as
 * arrays of row objects in run.json. A table is its columns and a function
 * that hands each row, as typed cells, to a sink (the CSV or the JSON writer).
 */
#ifndef SCRUTIN_REPORT_RUN_TABLES_H
#define SCRUTIN_REPORT_RUN_TABLES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct json_t;

#include "scrutin/error.h"
#include "scrutin/format.h"
#include "scrutin/model.h"
#include "scrutin/summary.h"
#include "scrutin/tally.h"

typedef enum cell_kind { CELL_EMPTY, CELL_TEXT, CELL_INT, CELL_REAL } cell_kind;

/* One value of a row. */
typedef struct cell {
    cell_kind kind;
    const char *text;
    int64_t i;
    double x;
} cell;

static inline cell cell_empty(void) { return (cell){CELL_EMPTY, NULL, 0, 0.0}; }
static inline cell cell_text(const char *text) { return (cell){CELL_TEXT, text, 0, 0.0}; }
static inline cell cell_int(int64_t i) { return (cell){CELL_INT, NULL, i, 0.0}; }
static inline cell cell_real(double x) { return (cell){CELL_REAL, NULL, 0, x}; }

/* Receives the rows of a table; returns 0 or a SCRUTIN_E* status that stops the table. */
typedef struct row_sink {
    int (*row)(void *self, const cell *cells, size_t n);
    void *self;
} row_sink;

/* What the tables are made from. */
typedef struct run_data {
    const scrutin_model *model;
    const scrutin_tally *tally;
    const scrutin_summary *summary;
    /*
     * Several electoral systems on the same simulated votes: the tables hold
     * the rows of each of these, after a leading `system` column
     * (docs/architecture.md). NULL and 0: one system, this one, and no column.
     */
    const struct run_data *systems;
    size_t n_systems;
    const char *system_id;
} run_data;

/* As many systems as a model may have (SCRUTIN_MAX_SYSTEMS in the model). */
#define REPORT_MAX_SYSTEMS 16

/* A run's data with each system's summary, for the tables with a `system` column. */
typedef struct run_systems {
    run_data data;                               /* what the tables read */
    run_data systems[REPORT_MAX_SYSTEMS];        /* one per system when there are several */
    scrutin_summary *own[REPORT_MAX_SYSTEMS];    /* the summaries made here (systems 1..) */
} run_systems;

/*
 * @p rs for the run of @p model counted in @p tally, whose first system is
 * summarised by @p summary: with several systems, the others are summarised
 * too (free them with run_systems_free()). @return 0, SCRUTIN_ENOMEM or
 * SCRUTIN_EINVAL (too many systems), with a diagnostic naming @p caller.
 */
int run_systems_make(run_systems *rs, const scrutin_model *model, const scrutin_tally *tally,
                     const scrutin_summary *summary, const char *caller, scrutin_ctx *ctx);
void run_systems_free(run_systems *rs);

struct run_table;
/* The rows of @p table from @p data, and each system's when there are several. */
int table_rows(const struct run_table *table, const run_data *data, const row_sink *sink);
/* 1 if @p data's tables carry a leading `system` column. */
static inline int table_has_system(const run_data *data) { return data->n_systems > 1; }

/*
 * The ids of list @p list's parties (scrutin_model_list_parties()), joined by ';', into
 * @p buf of @p size bytes, at least report_list_parties_size(). @return 0, SCRUTIN_ENOMEM
 * or SCRUTIN_EINTERNAL if @p buf is too small.
 */
int report_list_parties(const scrutin_model *m, size_t list, char *buf, size_t size);
size_t report_list_parties_size(const scrutin_model *m);

typedef struct run_table {
    const char *name; /* key in run.json; the CSV file is NAME.csv */
    const char *const *columns;
    size_t n_columns;
    int (*rows)(const run_data *data, const row_sink *sink);
} run_table;

/*
 * seats_distribution, seats_summary, districts, district_lists: the contract
 * of docs/cli.md; then district_leverage and district_runoffs, added to it.
 */
#define REPORT_RUN_TABLES 6
extern const run_table report_run_tables[REPORT_RUN_TABLES];

/* The headline numbers of scrutin_run_print(), as a table. */
extern const run_table report_headline_table;

/* The headline of one system's summary on @p f (what scrutin_run_print() writes per system).
   @return 0 or SCRUTIN_EIO */
int run_table_print(FILE *f, const scrutin_model *model, const scrutin_summary *summary,
                    scrutin_format format, scrutin_ctx *ctx);

/*
 * Write @p table as CSV: the header, then one line per row. Text is quoted
 * only if it needs to be (ids never do); numbers as report_format_double().
 * @return 0, SCRUTIN_EIO or what the table's rows returned
 */
int table_csv_write(FILE *f, const run_table *table, const run_data *data);

/*
 * The end of a headline printed on @p f (run, compare, sweep): a write error
 * of @p f, or @p status, said as "cannot write @p what". @return 0 or the failure
 */
int report_printed(FILE *f, int status, const char *what, scrutin_ctx *ctx);
/* table_csv_write() with the @p n_extra columns @p extra_columns after the table's own, the
   same @p extra cells on every row. */
int table_csv_write_extra(FILE *f, const run_table *table, const run_data *data,
                          const char *const *extra_columns, const cell *extra, size_t n_extra);

/* One CSV field: @p text as it is, or in double quotes (doubled inside) when it holds a comma,
   a quote or a line end (RFC 4180). For every CSV the library writes. */
void table_csv_text(FILE *f, const char *text);

/*
 * @p table as a JSON array of objects, one per row, keyed by column; empty
 * cells and non-finite numbers are null (JSON has no NaN).
 * @param[out] out  a new reference, NULL on failure
 * @return 0, SCRUTIN_ENOMEM or what the table's rows returned
 */
int table_json(struct json_t **out, const run_table *table, const run_data *data);

#endif
