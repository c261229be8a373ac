/*
 * scrutin-bench: throughput, scaling, peak memory and the kernel's instruction
 * count, reported as JSON and Markdown (docs/performance.md explains the
 * method). Each section returns a JSON object; the Markdown is written from
 * that same object, so the two reports cannot disagree.
 */
#ifndef SCRUTIN_BENCH_H
#define SCRUTIN_BENCH_H

#include <jansson.h>
#include <stdint.h>

#include "scrutin.h"

typedef struct bench_config {
    int quick;               /* the CI mode: smaller runs, under a minute */
    int repeats;             /* runs of every measurement; the median is reported */
    int max_threads;         /* 1, 2, ... up to this many threads */
    uint64_t simulations;    /* simulations per throughput run */
    const char *scenario;    /* the Mali 2007 scenario */
    const char *cli;         /* the scrutin command, for the peak-memory runs */
    const char *old_cli;     /* the command built before the batched draws, or NULL */
    const char *self;        /* this program, for the callgrind child */
    const char *tmp;         /* a private temporary folder, removed at the end */
    int callgrind;           /* count the kernel's instructions under valgrind */
} bench_config;

/* Load and compile a scenario; diagnostics go to standard error. NULL on failure. */
scrutin_model *bench_load(const char *path);

/* Wall seconds of scrutin_sim_run() for [0, n) on @p threads threads, seed 1. If @p keep is
   not NULL it receives the tally (else it is freed). A negative result is a failure. */
double bench_time_run(const scrutin_model *m, uint64_t n, int threads, scrutin_tally **keep);

json_t *bench_throughput(const bench_config *c);
json_t *bench_scaling(const bench_config *c);
json_t *bench_memory(const bench_config *c);
json_t *bench_kernel(const bench_config *c);
/* 1,000,000 simulations end to end on every thread, for each vector path (million.c). */
json_t *bench_million(const bench_config *c);
/* The new kernel against the old (c->old_cli), and Student-t tails, end to end (versus.c). */
json_t *bench_versus(const bench_config *c);
/* What `scrutin run --draws` costs over the run without it, in CPU time (draws.c). */
json_t *bench_draws(const bench_config *c);
/*
 * Instructions per simulation inside sim_one() for @p n simulations of @p scenario on one
 * thread, counted by valgrind's callgrind; if @p calls is not NULL it receives the calls the
 * library makes per simulation to the random draws and exp(). Negative on failure, with
 * @p error saying why.
 */
double bench_callgrind(const bench_config *c, const char *scenario, uint64_t n, json_t **calls,
                       const char **error);
/* The floor of the kernel: its draws and exp() calls alone, counted by bench_kernel(). */
json_t *bench_floor(const bench_config *c, json_t *kernel);

/* The targets of the benchmark issue, judged from the sections' results. */
json_t *bench_targets(json_t *results);

/* The Markdown report of @p results (the JSON written alongside). 0 or -1. */
int bench_write_markdown(const char *path, json_t *results);

#endif
