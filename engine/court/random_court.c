/* The court's random decisions in a simulated election. */
#include <gsl/gsl_randist.h>
#include <math.h>

#include "court.h"

size_t court_reject(const scrutin_model *m, size_t d, gsl_rng *r, uint8_t *rejected)
{
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    size_t count = 0;
    const model_params *p = &m->params;
    for (size_t i = 0; i < n; i++) {
        size_t l = first + i;
        rejected[i] = m->list_rejected[l];
        if (p->court_enabled) {
            /* One draw per list, whether or not it is already rejected: positions stay put. */
            double u = gsl_rng_uniform(r);
            rejected[i] |= u < p->reject[m->list_kind[l]];
        }
        count += rejected[i];
    }
    return count;
}

court_ruling court_petition(const model_params *p, int round, const double *votes, size_t n,
                            size_t winner, gsl_rng *r, double *struck)
{
    double valid = 0.0, runner_up = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (votes[i] < 0.0)
            continue;
        valid += votes[i];
        if (i != winner && votes[i] > runner_up)
            runner_up = votes[i];
    }
    double margin = valid > 0.0 ? (votes[winner] - runner_up) / valid : 0.0;
    double upheld = p->annul_base[round - 1] * exp(-margin / p->annul_scale[round - 1]);
    if (gsl_rng_uniform(r) >= upheld)
        return COURT_NONE;
    if (gsl_rng_uniform(r) < p->rerun)
        return COURT_RERUN;
    *struck = gsl_ran_beta(r, p->strike_a, p->strike_b) * votes[winner];
    return COURT_STRIKE;
}
