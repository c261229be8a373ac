/* Per-thread scratch of the kernel, allocated once before the loop. */
#include <math.h>
#include <stdlib.h>

#include "../court/court.h"
#include "draws.h"
#include "kernel.h"
#include "shocks.h"
#include "stream.h"
#include "votes_plan.h"

void sim_workspace_free(sim_workspace *w)
{
    if (!w)
        return;
    gsl_rng_free(w->rng);
    gsl_rng_free(w->tails);
    sim_batch_free(&w->batch);
    count_plan_free(&w->count);
    runoff_plan_free(&w->runoff);
    votes_plan_free(w->votes);
    for (size_t s = 0; s < SCRUTIN_MAX_SYSTEMS; s++)
        gsl_rng_free(w->lots[s]);
    void *arrays[] = {w->court_none, w->normal, w->coalition_shock, w->party_effect, w->pair_shock, w->region_turnout, w->votes1, w->votes2,
                      w->scratch, w->list_seats[0], w->list_seats[1], w->rejected, w->seats[0],
                      w->seats[1], w->transfer, w->turning_out, w->votes1_kept, w->held};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
        free(arrays[i]);
    free(w);
}

int sim_workspace_new(sim_workspace **out, const scrutin_model *m, scrutin_tally *tally)
{
    *out = NULL;
    sim_workspace *w = calloc(1, sizeof *w);
    if (!w)
        return SCRUTIN_ENOMEM;
    size_t lists = draws_padded(m->max_lists + 1), groups = m->n_parties + m->n_coalitions;
    /* The largest batch of normals: one stream's (shocks.c, district_votes.c, runoff.c). */
    size_t batch = 1 + 2 * (size_t)SCRUTIN_MAX_RUNOFF;
    size_t sizes[] = {m->n_parties, m->n_coalitions, m->n_pairs, 1 + m->n_regions,
                      1 + m->max_lists};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        batch = sizes[i] > batch ? sizes[i] : batch;
    w->tally = tally;
    w->vm = sim_vmath_for(scrutin_simd_best());
    int batch_ok = sim_batch_init(&w->batch, m) == SCRUTIN_OK &&
                   votes_plan_new(&w->votes, m, &w->batch) == SCRUTIN_OK;
    int plan_ok = count_plan_init(&w->count, m) == SCRUTIN_OK;
    plan_ok &= runoff_plan_init(&w->runoff, m) == SCRUTIN_OK;
    w->normal = malloc((batch + 1) * sizeof *w->normal);
    w->coalition_shock = calloc(m->n_coalitions + 1, sizeof *w->coalition_shock);
    w->court_none = calloc(m->n_lists + 1, sizeof *w->court_none);
    w->rng = stream_alloc();
    w->tails = stream_alloc();
    int lots_ok = 1;
    for (size_t s = 0; s < m->n_systems && s < SCRUTIN_MAX_SYSTEMS; s++)
        lots_ok &= (w->lots[s] = stream_alloc()) != NULL;
    w->lot = w->lots[0];
    w->party_effect = calloc(m->n_parties + 1, sizeof *w->party_effect);
    w->pair_shock = calloc(m->n_pairs + 1, sizeof *w->pair_shock);
    w->region_turnout = calloc(m->n_regions + 1, sizeof *w->region_turnout);
    w->votes1 = calloc(lists, sizeof *w->votes1);
    w->votes2 = calloc(lists, sizeof *w->votes2);
    w->scratch = calloc(lists, sizeof *w->scratch);
    w->list_seats[0] = calloc(lists, sizeof *w->list_seats[0]);
    w->list_seats[1] = calloc(lists, sizeof *w->list_seats[1]);
    w->rejected = calloc(lists, sizeof *w->rejected);
    w->seats[0] = calloc(m->n_systems * groups + 1, sizeof *w->seats[0]);
    w->seats[1] = calloc(m->n_systems * groups + 1, sizeof *w->seats[1]);
    w->votes1_kept = calloc(lists, sizeof *w->votes1_kept);
    w->transfer = calloc(m->n_coalitions * (1 + SCRUTIN_MAX_RUNOFF) + 1, sizeof *w->transfer);
    w->turning_out = calloc(m->n_coalitions + 1, sizeof *w->turning_out);
    w->held_cap = 2 * (size_t)m->seats;
    w->held = calloc(m->n_systems * w->held_cap + 1, sizeof *w->held);
    if (!batch_ok || !plan_ok || !w->court_none || !w->vm || !w->normal || !w->coalition_shock || !w->tails ||
        !w->rng || !lots_ok || !w->party_effect || !w->pair_shock || !w->region_turnout ||
        !w->votes1 || !w->votes2 || !w->scratch || !w->list_seats[0] || !w->list_seats[1] || !w->rejected ||
        !w->seats[0] || !w->seats[1] || !w->transfer || !w->turning_out || !w->votes1_kept ||
        !w->held) {
        sim_workspace_free(w);
        return SCRUTIN_ENOMEM;
    }
    /* The parameters are fixed for the run the workspace serves. */
    court_reject_survival(m, w->court_none);
    for (size_t k = 0; k < m->n_coalitions; k++)
        w->turning_out[k] = 1.0 - sim_logistic(m->params.abstention_logit[k]);
    *out = w;
    return SCRUTIN_OK;
}

int sim_workspace_simd(sim_workspace *w, scrutin_simd simd)
{
    const sim_vmath *vm = sim_vmath_for(simd == SCRUTIN_SIMD_AUTO ? scrutin_simd_best() : simd);
    if (!vm)
        return SCRUTIN_EINVAL;
    w->vm = vm;
    return SCRUTIN_OK;
}
