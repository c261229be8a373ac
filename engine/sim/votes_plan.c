/* The plan of the round-1 utilities (votes_plan.h), made once per workspace. */
#include "votes_plan.h"

#include <math.h>
#include <stdlib.h>

#include "scrutin/error.h"

void votes_plan_free(votes_plan *plan)
{
    if (!plan)
        return;
    free(plan->lists);
    free(plan->pair);
    free(plan->weight);
    free(plan->more);
    free(plan->other);
    free(plan->minus_inf);
    free(plan->eps);
    free(plan->district);
    free(plan);
}

/* The group of list @p l, which has a finite baseline. */
static int group_of(const scrutin_model *m, size_t l)
{
    uint32_t first = m->list_first_weight[l], n = m->list_first_weight[l + 1] - first;
    if (n == 0)
        return VOTES_NO_WEIGHT;
    if (n == 1)
        return m->weight_value[first] == 1.0 ? VOTES_UNIT : VOTES_ONE;
    return n == 2 ? VOTES_TWO : VOTES_MORE;
}

int votes_plan_new(votes_plan **out, const scrutin_model *m, sim_batch *b)
{
    *out = NULL;
    votes_plan *plan = calloc(1, sizeof *plan);
    if (!plan)
        return SCRUTIN_ENOMEM;
    size_t weights = m->list_first_weight[m->n_lists];
    plan->lists = calloc(m->n_lists + 1, sizeof *plan->lists);
    plan->pair = calloc(weights + 1, sizeof *plan->pair);
    plan->weight = calloc(weights + 1, sizeof *plan->weight);
    plan->more = calloc(m->n_lists + 1, sizeof *plan->more);
    plan->other = calloc(m->n_districts + 1, sizeof *plan->other);
    plan->eps = calloc(b->utilities + 1, sizeof *plan->eps);
    plan->district = calloc(m->n_districts + 1, sizeof *plan->district);
    plan->minus_inf = calloc(m->n_lists + m->n_districts + 1, sizeof *plan->minus_inf);
    if (!plan->lists || !plan->pair || !plan->weight || !plan->more || !plan->other ||
        !plan->eps || !plan->district || !plan->minus_inf) {
        votes_plan_free(plan);
        return SCRUTIN_ENOMEM;
    }
    const model_params *p = &m->params;
    const double sd_by_kind[3] = {p->sd_list, p->sd_list, p->sd_independent};
    /* The entries that stay -inf, all of them first; the others are written every simulation. */
    for (size_t i = 0; i < b->utilities; i++)
        b->utility[i] = -INFINITY;
    size_t j = 0, k = 0, more = 0;
    for (int g = 0; g < VOTES_GROUPS; g++) {
        for (size_t d = 0; d < m->n_districts; d++) {
            size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
            for (size_t i = 0; i < n; i++) {
                size_t l = first + i;
                if (!isfinite(m->log_baseline[l]) || group_of(m, l) != g)
                    continue;
                plan->lists[j++] = (votes_list){m->log_baseline[l], sd_by_kind[m->list_kind[l]],
                                                (uint32_t)(l + d), (uint32_t)(b->list[d] + 1 + i)};
                for (uint32_t q = m->list_first_weight[l]; q < m->list_first_weight[l + 1]; q++) {
                    plan->pair[k] = m->weight_pair[q];
                    plan->weight[k++] = m->weight_value[q];
                }
                if (g == VOTES_MORE)
                    plan->more[more++] = m->list_first_weight[l + 1] - m->list_first_weight[l];
            }
        }
        plan->group_end[g] = j;
    }
    for (size_t d = 0; d < m->n_districts; d++) {
        size_t first = m->district_first_list[d], end = m->district_first_list[d + 1];
        for (size_t l = first; l < end; l++)
            if (!isfinite(m->log_baseline[l]))
                plan->minus_inf[plan->n_minus_inf++] = (uint32_t)(l + d);
        if (isfinite(m->other_log_baseline[d]))
            plan->other[plan->n_other++] = (uint32_t)d;
        else
            plan->minus_inf[plan->n_minus_inf++] = (uint32_t)(end + d);
    }
    *out = plan;
    return SCRUTIN_OK;
}
