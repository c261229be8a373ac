/*
 * Dispatch to the electoral system. A table of function pointers indexed by
 * scrutin_system: adding a system adds a row and a file, and touches no other.
 */
#include "rules_system.h"

typedef struct system_ops {
    rules_round1_fn round1;
    rules_round2_fn round2; /* NULL for one-round systems */
} system_ops;

static const system_ops systems[] = {
    [SCRUTIN_SYSTEM_TWO_ROUND_LIST] = {two_round_list_round1, two_round_list_round2},
};

static const system_ops *ops_of(const scrutin_rules *rules)
{
    if ((size_t)rules->system >= sizeof systems / sizeof systems[0])
        return NULL;
    return &systems[rules->system];
}

int scrutin_rules_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                         unsigned *seats_out, scrutin_round1 *out)
{
    const system_ops *ops = ops_of(rules);
    if (!ops || ballot->n == 0)
        return SCRUTIN_EINVAL;
    return ops->round1(rules, ballot, lot, seats_out, out);
}

int scrutin_rules_round2(const scrutin_rules *rules, const scrutin_ballot *ballot,
                         const scrutin_round1 *r1, gsl_rng *lot, unsigned *seats_out,
                         size_t *winner, int *tie)
{
    const system_ops *ops = ops_of(rules);
    if (!ops || !ops->round2)
        return SCRUTIN_EINVAL;
    return ops->round2(rules, ballot, r1, lot, seats_out, winner, tie);
}
