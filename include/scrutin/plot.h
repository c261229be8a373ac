/**
 * @file scrutin/plot.h
 * @brief Plots: the data and the gnuplot scripts that draw a run's seat
 *        distributions, its districts' outcomes, a comparison of scenarios
 *        and a sweep's probability curves.
 *
 * The library writes, for each plot NAME, two files into the folder
 * `OUT/plots/` (created if missing; SCRUTIN_PLOT_DIR):
 * - `NAME.csv`: the numbers drawn, one header line and tidy rows that a
 *   spreadsheet opens as well as gnuplot does;
 * - `NAME.gp`: a gnuplot 5.4 script that reads `NAME.csv` and writes
 *   `NAME.svg` and `NAME.png` beside itself, from whatever folder gnuplot
 *   is started: `gnuplot OUT/plots/NAME.gp`.
 *
 * The library never runs gnuplot (nor any other program) and never prints:
 * rendering is the caller's business (the scrutin command does it with
 * `--plots` when gnuplot is on the PATH). Writing a plot's script removes the
 * `NAME.svg` and `NAME.png` an earlier run may have left, so that an image
 * in the folder is always drawn from the data beside it.
 *
 * Every file is written under a temporary name and renamed once complete,
 * as the run's tables are; numbers use '.' whatever the locale. Labels are
 * drawn as given (gnuplot's "enhanced" text mode is off, so `_` and `^` are
 * not markup).
 */
#ifndef SCRUTIN_PLOT_H
#define SCRUTIN_PLOT_H

#include <stddef.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/model.h"
#include "scrutin/summary.h"
#include "scrutin/tally.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The folder, inside an output folder, that holds the plots. */
#define SCRUTIN_PLOT_DIR "plots"

#define SCRUTIN_PLOT_OPTIONS_VERSION 1

/** Options of scrutin_run_plot(). Initialise with SCRUTIN_PLOT_OPTIONS_INIT. */
typedef struct scrutin_plot_options {
    unsigned version; /**< SCRUTIN_PLOT_OPTIONS_VERSION */
    unsigned parties; /**< largest parties drawn (by mean final seats); 0: none */
} scrutin_plot_options;

#define SCRUTIN_PLOT_OPTIONS_INIT {SCRUTIN_PLOT_OPTIONS_VERSION, 8}

/**
 * Write the plots of a run into `@p out_dir/plots/`:
 * - `coalition_seats`: one panel per coalition, the distribution of its seats
 *   over the simulations, final (after the court, filled) and provisional
 *   (before it, outlined) overlaid, on a common axis from 0 to every seat,
 *   with the majority line; the panel's title gives P(majority);
 * - `party_seats`: the same for the largest parties (@p options->parties of
 *   them, by mean final seats; parties that never win a seat are left out);
 * - `district_outcomes`: for each district, in the scenario's order,
 *   P(decided in round 1) and P(the court's decisions after the vote change
 *   its winner), the court's panel only where it changes some winner.
 * With several electoral systems (counted in @p tally), each plot has the
 * panels of every system, each titled with the system's id, and its CSV a
 * leading `system` column. Where the scenario's election can be replayed
 * (scrutin_replay_run_system()), the seat panels mark each group's observed
 * final seats with a solid line. The CSVs are tidy: `coalition_seats` and
 * `party_seats` have `[system,]group,stage,seats,probability`.
 * scrutin_run_plot_names() lists these names.
 *
 * @param out_dir  the run's output folder (`plots/` is created inside it)
 * @param model    the model that was simulated
 * @param tally    its tally (the seat histograms)
 * @param summary  scrutin_summary_compute() of @p tally
 * @param options  NULL for SCRUTIN_PLOT_OPTIONS_INIT
 * @return 0; SCRUTIN_EINVAL if an argument is NULL, the arguments do not match
 *         or the folder cannot be created or written (the diagnostic names it);
 *         SCRUTIN_EIO if writing fails part-way; SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_run_plot(const char *out_dir, const scrutin_model *model,
                                 const scrutin_tally *tally, const scrutin_summary *summary,
                                 const scrutin_plot_options *options, scrutin_ctx *ctx);

/**
 * The names of the plots scrutin_run_plot() writes, in the order a report
 * shows them: "coalition_seats", "party_seats", "district_outcomes".
 * @param[out] count  how many names
 * @return a static array of @p *count names
 */
SCRUTIN_API const char *const *scrutin_run_plot_names(size_t *count);

#define SCRUTIN_PANELS_SPEC_VERSION 3

/**
 * A comparison of seat distributions, for `scrutin compare`, as scrutin_plot_panels()
 * draws it: one panel per group (a coalition, say), and in each panel one curve per
 * scenario, the first filled and the others outlined, on a common axis from 0 to
 * @c seats with the majority line. Initialise with SCRUTIN_PANELS_SPEC_INIT, then set
 * fields; everything is borrowed for the call.
 */
typedef struct scrutin_panels_spec {
    unsigned version;     /**< SCRUTIN_PANELS_SPEC_VERSION (scrutin/version.h) */
    const char *name;     /**< the plot's file name, without extension: letters, digits,
                               '-', '_' and '.', as "compare_coalitions" */
    const char *title;    /**< title over the panels, or NULL */
    unsigned seats;       /**< the assembly's seats: each distribution has seats + 1 values */
    unsigned majority;    /**< seats that make a majority (the line is drawn before it:
                               everything to its right is a majority) */
    size_t n_groups;      /**< panels */
    const char *const *group_labels; /**< [n_groups] the panels' titles
                                          (e.g. "ADP: P(majority) 0.62 -> 0.41") */
    size_t n_scenarios;   /**< curves per panel (at least 1) */
    const char *const *scenario_labels; /**< [n_scenarios] legend entries (e.g. "base") */
    /** [n_groups * n_scenarios] arrays of seats + 1 values: probability[g * n_scenarios + k][s]
        is P(group g holds s seats) in scenario k */
    const double *const *probability;
    /** [n_groups] each group's id, the CSV's `group` column; NULL: the panels' titles */
    const char *const *group_ids;
    /** [n_scenarios] each curve's scenario, the CSV's `scenario` column; NULL: the legend */
    const char *const *scenario_ids;
    /** [n_scenarios] each curve's electoral system, the CSV's `system` column; NULL: no such
        column (one system each) */
    const char *const *scenario_systems;
    /** [n_scenarios] each curve's side of a comparison (`base`, `whatif1`, ...), the CSV's
        `side` column after `scenario`, so that a scenario given twice is told apart; NULL: no
        such column */
    const char *const *scenario_sides;
} scrutin_panels_spec;

#define SCRUTIN_PANELS_SPEC_INIT                                                               \
    {SCRUTIN_PANELS_SPEC_VERSION, NULL, NULL, 0, 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL}

/**
 * Write the seat panels of @p spec to `@p out_dir/plots/NAME.{csv,gp}`. The CSV is tidy, a
 * row per group, curve and seat total: `group,scenario,seats,probability`, with a `side`
 * column after `scenario` given @c scenario_sides and a `system` column after those given
 * @c scenario_systems (`group,scenario,side,system,seats,probability`); titles and legends
 * are in the script only. scrutin_compare_plot() draws a
 * comparison's pages with it.
 * @param out_dir  output folder (`plots/` is created inside it)
 * @return 0; SCRUTIN_EINVAL on a NULL or inconsistent field, a spec of another version or a
 *         folder that cannot be written; SCRUTIN_EIO; SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_plot_panels(const char *out_dir, const scrutin_panels_spec *spec,
                                    scrutin_ctx *ctx);

/** One curve of a sweep: a probability at each value of the swept parameter. */
typedef struct scrutin_plot_curve {
    const char *label; /**< legend entry, e.g. "ADP" */
    const double *p;   /**< [n_points] probabilities in [0, 1]; NaN: no point there */
    const double *se;  /**< [n_points] their standard errors, drawn as a band of
                            +-2 se; NULL: no band */
} scrutin_plot_curve;

#define SCRUTIN_CURVES_SPEC_VERSION 2

/**
 * Probability curves, for `scrutin sweep`, as scrutin_plot_curves() draws them: the
 * parameter on the x axis, each curve (a coalition's P(majority), say) in percent on the
 * y axis, from 0 to 100, with its +-2 standard error band. Initialise with
 * SCRUTIN_CURVES_SPEC_INIT, then set fields; everything is borrowed for the call.
 */
typedef struct scrutin_curves_spec {
    unsigned version;        /**< SCRUTIN_CURVES_SPEC_VERSION (scrutin/version.h) */
    const char *name;        /**< the plot's file name, without extension (as in
                                  scrutin_panels_spec) */
    const char *title;       /**< title over the plot, or NULL */
    const char *x_label;     /**< what the x axis is, e.g. "model.sd_party" */
    const char *y_label;     /**< what the curves are, e.g. "P(majority), final (%)" */
    size_t n_points;         /**< values of the parameter (at least 1) */
    const double *x;         /**< [n_points] the values, in the order to draw them */
    size_t n_curves;         /**< curves (at least 1) */
    const scrutin_plot_curve *curves; /**< [n_curves] the curves */
    /** [n_curves] the group each curve is of (a coalition's id), the CSV's `group` column;
        NULL: the curves' labels */
    const char *const *groups;
    /** [n_curves] each curve's electoral system, the CSV's `system` column; NULL: no such
        column (one system) */
    const char *const *systems;
} scrutin_curves_spec;

#define SCRUTIN_CURVES_SPEC_INIT                                                               \
    {SCRUTIN_CURVES_SPEC_VERSION, NULL, NULL, NULL, NULL, 0, NULL, 0, NULL, NULL, NULL}

/**
 * Write the curves of @p spec to `@p out_dir/plots/NAME.{csv,gp}`; the CSV is tidy, a
 * row per curve and value: `x,group,probability,probability_se`, or
 * `x,group,system,probability,probability_se` with @c systems (a label's commas and quotes,
 * where it stands for the group, made spaces); legends are in the script only. scrutin_sweep_plot() draws a sweep with it.
 * @param out_dir  output folder (`plots/` is created inside it)
 * @return 0; SCRUTIN_EINVAL on a NULL or inconsistent field, a spec of another version or a
 *         folder that cannot be written; SCRUTIN_EIO; SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_plot_curves(const char *out_dir, const scrutin_curves_spec *spec,
                                    scrutin_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
