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

/* A system of the base and the one of a what-if it is compared with, either -1 when it has no
   partner; its id borrowed from the model that names it. */
typedef struct paired_system {
    long base, whatif;
    const char *id;
} paired_system;

/*
 * The systems of @p base and of @p whatif, paired (docs/whatifs.md, "Several electoral
 * systems"): a side with one system is paired with each of the other's; two sides with several
 * are paired by id, the base's in its order, then the what-if's others, and a system of either
 * without a partner of its id is kept alone. The rule of compare.csv and compare_districts.csv
 * alike. Defined in paired_systems.c. @return how many, into @p out (at least the two models'
 * systems added together).
 */
size_t paired_systems(const scrutin_model *base, const scrutin_model *whatif, paired_system *out);

/* The district cells (paired_districts.c): per cell, simulations in which the group held
   some of the district's final seats in the base, in the what-if, and in both. */
enum { PAIRED_HELD_BASE, PAIRED_HELD_WHATIF, PAIRED_HELD_BOTH, PAIRED_DISTRICT_STATS };

/* One district and group in one what-if under one pair of systems (paired_systems); -1 where a
   model lacks it, the system included (a system without a partner: its side's only). */
typedef struct paired_district_cell {
    size_t whatif;
    long sys_base, sys_whatif;
    const char *system; /* the pair's id, borrowed from the model that names it */
    long d_base, d_whatif;
    scrutin_group_kind kind;
    long g_base, g_whatif; /* the group's index among its kind */
} paired_district_cell;

/* The cells of one what-if under one pair of systems, and where each model's held entries go. */
typedef struct paired_district_block {
    size_t whatif;
    long sys_base, sys_whatif; /* -1: the side has no system of the pair, and no map */
    long *map_base;   /* [base districts * base groups] cell, or -1; NULL without a system */
    long *map_whatif; /* [what-if districts * what-if groups]; likewise */
} paired_district_block;

typedef struct paired_districts {
    size_t n_cells;
    paired_district_cell *cells;
    size_t n_blocks;
    paired_district_block *blocks;
    size_t touched_cap; /* cells one simulation can touch in one block */
} paired_districts;

int paired_districts_new(paired_districts *p, const scrutin_model *const *models, size_t n_models);
void paired_districts_free(paired_districts *p);
/* Count one simulation of every model (their workspaces @p w, after sim_one) into @p sums
   [n_cells * PAIRED_DISTRICT_STATS]; @p marks [n_cells] zero, left zero; @p touched
   [touched_cap]. */
void paired_districts_count(const paired_districts *p, const scrutin_model *const *models,
                            sim_workspace *const *w, uint8_t *marks, size_t *touched,
                            int64_t *sums);

struct scrutin_compare_tally {
    size_t n_models;
    const scrutin_model **models; /* [n_models] borrowed */
    unsigned *majority;           /* [n_models] */
    scrutin_tally **tallies;      /* [n_models] each model's own */
    paired_plan plan;             /* one pair per row of the comparison */
    paired_districts districts;   /* one cell per row of compare_districts.csv */
    size_t n_sums;
    int64_t *sums;                /* [n_sums]: simulations, the pairs' sums, the cells' sums */
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
