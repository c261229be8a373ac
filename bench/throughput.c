/*
 * Throughput: simulations per second of the full Mali 2007 scenario (two
 * rounds, transfers, court) on 1, 2, ... threads. The thread counts take
 * turns within each repeat, so that a burst of load from elsewhere on the
 * machine falls on all of them alike. The tallies of the first repeat are
 * compared: they must be identical whatever the thread count.
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>

#include "measure.h"

json_t *bench_throughput(const bench_config *c)
{
    scrutin_model *m = bench_load(c->scenario);
    if (!m)
        return json_pack("{s:s}", "error", "cannot load the scenario");
    int threads = c->max_threads, repeats = c->repeats;
    uint64_t n = c->simulations;
    double *seconds = calloc((size_t)threads * (size_t)repeats, sizeof *seconds);
    double *share = calloc((size_t)threads * (size_t)repeats, sizeof *share);
    double *cpu_us = calloc((size_t)threads * (size_t)repeats, sizeof *cpu_us);
    scrutin_tally **tallies = calloc((size_t)threads, sizeof *tallies);
    json_t *out = json_object();
    if (!seconds || !share || !cpu_us || !tallies)
        goto done;
    /* Warm up: page in the model and the code, start OpenMP's threads. */
    bench_time_run(m, n / 20 + 1, threads, NULL);
    for (int r = 0; r < repeats; r++)
        for (int t = 1; t <= threads; t++) {
            double cpu = bench_cpu_now();
            double s = bench_time_run(m, n, t, r == 0 ? &tallies[t - 1] : NULL);
            size_t k = (size_t)(t - 1) * (size_t)repeats + (size_t)r;
            seconds[k] = s;
            /* The share of the wall time the threads were on a CPU: below 1, the machine was
               busy with something else and the timing is pessimistic. */
            cpu = bench_cpu_now() - cpu;
            share[k] = cpu / (s * t);
            cpu_us[k] = 1e6 * cpu / (double)n;
            fprintf(stderr, "throughput: %llu simulations, %d thread%s: %.3f s (%.0f/s), "
                    "CPU share %.2f\n", (unsigned long long)n, t, t > 1 ? "s" : "", s,
                    (double)n / s, share[k]);
        }
    int identical = 1;
    for (int t = 1; t < threads; t++)
        identical &= tallies[0] && tallies[t] && scrutin_tally_equal(tallies[0], tallies[t]);
    json_t *runs = json_array();
    double rate1 = 0.0, cpu1 = 0.0;
    for (int t = 1; t <= threads; t++) {
        double *s = seconds + (size_t)(t - 1) * (size_t)repeats;
        json_t *all = json_array();
        for (int r = 0; r < repeats; r++)
            json_array_append_new(all, json_real(s[r]));
        double cpu_share = bench_median(share + (size_t)(t - 1) * (size_t)repeats, (size_t)repeats);
        double cpu = bench_median(cpu_us + (size_t)(t - 1) * (size_t)repeats, (size_t)repeats);
        if (t == 1)
            cpu1 = cpu;
        double median = bench_median(s, (size_t)repeats), rate = (double)n / median;
        if (t == 1)
            rate1 = rate;
        json_array_append_new(
            runs, json_pack("{s:i, s:o, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f}", "threads", t,
                            "seconds", all, "median_seconds", median, "min_seconds", s[0],
                            "simulations_per_second", rate,
                            "microseconds_per_simulation_per_thread", 1e6 * median * t / (double)n,
                            "speedup", rate / rate1, "median_cpu_share", cpu_share,
                            "cpu_microseconds_per_simulation", cpu,
                            /* What the speedup would be with a core for every thread: the
                               threads' CPU time per simulation against one thread's. */
                            "speedup_on_idle_cores", t * cpu1 / cpu));
    }
    json_object_set_new(out, "scenario", json_string(scrutin_model_name(m)));
    json_object_set_new(out, "simulations", json_integer((json_int_t)n));
    json_object_set_new(out, "seed", json_integer(1));
    json_object_set_new(out, "identical_across_threads", json_boolean(identical));
    json_object_set_new(out, "runs", runs);
done:
    for (int t = 0; tallies && t < threads; t++)
        scrutin_tally_free(tallies[t]);
    free(tallies);
    free(cpu_us);
    free(share);
    free(seconds);
    scrutin_model_free(m);
    return out;
}
