/*
 * The cost of the draws database (`scrutin run --draws`, issue #17): `scrutin run` of Mali
 * 2007 on one thread without a database, with one (the seats table) and, at the smallest
 * size, with the districts table too, the variants taking turns within each repeat. The cost
 * is the child's CPU time (user and system): one thread writes the database while the others
 * wait, so one thread measures the work itself, and CPU time is what a busy machine disturbs
 * least. The seats table's CPU time beyond the plain run's, over the plain run's, is what the
 * issue's target judges: at most the simulation's own (a ratio of at most 1).
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "measure.h"

typedef enum { PLAIN, SEATS, DISTRICTS, VARIANTS } variant;
static const char *const variant_name[VARIANTS] = {"no database", "--draws (seats)",
                                                   "--draws --draws-districts"};

typedef struct size_case {
    uint64_t n;
    int districts; /* the districts table too: 2 x 55 rows a simulation, so at one size only */
} size_case;

/* One run of @p v at @p n simulations; -1 if it failed. */
static int run_once(const bench_config *c, uint64_t n, variant v, bench_child *child,
                    double *db_bytes)
{
    char out_dir[4200], log[4200], db[4200], n_text[32];
    snprintf(out_dir, sizeof out_dir, "%s/draws-run", c->tmp);
    snprintf(log, sizeof log, "%s/draws-run.log", c->tmp);
    snprintf(db, sizeof db, "%s/draws.db", c->tmp);
    snprintf(n_text, sizeof n_text, "%llu", (unsigned long long)n);
    remove(db); /* each database written from nothing */
    const char *argv[] = {c->cli, "run", c->scenario, "-n", n_text, "--threads", "1",
                          "--seed", "1", "--out", out_dir, "--no-progress", "-q",
                          v != PLAIN ? "--draws" : NULL, db,
                          v == DISTRICTS ? "--draws-districts" : NULL, NULL};
    if (bench_spawn(argv, log, child) != 0 || child->status != 0) {
        fprintf(stderr, "draws: %s at %s simulations failed (see %s): left out\n",
                variant_name[v], n_text, log);
        return -1;
    }
    struct stat st;
    *db_bytes = v != PLAIN && stat(db, &st) == 0 ? (double)st.st_size : 0.0;
    remove(db);
    fprintf(stderr, "draws: scrutin run -n %s --threads 1, %s: %.2f s CPU, %.2f s wall\n",
            n_text, variant_name[v], child->cpu_seconds, child->seconds);
    return 0;
}

json_t *bench_draws(const bench_config *c)
{
    static const size_case full[] = {{10000, 1}, {100000, 0}, {1000000, 0}};
    static const size_case quick[] = {{2000, 1}, {10000, 0}};
    const size_case *sizes = c->quick ? quick : full;
    size_t n_sizes = c->quick ? 2 : 3, repeats = (size_t)c->repeats;
    size_t cells = n_sizes * VARIANTS * repeats;
    double *cpu = calloc(cells, sizeof *cpu), *wall = calloc(cells, sizeof *wall);
    double *bytes = calloc(n_sizes * VARIANTS, sizeof *bytes);
    int *ok = calloc(n_sizes * VARIANTS, sizeof *ok);
    json_t *out = json_object();
    if (!cpu || !wall || !bytes || !ok) {
        json_object_set_new(out, "error", json_string("out of memory"));
        goto done;
    }
    for (size_t i = 0; i < n_sizes; i++)
        for (int v = 0; v < VARIANTS; v++)
            ok[i * VARIANTS + (size_t)v] = v != DISTRICTS || sizes[i].districts;
    for (size_t r = 0; r < repeats; r++)
        for (size_t i = 0; i < n_sizes; i++)
            for (int v = 0; v < VARIANTS; v++) {
                size_t k = i * VARIANTS + (size_t)v;
                bench_child child;
                if (!ok[k])
                    continue;
                if (run_once(c, sizes[i].n, (variant)v, &child, &bytes[k]) != 0) {
                    ok[k] = 0;
                    continue;
                }
                cpu[k * repeats + r] = child.cpu_seconds;
                wall[k * repeats + r] = child.seconds;
            }
    json_t *rows = json_array();
    double largest_extra = -1.0;
    for (size_t i = 0; i < n_sizes; i++) {
        double plain = 0.0;
        for (int v = 0; v < VARIANTS; v++) {
            size_t k = i * VARIANTS + (size_t)v;
            if (!ok[k])
                continue;
            json_t *all = json_array();
            for (size_t r = 0; r < repeats; r++)
                json_array_append_new(all, json_real(cpu[k * repeats + r]));
            double median = bench_median(cpu + k * repeats, repeats);
            json_t *row = json_pack("{s:I, s:s, s:o, s:f, s:f, s:f}", "simulations",
                                    (json_int_t)sizes[i].n, "variant", variant_name[v],
                                    "cpu_seconds", all, "median_cpu_seconds", median,
                                    "median_wall_seconds", bench_median(wall + k * repeats,
                                                                        repeats),
                                    "database_bytes", bytes[k]);
            if (v == PLAIN)
                plain = median;
            else if (ok[i * VARIANTS + PLAIN] && plain > 0.0) {
                /* The database's own CPU time, in units of the run without it. */
                double extra = (median - plain) / plain;
                json_object_set_new(row, "extra_cpu_over_plain", json_real(extra));
                if (v == SEATS)
                    largest_extra = extra;
            }
            json_array_append_new(rows, row);
        }
    }
    json_object_set_new(out, "command",
                        json_string("scrutin run SCENARIO -n N --threads 1 [--draws FILE "
                                    "[--draws-districts]]"));
    json_object_set_new(out, "runs", rows);
    if (largest_extra >= 0.0) {
        json_object_set_new(out, "seats_extra_over_plain_at_largest", json_real(largest_extra));
        json_object_set_new(out, "largest_simulations",
                            json_integer((json_int_t)sizes[n_sizes - 1].n));
    }
done:
    free(cpu);
    free(wall);
    free(bytes);
    free(ok);
    return out;
}
