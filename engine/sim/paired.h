/*
 * The comparison tally (scrutin_compare_tally) and its paired driver: which
 * groups are compared, and the integer sums kept for each (the study's
 * compare.c turns them into the rows, one row per pair).
 */
#ifndef SCRUTIN_SIM_PAIRED_H
#define SCRUTIN_SIM_PAIRED_H

#include <stddef.h>
#include <stdint.h>

#include "kernel.h"
#include "scrutin/paired.h"
#include "scrutin/sim.h"

/* The sums kept per compared pair: of d = what-if - base seats, d^2, of m = the difference
   of their majority indicators (-1, 0 or 1), and m^2. */
enum { PAIRED_SUM, PAIRED_SQUARES, PAIRED_MAJORITY, PAIRED_MAJORITY_SQUARES, PAIRED_STATS };

/* Counter 0 of the paired part of a comparison tally: the simulations counted; the pairs'
   sums follow, PAIRED_STATS each. */
enum { PAIRED_FIRST = 1 };

/* One group at one stage, under one pair of electoral systems, in one what-if against the base. */
typedef struct paired_pair {
    size_t whatif;        /* model index, 1..n_models-1 */
    int stage;
    /* The electoral systems compared (docs/whatifs.md, "Several electoral systems"): -1 on
       the side that has no system to pair with the other's. */
    long base_system, whatif_system;
    const char *system;   /* the pair's system id, borrowed from the model that names it */
    long base_group;      /* index into the base workspace's seats ([system][parties, then
                             coalitions]); -1: absent (no such group, or no such system) */
    long whatif_group;    /* the same in the what-if's; -1: absent */
    scrutin_group_kind kind;
    long base_index;      /* the group's index among its kind in the base; -1: absent */
    long whatif_index;    /* the same in the what-if */
    const char *id;       /* the group's id, borrowed from the model that declares it */
} paired_pair;

typedef struct paired_plan {
    size_t n_pairs;
    paired_pair *pairs;
    const unsigned *majority; /* [n_models] */
} paired_plan;

struct scrutin_compare_tally {
    size_t n_models;
    const scrutin_model **models; /* [n_models] borrowed */
    unsigned *majority;           /* [n_models] */
    scrutin_tally **tallies;      /* [n_models] each model's own */
    paired_plan plan;             /* one pair per row of the comparison */
    size_t n_sums;
    int64_t *sums;                /* [n_sums]: simulations, then the pairs' sums */
};

/*
 * The pairs of @p models into @p plan (pairs allocated here, freed by the
 * caller): per what-if, stage and kind, the base's groups in its order, then
 * the what-if's others. The same models always give the same pairs in the
 * same order. Defined in paired_plan.c. @return 0 or SCRUTIN_ENOMEM.
 */
/* Model @p k's own tally in @p t (borrowed), the one scrutin_sim_run() gives for the same
   simulations; NULL if @p k is out of range. */
const scrutin_tally *paired_tally_model(const scrutin_compare_tally *t, size_t k);

int paired_plan_new(paired_plan *plan, const scrutin_model *const *models, size_t n_models);

#endif
