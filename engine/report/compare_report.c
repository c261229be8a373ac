/*
 * The outputs of scrutin compare (docs/cli.md, "scrutin compare"):
 * compare.csv and compare.json in the output folder, and the headline on
 * standard output. The table is defined once, as a run_table, and written
 * as CSV and as JSON rows by the same writers as a run's tables.
 */
#include <jansson.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../common/versioned.h"
#include "compare_side.h"
#include "execution_json.h"
#include "json_doc.h"
#include "model_parameters.h"
#include "../common/number_format.h"
#include "output_files.h"
#include "run_tables.h"
#include "scrutin/compare.h"
#include "scrutin/plot.h"
#include "table_file.h"
#include "output_session.h"
#include "scrutin/version.h"

/* Version of compare.json's layout, its "format" key. */
#define COMPARE_JSON_FORMAT 1
/* Parties shown in the headline besides the coalitions: those that move most. */
#define HEADLINE_PARTIES 10

/* A run_table's rows read a run_data: the comparison rides behind it. */
typedef struct compare_data {
    run_data base; /* first: a pointer to it is a pointer to the whole */
    const scrutin_compare *compare;
} compare_data;

/* With several electoral systems, a leading `system` column (docs/cli.md); else from "whatif".
   `side` beside `whatif` tells apart a what-if given twice, whose names are the same. */
static const char *const compare_columns[] = {
    "system", "whatif", "side", "stage", "group_kind", "group", "in_base", "in_whatif",
    "mean_base", "mean_whatif", "mean_diff", "mean_diff_se",
    "p_majority_base", "p_majority_whatif", "p_majority_diff", "p_majority_diff_se",
    "p05_base", "p50_base", "p95_base", "p05_whatif", "p50_whatif", "p95_whatif",
    "p05_diff", "p25_diff", "p50_diff", "p75_diff", "p95_diff"};

static int compare_rows(const run_data *d, const row_sink *sink)
{
    const scrutin_compare *c = ((const compare_data *)d)->compare;
    for (size_t r = 0; r < c->n_rows; r++) {
        const scrutin_compare_row *x = &c->rows[r];
        char side[COMPARE_SIDE_SIZE];
        compare_side(side, x->whatif);
        cell row[] = {cell_text(x->system),
                      cell_text(c->names[x->whatif]),
                      cell_text(side),
                      cell_text(scrutin_stage_name(x->stage)),
                      cell_text(scrutin_group_kind_name(x->kind)),
                      cell_text(x->group),
                      cell_int(x->in_base),
                      cell_int(x->in_whatif),
                      cell_real(x->mean_base),
                      cell_real(x->mean_whatif),
                      cell_real(x->mean_diff),
                      cell_real(x->mean_diff_se),
                      cell_real(x->p_majority_base),
                      cell_real(x->p_majority_whatif),
                      cell_real(x->p_majority_diff),
                      cell_real(x->p_majority_diff_se),
                      cell_int(x->q_base[0]),
                      cell_int(x->q_base[2]),
                      cell_int(x->q_base[4]),
                      cell_int(x->q_whatif[0]),
                      cell_int(x->q_whatif[2]),
                      cell_int(x->q_whatif[4]),
                      cell_int(x->q_diff[0]),
                      cell_int(x->q_diff[1]),
                      cell_int(x->q_diff[2]),
                      cell_int(x->q_diff[3]),
                      cell_int(x->q_diff[4])};
        int skip = !c->several_systems;
        int status = sink->row(sink->self, row + skip, sizeof row / sizeof row[0] - (size_t)skip);
        if (status != SCRUTIN_OK)
            return status;
    }
    return SCRUTIN_OK;
}

static const run_table compare_table_systems = {
    "compare", compare_columns, sizeof compare_columns / sizeof compare_columns[0], compare_rows};
static const run_table compare_table = {"compare", compare_columns + 1,
                                        sizeof compare_columns / sizeof compare_columns[0] - 1,
                                        compare_rows};

static const run_table *table_of(const scrutin_compare *c)
{
    return c->several_systems ? &compare_table_systems : &compare_table;
}

/* compare_districts.csv: P(a group wins a seat in a district), base and what-if, paired. */
static const char *const district_columns[] = {
    "whatif", "side", "system", "district", "group_kind", "group", "p_seat_base",
    "p_seat_whatif", "p_seat_diff", "p_seat_diff_se"};

static int district_rows(const run_data *d, const row_sink *sink)
{
    const scrutin_compare *c = ((const compare_data *)d)->compare;
    for (size_t r = 0; r < c->n_district_rows; r++) {
        const scrutin_compare_district_row *x = &c->district_rows[r];
        char side[COMPARE_SIDE_SIZE];
        compare_side(side, x->whatif);
        cell row[] = {cell_text(c->names[x->whatif]),
                      cell_text(side),
                      cell_text(x->system),
                      cell_text(x->district),
                      cell_text(scrutin_group_kind_name(x->kind)),
                      cell_text(x->group),
                      cell_real(x->p_base),
                      cell_real(x->p_whatif),
                      cell_real(x->p_diff),
                      cell_real(x->p_diff_se)};
        int status = sink->row(sink->self, row, sizeof row / sizeof row[0]);
        if (status != SCRUTIN_OK)
            return status;
    }
    return SCRUTIN_OK;
}

static const run_table district_table = {"compare_districts", district_columns,
                                         sizeof district_columns / sizeof district_columns[0],
                                         district_rows};

/* ------------------------------------------------------------------------ */
/* compare.json                                                               */

static json_t *scenario_json(json_doc *d, const scrutin_compare *c,
                             const scrutin_compare_info *info, size_t k)
{
    json_t *s = json_object();
    char side[COMPARE_SIDE_SIZE];
    compare_side(side, k);
    json_doc_put(d, s, "name", json_doc_string(c->names[k]));
    json_doc_put(d, s, "side", json_doc_string(side));
    json_doc_put(d, s, "hash", json_doc_string(info->hashes ? info->hashes[k] : NULL));
    json_doc_put(d, s, "seats", json_integer(c->seats[k]));
    json_doc_put(d, s, "majority", json_integer(c->majority[k]));
    /* Every parameter in effect in it, after inheritance and defaults. */
    if (info->models && info->models[k])
        json_doc_put(d, s, "parameters", report_model_parameters(d, info->models[k]));
    return s;
}

static json_t *compare_json(json_doc *d, const compare_data *data,
                            const scrutin_compare_info *info, double write_seconds, int *status)
{
    const scrutin_compare *c = data->compare;
    json_t *root = json_object();
    json_doc_put(d, root, "format", json_integer(COMPARE_JSON_FORMAT));
    json_doc_put(d, root, "scrutin_version", json_doc_string(SCRUTIN_VERSION));
    json_doc_put(d, root, "seed", json_doc_seed(info->seed));
    json_t *sims = json_object();
    json_doc_put(d, sims, "requested", json_doc_count(info->requested));
    json_doc_put(d, sims, "completed", json_doc_count(c->simulations));
    json_doc_put(d, root, "simulations", sims);
    json_doc_put(d, root, "partial", json_boolean(info->requested != c->simulations));
    json_doc_put(d, root, "base", scenario_json(d, c, info, 0));
    json_t *whatifs = json_array();
    for (size_t k = 1; k < c->n_models; k++)
        json_doc_append(d, whatifs, scenario_json(d, c, info, k));
    json_doc_put(d, root, "whatifs", whatifs);
    json_t *rows = NULL;
    *status = table_json(&rows, table_of(data->compare), &data->base);
    if (*status == SCRUTIN_OK)
        json_doc_put(d, root, "rows", rows);
    const report_execution x = {info->load_seconds, info->simulate_seconds, write_seconds,
                                info->threads, info->ranks, NULL, info->paths, c->n_models,
                                info->command_line, info->simd};
    json_doc_put(d, root, "execution", report_execution_json(d, &x));
    return root;
}

int scrutin_compare_write(const char *out_dir, const scrutin_compare *c,
                          const scrutin_compare_info *given, scrutin_ctx *ctx)
{
    if (!out_dir || !c || !given)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_write: an argument is NULL");
    if (VERSIONED_CHECK(given, "scrutin_compare_write", scrutin_compare_info, SCRUTIN_COMPARE_INFO,
                        ctx) != SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    const scrutin_compare_info *info = given;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int status = report_make_folder(out_dir, ctx);
    if (status != SCRUTIN_OK)
        return status;
    compare_data data = {{NULL, NULL, NULL, NULL, 0, NULL}, c};
    report_locale c_numbers;
    status = report_locale_enter(&c_numbers);
    if (status == SCRUTIN_OK)
        status = report_table_file(out_dir, "compare.csv", table_of(data.compare), &data.base, ctx);
    if (status == SCRUTIN_OK)
        status = report_table_file(out_dir, "compare_districts.csv", &district_table, &data.base,
                                   ctx);
    if (status == SCRUTIN_OK) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double seconds = (double)(now.tv_sec - start.tv_sec) + 1e-9 * (double)(now.tv_nsec - start.tv_nsec);
        json_doc d = {1};
        json_t *root = compare_json(&d, &data, info, seconds, &status);
        if (status == SCRUTIN_OK && !d.ok)
            status = SCRUTIN_ENOMEM;
        if (status == SCRUTIN_OK)
            status = report_index_file(out_dir, "compare.json", root, ctx);
        json_decref(root);
    }
    report_locale_leave(&c_numbers);
    return status;
}

/* ------------------------------------------------------------------------ */
/* The headline on standard output                                            */

/* Row @p x is of what-if @p k under the systems of row @p like. */
static int same_part(const scrutin_compare_row *x, size_t k, const scrutin_compare_row *like)
{
    return x->whatif == k && x->system_base == like->system_base &&
           x->system_whatif == like->system_whatif;
}

/*
 * The rows of what-if @p k under the systems of row @p like shown: its coalitions (final),
 * then the parties that move most.
 */
static size_t pick_rows(const scrutin_compare *c, size_t k, const scrutin_compare_row *like,
                        size_t *out)
{
    size_t n = 0, first_party;
    for (size_t r = 0; r < c->n_rows; r++) {
        const scrutin_compare_row *x = &c->rows[r];
        if (same_part(x, k, like) && x->stage == SCRUTIN_STAGE_FINAL &&
            x->kind == SCRUTIN_GROUP_COALITION)
            out[n++] = r;
    }
    first_party = n;
    for (int pick = 0; pick < HEADLINE_PARTIES; pick++) {
        size_t best = c->n_rows;
        for (size_t r = 0; r < c->n_rows; r++) {
            const scrutin_compare_row *x = &c->rows[r];
            if (!same_part(x, k, like) || x->stage != SCRUTIN_STAGE_FINAL ||
                x->kind != SCRUTIN_GROUP_PARTY || x->mean_diff == 0.0)
                continue;
            int taken = 0;
            for (size_t i = first_party; i < n && !taken; i++)
                taken = out[i] == r;
            if (!taken && (best == c->n_rows || fabs(x->mean_diff) > fabs(c->rows[best].mean_diff)))
                best = r;
        }
        if (best == c->n_rows)
            break;
        out[n++] = best;
    }
    return n;
}

/* "system ID" after a title when the comparison has several systems; "" when not. */
static void system_words(const scrutin_compare *c, const scrutin_compare_row *x, char *buf,
                         size_t size)
{
    if (!c->several_systems)
        snprintf(buf, size, "%s", "");
    else
        snprintf(buf, size, ", system %s", x->system);
}

/*
 * What-if @p k's name in @p buf; with " (what-if K)" after it when another scenario of the
 * comparison has the same name (one given twice), as the plot's key says it.
 */
static const char *whatif_title(char *buf, size_t size, const scrutin_compare *c, size_t k)
{
    int repeated = 0;
    for (size_t j = 0; j < c->n_models && !repeated; j++)
        repeated = j != k && strcmp(c->names[j], c->names[k]) == 0;
    if (repeated)
        snprintf(buf, size, "%s (what-if %zu)", c->names[k], k);
    else
        snprintf(buf, size, "%s", c->names[k]);
    return buf;
}

/* A system that one side has and the other cannot pair: said in one line, never dropped. */
static void print_unpaired(FILE *f, const scrutin_compare *c, size_t k,
                           const scrutin_compare_row *x, int markdown, int first)
{
    char name[320];
    whatif_title(name, sizeof name, c, k);
    const char *has = x->system_base >= 0 ? c->names[0] : name;
    const char *lacks = x->system_base >= 0 ? name : c->names[0];
    fprintf(f, "%s%s%s against %s, system %s: only %s has it (%s has several systems and none of "
               "this id), so it is not compared; its seats are in compare.csv, with empty "
               "differences\n",
            first ? "" : "\n", markdown ? "## " : "", name, c->names[0], x->system, has, lacks);
}

static void print_text(FILE *f, const scrutin_compare *c, int markdown, size_t *picks)
{
    int first = 1;
    for (size_t r0 = 0; r0 < c->n_rows; r0++) {
        /* One table per what-if and pair of systems, in the rows' order. */
        const scrutin_compare_row *like = &c->rows[r0];
        size_t k = like->whatif;
        if (r0 > 0 && same_part(&c->rows[r0 - 1], k, like))
            continue;
        if (like->system_base < 0 || like->system_whatif < 0) {
            print_unpaired(f, c, k, like, markdown, first);
            first = 0;
            continue;
        }
        size_t n = pick_rows(c, k, like, picks);
        char sys[160], name[320];
        system_words(c, like, sys, sizeof sys);
        whatif_title(name, sizeof name, c, k);
        if (markdown) {
            fprintf(f, "%s## %s against %s%s\n\n%llu simulations of each, paired (same seed and "
                       "index); final seats. Differences are what-if minus base, with their "
                       "paired Monte Carlo standard errors (quantile differences, in "
                       "compare.csv, have none).\n\n",
                    first ? "" : "\n", name, c->names[0], sys,
                    (unsigned long long)c->simulations);
            fputs("| group | kind | mean seats, base | what-if | difference ± se | P(majority), "
                  "base | what-if | difference ± se | median, base → what-if |\n"
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|\n",
                  f);
        } else {
            fprintf(f, "%s%s against %s%s: %llu simulations of each, paired; final seats\n\n",
                    first ? "" : "\n", name, c->names[0], sys,
                    (unsigned long long)c->simulations);
            fprintf(f, "%-9s  %-12s  %9s  %9s  %10s  %6s  %11s  %9s  %10s  %6s\n", "kind", "group",
                    "mean base", "what-if", "difference", "se", "P(maj) base", "what-if",
                    "difference", "se");
        }
        for (size_t i = 0; i < n; i++) {
            const scrutin_compare_row *x = &c->rows[picks[i]];
            const char *kind = scrutin_group_kind_name(x->kind);
            if (markdown)
                fprintf(f, "| %s | %s | %.2f | %.2f | %+.2f ± %.2f | %.3f | %.3f | %+.3f ± %.3f | "
                           "%u → %u |\n",
                        x->group, kind, x->mean_base, x->mean_whatif, x->mean_diff,
                        x->mean_diff_se, x->p_majority_base, x->p_majority_whatif,
                        x->p_majority_diff, x->p_majority_diff_se, x->q_base[2], x->q_whatif[2]);
            else
                fprintf(f, "%-9s  %-12s  %9.2f  %9.2f  %+10.2f  %6.2f  %11.3f  %9.3f  %+10.3f  %6.3f\n",
                        kind, x->group, x->mean_base, x->mean_whatif, x->mean_diff,
                        x->mean_diff_se, x->p_majority_base, x->p_majority_whatif,
                        x->p_majority_diff, x->p_majority_diff_se);
        }
        first = 0;
    }
}

int scrutin_compare_print(FILE *f, const scrutin_compare *c, scrutin_format format,
                          scrutin_ctx *ctx)
{
    if (!f || !c)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_print: an argument is NULL");
    compare_data data = {{NULL, NULL, NULL, NULL, 0, NULL}, c};
    report_locale c_numbers;
    int status = report_locale_enter(&c_numbers);
    size_t *picks = malloc((c->n_rows + 1) * sizeof *picks);
    if (!picks)
        status = SCRUTIN_ENOMEM;
    if (status == SCRUTIN_OK) {
        switch (format) {
        case SCRUTIN_FORMAT_CSV: status = table_csv_write(f, table_of(data.compare), &data.base); break;
        case SCRUTIN_FORMAT_JSON: {
            json_t *rows = NULL;
            status = table_json(&rows, table_of(data.compare), &data.base);
            if (status == SCRUTIN_OK)
                status = report_json_stream(f, rows);
            json_decref(rows);
            break;
        }
        case SCRUTIN_FORMAT_MD: print_text(f, c, 1, picks); break;
        case SCRUTIN_FORMAT_TABLE:
        default: print_text(f, c, 0, picks); break;
        }
    }
    free(picks);
    report_locale_leave(&c_numbers);
    return report_printed(f, status, "the comparison", ctx);
}
