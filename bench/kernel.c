/*
 * The kernel's cost in instructions: this program re-run under valgrind's
 * callgrind, counting only inside sim_one(), the per-simulation kernel. An
 * instruction count does not depend on what else the machine is doing, so
 * it is the figure to compare between two versions on a busy machine. The
 * same run counts the calls the library makes to the draws made one at a
 * time (the court's uniforms and Beta draws, the lots) and to libm's exp();
 * the batched draws are counted in instructions (docs/performance.md).
 */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "measure.h"

/* The primitives whose calls are counted, as callgrind names them. */
static const char *const primitives[][2] = {
    {"gsl_rng_uniform", "uniform_draws"}, {"gsl_ran_beta", "beta_draws"},
    {"gsl_rng_uniform_int", "lot_draws"}, {"exp", "libm_exp_calls"},
    {"stream_resume", "court_streams"},
};
enum { N_PRIMITIVES = sizeof primitives / sizeof primitives[0], MAX_IDS = 1 << 17 };

/* "(id) name" or "(id)": the id, and the name (recorded on first sight) or the one recorded. */
static const char *compressed_name(char *text, char **names, int *id_out)
{
    int id = atoi(text + 1);
    char *name = strchr(text, ')');
    *id_out = id;
    if (id < 0 || id >= MAX_IDS)
        return "";
    if (name && name[1] == ' ') {
        name += 2;
        name[strcspn(name, "\n")] = '\0';
        if (!names[id])
            names[id] = strdup(name);
    }
    return names[id] ? names[id] : "";
}

/*
 * Read a callgrind output file: the total instructions ("summary:"), and the calls made from
 * the library's own functions (object libscrutin) to each primitive. @return 0 or -1.
 */
static int read_callgrind(const char *path, double *total, double calls[N_PRIMITIVES])
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char **objects = calloc(MAX_IDS, sizeof *objects);
    char **functions = calloc(MAX_IDS, sizeof *functions);
    char line[4096];
    const char *ob = "", *caller_ob = "", *callee = "";
    int id;
    *total = -1.0;
    while (objects && functions && fgets(line, sizeof line, f)) {
        if (strncmp(line, "summary:", 8) == 0)
            *total = strtod(line + 8, NULL);
        else if (strncmp(line, "ob=", 3) == 0)
            ob = compressed_name(line + 3, objects, &id);
        else if (strncmp(line, "cob=", 4) == 0)
            compressed_name(line + 4, objects, &id);
        else if (strncmp(line, "fn=", 3) == 0) {
            compressed_name(line + 3, functions, &id);
            caller_ob = ob;
        } else if (strncmp(line, "cfn=", 4) == 0)
            callee = compressed_name(line + 4, functions, &id);
        else if (strncmp(line, "calls=", 6) == 0 && strstr(caller_ob, "libscrutin"))
            for (int k = 0; k < N_PRIMITIVES; k++) {
                size_t n = strlen(primitives[k][0]);
                /* exp is named exp@@GLIBC_2.29 */
                if (strncmp(callee, primitives[k][0], n) == 0 &&
                    (callee[n] == '\0' || callee[n] == '@'))
                    calls[k] += strtod(line + 6, NULL);
            }
    }
    fclose(f);
    for (int i = 0; i < MAX_IDS; i++) {
        if (objects)
            free(objects[i]);
        if (functions)
            free(functions[i]);
    }
    free(objects);
    free(functions);
    return *total > 0 ? 0 : -1;
}

double bench_callgrind(const bench_config *c, const char *scenario, uint64_t n, json_t **calls,
                       const char **error)
{
    char out_file[4200], log[4200], n_text[32];
    snprintf(out_file, sizeof out_file, "--callgrind-out-file=%s/callgrind.out", c->tmp);
    snprintf(log, sizeof log, "%s/callgrind.log", c->tmp);
    snprintf(n_text, sizeof n_text, "%llu", (unsigned long long)n);
    const char *argv[] = {"valgrind", "--tool=callgrind", "--toggle-collect=sim_one", out_file,
                          c->self, "--child-sim", scenario, n_text, NULL};
    bench_child child;
    if (bench_spawn(argv, log, &child) != 0 || child.status != 0) {
        *error = child.status == 127 ? "valgrind not found" : "the callgrind run failed";
        return -1.0;
    }
    double total = 0.0, count[N_PRIMITIVES] = {0};
    if (read_callgrind(out_file + strlen("--callgrind-out-file="), &total, count) != 0) {
        *error = "cannot read callgrind's output";
        return -1.0;
    }
    if (calls) {
        *calls = json_object();
        for (int k = 0; k < N_PRIMITIVES; k++)
            json_object_set_new(*calls, primitives[k][1], json_real(count[k] / (double)n));
    }
    return total / (double)n;
}

json_t *bench_kernel(const bench_config *c)
{
    uint64_t n = c->quick ? 300 : 1000;
    const char *tool = "valgrind --tool=callgrind --toggle-collect=sim_one", *error = NULL;
    json_t *calls = NULL;
    double per_simulation = bench_callgrind(c, c->scenario, n, &calls, &error);
    if (per_simulation < 0)
        return json_pack("{s:s, s:s}", "tool", tool, "error", error);
    fprintf(stderr, "kernel: %.0f instructions per simulation (callgrind, %llu simulations)\n",
            per_simulation, (unsigned long long)n);
    return json_pack("{s:s, s:s, s:I, s:f, s:o}", "tool", tool, "scenario", c->scenario,
                     "simulations", (json_int_t)n, "instructions_per_simulation", per_simulation,
                     "calls_per_simulation", calls);
}
