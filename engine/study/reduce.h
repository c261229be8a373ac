/*
 * The hooks of scrutin/reduce.h as the studies call them (sweep and compare
 * spread their simulations over processes the same way): a NULL hook stands
 * for one process alone, and every process calls them in the same order.
 */
#ifndef SCRUTIN_STUDY_REDUCE_H
#define SCRUTIN_STUDY_REDUCE_H

#include "scrutin/error.h"
#include "scrutin/reduce.h"
#include "scrutin/sim.h"

/*
 * The hooks to use: @p given (checked by the version rule: else
 * SCRUTIN_EINVAL in *status, naming @p function), or one process alone's
 * if NULL. @return the hooks, or NULL on failure
 */
const scrutin_reduce *study_reduce_hooks(const scrutin_reduce *given, const char *function,
                                         int *status, scrutin_ctx *ctx);

/* The status every process acts on: the first failure of any, or 0. */
int study_agree(const scrutin_reduce *r, int status);

/* This process's block of @p o's simulations [o->first, o->first + o->count). */
void study_block(const scrutin_reduce *r, const scrutin_sim_options *o, uint64_t *first,
                 uint64_t *count);

/* Every process's @p n counters summed onto the root's. @return 0 or a negative status */
int study_sum(const scrutin_reduce *r, int64_t *counters, size_t n);

/*
 * After each process ran its block (@p status, SCRUTIN_EINTR if stopped;
 * @p here_stopped: this process saw a stop): *stopped if any process saw
 * one, whose completed simulations all processes keep. @return the failure
 * every process acts on (not SCRUTIN_EINTR), or 0
 */
int study_settle(const scrutin_reduce *r, int status, int here_stopped, int *stopped);

#endif
