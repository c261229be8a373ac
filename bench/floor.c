/*
 * The floor: what one simulation would cost if it did nothing but its random
 * draws and its exponentials. The kernel's calls are counted by callgrind
 * (bench/kernel.c); here the same numbers of stream resets, normal draws
 * (gsl_ran_gaussian_ziggurat), uniform draws (gsl_rng_uniform), Beta draws
 * and exp() calls per simulation are made in a bare loop, on the same
 * Random123 Philox4x32-10 generator behind GSL, and timed (CPU time) against
 * the kernel in the same run, turn about in slices, so that the ratio holds
 * however busy the machine is. Uniform draws get a stream each (the court's streams hold one
 * or two); the normal draws are spread evenly over the other streams.
 */
#include "bench.h"

#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "measure.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
#include <Random123/philox.h>
#include <Random123/gsl_microrng.h>
GSL_MICRORNG(bench_philox, philox4x32);
#pragma GCC diagnostic pop

typedef struct floor_counts {
    long resets, normals, uniforms, betas, exps;
} floor_counts;

enum { PART_NORMALS = 1, PART_UNIFORMS = 2, PART_EXPS = 4, PART_ALL = 7 };

static void reset(gsl_rng *r, uint64_t sim, uint32_t stream)
{
    philox4x32_ctr_t ctr = {{(uint32_t)sim, (uint32_t)(sim >> 32), stream, 0}};
    philox4x32_key_t key = {{1, 0}};
    bench_philox_reset(r, ctr, key);
}

/* Seconds for @p n simulations' worth of the parts asked for; the sum goes to @p sink. */
static double run_floor(gsl_rng *r, const floor_counts *k, double *values, uint64_t n, int parts,
                        volatile double *sink)
{
    long uniform_streams = k->uniforms < k->resets ? k->uniforms : k->resets - 1;
    long normal_streams = k->resets - uniform_streams;
    double s = 0.0, start = bench_now();
    for (uint64_t i = 0; i < n; i++) {
        if (parts & PART_UNIFORMS) {
            for (long j = 0; j < uniform_streams; j++) {
                reset(r, i, (uint32_t)j);
                s += gsl_rng_uniform(r);
            }
            for (long j = uniform_streams; j < k->uniforms; j++)
                s += gsl_rng_uniform(r);
            for (long j = 0; j < k->betas; j++)
                s += gsl_ran_beta(r, 2.0, 12.0);
        }
        if (parts & PART_NORMALS) {
            long drawn = 0;
            for (long j = 0; j < normal_streams; j++) {
                reset(r, i, (uint32_t)(uniform_streams + j));
                long until = k->normals * (j + 1) / normal_streams;
                for (; drawn < until; drawn++)
                    values[drawn] = gsl_ran_gaussian_ziggurat(r, 0.25);
            }
        }
        if (parts & PART_EXPS)
            for (long j = 0; j < k->exps; j++)
                s += exp(values[j % k->normals]);
    }
    double seconds = bench_now() - start;
    *sink = s;
    return seconds;
}

static long count(json_t *calls, const char *key)
{
    json_t *v = json_object_get(calls, key);
    return json_is_number(v) ? lround(json_number_value(v)) : -1;
}

json_t *bench_floor(const bench_config *c, json_t *kernel)
{
    json_t *calls = json_object_get(kernel, "calls_per_simulation");
    floor_counts k = {count(calls, "stream_resets"), count(calls, "normal_draws"),
                      count(calls, "uniform_draws"), count(calls, "beta_draws"),
                      count(calls, "exp_calls")};
    if (k.resets < 2 || k.normals < 1 || k.uniforms < 0 || k.betas < 0 || k.exps < 0)
        return json_pack("{s:s}", "error", "no call counts: run with --callgrind (valgrind)");
    scrutin_model *m = bench_load(c->scenario);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_bench_philox);
    double *values = calloc((size_t)k.normals, sizeof *values);
    size_t repeats = (size_t)c->repeats;
    double *floor_us = calloc(repeats, sizeof *floor_us);
    double *kernel_us = calloc(repeats, sizeof *kernel_us);
    double *ratio = calloc(repeats, sizeof *ratio), *part_us[3];
    for (int p = 0; p < 3; p++)
        part_us[p] = calloc(repeats, sizeof *part_us[p]);
    json_t *out = NULL;
    if (!m || !r || !values || !floor_us || !kernel_us || !ratio || !part_us[0] || !part_us[1] ||
        !part_us[2]) {
        out = json_pack("{s:s}", "error", "cannot load the scenario or allocate");
        goto done;
    }
    uint64_t n = c->quick ? 4000 : 20000;
    volatile double sink;
    run_floor(r, &k, values, n / 10 + 1, PART_ALL, &sink); /* warm up */
    static const int parts[3] = {PART_NORMALS, PART_UNIFORMS, PART_EXPS};
    /*
     * CPU time, which a busy machine inflates less than wall time, in ten slices a repeat,
     * the floor and the kernel taking turns, so that a burst of load falls on both alike.
     */
    enum { SLICES = 10 };
    uint64_t slice = n / SLICES;
    for (size_t i = 0; i < repeats; i++) {
        double cpu_floor = 0.0, cpu_kernel = 0.0, cpu_part[3] = {0.0, 0.0, 0.0};
        for (int j = 0; j < SLICES; j++) {
            double t0 = bench_cpu_now();
            run_floor(r, &k, values, slice, PART_ALL, &sink);
            double t1 = bench_cpu_now();
            bench_time_run(m, slice, 1, NULL);
            double t2 = bench_cpu_now();
            cpu_floor += t1 - t0;
            cpu_kernel += t2 - t1;
            for (int p = 0; p < 3; p++) {
                double t3 = bench_cpu_now();
                run_floor(r, &k, values, slice, parts[p], &sink);
                cpu_part[p] += bench_cpu_now() - t3;
            }
        }
        double per = 1e6 / (double)(slice * SLICES);
        floor_us[i] = per * cpu_floor;
        kernel_us[i] = per * cpu_kernel;
        ratio[i] = cpu_kernel / cpu_floor;
        for (int p = 0; p < 3; p++)
            part_us[p][i] = per * cpu_part[p];
        fprintf(stderr, "floor: %.2f us of CPU per simulation; kernel %.2f us (%.2f x the floor)\n",
                floor_us[i], kernel_us[i], ratio[i]);
    }
    out = json_pack(
        "{s:{s:I, s:I, s:I, s:I, s:I}, s:I, s:f, s:f, s:f, s:{s:f, s:f, s:f}}",
        "counts_per_simulation",
        "stream_resets", (json_int_t)k.resets, "normal_draws", (json_int_t)k.normals,
        "uniform_draws", (json_int_t)k.uniforms, "beta_draws", (json_int_t)k.betas, "exp_calls",
        (json_int_t)k.exps, "simulations", (json_int_t)n, "floor_microseconds",
        bench_median(floor_us, repeats), "kernel_microseconds", bench_median(kernel_us, repeats),
        "kernel_over_floor", bench_median(ratio, repeats), "floor_parts_microseconds",
        "resets_and_normal_draws", bench_median(part_us[0], repeats), "uniform_and_beta_draws",
        bench_median(part_us[1], repeats), "exp_calls", bench_median(part_us[2], repeats));
done:
    for (int p = 0; p < 3; p++)
        free(part_us[p]);
    free(ratio);
    free(kernel_us);
    free(floor_us);
    free(values);
    gsl_rng_free(r);
    scrutin_model_free(m);
    return out;
}
