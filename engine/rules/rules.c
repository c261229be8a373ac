/*
 * Dispatch to the electoral system. A table of function pointers indexed by
 * scrutin_system: adding a system adds a row and a file, and touches no other.
 * Each row also holds the parameters the system's law sets (docs/rules.md).
 */
#include "rules_system.h"

typedef struct system_ops {
    rules_round1_fn round1;
    rules_round2_fn round2; /* NULL for one-round systems */
    scrutin_rules defaults;
} system_ops;

static const system_ops systems[] = {
    [SCRUTIN_SYSTEM_TWO_ROUND_LIST] = {two_round_list_round1, two_round_list_round2,
                                       {.system = SCRUTIN_SYSTEM_TWO_ROUND_LIST,
                                        .round1_majority = 0.5, .round2_lists = 2}},
    [SCRUTIN_SYSTEM_PLURALITY_BLOCK] = {plurality_block_round1, NULL,
                                        {.system = SCRUTIN_SYSTEM_PLURALITY_BLOCK}},
    [SCRUTIN_SYSTEM_DHONDT] = {dhondt_round1, NULL, {.system = SCRUTIN_SYSTEM_DHONDT}},
    [SCRUTIN_SYSTEM_SAINTE_LAGUE] = {sainte_lague_round1, NULL,
                                     {.system = SCRUTIN_SYSTEM_SAINTE_LAGUE}},
    [SCRUTIN_SYSTEM_HARE] = {hare_round1, NULL, {.system = SCRUTIN_SYSTEM_HARE}},
    [SCRUTIN_SYSTEM_DJIBOUTI] = {djibouti_round1, NULL,
                                 {.system = SCRUTIN_SYSTEM_DJIBOUTI, .threshold = 0.10,
                                  .winner_share = 0.8}},
    [SCRUTIN_SYSTEM_CAMEROON] = {cameroon_round1, NULL,
                                 {.system = SCRUTIN_SYSTEM_CAMEROON, .round1_majority = 0.5,
                                  .threshold = 0.05, .winner_share = 0.5}},
    /* Round 2 is plurality among the qualified lists, exactly as in the Malian system. */
    [SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED] = {two_round_registered_round1, two_round_list_round2,
                                             {.system = SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED,
                                              .round1_majority = 0.5, .round2_lists = 2,
                                              .round2_registered = 0.125}},
};

_Static_assert(sizeof systems / sizeof systems[0] == SCRUTIN_SYSTEM_COUNT,
               "every scrutin_system needs a row in the table");

static const system_ops *ops_of(scrutin_system system)
{
    if ((size_t)system >= sizeof systems / sizeof systems[0])
        return NULL;
    return &systems[system];
}

int scrutin_rules_defaults(scrutin_rules *out, scrutin_system system)
{
    const system_ops *ops = ops_of(system);
    if (!ops) {
        *out = (scrutin_rules){0};
        return SCRUTIN_EINVAL;
    }
    *out = ops->defaults;
    out->version = SCRUTIN_RULES_VERSION;
    return SCRUTIN_OK;
}

int scrutin_rules_round1(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                         unsigned *seats_out, scrutin_round1 *out)
{
    const system_ops *ops = ops_of(rules->system);
    if (!ops || rules->version != SCRUTIN_RULES_VERSION || ballot->n == 0)
        return SCRUTIN_EINVAL;
    return ops->round1(rules, ballot, lot, seats_out, out);
}

int scrutin_rules_round2(const scrutin_rules *rules, const scrutin_ballot *ballot,
                         const scrutin_round1 *r1, gsl_rng *lot, unsigned *seats_out,
                         size_t *winner, int *tie)
{
    const system_ops *ops = ops_of(rules->system);
    if (!ops || !ops->round2 || rules->version != SCRUTIN_RULES_VERSION)
        return SCRUTIN_EINVAL;
    return ops->round2(rules, ballot, r1, lot, seats_out, winner, tie);
}
