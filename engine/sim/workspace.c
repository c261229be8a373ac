/* Per-thread scratch of the kernel, allocated once before the loop. */
#include <stdlib.h>

#include "kernel.h"
#include "stream.h"

void sim_workspace_free(sim_workspace *w)
{
    if (!w)
        return;
    gsl_rng_free(w->rng);
    gsl_rng_free(w->lot);
    void *arrays[] = {w->party_effect, w->pair_shock, w->region_turnout, w->votes1, w->votes2,
                      w->scratch, w->list_seats[0], w->list_seats[1], w->rejected, w->seats[0], w->seats[1], w->transfer};
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
    size_t lists = m->max_lists + 1, groups = m->n_parties + m->n_coalitions;
    w->tally = tally;
    w->rng = stream_alloc();
    w->lot = stream_alloc();
    w->party_effect = calloc(m->n_parties + 1, sizeof *w->party_effect);
    w->pair_shock = calloc(m->n_pairs + 1, sizeof *w->pair_shock);
    w->region_turnout = calloc(m->n_regions + 1, sizeof *w->region_turnout);
    w->votes1 = calloc(lists, sizeof *w->votes1);
    w->votes2 = calloc(lists, sizeof *w->votes2);
    w->scratch = calloc(lists, sizeof *w->scratch);
    w->list_seats[0] = calloc(lists, sizeof *w->list_seats[0]);
    w->list_seats[1] = calloc(lists, sizeof *w->list_seats[1]);
    w->rejected = calloc(lists, sizeof *w->rejected);
    w->seats[0] = calloc(groups + 1, sizeof *w->seats[0]);
    w->seats[1] = calloc(groups + 1, sizeof *w->seats[1]);
    w->transfer = calloc(m->n_coalitions * (1 + SCRUTIN_MAX_RUNOFF) + 1, sizeof *w->transfer);
    if (!w->rng || !w->lot || !w->party_effect || !w->pair_shock || !w->region_turnout ||
        !w->votes1 || !w->votes2 || !w->scratch || !w->list_seats[0] || !w->list_seats[1] || !w->rejected ||
        !w->seats[0] || !w->seats[1] || !w->transfer) {
        sim_workspace_free(w);
        return SCRUTIN_ENOMEM;
    }
    *out = w;
    return SCRUTIN_OK;
}
