/* The shocks shared by many districts: national, coalition and regional. */
#include <gsl/gsl_randist.h>
#include <math.h>

#include "kernel.h"
#include "shocks.h"
#include "stream.h"

double sim_shock(gsl_rng *r, double sd, double tails_df)
{
    if (tails_df > 0.0) {
        /* Student-t scaled to the same standard deviation as the normal it replaces. */
        return sd * sqrt((tails_df - 2.0) / tails_df) * gsl_ran_tdist(r, tails_df);
    }
    return gsl_ran_gaussian_ziggurat(r, sd);
}

void sim_draw_shared_shocks(const scrutin_model *m, sim_workspace *w, uint64_t index)
{
    const model_params *p = &m->params;
    gsl_rng *r = w->rng;
    /* Party shocks eta_p, then each party's coalition shock gamma_c added. */
    stream_reset(r, w->seed, index, STREAM_PARTY, 0);
    for (size_t i = 0; i < m->n_parties; i++)
        w->party_effect[i] = sim_shock(r, p->sd_party, p->tails_df);
    stream_reset(r, w->seed, index, STREAM_COALITION, 0);
    for (size_t k = 0; k < m->n_coalitions; k++) {
        double gamma = sim_shock(r, p->sd_coalition, p->tails_df);
        for (size_t i = 0; i < m->n_parties; i++)
            if (m->party_coalition[i] == k)
                w->party_effect[i] += gamma;
    }
    /* Regional shocks, only for the (region, party) pairs some list uses. */
    stream_reset(r, w->seed, index, STREAM_REGION, 0);
    for (size_t k = 0; k < m->n_pairs; k++)
        w->pair_shock[k] = w->party_effect[m->pair_party[k]] + sim_shock(r, p->sd_region, p->tails_df);
    stream_reset(r, w->seed, index, STREAM_TURNOUT, 0);
    double national = gsl_ran_gaussian_ziggurat(r, p->sd_turnout_national);
    for (size_t g = 0; g < m->n_regions; g++)
        w->region_turnout[g] = national + gsl_ran_gaussian_ziggurat(r, p->sd_turnout_region);
}
