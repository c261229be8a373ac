/* scrutin_run_plot: the seat distributions of coalitions and the largest parties, and the districts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../common/versioned.h"
#include "plot_files.h"
#include "plot_run.h"
#include "run_observed.h"
#include "scrutin/plot.h"

#define TITLE_SIZE 320

static const char *const run_names[] = {"coalition_seats", "party_seats", "district_outcomes"};

const char *const *scrutin_run_plot_names(size_t *count)
{
    if (count)
        *count = sizeof run_names / sizeof run_names[0];
    return run_names;
}

/* The final curve first (filled), the provisional one over it (outlined). */
static const scrutin_stage curve_stage[2] = {SCRUTIN_STAGE_FINAL, SCRUTIN_STAGE_PROVISIONAL};
static const char *const curve_labels[2] = {"final (after the court)",
                                            "provisional (before the court)"};
static const char *const curve_keys[2] = {"final", "provisional"};

/* The largest parties of every system's panels: those of the first system, so that they compare. */
#define MAX_PARTIES 64

/* What the panels of a run's plot are drawn from: a summary and a tally per system. */
typedef struct run_views {
    const scrutin_model *model;
    size_t n_systems;
    const scrutin_tally **tallies;     /* [n_systems] */
    const scrutin_summary **summaries; /* [n_systems]; [0] the caller's */
    scrutin_summary **own;             /* [n_systems] those computed here, freed here */
    run_observed observed;
} run_views;

static void views_free(run_views *v)
{
    for (size_t k = 0; v->own && k < v->n_systems; k++)
        scrutin_summary_free(v->own[k]);
    free(v->own);
    free(v->tallies);
    free(v->summaries);
    run_observed_free(&v->observed);
}

static int views_make(run_views *v, const scrutin_model *model, const scrutin_tally *tally,
                      const scrutin_summary *s, scrutin_ctx *ctx)
{
    size_t n = scrutin_tally_systems(tally);
    *v = (run_views){model, n, calloc(n, sizeof *v->tallies), calloc(n, sizeof *v->summaries),
                     calloc(n, sizeof *v->own), {0, NULL}};
    if (!v->tallies || !v->summaries || !v->own) {
        views_free(v);
        return SCRUTIN_ENOMEM;
    }
    int status = SCRUTIN_OK;
    for (size_t k = 0; k < n && status == SCRUTIN_OK; k++) {
        v->tallies[k] = scrutin_tally_system(tally, k);
        if (k == 0)
            v->summaries[k] = s;
        else if ((status = scrutin_summary_compute(&v->own[k], model, v->tallies[k], ctx)) ==
                 SCRUTIN_OK)
            v->summaries[k] = v->own[k];
    }
    if (status == SCRUTIN_OK)
        status = run_observed_make(&v->observed, model);
    if (status != SCRUTIN_OK)
        views_free(v);
    return status;
}

/* Room for the panels of up to @p n groups: titles, keys, distributions, observed seats. */
typedef struct panel_buffers {
    char (*titles)[TITLE_SIZE];
    const char **title_ptrs;
    char **keys; /* [n] malloc'd: ids have no bound on their length, and a key is never cut */
    const char **key_ptrs;
    size_t n;
    double *values;        /* [n * 2][seats + 1] */
    const double **curves; /* [n * 2] */
    long *observed;        /* [n] */
} panel_buffers;

static void buffers_free(panel_buffers *b)
{
    free(b->titles);
    free(b->title_ptrs);
    for (size_t i = 0; b->keys && i < b->n; i++)
        free(b->keys[i]);
    free(b->keys);
    free(b->key_ptrs);
    free(b->values);
    free(b->curves);
    free(b->observed);
}

static int buffers_alloc(panel_buffers *b, size_t n, unsigned seats)
{
    size_t m = n ? n : 1;
    b->n = n;
    b->titles = malloc(m * sizeof *b->titles);
    b->title_ptrs = malloc(m * sizeof *b->title_ptrs);
    b->keys = calloc(m, sizeof *b->keys);
    b->key_ptrs = malloc(m * sizeof *b->key_ptrs);
    b->values = malloc(m * 2 * ((size_t)seats + 1) * sizeof *b->values);
    b->curves = malloc(m * 2 * sizeof *b->curves);
    b->observed = malloc(m * sizeof *b->observed);
    if (!b->titles || !b->title_ptrs || !b->keys || !b->key_ptrs || !b->values || !b->curves ||
        !b->observed) {
        buffers_free(b);
        return SCRUTIN_ENOMEM;
    }
    return SCRUTIN_OK;
}

/* Panel @p i shows group @p group of @p kind under system @p k; @return the largest seat count
   it ever takes. */
static unsigned fill_panel(panel_buffers *b, size_t i, const run_views *v, size_t k,
                           scrutin_group_kind kind, size_t group)
{
    static const scrutin_entity entity[SCRUTIN_GROUP_KINDS] = {SCRUTIN_ENTITY_PARTY,
                                                               SCRUTIN_ENTITY_COALITION};
    const scrutin_summary *s = v->summaries[k];
    double n = (double)s->simulations;
    unsigned top = 0;
    for (size_t c = 0; c < 2; c++) {
        double *x = b->values + (i * 2 + c) * ((size_t)s->seats + 1);
        const int64_t *hist = scrutin_tally_seat_histogram(v->tallies[k], curve_stage[c], kind, group);
        for (unsigned seat = 0; seat <= s->seats; seat++) {
            x[seat] = (double)hist[seat] / n;
            if (hist[seat] > 0 && seat > top)
                top = seat;
        }
        b->curves[i * 2 + c] = x;
    }
    const scrutin_group_summary *f = &s->groups[SCRUTIN_STAGE_FINAL][kind][group];
    const scrutin_group_summary *p = &s->groups[SCRUTIN_STAGE_PROVISIONAL][kind][group];
    /* A group is titled by its name (UTF-8) where the scenario gives one, else by its id. */
    const char *id = scrutin_model_id(v->model, entity[kind], group);
    const char *label = scrutin_model_entity_name(v->model, entity[kind], group);
    if (!label || !label[0])
        label = id;
    /* With several systems, each panel says which one it shows, first. */
    char system[96] = "";
    if (v->n_systems > 1)
        snprintf(system, sizeof system, "%s: ", scrutin_model_system_id(v->model, k));
    b->observed[i] = run_observed_seats(&v->observed, k, kind, group);
    char seen[48] = "";
    if (b->observed[i] >= 0)
        snprintf(seen, sizeof seen, ", observed %ld", b->observed[i]);
    /* Parties are drawn two by two: their titles say less. */
    if (kind == SCRUTIN_GROUP_COALITION)
        snprintf(b->titles[i], TITLE_SIZE,
                 "%s%s: mean %.1f seats%s, P(majority) %.1f%% (provisional %.1f%%)", system, label,
                 f->mean, seen, 100.0 * f->majority.p, 100.0 * p->majority.p);
    else
        snprintf(b->titles[i], TITLE_SIZE, "%s%s: mean %.1f seats%s, P(majority) %.1f%%", system,
                 label, f->mean, seen, 100.0 * f->majority.p);
    b->title_ptrs[i] = b->titles[i];
    /* The CSV's key: "SYSTEM,ID" with several systems, else "ID" (NULL out of memory). */
    const char *sys = v->n_systems > 1 ? scrutin_model_system_id(v->model, k) : NULL;
    size_t size = strlen(id) + (sys ? strlen(sys) + 1 : 0) + 1;
    b->keys[i] = malloc(size);
    if (b->keys[i])
        snprintf(b->keys[i], size, "%s%s%s", sys ? sys : "", sys ? "," : "", id);
    b->key_ptrs[i] = b->keys[i];
    return top;
}

/* The run's title, with its systems named when there are several. */
static void run_title(char *title, size_t size, const run_views *v, const char *what)
{
    const scrutin_summary *s = v->summaries[0];
    int used = snprintf(title, size, "%s: %s in %llu simulated elections",
                        scrutin_model_name(v->model), what, (unsigned long long)s->simulations);
    if (v->n_systems > 1 && used > 0 && (size_t)used < size) {
        used += snprintf(title + used, size - (size_t)used, ", under each of %zu systems (",
                         v->n_systems);
        for (size_t k = 0; k < v->n_systems && used > 0 && (size_t)used < size; k++)
            used += snprintf(title + used, size - (size_t)used, "%s%s", k ? ", " : "",
                             scrutin_model_system_id(v->model, k));
        if (used > 0 && (size_t)used < size)
            snprintf(title + used, size - (size_t)used, ")");
    }
}

/* The panels of @p n groups (@p groups of @p kind) under every system, system by system. */
static int plot_groups(const char *dir, const run_views *v, scrutin_group_kind kind,
                       const size_t *groups, size_t n, const char *name, const char *what,
                       const char *title_what, unsigned columns, int party_axis,
                       scrutin_ctx *ctx)
{
    const scrutin_summary *s = v->summaries[0];
    panel_buffers b;
    if (buffers_alloc(&b, n * v->n_systems, s->seats) != SCRUTIN_OK)
        return SCRUTIN_ENOMEM;
    unsigned top = 0;
    int keyed = 1;
    for (size_t k = 0; k < v->n_systems; k++)
        for (size_t i = 0; i < n; i++) {
            unsigned t = fill_panel(&b, k * n + i, v, k, kind, groups[i]);
            top = t > top ? t : top;
            keyed &= b.key_ptrs[k * n + i] != NULL;
        }
    if (!keyed) {
        buffers_free(&b);
        return SCRUTIN_ENOMEM;
    }
    unsigned end = 0;
    if (party_axis) {
        /* A common axis up to a little past the largest seat count any of them ever took. */
        end = (top + 2 + 4) / 5 * 5;
        end = end < 10 ? 10 : end;
        end = end > s->seats ? s->seats : end;
    }
    char title[2 * TITLE_SIZE];
    run_title(title, sizeof title, v, title_what);
    int any_observed = run_observed_any(&v->observed);
    seat_panels p = {name, what, title, s->seats, s->majority, end, columns, n * v->n_systems, 2,
                     b.title_ptrs, curve_labels,
                     v->n_systems > 1 ? "system,group" : "group", b.key_ptrs, "stage", curve_keys,
                     b.curves, any_observed ? b.observed : NULL,
                     "observed (replayed)"};
    int status = plot_seat_panels(dir, &p, ctx);
    buffers_free(&b);
    return status;
}

static int plot_coalitions(const char *dir, const run_views *v, scrutin_ctx *ctx)
{
    size_t n = v->summaries[0]->n_groups[SCRUTIN_GROUP_COALITION];
    if (n == 0) {
        plot_remove(dir, run_names[0]);
        return SCRUTIN_OK;
    }
    size_t *all = malloc(n * sizeof *all);
    if (!all)
        return SCRUTIN_ENOMEM;
    for (size_t c = 0; c < n; c++)
        all[c] = c;
    int status = plot_groups(dir, v, SCRUTIN_GROUP_COALITION, all, n, run_names[0],
                             "the distribution of each coalition's seats, final and provisional",
                             "seats of each coalition", 1, 0, ctx);
    free(all);
    return status;
}

static int plot_parties(const char *dir, const run_views *v, unsigned parties, scrutin_ctx *ctx)
{
    size_t picked[MAX_PARTIES];
    size_t n = scrutin_summary_largest_parties(v->summaries[0], picked,
                                               parties < MAX_PARTIES ? parties : MAX_PARTIES);
    if (n == 0) {
        plot_remove(dir, run_names[1]);
        return SCRUTIN_OK;
    }
    char what[64];
    snprintf(what, sizeof what, "seats of the %zu largest parties", n);
    return plot_groups(dir, v, SCRUTIN_GROUP_PARTY, picked, n, run_names[1],
                       "the distribution of the largest parties' seats, final and provisional",
                       what, n > 1 ? 2 : 1, 1, ctx);
}

int scrutin_run_plot(const char *out_dir, const scrutin_model *model, const scrutin_tally *tally,
                     const scrutin_summary *summary, const scrutin_plot_options *options,
                     scrutin_ctx *ctx)
{
    static const scrutin_plot_options defaults = SCRUTIN_PLOT_OPTIONS_INIT;
    if (!options)
        options = &defaults;
    if (!out_dir || !model || !tally || !summary)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_run_plot: an argument is NULL");
    int checked = scrutin_tally_check(tally, model, "scrutin_run_plot", ctx);
    if (checked != SCRUTIN_OK)
        return checked;
    if (VERSIONED_CHECK(options, "scrutin_run_plot", scrutin_plot_options, SCRUTIN_PLOT_OPTIONS,
                        ctx) != SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    const scrutin_summary *s = summary;
    if (s->simulations == 0 || s->simulations != scrutin_tally_simulations(tally) ||
        s->seats != scrutin_tally_seats(tally) || s->seats != scrutin_model_seats(model) ||
        s->n_districts != scrutin_model_count(model, SCRUTIN_ENTITY_DISTRICT) ||
        s->n_groups[SCRUTIN_GROUP_PARTY] != scrutin_model_count(model, SCRUTIN_ENTITY_PARTY) ||
        s->n_groups[SCRUTIN_GROUP_COALITION] != scrutin_model_count(model, SCRUTIN_ENTITY_COALITION))
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_run_plot: the summary, the tally and the model do not "
                                 "describe the same run");
    run_views v;
    int status = views_make(&v, model, tally, s, ctx);
    if (status != SCRUTIN_OK)
        return status;
    char *dir = NULL;
    status = plot_folder(&dir, out_dir, ctx);
    if (status == SCRUTIN_OK)
        status = plot_coalitions(dir, &v, ctx);
    if (status == SCRUTIN_OK)
        status = plot_parties(dir, &v, options->parties, ctx);
    if (status == SCRUTIN_OK)
        status = plot_districts(dir, run_names[2], model, v.summaries, v.n_systems, ctx);
    free(dir);
    views_free(&v);
    return status;
}
