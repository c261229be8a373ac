/**
 * @file scrutin/report.h
 * @brief Writing results for people and programs: tables, CSV, JSON.
 */
#ifndef SCRUTIN_REPORT_H
#define SCRUTIN_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/format.h"
#include "scrutin/model.h"
#include "scrutin/replay.h"
#include "scrutin/scenario.h"
#include "scrutin/summary.h"
#include "scrutin/tally.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write a replay's seat tables to @p f. The CSV has the columns
 * `stage,group_kind,group,seats` (stage round1, provisional or final).
 * @return 0 or SCRUTIN_EIO
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_report_replay(FILE *f, const scrutin_model *model,
                                      const scrutin_replay *replay, scrutin_format format,
                                      scrutin_ctx *ctx);

/**
 * Write the seat tables of @p n replays of @p model, one per electoral
 * system (scrutin_replay_run_system()), in the order given. For a model
 * with a single system, the same as scrutin_report_replay(). For a model
 * with several (even if fewer replays are given, some systems not being
 * replayable), the CSV gains a leading `system` column
 * (`system,stage,group_kind,group,seats`), the table and Markdown a section
 * per system, and the JSON an array "systems" of the one-system objects,
 * each with its "system" id.
 * @return 0, SCRUTIN_EINVAL (no replay, or one not of this model) or SCRUTIN_EIO
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_report_replays(FILE *f, const scrutin_model *model,
                                       const scrutin_replay *const *replays, size_t n,
                                       scrutin_format format, scrutin_ctx *ctx);

/* ------------------------------------------------------------------------ */
/* The outputs of a Monte Carlo run (docs/cli.md, "scrutin run").             */

/** Characters of a scenario's content hash: 32 hexadecimal digits and a NUL. */
#define SCRUTIN_SCENARIO_HASH_SIZE 33

/**
 * Hash the contents of a scenario: its YAML file and the two tables it names.
 * Each file is hashed with XXH3 (128 bits), and the three digests, in that
 * order, are hashed again, so that moving bytes from one file to another
 * changes the hash. The paths themselves are not hashed: a copy of the
 * scenario elsewhere has the same hash.
 * @param[out] out  32 lower-case hexadecimal digits and a NUL
 * @param size      size of @p out, at least SCRUTIN_SCENARIO_HASH_SIZE
 * The loader computes it from the bytes it read (scrutin_scenario_hash()): no file is read
 * again, so a scenario read from a pipe has a hash too.
 * @return 0, or SCRUTIN_EINVAL if @p size is too small or the scenario has no hash
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_report_scenario_hash(char *out, size_t size,
                                             const scrutin_scenario *scenario, scrutin_ctx *ctx);

#define SCRUTIN_RUN_INFO_VERSION 3

/**
 * What run.json says about a run besides its results. Initialise with
 * SCRUTIN_RUN_INFO_INIT, then set fields. Strings are borrowed for the
 * duration of the call.
 *
 * Only the fields marked "execution" may differ between two runs of the same
 * scenario and seed (thread count, ranks, timings, where the scenario was
 * read from); run.json keeps them in its `execution` object, and every other
 * byte of the outputs is the same whatever they are.
 */
typedef struct scrutin_run_info {
    unsigned version;            /**< SCRUTIN_RUN_INFO_VERSION */
    const char *scrutin_version; /**< NULL: this library's version (its SCRUTIN_VERSION) */
    const char *scenario_name;   /**< NULL: the model's name */
    const char *scenario_path;   /**< execution: the path the scenario was read from, or NULL */
    const char *scenario_hash;   /**< scrutin_report_scenario_hash(), or NULL if unknown */
    uint64_t seed;               /**< the seed of the random streams */
    uint64_t requested;          /**< simulations asked for */
    uint64_t completed;          /**< simulations completed; 0: the summary's count */
    int partial;                 /**< 1 if the run was stopped before all were completed */
    int threads;                 /**< execution: threads asked for (0: OpenMP's default) */
    int ranks;                   /**< execution: MPI ranks (1 without MPI) */
    double load_seconds;         /**< execution: wall-clock time to load and compile the scenario */
    double simulate_seconds;     /**< execution: wall-clock time to simulate */
    /** execution: wall-clock time the caller spent preparing the outputs (summarising);
        scrutin_run_write() adds the time it spends writing the tables. */
    double write_seconds;
    /** Known results (run --given): the tally counts only the simulations that meet them.
        NULL and 0: none (run.json then has no "given"). */
    const char *const *given;
    size_t n_given;
    const char *given_system;    /**< the system they are known under */
    uint64_t simulated;          /**< with given: the simulations run, matching or not */
    /** Stopping rules (run --target-se, --min-matches): 0 where not asked for; with either,
        run.json has "stopping". */
    double target_se;
    uint64_t min_matches;
    uint64_t max_n;              /**< the most simulations the rules allowed */
    int stop_met;                /**< 1 if the rules were met, 0 if max_n came first */
    /** execution: the command that made the run, as a shell would read it, or NULL */
    const char *command_line;
    /** execution: the kernel's vector path (scrutin_simd_name()), or NULL if unknown */
    const char *simd;
} scrutin_run_info;

#define SCRUTIN_RUN_INFO_INIT                                                                  \
    {SCRUTIN_RUN_INFO_VERSION, NULL, NULL, NULL, NULL, 1, 0, 0, 0, 0, 1, 0.0, 0.0, 0.0,        \
     NULL, 0, NULL, 0, 0.0, 0, 0, 0, NULL, NULL}

/**
 * Write the results of a run into the folder @p out_dir, created with its
 * parents if missing:
 * - `seats_distribution.csv`: `stage,group_kind,group,seats,count,probability`,
 *   one row per seat total with a non-zero count;
 * - `seats_summary.csv`: `stage,group_kind,group,mean,sd,p05,p25,p50,p75,p95,
 *   p_majority,p_majority_se,p_supermajority,p_largest,mean_se,p_supermajority_se,
 *   p_largest_se,court_shift_mean,court_shift_se,p_majority_changed,
 *   p_majority_changed_se` (the court columns are empty in the provisional stage);
 * - `districts.csv`: `district,region,seats,p_decided_round1,p_court_flip,p_tie,
 *   p_decided_round1_se,p_court_flip_se,p_tie_se,p_rerun,p_rerun_se`;
 * - `district_lists.csv`: `district,list,p_round2,p_win_provisional,p_win_final,
 *   p_rejected,p_round2_se,p_win_provisional_se,p_win_final_se,p_rejected_se,parties,
 *   coalition` (parties: the list's parties' ids joined by ';');
 * - `run.json`: the same tables and the run's metadata (docs/cli.md).
 *
 * Each file is written under a temporary name in @p out_dir and renamed over
 * the final name once complete, so that a crash never leaves a half-written
 * file. Numbers are written with the shortest decimal that reads back as the
 * same double, whatever the locale. The files depend only on the tally and
 * @p info, never on how the simulations were split among threads or ranks;
 * only run.json's `execution` object holds what may differ.
 *
 * @param out_dir  the output folder
 * @param model    the model that was simulated
 * @param tally    its tally (for the seat histograms)
 * @param summary  scrutin_summary_compute() of @p tally
 * @param info     metadata; see scrutin_run_info
 * @return 0; SCRUTIN_EINVAL if @p out_dir cannot be created or written (the
 *         diagnostic names it) or the arguments do not match each other;
 *         SCRUTIN_EIO if writing fails part-way (the final name is then left
 *         as it was); SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_run_write(const char *out_dir, const scrutin_model *model,
                                  const scrutin_tally *tally, const scrutin_summary *summary,
                                  const scrutin_run_info *info, scrutin_ctx *ctx);

/**
 * Write a run's headline numbers to @p f, for standard output: for every
 * coalition and the largest parties (by mean final seats), in both stages,
 * the mean seats, the 90% interval (p05 to p95), P(majority) with its
 * standard error, and P(largest). In CSV the columns are
 * `stage,group_kind,group,mean,p05,p95,p_majority,p_majority_se,p_largest`;
 * JSON holds the same rows under "rows". For every electoral system of the
 * run counted in @p tally (@p summary being its first system's): with
 * several, a table per system under a line `system ID` (table, Markdown),
 * or a leading `system` column (CSV, and a "system" key in each JSON row).
 * @return 0, SCRUTIN_ENOMEM or SCRUTIN_EIO
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_run_print(FILE *f, const scrutin_model *model,
                                  const scrutin_tally *tally,
                                  const scrutin_summary *summary,
                                  scrutin_format format, scrutin_ctx *ctx);

/**
 * scrutin_run_print() of a run made with known results (run --given): with
 * @p info->n_given, the headline says which results and how many simulations
 * matched of how many were run (info->simulated): a line `Given ...: K of N
 * simulations match` before the table (table, Markdown), the columns
 * `matched,simulated` after the others on every row (CSV), and a "given"
 * object as run.json's (JSON). @p info NULL or without results given:
 * scrutin_run_print().
 * @return as scrutin_run_print(); SCRUTIN_EINVAL if @p info's version is not
 *         SCRUTIN_RUN_INFO_VERSION
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_run_print_info(FILE *f, const scrutin_model *model,
                                       const scrutin_tally *tally,
                                       const scrutin_summary *summary,
                                       const scrutin_run_info *info, scrutin_format format,
                                       scrutin_ctx *ctx);

/**
 * Write `@p out_dir/report.html`: one self-contained page about a run, that
 * a browser shows without scrutin and without any other file. It holds the
 * run's facts (simulations, seats and thresholds, seed, scenario hash; with
 * @p info->n_given, the results given and how many simulations match), a
 * sentence per coalition with its P(majority), the headline table of
 * scrutin_run_print(), the plots of scrutin_run_plot() embedded as
 * SVG (those that were drawn: `plots/NAME.svg`; in place of one that was not,
 * a note says how to draw it), tables of the coalitions, the parties that
 * win seats and the districts, and links to the run's files. With several
 * electoral systems, every system's headline, one headline table with a
 * system column, and a section per system with its tables of coalitions,
 * parties and districts (@p tally gives their counts). Where the scenario can be replayed (scrutin_replay_run_system()),
 * the tables give each group's observed final seats. For a what-if
 * (scrutin_model_base_path()), a section lists its changes in words and every
 * parameter, party and coalition that differs from its base's, from what to what:
 * the base is read and compiled again for it. Call it after drawing the plots.
 * The page depends only on the summary, the tally, @p info (not its execution
 * fields), the scenario's files and the images, so two runs that agree write the
 * same page.
 *
 * @param out_dir  the run's output folder, created if missing
 * @param summary  scrutin_summary_compute() of the run's tally
 * @param info     the run's metadata, as for scrutin_run_write()
 * @return 0; SCRUTIN_EINVAL on a NULL or mismatched argument or a folder that
 *         cannot be written; SCRUTIN_EIO; SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_report_html(const char *out_dir, const scrutin_model *model,
                                    const scrutin_tally *tally,
                                    const scrutin_summary *summary, const scrutin_run_info *info,
                                    scrutin_ctx *ctx);

/**
 * List a scenario's entities as compiled (after inheritance and the
 * what-ifs' changes): the ids, names and counts of its parties, coalitions,
 * regions, districts, lists and electoral systems, what one needs to write a
 * what-if or a `--given` (scrutin show). The CSV is one table
 * `kind,id,name,district,region,seats,coalition,parties,list_kind,runs`
 * (kind party, coalition, region, district, list or system; a cell is empty
 * where the kind has no such field; parties joined by ';'; runs yes or no);
 * the JSON an object with the scenario's name, seats, majority,
 * supermajority, "counts" and an array per kind ("parties", ...); the table
 * and Markdown a section per kind.
 * @return 0, SCRUTIN_EINVAL, SCRUTIN_EIO or SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_report_show(FILE *f, const scrutin_model *model, scrutin_format format,
                                    scrutin_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
