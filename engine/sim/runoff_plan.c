/* Round 2's grouping of each district's lists by coalition (runoff_plan.h). */
#include <math.h>
#include <stdlib.h>

#include "runoff_plan.h"
#include "scrutin/error.h"

void runoff_plan_free(runoff_plan *plan)
{
    free(plan->slot_first);
    free(plan->slot_odds);
    free(plan->slot_affinity);
    free(plan->member_first);
    free(plan->member);
    free(plan->list_slot);
    free(plan->other_slot);
    *plan = (runoff_plan){0};
}

/* Whether district @p d has votes of lists not described that follow a coalition. */
static int follows_other(const scrutin_model *m, size_t d)
{
    return m->other_coalition >= 0 && isfinite(m->other_log_baseline[d]);
}

int runoff_plan_init(runoff_plan *plan, const scrutin_model *m)
{
    size_t nd = m->n_districts, nc = m->n_coalitions;
    /* At most a slot a list, plus one a district for the lists not described. */
    size_t cap = m->n_lists + nd;
    *plan = (runoff_plan){0};
    plan->slot_first = calloc(nd + 1, sizeof *plan->slot_first);
    plan->slot_odds = calloc(cap + 1, sizeof *plan->slot_odds);
    plan->slot_affinity = calloc(cap + 1, sizeof *plan->slot_affinity);
    plan->member_first = calloc(cap + 1, sizeof *plan->member_first);
    plan->member = calloc(m->n_lists + 1, sizeof *plan->member);
    plan->list_slot = calloc(m->n_lists + 1, sizeof *plan->list_slot);
    plan->other_slot = calloc(nd + 1, sizeof *plan->other_slot);
    if (!plan->slot_first || !plan->slot_odds || !plan->slot_affinity || !plan->member_first ||
        !plan->member || !plan->list_slot || !plan->other_slot) {
        runoff_plan_free(plan);
        return SCRUTIN_ENOMEM;
    }
    uint32_t slots = 0, members = 0;
    for (size_t d = 0; d < nd; d++) {
        size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
        plan->slot_first[d] = slots;
        plan->other_slot[d] = -1;
        /* Coalitions in ascending order, each with its lists in ascending order. */
        for (size_t k = 0; k < nc; k++) {
            int present = follows_other(m, d) && (size_t)m->other_coalition == k;
            for (size_t i = 0; i < n; i++)
                present |= m->list_coalition[first + i] == k;
            if (!present)
                continue;
            uint32_t s = slots++ - plan->slot_first[d];
            plan->slot_odds[plan->slot_first[d] + s] = exp(m->params.abstention_logit[k]);
            plan->slot_affinity[plan->slot_first[d] + s] = k * nc;
            plan->member_first[plan->slot_first[d] + s] = members;
            for (size_t i = 0; i < n; i++)
                if (m->list_coalition[first + i] == k) {
                    plan->member[members++] = (uint32_t)i;
                    plan->list_slot[first + i] = s;
                }
            if (follows_other(m, d) && (size_t)m->other_coalition == k)
                plan->other_slot[d] = (int32_t)s;
        }
    }
    plan->slot_first[nd] = slots;
    plan->member_first[slots] = members;
    return SCRUTIN_OK;
}
