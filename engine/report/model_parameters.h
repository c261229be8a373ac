/*
 * Every parameter in effect in a compiled model, after inheritance and
 * defaults, as one JSON object keyed like the scenario file (model.*,
 * court.*, rules or systems): what run.json, compare.json and sweep.json
 * record so that a run can be repeated from the file (docs/cli.md).
 */
#ifndef SCRUTIN_REPORT_MODEL_PARAMETERS_H
#define SCRUTIN_REPORT_MODEL_PARAMETERS_H

#include "json_doc.h"
#include "scrutin/model.h"

/* The parameters of @p m; a failure to allocate sticks in @p d. */
json_t *report_model_parameters(json_doc *d, const scrutin_model *m);

#endif
