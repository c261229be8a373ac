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
    double abstention_factor = exp(gsl_ran_gaussian_ziggurat(r, p->sd_abstention));
    /* The split over finalists is a proportion, so the appeals exp(xi_q) matter only relative
       to the first finalist's: exp(xi_q - xi_0), one exp() fewer. */
    double appeal[SCRUTIN_MAX_RUNOFF], mobilisation[SCRUTIN_MAX_RUNOFF], xi[SCRUTIN_MAX_RUNOFF];
    for (size_t q = 0; q < nq; q++)
        xi[q] = gsl_ran_gaussian_ziggurat(r, p->sd_affinity);
    appeal[0] = 1.0;
    for (size_t q = 1; q < nq; q++)
        appeal[q] = exp(xi[q] - xi[0]);
    double half_variance = 0.5 * p->sd_mobilisation * p->sd_mobilisation;
    for (size_t q = 0; q < nq; q++)
        mobilisation[q] = exp(gsl_ran_gaussian_ziggurat(r, p->sd_mobilisation) - half_variance);

    /*
     * Eliminated voters behave by coalition, so their round-1 votes are summed
     * by coalition first (whole numbers: the sums are exact), and each
     * coalition's split is computed once, not once per list.
     */
    double *eliminated = w->transfer;
    for (size_t k = 0; k < nc; k++)
        eliminated[k] = 0.0;
    for (size_t i = 0; i < n; i++) {
        w->votes2[i] = -1.0;
        if (w->votes1[i] > 0.0)
            eliminated[m->list_coalition[first + i]] += w->votes1[i];
    }
    double base[SCRUTIN_MAX_RUNOFF];
    uint32_t to[SCRUTIN_MAX_RUNOFF];
    double retention = p->retention[m->district_region[d]];
    for (size_t q = 0; q < nq; q++) {
        double v = w->votes1[r1->qualified[q]];
        to[q] = m->list_coalition[first + r1->qualified[q]];
        eliminated[to[q]] -= v > 0.0 ? v : 0.0;
        base[q] = retention * v;
    }
    /* The voters of lists not described behave as the coalition the scenario names for them. */
    if (w->other1 > 0.0 && m->other_coalition >= 0)
        eliminated[m->other_coalition] += w->other1;
    for (size_t k = 0; k < nc; k++) {
        if (!(eliminated[k] > 0.0))
            continue;
        /* Those who vote again: 1 - logistic(a_k + z) = 1 / (1 + exp(a_k) exp(z)). */
        double again = eliminated[k] / (1.0 + w->abstention_odds[k] * abstention_factor);
        const double *affinity = p->affinity + k * nc;
        double weight[SCRUTIN_MAX_RUNOFF], sum = 0.0;
        for (size_t q = 0; q < nq; q++)
            sum += weight[q] = affinity[to[q]] * appeal[q];
        if (sum > 0.0)
            for (size_t q = 0; q < nq; q++)
                base[q] += again * weight[q] / sum;
    }
    /* Or, without one, abstain as the default says and weigh every finalist alike. */
    if (w->other1 > 0.0 && m->other_coalition < 0) {
        double again = w->other1 / (1.0 + m->other_abstention_odds * abstention_factor);
        double sum = 0.0;
        for (size_t q = 0; q < nq; q++)
            sum += appeal[q];
        for (size_t q = 0; q < nq; q++)
            base[q] += again * appeal[q] / sum;
    }
    for (size_t q = 0; q < nq; q++)
        w->votes2[r1->qualified[q]] = whole(base[q] * mobilisation[q]);
}
