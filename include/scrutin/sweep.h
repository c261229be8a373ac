/**
 * @file scrutin/sweep.h
 * @brief One parameter varied over a range: the probability of each
 *        coalition's majority and its mean seats, step by step.
 *
 * Each step is the scenario with one value set on it (as a what-if would set
 * it, scrutin_scenario_load_with()), simulated with the same seed, so that
 * the steps share common random numbers and the curve is smooth
 * (docs/whatifs.md, "Sweeping").
 */
#ifndef SCRUTIN_SWEEP_H
#define SCRUTIN_SWEEP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/report.h"
#include "scrutin/sim.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One coalition at one step (final seats, after the court). */
typedef struct scrutin_sweep_row {
    size_t step;             /**< 0 to n_steps - 1 */
    double value;            /**< the value set at this step */
    const char *coalition;   /**< the coalition's id, owned by the sweep */
    double p_majority, p_majority_se;
    double mean_seats, mean_se;
} scrutin_sweep_row;

/** A sweep. Read-only for the caller; freed with scrutin_sweep_free(). */
typedef struct scrutin_sweep {
    char *path;            /**< the scenario path that was set ("model.sd_list") */
    char *scenario_name;   /**< the scenario's name (at the first step) */
    uint64_t simulations;  /**< per step */
    size_t n_steps;
    double *values;        /**< [n_steps] */
    size_t n_rows;
    scrutin_sweep_row *rows; /**< by step, then coalition in the scenario's order */
} scrutin_sweep;

/**
 * The value of step @p k of @p steps from @p from to @p to: evenly spaced,
 * both ends exactly included (`(from (steps-1-k) + to k) / (steps - 1)`,
 * rounded to 15 significant digits so that decimal ends give decimal steps:
 * 0.3, not 0.30000000000000004); @p from alone when @p steps is 1.
 */
SCRUTIN_API double scrutin_sweep_value(double from, double to, unsigned steps, unsigned k);

/**
 * Simulate the scenario at @p path once per step, with @p set_path set to
 * each step's value (scrutin_scenario_load_with()).
 * @param[out] out  the sweep, freed with scrutin_sweep_free(); NULL on failure
 * @param steps     at least 1
 * @param options   seed, count (per step), threads, progress (over all the steps) and stop
 * @return 0; SCRUTIN_EINPUT if a step's scenario is not valid (the diagnostics name the
 *         value as the file "PATH=VALUE"); SCRUTIN_EINTR if stopped (nothing is kept);
 *         SCRUTIN_EINVAL, SCRUTIN_ENOMEM, or what loading returns
 */
SCRUTIN_API int scrutin_sweep_run(scrutin_sweep **out, const char *path, const char *set_path,
                                  double from, double to, unsigned steps,
                                  const scrutin_sim_options *options, scrutin_ctx *ctx);

/** Free a sweep. NULL is a no-op. */
SCRUTIN_API void scrutin_sweep_free(scrutin_sweep *sweep);

#define SCRUTIN_SWEEP_INFO_VERSION 1

/** What sweep.json says besides the rows; as scrutin_compare_info. */
typedef struct scrutin_sweep_info {
    unsigned version;            /**< SCRUTIN_SWEEP_INFO_VERSION */
    const char *scenario_hash;   /**< of the scenario without the value set, or NULL */
    const char *scenario_path;   /**< execution */
    uint64_t seed;
    int threads;                 /**< execution */
    double simulate_seconds;     /**< execution: loading and simulating every step */
} scrutin_sweep_info;

#define SCRUTIN_SWEEP_INFO_INIT {SCRUTIN_SWEEP_INFO_VERSION, NULL, NULL, 1, 0, 0.0}

/**
 * Write `sweep.csv` (`step,value,coalition,p_majority,p_majority_se,mean_seats,mean_se`)
 * and `sweep.json` into @p out_dir, created if missing, each written whole or not at all.
 * @return 0, SCRUTIN_EINVAL, SCRUTIN_EIO or SCRUTIN_ENOMEM
 */
SCRUTIN_API int scrutin_sweep_write(const char *out_dir, const scrutin_sweep *sweep,
                                    const scrutin_sweep_info *info, scrutin_ctx *ctx);

/**
 * The sweep on @p f: an aligned table or Markdown (one line per step and
 * coalition), or the rows of sweep.csv as CSV or JSON.
 * @return 0, SCRUTIN_EINVAL or SCRUTIN_EIO
 */
SCRUTIN_API int scrutin_sweep_print(FILE *f, const scrutin_sweep *sweep, scrutin_format format,
                                    scrutin_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
