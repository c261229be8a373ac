/* scrutin compare: what-ifs against their base, with common random numbers. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "distributed.h"
#include "out_dir.h"
#include "outcome.h"
#include "plot_render.h"
#include "progress.h"
#include "scrutin/compare.h"
#include "scrutin/plot.h"
#include "stop_signal.h"

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
    "  compare_districts.csv  whatif,system,district,group_kind,group,p_seat_base,\n"
    "                p_seat_whatif,p_seat_diff,p_seat_diff_se: P(the party or coalition\n"
    "                wins a seat in the district), final, and its paired difference\n"
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
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    *a = (compare_args){NULL, 0, CLI_COMMON_ARGS_INIT};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, CLI_SHARED_SHORT_OPTIONS "h", options, NULL)) != -1) {
        int shared = cli_shared_option("compare", c, optarg, &a->common);
        if (shared != CLI_NOT_SHARED) {
            if (shared >= 0)
                return shared;
            continue;
        }
        if (c == 'h') {
            fputs(compare_help, stdout);
            return EXIT_OK;
        }
        return cli_bad_option("compare", options, argc, argv);
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
    /* compare.csv tells the what-ifs apart by name: two of one name would mix their rows. The
       base may share a what-if's name (a scenario against itself: every difference zero). */
    for (size_t i = 1; rc == EXIT_OK && i < a->n; i++)
        for (size_t j = i + 1; j < a->n; j++) {
            const char *name = scrutin_model_name(l->models[i]);
            if (strcmp(name, scrutin_model_name(l->models[j])) != 0)
                continue;
            fprintf(stderr,
                    "scrutin compare: the what-ifs %s and %s are both named \"%s\": their rows "
                    "could not be told apart; give each a name of its own (name: in the file)\n",
                    a->scenarios[i], a->scenarios[j], name);
            rc = EXIT_BAD_INPUT;
        }
    return rc;
}

/*
 * Run this process's block of the paired simulations (under MPI, each rank
 * its own; else all of them) into @p t, stoppable by SIGINT and SIGTERM.
 * @return the library's status (SCRUTIN_EINTR if stopped).
 */
static int simulate(scrutin_compare_tally *t, const compare_args *a, scrutin_ctx *ctx)
{
    scrutin_sim_options opt = SCRUTIN_SIM_OPTIONS_INIT;
    opt.seed = a->common.seed;
    dist_block(a->common.simulations, &opt.first, &opt.count);
    opt.threads = a->common.threads;
    opt.simd = cli_simd();
    opt.stop = cli_stop_flag();
    cli_progress bar;
    if (a->common.progress && !a->common.quiet && dist_is_root() && isatty(STDERR_FILENO)) {
        cli_progress_start(&bar, stderr);
        opt.progress = cli_progress_report;
        opt.progress_data = &bar;
    }
    cli_stop_saved saved;
    cli_stop_catch(&saved);
    int status = scrutin_compare_tally_run(t, &opt, ctx);
    cli_stop_release(&saved);
    if (opt.progress)
        cli_progress_clear(&bar);
    return status;
}

/*
 * Every rank's simulations, added up on rank 0. Interrupted anywhere, every
 * rank's completed simulations are kept. @return 0, SCRUTIN_EINTR, or the
 * first failure of any rank (*reporter: the rank that says why).
 */
static int simulate_everywhere(scrutin_compare_tally *t, const compare_args *a, int *reporter,
                               scrutin_ctx *ctx)
{
    int status = simulate(t, a, ctx);
    int stopped = dist_agree(status == SCRUTIN_EINTR ? SCRUTIN_EINTR : SCRUTIN_OK, reporter);
    status = dist_agree(status == SCRUTIN_EINTR ? SCRUTIN_OK : status, reporter);
    for (size_t part = 0; status == SCRUTIN_OK && part < scrutin_compare_tally_parts(t); part++) {
        size_t n = 0;
        int64_t *counters = scrutin_compare_tally_counters(t, part, &n);
        status = dist_reduce_counters(counters, n);
    }
    return status == SCRUTIN_OK ? stopped : status;
}

/* With --plots: write the plots' files, then draw them. @return a library status. */
static int draw_plots(scrutin_output *output, const char *out, const scrutin_compare *c,
                      cli_render_result *drawn, scrutin_ctx *ctx)
{
    int status = scrutin_compare_plot(out, c, ctx);
    size_t n = scrutin_compare_plot_count(c);
    char (*names)[64] = calloc(n + 1, sizeof *names);
    const char **list = calloc(n + 1, sizeof *list);
    if (status == SCRUTIN_OK && (!names || !list))
        status = SCRUTIN_ENOMEM;
    for (size_t i = 0; status == SCRUTIN_OK && i < n; i++) {
        status = scrutin_compare_plot_name(names[i], sizeof names[i], i);
        list[i] = names[i];
    }
    if (status == SCRUTIN_OK) {
        *drawn = cli_render_plots("compare", out, list, n);
        status = cli_output_add_images(output, list, n, ctx);
    }
    free(list);
    free(names);
    return status;
}

/* Compute the comparison, write its files and plots, print its headline (rank 0 only). */
static int write_results(scrutin_output *output, const char *out, const scrutin_compare_tally *t,
                         const scrutin_compare_info *info, const compare_args *a,
                         cli_render_result *drawn, scrutin_ctx *ctx)
{
    scrutin_compare *c = NULL;
    int status = scrutin_compare_compute(&c, t, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_compare_write(out, c, info, ctx);
    if (status == SCRUTIN_OK && a->common.plots)
        status = draw_plots(output, out, c, drawn, ctx);
    if (status == SCRUTIN_OK && !a->common.quiet) {
        status = scrutin_compare_print(stdout, c, a->common.format, ctx);
        if (status == SCRUTIN_OK && a->common.format == SCRUTIN_FORMAT_TABLE) {
            printf("\nFiles written to %s/: compare.csv, compare_districts.csv, compare.json\n",
                   out);
            if (a->common.plots && *drawn == CLI_RENDER_DONE) {
                printf("Plots drawn in %s/%s/:", out, SCRUTIN_PLOT_DIR);
                for (size_t i = 0; i < scrutin_compare_plot_count(c); i++) {
                    char name[64];
                    if (scrutin_compare_plot_name(name, sizeof name, i) == SCRUTIN_OK)
                        printf("%s %s", i ? "," : "", name);
                }
                printf(" (.svg, .png)\n");
            }
        } else if (status == SCRUTIN_OK && a->common.format == SCRUTIN_FORMAT_MD) {
            printf("\nFiles written to `%s/`.\n", out);
        }
    }
    scrutin_compare_free(c);
    return status;
}

/* An exit status agreed by every rank: the first failing rank's, which says why. */
static int agree_exit(int rc)
{
    int reporter = 0;
    int agreed = dist_agree(rc, &reporter);
    if (agreed != EXIT_OK && reporter != dist_rank() && dist_is_root())
        fprintf(stderr, "scrutin compare: rank %d could not load the scenarios\n", reporter);
    return agreed < 0 ? EXIT_FAILURE_RUN : agreed;
}

static int compare(const compare_args *a, scrutin_ctx *ctx)
{
    double start = cli_now_seconds();
    loaded l = {0, NULL, NULL, NULL, NULL};
    /* Every rank loads every scenario (rank 0 alone reports); all stop if one failed. */
    int rc = agree_exit(load_all(&l, a, ctx));
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
    char *default_out = a->common.out ? NULL
                                      : cli_default_compare_dir((const scrutin_model *const *)l.models, l.n);
    const char *out = a->common.out ? a->common.out : default_out;
    scrutin_compare_tally *t = NULL;
    scrutin_output *output = NULL;
    int status = out ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    /* Refused before simulating, not after: rank 0 alone writes. */
    if (status == SCRUTIN_OK)
        status = cli_output_open(&output, out, (const scrutin_scenario *const *)l.scenarios, l.n,
                                 ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_compare_tally_new(&t, (const scrutin_model *const *)l.models, l.n, ctx);
    int reporter = 0;
    status = dist_agree(status, &reporter);
    if (status == SCRUTIN_OK) {
        start = cli_now_seconds();
        status = simulate_everywhere(t, a, &reporter, ctx);
        info.simulate_seconds = dist_max(cli_now_seconds() - start);
    }
    int interrupted = status == SCRUTIN_EINTR;
    cli_render_result drawn = CLI_RENDER_DONE;
    uint64_t completed = t ? scrutin_compare_tally_simulations(t) : 0;
    if (interrupted && completed == 0) {
        cli_say_nothing_written("compare");
    } else if ((status == SCRUTIN_OK || interrupted) && dist_is_root()) {
        /* Rank 0 holds the sum of every rank's counters: it alone writes, and says why not. */
        reporter = 0;
        cli_stop_saved writing; /* a signal now waits for the writes (cli_stop_defer) */
        cli_stop_defer(&writing);
        status = write_results(output, out, t, &info, a, &drawn, ctx);
        status = cli_output_end(output, "compare", status, ctx);
        cli_stop_release(&writing);
        output = NULL;
        if (status == SCRUTIN_OK && interrupted)
            fprintf(stderr, "scrutin compare: interrupted after %llu of %llu simulations; "
                            "their comparison is in %s/ (compare.json: \"partial\": true)\n",
                    (unsigned long long)completed, (unsigned long long)a->common.simulations, out);
    }
    scrutin_output_abandon(output);
    rc = cli_finish("compare", &(cli_outcome){status, reporter, interrupted, drawn, NULL}, ctx);
    scrutin_compare_tally_free(t);
    free(default_out);
    loaded_free(&l);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    compare_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return cli_out_of_memory("compare", "starting");
    rc = compare(&a, ctx);
    scrutin_ctx_free(ctx);
    return rc;
}
