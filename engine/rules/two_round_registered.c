/*
 * Two rounds with qualification by registered voters (France, code
 * électoral art. L126 and L162). Round 1: a list with strictly more than
 * rules->round1_majority (one half) of the valid votes and, when the
 * registered voters are known, at least SCRUTIN_ROUND1_REGISTERED (a
 * quarter) of them takes every seat. Otherwise every list with at least
 * rules->round2_registered (12.5%) of the registered voters goes to round 2;
 * if fewer than rules->round2_lists (2) do, the round2_lists lists with the
 * most votes go instead, up to SCRUTIN_MAX_RUNOFF. Round 2 (two_round_list_round2):
 * the list with the most votes takes every seat, so three- and four-way
 * runoffs work. Ties by lot: French law gives a tied seat to the older
 * candidate, but round 2 is shared with the Malian system, whose law has no
 * such rule. See docs/rules.md.
 */
#include "rules_system.h"

#include <math.h>
#include <string.h>

int two_round_registered_round1(const scrutin_rules *rules, const scrutin_ballot *ballot,
                                gsl_rng *lot, unsigned *seats_out, scrutin_round1 *out)
{
    const double *votes = ballot->votes;
    size_t n = ballot->n;
    double registered = ballot->registered;
    int registered_known = isfinite(registered) && registered > 0;
    round1_clear(out);
    memset(seats_out, 0, n * sizeof *seats_out);
    double valid = 0.0;
    size_t running = 0, passing = 0;
    for (size_t i = 0; i < n; i++) {
        if (votes[i] < 0)
            continue;
        valid += votes[i];
        running++;
        if (registered_known && rules->round2_registered > 0 &&
            votes[i] >= rules->round2_registered * registered)
            passing++;
    }
    if (running == 0)
        return SCRUTIN_EINVAL;
    valid += ballot_other(ballot);
    /* The lists passing the registered share are the top ones by votes, ties included. */
    size_t k = rules->round2_lists > passing ? rules->round2_lists : passing;
    if (k > SCRUTIN_MAX_RUNOFF)
        k = SCRUTIN_MAX_RUNOFF;
    if (k > running)
        k = running;
    if (k == 0)
        k = 1;
    out->n_qualified = scrutin_rules_top(votes, n, k, lot, out->qualified, &out->tie);
    size_t first = out->qualified[0];
    int majority = votes[first] > rules->round1_majority * valid;
    int quarter = !registered_known || votes[first] >= SCRUTIN_ROUND1_REGISTERED * registered;
    if (majority && quarter) {
        out->decided = 1;
        out->tie = 0; /* a tie lower down does not matter then */
        out->n_qualified = 1;
        seats_out[first] = ballot->seats;
    }
    return SCRUTIN_OK;
}
