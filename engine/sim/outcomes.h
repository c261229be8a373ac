/*
 * Where one simulation's outcome is recorded (scrutin/outcomes.h): a slot of
 * fixed size in a buffer allocated before the simulations. The kernel writes
 * each district's list seats and round into the slot it is given
 * (sim_outcome_district(), its one call); the driver writes the index and the
 * groups' seats after the simulation. Nothing here allocates.
 */
#ifndef SCRUTIN_SIM_OUTCOMES_H
#define SCRUTIN_SIM_OUTCOMES_H

#include <stdint.h>
#include <string.h>

#include "../model/model_types.h"
#include "scrutin/outcomes.h"

/* Byte offsets of a slot's parts; a slot is `size` bytes, a multiple of 8. */
typedef struct outcome_layout {
    size_t groups, systems, lists, districts;
    size_t seats_at;      /* unsigned [stage][system][group] */
    size_t list_seats_at; /* uint16_t [stage][system][list]: seats are at most 10,000 */
    size_t round_at;      /* uint8_t [system][district] */
    size_t size;
} outcome_layout;

void outcome_layout_make(outcome_layout *l, const scrutin_model *m);

/* A block of recorded outcomes, as the callback and the match predicate read it. */
struct scrutin_outcomes {
    const scrutin_model *model;
    const outcome_layout *layout;
    const unsigned char *const *slots; /* [n] in index order */
    size_t n;
    uint64_t end; /* one past the last index covered */
};

static inline uint64_t *outcome_index(unsigned char *slot) { return (uint64_t *)(void *)slot; }
static inline unsigned *outcome_seats(unsigned char *slot, const outcome_layout *l, int stage,
                                      size_t system)
{
    return (unsigned *)(void *)(slot + l->seats_at) +
           ((size_t)stage * l->systems + system) * l->groups;
}
static inline uint16_t *outcome_list_seats(unsigned char *slot, const outcome_layout *l,
                                           int stage, size_t system)
{
    return (uint16_t *)(void *)(slot + l->list_seats_at) +
           ((size_t)stage * l->systems + system) * l->lists;
}
static inline uint8_t *outcome_rounds(unsigned char *slot, const outcome_layout *l, size_t system)
{
    return slot + l->round_at + system * l->districts;
}

/*
 * The kernel's hook: district @p d of @p m under @p system was decided in
 * @p round with @p prov and @p final seats for its lists (indexed from the
 * district's first list).
 */
static inline void sim_outcome_district(unsigned char *slot, const outcome_layout *l,
                                        const scrutin_model *m, size_t system, size_t d,
                                        const unsigned *prov, const unsigned *final, int round)
{
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    uint16_t *p = outcome_list_seats(slot, l, SCRUTIN_STAGE_PROVISIONAL, system) + first;
    uint16_t *f = outcome_list_seats(slot, l, SCRUTIN_STAGE_FINAL, system) + first;
    for (size_t i = 0; i < n; i++) {
        p[i] = (uint16_t)prov[i];
        f[i] = (uint16_t)final[i];
    }
    outcome_rounds(slot, l, system)[d] = (uint8_t)round;
}

/* After the simulation: its index and the groups' seats (@p seats[stage]: [system][group]). */
static inline void sim_outcome_finish(unsigned char *slot, const outcome_layout *l,
                                      uint64_t index, unsigned *const seats[SCRUTIN_STAGES])
{
    *outcome_index(slot) = index;
    for (int s = 0; s < SCRUTIN_STAGES; s++)
        memcpy(outcome_seats(slot, l, s, 0), seats[s], l->systems * l->groups * sizeof(unsigned));
}

#endif
