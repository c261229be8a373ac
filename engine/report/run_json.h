/* run.json: a run's tables and metadata in one document. */
#ifndef SCRUTIN_REPORT_RUN_JSON_H
#define SCRUTIN_REPORT_RUN_JSON_H

#include <jansson.h>

#include "run_tables.h"
#include "scrutin/report.h"

/* Version of run.json's layout, written as its "format" key. */
#define REPORT_RUN_JSON_FORMAT 1

/*
 * run.json's "partial_results" (run_partial.c): "other_votes_doubt", the ids of the districts
 * where scrutin_model_other_votes_doubt() holds, and "published_winners_r2", each district's
 * winner_r2 with P(it wins the district) in the simulations, p_agree and p_agree_se.
 */
struct json_doc;
json_t *run_partial_json(struct json_doc *d, const run_data *data);

/*
 * run.json's "given" (and the JSON headline's): the results @p info gives, the system they
 * are known under, the @p matched simulations the tables count, of info->simulated run.
 */
json_t *report_run_given(struct json_doc *d, const scrutin_run_info *info, uint64_t matched);

/*
 * Make run.json's document, into @p *out (docs/cli.md, "run.json"). Everything that may
 * differ between two runs of the same tally (threads, ranks, timings, the
 * scenario's path) goes into the "execution" object, and nothing else does.
 * @param write_seconds  the "write" timing to record
 * @return 0 or SCRUTIN_ENOMEM
 */
int report_run_json(json_t **out, const run_data *data, const scrutin_run_info *info,
                    double write_seconds);

#endif
