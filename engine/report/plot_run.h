/* The plots of a run, one file per plot: what scrutin_run_plot() calls. */
#ifndef SCRUTIN_REPORT_PLOT_RUN_H
#define SCRUTIN_REPORT_PLOT_RUN_H

#include <stddef.h>

#include "scrutin/model.h"
#include "scrutin/summary.h"

/*
 * `DIR/NAME.{csv,gp}`: each district's P(decided in round 1) and P(court changes the winner),
 * under each of @p n_systems systems (@p summaries, in the model's order): a panel per system
 * and figure that says something (none for a round 1 that decides every district, or a court
 * that changes no winner).
 */
int plot_districts(const char *dir, const char *name, const scrutin_model *model,
                   const scrutin_summary *const *summaries, size_t n_systems, scrutin_ctx *ctx);

#endif
