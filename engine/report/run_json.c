/* run.json: the tables of a run, its metadata, and how it was executed. */
#include "run_json.h"

#include <jansson.h>
#include <math.h>

#include "scrutin/error.h"

/* A document under construction; the first failure to allocate sticks. */
typedef struct doc {
    int ok;
} doc;

static void put(doc *d, json_t *object, const char *key, json_t *value)
{
    /* json_object_set_new takes the reference even on failure, and fails on a NULL value. */
    if (!object || json_object_set_new(object, key, value) != 0)
        d->ok = 0;
}

static json_t *real(double x) { return isfinite(x) ? json_real(x) : json_null(); }

static json_t *count(uint64_t n) { return json_integer((json_int_t)n); }

/*
 * Integers beyond 2^53 lose digits in many JSON readers (JavaScript's numbers
 * are doubles), so such a seed is written as a decimal string.
 */
static json_t *seed_json(uint64_t seed)
{
    if (seed <= (UINT64_C(1) << 53))
        return json_integer((json_int_t)seed);
    char text[24];
    snprintf(text, sizeof text, "%llu", (unsigned long long)seed);
    return json_string(text);
}

static json_t *execution(doc *d, const scrutin_run_info *info, double write_seconds)
{
    json_t *e = json_object(), *timings = json_object();
    put(d, timings, "load_seconds", real(info->load_seconds));
    put(d, timings, "simulate_seconds", real(info->simulate_seconds));
    put(d, timings, "write_seconds", real(write_seconds));
    put(d, e, "timings", timings);
    put(d, e, "threads", json_integer(info->threads));
    put(d, e, "ranks", json_integer(info->ranks));
    put(d, e, "scenario_path", info->scenario_path ? json_string(info->scenario_path) : json_null());
    return e;
}

static json_t *metadata(doc *d, const run_data *data, const scrutin_run_info *info)
{
    const scrutin_summary *s = data->summary;
    json_t *root = json_object();
    put(d, root, "format", json_integer(REPORT_RUN_JSON_FORMAT));
    put(d, root, "scrutin_version",
        json_string(info->scrutin_version ? info->scrutin_version : SCRUTIN_VERSION));
    json_t *scenario = json_object();
    put(d, scenario, "name",
        json_string(info->scenario_name ? info->scenario_name : scrutin_model_name(data->model)));
    put(d, scenario, "hash", info->scenario_hash ? json_string(info->scenario_hash) : json_null());
    put(d, root, "scenario", scenario);
    put(d, root, "seed", seed_json(info->seed));
    json_t *sims = json_object();
    put(d, sims, "requested", count(info->requested));
    put(d, sims, "completed", count(s->simulations));
    put(d, root, "simulations", sims);
    put(d, root, "partial", json_boolean(info->partial));
    json_t *assembly = json_object();
    put(d, assembly, "seats", json_integer(s->seats));
    put(d, assembly, "majority", json_integer(s->majority));
    put(d, assembly, "supermajority", json_integer(s->supermajority));
    put(d, root, "assembly", assembly);
    json_t *moved = json_object();
    put(d, moved, "mean", real(s->court_moved_mean));
    put(d, moved, "se", real(s->court_moved_se));
    put(d, root, "court_seats_moved", moved);
    return root;
}

int report_run_json(FILE *f, const run_data *data, const scrutin_run_info *info,
                    double write_seconds)
{
    doc d = {1};
    json_t *root = metadata(&d, data, info);
    int status = SCRUTIN_OK;
    for (size_t i = 0; i < REPORT_RUN_TABLES && status == SCRUTIN_OK; i++) {
        json_t *rows = NULL;
        status = table_json(&rows, &report_run_tables[i], data);
        if (status == SCRUTIN_OK)
            put(&d, root, report_run_tables[i].name, rows);
    }
    put(&d, root, "execution", execution(&d, info, write_seconds));
    if (status == SCRUTIN_OK && !d.ok)
        status = SCRUTIN_ENOMEM;
    /* Sorted keys and fixed indentation: two runs of one tally give the same bytes. */
    if (status == SCRUTIN_OK &&
        (json_dumpf(root, f, JSON_INDENT(2) | JSON_SORT_KEYS | JSON_REAL_PRECISION(17)) != 0 ||
         fputc('\n', f) == EOF))
        status = SCRUTIN_EIO;
    json_decref(root);
    return status;
}
