/* scrutin compare: what-ifs against their base, with common random numbers. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"
#include "scrutin/compare.h"

static const char compare_help[] =
    "Usage: scrutin compare BASE WHATIF... [-n N] [--seed S] [--threads T] [--out DIR]\n"
    "                       [--format table|csv|json|md] [--no-progress] [-q|--quiet]\n"
    "\n"
    "Simulate the scenario BASE and each WHATIF scenario N times with the same seed:\n"
    "simulation i of every scenario draws the same random numbers (common random\n"
    "numbers), so that their differences are measured on the same simulated\n"
    "elections. Writes, per what-if, party and coalition, provisional and final,\n"
    "the difference in mean seats, in P(majority) and in quantiles, with the paired\n"
    "Monte Carlo standard errors of the first two. A what-if is usually a file\n"
    "that names BASE as its `base` (docs/whatifs.md), but any scenario will do.\n"
    "\n"
    "  -n, --simulations N  simulations of each scenario (default 10000; >= 1)\n"
    "  -s, --seed S         seed of the random streams, 0 to 2^64-1 (default 1)\n"
    "  -t, --threads T      threads (default 0: OpenMP's default, OMP_NUM_THREADS);\n"
    "                       the files are the same whatever the number of threads\n"
    "  -o, --out DIR        output folder, created if missing (default\n"
    "                       results/NAME-compare, NAME being BASE's name)\n"
    "  -f, --format FMT     standard output: table (default) or md, the final seats\n"
    "                       of every coalition and of the parties that move most;\n"
    "                       csv or json, the whole of compare.csv\n"
    "      --no-progress    no progress bar (drawn on standard error only when it is\n"
    "                       a terminal)\n"
    "  -q, --quiet          print nothing on standard output, and no progress bar\n"
    "  -h, --help           show this help\n"
    "\n"
    "Files written into DIR (docs/cli.md describes every column):\n"
    "  compare.csv   whatif,stage,group_kind,group,in_base,in_whatif,mean_base,\n"
    "                mean_whatif,mean_diff,mean_diff_se,p_majority_base,\n"
    "                p_majority_whatif,p_majority_diff,p_majority_diff_se,\n"
    "                p05_base,p50_base,p95_base,p05_whatif,p50_whatif,p95_whatif,\n"
    "                p05_diff,p25_diff,p50_diff,p75_diff,p95_diff\n"
    "  compare.json  the same rows, the scenarios' names and content hashes, seed,\n"
    "                simulations; threads, paths and timings under \"execution\"\n"
    "Each file is written under a temporary name and renamed when complete.\n"
    "\n"
    "Exit status: 0 success, 1 failure while running, 2 bad input (a scenario or\n"
    "an option).\n";

/* More threads than this is a typing error, not a machine. */
enum { MAX_THREADS = 1024 };

typedef struct compare_args {
    char **scenarios;
    size_t n;
    uint64_t simulations, seed;
    int threads;
    const char *out;
    scrutin_format format;
    int progress, quiet;
} compare_args;

/* @return -1 to go on, or the exit status. */
static int parse_args(int argc, char **argv, compare_args *a)
{
    enum { OPT_NO_PROGRESS = 256 };
    static const struct option options[] = {{"simulations", required_argument, NULL, 'n'},
                                            {"seed", required_argument, NULL, 's'},
                                            {"threads", required_argument, NULL, 't'},
                                            {"out", required_argument, NULL, 'o'},
                                            {"format", required_argument, NULL, 'f'},
                                            {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
                                            {"quiet", no_argument, NULL, 'q'},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    *a = (compare_args){NULL, 0, 10000, 1, 0, NULL, SCRUTIN_FORMAT_TABLE, 1, 0};
    uint64_t threads;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "n:s:t:o:f:qh", options, NULL)) != -1) {
        switch (c) {
        case 'n':
            if (cli_parse_seed(optarg, &a->simulations) != 0 || a->simulations == 0 ||
                a->simulations > INT64_MAX)
                return cli_usage_error("compare", "\"%s\" is not a number of simulations (a "
                                                  "whole number >= 1)", optarg);
            break;
        case 's':
            if (cli_parse_seed(optarg, &a->seed) != 0)
                return cli_usage_error("compare", "\"%s\" is not a seed (a whole number >= 0)",
                                       optarg);
            break;
        case 't':
            if (cli_parse_seed(optarg, &threads) != 0 || threads > MAX_THREADS)
                return cli_usage_error("compare", "\"%s\" is not a number of threads (a whole "
                                                  "number from 0 to %d; 0: OpenMP's default)",
                                       optarg, MAX_THREADS);
            a->threads = (int)threads;
            break;
        case 'o':
            if (!optarg[0])
                return cli_usage_error("compare", "the output folder's name is empty");
            a->out = optarg;
            break;
        case 'f':
            if (scrutin_format_parse(&a->format, optarg) != SCRUTIN_OK)
                return cli_usage_error("compare", "unknown format \"%s\" (table, csv, json or md)",
                                       optarg);
            break;
        case OPT_NO_PROGRESS: a->progress = 0; break;
        case 'q': a->quiet = 1; break;
        case 'h': fputs(compare_help, stdout); return EXIT_OK;
        default: return cli_usage_error("compare", "bad option");
        }
    }
    if (argc - optind < 2)
        return cli_usage_error("compare", "expected a base scenario and at least one what-if");
    a->scenarios = argv + optind;
    a->n = (size_t)(argc - optind);
    return -1;
}

/* The loaded scenarios, their models and content hashes. */
typedef struct loaded {
    size_t n;
    scrutin_scenario **scenarios;
    scrutin_model **models;
    char (*hashes)[SCRUTIN_SCENARIO_HASH_SIZE];
    const char **hash_ptrs;
} loaded;

static void loaded_free(loaded *l)
{
    for (size_t k = 0; k < l->n; k++) {
        if (l->models)
            scrutin_model_free(l->models[k]);
        if (l->scenarios)
            scrutin_scenario_free(l->scenarios[k]);
    }
    free(l->scenarios);
    free(l->models);
    free(l->hashes);
    free(l->hash_ptrs);
}

/* Load every scenario, reporting the problems of each. @return the exit status. */
static int load_all(loaded *l, const compare_args *a, scrutin_ctx *ctx)
{
    l->n = a->n;
    l->scenarios = calloc(a->n, sizeof *l->scenarios);
    l->models = calloc(a->n, sizeof *l->models);
    l->hashes = calloc(a->n, sizeof *l->hashes);
    l->hash_ptrs = calloc(a->n, sizeof *l->hash_ptrs);
    if (!l->scenarios || !l->models || !l->hashes || !l->hash_ptrs)
        return EXIT_FAILURE_RUN;
    int rc = EXIT_OK;
    for (size_t k = 0; k < a->n; k++) {
        scrutin_ctx_clear(ctx);
        int one = cli_load_model(a->scenarios[k], &l->scenarios[k], &l->models[k], ctx);
        if (one == EXIT_OK) {
            int status = scrutin_report_scenario_hash(l->hashes[k], sizeof l->hashes[k],
                                                      l->scenarios[k], ctx);
            if (status != SCRUTIN_OK) {
                cli_print_diagnostics(ctx);
                one = cli_exit_status(status);
            }
            l->hash_ptrs[k] = l->hashes[k];
        }
        /* Bad input wins over a failure while running: the analyst has a file to fix. */
        if (one != EXIT_OK && rc != EXIT_BAD_INPUT)
            rc = one;
    }
    return rc;
}

/* results/NAME-compare; freed by the caller. */
static char *default_out_dir(const scrutin_model *base)
{
    const char *name = scrutin_model_name(base);
    size_t size = strlen("results/-compare") + strlen(name) + 1;
    char *out = malloc(size);
    if (out)
        snprintf(out, size, "results/%s-compare", name);
    return out;
}

static int compare(const compare_args *a, scrutin_ctx *ctx)
{
    double start = cli_now_seconds();
    loaded l = {0, NULL, NULL, NULL, NULL};
    int rc = load_all(&l, a, ctx);
    if (rc != EXIT_OK) {
        loaded_free(&l);
        return rc;
    }
    scrutin_compare_info info = SCRUTIN_COMPARE_INFO_INIT;
    info.hashes = l.hash_ptrs;
    info.paths = (const char *const *)a->scenarios;
    info.seed = a->seed;
    info.requested = a->simulations;
    info.threads = a->threads;
    info.load_seconds = cli_now_seconds() - start;
    scrutin_sim_options opt = SCRUTIN_SIM_OPTIONS_INIT;
    opt.seed = a->seed;
    opt.count = a->simulations;
    opt.threads = a->threads;
    cli_progress bar;
    if (a->progress && !a->quiet && isatty(STDERR_FILENO)) {
        cli_progress_start(&bar, stderr);
        opt.progress = cli_progress_report;
        opt.progress_data = &bar;
    }
    scrutin_ctx_clear(ctx);
    start = cli_now_seconds();
    scrutin_compare *c = NULL;
    int status = scrutin_compare_run(&c, (const scrutin_model *const *)l.models, l.n, &opt, ctx);
    info.simulate_seconds = cli_now_seconds() - start;
    if (opt.progress)
        cli_progress_clear(&bar);
    char *default_out = a->out ? NULL : default_out_dir(l.models[0]);
    const char *out = a->out ? a->out : default_out;
    if (status == SCRUTIN_OK && !out)
        status = SCRUTIN_ENOMEM;
    if (status == SCRUTIN_OK)
        status = scrutin_compare_write(out, c, &info, ctx);
    if (status == SCRUTIN_OK && !a->quiet) {
        status = scrutin_compare_print(stdout, c, a->format, ctx);
        if (status == SCRUTIN_OK && a->format == SCRUTIN_FORMAT_TABLE)
            printf("\nFiles written to %s/: compare.csv, compare.json\n", out);
        else if (status == SCRUTIN_OK && a->format == SCRUTIN_FORMAT_MD)
            printf("\nFiles written to `%s/`.\n", out);
    }
    if (status != SCRUTIN_OK)
        cli_print_diagnostics(ctx);
    scrutin_compare_free(c);
    free(default_out);
    loaded_free(&l);
    return cli_exit_status(status);
}

int cmd_compare(int argc, char **argv)
{
    compare_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return EXIT_FAILURE_RUN;
    rc = compare(&a, ctx);
    scrutin_ctx_free(ctx);
    return rc;
}
