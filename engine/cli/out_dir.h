/* The output folder of the commands that simulate (run, compare, sweep). */
#ifndef SCRUTIN_CLI_OUT_DIR_H
#define SCRUTIN_CLI_OUT_DIR_H

#include "scrutin.h"

/* results/NAMESUFFIX, NAME being the scenario's name; freed by the caller, NULL if out of memory. */
char *cli_default_out_dir(const scrutin_model *model, const char *suffix);

/*
 * Refuse, before simulating, an output folder that cannot be written (an
 * existing file, a read-only place), so that no simulation is run in vain.
 * @return SCRUTIN_OK, SCRUTIN_ENOMEM, or SCRUTIN_EINVAL (bad input: exit
 * status 2) with a diagnostic naming the folder.
 */
int cli_check_out_dir(const char *out, scrutin_ctx *ctx);

#endif
