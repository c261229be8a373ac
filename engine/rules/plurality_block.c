/*
 * Plurality block vote: one round, and the list with the most votes takes
 * every seat of the district, whatever its share (Senegal's departmental
 * lists; Djibouti before 2013). Ties by lot: the laws read here are silent.
 */
#include "apportion.h"
#include "rules_system.h"

#include <string.h>

int plurality_block_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                           unsigned *seats_out, scrutin_round1 *out)
{
    (void)rules;
    round1_clear(out);
    memset(seats_out, 0, ballot->n * sizeof *seats_out);
    size_t leader = apportion_leader(ballot->votes, ballot->n, NULL, lot, &out->tie);
    if (leader == APPORTION_NONE)
        return SCRUTIN_EINVAL;
    seats_out[leader] = ballot->seats;
    out->decided = 1;
    out->n_qualified = 1;
    out->qualified[0] = leader;
    return SCRUTIN_OK;
}
