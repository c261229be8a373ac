/*
 * Comparisons (docs/whatifs.md, "Comparing"): which groups of each what-if
 * face which of the base (matched by kind and id), and the rows computed
 * once, at the end, from the integer sums of a comparison tally (paired.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "paired.h"
#include "scrutin/compare.h"

static const scrutin_entity group_entity[SCRUTIN_GROUP_KINDS] = {SCRUTIN_ENTITY_PARTY,
                                                                 SCRUTIN_ENTITY_COALITION};

void scrutin_compare_free(scrutin_compare *c)
{
    if (!c)
        return;
    for (size_t k = 0; k < c->n_models; k++) {
        if (c->names)
            free(c->names[k]);
        if (c->tallies)
            scrutin_tally_free(c->tallies[k]);
        if (c->summaries)
            scrutin_summary_free(c->summaries[k]);
    }
    for (size_t r = 0; c->rows && r < c->n_rows; r++)
        free((char *)c->rows[r].group);
    free(c->names);
    free(c->seats);
    free(c->majority);
    free(c->tallies);
    free(c->summaries);
    free(c->rows);
    free(c);
}

/* Index of the group of kind @p kind with id @p id in @p m, -1 if none. */
static long find_group(const scrutin_model *m, scrutin_group_kind kind, const char *id)
{
    size_t n = scrutin_model_count(m, group_entity[kind]);
    for (size_t g = 0; g < n; g++)
        if (strcmp(scrutin_model_id(m, group_entity[kind], g), id) == 0)
            return (long)g;
    return -1;
}

/* A group's index into a workspace's seats: parties first, then coalitions. */
static long seat_index(const scrutin_model *m, scrutin_group_kind kind, long g)
{
    if (g < 0)
        return -1;
    return kind == SCRUTIN_GROUP_PARTY ? g : (long)scrutin_model_count(m, SCRUTIN_ENTITY_PARTY) + g;
}

/* Add one pair and, if @p c is not NULL, its row. @return 0 or SCRUTIN_ENOMEM. */
static int add_row(scrutin_compare *c, paired_plan *plan, size_t whatif, int stage, int kind,
                   const char *id, long base_group, long whatif_group,
                   const scrutin_model *const *models)
{
    if (c) {
        scrutin_compare_row *row = &c->rows[c->n_rows];
        memset(row, 0, sizeof *row);
        row->whatif = whatif;
        row->stage = (scrutin_stage)stage;
        row->kind = (scrutin_group_kind)kind;
        row->group = strdup(id);
        if (!row->group)
            return SCRUTIN_ENOMEM;
        row->in_base = base_group >= 0;
        row->in_whatif = whatif_group >= 0;
        row->index_base = base_group >= 0 ? (size_t)base_group : 0;
        row->index_whatif = whatif_group >= 0 ? (size_t)whatif_group : 0;
        c->n_rows++;
    }
    paired_pair *p = &plan->pairs[plan->n_pairs++];
    p->whatif = whatif;
    p->stage = stage;
    p->base_group = seat_index(models[0], (scrutin_group_kind)kind, base_group);
    p->whatif_group = seat_index(models[whatif], (scrutin_group_kind)kind, whatif_group);
    return SCRUTIN_OK;
}

/* The pairs and their rows (paired.h): per what-if, stage and kind, the base's groups, then
   the what-if's others. */
int paired_plan_rows(scrutin_compare *c, paired_plan *plan, const scrutin_model *const *models,
                     size_t n_models)
{
    size_t most = 0;
    for (size_t k = 1; k < n_models; k++)
        for (int kind = 0; kind < SCRUTIN_GROUP_KINDS; kind++)
            most += scrutin_model_count(models[0], group_entity[kind]) +
                    scrutin_model_count(models[k], group_entity[kind]);
    most *= SCRUTIN_STAGES;
    plan->n_pairs = 0;
    plan->pairs = calloc(most + 1, sizeof *plan->pairs);
    if (!plan->pairs)
        return SCRUTIN_ENOMEM;
    if (c && !(c->rows = calloc(most + 1, sizeof *c->rows)))
        return SCRUTIN_ENOMEM;
    for (size_t k = 1; k < n_models; k++)
        for (int st = 0; st < SCRUTIN_STAGES; st++)
            for (int kind = 0; kind < SCRUTIN_GROUP_KINDS; kind++) {
                const scrutin_entity e = group_entity[kind];
                for (size_t g = 0; g < scrutin_model_count(models[0], e); g++) {
                    const char *id = scrutin_model_id(models[0], e, g);
                    long other = find_group(models[k], (scrutin_group_kind)kind, id);
                    if (add_row(c, plan, k, st, kind, id, (long)g, other, models) != SCRUTIN_OK)
                        return SCRUTIN_ENOMEM;
                }
                for (size_t g = 0; g < scrutin_model_count(models[k], e); g++) {
                    const char *id = scrutin_model_id(models[k], e, g);
                    if (find_group(models[0], (scrutin_group_kind)kind, id) < 0 &&
                        add_row(c, plan, k, st, kind, id, -1, (long)g, models) != SCRUTIN_OK)
                        return SCRUTIN_ENOMEM;
                }
            }
    return SCRUTIN_OK;
}

/* ------------------------------------------------------------------------ */
/* The comparison, from the tally                                             */

/* Mean and standard error of the mean from integer sums over @p n paired simulations. */
static void paired_mean(int64_t sum, int64_t squares, uint64_t n, double *mean, double *se)
{
    *mean = (double)sum / (double)n;
    double var = n > 1 ? ((double)squares - (double)sum * *mean) / (double)(n - 1) : 0.0;
    *se = sqrt((var > 0.0 ? var : 0.0) / (double)n);
}

/* A group's mean, P(majority) and quantiles in one model; zeros if the model lacks it. */
static void margins(const scrutin_summary *s, scrutin_stage stage, scrutin_group_kind kind,
                    int present, size_t g, double *mean, double *p_majority, unsigned *q)
{
    if (!present) {
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
        margins(c->summaries[0], row->stage, row->kind, row->in_base, row->index_base,
                &row->mean_base, &row->p_majority_base, row->q_base);
        margins(c->summaries[row->whatif], row->stage, row->kind, row->in_whatif,
                row->index_whatif, &row->mean_whatif, &row->p_majority_whatif, row->q_whatif);
        for (int q = 0; q < SCRUTIN_COMPARE_QUANTILES; q++)
            row->q_diff[q] = (int)row->q_whatif[q] - (int)row->q_base[q];
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
    paired_plan plan = {0, NULL, NULL};
    const scrutin_model *const *models = (const scrutin_model *const *)t->models;
    int status = describe_models(c, t);
    if (status == SCRUTIN_OK)
        status = paired_plan_rows(c, &plan, models, t->n_models);
    /* The same models give the same pairs: the tally's sums follow the rows. */
    if (status == SCRUTIN_OK && plan.n_pairs != t->plan.n_pairs)
        status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                   "scrutin_compare_compute: the tally's groups do not match "
                                   "its models");
    for (size_t k = 0; status == SCRUTIN_OK && k < c->n_models; k++)
        status = scrutin_summary_compute(&c->summaries[k], models[k], c->tallies[k], ctx);
    if (status == SCRUTIN_OK)
        fill_rows(c, t->sums + PAIRED_FIRST);
    free(plan.pairs);
    if (status != SCRUTIN_OK) {
        scrutin_compare_free(c);
        return status;
    }
    *out = c;
    return SCRUTIN_OK;
}

int scrutin_compare_run(scrutin_compare **out, const scrutin_model *const *models,
                        size_t n_models, const scrutin_sim_options *o, scrutin_ctx *ctx)
{
    *out = NULL;
    if (!models || n_models < 2 || !o || o->version != SCRUTIN_SIM_OPTIONS_VERSION ||
        o->threads < 0 || o->count == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_run: needs a base, at least one what-if, one "
                                 "simulation or more, and options initialised with "
                                 "SCRUTIN_SIM_OPTIONS_INIT");
    scrutin_compare_tally *t = NULL;
    int status = scrutin_compare_tally_new(&t, models, n_models, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_compare_tally_run(t, o, ctx);
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
