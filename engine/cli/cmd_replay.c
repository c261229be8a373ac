/* scrutin replay: the published result from the observed data. */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char replay_help[] =
    "Usage: scrutin replay SCENARIO [--format table|csv|json|md] [--seed S]\n"
    "\n"
    "Apply the rules once to the scenario's observed votes and the court's actual\n"
    "decisions, and print the seats per party and coalition: won in round 1,\n"
    "provisional (before the court's decisions after the vote) and final.\n"
    "\n"
    "  -f, --format FMT  table (default), csv, json or md. The CSV has the columns\n"
    "                    stage,group_kind,group,seats.\n"
    "  -s, --seed S      seed of the lots that break exact ties (default 1)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 success, 1 failure while running, 2 bad input.\n";

int cmd_replay(int argc, char **argv)
{
    static const struct option options[] = {{"format", required_argument, NULL, 'f'},
                                            {"seed", required_argument, NULL, 's'},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    scrutin_format format = SCRUTIN_FORMAT_TABLE;
    uint64_t seed = 1;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:s:h", options, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (scrutin_format_parse(&format, optarg) != SCRUTIN_OK)
                return cli_usage_error("replay", "unknown format \"%s\"", optarg);
            break;
        case 's':
            if (cli_parse_seed(optarg, &seed) != 0)
                return cli_usage_error("replay", "\"%s\" is not a seed (a whole number >= 0)",
                                       optarg);
            break;
        case 'h': fputs(replay_help, stdout); return EXIT_OK;
        default: return cli_usage_error("replay", "bad option");
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("replay", "expected one scenario file");
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return EXIT_FAILURE_RUN;
    scrutin_scenario *scenario;
    scrutin_model *model;
    int rc = cli_load_model(argv[optind], &scenario, &model, ctx);
    if (rc == EXIT_OK) {
        scrutin_replay *replay = NULL;
        int status = scrutin_replay_run(&replay, model, seed, ctx);
        if (status == SCRUTIN_OK)
            status = scrutin_report_replay(stdout, model, replay, format, ctx);
        if (status != SCRUTIN_OK)
            cli_print_diagnostics(ctx);
        rc = cli_exit_status(status);
        scrutin_replay_free(replay);
    }
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    scrutin_ctx_free(ctx);
    return rc;
}
