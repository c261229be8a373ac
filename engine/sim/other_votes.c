/*
 * The votes of lists a scenario does not describe (other_votes, docs/model.md
 * "Votes of lists not described"): one vote mass per district that moves with
 * a district shock of its own stream, counts in the valid votes of round 1,
 * and never takes a seat or reaches round 2.
 */
#include <gsl/gsl_randist.h>
#include <math.h>

#include "kernel.h"
#include "stream.h"

void sim_other_shock(const scrutin_model *m, sim_workspace *w, size_t d, uint64_t index,
                     uint32_t component)
{
    w->other_shock = 0.0;
    if (!isfinite(m->other_log_baseline[d]))
        return;
    const model_params *p = &m->params;
    stream_reset(w->rng, w->seed, index, component, (uint32_t)d + 1);
    /* Many small lists, shocked like one list of a party: the list spread (sd_list). */
    w->other_shock = p->tails_df > 0.0 ? sim_shock(w->rng, p->sd_list, p->tails_df)
                                       : gsl_ran_gaussian_ziggurat(w->rng, p->sd_list);
}
