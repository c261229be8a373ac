/*
 * The two-round majority list system (Mali, loi 06-044): in round 1 a list
 * with strictly more than half of the valid votes takes every seat; otherwise
 * the two lists with the most votes meet in round 2, where the one with more
 * votes takes every seat. Ties are decided by lot (the law is silent; see
 * docs/rules.md).
 */
#include "rules_system.h"

#include <string.h>

int two_round_list_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
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
