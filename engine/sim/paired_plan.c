/*
 * Which groups of each what-if face which of the base in a comparison
 * (docs/whatifs.md, "Comparing"): matched by kind and id, the base's groups
 * in its order, then those only the what-if declares. The paired tally keeps
 * sums per pair; the comparison (study/compare.c) makes one row per pair.
 */
#include <stdlib.h>
#include <string.h>

#include "paired.h"

static const scrutin_entity group_entity[SCRUTIN_GROUP_KINDS] = {SCRUTIN_ENTITY_PARTY,
                                                                 SCRUTIN_ENTITY_COALITION};

/* Index of the group of kind @p kind with id @p id in @p m, -1 if none. */
static long find_group(const scrutin_model *m, scrutin_group_kind kind, const char *id)
{
    size_t n = scrutin_model_count(m, group_entity[kind]);
    for (size_t g = 0; g < n; g++)
        if (strcmp(scrutin_model_id(m, group_entity[kind], g), id) == 0)
            return (long)g;
    return -1;
}

/* A group's index into a workspace's seats: parties first, then coalitions. */
static long seat_index(const scrutin_model *m, scrutin_group_kind kind, long g)
{
    if (g < 0)
        return -1;
    return kind == SCRUTIN_GROUP_PARTY ? g : (long)scrutin_model_count(m, SCRUTIN_ENTITY_PARTY) + g;
}

static void add_pair(paired_plan *plan, size_t whatif, int stage, scrutin_group_kind kind,
                     const char *id, long base_index, long whatif_index,
                     const scrutin_model *const *models)
{
    paired_pair *p = &plan->pairs[plan->n_pairs++];
    p->whatif = whatif;
    p->stage = stage;
    p->base_group = seat_index(models[0], kind, base_index);
    p->whatif_group = seat_index(models[whatif], kind, whatif_index);
    p->kind = kind;
    p->base_index = base_index;
    p->whatif_index = whatif_index;
    p->id = id;
}

int paired_plan_new(paired_plan *plan, const scrutin_model *const *models, size_t n_models)
{
    size_t most = 0;
    for (size_t k = 1; k < n_models; k++)
        for (int kind = 0; kind < SCRUTIN_GROUP_KINDS; kind++)
            most += scrutin_model_count(models[0], group_entity[kind]) +
                    scrutin_model_count(models[k], group_entity[kind]);
    most *= SCRUTIN_STAGES;
    plan->n_pairs = 0;
    plan->pairs = calloc(most + 1, sizeof *plan->pairs);
    if (!plan->pairs)
        return SCRUTIN_ENOMEM;
    for (size_t k = 1; k < n_models; k++)
        for (int st = 0; st < SCRUTIN_STAGES; st++)
            for (int kind = 0; kind < SCRUTIN_GROUP_KINDS; kind++) {
                const scrutin_entity e = group_entity[kind];
                const scrutin_group_kind gk = (scrutin_group_kind)kind;
                for (size_t g = 0; g < scrutin_model_count(models[0], e); g++) {
                    const char *id = scrutin_model_id(models[0], e, g);
                    add_pair(plan, k, st, gk, id, (long)g, find_group(models[k], gk, id), models);
                }
                for (size_t g = 0; g < scrutin_model_count(models[k], e); g++) {
                    const char *id = scrutin_model_id(models[k], e, g);
                    if (find_group(models[0], gk, id) < 0)
                        add_pair(plan, k, st, gk, id, -1, (long)g, models);
                }
            }
    return SCRUTIN_OK;
}
