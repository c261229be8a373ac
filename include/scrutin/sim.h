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

/**
 * Which build of the kernel's vector arithmetic (random draws, exp) a run
 * uses. Every path gives byte-identical results; they differ only in speed.
 */
typedef enum scrutin_simd {
    SCRUTIN_SIMD_AUTO = 0,   /**< the fastest this CPU runs (scrutin_simd_best()) */
    SCRUTIN_SIMD_PORTABLE,   /**< plain C (SLEEF's purecfma functions): any machine */
    SCRUTIN_SIMD_AVX2,       /**< x86-64-v3: AVX2 and FMA, 4 lanes */
    SCRUTIN_SIMD_AVX512      /**< x86-64-v4: AVX-512, 8 lanes */
} scrutin_simd;

/** 1 if this build has @p simd and this CPU can run it (SCRUTIN_SIMD_AUTO: always). */
SCRUTIN_API int scrutin_simd_available(scrutin_simd simd);
/** The fastest path available here (never SCRUTIN_SIMD_AUTO). */
SCRUTIN_API scrutin_simd scrutin_simd_best(void);
/** "portable", "avx2", "avx512" (or "auto"); NULL for a value that is none of them. */
SCRUTIN_API const char *scrutin_simd_name(scrutin_simd simd);
/** The path named @p name (as scrutin_simd_name() spells it) into *out. @return 0, or SCRUTIN_EINVAL. */
SCRUTIN_API int scrutin_simd_parse(const char *name, scrutin_simd *out);

#define SCRUTIN_SIM_OPTIONS_VERSION 2

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
    /** The kernel's vector path; SCRUTIN_SIMD_AUTO (0): the best available. A path that is
        not available makes scrutin_sim_run() fail with SCRUTIN_EINVAL. */
    scrutin_simd simd;
} scrutin_sim_options;

#define SCRUTIN_SIM_OPTIONS_INIT                                                                   \
    {SCRUTIN_SIM_OPTIONS_VERSION, 1, 0, 10000, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0,        \
     SCRUTIN_SIMD_AUTO}

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
