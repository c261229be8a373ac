/**
 * @file scrutin/compare.h
 * @brief What-ifs against their base: the same simulations run on both, in
 *        pairs, and the differences with their paired standard errors.
 *
 * Simulation i of every model draws from the same random streams (same seed,
 * same index): common random numbers. A difference between two models is
 * then measured on the same simulated elections, and its Monte Carlo
 * standard error is that of the paired differences, usually far smaller
 * than the two models' own standard errors combined (docs/whatifs.md).
 * Like a run, a comparison is tallied in integers, so its tables are
 * byte-identical for any number of threads.
 */
#ifndef SCRUTIN_COMPARE_H
#define SCRUTIN_COMPARE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/model.h"
#include "scrutin/report.h"
#include "scrutin/sim.h"
#include "scrutin/summary.h"
#include "scrutin/tally.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Quantiles of a comparison row: p05, p25, p50, p75, p95. */
#define SCRUTIN_COMPARE_QUANTILES 5

/**
 * One group (party or coalition, matched by id) at one stage, in one what-if
 * against the base. A group that only one of the two models declares holds
 * no seat in the other (@c in_base or @c in_whatif is 0).
 */
typedef struct scrutin_compare_row {
    size_t whatif;            /**< the model compared with the base: 1 to n_models - 1 */
    scrutin_stage stage;
    scrutin_group_kind kind;
    const char *group;        /**< the group's id, owned by the comparison */
    int in_base, in_whatif;   /**< 1 if that model declares the group */
    double mean_base, mean_whatif;
    double mean_diff, mean_diff_se; /**< mean of (what-if - base) seats, paired standard error */
    double p_majority_base, p_majority_whatif;
    double p_majority_diff, p_majority_diff_se; /**< P(majority) what-if minus base, paired */
    unsigned q_base[SCRUTIN_COMPARE_QUANTILES], q_whatif[SCRUTIN_COMPARE_QUANTILES];
    /** Quantile of the what-if minus that of the base. No standard error: quantiles of the
        two margins, not of the paired differences (docs/whatifs.md). */
    int q_diff[SCRUTIN_COMPARE_QUANTILES];
} scrutin_compare_row;

/** A comparison. Read-only for the caller; freed with scrutin_compare_free(). */
typedef struct scrutin_compare {
    uint64_t simulations;        /**< simulations completed, the same for every model */
    size_t n_models;             /**< the base (0), then the what-ifs */
    char **names;                /**< [n_models] each model's name */
    unsigned *seats, *majority;  /**< [n_models] each model's assembly and majority */
    scrutin_tally **tallies;     /**< [n_models] each model's own tally, as scrutin_sim_run gives it */
    scrutin_summary **summaries; /**< [n_models] and its summary */
    size_t n_rows;
    scrutin_compare_row *rows;   /**< by what-if, stage, kind (parties, then coalitions), group:
                                      the base's groups in its order, then the what-if's others */
} scrutin_compare;

/**
 * Run simulations [first, first + count) of every model in pairs with the
 * base @p models[0] (same seed, same index), and compare each what-if
 * @p models[1..n_models-1] with the base.
 * @param[out] out  the comparison, freed with scrutin_compare_free(); NULL on failure
 * @param models    the base first; at least two models (a model may be given twice)
 * @param options   seed, first, count, threads, progress and stop, as for scrutin_sim_run()
 * @return 0; SCRUTIN_EINTR if stopped early (*out holds the simulations completed, if any);
 *         SCRUTIN_EINPUT if a model lacks what the simulation needs; SCRUTIN_EINVAL or
 *         SCRUTIN_ENOMEM
 */
SCRUTIN_API int scrutin_compare_run(scrutin_compare **out, const scrutin_model *const *models,
                                    size_t n_models, const scrutin_sim_options *options,
                                    scrutin_ctx *ctx);

/** Free a comparison. NULL is a no-op. */
SCRUTIN_API void scrutin_compare_free(scrutin_compare *compare);

#define SCRUTIN_COMPARE_INFO_VERSION 1

/**
 * What compare.json says about a comparison besides its rows. Initialise
 * with SCRUTIN_COMPARE_INFO_INIT. Strings are borrowed for the call; the
 * fields marked "execution" go into the `execution` object, the only part
 * of the outputs that differs between runs of the same inputs and seed.
 */
typedef struct scrutin_compare_info {
    unsigned version;               /**< SCRUTIN_COMPARE_INFO_VERSION */
    const char *const *hashes;      /**< [n_models] scrutin_report_scenario_hash(), or NULL */
    const char *const *paths;       /**< execution: [n_models] scenario files, or NULL */
    uint64_t seed;
    uint64_t requested;             /**< simulations asked for */
    int threads;                    /**< execution */
    double load_seconds, simulate_seconds; /**< execution */
} scrutin_compare_info;

#define SCRUTIN_COMPARE_INFO_INIT {SCRUTIN_COMPARE_INFO_VERSION, NULL, NULL, 1, 0, 0, 0.0, 0.0}

/**
 * Write `compare.csv` and `compare.json` into @p out_dir (created with its
 * parents if missing), each under a temporary name renamed when complete.
 * CSV columns: `whatif,stage,group_kind,group,in_base,in_whatif,mean_base,
 * mean_whatif,mean_diff,mean_diff_se,p_majority_base,p_majority_whatif,
 * p_majority_diff,p_majority_diff_se,p05_base,p50_base,p95_base,p05_whatif,
 * p50_whatif,p95_whatif,p05_diff,p25_diff,p50_diff,p75_diff,p95_diff`.
 * @return 0, SCRUTIN_EINVAL (bad arguments, a folder that cannot be made),
 *         SCRUTIN_EIO or SCRUTIN_ENOMEM
 */
SCRUTIN_API int scrutin_compare_write(const char *out_dir, const scrutin_compare *compare,
                                      const scrutin_compare_info *info, scrutin_ctx *ctx);

/**
 * The headline of a comparison on @p f: the final seats of every coalition
 * and of the parties that move most, as an aligned table or Markdown; or
 * the whole table as CSV or JSON (the rows of compare.csv).
 * @return 0, SCRUTIN_EINVAL or SCRUTIN_EIO
 */
SCRUTIN_API int scrutin_compare_print(FILE *f, const scrutin_compare *compare,
                                      scrutin_format format, scrutin_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
