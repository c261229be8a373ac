/* The "execution" object of the studies' JSON files (execution_json.h). */
#include "execution_json.h"

json_t *report_execution_json(json_doc *d, const report_execution *x)
{
    json_t *e = json_object(), *timings = json_object();
    if (!isnan(x->load_seconds))
        json_doc_put(d, timings, "load_seconds", json_doc_real(x->load_seconds));
    json_doc_put(d, timings, "simulate_seconds", json_doc_real(x->simulate_seconds));
    json_doc_put(d, timings, "write_seconds", json_doc_real(x->write_seconds));
    json_doc_put(d, e, "timings", timings);
    json_doc_put(d, e, "threads", json_integer(x->threads));
    json_doc_put(d, e, "ranks", json_integer(x->ranks));
    if (x->n_paths > 0) {
        json_t *paths = json_array();
        for (size_t k = 0; k < x->n_paths; k++)
            json_doc_append(d, paths, json_doc_string(x->paths ? x->paths[k] : NULL));
        json_doc_put(d, e, "scenario_paths", paths);
    } else {
        json_doc_put(d, e, "scenario_path", json_doc_string(x->path));
    }
    json_doc_put(d, e, "command_line", json_doc_string(x->command_line));
    json_doc_put(d, e, "simd", json_doc_string(x->simd));
    return e;
}
