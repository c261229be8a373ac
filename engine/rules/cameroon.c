/*
 * Cameroon's National Assembly (electoral code, art. 151-153; ELECAM,
 * http://www.elecam.cm/fr/education-civique/de-lelection-des-deputes.html):
 * one round. In a single-seat district the candidate with the most votes is
 * elected. In a list district a list with an absolute majority of the valid
 * votes takes every seat; otherwise the leading list takes
 * rules->winner_share (one half) of the seats, rounded up, and the rest go by
 * largest remainders (Hare quota) to the lists with at least
 * rules->threshold (5%) of the valid votes, the leading list included.
 * Lists tied for the lead are separated by the higher average age of their
 * candidates (the older candidate in a single-seat district), then by lot;
 * other ties by lot. See docs/rules.md.
 */
#include "apportion.h"
#include "rules_system.h"

#include <string.h>

int cameroon_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                    unsigned *seats_out, scrutin_round1 *out)
{
    const double *votes = ballot->votes;
    size_t n = ballot->n;
    double valid;
    round1_start(ballot, seats_out, out, &valid);
    size_t leader = apportion_leader(votes, n, ballot->age, lot, &out->tie);
    if (leader == APPORTION_NONE)
        return SCRUTIN_EINVAL;
    out->decided = 1;
    out->n_qualified = 1;
    out->qualified[0] = leader;
    if (ballot->seats <= 1 || votes[leader] > rules->round1_majority * valid) {
        seats_out[leader] = ballot->seats;
        return SCRUTIN_OK;
    }
    unsigned bonus = apportion_share(rules->winner_share, ballot->seats, APPORTION_UP);
    /*
     * The leading list always shares the rest: it has the most votes, so it
     * passes the threshold whenever any list does, and when none does (more
     * than twenty lists at 5%) keeping it in leaves the seats somewhere.
     */
    double min_votes = rules->threshold * valid;
    if (votes[leader] < min_votes)
        min_votes = votes[leader];
    apportion_pool pool;
    apportion_pool_init(&pool, votes, n, min_votes, APPORTION_NONE);
    apportion_largest_remainder(&pool, ballot->seats - bonus, lot, seats_out, &out->tie);
    seats_out[leader] += bonus;
    return SCRUTIN_OK;
}
