/* scrutin sweep: one parameter varied over a range, the curve an analyst plots. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "distributed.h"
#include "out_dir.h"
#include "outcome.h"
#include "plot_render.h"
#include "progress.h"
#include "scrutin/plot.h"
#include "scrutin/sweep.h"
#include "stop_signal.h"

static const char sweep_help[] =
    "Usage: scrutin sweep SCENARIO --set PATH --from A --to B --steps K [-n N]\n"
    "                     [--seed S] [--threads T] [--out DIR]\n"
    "                     [--format table|csv|json|md] [--plots] [--no-progress]\n"
    "                     [-q|--quiet]\n"
    "\n"
    "Simulate SCENARIO K times, N simulations each, with the value at PATH set to\n"
    "K evenly spaced values from A to B (both included), and write, per step and\n"
    "coalition, P(majority) and the mean seats (final, after the court) with their\n"
    "standard errors. Every step uses the same seed, so the steps share common\n"
    "random numbers and the curve is smooth.\n"
    "\n"
    "PATH is a dotted path of keys into the scenario, with [N] for the N-th item\n"
    "(from 0) of a sequence: model.sd_list, model.runoff.retention,\n"
    "court.model.round2.base, rules.round2_registered, changes[0].shift.points.\n"
    "A key the scenario leaves out is added; the value must suit the key (a whole\n"
    "number for rules.round2_lists, say), else the step is reported as bad input.\n"
    "\n"
    "      --set PATH       the value to vary (required)\n"
    "      --from A         first value (required)\n"
    "      --to B           last value (required)\n"
    "      --steps K        number of values, 1 to 1000 (required; 1: A alone)\n"
    "  -n, --simulations N  simulations per step (default 10000; >= 1)\n"
    "  -s, --seed S         seed of the random streams, 0 to 2^64-1 (default 1)\n"
    "  -t, --threads T      threads (default 0: OpenMP's default, OMP_NUM_THREADS)\n"
    "  -o, --out DIR        output folder, created if missing (default\n"
    "                       results/NAME-sweep, NAME being the scenario's name)\n"
    "  -f, --format FMT     standard output: table (default), csv, json or md\n"
    "      --plots          also write the plot of each coalition's P(majority)\n"
    "                       against the value into DIR/plots/ (data and gnuplot\n"
    "                       script) and draw it as SVG and PNG with gnuplot, if it is\n"
    "                       on the PATH (else say how to draw it later)\n"
    "      --no-progress    no progress bar\n"
    "  -q, --quiet          print nothing on standard output, and no progress bar\n"
    "  -h, --help           show this help\n"
    "\n"
    "Files written into DIR (docs/cli.md):\n"
    "  sweep.csv   step,value,coalition,p_majority,p_majority_se,mean_seats,mean_se\n"
    "  sweep.json  the same rows, the scenario's name and hash, the path, the values,\n"
    "              seed, simulations, the steps completed; threads, ranks and\n"
    "              timings under \"execution\"\n"
    "  plots/sweep_majority.{csv,gp,svg,png}  with --plots\n"
    "\n"
    "Interrupting (Ctrl-C, SIGTERM) stops the sweep: the steps done, and the\n"
    "simulations completed of the step under way, are written, with \"partial\":\n"
    "true in sweep.json. A second Ctrl-C quits at once.\n"
    "\n"
    "Exit status: 0 success (also when gnuplot is missing), 1 failure while running\n"
    "(gnuplot failing included), 2 bad input (the scenario, a step's value, or an\n"
    "option), 130 interrupted by SIGINT, 143 by SIGTERM.\n";

enum { MAX_STEPS = 1000 };

typedef struct sweep_args {
    const char *scenario, *path;
    double from, to;
    int have_from, have_to;
    unsigned steps;
    cli_common_args common;
} sweep_args;

/* A finite number, read in the C locale (the program never sets another). */
static int parse_number(const char *text, double *out) { return cli_parse_real(text, out); }

/* @return -1 to go on, or the exit status. */
static int parse_args(int argc, char **argv, sweep_args *a)
{
    enum { OPT_SET = CLI_OPT_OWN, OPT_FROM, OPT_TO, OPT_STEPS };
    static const struct option options[] = {{"set", required_argument, NULL, OPT_SET},
                                            {"from", required_argument, NULL, OPT_FROM},
                                            {"to", required_argument, NULL, OPT_TO},
                                            {"steps", required_argument, NULL, OPT_STEPS},
                                            CLI_SHARED_LONG_OPTIONS,
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    *a = (sweep_args){.common = CLI_COMMON_ARGS_INIT};
    uint64_t number;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, CLI_SHARED_SHORT_OPTIONS "h", options, NULL)) != -1) {
        int shared = cli_shared_option("sweep", c, optarg, &a->common);
        if (shared != CLI_NOT_SHARED) {
            if (shared >= 0)
                return shared;
            continue;
        }
        switch (c) {
        case OPT_SET:
            if (!optarg[0])
                return cli_usage_error("sweep", "--set needs a path, such as model.sd_list");
            a->path = optarg;
            break;
        case OPT_FROM:
            if (parse_number(optarg, &a->from) != 0)
                return cli_usage_error("sweep", "--from \"%s\" is not a finite number", optarg);
            a->have_from = 1;
            break;
        case OPT_TO:
            if (parse_number(optarg, &a->to) != 0)
                return cli_usage_error("sweep", "--to \"%s\" is not a finite number", optarg);
            a->have_to = 1;
            break;
        case OPT_STEPS:
            if (cli_parse_seed(optarg, &number) != 0 || number < 1 || number > MAX_STEPS)
                return cli_usage_error("sweep", "--steps \"%s\" is not a number of steps from 1 "
                                                "to %d", optarg, MAX_STEPS);
            a->steps = (unsigned)number;
            break;
        case 'h': fputs(sweep_help, stdout); return EXIT_OK;
        default: return cli_bad_option("sweep", options, argc, argv);
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("sweep", "expected one scenario file");
    if (!a->path || !a->have_from || !a->have_to || a->steps == 0)
        return cli_usage_error("sweep", "--set, --from, --to and --steps are required");
    a->scenario = argv[optind];
    return -1;
}

/*
 * Every step in turn, through the library's sweep (scrutin_sweep_steps) with the ranks'
 * hooks: each rank its block of every step, the tallies summed onto rank 0. Stoppable by
 * SIGINT and SIGTERM. @return 0, SCRUTIN_EINTR or a failure (*reporter: the rank that
 * says why).
 */
static int run_steps(scrutin_sweep *s, const sweep_args *a, int *reporter, scrutin_ctx *ctx)
{
    scrutin_sim_options opt = SCRUTIN_SIM_OPTIONS_INIT;
    opt.seed = a->common.seed;
    opt.count = a->common.simulations;
    opt.threads = a->common.threads;
    opt.simd = cli_simd();
    opt.stop = cli_stop_flag();
    cli_progress bar;
    if (a->common.progress && !a->common.quiet && dist_is_root() && isatty(STDERR_FILENO)) {
        cli_progress_start(&bar, stderr);
        opt.progress = cli_progress_report;
        opt.progress_data = &bar;
    }
    scrutin_reduce ranks;
    dist_reduce_hooks(&ranks, reporter);
    cli_stop_saved saved;
    cli_stop_catch(&saved);
    int status = scrutin_sweep_steps(s, a->scenario, &opt, &ranks, ctx);
    cli_stop_release(&saved);
    if (opt.progress)
        cli_progress_clear(&bar);
    return status;
}

/* Write the sweep's files and plot, print its table (rank 0 only). */
static int write_results(scrutin_output *output, const char *out, const scrutin_sweep *s,
                         const scrutin_sweep_info *info, const sweep_args *a,
                         cli_render_result *drawn, scrutin_ctx *ctx)
{
    int status = scrutin_sweep_write(out, s, info, ctx);
    if (status == SCRUTIN_OK && a->common.plots) {
        status = scrutin_sweep_plot(out, s, ctx);
        size_t n;
        const char *const *names = scrutin_sweep_plot_names(&n);
        if (status == SCRUTIN_OK) {
            *drawn = cli_render_plots("sweep", out, names, n);
            status = cli_output_add_images(output, names, n, ctx);
        }
    }
    if (status == SCRUTIN_OK && !a->common.quiet) {
        status = scrutin_sweep_print(stdout, s, a->common.format, ctx);
        if (status == SCRUTIN_OK && a->common.format == SCRUTIN_FORMAT_TABLE) {
            printf("\nFiles written to %s/: sweep.csv, sweep.json\n", out);
            if (a->common.plots && *drawn == CLI_RENDER_DONE)
                printf("Plot drawn in %s/%s/: sweep_majority (.svg, .png)\n", out,
                       SCRUTIN_PLOT_DIR);
        } else if (status == SCRUTIN_OK && a->common.format == SCRUTIN_FORMAT_MD) {
            printf("\nFiles written to `%s/`.\n", out);
        }
    }
    return status;
}

static int sweep(const sweep_args *a, scrutin_ctx *ctx)
{
    /* The scenario as it is first: its problems are reported as for any command. */
    scrutin_scenario *scenario;
    scrutin_model *model;
    int reporter = 0;
    int rc = dist_agree(cli_load_model(a->scenario, &scenario, &model, ctx), &reporter);
    if (rc != EXIT_OK) {
        if (reporter != dist_rank() && dist_is_root())
            fprintf(stderr, "scrutin sweep: rank %d could not load the scenario\n", reporter);
        scrutin_model_free(model);
        scrutin_scenario_free(scenario);
        return rc < 0 ? EXIT_FAILURE_RUN : rc;
    }
    char hash[SCRUTIN_SCENARIO_HASH_SIZE];
    int status = scrutin_report_scenario_hash(hash, sizeof hash, scenario, ctx);
    char *default_out = a->common.out ? NULL : cli_default_out_dir(model, "-sweep");
    const char *out = a->common.out ? a->common.out : default_out;
    if (status == SCRUTIN_OK && !out)
        status = SCRUTIN_ENOMEM;
    /* Refused before simulating, not after: rank 0 alone writes. */
    scrutin_output *output = NULL;
    if (status == SCRUTIN_OK)
        status = cli_output_open(&output, out, (const scrutin_scenario *const *)&scenario, 1, ctx);
    scrutin_sweep_info info = SCRUTIN_SWEEP_INFO_INIT;
    info.scenario_hash = hash;
    info.scenario_path = a->scenario;
    info.seed = a->common.seed;
    info.threads = a->common.threads;
    info.ranks = dist_size();
    info.model = model;
    info.command_line = cli_command_line();
    info.simd = scrutin_simd_name(cli_simd());
    scrutin_sweep *s = NULL;
    if (status == SCRUTIN_OK)
        status = scrutin_sweep_new(&s, a->path, a->from, a->to, a->steps, a->common.simulations, ctx);
    status = dist_agree(status, &reporter);
    double start = cli_now_seconds();
    if (status == SCRUTIN_OK)
        status = run_steps(s, a, &reporter, ctx);
    info.simulate_seconds = dist_max(cli_now_seconds() - start);
    int interrupted = status == SCRUTIN_EINTR;
    cli_render_result drawn = CLI_RENDER_DONE;
    if (interrupted && (!s || s->n_done == 0)) {
        cli_say_nothing_written("sweep");
    } else if ((status == SCRUTIN_OK || interrupted) && dist_is_root()) {
        /* Rank 0 holds every step's sum over the ranks: it alone writes, and says why not. */
        reporter = 0;
        cli_stop_saved writing; /* a signal now waits for the writes (cli_stop_defer) */
        cli_stop_defer(&writing);
        status = write_results(output, out, s, &info, a, &drawn, ctx);
        status = cli_output_end(output, "sweep", status, ctx);
        cli_stop_release(&writing);
        output = NULL;
        if (status == SCRUTIN_OK && interrupted && s->completed[s->n_done - 1] < s->simulations)
            fprintf(stderr, "scrutin sweep: interrupted during step %zu of %zu, after %llu of its "
                            "%llu simulations; the results of steps 0 to %zu are in %s/ "
                            "(sweep.json: \"partial\": true)\n",
                    s->n_done - 1, s->n_steps, (unsigned long long)s->completed[s->n_done - 1],
                    (unsigned long long)s->simulations, s->n_done - 1, out);
        else if (status == SCRUTIN_OK && interrupted)
            fprintf(stderr, "scrutin sweep: interrupted after %zu of %zu steps; their results are "
                            "in %s/ (sweep.json: \"partial\": true)\n",
                    s->n_done, s->n_steps, out);
    }
    scrutin_output_abandon(output);
    rc = cli_finish("sweep", &(cli_outcome){status, reporter, interrupted, drawn, NULL}, ctx);
    scrutin_sweep_free(s);
    free(default_out);
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    return rc;
}

int cmd_sweep(int argc, char **argv)
{
    sweep_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return cli_out_of_memory("sweep", "starting");
    rc = sweep(&a, ctx);
    scrutin_ctx_free(ctx);
    return rc;
}
