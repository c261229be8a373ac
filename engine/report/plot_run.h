/* The plots of a run, one file per plot: what scrutin_run_plot() calls. */
#ifndef SCRUTIN_REPORT_PLOT_RUN_H
#define SCRUTIN_REPORT_PLOT_RUN_H

#include <stddef.h>

#include "scrutin/model.h"
#include "scrutin/summary.h"

/*
 * The @p max parties with the most mean final seats, largest first (ties: the
 * one declared first); parties that never win a seat are left out.
 * @return how many were written into @p out
 */
size_t plot_largest_parties(const scrutin_summary *s, size_t *out, size_t max);

/* `DIR/NAME.{csv,gp}`: each district's P(decided in round 1) and P(court changes the winner). */
int plot_districts(const char *dir, const char *name, const scrutin_model *model,
                   const scrutin_summary *s, scrutin_ctx *ctx);

#endif
