/*
 * scrutin run's questions beyond the plain run (docs/cli.md): every
 * simulation into a database (--draws), known results (--given), and runs
 * that stop at a target (--target-se, --min-matches, with --max-n).
 */
#ifndef SCRUTIN_CLI_RUN_QUERY_H
#define SCRUTIN_CLI_RUN_QUERY_H

#include "cli.h"

enum { RUN_MAX_GIVEN = 64 };

typedef struct run_query_args {
    const char *draws;        /* --draws FILE */
    int draws_districts;      /* --draws-districts */
    const char *given[RUN_MAX_GIVEN];
    size_t n_given;
    const char *given_system; /* --given-system ID; NULL: the first */
    uint64_t min_matches;     /* --min-matches K; 0: none */
    uint64_t max_n;           /* --max-n M; 0: none */
    double target_se;         /* --target-se X; 0: none */
} run_query_args;

#define RUN_QUERY_ARGS_INIT {NULL, 0, {NULL}, 0, NULL, 0, 0, 0.0}

/* getopt_long() values: after the run command's own. */
enum { RUN_OPT_DRAWS = CLI_OPT_OWN + 16, RUN_OPT_DRAWS_DISTRICTS, RUN_OPT_GIVEN,
       RUN_OPT_GIVEN_SYSTEM, RUN_OPT_MIN_MATCHES, RUN_OPT_MAX_N, RUN_OPT_TARGET_SE };

#define RUN_QUERY_LONG_OPTIONS                                                                     \
    {"draws", required_argument, NULL, RUN_OPT_DRAWS},                                             \
        {"draws-districts", no_argument, NULL, RUN_OPT_DRAWS_DISTRICTS},                           \
        {"given", required_argument, NULL, RUN_OPT_GIVEN},                                         \
        {"given-system", required_argument, NULL, RUN_OPT_GIVEN_SYSTEM},                           \
        {"min-matches", required_argument, NULL, RUN_OPT_MIN_MATCHES},                             \
        {"max-n", required_argument, NULL, RUN_OPT_MAX_N},                                         \
        {"target-se", required_argument, NULL, RUN_OPT_TARGET_SE}

/* As cli_shared_option(): -1 stored, CLI_NOT_SHARED, or the exit status after a message. */
int run_query_option(int c, const char *arg, run_query_args *q);
/* After every option: the ones that need each other. @return -1 or the exit status. */
int run_query_check(const run_query_args *q);
/* 1 if the run stops at a target: its -n is then the step between decisions. */
static inline int run_query_adaptive(const run_query_args *q)
{
    return q->target_se > 0.0 || q->min_matches > 0;
}

/* What the simulations gave, for run.json and the headline. */
typedef struct run_query_result {
    uint64_t simulated; /* run, matching or not */
    int met;            /* the stopping rule was met */
    double worst_se;    /* with --target-se: the largest headline standard error */
    size_t given_system;
} run_query_result;

/*
 * Simulate as @p q and @p c ask into @p tally (this rank's part; the caller
 * reduces), writing the draws database on rank 0. @p hash: the scenario's.
 * @return a library status (SCRUTIN_EINTR if stopped), the same on every rank.
 */
int run_query_simulate(scrutin_tally *tally, const scrutin_model *model, const run_query_args *q,
                       const cli_common_args *c, const char *hash, run_query_result *out,
                       scrutin_ctx *ctx);

#endif
