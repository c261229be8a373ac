/* scrutin sweep: one parameter varied over a range, the curve an analyst plots. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "distributed.h"
#include "job.h"
#include "out_dir.h"
#include "scrutin/plot.h"
#include "scrutin/sweep.h"

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
                                            CLI_JOB_OPTIONS_END};
    *a = (sweep_args){.common = CLI_COMMON_ARGS_INIT};
    uint64_t number;
    int c, rc = -1;
    optind = 1;
    while ((c = cli_job_option("sweep", argc, argv, options, &a->common, &rc)) != -1) {
        switch (c) {
        case CLI_OPT_EXIT: return rc;
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

/* What the library's sweep runs on: the sweep and the scenario's path. */
typedef struct sweep_study {
    scrutin_sweep *s;
    const char *scenario;
} sweep_study;

/*
 * Every step in turn, through the library's sweep (a cli_job_study_fn): each rank its
 * block of every step, the tallies summed onto rank 0.
 */
static int run_steps(void *data, const scrutin_sim_options *opt, const scrutin_reduce *ranks,
                     scrutin_ctx *ctx)
{
    const sweep_study *study = data;
    return scrutin_sweep_steps(study->s, study->scenario, opt, ranks, ctx);
}

/* What the write phase needs of a sweep. */
typedef struct sweep_state {
    const sweep_args *a;
    const scrutin_sweep *s;
    const scrutin_sweep_info *info;
} sweep_state;

/* The write phase (cli_job_write_fn): the sweep's files and plot, its table. */
static int write_sweep(cli_job *job, void *data, scrutin_ctx *ctx)
{
    const sweep_state *st = data;
    const sweep_args *a = st->a;
    size_t n;
    const char *const *names = scrutin_sweep_plot_names(&n);
    int status = scrutin_sweep_write(job->out, st->s, st->info, ctx);
    if (status == SCRUTIN_OK && a->common.plots) {
        status = scrutin_sweep_plot(job->out, st->s, ctx);
        if (status == SCRUTIN_OK)
            status = cli_job_draw(job, names, n, ctx);
    }
    if (status == SCRUTIN_OK && !a->common.quiet) {
        status = scrutin_sweep_print(stdout, st->s, a->common.format, ctx);
        if (status == SCRUTIN_OK)
            cli_job_say_files(job, "sweep.csv, sweep.json", "Plot", names, n);
    }
    return status;
}

/* After an interrupted sweep's results were written: which steps they hold. */
static void say_partial(const cli_job *job, const scrutin_sweep *s)
{
    if (s->completed[s->n_done - 1] < s->simulations)
        fprintf(stderr, "scrutin sweep: interrupted during step %zu of %zu, after %llu of its "
                        "%llu simulations; the results of steps 0 to %zu are in %s/ "
                        "(sweep.json: \"partial\": true)\n",
                s->n_done - 1, s->n_steps, (unsigned long long)s->completed[s->n_done - 1],
                (unsigned long long)s->simulations, s->n_done - 1, job->out);
    else
        fprintf(stderr, "scrutin sweep: interrupted after %zu of %zu steps; their results are "
                        "in %s/ (sweep.json: \"partial\": true)\n",
                s->n_done, s->n_steps, job->out);
}

/* Load, simulate every step, write (a cli_command_fn). @return the exit status. */
static int sweep(const void *args, scrutin_ctx *ctx)
{
    const sweep_args *a = args;
    /* The scenario as it is first: its problems are reported as for any command. */
    scrutin_scenario *scenario;
    scrutin_model *model;
    int rc = cli_job_agree_loaded("sweep", cli_load_model(a->scenario, &scenario, &model, ctx),
                                  "the scenario");
    if (rc != EXIT_OK) {
        scrutin_model_free(model);
        scrutin_scenario_free(scenario);
        return rc;
    }
    char hash[SCRUTIN_SCENARIO_HASH_SIZE];
    int status = scrutin_report_scenario_hash(hash, sizeof hash, scenario, ctx);
    cli_job job;
    cli_job_start(&job, "sweep", &a->common,
                  a->common.out ? NULL : cli_default_out_dir(model, "-sweep"));
    /* Refused before simulating, not after: rank 0 alone writes. */
    if (status == SCRUTIN_OK)
        status = cli_job_open(&job, (const scrutin_scenario *const *)&scenario, 1, ctx);
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
    status = dist_agree(status, &job.reporter);
    double start = cli_now_seconds();
    if (status == SCRUTIN_OK)
        status = cli_job_spread(&job, run_steps, &(sweep_study){s, a->scenario}, ctx);
    info.simulate_seconds = dist_max(cli_now_seconds() - start);
    job.status = status;
    job.interrupted = status == SCRUTIN_EINTR;
    /* Rank 0 holds every step's sum over the ranks: it alone writes, and says why not. */
    if (cli_job_write(&job, s && s->n_done > 0, write_sweep, &(sweep_state){a, s, &info}, ctx))
        say_partial(&job, s);
    rc = cli_job_finish(&job, ctx);
    scrutin_sweep_free(s);
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    return rc;
}

int cmd_sweep(int argc, char **argv)
{
    sweep_args a;
    return cli_with_context(parse_args(argc, argv, &a), "sweep", sweep, &a);
}
