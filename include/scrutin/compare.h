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
 * byte-identical for any number of threads or processes.
 *
 * Two ways to compare. In one call, scrutin_compare_run(). Or in steps, for
 * a program that spreads the simulations over processes (the scrutin command
 * under MPI does): scrutin_compare_tally_new(), then
 * scrutin_compare_tally_run_reduced() on every process with the hooks of
 * scrutin/reduce.h (as scrutin_sweep_steps(): each process its block, the
 * counters summed onto the root), and scrutin_compare_compute() once, on the
 * root's sum.
 */
#ifndef SCRUTIN_COMPARE_H
#define SCRUTIN_COMPARE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/format.h"
#include "scrutin/model.h"
#include "scrutin/paired.h"
#include "scrutin/reduce.h"
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
    /** The group's index in the base and in the what-if (scrutin_model_id() of its kind),
        meaningful where @c in_base or @c in_whatif is 1. */
    size_t index_base, index_whatif;
    /** The electoral systems compared (docs/whatifs.md, "Several electoral systems"): their
        id (owned by the comparison), and the index of each side's (scrutin_model_system_id());
        -1 on a side with no system to pair with the other's. Such a row is not compared: its
        differences are NaN, and @c in_base or @c in_whatif is 0. */
    const char *system;
    long system_base, system_whatif;
} scrutin_compare_row;

/**
 * One district and group (party or coalition) in one what-if against the
 * base, under one electoral system (compare_districts.csv): the probability
 * that the group wins at least one of the district's final seats in each,
 * and their paired difference. Districts, groups and systems are matched by
 * id; a list a what-if merges or withdraws counts for its candidates'
 * parties and their coalitions, so no list id needs matching.
 */
typedef struct scrutin_compare_district_row {
    size_t whatif;          /**< 1 to n_models - 1 */
    const char *system;     /**< the system's id (owned by the comparison) */
    const char *district;   /**< the district's id (owned) */
    scrutin_group_kind kind;
    const char *group;      /**< the group's id (owned) */
    double p_base, p_whatif;   /**< P(wins at least one seat there), final */
    double p_diff, p_diff_se;  /**< what-if minus base, and its paired standard error */
} scrutin_compare_district_row;

/** A comparison. Read-only for the caller; freed with scrutin_compare_free(). */
typedef struct scrutin_compare {
    uint64_t simulations;        /**< simulations completed, the same for every model */
    size_t n_models;             /**< the base (0), then the what-ifs */
    char **names;                /**< [n_models] each model's name */
    unsigned *seats, *majority;  /**< [n_models] each model's assembly and majority */
    scrutin_tally **tallies;     /**< [n_models] each model's own tally, as scrutin_sim_run gives it */
    scrutin_summary **summaries; /**< [n_models] and its summary */
    size_t n_rows;
    scrutin_compare_row *rows;   /**< by what-if, systems, stage, kind (parties, then coalitions),
                                      group: the base's groups in its order, then the what-if's
                                      others */
    /** 1 if a model compared has several electoral systems: the rows then say which (the
        `system` column of compare.csv); 0 if each has one. */
    int several_systems;
    size_t *n_systems;           /**< [n_models] each model's electoral systems */
    /** [n_models][n_systems[k]] the summary of each system of each model; summaries[k] is
        system_summaries[k][0] */
    scrutin_summary ***system_summaries;
    /** [n_models][n_systems[k]] the id of each system of each model, owned by the comparison */
    char ***system_ids;
    size_t n_district_rows;
    /** By what-if, system, district, kind and group (each the base's in its order, then the
        what-if's others); only the districts and groups that won a seat there in either. */
    scrutin_compare_district_row *district_rows;
} scrutin_compare;

/**
 * The comparison of the simulations counted in @p tally: the rows, and each
 * model's own tally (a copy) and summary. Floating-point results are
 * computed here, once, from the integers.
 * @param[out] out  freed with scrutin_compare_free(); NULL on failure
 * @param tally     read only; still owned by the caller, and its models must still be alive
 * @return 0; SCRUTIN_EINVAL if it counts no simulation or its parts disagree on how many;
 *         SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_compare_compute(scrutin_compare **out, const scrutin_compare_tally *tally,
                                        scrutin_ctx *ctx);

/**
 * Run simulations [first, first + count) of every model in pairs with the
 * base @p models[0] (same seed, same index), and compare each what-if
 * @p models[1..n_models-1] with the base: scrutin_compare_tally_new(),
 * scrutin_compare_tally_run() and scrutin_compare_compute() in one call.
 * @param[out] out  the comparison, freed with scrutin_compare_free(); NULL on failure
 * @param models    the base first; at least two models (a model may be given twice)
 * @param options   seed, first, count, threads, progress and stop, as for scrutin_sim_run()
 * @return 0; SCRUTIN_EINTR if stopped early (*out holds the simulations completed, if any);
 *         SCRUTIN_EINPUT if a model lacks what the simulation needs; SCRUTIN_EINVAL or
 *         SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_compare_run(scrutin_compare **out, const scrutin_model *const *models,
                                    size_t n_models, const scrutin_sim_options *options,
                                    scrutin_ctx *ctx);

/**
 * The paired simulations [first, first + count) of @p options spread over
 * processes by @p reduce (scrutin/reduce.h; NULL: this process alone): every
 * process calls this with the same arguments, runs its block
 * (scrutin_compare_tally_run()), and every part of the counters is summed
 * onto the root's @p tally, which then holds them all.
 * @return 0; SCRUTIN_EINTR if any process was stopped (the root's tally holds the
 *         simulations every process completed); else the failure every process agreed
 *         on, as for scrutin_compare_tally_run(), or SCRUTIN_EINVAL for hooks of another
 *         version
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_compare_tally_run_reduced(scrutin_compare_tally *tally,
                                                  const scrutin_sim_options *options,
                                                  const scrutin_reduce *reduce, scrutin_ctx *ctx);

/** Free a comparison. NULL is a no-op. */
SCRUTIN_API void scrutin_compare_free(scrutin_compare *compare);

#define SCRUTIN_COMPARE_INFO_VERSION 3

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
    int ranks;                      /**< execution: processes (MPI ranks) that simulated */
    /** [n_models] the models compared, for the parameters in effect in each, or NULL */
    const scrutin_model *const *models;
    const char *command_line;       /**< execution: the command, as a shell reads it, or NULL */
    const char *simd;               /**< execution: the kernel's SIMD path, or NULL */
} scrutin_compare_info;

#define SCRUTIN_COMPARE_INFO_INIT                                                              \
    {SCRUTIN_COMPARE_INFO_VERSION, NULL, NULL, 1, 0, 0, 0.0, 0.0, 1, NULL, NULL, NULL}

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
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_compare_write(const char *out_dir, const scrutin_compare *compare,
                                      const scrutin_compare_info *info, scrutin_ctx *ctx);

/** What-ifs drawn on one plot with the base, at most: their key then fits over the panels. */
#define SCRUTIN_COMPARE_PLOT_WHATIFS 4

/**
 * Write the plots of a comparison into `@p out_dir/plots/` (data and gnuplot
 * scripts, as scrutin_plot_panels(); the library never runs gnuplot). Each
 * plot has one panel per coalition (the base's, then those only a what-if
 * declares), with the distribution of its final seats in the base (filled)
 * and in up to SCRUTIN_COMPARE_PLOT_WHATIFS what-ifs (outlined), on a common
 * axis from 0 to every seat, and the base's majority line; each panel's title
 * gives P(majority) in each scenario (with one what-if, also the mean seats).
 * A coalition a scenario does not declare has no curve there. The plots are
 * `compare_coalitions` (the first what-ifs), then `compare_coalitions_2` and
 * so on (scrutin_compare_plot_count(), scrutin_compare_plot_name()); pages an
 * earlier comparison of more what-ifs left in the folder are removed.
 * @param out_dir  the comparison's output folder (`plots/` is created inside it)
 * @return 0; SCRUTIN_EINVAL (a NULL argument, an empty comparison, no coalition, a folder
 *         that cannot be written); SCRUTIN_EIO; SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_compare_plot(const char *out_dir, const scrutin_compare *compare,
                                     scrutin_ctx *ctx);

/**
 * @return how many plots scrutin_compare_plot() writes for @p compare: one per
 *         SCRUTIN_COMPARE_PLOT_WHATIFS what-ifs (0 if @p compare is NULL)
 */
SCRUTIN_API size_t scrutin_compare_plot_count(const scrutin_compare *compare);

/**
 * The name of plot @p i of scrutin_compare_plot(): "compare_coalitions" for
 * the first, "compare_coalitions_2" for the second, and so on.
 * @param[out] out  the name, into @p size bytes (64 is always enough)
 * @return 0, or SCRUTIN_EINVAL if it does not fit
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_compare_plot_name(char *out, size_t size, size_t i);

/**
 * The headline of a comparison on @p f: the final seats of every coalition
 * and of the parties that move most, as an aligned table or Markdown; or
 * the whole table as CSV or JSON (the rows of compare.csv).
 * @return 0, SCRUTIN_EINVAL or SCRUTIN_EIO
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_compare_print(FILE *f, const scrutin_compare *compare,
                                      scrutin_format format, scrutin_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
