/* The plots of a run, one file per plot: what scrutin_run_plot() calls. */
#ifndef SCRUTIN_REPORT_PLOT_RUN_H
#define SCRUTIN_REPORT_PLOT_RUN_H

#include <stddef.h>

#include "scrutin/model.h"
#include "scrutin/summary.h"

/* `DIR/NAME.{csv,gp}`: each district's P(decided in round 1) and P(court changes the winner). */
int plot_districts(const char *dir, const char *name, const scrutin_model *model,
                   const scrutin_summary *s, scrutin_ctx *ctx);

#endif
