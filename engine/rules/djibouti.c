/*
 * Djibouti since 2013 (electoral law, art. 33 as amended in 2012; IPU
 * http://archive.ipu.org/parline-f/reports/1089_B.htm): one round; the list
 * with the most votes, with an absolute or a relative majority, takes
 * rules->winner_share (0.8) of the seats, rounded to the nearest whole seat,
 * and the other lists with at least rules->threshold (0.10) of the valid
 * votes share the rest by highest average (D'Hondt). If no other list
 * reaches the threshold, the leading list takes those seats too. Ties by lot:
 * the law as read here is silent. See docs/rules.md.
 */
#include "apportion.h"
#include "rules_system.h"

#include <string.h>

int djibouti_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                    unsigned *seats_out, scrutin_round1 *out)
{
    const double *votes = ballot->votes;
    size_t n = ballot->n;
    double valid;
    round1_start(ballot, seats_out, out, &valid);
    size_t leader = apportion_leader(votes, n, NULL, lot, &out->tie);
    if (leader == APPORTION_NONE)
        return SCRUTIN_EINVAL;
    unsigned bonus = apportion_share(rules->winner_share, ballot->seats, APPORTION_NEAREST);
    unsigned rest = ballot->seats - bonus;
    apportion_pool others;
    if (rest > 0 &&
        apportion_pool_init(&others, votes, n, rules->threshold * valid, leader) > 0)
        apportion_highest_averages(&others, APPORTION_DHONDT, rest, lot, seats_out, &out->tie);
    else
        bonus = ballot->seats;
    seats_out[leader] += bonus;
    out->decided = 1;
    out->n_qualified = 1;
    out->qualified[0] = leader;
    return SCRUTIN_OK;
}
