/*
 * The votes of lists a scenario does not describe (other_votes, docs/model.md
 * "Votes of lists not described"): one vote mass per district that moves with
 * a district shock of its own stream, counts in the valid votes of round 1,
 * and never takes a seat or reaches round 2.
 */
#include <math.h>

#include "kernel.h"
#include "shocks.h"
#include "stream.h"

void sim_other_shock(const scrutin_model *m, sim_workspace *w, size_t d, uint64_t index,
                     uint32_t component)
{
    w->other_shock = 0.0;
    if (!isfinite(m->other_log_baseline[d]))
        return;
    const model_params *p = &m->params;
    stream_id s = stream_at(w->seed, index, component, (uint32_t)d + 1);
    /* In the simulation's batch, but for a re-run's. */
    const double *z = component == STREAM_OTHER ? w->batch.z + w->batch.other[d]
                                                : sim_normals(w, s, 1);
    sim_tails_at(m, w, s);
    /* Many small lists, shocked like one list of a party: the list spread (sd_list). */
    w->other_shock = sim_shock(w->tails, z[0], p->sd_list, p->tails_df);
}
