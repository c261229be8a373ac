/**
 * @file scrutin/paired.h
 * @brief The paired tally of a comparison: simulation i of a base and of its
 *        what-ifs run with the same seed and index (common random numbers),
 *        and the integer sums of their differences, group by group.
 *
 * This is the simulation stage of scrutin compare (scrutin/compare.h turns
 * the sums into the comparison's rows, once, at the end). A program that
 * spreads the simulations over processes runs scrutin_compare_tally_run()
 * over each process's block of simulation indices and adds the counters of
 * every process together (scrutin_compare_tally_counters(), or
 * scrutin_compare_tally_merge() within one process).
 */
#ifndef SCRUTIN_PAIRED_H
#define SCRUTIN_PAIRED_H

#include <stddef.h>
#include <stdint.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/model.h"
#include "scrutin/sim.h"
#include "scrutin/tally.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The integer counts of a comparison: each model's own tally and, for every
 * group compared (the rows of the comparison), the paired sums of the
 * differences of its seats and of its majority indicator, and of their
 * squares. Counters of disjoint sets of simulations add up, in any order.
 * Opaque; freed with scrutin_compare_tally_free().
 */
typedef struct scrutin_compare_tally scrutin_compare_tally;

/**
 * A comparison tally of zero simulations: plans which groups of each what-if
 * face which of the base (by kind and id) and allocates the counters.
 * @param[out] out  freed with scrutin_compare_tally_free(); NULL on failure
 * @param models    the base first, then the what-ifs; at least two (a model may be given
 *                  twice). The array is copied; the models are borrowed and must outlive
 *                  the tally and every call that uses it
 * @return 0, SCRUTIN_EINVAL (fewer than two models, a NULL one) or SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_compare_tally_new(scrutin_compare_tally **out,
                                          const scrutin_model *const *models, size_t n_models,
                                          scrutin_ctx *ctx);

/** Free a comparison tally. NULL is a no-op. */
SCRUTIN_API void scrutin_compare_tally_free(scrutin_compare_tally *tally);

/**
 * Run simulations [first, first + count) of every model in pairs (same seed,
 * same index: common random numbers) and add their counts to @p tally.
 * Nothing is allocated per simulation: each thread's workspaces are
 * allocated once, before its first simulation.
 * @param options  seed, first, count (0 is allowed: nothing to run), threads, progress
 *                 and stop, as for scrutin_sim_run()
 * @return 0; SCRUTIN_EINTR if stopped early (the tally holds the simulations completed);
 *         SCRUTIN_EINPUT if a model lacks what the simulation needs; SCRUTIN_EINVAL or
 *         SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_compare_tally_run(scrutin_compare_tally *tally,
                                          const scrutin_sim_options *options, scrutin_ctx *ctx);

/**
 * Add @p from into @p into: both made by scrutin_compare_tally_new() for the
 * same models (the same shapes).
 * @return 0 or SCRUTIN_EINVAL if their shapes differ (@p into is then unchanged)
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_compare_tally_merge(scrutin_compare_tally *into,
                                            const scrutin_compare_tally *from);

/** @return the paired simulations counted (the same in every model's tally). */
SCRUTIN_API uint64_t scrutin_compare_tally_simulations(const scrutin_compare_tally *tally);

/**
 * @return how many flat arrays of counters the tally has, for
 *         scrutin_compare_tally_counters(): n_models + 1
 */
SCRUTIN_API size_t scrutin_compare_tally_parts(const scrutin_compare_tally *tally);

/**
 * One flat array of the tally's counters, for adding tallies across
 * processes: element-wise sums of every part of two tallies of the same
 * models are the tally of both sets of simulations (as scrutin_tally_counters()).
 * Part k < n_models is model k's tally, part n_models the paired sums.
 * @param part        0 to scrutin_compare_tally_parts() - 1
 * @param[out] count  its length (0 if @p part is out of range)
 * @return the array, owned by the tally and writable, or NULL if @p part is out of range
 */
SCRUTIN_API int64_t *scrutin_compare_tally_counters(scrutin_compare_tally *tally, size_t part,
                                                    size_t *count);

#ifdef __cplusplus
}
#endif
#endif
