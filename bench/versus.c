/*
 * The new kernel against the old one, and the Student-t tails, in one run:
 * `scrutin run` of Mali 2007 end to end, the programs taking turns within
 * each repeat (new, old, new with tails_df 2.01, new with 2.00001, old with
 * 2.01) so that a burst of load from elsewhere falls on all alike. The old
 * program is the command line built from the commit before the batched
 * draws (scripts/bench.sh builds it into build-bench-old/ when it can);
 * without it only the new kernel's figures are given.
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>

#include "measure.h"

/* A what-if of @p base with Student-t shocks of @p df degrees of freedom, written into @p path. */
static int write_tails(const char *path, const char *base, const char *df)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "base: %s\nname: bench-tails\nmodel:\n  tails_df: %s\n", base, df);
    return fclose(f);
}

typedef struct variant {
    const char *name, *cli, *scenario;
} variant;

json_t *bench_versus(const bench_config *c)
{
    json_t *out = json_object();
    char tails1[4200], tails2[4200], out_dir[4200], log[4200], n_text[32], t_text[16];
    snprintf(tails1, sizeof tails1, "%s/tails-2.01.yaml", c->tmp);
    snprintf(tails2, sizeof tails2, "%s/tails-2.00001.yaml", c->tmp);
    snprintf(out_dir, sizeof out_dir, "%s/versus-run", c->tmp);
    snprintf(log, sizeof log, "%s/versus-run.log", c->tmp);
    uint64_t n = c->quick ? 10000 : 100000;
    snprintf(n_text, sizeof n_text, "%llu", (unsigned long long)n);
    snprintf(t_text, sizeof t_text, "%d", c->max_threads);
    if (write_tails(tails1, c->scenario, "2.01") != 0 ||
        write_tails(tails2, c->scenario, "2.00001") != 0) {
        json_object_set_new(out, "error", json_string("cannot write the tails scenarios"));
        return out;
    }
    variant v[] = {{"new", c->cli, c->scenario},
                   {"old", c->old_cli, c->scenario},
                   {"new, tails_df 2.01", c->cli, tails1},
                   {"new, tails_df 2.00001", c->cli, tails2},
                   {"old, tails_df 2.01", c->old_cli, tails1}};
    enum { VARIANTS = sizeof v / sizeof v[0] };
    size_t repeats = (size_t)c->repeats;
    double *seconds = calloc(VARIANTS * repeats, sizeof *seconds);
    if (!seconds) {
        json_object_set_new(out, "error", json_string("out of memory"));
        return out;
    }
    int ok[VARIANTS];
    for (size_t k = 0; k < VARIANTS; k++)
        ok[k] = v[k].cli != NULL;
    for (size_t r = 0; r < repeats; r++)
        for (size_t k = 0; k < VARIANTS; k++) {
            if (!ok[k])
                continue;
            const char *argv[] = {v[k].cli, "run", v[k].scenario, "-n", n_text, "--threads",
                                  t_text, "--seed", "1", "--out", out_dir, "--no-progress",
                                  "-q", NULL};
            bench_child child;
            if (bench_spawn(argv, log, &child) != 0 || child.status != 0) {
                fprintf(stderr, "versus: %s failed (see %s): left out\n", v[k].name, log);
                ok[k] = 0;
                continue;
            }
            seconds[k * repeats + r] = child.seconds;
            fprintf(stderr, "versus: %s, scrutin run -n %s --threads %s: %.2f s\n", v[k].name,
                    n_text, t_text, child.seconds);
        }
    json_t *rows = json_array();
    double median[VARIANTS] = {0};
    for (size_t k = 0; k < VARIANTS; k++) {
        if (!ok[k])
            continue;
        median[k] = bench_median(seconds + k * repeats, repeats);
        json_array_append_new(rows, json_pack("{s:s, s:f, s:f}", "variant", v[k].name,
                                              "median_wall_seconds", median[k],
                                              "simulations_per_second", (double)n / median[k]));
    }
    json_object_set_new(out, "command",
                        json_sprintf("scrutin run SCENARIO -n %s --threads %s", n_text, t_text));
    json_object_set_new(out, "simulations", json_integer((json_int_t)n));
    json_object_set_new(out, "runs", rows);
    if (ok[0] && ok[1])
        json_object_set_new(out, "old_over_new", json_real(median[1] / median[0]));
    if (ok[0] && ok[2] && ok[3]) {
        json_object_set_new(out, "tails_2_01_over_normal", json_real(median[2] / median[0]));
        json_object_set_new(out, "tails_2_00001_over_normal", json_real(median[3] / median[0]));
    }
    free(seconds);
    return out;
}
