/*
 * Dispatch to the electoral system. A table of function pointers indexed by
 * scrutin_system: adding a system adds a row and a file, and touches no other.
 */
#include "rules_system.h"

typedef struct system_ops {
    int (*round1)(const scrutin_rules *, const double *, size_t, unsigned, gsl_rng *, unsigned *,
                  scrutin_round1 *);
    int (*round2)(const scrutin_rules *, const double *, size_t, const scrutin_round1 *, unsigned,
                  gsl_rng *, unsigned *, size_t *, int *);
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

int scrutin_rules_round1(const scrutin_rules *rules, const double *votes, size_t n,
                         unsigned seats, gsl_rng *lot, unsigned *seats_out, scrutin_round1 *out)
{
    const system_ops *ops = ops_of(rules);
    if (!ops || n == 0)
        return SCRUTIN_EINVAL;
    return ops->round1(rules, votes, n, seats, lot, seats_out, out);
}

int scrutin_rules_round2(const scrutin_rules *rules, const double *votes, size_t n,
                         const scrutin_round1 *r1, unsigned seats, gsl_rng *lot,
                         unsigned *seats_out, size_t *winner, int *tie)
{
    const system_ops *ops = ops_of(rules);
    if (!ops || !ops->round2)
        return SCRUTIN_EINVAL;
    return ops->round2(rules, votes, n, r1, seats, lot, seats_out, winner, tie);
}
