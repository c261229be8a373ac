/*
 * Round 2 of one district (docs/model.md, 4): finalists keep a share of their
 * voters; an eliminated list's voters abstain or transfer, split between the
 * finalists by the affinity between coalitions; a mobilisation shock per
 * finalist carries differential turnout.
 */
#include <math.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "kernel.h"
#include "shocks.h"

/*
 * Round 2's 2 nq exponents from the normals @p z of a district's runoff stream:
 * z[0] on abstention, z[1 + q] on finalist q's appeal, z[1 + nq + q] on its
 * mobilisation. The split over finalists is a proportion, so the appeals
 * exp(xi_q) matter only relative to the first finalist's: exp(xi_q - xi_0).
 * x = [abstention, appeals 1..nq-1, mobilisations 0..nq-1].
 */
static void exponents(const model_params *p, const double *z, size_t nq, double *x)
{
    double half_variance = 0.5 * p->sd_mobilisation * p->sd_mobilisation;
    x[0] = p->sd_abstention * z[0];
    for (size_t q = 1; q < nq; q++)
        x[q] = p->sd_affinity * z[1 + q] - p->sd_affinity * z[1];
    for (size_t q = 0; q < nq; q++)
        x[nq + q] = p->sd_mobilisation * z[1 + nq + q] - half_variance;
}

void sim_runoff_exponents(const scrutin_model *m, sim_workspace *w)
{
    sim_batch *b = &w->batch;
    size_t nx = b->runoff_normals - 1, used = nx * m->n_districts;
    /* Two finalists, the usual case, with a constant count: gcc unrolls exponents()' loops. */
    if (nx == 4)
        for (size_t d = 0; d < m->n_districts; d++)
            exponents(&m->params, b->z + b->runoff[d], 2, b->runoff_x + nx * d);
    else
        for (size_t d = 0; d < m->n_districts; d++)
            exponents(&m->params, b->z + b->runoff[d], nx / 2, b->runoff_x + nx * d);
    for (size_t i = used; i < b->runoff_exps; i++)
        b->runoff_x[i] = 0.0;
    w->vm->exp(b->runoff_exp, b->runoff_x, b->runoff_exps);
}

/* Finalist @p q's appeal: relative to the first finalist's, whose own is 1 (exponents()). */
static inline double appeal(const double *ex, size_t q) { return q ? ex[q] : 1.0; }

/* @p v > 0 ? v : 0 (0 for a NaN): in one maxsd, which gcc made a compare and a branch. */
static inline double positive(double v)
{
#ifdef __SSE2__
    return _mm_cvtsd_f64(_mm_max_sd(_mm_set_sd(v), _mm_setzero_pd()));
#else
    return v > 0.0 ? v : 0.0;
#endif
}

/*
 * The round-1 votes of district @p d's eliminated lists by coalition, into
 * @p eliminated[g] for each of its plan's coalitions g: each coalition's
 * lists in their order (whole numbers, so the sums are exact; but a list
 * the court struck has a fraction, and the order keeps its bits), less the
 * finalists' in their order, plus the lists not described that follow it.
 * Each sum is made in a register: in memory, consecutive lists of one
 * coalition waited on the store of the one before.
 */
static void eliminated_votes(const runoff_plan *plan, const sim_workspace *w, size_t d,
                             size_t first, const scrutin_round1 *r1, double *eliminated)
{
    const double *votes1 = w->votes1;
    size_t slot0 = plan->slot_first[d], ns = plan->slot_first[d + 1] - slot0;
    const uint32_t *member_first = plan->member_first + slot0;
    for (size_t g = 0; g < ns; g++) {
        double sum = 0.0;
        const uint32_t *end = plan->member + member_first[g + 1];
        for (const uint32_t *j = plan->member + member_first[g]; j < end; j++)
            sum += positive(votes1[*j]);
        eliminated[g] = sum;
    }
    for (size_t q = 0; q < r1->n_qualified; q++) {
        eliminated[plan->list_slot[first + r1->qualified[q]]] -= positive(votes1[r1->qualified[q]]);
    }
    /* The voters of lists not described behave as the coalition the scenario names for them. */
    if (w->other1 > 0.0 && plan->other_slot[d] >= 0)
        eliminated[plan->other_slot[d]] += w->other1;
}

void sim_runoff_votes(const scrutin_model *m, sim_workspace *w, size_t d, const scrutin_round1 *r1,
                      stream_id s, const double *z)
{
    const model_params *p = &m->params;
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    size_t nq = r1->n_qualified;
    /*
     * The exponentials of the district's shocks: the batch's when it has them for
     * this many finalists (sim_runoff_exponents()), else the 2 nq in one call.
     */
    double x[2 * SCRUTIN_MAX_RUNOFF], computed[2 * SCRUTIN_MAX_RUNOFF];
    const double *ex;
    if (z && 2 * nq + 1 == w->batch.runoff_normals) {
        ex = w->batch.runoff_exp + 2 * nq * d;
    } else {
        if (!z || 1 + 2 * nq > w->batch.runoff_normals)
            z = sim_normals(w, s, 1 + 2 * nq);
        size_t nx = draws_padded(2 * nq);
        exponents(p, z, nq, x);
        for (size_t i = 2 * nq; i < nx; i++)
            x[i] = 0.0;
        w->vm->exp(computed, x, nx);
        ex = computed;
    }
    double abstention_factor = ex[0];
    const double *mobilisation = ex + nq;

    /*
     * Eliminated voters behave by coalition, so their round-1 votes are summed
     * by coalition first, and each coalition's split is computed once, not
     * once per list; only the district's own coalitions are scanned, in the
     * order of their indexes. The branches below depend on which coalitions a
     * district's lists belong to, mostly the same in every simulation, so they
     * are well predicted: branchless versions (two sums of alternate lists,
     * every coalition's split computed and added as 0) were slower.
     */
    const runoff_plan *plan = &w->runoff;
    size_t slot0 = plan->slot_first[d], ns = plan->slot_first[d + 1] - slot0;
    const double *odds = plan->slot_odds + slot0;
    const size_t *row = plan->slot_affinity + slot0;
    double *eliminated = w->transfer;
    eliminated_votes(plan, w, d, first, r1, eliminated);
    for (size_t i = 0; i < n; i++)
        w->votes2[i] = -1.0;
    double base[SCRUTIN_MAX_RUNOFF];
    double retention = p->retention[m->district_region[d]];
    if (nq == 2) {
        /*
         * Two finalists, the usual case, have every sum in a register (b0, b1):
         * the loop over finalists, vectorised by gcc, stored the weights one by
         * one and loaded them as a pair, which waited for the stores to retire
         * (a load over two stores is not forwarded). Their coalitions and
         * votes are read here, and the votes written from b0 and b1, without
         * the loops over finalists around the one below, which gcc unrolls
         * with a test of nq at every step. The operations are those of the
         * loops below.
         */
        size_t q0 = r1->qualified[0], q1 = r1->qualified[1];
        size_t to0 = m->list_coalition[first + q0], to1 = m->list_coalition[first + q1];
        double b0 = retention * w->votes1[q0];
        double b1 = retention * w->votes1[q1], a1 = appeal(ex, 1);
        for (size_t g = 0; g < ns; g++) {
            if (!(eliminated[g] > 0.0))
                continue;
            double again = eliminated[g] / (1.0 + odds[g] * abstention_factor);
            const double *affinity = p->affinity + row[g];
            double w0 = affinity[to0], w1 = affinity[to1] * a1, sum = w0 + w1;
            if (sum > 0.0) {
                b0 += again * w0 / sum;
                b1 += again * w1 / sum;
            }
        }
        /* Without lists not described to add (the usual case), the votes straight from b0, b1. */
        if (!(w->other1 > 0.0 && m->other_coalition < 0)) {
            w->votes2[q0] = whole(b0 * mobilisation[0]);
            w->votes2[q1] = whole(b1 * mobilisation[1]);
            return;
        }
        base[0] = b0;
        base[1] = b1;
    } else {
        uint32_t to[SCRUTIN_MAX_RUNOFF];
        for (size_t q = 0; q < nq; q++) {
            to[q] = m->list_coalition[first + r1->qualified[q]];
            base[q] = retention * w->votes1[r1->qualified[q]];
        }
        for (size_t g = 0; g < ns; g++) {
            if (!(eliminated[g] > 0.0))
                continue;
            /* Those who vote again: 1 - logistic(a_k + z) = 1 / (1 + exp(a_k) exp(z)). */
            double again = eliminated[g] / (1.0 + odds[g] * abstention_factor);
            double weight[SCRUTIN_MAX_RUNOFF], sum = 0.0;
            for (size_t q = 0; q < nq; q++)
                sum += weight[q] = p->affinity[row[g] + to[q]] * appeal(ex, q);
            if (sum > 0.0)
                for (size_t q = 0; q < nq; q++)
                    base[q] += again * weight[q] / sum;
        }
    }
    /* Or, without one, abstain as the default says and weigh every finalist alike. */
    if (w->other1 > 0.0 && m->other_coalition < 0) {
        double other_again = w->other1 / (1.0 + m->other_abstention_odds * abstention_factor);
        double appeals = 0.0;
        for (size_t q = 0; q < nq; q++)
            appeals += appeal(ex, q);
        for (size_t q = 0; q < nq; q++)
            base[q] += other_again * appeal(ex, q) / appeals;
    }
    for (size_t q = 0; q < nq; q++)
        w->votes2[r1->qualified[q]] = whole(base[q] * mobilisation[q]);
}
