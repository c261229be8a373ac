/*
 * Round 2's grouping of each district's lists by coalition, fixed for a run
 * (runoff_plan.c). Eliminated voters behave by coalition, so round 2 sums a
 * district's round-1 votes by coalition; with the lists of each coalition
 * side by side, each sum is made in a register, and only the coalitions a
 * district has are zeroed and scanned, not every coalition of the scenario.
 */
#ifndef SCRUTIN_SIM_RUNOFF_PLAN_H
#define SCRUTIN_SIM_RUNOFF_PLAN_H

#include <stdint.h>

#include "../model/model_types.h"

typedef struct runoff_plan {
    /* District d's coalitions are slots [slot_first[d], slot_first[d + 1]), ascending by
       coalition: the order in which round 2 adds their transfers. Of each, what its
       eliminated voters do: */
    uint32_t *slot_first;     /* [n_districts + 1] */
    double *slot_odds;        /* [slots] exp(logit of the abstention of its eliminated voters) */
    size_t *slot_affinity;    /* [slots] where its row of affinities starts (params.affinity) */
    /* Slot s's lists are member[member_first[s] .. member_first[s + 1]), as indexes within
       their district, ascending: the order in which their votes are summed. */
    uint32_t *member_first;   /* [slots + 1] */
    uint32_t *member;         /* [n_lists] */
    uint32_t *list_slot;      /* [n_lists] each list's slot, counted from its district's first */
    /* The slot of the coalition the district's lists not described follow (other_votes),
       -1 where it has none or they follow none. */
    int32_t *other_slot;      /* [n_districts] */
} runoff_plan;

/* The plan of @p m into @p plan. @return SCRUTIN_OK or SCRUTIN_ENOMEM (then freed). */
int runoff_plan_init(runoff_plan *plan, const scrutin_model *m);
void runoff_plan_free(runoff_plan *plan);

#endif
