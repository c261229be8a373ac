/*
 * The paired driver of scrutin compare: which groups are compared, and the
 * integer sums it keeps for each (compare.c turns them into the rows).
 */
#ifndef SCRUTIN_PAIRED_H
#define SCRUTIN_PAIRED_H

#include <stddef.h>
#include <stdint.h>

#include "kernel.h"
#include "scrutin/sim.h"

/* The sums kept per compared pair: of d = what-if - base seats, d^2, of m = the difference
   of their majority indicators (-1, 0 or 1), and m^2. */
enum { PAIRED_SUM, PAIRED_SQUARES, PAIRED_MAJORITY, PAIRED_MAJORITY_SQUARES, PAIRED_STATS };

/* One group at one stage, in one what-if against the base. */
typedef struct paired_pair {
    size_t whatif;        /* model index, 1..n_models-1 */
    int stage;
    long base_group;      /* index into the base workspace's seats (parties, then coalitions); -1: absent */
    long whatif_group;    /* the same in the what-if's; -1: absent */
} paired_pair;

typedef struct paired_plan {
    size_t n_pairs;
    paired_pair *pairs;
    const unsigned *majority; /* [n_models] */
} paired_plan;

/*
 * Run simulations [first, first + count) of every model in pairs, adding
 * each model's counts to @p tallies[k] and the paired sums to @p sums
 * [n_pairs * PAIRED_STATS]. @return as scrutin_sim_run().
 */
int paired_run(scrutin_tally *const *tallies, int64_t *sums, const scrutin_model *const *models,
               size_t n_models, const paired_plan *plan, const scrutin_sim_options *options,
               scrutin_ctx *ctx);

#endif
