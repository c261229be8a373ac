/**
 * @file scrutin/sweep.h
 * @brief One parameter varied over a range: the probability of each
 *        coalition's majority and its mean seats, step by step.
 *
 * Each step is the scenario with one value set on it (as a what-if would set
 * it, scrutin_scenario_load_with()), simulated with the same seed, so that
 * the steps share common random numbers and the curve is smooth
 * (docs/whatifs.md, "Sweeping").
 *
 * Two ways to sweep. In one call, scrutin_sweep_run(). Or, for a program
 * that spreads each step's simulations over processes (the scrutin command
 * under MPI does): scrutin_sweep_new(), then scrutin_sweep_steps() with the
 * processes' hooks (scrutin/reduce.h). The pieces it is made of are public
 * too: for each step in order, scrutin_sweep_load_step(), scrutin_sim_run()
 * of each process's block into a scrutin_tally, the tallies added together
 * (scrutin_tally_counters()), and scrutin_sweep_add_step() once, on the sum.
 */
#ifndef SCRUTIN_SWEEP_H
#define SCRUTIN_SWEEP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/format.h"
#include "scrutin/model.h"
#include "scrutin/reduce.h"
#include "scrutin/sim.h"
#include "scrutin/tally.h"

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
    /** With several electoral systems: the system's id, owned by the sweep; else NULL. */
    const char *system;
    /** The row's curve in the plot: the coalition, with its system if there are several. */
    const char *label;
} scrutin_sweep_row;

/** A sweep. Read-only for the caller; freed with scrutin_sweep_free(). */
typedef struct scrutin_sweep {
    char *path;            /**< the scenario path that was set ("model.sd_list") */
    char *scenario_name;   /**< the scenario's name (at the first step) */
    uint64_t simulations;  /**< per step, as asked for */
    size_t n_steps;        /**< steps asked for */
    double *values;        /**< [n_steps] */
    size_t n_rows;
    scrutin_sweep_row *rows; /**< by step, electoral system, then coalition in the scenario's order */
    size_t n_done;         /**< steps with rows (0 to n_done - 1): n_steps, unless stopped */
    uint64_t *completed;   /**< [n_steps] simulations completed at each step; 0: not run */
    /** 1 if the scenario has several electoral systems: every one is swept, and the rows say
        which (sweep.csv's leading `system` column) */
    int several_systems;
} scrutin_sweep;

/**
 * The value of step @p k of @p steps from @p from to @p to: evenly spaced,
 * both ends exactly included (`(from (steps-1-k) + to k) / (steps - 1)`,
 * rounded to 15 significant digits so that decimal ends give decimal steps:
 * 0.3, not 0.30000000000000004); @p from alone when @p steps is 1.
 */
SCRUTIN_API double scrutin_sweep_value(double from, double to, unsigned steps, unsigned k);

/**
 * A sweep with its values and no step done yet (n_done 0, no rows).
 * @param[out] out     freed with scrutin_sweep_free(); NULL on failure
 * @param set_path     the path to set in each step's scenario (copied)
 * @param steps        at least 1; the values are scrutin_sweep_value(from, to, steps, k)
 * @param simulations  simulations asked for per step (at least 1), for the record
 * @return 0, SCRUTIN_EINVAL or SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_sweep_new(scrutin_sweep **out, const char *set_path, double from,
                                  double to, unsigned steps, uint64_t simulations,
                                  scrutin_ctx *ctx);

/**
 * The model of step @p step: the scenario at @p path loaded with the sweep's
 * path set to the step's value (scrutin_scenario_load_with()), and compiled.
 * @param[out] out  the model, owned by the caller (scrutin_model_free()); NULL on failure
 * @return 0; SCRUTIN_EINPUT if the step's scenario is not valid (the diagnostics name the
 *         value as the file "PATH=VALUE", then the step); SCRUTIN_EINVAL (a step out of
 *         range), SCRUTIN_ENOMEM, or what loading returns
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_sweep_load_step(scrutin_model **out, const scrutin_sweep *sweep,
                                        const char *path, size_t step, scrutin_ctx *ctx);

/**
 * Summarise step @p step from its simulations and append its rows (the final
 * seats of every coalition of @p model). Steps are added in order, from 0,
 * each once; the sweep takes the scenario's name from step 0's model.
 * @param step   sweep->n_done: the next step
 * @param model  the step's model (scrutin_sweep_load_step()); borrowed for the call
 * @param tally  its simulations, at least one (fewer than asked for if the sweep was
 *               stopped during this step, which must then be the last); borrowed
 * @return 0; SCRUTIN_EINVAL (not the next step, an empty tally or one of another model);
 *         SCRUTIN_ENOMEM (the sweep is then unchanged)
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_sweep_add_step(scrutin_sweep *sweep, size_t step,
                                       const scrutin_model *model, const scrutin_tally *tally,
                                       scrutin_ctx *ctx);

/**
 * @return 1 if the sweep was stopped: fewer steps done than asked for, or
 *         fewer simulations in its last step
 */
SCRUTIN_API int scrutin_sweep_partial(const scrutin_sweep *sweep);

/**
 * Simulate the scenario at @p path once per step, with @p set_path set to
 * each step's value (scrutin_scenario_load_with()): scrutin_sweep_new(), then
 * scrutin_sweep_load_step(), scrutin_sim_run() and scrutin_sweep_add_step()
 * per step, in one call.
 * @param[out] out  the sweep, freed with scrutin_sweep_free(); NULL on failure
 * @param steps     at least 1
 * @param options   seed, count (per step), threads, progress (over all the steps) and stop
 * @return 0; SCRUTIN_EINPUT if a step's scenario is not valid (the diagnostics name the
 *         value as the file "PATH=VALUE"); SCRUTIN_EINTR if stopped: *out then holds the
 *         steps done, the last one with the simulations it completed
 *         (scrutin_sweep_partial()), or is NULL if no simulation was completed;
 *         SCRUTIN_EINVAL, SCRUTIN_ENOMEM, or what loading returns
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_sweep_run(scrutin_sweep **out, const char *path, const char *set_path,
                                  double from, double to, unsigned steps,
                                  const scrutin_sim_options *options, scrutin_ctx *ctx);

/**
 * Run every step of @p sweep (made by scrutin_sweep_new(), no step done) on the scenario at
 * @p path, in order: scrutin_sweep_load_step(), this process's block of the step's
 * simulations (scrutin_sim_run()), the counts of every process summed onto the root, and
 * there scrutin_sweep_add_step(). scrutin_sweep_run() is scrutin_sweep_new() and this, on
 * one process. A stop (@p options->stop, or SCRUTIN_EINTR from a process) ends the sweep
 * after the step under way, which keeps the simulations completed; the stop is agreed
 * between the processes, so all of them end after the same step.
 * @param options  seed, count (per step, over all the processes), threads, progress (this
 *                 process's, over all the steps) and stop
 * @param reduce   the processes' hooks; NULL for one process (SCRUTIN_REDUCE_INIT)
 * @return 0; SCRUTIN_EINTR if stopped; what a step's failure returns on any process, as
 *         scrutin_sweep_run(). Only the root's @p sweep holds rows; another process's counts
 *         its steps done (n_done, completed) without rows.
 */
SCRUTIN_API int scrutin_sweep_steps(scrutin_sweep *sweep, const char *path,
                                    const scrutin_sim_options *options,
                                    const scrutin_reduce *reduce, scrutin_ctx *ctx);

/** Free a sweep. NULL is a no-op. */
SCRUTIN_API void scrutin_sweep_free(scrutin_sweep *sweep);

#define SCRUTIN_SWEEP_INFO_VERSION 3

/** What sweep.json says besides the rows; as scrutin_compare_info. Initialise with
    SCRUTIN_SWEEP_INFO_INIT. */
typedef struct scrutin_sweep_info {
    unsigned version;            /**< SCRUTIN_SWEEP_INFO_VERSION */
    const char *scenario_hash;   /**< of the scenario without the value set, or NULL */
    const char *scenario_path;   /**< execution */
    uint64_t seed;
    int threads;                 /**< execution */
    double simulate_seconds;     /**< execution: loading and simulating every step */
    int ranks;                   /**< execution: processes (MPI ranks) that simulated */
    /** the scenario's model as it is (without the value set), for its parameters, or NULL */
    const scrutin_model *model;
    const char *command_line;    /**< execution: the command, as a shell reads it, or NULL */
    const char *simd;            /**< execution: the kernel's SIMD path, or NULL */
} scrutin_sweep_info;

#define SCRUTIN_SWEEP_INFO_INIT {SCRUTIN_SWEEP_INFO_VERSION, NULL, NULL, 1, 0, 0.0, 1, NULL, NULL, NULL}

/**
 * Write `sweep.csv` (`step,value,coalition,p_majority,p_majority_se,mean_seats,mean_se`)
 * and `sweep.json` into @p out_dir, created if missing, each written whole or not at all.
 * The rows are those of the steps done; sweep.json says `"partial": true` if the sweep was
 * stopped, and `completed` the steps done and each one's simulations.
 * @return 0, SCRUTIN_EINVAL, SCRUTIN_EIO or SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_sweep_write(const char *out_dir, const scrutin_sweep *sweep,
                                    const scrutin_sweep_info *info, scrutin_ctx *ctx);

/**
 * Write the plots of a sweep into `@p out_dir/plots/` (data and gnuplot
 * scripts, as scrutin_plot_curves(); the library never runs gnuplot):
 * - `sweep_majority`: each coalition's P(majority), final seats, in percent,
 *   against the swept value, with a band of +-2 standard errors (a step not
 *   done leaves a gap). scrutin_sweep_plot_names() lists the names.
 * @param out_dir  the sweep's output folder (`plots/` is created inside it)
 * @return 0; SCRUTIN_EINVAL (a NULL argument, no step done, a folder that cannot be
 *         written); SCRUTIN_EIO; SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_sweep_plot(const char *out_dir, const scrutin_sweep *sweep,
                                   scrutin_ctx *ctx);

/**
 * The names of the plots scrutin_sweep_plot() writes: "sweep_majority".
 * @param[out] count  how many names
 * @return a static array of @p *count names
 */
SCRUTIN_API const char *const *scrutin_sweep_plot_names(size_t *count);

/**
 * The sweep on @p f: an aligned table or Markdown (one line per step and
 * coalition), or the rows of sweep.csv as CSV or JSON.
 * @return 0, SCRUTIN_EINVAL or SCRUTIN_EIO
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_sweep_print(FILE *f, const scrutin_sweep *sweep, scrutin_format format,
                                    scrutin_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
