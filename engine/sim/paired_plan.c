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

/* A group's index into a workspace's seats under system @p system; -1 if either is absent. */
static long system_seat(const scrutin_model *m, long system, long seat)
{
    if (system < 0 || seat < 0)
        return -1;
    size_t groups = scrutin_model_count(m, SCRUTIN_ENTITY_PARTY) +
                    scrutin_model_count(m, SCRUTIN_ENTITY_COALITION);
    return system * (long)groups + seat;
}

static void add_pair(paired_plan *plan, size_t whatif, int stage, const paired_system *sp,
                     scrutin_group_kind kind, const char *id, long base_index, long whatif_index,
                     const scrutin_model *const *models)
{
    paired_pair *p = &plan->pairs[plan->n_pairs++];
    p->whatif = whatif;
    p->stage = stage;
    p->base_system = sp->base;
    p->whatif_system = sp->whatif;
    p->system = sp->id;
    p->base_group = system_seat(models[0], sp->base, seat_index(models[0], kind, base_index));
    p->whatif_group =
        system_seat(models[whatif], sp->whatif, seat_index(models[whatif], kind, whatif_index));
    p->kind = kind;
    p->base_index = base_index;
    p->whatif_index = whatif_index;
    p->id = id;
}

int paired_plan_new(paired_plan *plan, const scrutin_model *const *models, size_t n_models)
{
    size_t most = 0, most_systems = 0;
    for (size_t k = 1; k < n_models; k++) {
        size_t systems = scrutin_model_systems(models[0]) + scrutin_model_systems(models[k]);
        most_systems = systems > most_systems ? systems : most_systems;
        for (int kind = 0; kind < SCRUTIN_GROUP_KINDS; kind++)
            most += systems * (scrutin_model_count(models[0], group_entity[kind]) +
                               scrutin_model_count(models[k], group_entity[kind]));
    }
    most *= SCRUTIN_STAGES;
    plan->n_pairs = 0;
    plan->pairs = calloc(most + 1, sizeof *plan->pairs);
    paired_system *systems = calloc(most_systems + 1, sizeof *systems);
    if (!plan->pairs || !systems) {
        free(systems);
        return SCRUTIN_ENOMEM;
    }
    for (size_t k = 1; k < n_models; k++) {
        size_t n_systems = paired_systems(models[0], models[k], systems);
        for (size_t sp = 0; sp < n_systems; sp++)
            for (int st = 0; st < SCRUTIN_STAGES; st++)
                for (int kind = 0; kind < SCRUTIN_GROUP_KINDS; kind++) {
                    const scrutin_entity e = group_entity[kind];
                    const scrutin_group_kind gk = (scrutin_group_kind)kind;
                    for (size_t g = 0; g < scrutin_model_count(models[0], e); g++) {
                        const char *id = scrutin_model_id(models[0], e, g);
                        add_pair(plan, k, st, &systems[sp], gk, id, (long)g,
                                 find_group(models[k], gk, id), models);
                    }
                    for (size_t g = 0; g < scrutin_model_count(models[k], e); g++) {
                        const char *id = scrutin_model_id(models[k], e, g);
                        if (find_group(models[0], gk, id) < 0)
                            add_pair(plan, k, st, &systems[sp], gk, id, -1, (long)g, models);
                    }
                }
    }
    free(systems);
    return SCRUTIN_OK;
}
