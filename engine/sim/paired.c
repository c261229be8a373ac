/*
 * The comparison tally and its paired driver (scrutin compare): simulation i
 * of the base and of each what-if runs with the same seed and index, so the
 * models see the same shocks wherever they share lists, districts and parties
 * (common random numbers). Each model has its own workspace and tally per
 * thread; the paired statistics of each compared group (sums of the
 * differences of its seats and of its majority indicator, and of their
 * squares) are integers per thread, added together after the loop, so the
 * result is the same for any number of threads; being integers, the
 * counters of several processes add up the same way
 * (scrutin_compare_tally_counters()). Nothing is allocated inside the loop.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "blocks.h"
#include "options.h"
#include "paired.h"
#include "scrutin/paired.h"

/* One thread's workspaces, tallies and paired sums. */
typedef struct thread_state {
    sim_workspace **w;
    scrutin_tally **t;
    int64_t *sums; /* [n_pairs * PAIRED_STATS], then the district cells' */
    uint8_t *marks;  /* [district cells] */
    size_t *touched; /* [touched_cap] */
} thread_state;

static void thread_free(thread_state *ts, size_t n_models)
{
    for (size_t k = 0; ts->w && k < n_models; k++)
        sim_workspace_free(ts->w[k]);
    for (size_t k = 0; ts->t && k < n_models; k++)
        scrutin_tally_free(ts->t[k]);
    free(ts->w);
    free(ts->t);
    free(ts->sums);
    free(ts->marks);
    free(ts->touched);
}

static int thread_new(thread_state *ts, const scrutin_model *const *models, size_t n_models,
                      size_t n_sums, const paired_districts *districts, scrutin_simd simd)
{
    ts->w = calloc(n_models, sizeof *ts->w);
    ts->t = calloc(n_models, sizeof *ts->t);
    ts->sums = calloc(n_sums + 1, sizeof *ts->sums);
    ts->marks = calloc(districts->n_cells + 1, sizeof *ts->marks);
    ts->touched = calloc(districts->touched_cap + 1, sizeof *ts->touched);
    if (!ts->w || !ts->t || !ts->sums || !ts->marks || !ts->touched)
        return 0;
    for (size_t k = 0; k < n_models; k++)
        if (scrutin_tally_new(&ts->t[k], models[k]) != SCRUTIN_OK ||
            sim_workspace_new(&ts->w[k], models[k], ts->t[k]) != SCRUTIN_OK ||
            sim_workspace_simd(ts->w[k], simd) != SCRUTIN_OK)
            return 0;
    return 1;
}

/* What a thread of the paired driver simulates with. */
typedef struct pair_thread {
    const scrutin_model *const *models;
    size_t n_models;
    const paired_plan *plan;
    const paired_districts *districts;
    thread_state *ts;
    uint64_t seed;
} pair_thread;

/* A sim_one_fn: simulation @p index of every model, and the paired sums of its groups. */
static void simulate_pair(void *data, uint64_t index)
{
    const pair_thread *thread = data;
    const scrutin_model *const *models = thread->models;
    const paired_plan *plan = thread->plan;
    thread_state *ts = thread->ts;
    for (size_t k = 0; k < thread->n_models; k++)
        sim_one(models[k], ts->w[k], thread->seed, index);
    paired_districts_count(thread->districts, models, ts->w, ts->marks, ts->touched,
                           ts->sums + plan->n_pairs * PAIRED_STATS);
    for (size_t r = 0; r < plan->n_pairs; r++) {
        const paired_pair *p = &plan->pairs[r];
        int64_t base = p->base_group >= 0 ? ts->w[0]->seats[p->stage][p->base_group] : 0;
        int64_t whatif =
            p->whatif_group >= 0 ? ts->w[p->whatif]->seats[p->stage][p->whatif_group] : 0;
        int64_t d = whatif - base;
        int64_t m = (int64_t)(whatif >= plan->majority[p->whatif]) -
                    (int64_t)(base >= plan->majority[0]);
        int64_t *s = ts->sums + r * PAIRED_STATS;
        s[PAIRED_SUM] += d;
        s[PAIRED_SQUARES] += d * d;
        s[PAIRED_MAJORITY] += m;
        s[PAIRED_MAJORITY_SQUARES] += m * m;
    }
}

/* Every model has what the simulation needs: scrutin_sim_run checks it, with nothing to run. */
static int check_models(scrutin_tally *const *tallies, const scrutin_model *const *models,
                        size_t n_models, const scrutin_sim_options *o, scrutin_ctx *ctx)
{
    scrutin_sim_options none = *o;
    none.count = 0;
    none.progress = NULL;
    none.stop = NULL;
    for (size_t k = 0; k < n_models; k++) {
        int status = scrutin_sim_run(tallies[k], models[k], &none, ctx);
        if (status != SCRUTIN_OK)
            return status;
    }
    return SCRUTIN_OK;
}

/*
 * Run simulations [first, first + count) of every model in pairs, adding
 * each model's counts to @p tallies[k] and the paired sums to @p sums
 * [n_pairs * PAIRED_STATS]. @return as scrutin_sim_run().
 */
static int paired_run(scrutin_tally *const *tallies, int64_t *sums,
                      const scrutin_model *const *models, size_t n_models,
                      const paired_plan *plan, const paired_districts *districts,
                      const scrutin_sim_options *o, scrutin_ctx *ctx)
{
    int status = check_models(tallies, models, n_models, o, ctx);
    if (status != SCRUTIN_OK)
        return status;
    size_t n_sums = plan->n_pairs * PAIRED_STATS + districts->n_cells * PAIRED_DISTRICT_STATS;
    sim_loop loop = sim_loop_start(o);

#pragma omp parallel num_threads(sim_thread_count(o->threads)) default(none)                  \
    shared(models, n_models, plan, districts, n_sums, o, tallies, sums, loop)
    {
        thread_state ts = {NULL, NULL, NULL, NULL, NULL};
        pair_thread thread = {models, n_models, plan, districts, &ts, o->seed};
        int ok = thread_new(&ts, models, n_models, n_sums, districts, o->simd);
        if (!ok)
            sim_loop_fail(&loop);
        /* Each thread takes the next block until none is left (blocks.h says why not omp for). */
        if (ok)
            sim_loop_run(&loop, simulate_pair, &thread);
        for (size_t k = 0; ok && k < n_models; k++)
            sim_merge_tally(&loop.unmerged, tallies[k], ts.t[k]);
        if (ok) {
#pragma omp critical(scrutin_paired_merge)
            for (size_t i = 0; i < n_sums; i++)
                sums[i] += ts.sums[i];
        }
        thread_free(&ts, n_models);
    }
    status = sim_threads_failure(loop.failed, loop.unmerged, "comparison", ctx);
    return status == SCRUTIN_OK ? sim_loop_end(&loop) : status;
}

/* ------------------------------------------------------------------------ */
/* The comparison tally                                                       */

void scrutin_compare_tally_free(scrutin_compare_tally *t)
{
    if (!t)
        return;
    for (size_t k = 0; t->tallies && k < t->n_models; k++)
        scrutin_tally_free(t->tallies[k]);
    free(t->tallies);
    free(t->models);
    free(t->majority);
    free(t->plan.pairs);
    paired_districts_free(&t->districts);
    free(t->sums);
    free(t);
}

int scrutin_compare_tally_new(scrutin_compare_tally **out, const scrutin_model *const *models,
                              size_t n_models, scrutin_ctx *ctx)
{
    if (!out)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_tally_new: out is NULL");
    *out = NULL;
    if (!models || n_models < 2)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_tally_new: needs a base and at least one "
                                 "what-if");
    for (size_t k = 0; k < n_models; k++)
        if (!models[k])
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                     "scrutin_compare_tally_new: model %zu is NULL", k);
    scrutin_compare_tally *t = calloc(1, sizeof *t);
    if (!t)
        return SCRUTIN_ENOMEM;
    t->n_models = n_models;
    t->models = calloc(n_models, sizeof *t->models);
    t->majority = calloc(n_models, sizeof *t->majority);
    t->tallies = calloc(n_models, sizeof *t->tallies);
    int status = t->models && t->majority && t->tallies ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    for (size_t k = 0; status == SCRUTIN_OK && k < n_models; k++) {
        t->models[k] = models[k];
        t->majority[k] = scrutin_model_majority(models[k]);
        status = scrutin_tally_new(&t->tallies[k], models[k]);
    }
    if (status == SCRUTIN_OK)
        status = paired_plan_new(&t->plan, models, n_models);
    if (status == SCRUTIN_OK)
        status = paired_districts_new(&t->districts, models, n_models);
    if (status == SCRUTIN_OK) {
        t->plan.majority = t->majority;
        t->n_sums = PAIRED_FIRST + t->plan.n_pairs * PAIRED_STATS +
                    t->districts.n_cells * PAIRED_DISTRICT_STATS;
        t->sums = calloc(t->n_sums, sizeof *t->sums);
        if (!t->sums)
            status = SCRUTIN_ENOMEM;
    }
    if (status != SCRUTIN_OK) {
        scrutin_compare_tally_free(t);
        return status;
    }
    *out = t;
    return SCRUTIN_OK;
}

int scrutin_compare_tally_run(scrutin_compare_tally *t, const scrutin_sim_options *o,
                              scrutin_ctx *ctx)
{
    if (!t)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_compare_tally_run: needs a tally");
    int checked = sim_options_check(o, "scrutin_compare_tally_run", ctx);
    if (checked != SCRUTIN_OK)
        return checked;
    uint64_t before = scrutin_tally_simulations(t->tallies[0]);
    int status = paired_run(t->tallies, t->sums + PAIRED_FIRST,
                            (const scrutin_model *const *)t->models, t->n_models, &t->plan,
                            &t->districts, o, ctx);
    /* Completed blocks are kept even when stopped: count them in the paired part too. */
    t->sums[0] += (int64_t)(scrutin_tally_simulations(t->tallies[0]) - before);
    return status;
}

/* Read-only use of a tally's counters: scrutin_tally_counters() takes a non-const tally. */
static size_t tally_size(const scrutin_tally *tally)
{
    size_t n = 0;
    scrutin_tally_counters((scrutin_tally *)tally, &n);
    return n;
}

int scrutin_compare_tally_merge(scrutin_compare_tally *into, const scrutin_compare_tally *from)
{
    if (!into || !from || into->n_models != from->n_models || into->n_sums != from->n_sums)
        return SCRUTIN_EINVAL;
    for (size_t k = 0; k < into->n_models; k++)
        if (scrutin_tally_model_fingerprint(into->tallies[k]) !=
                scrutin_tally_model_fingerprint(from->tallies[k]) ||
            tally_size(into->tallies[k]) != tally_size(from->tallies[k]) ||
            scrutin_tally_seats(into->tallies[k]) != scrutin_tally_seats(from->tallies[k]))
            return SCRUTIN_EINVAL;
    for (size_t k = 0; k < into->n_models; k++)
        if (scrutin_tally_merge(into->tallies[k], from->tallies[k]) != SCRUTIN_OK)
            return SCRUTIN_EINVAL;
    for (size_t i = 0; i < into->n_sums; i++)
        into->sums[i] += from->sums[i];
    return SCRUTIN_OK;
}

uint64_t scrutin_compare_tally_simulations(const scrutin_compare_tally *t)
{
    return t && t->sums[0] > 0 ? (uint64_t)t->sums[0] : 0;
}

size_t scrutin_compare_tally_parts(const scrutin_compare_tally *t)
{
    return t ? t->n_models + 1 : 0;
}

int64_t *scrutin_compare_tally_counters(scrutin_compare_tally *t, size_t part, size_t *count)
{
    size_t n = 0;
    int64_t *counters = NULL;
    if (t && part < t->n_models) {
        counters = scrutin_tally_counters(t->tallies[part], &n);
    } else if (t && part == t->n_models) {
        counters = t->sums;
        n = t->n_sums;
    }
    if (count)
        *count = n;
    return counters;
}

const scrutin_tally *paired_tally_model(const scrutin_compare_tally *t, size_t k)
{
    return t && k < t->n_models ? t->tallies[k] : NULL;
}
