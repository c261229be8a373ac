/*
 * The court as a random process (docs/model.md, "Court"): lists rejected
 * before the vote, petitions upheld after it. The court's actual decisions
 * (replay) go through court_strike() too.
 */
#ifndef SCRUTIN_COURT_H
#define SCRUTIN_COURT_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#include "../model/model_types.h"
#include "strike.h"

/*
 * Which lists of district @p d do not run in this simulation: those the court
 * actually rejected, and, when the random court is on, each other list with
 * the probability of its kind. @p r is at the district's stream of the court
 * before the vote. @return how many lists are rejected.
 */
size_t court_reject(const scrutin_model *m, size_t d, gsl_rng *r, uint8_t *rejected);

/*
 * court_reject() with @p none, the products S_i of court_reject_survival()
 * for the district's lists: the same draws and rejections, but a district
 * where the first uniform rejects nobody (u < S of its last list, the usual
 * case) costs one comparison.
 */
size_t court_reject_with(const scrutin_model *m, size_t d, gsl_rng *r, uint8_t *rejected,
                         const double *none);

/*
 * court_reject_with() where the first uniform of the district's stream, @p u,
 * is already drawn (from the simulation's batch of draws): @p r is at the
 * stream's next draw, and draws only if @p u rejects a list
 * (!court_rejects_none()). For a court that is on, with @p none as above.
 */
size_t court_reject_from(const scrutin_model *m, size_t d, double u, gsl_rng *r,
                         uint8_t *rejected, const double *none);

/* Whether the first uniform @p u of district @p d's stream rejects none of its lists. */
static inline int court_rejects_none(const scrutin_model *m, size_t d, double u,
                                     const double *none)
{
    size_t end = m->district_first_list[d + 1];
    return end == m->district_first_list[d] || u < none[end - 1];
}

/* The lists of district @p d the court actually rejected, into @p rejected; @return how many. */
size_t court_reject_actual(const scrutin_model *m, size_t d, uint8_t *rejected);

/*
 * Into @p none[l] for every list l, the probability that none of the lists of
 * its district from the first up to l is rejected, multiplied in list order
 * as court_reject() does.
 */
void court_reject_survival(const scrutin_model *m, double *none);

typedef enum court_ruling { COURT_NONE, COURT_STRIKE, COURT_RERUN } court_ruling;

/*
 * A petition against @p winner of the deciding round (@p round 1 or 2, whose
 * votes are @p votes, negative for lists not on that ballot). It is upheld
 * with probability base * exp(-margin / scale), the margin being the winner's
 * lead over the runner-up as a share of valid votes. An upheld petition
 * annuls the district (COURT_RERUN, with probability `rerun`) or strikes a
 * Beta(a, b) share of the winner's votes (COURT_STRIKE, *struck votes).
 */
court_ruling court_petition(const model_params *p, int round, const double *votes, size_t n,
                            size_t winner, gsl_rng *r, double *struck);

/*
 * court_petition() in two halves, for a first uniform @p u already drawn
 * (from the simulation's batch): whether the petition is upheld, and then, for
 * an upheld one only, its ruling from @p r at the stream's draw after @p u.
 * The same draws, in the same order, as court_petition().
 */
int court_petition_upheld_below_base(const model_params *p, int round, double u,
                                     const double *votes, size_t n, size_t winner);
static inline int court_petition_upheld(const model_params *p, int round, double u,
                                        const double *votes, size_t n, size_t winner)
{
    /*
     * The petition is upheld if u < base * exp(-margin / scale). The winner
     * has the most votes, so margin >= 0 and that bound is at most base: a
     * draw at or above base rejects the petition without the margin or exp().
     * Inline, since most draws do (a call a district cost more than the test).
     */
    if (u >= p->annul_base[round - 1])
        return 0;
    return court_petition_upheld_below_base(p, round, u, votes, n, winner);
}

/*
 * court_petition_upheld() for a ballot whose lists are @p lists[0..n), in
 * increasing order (every other list's votes negative, as in round 2's): the
 * same decision, without going through the lists not on it.
 */
int court_petition_upheld_among_below_base(const model_params *p, int round, double u,
                                           const double *votes, const size_t *lists, size_t n,
                                           size_t winner);
static inline int court_petition_upheld_among(const model_params *p, int round, double u,
                                              const double *votes, const size_t *lists,
                                              size_t n, size_t winner)
{
    if (u >= p->annul_base[round - 1])
        return 0;
    return court_petition_upheld_among_below_base(p, round, u, votes, lists, n, winner);
}
court_ruling court_petition_ruling(const model_params *p, const double *votes, size_t winner,
                                   gsl_rng *r, double *struck);

#endif
