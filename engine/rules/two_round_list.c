/*
 * The two-round majority list system (Mali, loi 06-044): in round 1 a list
 * with strictly more than half of the valid votes takes every seat; otherwise
 * the two lists with the most votes meet in round 2, where the one with more
 * votes takes every seat. Ties are decided by lot (the law is silent; see
 * docs/rules.md).
 */
#include "rules_system.h"

#include <string.h>

/*
 * The two lists with the most votes, as scrutin_rules_top(votes, n, 2) keeps
 * them, together with the valid votes and the running lists as
 * apportion_valid() counts them: one pass instead of three, the sum in a
 * register rather than through *valid, which the loop's stores kept waiting
 * on. top[0] is the first of the most votes, top[1] the first of the most
 * among the rest (a list passes a kept one only with strictly more votes);
 * `left_out` is the most votes of a running list not kept, -1 if none: a tie
 * at the boundary is possible only if it reaches the last kept. A NaN vote,
 * which the two would treat differently, makes the pass report it, and the
 * caller falls back on them. The pass also clears the seats: a memset of its
 * own was a call into libc for a few dozen bytes.
 */
typedef struct first_two {
    size_t top[2];
    size_t kept;     /* 0, 1 or 2 */
    size_t running;  /* lists with votes >= 0 */
    double valid;    /* their votes, summed in index order */
    int fall_back;   /* a NaN vote, or a lot may be drawn: round1_any decides */
} first_two;

static inline void first_two_of(const double *votes, size_t n, unsigned *seats_out, first_two *f)
{
    double v1 = -1.0, v2 = -1.0, left_out = -1.0, valid = 0.0;
    size_t i1 = 0, i2 = 0, out = 0;
    int nan = 0;
    for (size_t i = 0; i < n; i++) {
        double v = votes[i];
        seats_out[i] = 0;
        if (!(v >= 0)) {
            out++;
            nan |= v != v;
            continue;
        }
        valid += v;
        /* The maxima as `left_out > x ? left_out : x`, an in-place maxsd (equal
           values are the same number here: left_out is only compared). */
        if (v > v1) {
            left_out = left_out > v2 ? left_out : v2;
            v2 = v1;
            i2 = i1;
            v1 = v;
            i1 = i;
        } else if (v > v2) {
            left_out = left_out > v2 ? left_out : v2;
            v2 = v;
            i2 = i;
        } else {
            left_out = left_out > v ? left_out : v;
        }
    }
    size_t running = n - out;
    f->top[0] = i1;
    f->top[1] = i2;
    f->kept = running < 2 ? running : 2;
    f->running = running;
    f->valid = valid;
    /* The last kept's votes are v1 or v2, in a register. */
    double boundary = f->kept > 1 ? v2 : v1;
    f->fall_back = nan || (f->kept > 0 && left_out >= boundary);
}

/* Round 1 with round2_lists lists going to round 2, any number of them. */
static int round1_any(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                      unsigned *seats_out, scrutin_round1 *out)
{
    const double *votes = ballot->votes;
    size_t n = ballot->n;
    double valid;
    size_t running = round1_start(ballot, seats_out, out, &valid);
    if (running == 0)
        return SCRUTIN_EINVAL;
    size_t k = rules->round2_lists < running ? rules->round2_lists : running;
    out->n_qualified = scrutin_rules_top(votes, n, k, lot, out->qualified, &out->tie);
    size_t first = out->qualified[0];
    /* A lone list, or one above the majority share, is elected in round 1. */
    if (running == 1 || votes[first] > rules->round1_majority * valid) {
        out->decided = 1;
        out->tie = 0; /* a tie for second place does not matter then */
        out->n_qualified = 1;
        seats_out[first] = ballot->seats;
    }
    return SCRUTIN_OK;
}

/*
 * Two lists to round 2, the law's number and every district's of every
 * simulation: the first_two pass, and scrutin_rules_top (round1_any) only
 * when a lot may be drawn, which it draws exactly as before.
 */
int two_round_list_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                          unsigned *seats_out, scrutin_round1 *out)
{
    if (rules->round2_lists != 2)
        return round1_any(rules, ballot, lot, seats_out, out);
    const double *votes = ballot->votes;
    first_two f;
    first_two_of(votes, ballot->n, seats_out, &f);
    if (f.fall_back)
        return round1_any(rules, ballot, lot, seats_out, out);
    /* As round1_clear(), with the finalists written once rather than cleared first. */
    out->decided = 0;
    out->tie = 0;
    out->n_qualified = f.kept;
    out->qualified[0] = f.kept > 0 ? f.top[0] : 0;
    out->qualified[1] = f.kept > 1 ? f.top[1] : 0;
    for (size_t q = 2; q < SCRUTIN_MAX_RUNOFF; q++)
        out->qualified[q] = 0;
    if (f.running == 0)
        return SCRUTIN_EINVAL;
    double valid = f.valid + ballot_other(ballot);
    size_t first = f.top[0];
    /* A lone list, or one above the majority share, is elected in round 1. */
    if (f.running == 1 || votes[first] > rules->round1_majority * valid) {
        out->decided = 1;
        out->n_qualified = 1;
        seats_out[first] = ballot->seats;
    }
    return SCRUTIN_OK;
}

int two_round_list_round2(const scrutin_rules *rules, const scrutin_ballot *ballot,
                          const scrutin_round1 *r1, gsl_rng *lot, unsigned *seats_out,
                          size_t *winner, int *tie)
{
    (void)rules;
    const double *votes = ballot->votes;
    size_t n = ballot->n;
    memset(seats_out, 0, n * sizeof *seats_out);
    if (r1->n_qualified == 0)
        return SCRUTIN_EINVAL;
    /* Two finalists without a tie, the common case, in two comparisons; the loops
       below for any other (and for a negative vote, which they treat apart). */
    if (r1->n_qualified == 2) {
        size_t a = r1->qualified[0], b = r1->qualified[1];
        if (votes[a] >= 0 && votes[b] >= 0 && votes[a] != votes[b]) {
            *tie = 0;
            *winner = votes[a] > votes[b] ? a : b;
            seats_out[*winner] = ballot->seats;
            return SCRUTIN_OK;
        }
    }
    /* Only the qualified lists are on the round-2 ballot. */
    double best = -1.0;
    size_t n_best = 0;
    for (size_t q = 0; q < r1->n_qualified; q++) {
        double v = votes[r1->qualified[q]];
        if (v > best) {
            best = v;
            n_best = 1;
        } else if (v == best) {
            n_best++;
        }
    }
    *tie = n_best > 1;
    size_t pick = n_best > 1 ? (size_t)gsl_rng_uniform_int(lot, n_best) : 0;
    for (size_t q = 0; q < r1->n_qualified; q++) {
        if (votes[r1->qualified[q]] != best)
            continue;
        if (pick-- == 0) {
            *winner = r1->qualified[q];
            break;
        }
    }
    seats_out[*winner] = ballot->seats;
    return SCRUTIN_OK;
}
