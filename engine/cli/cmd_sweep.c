/* scrutin sweep: one parameter varied over a range, the curve an analyst plots. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "progress.h"
#include "scrutin/sweep.h"

static const char sweep_help[] =
    "Usage: scrutin sweep SCENARIO --set PATH --from A --to B --steps K [-n N]\n"
    "                     [--seed S] [--threads T] [--out DIR]\n"
    "                     [--format table|csv|json|md] [--no-progress] [-q|--quiet]\n"
    "\n"
    "Simulate SCENARIO K times, N simulations each, with the value at PATH set to\n"
    "K evenly spaced values from A to B (both included), and write, per step and\n"
    "coalition, P(majority) and the mean seats (final, after the court) with their\n"
    "standard errors. Every step uses the same seed, so the steps share common\n"
    "random numbers and the curve is smooth.\n"
    "\n"
    "PATH is a dotted path of keys into the scenario, with [N] for the N-th item\n"
    "(from 0) of a sequence: model.sd_list, model.runoff.retention,\n"
    "court.model.round2.base, rules.round2_registered, changes[0].points.\n"
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
    "      --no-progress    no progress bar\n"
    "  -q, --quiet          print nothing on standard output, and no progress bar\n"
    "  -h, --help           show this help\n"
    "\n"
    "Files written into DIR (docs/cli.md):\n"
    "  sweep.csv   step,value,coalition,p_majority,p_majority_se,mean_seats,mean_se\n"
    "  sweep.json  the same rows, the scenario's name and hash, the path, the values,\n"
    "              seed and simulations; threads and timings under \"execution\"\n"
    "\n"
    "Exit status: 0 success, 1 failure while running, 2 bad input (the scenario, a\n"
    "step's value, or an option).\n";

enum { MAX_THREADS = 1024, MAX_STEPS = 1000 };

typedef struct sweep_args {
    const char *scenario, *path, *out;
    double from, to;
    int have_from, have_to;
    unsigned steps;
    uint64_t simulations, seed;
    int threads;
    scrutin_format format;
    int progress, quiet;
} sweep_args;

/* A finite number, read in the C locale (the program never sets another). */
static int parse_number(const char *text, double *out)
{
    char *end = NULL;
    errno = 0;
    double x = strtod(text, &end);
    if (end == text || *end || errno == ERANGE || !isfinite(x))
        return -1;
    *out = x;
    return 0;
}

/* @return -1 to go on, or the exit status. */
static int parse_args(int argc, char **argv, sweep_args *a)
{
    enum { OPT_NO_PROGRESS = 256, OPT_SET, OPT_FROM, OPT_TO, OPT_STEPS };
    static const struct option options[] = {{"set", required_argument, NULL, OPT_SET},
                                            {"from", required_argument, NULL, OPT_FROM},
                                            {"to", required_argument, NULL, OPT_TO},
                                            {"steps", required_argument, NULL, OPT_STEPS},
                                            {"simulations", required_argument, NULL, 'n'},
                                            {"seed", required_argument, NULL, 's'},
                                            {"threads", required_argument, NULL, 't'},
                                            {"out", required_argument, NULL, 'o'},
                                            {"format", required_argument, NULL, 'f'},
                                            {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
                                            {"quiet", no_argument, NULL, 'q'},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    memset(a, 0, sizeof *a);
    a->simulations = 10000;
    a->seed = 1;
    a->format = SCRUTIN_FORMAT_TABLE;
    a->progress = 1;
    uint64_t number;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "n:s:t:o:f:qh", options, NULL)) != -1) {
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
        case 'n':
            if (cli_parse_seed(optarg, &a->simulations) != 0 || a->simulations == 0 ||
                a->simulations > INT64_MAX)
                return cli_usage_error("sweep", "\"%s\" is not a number of simulations (a whole "
                                                "number >= 1)", optarg);
            break;
        case 's':
            if (cli_parse_seed(optarg, &a->seed) != 0)
                return cli_usage_error("sweep", "\"%s\" is not a seed (a whole number >= 0)",
                                       optarg);
            break;
        case 't':
            if (cli_parse_seed(optarg, &number) != 0 || number > MAX_THREADS)
                return cli_usage_error("sweep", "\"%s\" is not a number of threads (a whole "
                                                "number from 0 to %d; 0: OpenMP's default)",
                                       optarg, MAX_THREADS);
            a->threads = (int)number;
            break;
        case 'o':
            if (!optarg[0])
                return cli_usage_error("sweep", "the output folder's name is empty");
            a->out = optarg;
            break;
        case 'f':
            if (scrutin_format_parse(&a->format, optarg) != SCRUTIN_OK)
                return cli_usage_error("sweep", "unknown format \"%s\" (table, csv, json or md)",
                                       optarg);
            break;
        case OPT_NO_PROGRESS: a->progress = 0; break;
        case 'q': a->quiet = 1; break;
        case 'h': fputs(sweep_help, stdout); return EXIT_OK;
        default: return cli_usage_error("sweep", "bad option");
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("sweep", "expected one scenario file");
    if (!a->path || !a->have_from || !a->have_to || a->steps == 0)
        return cli_usage_error("sweep", "--set, --from, --to and --steps are required");
    a->scenario = argv[optind];
    return -1;
}

/* results/NAME-sweep; freed by the caller. */
static char *default_out_dir(const scrutin_model *model)
{
    const char *name = scrutin_model_name(model);
    size_t size = strlen("results/-sweep") + strlen(name) + 1;
    char *out = malloc(size);
    if (out)
        snprintf(out, size, "results/%s-sweep", name);
    return out;
}

static int sweep(const sweep_args *a, scrutin_ctx *ctx)
{
    /* The scenario as it is first: its problems are reported as for any command. */
    scrutin_scenario *scenario;
    scrutin_model *model;
    int rc = cli_load_model(a->scenario, &scenario, &model, ctx);
    if (rc != EXIT_OK)
        return rc;
    char hash[SCRUTIN_SCENARIO_HASH_SIZE];
    int status = scrutin_report_scenario_hash(hash, sizeof hash, scenario, ctx);
    char *default_out = a->out ? NULL : default_out_dir(model);
    const char *out = a->out ? a->out : default_out;
    if (status == SCRUTIN_OK && !out)
        status = SCRUTIN_ENOMEM;
    scrutin_sweep_info info = SCRUTIN_SWEEP_INFO_INIT;
    info.scenario_hash = hash;
    info.scenario_path = a->scenario;
    info.seed = a->seed;
    info.threads = a->threads;
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
    scrutin_sweep *s = NULL;
    double start = cli_now_seconds();
    if (status == SCRUTIN_OK)
        status = scrutin_sweep_run(&s, a->scenario, a->path, a->from, a->to, a->steps, &opt, ctx);
    info.simulate_seconds = cli_now_seconds() - start;
    if (opt.progress)
        cli_progress_clear(&bar);
    if (status == SCRUTIN_OK)
        status = scrutin_sweep_write(out, s, &info, ctx);
    if (status == SCRUTIN_OK && !a->quiet) {
        status = scrutin_sweep_print(stdout, s, a->format, ctx);
        if (status == SCRUTIN_OK && a->format == SCRUTIN_FORMAT_TABLE)
            printf("\nFiles written to %s/: sweep.csv, sweep.json\n", out);
        else if (status == SCRUTIN_OK && a->format == SCRUTIN_FORMAT_MD)
            printf("\nFiles written to `%s/`.\n", out);
    }
    if (status != SCRUTIN_OK)
        cli_print_diagnostics(ctx);
    scrutin_sweep_free(s);
    free(default_out);
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    return cli_exit_status(status);
}

int cmd_sweep(int argc, char **argv)
{
    sweep_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return EXIT_FAILURE_RUN;
    rc = sweep(&a, ctx);
    scrutin_ctx_free(ctx);
    return rc;
}
