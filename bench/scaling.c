/*
 * Scaling: the cost of one simulation as the election grows, on synthetic
 * elections (bench/synth.c) of 55, 550 and 5,500 districts with 5, 10 and 20
 * lists each, on one thread. The cost is the CPU time of that thread per
 * simulation, which a busy machine inflates less than the wall time (both are
 * recorded). Each size runs long enough (about a second of CPU, a tenth of
 * that in quick mode), the count found by short calibration runs, and the
 * sizes take turns within each repeat. Straight lines are then fitted, with
 * relative residuals, to the cost against the number of lists.
 */
#include "bench.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "measure.h"
#include "synth.h"

enum { N_SIZES = 3, N_ALL = N_SIZES * N_SIZES };
static const unsigned districts[N_SIZES] = {55, 550, 5500};
static const unsigned widths[N_SIZES] = {5, 10, 20};

/*
 * Least squares of y = a + b x weighted by 1 / y^2, so that every point counts by its
 * relative error whatever its size. @return the fit and the largest |y / (a + b x) - 1|.
 */
static json_t *fit_line(const double *x, const double *y, size_t n)
{
    double s = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++) {
        double w = 1.0 / (y[i] * y[i]);
        s += w;
        sx += w * x[i];
        sy += w * y[i];
        sxx += w * x[i] * x[i];
        sxy += w * x[i] * y[i];
    }
    double b = (s * sxy - sx * sy) / (s * sxx - sx * sx), a = (sy - b * sx) / s, worst = 0.0;
    for (size_t i = 0; i < n; i++)
        worst = fmax(worst, fabs(y[i] / (a + b * x[i]) - 1.0));
    return json_pack("{s:f, s:f, s:f}", "intercept", a, "slope", b, "max_relative_deviation",
                     worst);
}

static void scenario_path(char *path, size_t size, const bench_config *c, unsigned d, unsigned l)
{
    snprintf(path, size, "%s/synthetic-%ux%u/scenario.yaml", c->tmp, d, l);
}

/* Write and load the synthetic election of @p d districts and @p l lists each. */
static scrutin_model *synthetic(const bench_config *c, unsigned d, unsigned l)
{
    char dir[4200], path[4300];
    snprintf(dir, sizeof dir, "%s/synthetic-%ux%u", c->tmp, d, l);
    if ((mkdir(dir, 0755) != 0 && errno != EEXIST) || bench_synth_write(dir, d, l, 2007) != 0) {
        fprintf(stderr, "scaling: cannot write %s: %s\n", dir, strerror(errno));
        return NULL;
    }
    scenario_path(path, sizeof path, c, d, l);
    return bench_load(path);
}

/*
 * The same sizes counted in instructions (callgrind), which no load on the machine can
 * disturb: about 3 x 10^7 instructions' worth of simulations each (the full mode only: the
 * largest election takes valgrind some 20 s to load).
 */
static json_t *instructions(const bench_config *c, double *per_simulation)
{
    json_t *sizes = json_array();
    for (int s = 0; s < N_ALL; s++) {
        unsigned d = districts[s / N_SIZES], l = widths[s % N_SIZES];
        char path[4300];
        scenario_path(path, sizeof path, c, d, l);
        uint64_t n = (uint64_t)ceil(3e7 / (500.0 * d * l));
        const char *error = NULL;
        per_simulation[s] = bench_callgrind(c, path, n < 2 ? 2 : n, NULL, &error);
        if (per_simulation[s] < 0) {
            json_decref(sizes);
            return json_pack("{s:s}", "error", error);
        }
        fprintf(stderr, "scaling: %u districts x %u lists: %.0f instructions per simulation\n", d,
                l, per_simulation[s]);
        json_array_append_new(
            sizes, json_pack("{s:i, s:i, s:f, s:f}", "districts", (int)d, "lists_per_district",
                             (int)l, "instructions_per_simulation", per_simulation[s],
                             "instructions_per_list", per_simulation[s] / (d * l)));
    }
    return json_pack("{s:o}", "sizes", sizes);
}

/* Simulations that take about @p target seconds of CPU on one thread; 0 on failure. */
static uint64_t calibrate(const scrutin_model *m, double target)
{
    for (uint64_t n = 1; n < (uint64_t)1 << 40; n *= 10) {
        double cpu = bench_cpu_now();
        if (bench_time_run(m, n, 1, NULL) < 0)
            return 0;
        cpu = bench_cpu_now() - cpu;
        if (cpu >= target / 10)
            return (uint64_t)ceil(target * (double)n / cpu);
    }
    return 0;
}

static json_t *fits(const double *cost);

json_t *bench_scaling(const bench_config *c)
{
    scrutin_model *models[N_ALL] = {NULL};
    uint64_t count[N_ALL] = {0};
    size_t repeats = (size_t)c->repeats;
    double *cpu_us = calloc(N_ALL * repeats, sizeof *cpu_us);
    double *wall_us = calloc(N_ALL * repeats, sizeof *wall_us);
    double cost[N_ALL];
    int ok = cpu_us && wall_us;
    for (int s = 0; ok && s < N_ALL; s++) {
        models[s] = synthetic(c, districts[s / N_SIZES], widths[s % N_SIZES]);
        count[s] = models[s] ? calibrate(models[s], c->quick ? 0.1 : 1.0) : 0;
        ok = count[s] > 0;
    }
    /* The sizes take turns within each repeat, so that a burst of load falls on all alike. */
    for (size_t r = 0; ok && r < repeats; r++)
        for (int s = 0; ok && s < N_ALL; s++) {
            double cpu = bench_cpu_now(), wall = bench_time_run(models[s], count[s], 1, NULL);
            cpu = bench_cpu_now() - cpu;
            ok = wall >= 0;
            cpu_us[(size_t)s * repeats + r] = 1e6 * cpu / (double)count[s];
            wall_us[(size_t)s * repeats + r] = 1e6 * wall / (double)count[s];
        }
    json_t *sizes = json_array();
    for (int s = 0; ok && s < N_ALL; s++) {
        double *cu = cpu_us + (size_t)s * repeats, *wu = wall_us + (size_t)s * repeats;
        json_t *runs = json_array();
        for (size_t r = 0; r < repeats; r++)
            json_array_append_new(runs, json_real(cu[r]));
        cost[s] = bench_median(cu, repeats);
        double lists = (double)districts[s / N_SIZES] * widths[s % N_SIZES];
        fprintf(stderr, "scaling: %u districts x %u lists: %.1f us of CPU per simulation\n",
                districts[s / N_SIZES], widths[s % N_SIZES], cost[s]);
        json_array_append_new(
            sizes, json_pack("{s:i, s:i, s:f, s:I, s:o, s:f, s:f, s:f}", "districts",
                             (int)districts[s / N_SIZES], "lists_per_district",
                             (int)widths[s % N_SIZES], "lists", lists, "simulations",
                             (json_int_t)count[s], "cpu_microseconds", runs,
                             "microseconds_per_simulation", cost[s],
                             "wall_microseconds_per_simulation", bench_median(wu, repeats),
                             "nanoseconds_per_list", 1e3 * cost[s] / lists));
    }
    for (int s = 0; s < N_ALL; s++)
        scrutin_model_free(models[s]);
    free(cpu_us);
    free(wall_us);
    json_t *out = json_pack("{s:i, s:s, s:o}", "threads", 1, "measure",
                            "CPU time of one thread per simulation (median)", "sizes", sizes);
    if (!ok) {
        json_object_set_new(out, "error", json_string("a synthetic election could not be run"));
        return out;
    }
    json_object_set_new(out, "fits", fits(cost));
    if (c->callgrind && !c->quick) {
        double counted[N_ALL];
        json_t *ins = instructions(c, counted);
        if (!json_object_get(ins, "error"))
            json_object_set_new(ins, "fits", fits(counted));
        json_object_set_new(out, "instructions", ins);
    }
    return out;
}

/* Against lists a district, at each number of districts; against districts, at each width;
   and against the total number of lists, over all nine sizes. */
static json_t *fits(const double *cost)
{
    json_t *by_lists = json_object(), *by_districts = json_object();
    double x[N_ALL], y[N_ALL];
    for (int i = 0; i < N_SIZES; i++) {
        char key[16];
        for (int j = 0; j < N_SIZES; j++) {
            x[j] = widths[j];
            y[j] = cost[i * N_SIZES + j];
        }
        snprintf(key, sizeof key, "%u", districts[i]);
        json_object_set_new(by_lists, key, fit_line(x, y, N_SIZES));
        for (int j = 0; j < N_SIZES; j++) {
            x[j] = districts[j];
            y[j] = cost[j * N_SIZES + i];
        }
        snprintf(key, sizeof key, "%u", widths[i]);
        json_object_set_new(by_districts, key, fit_line(x, y, N_SIZES));
    }
    for (int s = 0; s < N_ALL; s++) {
        x[s] = (double)districts[s / N_SIZES] * widths[s % N_SIZES];
        y[s] = cost[s];
    }
    return json_pack("{s:o, s:o, s:o}", "by_lists_per_district", by_lists, "by_districts",
                     by_districts, "by_total_lists", fit_line(x, y, N_ALL));
}
