/*
 * How one district is decided, shared by the simulation (kernel.c) and the
 * replay of the observed election (replay.c): round 1, round 2 between its
 * finalists if round 1 did not decide, and the court's strike followed by the
 * district decided again. The two differ only in where round-2 votes come
 * from (the kernel simulates them, replay reads the published ones), so after
 * each step that may need them the caller asks district_awaits_round2(), and
 * writes them before district_round2().
 *
 * Nothing here allocates or looks anything up, and the steps are inline: the
 * kernel runs them for every district of every simulation, and as calls into
 * another file they cost it 1% more instructions a simulation of Mali 2007
 * (callgrind); a callback for the round-2 votes cost 0.3%, even inline.
 */
#ifndef SCRUTIN_DISTRICT_DECISION_H
#define SCRUTIN_DISTRICT_DECISION_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <string.h>

#include "../court/strike.h"
#include "scrutin/error.h"
#include "scrutin/rules.h"

/*
 * One district's count: the votes the rules read and the court strikes.
 * Round 1's ballot is kept whole, so that the rules read it where it is.
 */
typedef struct district_count {
    scrutin_ballot round1; /* its votes are votes1; n, seats, registered, no age, other votes */
    double *votes1;        /* round-1 votes of each list; negative: the list did not run */
    double *votes2;        /* round-2 votes (only the finalists' are read) */
} district_count;

/* What decided a district. */
typedef struct district_decision {
    int round;         /* the deciding round, 1 or 2; 0 if none did (the seats are all 0) */
    int tie;           /* a lot was drawn (in either round, or before a strike) */
    size_t winner;     /* the list with the most seats (an index into the district's lists) */
    scrutin_round1 r1; /* what round 1 decided: the finalists if it went to round 2 */
} district_decision;

/*
 * A district that no round decided (nobody ran, the rules refused, or round 2
 * has no result): @p seats all 0, d->round 0, d->tie kept. @return @p status
 */
static inline int district_vacant(int status, const district_count *c, unsigned *seats,
                                  district_decision *d)
{
    memset(seats, 0, c->round1.n * sizeof *seats);
    d->round = 0;
    return status;
}

/*
 * Round 1 from c->votes1 into @p seats, ties drawn from @p lot: decided, or
 * awaiting round 2 (district_awaits_round2()).
 * @return SCRUTIN_OK, or the rules' status when nobody ran (the district is then vacant)
 */
static inline int district_round1(const scrutin_rules *rules, const district_count *c,
                                  gsl_rng *lot, unsigned *seats, district_decision *out)
{
    out->tie = 0;
    int status = scrutin_rules_round1(rules, &c->round1, lot, seats, &out->r1);
    if (status != SCRUTIN_OK)
        return district_vacant(status, c, seats, out);
    out->tie = out->r1.tie;
    out->winner = out->r1.qualified[0];
    out->round = 1;
    return SCRUTIN_OK;
}

/*
 * Round 1 ran and did not decide: the district waits for the finalists'
 * round-2 votes (d->r1.qualified) in c->votes2, then district_round2().
 */
static inline int district_awaits_round2(const district_decision *d)
{
    return d->round == 1 && !d->r1.decided;
}

/*
 * Round 2 from c->votes2 between the finalists of d->r1, into @p seats.
 * @return SCRUTIN_OK (d->round 2), or the rules' status (the district is then vacant).
 */
static inline int district_round2(const scrutin_rules *rules, const district_count *c,
                                  gsl_rng *lot, unsigned *seats, district_decision *d)
{
    scrutin_ballot b2 = c->round1;
    b2.votes = c->votes2;
    b2.other = 0.0; /* not on the round-2 ballot */
    int tie = 0;
    int status = scrutin_rules_round2(rules, &b2, &d->r1, lot, seats, &d->winner, &tie);
    if (status != SCRUTIN_OK)
        return district_vacant(status, c, seats, d);
    d->tie |= tie;
    d->round = 2;
    return SCRUTIN_OK;
}

/*
 * The court strikes @p struck votes from the winner of the round that decided
 * @p d (round 1 if d->r1.decided, else round 2), and the district is decided
 * again from the struck votes into @p seats: round 2 again between the same
 * finalists, or, struck in round 1, from round 1 on (a winner struck below a
 * majority goes to round 2). @p d becomes the decision after the strike; its
 * tie keeps the earlier lots.
 * @return as district_round1() when struck in round 1, as district_round2() in round 2
 */
static inline int district_strike(const scrutin_rules *rules, const district_count *c,
                                  gsl_rng *lot, double struck, unsigned *seats,
                                  district_decision *d)
{
    if (!d->r1.decided) {
        /* The same finalists: only round 2's count changed. */
        court_strike(c->votes2, d->winner, struck);
        return district_round2(rules, c, lot, seats, d);
    }
    court_strike(c->votes1, d->winner, struck);
    int earlier = d->tie;
    int status = district_round1(rules, c, lot, seats, d);
    d->tie |= earlier;
    return status;
}

#endif
