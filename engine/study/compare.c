/*
 * Comparisons (docs/whatifs.md, "Comparing"): one row per pair of groups of
 * a comparison tally (which groups face which: sim/paired_plan.c), computed
 * once, at the end, from its integer sums (sim/paired.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../sim/paired.h"
#include "../sim/options.h"
#include "../summary/moments.h"
#include "reduce.h"
#include "scrutin/compare.h"

void scrutin_compare_free(scrutin_compare *c)
{
    if (!c)
        return;
    for (size_t k = 0; k < c->n_models; k++) {
        if (c->names)
            free(c->names[k]);
        if (c->tallies)
            scrutin_tally_free(c->tallies[k]);
        for (size_t s = 0; c->system_summaries && c->system_summaries[k] && s < c->n_systems[k];
             s++)
            scrutin_summary_free(c->system_summaries[k][s]); /* summaries[k] among them */
        if (c->system_summaries)
            free(c->system_summaries[k]);
        for (size_t s = 0; c->system_ids && c->system_ids[k] && s < c->n_systems[k]; s++)
            free(c->system_ids[k][s]);
        if (c->system_ids)
            free(c->system_ids[k]);
    }
    for (size_t r = 0; c->rows && r < c->n_rows; r++) {
        free((char *)c->rows[r].group);
        free((char *)c->rows[r].system);
    }
    for (size_t r = 0; c->district_rows && r < c->n_district_rows; r++) {
        free((char *)c->district_rows[r].system);
        free((char *)c->district_rows[r].district);
        free((char *)c->district_rows[r].group);
    }
    free(c->district_rows);
    free(c->system_summaries);
    free(c->system_ids);
    free(c->n_systems);
    free(c->names);
    free(c->seats);
    free(c->majority);
    free(c->tallies);
    free(c->summaries);
    free(c->rows);
    free(c);
}

/* One row per pair of @p plan, in its order: the tally's sums follow the rows one to one.
   @return 0 or SCRUTIN_ENOMEM. */
static int plan_rows(scrutin_compare *c, const paired_plan *plan)
{
    c->rows = calloc(plan->n_pairs + 1, sizeof *c->rows);
    if (!c->rows)
        return SCRUTIN_ENOMEM;
    for (size_t r = 0; r < plan->n_pairs; r++) {
        const paired_pair *p = &plan->pairs[r];
        scrutin_compare_row *row = &c->rows[r];
        row->whatif = p->whatif;
        row->stage = (scrutin_stage)p->stage;
        row->kind = p->kind;
        row->group = strdup(p->id);
        row->system = strdup(p->system);
        if (!row->group || !row->system)
            return SCRUTIN_ENOMEM;
        row->system_base = p->base_system;
        row->system_whatif = p->whatif_system;
        row->in_base = p->base_index >= 0 && p->base_system >= 0;
        row->in_whatif = p->whatif_index >= 0 && p->whatif_system >= 0;
        row->index_base = p->base_index >= 0 ? (size_t)p->base_index : 0;
        row->index_whatif = p->whatif_index >= 0 ? (size_t)p->whatif_index : 0;
        c->n_rows++;
    }
    return SCRUTIN_OK;
}

/* ------------------------------------------------------------------------ */
/* The comparison, from the tally                                             */

/* Mean and standard error of the mean from integer sums over @p n paired simulations. */
static void paired_mean(int64_t sum, int64_t squares, uint64_t n, double *mean, double *se)
{
    moments d = moments_of_sums(sum, squares, n);
    *mean = d.mean;
    *se = d.se;
}

/* A group's mean, P(majority) and quantiles in one model; zeros if the model lacks it. */
static void margins(const scrutin_summary *s, scrutin_stage stage, scrutin_group_kind kind,
                    int present, size_t g, double *mean, double *p_majority, unsigned *q)
{
    if (!present || !s) {
        *mean = 0.0;
        *p_majority = 0.0;
        memset(q, 0, SCRUTIN_COMPARE_QUANTILES * sizeof *q);
        return;
    }
    const scrutin_group_summary *gs = &s->groups[stage][kind][g];
    *mean = gs->mean;
    *p_majority = gs->majority.p;
    const unsigned quantiles[SCRUTIN_COMPARE_QUANTILES] = {gs->p05, gs->p25, gs->p50, gs->p75,
                                                           gs->p95};
    memcpy(q, quantiles, sizeof quantiles);
}

static void fill_rows(scrutin_compare *c, const int64_t *sums)
{
    uint64_t n = c->simulations;
    for (size_t r = 0; r < c->n_rows; r++) {
        scrutin_compare_row *row = &c->rows[r];
        const int64_t *s = sums + r * PAIRED_STATS;
        paired_mean(s[PAIRED_SUM], s[PAIRED_SQUARES], n, &row->mean_diff, &row->mean_diff_se);
        paired_mean(s[PAIRED_MAJORITY], s[PAIRED_MAJORITY_SQUARES], n, &row->p_majority_diff,
                    &row->p_majority_diff_se);
        const scrutin_summary *base =
            row->system_base >= 0 ? c->system_summaries[0][row->system_base] : NULL;
        const scrutin_summary *whatif =
            row->system_whatif >= 0 ? c->system_summaries[row->whatif][row->system_whatif] : NULL;
        margins(base, row->stage, row->kind, row->in_base, row->index_base, &row->mean_base,
                &row->p_majority_base, row->q_base);
        margins(whatif, row->stage, row->kind, row->in_whatif, row->index_whatif,
                &row->mean_whatif, &row->p_majority_whatif, row->q_whatif);
        for (int q = 0; q < SCRUTIN_COMPARE_QUANTILES; q++)
            row->q_diff[q] = (int)row->q_whatif[q] - (int)row->q_base[q];
        /* A system without a partner is shown, not compared: no difference to speak of. */
        if (row->system_base < 0 || row->system_whatif < 0)
            row->mean_diff = row->mean_diff_se = row->p_majority_diff = row->p_majority_diff_se =
                NAN;
    }
}

/* Each model's name, assembly, and a copy of its tally. */
static int describe_models(scrutin_compare *c, const scrutin_compare_tally *t)
{
    c->names = calloc(c->n_models, sizeof *c->names);
    c->seats = calloc(c->n_models, sizeof *c->seats);
    c->majority = calloc(c->n_models, sizeof *c->majority);
    c->tallies = calloc(c->n_models, sizeof *c->tallies);
    c->summaries = calloc(c->n_models, sizeof *c->summaries);
    if (!c->names || !c->seats || !c->majority || !c->tallies || !c->summaries)
        return SCRUTIN_ENOMEM;
    for (size_t k = 0; k < c->n_models; k++) {
        c->names[k] = strdup(scrutin_model_name(t->models[k]));
        c->seats[k] = scrutin_model_seats(t->models[k]);
        c->majority[k] = scrutin_model_majority(t->models[k]);
        if (!c->names[k] || scrutin_tally_new(&c->tallies[k], t->models[k]) != SCRUTIN_OK ||
            scrutin_tally_merge(c->tallies[k], t->tallies[k]) != SCRUTIN_OK)
            return SCRUTIN_ENOMEM;
    }
    return SCRUTIN_OK;
}

static const scrutin_entity group_entity[SCRUTIN_GROUP_KINDS] = {SCRUTIN_ENTITY_PARTY,
                                                                 SCRUTIN_ENTITY_COALITION};

/* The district rows, from the cells' counts: those where the group won a seat in either. */
static int district_rows(scrutin_compare *c, const scrutin_compare_tally *t, const int64_t *sums)
{
    const paired_districts *pd = &t->districts;
    c->district_rows = calloc(pd->n_cells + 1, sizeof *c->district_rows);
    if (!c->district_rows)
        return SCRUTIN_ENOMEM;
    uint64_t n = c->simulations;
    for (size_t i = 0; i < pd->n_cells; i++) {
        const paired_district_cell *cell = &pd->cells[i];
        const int64_t *s = sums + i * PAIRED_DISTRICT_STATS;
        if (s[PAIRED_HELD_BASE] == 0 && s[PAIRED_HELD_WHATIF] == 0)
            continue;
        const scrutin_model *b = t->models[0], *w = t->models[cell->whatif];
        /* The ids of whichever model has the district and the group. */
        const char *district = cell->d_base >= 0
                                   ? scrutin_model_id(b, SCRUTIN_ENTITY_DISTRICT, (size_t)cell->d_base)
                                   : scrutin_model_id(w, SCRUTIN_ENTITY_DISTRICT, (size_t)cell->d_whatif);
        const char *group = cell->g_base >= 0
                                ? scrutin_model_id(b, group_entity[cell->kind], (size_t)cell->g_base)
                                : scrutin_model_id(w, group_entity[cell->kind], (size_t)cell->g_whatif);
        scrutin_compare_district_row *row = &c->district_rows[c->n_district_rows++];
        row->whatif = cell->whatif;
        row->kind = cell->kind;
        row->system = strdup(cell->system);
        row->district = strdup(district);
        row->group = strdup(group);
        if (!row->system || !row->district || !row->group)
            return SCRUTIN_ENOMEM;
        row->p_base = (double)s[PAIRED_HELD_BASE] / (double)n;
        row->p_whatif = (double)s[PAIRED_HELD_WHATIF] / (double)n;
        /* x = held in the what-if - held in the base, in {-1, 0, 1}: x^2 = hw + hb - 2 both. */
        int64_t sum = s[PAIRED_HELD_WHATIF] - s[PAIRED_HELD_BASE];
        int64_t squares = s[PAIRED_HELD_WHATIF] + s[PAIRED_HELD_BASE] - 2 * s[PAIRED_HELD_BOTH];
        paired_mean(sum, squares, n, &row->p_diff, &row->p_diff_se);
        /* A system without a partner is shown, not compared: the side it lacks is empty. */
        if (cell->sys_base < 0)
            row->p_base = NAN;
        if (cell->sys_whatif < 0)
            row->p_whatif = NAN;
        if (cell->sys_base < 0 || cell->sys_whatif < 0)
            row->p_diff = row->p_diff_se = NAN;
    }
    return SCRUTIN_OK;
}

int scrutin_compare_compute(scrutin_compare **out, const scrutin_compare_tally *t,
                            scrutin_ctx *ctx)
{
    if (!out || !t)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_compute: an argument is NULL");
    *out = NULL;
    uint64_t n = scrutin_compare_tally_simulations(t);
    if (n == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_compute: no simulation to compare");
    for (size_t k = 0; k < t->n_models; k++)
        if (scrutin_tally_simulations(t->tallies[k]) != n)
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                     "scrutin_compare_compute: model %zu's tally counts %llu "
                                     "simulations, the paired sums %llu: the parts were not "
                                     "added together alike",
                                     k,
                                     (unsigned long long)scrutin_tally_simulations(t->tallies[k]),
                                     (unsigned long long)n);
    scrutin_compare *c = calloc(1, sizeof *c);
    if (!c)
        return SCRUTIN_ENOMEM;
    c->n_models = t->n_models;
    c->simulations = n;
    const scrutin_model *const *models = (const scrutin_model *const *)t->models;
    int status = describe_models(c, t);
    if (status == SCRUTIN_OK)
        status = plan_rows(c, &t->plan);
    c->n_systems = status == SCRUTIN_OK ? calloc(c->n_models, sizeof *c->n_systems) : NULL;
    c->system_summaries =
        status == SCRUTIN_OK ? calloc(c->n_models, sizeof *c->system_summaries) : NULL;
    c->system_ids = status == SCRUTIN_OK ? calloc(c->n_models, sizeof *c->system_ids) : NULL;
    if (status == SCRUTIN_OK && (!c->n_systems || !c->system_summaries || !c->system_ids))
        status = SCRUTIN_ENOMEM;
    /* Every system of every model, each summarised from its own counters. */
    for (size_t k = 0; status == SCRUTIN_OK && k < c->n_models; k++) {
        size_t ns = scrutin_model_systems(models[k]);
        c->several_systems |= ns > 1;
        c->system_summaries[k] = calloc(ns, sizeof *c->system_summaries[k]);
        c->system_ids[k] = calloc(ns, sizeof *c->system_ids[k]);
        if (!c->system_summaries[k] || !c->system_ids[k]) {
            status = SCRUTIN_ENOMEM;
            break;
        }
        c->n_systems[k] = ns;
        for (size_t s = 0; status == SCRUTIN_OK && s < ns; s++)
            if (!(c->system_ids[k][s] = strdup(scrutin_model_system_id(models[k], s))))
                status = SCRUTIN_ENOMEM;
        for (size_t s = 0; status == SCRUTIN_OK && s < ns; s++)
            status = scrutin_summary_compute(&c->system_summaries[k][s], models[k],
                                             scrutin_tally_system(c->tallies[k], s), ctx);
        if (status == SCRUTIN_OK)
            c->summaries[k] = c->system_summaries[k][0];
    }
    if (status == SCRUTIN_OK)
        fill_rows(c, t->sums + PAIRED_FIRST);
    if (status == SCRUTIN_OK)
        status = district_rows(c, t, t->sums + PAIRED_FIRST + t->plan.n_pairs * PAIRED_STATS);
    if (status != SCRUTIN_OK) {
        scrutin_compare_free(c);
        return status;
    }
    *out = c;
    return SCRUTIN_OK;
}

int scrutin_compare_tally_run_reduced(scrutin_compare_tally *t, const scrutin_sim_options *o,
                                      const scrutin_reduce *reduce, scrutin_ctx *ctx)
{
    int status = sim_options_check(o, "scrutin_compare_tally_run_reduced", ctx);
    const scrutin_reduce *r = status == SCRUTIN_OK
                                  ? study_reduce_hooks(reduce, "scrutin_compare_tally_run_reduced",
                                                       &status, ctx)
                                  : NULL;
    if (status != SCRUTIN_OK)
        return status;
    scrutin_sim_options mine = *o;
    study_block(r, o, &mine.first, &mine.count);
    status = scrutin_compare_tally_run(t, &mine, ctx);
    int stopped = 0;
    int agreed = study_settle(r, status, status == SCRUTIN_EINTR, &stopped);
    status = agreed;
    /* After an agreed success, every part summed on every process even if one sum failed
       here: the hooks' calls match across processes. */
    for (size_t part = 0; agreed == SCRUTIN_OK && part < scrutin_compare_tally_parts(t); part++) {
        size_t n = 0;
        int64_t *counters = scrutin_compare_tally_counters(t, part, &n);
        int summed = study_sum(r, counters, n);
        if (status == SCRUTIN_OK)
            status = summed;
    }
    return status == SCRUTIN_OK && stopped ? SCRUTIN_EINTR : status;
}

int scrutin_compare_run(scrutin_compare **out, const scrutin_model *const *models,
                        size_t n_models, const scrutin_sim_options *o, scrutin_ctx *ctx)
{
    *out = NULL;
    int checked = sim_options_check(o, "scrutin_compare_run", ctx);
    if (checked != SCRUTIN_OK)
        return checked;
    if (!models || n_models < 2 || o->count == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_run: needs a base, at least one what-if and "
                                 "one simulation or more");
    scrutin_compare_tally *t = NULL;
    int status = scrutin_compare_tally_new(&t, models, n_models, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_compare_tally_run_reduced(t, o, NULL, ctx);
    /* Stopped: the simulations completed, if any, are compared all the same. */
    if ((status == SCRUTIN_OK || status == SCRUTIN_EINTR) &&
        scrutin_compare_tally_simulations(t) > 0) {
        int computed = scrutin_compare_compute(out, t, ctx);
        if (computed != SCRUTIN_OK)
            status = computed;
    }
    scrutin_compare_tally_free(t);
    return status;
}
