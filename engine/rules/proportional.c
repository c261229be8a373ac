/*
 * Proportional representation in the district: D'Hondt and Sainte-Laguë
 * (highest averages) and Hare (largest remainders). Only the lists with at
 * least rules->threshold of the valid votes take part; if none reaches it,
 * the threshold is dropped and every list that ran takes part, since the
 * seats must go to someone and no law read here says otherwise. The Hare
 * quota is the votes of the lists taking part divided by the seats, so that
 * the whole quotas never exceed the seats. Exact ties for the last seats are
 * drawn by lot. See docs/rules.md.
 */
#include "apportion.h"
#include "rules_system.h"

#include <string.h>

typedef enum method { METHOD_DHONDT, METHOD_SAINTE_LAGUE, METHOD_HARE } method;

static int proportional_round1(const scrutin_rules *rules, const scrutin_ballot *ballot,
                               gsl_rng *lot, unsigned *seats_out, scrutin_round1 *out,
                               method how)
{
    const double *votes = ballot->votes;
    size_t n = ballot->n;
    double valid;
    if (round1_start(ballot, seats_out, out, &valid) == 0)
        return SCRUTIN_EINVAL;
    apportion_pool pool;
    if (apportion_pool_init(&pool, votes, n, rules->threshold * valid, APPORTION_NONE) == 0)
        apportion_pool_init(&pool, votes, n, 0.0, APPORTION_NONE);
    switch (how) {
    case METHOD_DHONDT:
        apportion_highest_averages(&pool, APPORTION_DHONDT, ballot->seats, lot, seats_out,
                                   &out->tie);
        break;
    case METHOD_SAINTE_LAGUE:
        apportion_highest_averages(&pool, APPORTION_SAINTE_LAGUE, ballot->seats, lot, seats_out,
                                   &out->tie);
        break;
    case METHOD_HARE:
        apportion_largest_remainder(&pool, ballot->seats, lot, seats_out, &out->tie);
        break;
    }
    out->decided = 1;
    out->n_qualified = 1;
    out->qualified[0] = apportion_first(votes, n, seats_out);
    return SCRUTIN_OK;
}

int dhondt_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                  unsigned *seats_out, scrutin_round1 *out)
{
    return proportional_round1(rules, ballot, lot, seats_out, out, METHOD_DHONDT);
}

int sainte_lague_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                        unsigned *seats_out, scrutin_round1 *out)
{
    return proportional_round1(rules, ballot, lot, seats_out, out, METHOD_SAINTE_LAGUE);
}

int hare_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                unsigned *seats_out, scrutin_round1 *out)
{
    return proportional_round1(rules, ballot, lot, seats_out, out, METHOD_HARE);
}
