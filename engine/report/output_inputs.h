/* An output folder must not hold any file the run reads. */
#ifndef SCRUTIN_REPORT_OUTPUT_INPUTS_H
#define SCRUTIN_REPORT_OUTPUT_INPUTS_H

#include <stddef.h>

#include "scrutin/error.h"
#include "scrutin/scenario.h"

/*
 * Refuse the output folder @p dir if it (or its plots/) holds a file of one
 * of the @p n scenarios: its YAML file and its bases', its tables; through
 * links too. A folder that does not exist yet holds nothing.
 * @return 0, SCRUTIN_EINVAL naming the folder and the input, SCRUTIN_ENOMEM
 */
int output_check_inputs(const char *dir, const scrutin_scenario *const *scenarios, size_t n,
                        scrutin_ctx *ctx);

#endif
