/*
 * The "execution" object of run.json, compare.json and sweep.json: how a
 * study ran, outside its results (docs/cli.md). One writer, so that the
 * three files say it alike.
 */
#ifndef SCRUTIN_REPORT_EXECUTION_JSON_H
#define SCRUTIN_REPORT_EXECUTION_JSON_H

#include <math.h>
#include <stddef.h>

#include "json_doc.h"

typedef struct report_execution {
    double load_seconds; /* NAN: no load timing (a sweep loads at every step) */
    double simulate_seconds, write_seconds;
    int threads, ranks;
    /* One scenario: its path (scenario_path); several (n_paths > 0): scenario_paths, each
       path or, if @c paths is NULL, null. */
    const char *path;
    const char *const *paths;
    size_t n_paths;
    const char *command_line, *simd;
} report_execution;

/* @return the object, its keys in the order of docs/cli.md (failures recorded in @p d) */
json_t *report_execution_json(json_doc *d, const report_execution *x);

#endif
