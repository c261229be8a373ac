/* The shocks shared by many districts: national, coalition and regional. */
#include <gsl/gsl_randist.h>
#include <math.h>

#include "kernel.h"
#include "shocks.h"
#include "stream.h"

double sim_shock_t(gsl_rng *tails, double z, double sd, double tails_df)
{
    /*
     * Student-t with tails_df degrees of freedom, scaled to the standard
     * deviation sd of the normal it replaces: t = z / sqrt(V / df) with
     * V ~ chi-square(df) = 2 Gamma(df / 2), and t's variance is df / (df - 2),
     * so sd sqrt((df - 2) / df) t = sd z sqrt((df - 2) / V). GSL's gamma
     * (Marsaglia and Tsang) rejects rarely for shape >= 1, so a draw costs the
     * same whatever df, where a t by rejection slows without bound near 2.
     */
    double v = 2.0 * gsl_ran_gamma(tails, 0.5 * tails_df, 1.0);
    return sd * z * sqrt((tails_df - 2.0) / v);
}

void sim_draw_shared_shocks(const scrutin_model *m, sim_workspace *w, uint64_t index)
{
    const model_params *p = &m->params;
    const double df = p->tails_df;
    /* Party shocks eta_p, then each party's coalition shock gamma_c added. */
    const sim_batch *b = &w->batch;
    stream_id s = stream_at(w->seed, index, STREAM_PARTY, 0);
    const double *z = b->z + b->party;
    sim_tails_at(m, w, s);
    for (size_t i = 0; i < m->n_parties; i++)
        w->party_effect[i] = sim_shock(w->tails, z[i], p->sd_party, df);
    s = stream_at(w->seed, index, STREAM_COALITION, 0);
    z = b->z + b->coalition;
    sim_tails_at(m, w, s);
    for (size_t k = 0; k < m->n_coalitions; k++)
        w->coalition_shock[k] = sim_shock(w->tails, z[k], p->sd_coalition, df);
    for (size_t i = 0; i < m->n_parties; i++)
        w->party_effect[i] += w->coalition_shock[m->party_coalition[i]];
    /* Regional shocks, only for the (region, party) pairs some list uses. */
    s = stream_at(w->seed, index, STREAM_REGION, 0);
    z = b->z + b->region;
    sim_tails_at(m, w, s);
    for (size_t k = 0; k < m->n_pairs; k++)
        w->pair_shock[k] = w->party_effect[m->pair_party[k]] +
                           sim_shock(w->tails, z[k], p->sd_region, df);
    z = b->z + b->turnout;
    double national = p->sd_turnout_national * z[0];
    for (size_t g = 0; g < m->n_regions; g++)
        w->region_turnout[g] = national + p->sd_turnout_region * z[1 + g];
}
