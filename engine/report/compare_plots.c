/*
 * The plots of scrutin compare (docs/cli.md, "Plots"): the coalitions' seat
 * distributions, base against what-ifs, a page of at most
 * SCRUTIN_COMPARE_PLOT_WHATIFS what-ifs each, drawn by scrutin_plot_panels().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare_side.h"
#include "scrutin/compare.h"
#include "scrutin/plot.h"

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
    if (m == 0) {
        /* Several systems: a curve each; their P(majority) are in compare.csv. */
        snprintf(title, PLOT_TITLE_SIZE, "%s", id);
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

/*
 * 1 if system @p system of model @p k is paired with a system of the other side of the
 * comparison, on this page (the base with a what-if of @p models[1..m-1]); else its curve
 * stands alone, as compare.csv and the terminal say.
 */
static int curve_paired(const scrutin_compare *c, size_t k, size_t system, const size_t *models,
                        size_t m)
{
    for (size_t r = 0; r < c->n_rows; r++) {
        const scrutin_compare_row *x = &c->rows[r];
        if (x->system_base < 0 || x->system_whatif < 0)
            continue;
        if (k > 0 && x->whatif == k && (size_t)x->system_whatif == system)
            return 1;
        for (size_t i = 1; k == 0 && i < m; i++)
            if (x->whatif == models[i] && (size_t)x->system_base == system)
                return 1;
    }
    return 0;
}

/* 1 if another scenario of @p models[0..m-1] than the @p i-th has its name. */
static int name_repeated(const scrutin_compare *c, const size_t *models, size_t m, size_t i)
{
    for (size_t j = 0; j < m; j++)
        if (j != i && strcmp(c->names[models[j]], c->names[models[i]]) == 0)
            return 1;
    return 0;
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
    /* A curve per scenario and electoral system: every system of every scenario is drawn. */
    size_t mc = 0;
    for (size_t i = 0; i < m; i++)
        mc += c->n_systems[models[i]];
    size_t *curve_model = malloc((mc + 1) * sizeof *curve_model);
    size_t *curve_system = malloc((mc + 1) * sizeof *curve_system);
    /* The CSV's cells of each curve: its scenario, and its system when there are several. */
    const char **curve_names = malloc((mc + 1) * sizeof *curve_names);
    const char **curve_systems = malloc((mc + 1) * sizeof *curve_systems);
    /* And its side: base, or the what-if's place on the command line (whatif1, ...). */
    char (*sides)[COMPARE_SIDE_SIZE] = malloc((mc + 1) * sizeof *sides);
    const char **curve_sides = malloc((mc + 1) * sizeof *curve_sides);
    plot_buffers b = {malloc((c->n_rows + 1) * sizeof *b.ids), NULL, NULL, NULL, NULL, NULL, NULL};
    size_t n = b.ids ? plot_groups(c, models, m, b.ids) : 0;
    b.titles = malloc((n + 1) * sizeof *b.titles);
    b.title_ptrs = malloc((n + 1) * sizeof *b.title_ptrs);
    b.labels = malloc((mc + 1) * sizeof *b.labels);
    b.label_ptrs = malloc((mc + 1) * sizeof *b.label_ptrs);
    b.values = calloc((n + 1) * mc * ((size_t)seats + 1), sizeof *b.values);
    b.curves = malloc((n + 1) * mc * sizeof *b.curves);
    if (!b.ids || !b.titles || !b.title_ptrs || !b.labels || !b.label_ptrs || !b.values ||
        !b.curves || !curve_model || !curve_system || !curve_names || !curve_systems || !sides ||
        !curve_sides) {
        plot_buffers_free(&b);
        free(curve_model);
        free(curve_system);
        free(curve_names);
        free(curve_systems);
        free(sides);
        free(curve_sides);
        return SCRUTIN_ENOMEM;
    }
    mc = 0;
    for (size_t i = 0; i < m; i++)
        for (size_t s = 0; s < c->n_systems[models[i]]; s++) {
            curve_model[mc] = models[i];
            curve_system[mc] = s;
            curve_names[mc] = c->names[models[i]];
            curve_systems[mc] = c->system_ids[models[i]][s];
            compare_side(sides[mc], i == 0 ? 0 : models[i]);
            curve_sides[mc] = sides[mc];
            /* "NAME/SYSTEM (base)" with several systems, as compare.csv's system column says;
               a name given twice gets its side, a system paired with none says so. */
            const char *system = c->several_systems ? c->system_ids[models[i]][s] : NULL;
            char side[48] = "";
            if (i == 0)
                snprintf(side, sizeof side, " (base)");
            else if (name_repeated(c, models, m, i))
                snprintf(side, sizeof side, " (what-if %zu)", models[i]);
            snprintf(b.labels[mc], PLOT_TITLE_SIZE, "%s%s%s%s%s", c->names[models[i]],
                     system ? "/" : "", system ? system : "", side,
                     curve_paired(c, models[i], s, models, m) ? "" : " (unpaired)");
            b.label_ptrs[mc] = b.labels[mc];
            mc++;
        }
    double sims = (double)c->simulations;
    for (size_t g = 0; g < n; g++) {
        panel_title(b.titles[g], c, b.ids[g], models, c->several_systems ? 0 : m);
        b.title_ptrs[g] = b.titles[g];
        for (size_t i = 0; i < mc; i++) {
            size_t k = curve_model[i], index;
            double *v = b.values + (g * mc + i) * ((size_t)seats + 1);
            /* A coalition the scenario does not declare holds no seat there: no curve. */
            if (coalition_in(c, k, b.ids[g], &index)) {
                const int64_t *hist = scrutin_tally_seat_histogram(
                    scrutin_tally_system(c->tallies[k], curve_system[i]), SCRUTIN_STAGE_FINAL,
                    SCRUTIN_GROUP_COALITION, index);
                for (unsigned s = 0; s <= c->seats[k]; s++)
                    v[s] = (double)hist[s] / sims;
            }
            b.curves[g * mc + i] = v;
        }
    }
    free(curve_model);
    free(curve_system);
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
    if (c->several_systems) {
        size_t used = strlen(title);
        snprintf(title + used, sizeof title - used, "; a curve per electoral system");
    }
    int status = scrutin_compare_plot_name(name, sizeof name, page);
    if (status == SCRUTIN_OK && n == 0)
        status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                   "scrutin_compare_plot: the scenarios declare no coalition");
    if (status == SCRUTIN_OK) {
        scrutin_panels_spec spec = SCRUTIN_PANELS_SPEC_INIT;
        spec.name = name;
        spec.title = title;
        spec.seats = seats;
        spec.majority = c->majority[0];
        spec.n_groups = n;
        spec.group_labels = b.title_ptrs;
        spec.n_scenarios = mc;
        spec.scenario_labels = b.label_ptrs;
        spec.probability = b.curves;
        spec.group_ids = b.ids;
        spec.scenario_ids = curve_names;
        spec.scenario_systems = c->several_systems ? curve_systems : NULL;
        spec.scenario_sides = curve_sides;
        status = scrutin_plot_panels(out_dir, &spec, ctx);
    }
    plot_buffers_free(&b);
    free(curve_names);
    free(curve_systems);
    free(sides);
    free(curve_sides);
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
