/*
 * Peak memory of `scrutin run` on Mali 2007 as the number of simulations
 * grows: each run is a child process, and the kernel reports its peak
 * resident set (wait4's ru_maxrss). The tally holds integer counts whose
 * number depends on the scenario, not on N, so the peak should not move.
 * The run of 10^6 simulations on every thread is also the benchmark's
 * direct measurement of the headline: its wall time, end to end.
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>

#include "measure.h"

json_t *bench_memory(const bench_config *c)
{
    static const uint64_t full[] = {10000, 100000, 1000000}, quick[] = {10000, 100000};
    const uint64_t *counts = c->quick ? quick : full;
    size_t n_counts = c->quick ? 2 : 3, repeats = (size_t)c->repeats;
    double *kib = calloc(n_counts * repeats, sizeof *kib);
    double *wall = calloc(n_counts * repeats, sizeof *wall);
    double *simulate = calloc(n_counts * repeats, sizeof *simulate);
    json_t *rows = json_array();
    char out_dir[4200], log[4200], run_json[4300], n_text[32], t_text[16];
    snprintf(out_dir, sizeof out_dir, "%s/memory-run", c->tmp);
    snprintf(log, sizeof log, "%s/memory-run.log", c->tmp);
    snprintf(run_json, sizeof run_json, "%s/run.json", out_dir);
    snprintf(t_text, sizeof t_text, "%d", c->max_threads);
    int failed = !kib || !wall || !simulate;
    for (size_t r = 0; !failed && r < repeats; r++)
        for (size_t i = 0; !failed && i < n_counts; i++) {
            snprintf(n_text, sizeof n_text, "%llu", (unsigned long long)counts[i]);
            const char *argv[] = {c->cli, "run", c->scenario, "-n", n_text,
                            "--threads", t_text, "--seed", "1", "--out", out_dir,
                            "--no-progress", "-q", NULL};
            bench_child child;
            if (bench_spawn(argv, log, &child) != 0 || child.status != 0) {
                fprintf(stderr, "memory: %s run failed (see %s)\n", c->cli, log);
                failed = 1;
                break;
            }
            json_t *run = json_load_file(run_json, 0, NULL);
            json_t *sim = json_object_get(
                json_object_get(json_object_get(run, "execution"), "timings"), "simulate_seconds");
            size_t k = i * repeats + r;
            kib[k] = (double)child.peak_kib;
            wall[k] = child.seconds;
            simulate[k] = json_is_number(sim) ? json_number_value(sim) : -1.0;
            json_decref(run);
            fprintf(stderr, "memory: scrutin run -n %s --threads %s: %.0f KiB peak, %.2f s\n",
                    n_text, t_text, kib[k], wall[k]);
        }
    double lowest = 0.0, highest = 0.0;
    for (size_t i = 0; !failed && i < n_counts; i++) {
        double *k = kib + i * repeats, *w = wall + i * repeats, *s = simulate + i * repeats;
        json_t *peaks = json_array();
        for (size_t r = 0; r < repeats; r++)
            json_array_append_new(peaks, json_integer((json_int_t)k[r]));
        double peak = bench_median(k, repeats);
        lowest = i == 0 || peak < lowest ? peak : lowest;
        highest = peak > highest ? peak : highest;
        json_array_append_new(
            rows, json_pack("{s:I, s:o, s:f, s:f, s:f}", "simulations", (json_int_t)counts[i],
                            "peak_kib", peaks, "median_peak_kib", peak, "median_wall_seconds",
                            bench_median(w, repeats), "median_simulate_seconds",
                            bench_median(s, repeats)));
    }
    free(kib);
    free(wall);
    free(simulate);
    json_t *out = json_pack("{s:s, s:i, s:o}", "command", "scrutin run SCENARIO -n N --threads T",
                            "threads", c->max_threads, "runs", rows);
    if (failed)
        json_object_set_new(out, "error", json_string("a run of the scrutin command failed"));
    else
        json_object_set_new(out, "peak_ratio_largest_to_smallest", json_real(highest / lowest));
    return out;
}
