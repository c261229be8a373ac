/* run.json: the tables of a run, its metadata, and how it was executed. */
#include "run_json.h"

#include <jansson.h>

#include "execution_json.h"
#include "json_doc.h"
#include "model_parameters.h"
#include "scrutin/error.h"
#include "scrutin/version.h"

json_t *report_run_given(json_doc *d, const scrutin_run_info *info, uint64_t matched)
{
    /* The tables are conditional on these: their standard errors follow from "matched". */
    json_t *given = json_object(), *conditions = json_array();
    for (size_t i = 0; i < info->n_given; i++)
        json_doc_append(d, conditions, json_doc_string(info->given[i]));
    json_doc_put(d, given, "conditions", conditions);
    json_doc_put(d, given, "system", json_doc_string(info->given_system));
    json_doc_put(d, given, "matched", json_doc_count(matched));
    json_doc_put(d, given, "simulated", json_doc_count(info->simulated));
    return given;
}

static json_t *execution(json_doc *d, const scrutin_run_info *info, double write_seconds)
{
    const report_execution x = {info->load_seconds, info->simulate_seconds, write_seconds,
                                info->threads, info->ranks, info->scenario_path, NULL, 0,
                                info->command_line, info->simd};
    return report_execution_json(d, &x);
}

static json_t *metadata(json_doc *d, const run_data *data, const scrutin_run_info *info)
{
    const scrutin_summary *s = data->summary;
    json_t *root = json_object();
    json_doc_put(d, root, "format", json_integer(REPORT_RUN_JSON_FORMAT));
    json_doc_put(d, root, "scrutin_version",
        json_doc_string(info->scrutin_version ? info->scrutin_version : SCRUTIN_VERSION));
    json_t *scenario = json_object();
    json_doc_put(d, scenario, "name",
        json_doc_string(info->scenario_name ? info->scenario_name : scrutin_model_name(data->model)));
    json_doc_put(d, scenario, "hash", json_doc_string(info->scenario_hash));
    json_doc_put(d, root, "scenario", scenario);
    json_doc_put(d, root, "seed", json_doc_seed(info->seed));
    json_t *sims = json_object();
    json_doc_put(d, sims, "requested", json_doc_count(info->requested));
    /* With known results the tables count the matching simulations ("given"), of these. */
    json_doc_put(d, sims, "completed",
                 json_doc_count(info->n_given ? info->simulated : s->simulations));
    json_doc_put(d, root, "simulations", sims);
    json_doc_put(d, root, "partial", json_boolean(info->partial));
    json_t *assembly = json_object();
    json_doc_put(d, assembly, "seats", json_integer(s->seats));
    json_doc_put(d, assembly, "majority", json_integer(s->majority));
    json_doc_put(d, assembly, "supermajority", json_integer(s->supermajority));
    json_doc_put(d, root, "assembly", assembly);
    json_t *moved = json_object();
    json_doc_put(d, moved, "mean", json_doc_real(s->court_moved_mean));
    json_doc_put(d, moved, "se", json_doc_real(s->court_moved_se));
    json_doc_put(d, root, "court_seats_moved", moved);
    /* Every parameter in effect, after inheritance and defaults: the run can be repeated. */
    json_doc_put(d, root, "parameters", report_model_parameters(d, data->model));
    if (info->n_given)
        json_doc_put(d, root, "given", report_run_given(d, info, s->simulations));
    if (info->target_se > 0.0 || info->min_matches > 0) {
        json_t *stopping = json_object();
        json_doc_put(d, stopping, "target_se",
                     info->target_se > 0.0 ? json_doc_real(info->target_se) : json_null());
        json_doc_put(d, stopping, "min_matches",
                     info->min_matches ? json_doc_count(info->min_matches) : json_null());
        json_doc_put(d, stopping, "max_n", json_doc_count(info->max_n));
        json_doc_put(d, stopping, "met", json_boolean(info->stop_met));
        json_doc_put(d, root, "stopping", stopping);
    }
    json_doc_put(d, root, "partial_results", run_partial_json(d, data));
    return root;
}

int report_run_json(json_t **out, const run_data *data, const scrutin_run_info *info,
                    double write_seconds)
{
    *out = NULL;
    json_doc d = {1};
    json_t *root = metadata(&d, data, info);
    int status = SCRUTIN_OK;
    for (size_t i = 0; i < REPORT_RUN_TABLES && status == SCRUTIN_OK; i++) {
        json_t *rows = NULL;
        status = table_json(&rows, &report_run_tables[i], data);
        if (status == SCRUTIN_OK)
            json_doc_put(&d, root, report_run_tables[i].name, rows);
    }
    json_doc_put(&d, root, "execution", execution(&d, info, write_seconds));
    if (status == SCRUTIN_OK && !d.ok)
        status = SCRUTIN_ENOMEM;
    if (status != SCRUTIN_OK)
        json_decref(root);
    else
        *out = root;
    return status;
}
