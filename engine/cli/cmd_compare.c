/* scrutin compare: what-ifs against their base, with common random numbers. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "distributed.h"
#include "job.h"
#include "out_dir.h"
#include "scrutin/compare.h"
#include "scrutin/plot.h"

static const char compare_help[] =
    "Usage: scrutin compare BASE WHATIF... [-n N] [--seed S] [--threads T] [--out DIR]\n"
    "                       [--format table|csv|json|md] [--plots] [--no-progress]\n"
    "                       [-q|--quiet]\n"
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
    "                       (and of MPI ranks, under mpirun)\n"
    "  -o, --out DIR        output folder, created if missing (default\n"
    "                       results/BASE-vs-A+B..., from the scenarios' names)\n"
    "  -f, --format FMT     standard output: table (default) or md, the final seats\n"
    "                       of every coalition and of the parties that move most;\n"
    "                       csv or json, the whole of compare.csv\n"
    "      --plots          also write the plot of each coalition's seats in every\n"
    "                       scenario into DIR/plots/ (data and gnuplot script) and\n"
    "                       draw it as SVG and PNG with gnuplot, if it is on the PATH\n"
    "                       (else say how to draw it later)\n"
    CLI_JOB_HELP_QUIET
    "\n"
    "Files written into DIR (docs/cli.md describes every column):\n"
    "  compare.csv   whatif,side,stage,group_kind,group,in_base,in_whatif,mean_base,\n"
    "                mean_whatif,mean_diff,mean_diff_se,p_majority_base,\n"
    "                p_majority_whatif,p_majority_diff,p_majority_diff_se,\n"
    "                p05_base,p50_base,p95_base,p05_whatif,p50_whatif,p95_whatif,\n"
    "                p05_diff,p25_diff,p50_diff,p75_diff,p95_diff; side is whatif1,\n"
    "                whatif2... by the what-ifs' order, so that a what-if given twice\n"
    "                is told apart (with several systems, a leading system column)\n"
    "  compare_districts.csv  whatif,side,system,district,group_kind,group,\n"
    "                p_seat_base,p_seat_whatif,p_seat_diff,p_seat_diff_se: P(the party\n"
    "                or coalition wins a seat in the district), final, and its paired\n"
    "                difference\n"
    "  compare.json  the rows of compare.csv, the scenarios' names and content hashes,\n"
    "                seed, simulations; threads, ranks, paths and timings under\n"
    "                \"execution\"\n"
    "  plots/compare_coalitions.{csv,gp,svg,png}  with --plots\n"
    "Each file is written under a temporary name and renamed when complete.\n"
    "\n"
    "Interrupting (Ctrl-C, SIGTERM) stops the simulations: the completed ones are\n"
    "compared and written, with \"partial\": true in compare.json. A second Ctrl-C\n"
    "quits at once.\n"
    "\n"
    "Exit status: 0 success (also when gnuplot is missing), 1 failure while running\n"
    "(gnuplot failing included), 2 bad input (a scenario or an option), 130\n"
    "interrupted by SIGINT, 143 by SIGTERM.\n";

typedef struct compare_args {
    char **scenarios;
    size_t n;
    cli_common_args common;
} compare_args;

/* @return -1 to go on, or the exit status. */
static int parse_args(int argc, char **argv, compare_args *a)
{
    static const struct option options[] = {CLI_SHARED_LONG_OPTIONS,
                                            CLI_JOB_OPTIONS_END};
    *a = (compare_args){NULL, 0, CLI_COMMON_ARGS_INIT};
    int c, rc = -1;
    optind = 1;
    while ((c = cli_job_option("compare", argc, argv, options, &a->common, &rc)) != -1) {
        switch (c) {
        case CLI_OPT_EXIT: return rc;
        case 'h': fputs(compare_help, stdout); return EXIT_OK;
        default: return cli_bad_option("compare", options, argc, argv);
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

/* The paired simulations on every rank (a cli_job_study_fn): each its block, summed on rank 0. */
static int run_pairs(void *t, const scrutin_sim_options *opt, const scrutin_reduce *ranks,
                     scrutin_ctx *ctx)
{
    return scrutin_compare_tally_run_reduced(t, opt, ranks, ctx);
}

/* The names of the comparison's plots (compare_coalitions, compare_coalitions_2, ...). */
typedef struct plot_names {
    size_t n;
    char (*names)[64];
    const char **list;
} plot_names;

/* @return 0 or SCRUTIN_ENOMEM (what was found is freed by plot_names_free() either way). */
static int plot_names_get(plot_names *p, const scrutin_compare *c)
{
    p->n = scrutin_compare_plot_count(c);
    p->names = calloc(p->n + 1, sizeof *p->names);
    p->list = calloc(p->n + 1, sizeof *p->list);
    int status = p->names && p->list ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    for (size_t i = 0; status == SCRUTIN_OK && i < p->n; i++) {
        status = scrutin_compare_plot_name(p->names[i], sizeof p->names[i], i);
        p->list[i] = p->names[i];
    }
    return status;
}

static void plot_names_free(plot_names *p)
{
    free(p->list);
    free(p->names);
}

/* What the write phase needs of a comparison. */
typedef struct compare_state {
    const compare_args *a;
    const scrutin_compare_tally *t;
    const scrutin_compare_info *info;
} compare_state;

/*
 * The write phase (cli_job_write_fn): compute the comparison, write its
 * files and plots, print its headline. @return a library status.
 */
static int write_compare(cli_job *job, void *data, scrutin_ctx *ctx)
{
    const compare_state *st = data;
    const compare_args *a = st->a;
    scrutin_compare *c = NULL;
    plot_names plots = {0, NULL, NULL};
    int status = scrutin_compare_compute(&c, st->t, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_compare_write(job->out, c, st->info, ctx);
    if (status == SCRUTIN_OK && a->common.plots) {
        status = scrutin_compare_plot(job->out, c, ctx);
        int named = plot_names_get(&plots, c);
        if (status == SCRUTIN_OK)
            status = named;
        if (status == SCRUTIN_OK)
            status = cli_job_draw(job, plots.list, plots.n, ctx);
    }
    if (status == SCRUTIN_OK && !a->common.quiet) {
        status = scrutin_compare_print(stdout, c, a->common.format, ctx);
        if (status == SCRUTIN_OK)
            cli_job_say_files(job, "compare.csv, compare_districts.csv, compare.json", "Plots",
                              plots.list, plots.n);
    }
    plot_names_free(&plots);
    scrutin_compare_free(c);
    return status;
}

/* Load, simulate, write (a cli_command_fn). @return the exit status. */
static int compare(const void *args, scrutin_ctx *ctx)
{
    const compare_args *a = args;
    double start = cli_now_seconds();
    loaded l = {0, NULL, NULL, NULL, NULL};
    /* Every rank loads every scenario (rank 0 alone reports); all stop if one failed. */
    int rc = cli_job_agree_loaded("compare", load_all(&l, a, ctx), "the scenarios");
    if (rc != EXIT_OK) {
        loaded_free(&l);
        return rc;
    }
    scrutin_compare_info info = SCRUTIN_COMPARE_INFO_INIT;
    info.hashes = l.hash_ptrs;
    info.paths = (const char *const *)a->scenarios;
    info.seed = a->common.seed;
    info.requested = a->common.simulations;
    info.threads = a->common.threads;
    info.ranks = dist_size();
    info.models = (const scrutin_model *const *)l.models;
    info.command_line = cli_command_line();
    info.simd = scrutin_simd_name(cli_simd());
    info.load_seconds = dist_max(cli_now_seconds() - start);
    scrutin_ctx_clear(ctx);
    const scrutin_model *const *models = (const scrutin_model *const *)l.models;
    cli_job job;
    cli_job_start(&job, "compare", &a->common,
                  a->common.out ? NULL : cli_default_compare_dir(models, l.n));
    scrutin_compare_tally *t = NULL;
    /* Refused before simulating, not after: rank 0 alone writes. */
    int status = cli_job_open(&job, (const scrutin_scenario *const *)l.scenarios, l.n, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_compare_tally_new(&t, models, l.n, ctx);
    status = dist_agree(status, &job.reporter);
    if (status == SCRUTIN_OK) {
        start = cli_now_seconds();
        status = cli_job_spread(&job, run_pairs, t, ctx);
        info.simulate_seconds = dist_max(cli_now_seconds() - start);
    }
    job.status = status;
    job.interrupted = status == SCRUTIN_EINTR;
    uint64_t completed = t ? scrutin_compare_tally_simulations(t) : 0;
    /* Rank 0 holds the sum of every rank's counters: it alone writes, and says why not. */
    if (cli_job_write(&job, completed > 0, write_compare, &(compare_state){a, t, &info}, ctx))
        cli_job_say_partial(&job, completed, job.common->simulations, "comparison is",
                            "compare.json");
    rc = cli_job_finish(&job, ctx);
    scrutin_compare_tally_free(t);
    loaded_free(&l);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    compare_args a;
    return cli_with_context(parse_args(argc, argv, &a), "compare", compare, &a);
}
