/* Each electoral system implements these; rules.c dispatches on scrutin_system. */
#ifndef SCRUTIN_RULES_SYSTEM_H
#define SCRUTIN_RULES_SYSTEM_H

#include <string.h>

#include "apportion.h"
#include "scrutin/error.h"
#include "scrutin/rules.h"

/* Valid votes of lists the ballot does not hold (other_votes), never negative. */
static inline double ballot_other(const scrutin_ballot *b) { return b->other > 0 ? b->other : 0.0; }

/*
 * @p out cleared field by field: gcc made a memset of the struct a `rep stos`,
 * slow to start for its 88 bytes, in every district of every simulation.
 */
static inline void round1_clear(scrutin_round1 *out)
{
    out->decided = 0;
    out->n_qualified = 0;
    for (size_t q = 0; q < SCRUTIN_MAX_RUNOFF; q++)
        out->qualified[q] = 0;
    out->tie = 0;
}

/*
 * The opening of a round 1: @p out and the seats cleared, *valid the ballot's valid votes
 * (its running lists', in order, then other_votes). @return how many lists run (votes >= 0)
 */
static inline size_t round1_start(const scrutin_ballot *ballot, unsigned *seats_out,
                                  scrutin_round1 *out, double *valid)
{
    round1_clear(out);
    memset(seats_out, 0, ballot->n * sizeof *seats_out);
    size_t running = apportion_valid(ballot->votes, ballot->n, valid);
    *valid += ballot_other(ballot);
    return running;
}

typedef int (*rules_round1_fn)(const scrutin_rules *rules, const scrutin_ballot *ballot,
                               gsl_rng *lot, unsigned *seats_out, scrutin_round1 *out);
typedef int (*rules_round2_fn)(const scrutin_rules *rules, const scrutin_ballot *ballot,
                               const scrutin_round1 *r1, gsl_rng *lot, unsigned *seats_out,
                               size_t *winner, int *tie);

int two_round_list_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                          unsigned *seats_out, scrutin_round1 *out);
int two_round_list_round2(const scrutin_rules *rules, const scrutin_ballot *ballot,
                          const scrutin_round1 *r1, gsl_rng *lot, unsigned *seats_out,
                          size_t *winner, int *tie);

/* One-round systems: round 1 allocates every seat. */
int plurality_block_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                           unsigned *seats_out, scrutin_round1 *out);
int dhondt_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                  unsigned *seats_out, scrutin_round1 *out);
int sainte_lague_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                        unsigned *seats_out, scrutin_round1 *out);
int hare_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                unsigned *seats_out, scrutin_round1 *out);
int djibouti_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                    unsigned *seats_out, scrutin_round1 *out);
int cameroon_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                    unsigned *seats_out, scrutin_round1 *out);

/* Two rounds with qualification by registered voters; round 2 is two_round_list_round2. */
int two_round_registered_round1(const scrutin_rules *rules, const scrutin_ballot *ballot,
                                gsl_rng *lot, unsigned *seats_out, scrutin_round1 *out);

#endif
