/*
 * The outputs of scrutin sweep (docs/cli.md, "scrutin sweep"): sweep.csv and
 * sweep.json in the output folder, and the table on standard output.
 */
#include <jansson.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../common/versioned.h"
#include "execution_json.h"
#include "json_doc.h"
#include "model_parameters.h"
#include "../common/number_format.h"
#include "output_files.h"
#include "run_tables.h"
#include "scrutin/plot.h"
#include "scrutin/sweep.h"
#include "table_file.h"
#include "output_session.h"
#include "scrutin/version.h"

/* Version of sweep.json's layout, its "format" key. */
#define SWEEP_JSON_FORMAT 1

typedef struct sweep_data {
    run_data base; /* first: a pointer to it is a pointer to the whole */
    const scrutin_sweep *sweep;
} sweep_data;

/* With several electoral systems, a leading `system` column; else from "step". */
static const char *const sweep_columns[] = {"system", "step",          "value",      "coalition",
                                            "p_majority",    "p_majority_se", "mean_seats",
                                            "mean_se"};

static int sweep_rows(const run_data *d, const row_sink *sink)
{
    const scrutin_sweep *s = ((const sweep_data *)d)->sweep;
    for (size_t r = 0; r < s->n_rows; r++) {
        const scrutin_sweep_row *x = &s->rows[r];
        cell row[] = {cell_text(x->system ? x->system : ""),
                      cell_int((int64_t)x->step), cell_real(x->value), cell_text(x->coalition),
                      cell_real(x->p_majority),   cell_real(x->p_majority_se),
                      cell_real(x->mean_seats),   cell_real(x->mean_se)};
        int skip = !s->several_systems;
        int status = sink->row(sink->self, row + skip, sizeof row / sizeof row[0] - (size_t)skip);
        if (status != SCRUTIN_OK)
            return status;
    }
    return SCRUTIN_OK;
}

static const run_table sweep_table_systems = {
    "sweep", sweep_columns, sizeof sweep_columns / sizeof sweep_columns[0], sweep_rows};
static const run_table sweep_table = {"sweep", sweep_columns + 1,
                                      sizeof sweep_columns / sizeof sweep_columns[0] - 1,
                                      sweep_rows};

static const run_table *table_of(const scrutin_sweep *s)
{
    return s->several_systems ? &sweep_table_systems : &sweep_table;
}

static json_t *sweep_json(json_doc *d, const sweep_data *data, const scrutin_sweep_info *info,
                          double write_seconds, int *status)
{
    const scrutin_sweep *s = data->sweep;
    json_t *root = json_object();
    json_doc_put(d, root, "format", json_integer(SWEEP_JSON_FORMAT));
    json_doc_put(d, root, "scrutin_version", json_doc_string(SCRUTIN_VERSION));
    json_t *scenario = json_object();
    json_doc_put(d, scenario, "name", json_doc_string(s->scenario_name));
    json_doc_put(d, scenario, "hash", json_doc_string(info->scenario_hash));
    json_doc_put(d, root, "scenario", scenario);
    /* Every parameter in effect in the scenario as it is; `set` and `values` say what moved. */
    if (info->model)
        json_doc_put(d, root, "parameters", report_model_parameters(d, info->model));
    json_doc_put(d, root, "set", json_doc_string(s->path));
    json_t *values = json_array();
    for (size_t k = 0; k < s->n_steps; k++)
        json_doc_append(d, values, json_doc_real(s->values[k]));
    json_doc_put(d, root, "values", values);
    json_doc_put(d, root, "seed", json_doc_seed(info->seed));
    json_doc_put(d, root, "simulations", json_doc_count(s->simulations));
    json_doc_put(d, root, "partial", json_boolean(scrutin_sweep_partial(s)));
    json_t *completed = json_object(), *per_step = json_array();
    json_doc_put(d, completed, "steps", json_integer((json_int_t)s->n_done));
    for (size_t k = 0; k < s->n_done; k++)
        json_doc_append(d, per_step, json_doc_count(s->completed[k]));
    json_doc_put(d, completed, "simulations", per_step);
    json_doc_put(d, root, "completed", completed);
    json_t *rows = NULL;
    *status = table_json(&rows, table_of(s), &data->base);
    if (*status == SCRUTIN_OK)
        json_doc_put(d, root, "rows", rows);
    const report_execution x = {NAN, info->simulate_seconds, write_seconds, info->threads,
                                info->ranks, info->scenario_path, NULL, 0, info->command_line,
                                info->simd};
    json_doc_put(d, root, "execution", report_execution_json(d, &x));
    return root;
}

int scrutin_sweep_write(const char *out_dir, const scrutin_sweep *s,
                        const scrutin_sweep_info *given, scrutin_ctx *ctx)
{
    if (!out_dir || !s || !given)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_write: an argument is NULL");
    if (VERSIONED_CHECK(given, "scrutin_sweep_write", scrutin_sweep_info, SCRUTIN_SWEEP_INFO,
                        ctx) != SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    const scrutin_sweep_info *info = given;
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int status = report_make_folder(out_dir, ctx);
    if (status != SCRUTIN_OK)
        return status;
    sweep_data data = {{NULL, NULL, NULL, NULL, 0, NULL}, s};
    report_locale c_numbers;
    status = report_locale_enter(&c_numbers);
    if (status == SCRUTIN_OK)
        status = report_table_file(out_dir, "sweep.csv", table_of(s), &data.base, ctx);
    if (status == SCRUTIN_OK) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        double seconds =
            (double)(now.tv_sec - start.tv_sec) + 1e-9 * (double)(now.tv_nsec - start.tv_nsec);
        json_doc d = {1};
        json_t *root = sweep_json(&d, &data, info, seconds, &status);
        if (status == SCRUTIN_OK && !d.ok)
            status = SCRUTIN_ENOMEM;
        if (status == SCRUTIN_OK)
            status = report_index_file(out_dir, "sweep.json", root, ctx);
        json_decref(root);
    }
    report_locale_leave(&c_numbers);
    return status;
}

/* ------------------------------------------------------------------------ */
/* Plots                                                                      */

#define PLOT_TITLE_SIZE 256

static const char *const sweep_plot_names[] = {"sweep_majority"};

const char *const *scrutin_sweep_plot_names(size_t *count)
{
    if (count)
        *count = sizeof sweep_plot_names / sizeof sweep_plot_names[0];
    return sweep_plot_names;
}

/* The curves (coalitions, by system if several), each once, in the order they first appear. */
static size_t sweep_coalitions(const scrutin_sweep *s, const char **ids)
{
    size_t n = 0;
    for (size_t r = 0; r < s->n_rows; r++) {
        size_t i = 0;
        while (i < n && strcmp(ids[i], s->rows[r].label) != 0)
            i++;
        if (i == n)
            ids[n++] = s->rows[r].label;
    }
    return n;
}

int scrutin_sweep_plot(const char *out_dir, const scrutin_sweep *s, scrutin_ctx *ctx)
{
    if (!out_dir || !s || s->n_done == 0 || s->n_rows == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_plot: an argument is NULL, or no step was done");
    /* Every value asked for on the x axis: a sweep stopped early leaves the rest empty. */
    size_t steps = s->n_steps;
    const char **ids = malloc(s->n_rows * sizeof *ids);
    size_t n = ids ? sweep_coalitions(s, ids) : 0;
    double *p = malloc(2 * n * steps * sizeof *p + 1);
    scrutin_plot_curve *curves = malloc((n + 1) * sizeof *curves);
    /* Each curve's coalition and system, for the CSV's columns. */
    const char **groups = malloc((n + 1) * sizeof *groups);
    const char **systems = malloc((n + 1) * sizeof *systems);
    if (!ids || !p || !curves || !groups || !systems) {
        free(ids);
        free(p);
        free(curves);
        free(groups);
        free(systems);
        return SCRUTIN_ENOMEM;
    }
    /* A step not done, or a coalition missing at a step (a value that changes the coalitions),
       leaves a gap. */
    for (size_t i = 0; i < 2 * n * steps; i++)
        p[i] = NAN;
    for (size_t c = 0; c < n; c++) {
        curves[c].label = ids[c];
        curves[c].p = p + 2 * c * steps;
        curves[c].se = p + (2 * c + 1) * steps;
    }
    for (size_t r = 0; r < s->n_rows; r++) {
        const scrutin_sweep_row *x = &s->rows[r];
        size_t c = 0;
        while (strcmp(ids[c], x->label) != 0)
            c++;
        groups[c] = x->coalition;
        systems[c] = x->system;
        p[2 * c * steps + x->step] = x->p_majority;
        p[(2 * c + 1) * steps + x->step] = x->p_majority_se;
    }
    /* Short enough for one line over the plot: the x axis says the rest. */
    char title[PLOT_TITLE_SIZE];
    snprintf(title, sizeof title, "%s: P(majority) against %s, %llu simulations per step%s",
             s->scenario_name ? s->scenario_name : "", s->path,
             (unsigned long long)s->simulations, scrutin_sweep_partial(s) ? " (partial)" : "");
    scrutin_curves_spec spec = SCRUTIN_CURVES_SPEC_INIT;
    spec.name = sweep_plot_names[0];
    spec.title = title;
    spec.x_label = s->path;
    spec.y_label = "P(majority), final seats (%)";
    spec.n_points = steps;
    spec.x = s->values;
    spec.n_curves = n;
    spec.curves = curves;
    spec.groups = groups;
    spec.systems = s->several_systems ? systems : NULL;
    int status = scrutin_plot_curves(out_dir, &spec, ctx);
    free(ids);
    free(p);
    free(curves);
    free(groups);
    free(systems);
    return status;
}

/* ------------------------------------------------------------------------ */
/* Standard output                                                            */

static void print_text(FILE *f, const scrutin_sweep *s, int markdown)
{
    char value[REPORT_NUMBER_SIZE];
    fprintf(f, "%s%s: %s from ", markdown ? "## " : "", s->scenario_name ? s->scenario_name : "",
            s->path);
    report_format_double(value, s->values[0]);
    fprintf(f, "%s to ", value);
    report_format_double(value, s->values[s->n_steps - 1]);
    fprintf(f, "%s in %zu step%s, %llu simulations each (same seed); final seats\n\n", value,
            s->n_steps, s->n_steps == 1 ? "" : "s", (unsigned long long)s->simulations);
    if (markdown)
        fputs("| step | value | coalition | P(majority) ± se | mean seats ± se |\n"
              "|---:|---:|---|---:|---:|\n",
              f);
    else
        fprintf(f, "%4s  %12s  %-12s  %11s  %6s  %10s  %6s\n", "step", "value", "coalition",
                "P(majority)", "se", "mean seats", "se");
    for (size_t r = 0; r < s->n_rows; r++) {
        const scrutin_sweep_row *x = &s->rows[r];
        report_format_double(value, x->value);
        if (markdown)
            fprintf(f, "| %zu | %s | %s | %.3f ± %.3f | %.2f ± %.2f |\n", x->step, value,
                    x->label, x->p_majority, x->p_majority_se, x->mean_seats, x->mean_se);
        else
            fprintf(f, "%4zu  %12s  %-12s  %11.3f  %6.3f  %10.2f  %6.2f\n", x->step, value,
                    x->label, x->p_majority, x->p_majority_se, x->mean_seats, x->mean_se);
    }
}

int scrutin_sweep_print(FILE *f, const scrutin_sweep *s, scrutin_format format, scrutin_ctx *ctx)
{
    if (!f || !s || s->n_steps == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_print: an argument is NULL");
    sweep_data data = {{NULL, NULL, NULL, NULL, 0, NULL}, s};
    report_locale c_numbers;
    int status = report_locale_enter(&c_numbers);
    if (status == SCRUTIN_OK) {
        switch (format) {
        case SCRUTIN_FORMAT_CSV: status = table_csv_write(f, table_of(s), &data.base); break;
        case SCRUTIN_FORMAT_JSON: {
            json_t *rows = NULL;
            status = table_json(&rows, table_of(s), &data.base);
            if (status == SCRUTIN_OK)
                status = report_json_stream(f, rows);
            json_decref(rows);
            break;
        }
        case SCRUTIN_FORMAT_MD: print_text(f, s, 1); break;
        case SCRUTIN_FORMAT_TABLE:
        default: print_text(f, s, 0); break;
        }
    }
    report_locale_leave(&c_numbers);
    return report_printed(f, status, "the sweep", ctx);
}
