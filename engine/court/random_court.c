/* The court's random decisions in a simulated election. */
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

#include "court.h"

void court_reject_survival(const scrutin_model *m, double *none)
{
    for (size_t d = 0; d < m->n_districts; d++) {
        double s = 1.0;
        for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
            none[l] = s *= 1.0 - m->params.reject[m->list_kind[l]];
    }
}

size_t court_reject(const scrutin_model *m, size_t d, gsl_rng *r, uint8_t *rejected)
{
    return court_reject_with(m, d, r, rejected, NULL);
}

size_t court_reject_actual(const scrutin_model *m, size_t d, uint8_t *rejected)
{
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    size_t count = 0;
    memcpy(rejected, m->list_rejected + first, n);
    for (size_t i = 0; i < n; i++)
        count += rejected[i];
    return count;
}

/*
 * The random court's rejections of district @p d's lists from list @p i on,
 * each with the probability of its kind, into @p rejected, which holds
 * @p count rejected lists; @return how many it then holds. Lists already
 * rejected take part like the others, so that the draws do not depend on the
 * court's actual decisions.
 */
static size_t reject_from(const scrutin_model *m, size_t d, size_t i, gsl_rng *r,
                          uint8_t *rejected, size_t count)
{
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    const model_params *p = &m->params;
    while (i < n) {
        double u = gsl_rng_uniform(r), none = 1.0;
        for (; i < n; i++) {
            none *= 1.0 - p->reject[m->list_kind[first + i]];
            if (u >= none)
                break;
        }
        if (i == n)
            break;
        count += !rejected[i];
        rejected[i] = 1;
        i++;
    }
    return count;
}

size_t court_reject_with(const scrutin_model *m, size_t d, gsl_rng *r, uint8_t *rejected,
                         const double *survival)
{
    size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
    if (!m->params.court_enabled)
        return court_reject_actual(m, d, rejected);
    /*
     * Each list is rejected with the probability of its kind, independently of
     * the others. Instead of one uniform per list, one uniform finds the first
     * list rejected, by inversion: with S_i the probability that none of the
     * lists from the start up to i is rejected, the first one rejected is the
     * first i with u >= S_i (none if there is none). The search then starts
     * again after it with the next uniform. A district thus draws one uniform
     * plus one per list rejected, not one per list.
     */
    if (survival && n > 0)
        return court_reject_from(m, d, gsl_rng_uniform(r), r, rejected, survival);
    return reject_from(m, d, 0, r, rejected, court_reject_actual(m, d, rejected));
}

size_t court_reject_from(const scrutin_model *m, size_t d, double u, gsl_rng *r,
                         uint8_t *rejected, const double *survival)
{
    size_t first = m->district_first_list[d];
    size_t count = court_reject_actual(m, d, rejected);
    if (court_rejects_none(m, d, u, survival))
        return count;
    /* S_i decreases with i: the first list rejected is the first with u >= S_i. */
    size_t i = 0;
    while (!(u >= survival[first + i]))
        i++;
    count += !rejected[i];
    rejected[i] = 1;
    return reject_from(m, d, i + 1, r, rejected, count);
}

court_ruling court_petition(const model_params *p, int round, const double *votes, size_t n,
                            size_t winner, gsl_rng *r, double *struck)
{
    if (!court_petition_upheld(p, round, gsl_rng_uniform(r), votes, n, winner))
        return COURT_NONE;
    return court_petition_ruling(p, votes, winner, r, struck);
}

/*
 * Whether base * exp(-t) <= u is sure without exp(), for t = lead / (valid x
 * scale) >= 0: (1 + t/16)^16 <= e^t, so u (1 + t/16)^16 >= base proves it.
 * One division and four squarings, where exp() waits on two divisions; the
 * factor 1 + 1e-12 (1 + t/16) is far above the rounding here, of the two
 * divisions that give the exact t (an error of t x 2 ulps in exp's result),
 * of glibc's exp() (within 1 ulp) and of base * exp(-t): where this decides,
 * the formula decides the same. A lead < 0 or NaN decides nothing.
 */
static int surely_not_upheld(double u, double base, double lead, double valid, double scale)
{
    double r = 1.0 + lead / (16.0 * valid * scale);
    if (!(r >= 1.0))
        return 0;
    double r16 = r * r;
    r16 *= r16;
    r16 *= r16;
    r16 *= r16;
    return u * r16 >= base * (1.0 + 1e-12 * r);
}

/* The petition's decision once its ballot's valid votes and the runner-up's are known. */
static int upheld_by(const model_params *p, int round, double u, double winner_votes,
                     double valid, double runner_up)
{
    double base = p->annul_base[round - 1], scale = p->annul_scale[round - 1];
    if (valid > 0.0 && surely_not_upheld(u, base, winner_votes - runner_up, valid, scale))
        return 0;
    double margin = valid > 0.0 ? (winner_votes - runner_up) / valid : 0.0;
    return u < base * exp(-margin / scale);
}

int court_petition_upheld_below_base(const model_params *p, int round, double u,
                                     const double *votes, size_t n, size_t winner)
{
    double valid = 0.0, runner_up = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (votes[i] < 0.0)
            continue;
        valid += votes[i];
        if (i != winner && votes[i] > runner_up)
            runner_up = votes[i];
    }
    return upheld_by(p, round, u, votes[winner], valid, runner_up);
}

int court_petition_upheld_among_below_base(const model_params *p, int round, double u,
                                           const double *votes, const size_t *lists, size_t n,
                                           size_t winner)
{
    /* The same additions in the same order as over every list: the others are negative. */
    double valid = 0.0, runner_up = 0.0;
    for (size_t k = 0; k < n; k++) {
        size_t i = lists[k];
        if (votes[i] < 0.0)
            continue;
        valid += votes[i];
        if (i != winner && votes[i] > runner_up)
            runner_up = votes[i];
    }
    return upheld_by(p, round, u, votes[winner], valid, runner_up);
}

court_ruling court_petition_ruling(const model_params *p, const double *votes, size_t winner,
                                   gsl_rng *r, double *struck)
{
    if (gsl_rng_uniform(r) < p->rerun)
        return COURT_RERUN;
    *struck = gsl_ran_beta(r, p->strike_a, p->strike_b) * votes[winner];
    return COURT_STRIKE;
}
