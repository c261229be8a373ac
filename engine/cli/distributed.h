/*
 * Runs on several processes with MPI, or on one without it. Each rank takes
 * a contiguous block of simulation indices, with the same random streams as
 * a single process; the integer tallies are summed onto rank 0, which writes
 * the outputs. Built without SCRUTIN_WITH_MPI, every function here is the
 * trivial one-process version, so the commands have a single code path.
 */
#ifndef SCRUTIN_CLI_DISTRIBUTED_H
#define SCRUTIN_CLI_DISTRIBUTED_H

#include <stddef.h>
#include <stdint.h>

#include "scrutin.h"

/* Start MPI if the build has it (threads funnelled: OpenMP runs inside each rank). */
int dist_init(int *argc, char ***argv);
/* Stop MPI. */
void dist_finalize(void);
/* This process's rank and the number of ranks (0 and 1 without MPI). */
int dist_rank(void);
int dist_size(void);
/* The block [*first, *first + *count) of the @p total simulations this rank runs. */
void dist_block(uint64_t total, uint64_t *first, uint64_t *count);
/*
 * Agree on how a step went: every rank passes its status and gets the first
 * failure of any rank (in rank order), or 0. *reporter is the rank that
 * should print the diagnostics (the lowest failing one), so that the user
 * sees one message, not one per rank.
 */
int dist_agree(int status, int *reporter);
/* Sum every rank's tally onto rank 0's (integers: the order does not matter). */
int dist_reduce_tally(scrutin_tally *tally);
/*
 * Sum every rank's @p n counters onto rank 0's @p counters (integers: the
 * order does not matter); the other ranks' arrays are left as they were.
 * The sum of the library's hooks (dist_reduce_hooks()), for sweep's and compare's counts.
 */
int dist_reduce_counters(int64_t *counters, size_t n);
/* Sum every rank's @p n counters into every rank's @p counters (decisions all ranks take). */
int dist_allreduce_counters(int64_t *counters, size_t n);
/*
 * Gather every rank's @p n bytes at @p mine onto rank 0, in rank order: on rank 0, *all
 * (malloc'd, free it) and *total; elsewhere NULL and 0. @return 0, SCRUTIN_ENOMEM or
 * SCRUTIN_EMPI
 */
int dist_gather_bytes(const void *mine, size_t n, unsigned char **all, size_t *total);
/*
 * The library's hooks for these ranks (scrutin/reduce.h): dist_block, dist_agree (the rank
 * that reports into *reporter, which must outlive the hooks' use), dist_reduce_counters,
 * and rank 0 as the root; without MPI, those of one process.
 */
void dist_reduce_hooks(scrutin_reduce *hooks, int *reporter);
/* The largest value of @p x over the ranks (for timings). */
double dist_max(double x);
/* Whether this process should print and write: rank 0 only. */
static inline int dist_is_root(void) { return dist_rank() == 0; }

#endif
