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

#include "number_format.h"
#include "output_files.h"
#include "run_tables.h"
#include "scrutin/compare.h"
#include "scrutin/plot.h"
#include "table_file.h"

/* Version of compare.json's layout, its "format" key. */
#define COMPARE_JSON_FORMAT 1
/* Parties shown in the headline besides the coalitions: those that move most. */
#define HEADLINE_PARTIES 10

/* A run_table's rows read a run_data: the comparison rides behind it. */
typedef struct compare_data {
    run_data base; /* first: a pointer to it is a pointer to the whole */
    const scrutin_compare *compare;
} compare_data;

static const char *const compare_columns[] = {
    "whatif", "stage", "group_kind", "group", "in_base", "in_whatif",
    "mean_base", "mean_whatif", "mean_diff", "mean_diff_se",
    "p_majority_base", "p_majority_whatif", "p_majority_diff", "p_majority_diff_se",
    "p05_base", "p50_base", "p95_base", "p05_whatif", "p50_whatif", "p95_whatif",
    "p05_diff", "p25_diff", "p50_diff", "p75_diff", "p95_diff"};

static int compare_rows(const run_data *d, const row_sink *sink)
{
    const scrutin_compare *c = ((const compare_data *)d)->compare;
    for (size_t r = 0; r < c->n_rows; r++) {
        const scrutin_compare_row *x = &c->rows[r];
        cell row[] = {cell_text(c->names[x->whatif]),
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
        int status = sink->row(sink->self, row, sizeof row / sizeof row[0]);
        if (status != SCRUTIN_OK)
            return status;
    }
    return SCRUTIN_OK;
}

static const run_table compare_table = {
    "compare", compare_columns, sizeof compare_columns / sizeof compare_columns[0], compare_rows};

/* ------------------------------------------------------------------------ */
/* compare.json                                                               */

/* A document under construction; the first failure to allocate sticks. */
typedef struct doc {
    int ok;
} doc;

static void put(doc *d, json_t *object, const char *key, json_t *value)
{
    if (!object || json_object_set_new(object, key, value) != 0)
        d->ok = 0;
}

static json_t *real(double x) { return isfinite(x) ? json_real(x) : json_null(); }

static json_t *seed_json(uint64_t seed)
{
    if (seed <= (UINT64_C(1) << 53))
        return json_integer((json_int_t)seed);
    char text[24];
    snprintf(text, sizeof text, "%llu", (unsigned long long)seed);
    return json_string(text);
}

static json_t *scenario_json(doc *d, const scrutin_compare *c, const scrutin_compare_info *info,
                             size_t k)
{
    json_t *s = json_object();
    put(d, s, "name", json_string(c->names[k]));
    put(d, s, "hash", info->hashes && info->hashes[k] ? json_string(info->hashes[k]) : json_null());
    put(d, s, "seats", json_integer(c->seats[k]));
    put(d, s, "majority", json_integer(c->majority[k]));
    return s;
}

static json_t *compare_json(doc *d, const compare_data *data, const scrutin_compare_info *info,
                            double write_seconds, int *status)
{
    const scrutin_compare *c = data->compare;
    json_t *root = json_object();
    put(d, root, "format", json_integer(COMPARE_JSON_FORMAT));
    put(d, root, "scrutin_version", json_string(SCRUTIN_VERSION));
    put(d, root, "seed", seed_json(info->seed));
    json_t *sims = json_object();
    put(d, sims, "requested", json_integer((json_int_t)info->requested));
    put(d, sims, "completed", json_integer((json_int_t)c->simulations));
    put(d, root, "simulations", sims);
    put(d, root, "partial", json_boolean(info->requested != c->simulations));
    put(d, root, "base", scenario_json(d, c, info, 0));
    json_t *whatifs = json_array();
    for (size_t k = 1; k < c->n_models; k++)
        if (!whatifs || json_array_append_new(whatifs, scenario_json(d, c, info, k)) != 0)
            d->ok = 0;
    put(d, root, "whatifs", whatifs);
    json_t *rows = NULL;
    *status = table_json(&rows, &compare_table, &data->base);
    if (*status == SCRUTIN_OK)
        put(d, root, "rows", rows);
    json_t *e = json_object(), *timings = json_object(), *paths = json_array();
    put(d, timings, "load_seconds", real(info->load_seconds));
    put(d, timings, "simulate_seconds", real(info->simulate_seconds));
    put(d, timings, "write_seconds", real(write_seconds));
    put(d, e, "timings", timings);
    put(d, e, "threads", json_integer(info->threads));
    put(d, e, "ranks", json_integer(info->ranks));
    for (size_t k = 0; paths && k < c->n_models; k++)
        if (json_array_append_new(paths, info->paths && info->paths[k]
                                             ? json_string(info->paths[k])
                                             : json_null()) != 0)
            d->ok = 0;
    put(d, e, "scenario_paths", paths);
    put(d, root, "execution", e);
    return root;
}

int scrutin_compare_write(const char *out_dir, const scrutin_compare *c,
                          const scrutin_compare_info *given, scrutin_ctx *ctx)
{
    if (!out_dir || !c || !given || given->version < 1 ||
        given->version > SCRUTIN_COMPARE_INFO_VERSION)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_write: an argument is NULL, or the info is not "
                                 "initialised with SCRUTIN_COMPARE_INFO_INIT");
    /* A version 1 info ends before `ranks`: read what it has, the rest from the defaults. */
    scrutin_compare_info copy = SCRUTIN_COMPARE_INFO_INIT;
    memcpy(&copy, given, given->version == 1 ? offsetof(scrutin_compare_info, ranks) : sizeof copy);
    const scrutin_compare_info *info = &copy;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int status = report_make_folder(out_dir, ctx);
    if (status != SCRUTIN_OK)
        return status;
    compare_data data = {{NULL, NULL, NULL, NULL, 0, NULL}, c};
    report_locale c_numbers;
    status = report_locale_enter(&c_numbers);
    if (status == SCRUTIN_OK)
        status = report_table_file(out_dir, "compare.csv", &compare_table, &data.base, ctx);
    if (status == SCRUTIN_OK) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double seconds = (double)(now.tv_sec - start.tv_sec) + 1e-9 * (double)(now.tv_nsec - start.tv_nsec);
        doc d = {1};
        json_t *root = compare_json(&d, &data, info, seconds, &status);
        if (status == SCRUTIN_OK && !d.ok)
            status = SCRUTIN_ENOMEM;
        if (status == SCRUTIN_OK)
            status = report_json_file(out_dir, "compare.json", root, ctx);
        json_decref(root);
    }
    report_locale_leave(&c_numbers);
    return status;
}

/* ------------------------------------------------------------------------ */
/* Plots                                                                      */

#define PLOT_TITLE_SIZE 256
#define PLOT_NAME "compare_coalitions"

size_t scrutin_compare_plot_count(const scrutin_compare *c)
{
    if (!c || c->n_models < 2)
        return 0;
    return (c->n_models - 2) / SCRUTIN_COMPARE_PLOT_WHATIFS + 1;
}

int scrutin_compare_plot_name(char *out, size_t size, size_t i)
{
    if (!out || size == 0)
        return SCRUTIN_EINVAL;
    int n = i == 0 ? snprintf(out, size, "%s", PLOT_NAME)
                   : snprintf(out, size, "%s_%zu", PLOT_NAME, i + 1);
    return n > 0 && (size_t)n < size ? SCRUTIN_OK : SCRUTIN_EINVAL;
}

/* Whether model @p k declares coalition @p id, and its index there (from the rows). */
static int coalition_in(const scrutin_compare *c, size_t k, const char *id, size_t *index)
{
    for (size_t r = 0; r < c->n_rows; r++) {
        const scrutin_compare_row *x = &c->rows[r];
        if (x->stage != SCRUTIN_STAGE_FINAL || x->kind != SCRUTIN_GROUP_COALITION ||
            strcmp(x->group, id) != 0 || (k > 0 && x->whatif != k))
            continue;
        *index = k == 0 ? x->index_base : x->index_whatif;
        return k == 0 ? x->in_base : x->in_whatif;
    }
    return 0;
}

/* The final seats of coalition @p id in model @p k; NULL if the model does not declare it. */
static const scrutin_group_summary *coalition_summary(const scrutin_compare *c, size_t k,
                                                      const char *id, size_t *index)
{
    if (!coalition_in(c, k, id, index))
        return NULL;
    return &c->summaries[k]->groups[SCRUTIN_STAGE_FINAL][SCRUTIN_GROUP_COALITION][*index];
}

/* The coalitions of the base and of @p models, each once: the base's in its order, then the
   others in the order of the rows. */
static size_t plot_groups(const scrutin_compare *c, const size_t *models, size_t m,
                          const char **ids)
{
    size_t n = 0;
    for (size_t r = 0; r < c->n_rows; r++) {
        const scrutin_compare_row *x = &c->rows[r];
        int drawn = 0;
        for (size_t i = 1; i < m && !drawn; i++)
            drawn = x->whatif == models[i];
        if (!drawn || x->stage != SCRUTIN_STAGE_FINAL || x->kind != SCRUTIN_GROUP_COALITION)
            continue;
        size_t i = 0;
        while (i < n && strcmp(ids[i], x->group) != 0)
            i++;
        if (i == n)
            ids[n++] = x->group;
    }
    return n;
}

/* A panel's title: each scenario's P(majority) (two scenarios: also the mean seats). */
static void panel_title(char *title, const scrutin_compare *c, const char *id,
                        const size_t *models, size_t m)
{
    size_t index;
    if (m == 2) {
        const scrutin_group_summary *g[2] = {coalition_summary(c, 0, id, &index),
                                             coalition_summary(c, models[1], id, &index)};
        const char *only = g[0] && g[1] ? "" : g[0] ? " (base only)" : " (what-if only)";
        const scrutin_group_summary *one = g[0] ? g[0] : g[1];
        if (g[0] && g[1])
            snprintf(title, PLOT_TITLE_SIZE, "%s: mean %.1f → %.1f seats, P(majority) %.1f%% → "
                     "%.1f%%", id, g[0]->mean, g[1]->mean, 100.0 * g[0]->majority.p,
                     100.0 * g[1]->majority.p);
        else
            snprintf(title, PLOT_TITLE_SIZE, "%s%s: mean %.1f seats, P(majority) %.1f%%", id, only,
                     one->mean, 100.0 * one->majority.p);
        return;
    }
    size_t used = (size_t)snprintf(title, PLOT_TITLE_SIZE, "%s: P(majority)", id);
    for (size_t i = 0; i < m && used < PLOT_TITLE_SIZE; i++) {
        const char *sep = i == 0 ? " " : i == 1 ? "; what-ifs " : ", ";
        const scrutin_group_summary *g = coalition_summary(c, models[i], id, &index);
        if (g)
            used += (size_t)snprintf(title + used, PLOT_TITLE_SIZE - used, "%s%.1f%%", sep,
                                     100.0 * g->majority.p);
        else
            used += (size_t)snprintf(title + used, PLOT_TITLE_SIZE - used, "%s-", sep);
        if (i == 0 && used < PLOT_TITLE_SIZE)
            used += (size_t)snprintf(title + used, PLOT_TITLE_SIZE - used, " in the base");
    }
}

/* Room for one plot: titles, labels and distributions. */
typedef struct plot_buffers {
    const char **ids;
    char (*titles)[PLOT_TITLE_SIZE];
    const char **title_ptrs;
    char (*labels)[PLOT_TITLE_SIZE];
    const char **label_ptrs;
    double *values;        /* [n_groups * m][seats + 1] */
    const double **curves; /* [n_groups * m] */
} plot_buffers;

static void plot_buffers_free(plot_buffers *b)
{
    free(b->ids);
    free(b->titles);
    free(b->title_ptrs);
    free(b->labels);
    free(b->label_ptrs);
    free(b->values);
    free(b->curves);
}

/* Plot @p page: the base and what-ifs models[1..m-1], on an axis of @p seats. */
static int plot_page(const char *out_dir, const scrutin_compare *c, size_t page,
                     const size_t *models, size_t m, unsigned seats, scrutin_ctx *ctx)
{
    plot_buffers b = {malloc((c->n_rows + 1) * sizeof *b.ids), NULL, NULL, NULL, NULL, NULL, NULL};
    size_t n = b.ids ? plot_groups(c, models, m, b.ids) : 0;
    b.titles = malloc((n + 1) * sizeof *b.titles);
    b.title_ptrs = malloc((n + 1) * sizeof *b.title_ptrs);
    b.labels = malloc(m * sizeof *b.labels);
    b.label_ptrs = malloc(m * sizeof *b.label_ptrs);
    b.values = calloc((n + 1) * m * ((size_t)seats + 1), sizeof *b.values);
    b.curves = malloc((n + 1) * m * sizeof *b.curves);
    if (!b.ids || !b.titles || !b.title_ptrs || !b.labels || !b.label_ptrs || !b.values ||
        !b.curves) {
        plot_buffers_free(&b);
        return SCRUTIN_ENOMEM;
    }
    for (size_t i = 0; i < m; i++) {
        snprintf(b.labels[i], PLOT_TITLE_SIZE, "%s%s", c->names[models[i]],
                 i == 0 ? " (base)" : "");
        b.label_ptrs[i] = b.labels[i];
    }
    double sims = (double)c->simulations;
    for (size_t g = 0; g < n; g++) {
        panel_title(b.titles[g], c, b.ids[g], models, m);
        b.title_ptrs[g] = b.titles[g];
        for (size_t i = 0; i < m; i++) {
            size_t k = models[i], index;
            double *v = b.values + (g * m + i) * ((size_t)seats + 1);
            /* A coalition the scenario does not declare holds no seat there: no curve. */
            if (coalition_in(c, k, b.ids[g], &index)) {
                const int64_t *hist = scrutin_tally_seat_histogram(
                    c->tallies[k], SCRUTIN_STAGE_FINAL, SCRUTIN_GROUP_COALITION, index);
                for (unsigned s = 0; s <= c->seats[k]; s++)
                    v[s] = (double)hist[s] / sims;
            }
            b.curves[g * m + i] = v;
        }
    }
    char title[PLOT_TITLE_SIZE], name[64];
    size_t whatifs = c->n_models - 1;
    if (whatifs == 1)
        snprintf(title, sizeof title, "%s against %s: final seats of each coalition, %llu "
                 "paired simulations", c->names[1], c->names[0], (unsigned long long)c->simulations);
    else if (m - 1 == whatifs)
        snprintf(title, sizeof title, "%zu what-ifs against %s: final seats of each coalition, "
                 "%llu paired simulations", whatifs, c->names[0],
                 (unsigned long long)c->simulations);
    else
        snprintf(title, sizeof title, "What-ifs %zu to %zu of %zu against %s: final seats of each "
                 "coalition, %llu paired simulations", models[1], models[m - 1], whatifs,
                 c->names[0], (unsigned long long)c->simulations);
    int status = scrutin_compare_plot_name(name, sizeof name, page);
    if (status == SCRUTIN_OK && n == 0)
        status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                   "scrutin_compare_plot: the scenarios declare no coalition");
    if (status == SCRUTIN_OK)
        status = scrutin_plot_compare(out_dir, name, title, seats, c->majority[0], n,
                                      b.title_ptrs, m, b.label_ptrs, b.curves, ctx);
    plot_buffers_free(&b);
    return status;
}

/* Remove the pages an earlier comparison of more what-ifs left, from page @p first on. */
static void forget_pages(const char *out_dir, size_t first)
{
    char name[64], path[4096];
    for (size_t page = first; scrutin_compare_plot_name(name, sizeof name, page) == SCRUTIN_OK;
         page++) {
        const char *const ext[] = {"csv", "gp", "svg", "png"};
        int found = 0;
        for (size_t e = 0; e < sizeof ext / sizeof ext[0]; e++) {
            int len = snprintf(path, sizeof path, "%s/%s/%s.%s", out_dir, SCRUTIN_PLOT_DIR, name,
                               ext[e]);
            if (len > 0 && (size_t)len < sizeof path && remove(path) == 0)
                found = 1;
        }
        if (!found)
            break;
    }
}

int scrutin_compare_plot(const char *out_dir, const scrutin_compare *c, scrutin_ctx *ctx)
{
    if (!out_dir || !c || c->n_models < 2 || c->simulations == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_plot: an argument is NULL, or the comparison "
                                 "is empty");
    /* A common axis: the largest assembly (what-ifs usually keep the base's). */
    unsigned seats = 0;
    for (size_t k = 0; k < c->n_models; k++)
        seats = c->seats[k] > seats ? c->seats[k] : seats;
    size_t pages = scrutin_compare_plot_count(c);
    int status = SCRUTIN_OK;
    for (size_t page = 0; status == SCRUTIN_OK && page < pages; page++) {
        size_t models[SCRUTIN_COMPARE_PLOT_WHATIFS + 1] = {0}, m = 1;
        for (size_t k = 1 + page * SCRUTIN_COMPARE_PLOT_WHATIFS;
             k < c->n_models && m <= SCRUTIN_COMPARE_PLOT_WHATIFS; k++)
            models[m++] = k;
        status = plot_page(out_dir, c, page, models, m, seats, ctx);
    }
    if (status == SCRUTIN_OK)
        forget_pages(out_dir, pages);
    return status;
}

/* ------------------------------------------------------------------------ */
/* The headline on standard output                                            */

/* The rows of what-if @p k shown: its coalitions (final), then the parties that move most. */
static size_t pick_rows(const scrutin_compare *c, size_t k, size_t *out)
{
    size_t n = 0, first_party;
    for (size_t r = 0; r < c->n_rows; r++) {
        const scrutin_compare_row *x = &c->rows[r];
        if (x->whatif == k && x->stage == SCRUTIN_STAGE_FINAL && x->kind == SCRUTIN_GROUP_COALITION)
            out[n++] = r;
    }
    first_party = n;
    for (int pick = 0; pick < HEADLINE_PARTIES; pick++) {
        size_t best = c->n_rows;
        for (size_t r = 0; r < c->n_rows; r++) {
            const scrutin_compare_row *x = &c->rows[r];
            if (x->whatif != k || x->stage != SCRUTIN_STAGE_FINAL || x->kind != SCRUTIN_GROUP_PARTY ||
                x->mean_diff == 0.0)
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

static void print_text(FILE *f, const scrutin_compare *c, int markdown, size_t *picks)
{
    for (size_t k = 1; k < c->n_models; k++) {
        size_t n = pick_rows(c, k, picks);
        if (markdown) {
            fprintf(f, "%s## %s against %s\n\n%llu simulations of each, paired (same seed and "
                       "index); final seats. Differences are what-if minus base, with their "
                       "paired Monte Carlo standard errors (quantile differences, in "
                       "compare.csv, have none).\n\n",
                    k > 1 ? "\n" : "", c->names[k], c->names[0],
                    (unsigned long long)c->simulations);
            fputs("| group | kind | mean seats, base | what-if | difference ± se | P(majority), "
                  "base | what-if | difference ± se | median, base → what-if |\n"
                  "|---|---|---:|---:|---:|---:|---:|---:|---:|\n",
                  f);
        } else {
            fprintf(f, "%s%s against %s: %llu simulations of each, paired; final seats\n\n",
                    k > 1 ? "\n" : "", c->names[k], c->names[0],
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
        case SCRUTIN_FORMAT_CSV: status = table_csv_write(f, &compare_table, &data.base); break;
        case SCRUTIN_FORMAT_JSON: {
            json_t *rows = NULL;
            status = table_json(&rows, &compare_table, &data.base);
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
    if (status == SCRUTIN_OK && ferror(f))
        status = SCRUTIN_EIO;
    if (status != SCRUTIN_OK)
        return scrutin_ctx_error(ctx, status, NULL, 0, NULL, "cannot write the comparison: %s",
                                 scrutin_strerror(status));
    return SCRUTIN_OK;
}
