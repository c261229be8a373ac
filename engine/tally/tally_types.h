/*
 * The tally's layout: one flat array of int64_t counters, in blocks. Groups
 * are parties then coalitions: group g of kind k is base[k] + g.
 */
#ifndef SCRUTIN_TALLY_TYPES_H
#define SCRUTIN_TALLY_TYPES_H

#include "scrutin/tally.h"

struct scrutin_tally {
    uint64_t model;          /* scrutin_model_fingerprint() of the model it was made for */
    size_t n_groups;         /* parties + coalitions */
    size_t base[SCRUTIN_GROUP_KINDS];
    size_t n_districts, n_lists;
    unsigned seats;
    unsigned majority;
    size_t n_counters;        /* all systems' */
    int64_t *c;
    size_t n_systems;
    scrutin_tally *views;     /* [n_systems] one per system, NULL if there is one */
    /* Offsets of the blocks in c. */
    size_t hist, largest, majority_changed, shift_sum, shift_squares, moved, district, list,
        district_group, runoff;
    size_t n_pairs;
    size_t *pair_first;       /* [n_districts + 1] first pair of each district (shared by views) */
};

/* The counters of electoral system @p system (the tally itself if it has one). */
static inline scrutin_tally *tally_system(scrutin_tally *t, size_t system)
{
    if (system >= t->n_systems)
        return NULL;
    return t->views ? &t->views[system] : t;
}

/* Counter addresses, for the kernel's hot path. */
static inline int64_t *tally_hist(scrutin_tally *t, int stage, size_t group)
{
    return t->c + t->hist + ((size_t)stage * t->n_groups + group) * (t->seats + 1);
}
static inline int64_t *tally_district(scrutin_tally *t, int event)
{
    return t->c + t->district + (size_t)event * t->n_districts;
}
static inline int64_t *tally_list(scrutin_tally *t, int event)
{
    return t->c + t->list + (size_t)event * t->n_lists;
}

/*
 * Count one simulated election's seats: @p seats[stage][group] for every
 * group (parties then coalitions), and @p moved seats changed by the court.
 */
void tally_add_seats(scrutin_tally *t, const unsigned *const seats[SCRUTIN_STAGES],
                     unsigned moved);

/*
 * Count a round 2 of district @p d between the lists at positions
 * @p qualified[0..n) of the district (the first @p n of them), won by the
 * one at position @p winner.
 */
static inline void tally_add_runoff(scrutin_tally *t, size_t d, const size_t *qualified, size_t n,
                                    size_t winner)
{
    if (t->pair_first[d + 1] == t->pair_first[d])
        return; /* more than SCRUTIN_RUNOFF_MAX_LISTS lists: no pair counters */
    int64_t *met = t->c + t->runoff + t->pair_first[d], *first_won = met + t->n_pairs;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            size_t a = qualified[i] < qualified[j] ? qualified[i] : qualified[j];
            size_t b = qualified[i] ^ qualified[j] ^ a;
            size_t pair = scrutin_tally_pair_index(a, b);
            met[pair]++;
            first_won[pair] += winner == a;
        }
}

/*
 * Count the final holders of district seats of one simulated election: each
 * of @p held's @p n entries is district << 32 | group, a group that held
 * some of that district's final seats; @p final[group] are the groups'
 * final seats in the assembly, which say whether it also held a majority.
 */
void tally_add_held(scrutin_tally *t, const uint64_t *held, size_t n, const unsigned *final);

/* Set every counter to zero. */
void tally_clear(scrutin_tally *t);

#endif
