/* The driver that records each simulation's outcome (driver_recorded.c). */
#ifndef SCRUTIN_SIM_DRIVER_RECORDED_H
#define SCRUTIN_SIM_DRIVER_RECORDED_H

#include "scrutin/sim.h"

/* scrutin_sim_run() when @p o asks for outcomes or gives known results. */
int sim_run_recorded(scrutin_tally *tally, const scrutin_model *m, const scrutin_sim_options *o,
                     scrutin_ctx *ctx);

#endif
