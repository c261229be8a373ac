/*
 * The one check of a caller's scrutin_sim_options, for every entry point that
 * takes them (scrutin_sim_run, the paired driver, compare and sweep): the
 * version rule of docs/architecture.md ("Versions") and the fields any run needs.
 */
#ifndef SCRUTIN_SIM_OPTIONS_H
#define SCRUTIN_SIM_OPTIONS_H

#include "scrutin/error.h"
#include "scrutin/sim.h"

/*
 * @return 0, or SCRUTIN_EINVAL with a diagnostic naming @p function: no
 *         options, options of another version (VERSIONED_CHECK), threads < 0,
 *         or a vector path this machine or build cannot run
 */
int sim_options_check(const scrutin_sim_options *o, const char *function, scrutin_ctx *ctx);

#endif
