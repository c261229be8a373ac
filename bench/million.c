/*
 * The headline, directly: `scrutin run` of Mali 2007 with 1,000,000
 * simulations on every thread, end to end, once for each vector path the CPU
 * has (SCRUTIN_SIMD=avx512, then avx2: the paths take turns within each
 * repeat), the median of the repeats. The children's CPU time is measured
 * too: on a busy machine the wall time measures the load, the CPU time per
 * simulation the kernel.
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>

#include "measure.h"

json_t *bench_million(const bench_config *c)
{
    static const scrutin_simd paths[] = {SCRUTIN_SIMD_AVX512, SCRUTIN_SIMD_AVX2};
    enum { PATHS = sizeof paths / sizeof paths[0] };
    const uint64_t n = 1000000;
    size_t repeats = (size_t)c->repeats;
    double *wall = calloc(PATHS * repeats, sizeof *wall);
    double *cpu = calloc(PATHS * repeats, sizeof *cpu);
    char out_dir[4200], log[4200], t_text[16];
    snprintf(out_dir, sizeof out_dir, "%s/million-run", c->tmp);
    snprintf(log, sizeof log, "%s/million-run.log", c->tmp);
    snprintf(t_text, sizeof t_text, "%d", c->max_threads);
    int ok[PATHS];
    for (size_t k = 0; k < PATHS; k++)
        ok[k] = wall && cpu && scrutin_simd_available(paths[k]);
    for (size_t r = 0; r < repeats; r++)
        for (size_t k = 0; k < PATHS; k++) {
            if (!ok[k])
                continue;
            const char *argv[] = {c->cli, "run", c->scenario, "-n", "1000000", "--threads",
                                  t_text, "--seed", "1", "--out", out_dir, "--no-progress",
                                  "-q", NULL};
            setenv("SCRUTIN_SIMD", scrutin_simd_name(paths[k]), 1);
            bench_child child;
            int started = bench_spawn(argv, log, &child);
            unsetenv("SCRUTIN_SIMD");
            if (started != 0 || child.status != 0) {
                fprintf(stderr, "million: SCRUTIN_SIMD=%s failed (see %s): left out\n",
                        scrutin_simd_name(paths[k]), log);
                ok[k] = 0;
                continue;
            }
            wall[k * repeats + r] = child.seconds;
            cpu[k * repeats + r] = child.cpu_seconds;
            fprintf(stderr, "million: SCRUTIN_SIMD=%s scrutin run -n 1000000 --threads %s: "
                    "%.2f s wall, %.2f s CPU\n", scrutin_simd_name(paths[k]), t_text,
                    child.seconds, child.cpu_seconds);
        }
    json_t *rows = json_array();
    for (size_t k = 0; k < PATHS; k++) {
        if (!ok[k])
            continue;
        double *w = wall + k * repeats, *u = cpu + k * repeats;
        json_t *all = json_array();
        for (size_t r = 0; r < repeats; r++)
            json_array_append_new(all, json_real(w[r]));
        double median = bench_median(w, repeats), median_cpu = bench_median(u, repeats);
        json_array_append_new(
            rows, json_pack("{s:s, s:o, s:f, s:f, s:f, s:f}", "simd", scrutin_simd_name(paths[k]),
                            "wall_seconds", all, "median_wall_seconds", median,
                            "simulations_per_second", (double)n / median, "median_cpu_seconds",
                            median_cpu, "cpu_microseconds_per_simulation",
                            1e6 * median_cpu / (double)n));
    }
    free(wall);
    free(cpu);
    return json_pack("{s:s, s:i, s:I, s:o}", "command",
                     "SCRUTIN_SIMD=PATH scrutin run SCENARIO -n 1000000 --threads T", "threads",
                     c->max_threads, "simulations", (json_int_t)n, "runs", rows);
}
