/*
 * Round 2 of one district (docs/model.md, 4): finalists keep a share of their
 * voters; an eliminated list's voters abstain or transfer, split between the
 * finalists by the affinity between coalitions; a mobilisation shock per
 * finalist carries differential turnout.
 */
#include <gsl/gsl_randist.h>
#include <math.h>

#include "kernel.h"
#include "shocks.h"

void sim_runoff_votes(const scrutin_model *m, sim_workspace *w, size_t d, const scrutin_round1 *r1,
                      gsl_rng *r)
{
    const model_params *p = &m->params;
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    size_t nq = r1->n_qualified, nc = m->n_coalitions;
    /* Shocks of this district: one on abstention, one on each finalist's appeal, one on each
       finalist's mobilisation; always the same number, in the same order. */
    double abstention_shock = gsl_ran_gaussian_ziggurat(r, p->sd_abstention);
    double appeal[SCRUTIN_MAX_RUNOFF], mobilisation[SCRUTIN_MAX_RUNOFF];
    for (size_t q = 0; q < nq; q++)
        appeal[q] = exp(gsl_ran_gaussian_ziggurat(r, p->sd_affinity));
    double half_variance = 0.5 * p->sd_mobilisation * p->sd_mobilisation;
    for (size_t q = 0; q < nq; q++)
        mobilisation[q] = exp(gsl_ran_gaussian_ziggurat(r, p->sd_mobilisation) - half_variance);

    /* Per coalition of eliminated voters: the share that votes again, then its split. */
    double *t = w->transfer;
    for (size_t k = 0; k < nc; k++) {
        double *row = t + k * (1 + SCRUTIN_MAX_RUNOFF);
        row[0] = 1.0 - 1.0 / (1.0 + exp(-(p->abstention_logit[k] + abstention_shock)));
        double sum = 0.0;
        for (size_t q = 0; q < nq; q++) {
            uint32_t to = m->list_coalition[first + r1->qualified[q]];
            row[1 + q] = p->affinity[k * nc + to] * appeal[q];
            sum += row[1 + q];
        }
        for (size_t q = 0; q < nq; q++)
            row[1 + q] = sum > 0.0 ? row[0] * row[1 + q] / sum : 0.0;
    }

    double base[SCRUTIN_MAX_RUNOFF];
    double retention = p->retention[m->district_region[d]];
    for (size_t q = 0; q < nq; q++)
        base[q] = retention * w->votes1[r1->qualified[q]];
    for (size_t i = 0; i < n; i++) {
        w->votes2[i] = -1.0;
        if (w->votes1[i] <= 0.0)
            continue;
        int finalist = 0;
        for (size_t q = 0; q < nq; q++)
            finalist |= r1->qualified[q] == i;
        if (finalist)
            continue;
        const double *row = t + m->list_coalition[first + i] * (1 + SCRUTIN_MAX_RUNOFF);
        for (size_t q = 0; q < nq; q++)
            base[q] += w->votes1[i] * row[1 + q];
    }
    for (size_t q = 0; q < nq; q++)
        w->votes2[r1->qualified[q]] = nearbyint(base[q] * mobilisation[q]);
}
