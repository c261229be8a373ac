/**
 * @file scrutin/sim.h
 * @brief The Monte Carlo simulation: many elections under uncertainty.
 *
 * Simulation i draws its shocks from its own counter-based random streams
 * (key: the seed; counter: i and the model component), so its outcome does
 * not depend on which thread or process runs it. Results are tallied in
 * integers, so any split of the indices over threads or MPI ranks gives the
 * same tally.
 */
#ifndef SCRUTIN_SIM_H
#define SCRUTIN_SIM_H

#include <stdint.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/model.h"
#include "scrutin/outcomes.h"
#include "scrutin/tally.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Progress callback: @p done of @p total simulations are finished. Called
 * from one thread only, a few times a second at most; it must be quick.
 */
typedef void (*scrutin_progress_fn)(uint64_t done, uint64_t total, void *data);

#define SCRUTIN_SIM_OPTIONS_VERSION 1

/** Options of a run. Initialise with SCRUTIN_SIM_OPTIONS_INIT, then set fields. */
typedef struct scrutin_sim_options {
    unsigned version;             /**< SCRUTIN_SIM_OPTIONS_VERSION */
    uint64_t seed;                /**< key of every random stream */
    uint64_t first;               /**< index of the first simulation (a block of a larger run) */
    uint64_t count;               /**< number of simulations */
    int threads;                  /**< OpenMP threads; 0: OpenMP's default */
    scrutin_progress_fn progress; /**< NULL: no progress reports */
    void *progress_data;
    /** If not NULL, polled between blocks of simulations: when it becomes non-zero the run
        stops early and the tally holds the simulations completed so far. */
    const volatile int *stop;
    /** If not NULL, receives the outcome of every simulation counted, in index order, in
        blocks, on one thread, between simulations (scrutin/outcomes.h). */
    scrutin_outcomes_fn outcomes;
    void *outcomes_data;
    /** Known results: if @c n_given > 0, a simulation is counted in the tally (and handed to
        @c outcomes) only if it meets every one of them; the tally's simulations are then the
        matching ones. Borrowed for the call. */
    const scrutin_given_item *given;
    size_t n_given;
} scrutin_sim_options;

#define SCRUTIN_SIM_OPTIONS_INIT                                                                   \
    {SCRUTIN_SIM_OPTIONS_VERSION, 1, 0, 10000, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0}

/**
 * Run simulations [first, first + count) of @p model and add them to @p tally.
 * @param tally  a tally shaped for @p model (scrutin_tally_new()); counts are added to it
 * @return 0; SCRUTIN_EINTR if stopped early (the tally holds the completed simulations);
 *         SCRUTIN_EINPUT if the model lacks what the simulation needs (registered voters,
 *         ballots cast); SCRUTIN_EINVAL or SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_sim_run(scrutin_tally *tally, const scrutin_model *model,
                                const scrutin_sim_options *options, scrutin_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
