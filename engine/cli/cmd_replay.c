/* scrutin replay: the published result from the observed data. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "job.h"

static const char replay_help[] =
    "Usage: scrutin replay SCENARIO [--format table|csv|json|md] [--seed S] [--partial]\n"
    "\n"
    "Apply the rules once to the scenario's observed votes and the court's actual\n"
    "decisions, and print the seats per party and coalition: won in round 1,\n"
    "provisional (before the court's decisions after the vote) and final.\n"
    "A scenario with several electoral systems (`systems:`) is replayed under\n"
    "each, on the same votes; a two-round system that would send to round 2 a\n"
    "list without round-2 votes cannot be, and is reported (exit status 2).\n"
    "\n"
    "  -f, --format FMT  table (default), csv, json or md. The CSV has the columns\n"
    "                    stage,group_kind,group,seats; with several systems a\n"
    "                    leading system column.\n"
    "  -s, --seed S      seed of the lots that break exact ties (default 1)\n"
    "  --partial         partial results: a district that reaches round 2 without\n"
    "                    any round-2 result (votes_r2 or winner_r2) is not refused;\n"
    "                    its seats are left unfilled and it is named on stderr\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 success, 1 failure while running, 2 bad input.\n";

/*
 * Replay every electoral system of the scenario and print their tables
 * together. A system that cannot be replayed (a two-round system sending to
 * round 2 a list without round-2 votes) is reported and left out; the others
 * are printed, and the exit status says that something was missing.
 */
/* With --partial: the districts whose round 2 has no result, on stderr. */
static void say_unknown(const scrutin_model *model, const scrutin_replay *r)
{
    if (r->districts_unknown == 0)
        return;
    fprintf(stderr, "scrutin replay: %zu district%s (%u seats) reach round 2 without a round-2 "
                    "result, left unfilled:",
            r->districts_unknown, r->districts_unknown == 1 ? "" : "s", r->seats_unknown);
    for (size_t d = 0, k = 0; d < r->n_districts; d++)
        if (r->unknown[d])
            fprintf(stderr, "%s %s", k++ ? "," : "",
                    scrutin_model_id(model, SCRUTIN_ENTITY_DISTRICT, d));
    fputc('\n', stderr);
}

static int replay_systems(const scrutin_model *model, uint64_t seed, scrutin_format format,
                          int partial, scrutin_ctx *ctx)
{
    size_t n = scrutin_model_systems(model), done = 0;
    scrutin_replay **replays = calloc(n, sizeof *replays);
    if (!replays)
        return cli_out_of_memory("replay", "replaying the election");
    int status = SCRUTIN_OK;
    for (size_t s = 0; s < n; s++) {
        int one = partial ? scrutin_replay_run_partial(&replays[done], model, s, seed, ctx)
                          : scrutin_replay_run_system(&replays[done], model, s, seed, ctx);
        if (one == SCRUTIN_OK && s == 0)
            say_unknown(model, replays[done]);
        if (one == SCRUTIN_OK)
            done++;
        else if (status == SCRUTIN_OK)
            status = one;
    }
    if (status != SCRUTIN_OK)
        cli_fail("replay", status, ctx, "replaying the election");
    if (done > 0 && status != SCRUTIN_ENOMEM) {
        scrutin_ctx_clear(ctx);
        int written = scrutin_report_replays(stdout, model, (const scrutin_replay *const *)replays,
                                             done, format, ctx);
        if (written != SCRUTIN_OK) {
            cli_fail("replay", written, ctx, "writing the tables");
            status = written;
        }
    }
    for (size_t i = 0; i < done; i++)
        scrutin_replay_free(replays[i]);
    free(replays);
    return cli_exit_status(status);
}

typedef struct replay_args {
    uint64_t seed;
    scrutin_format format;
    int partial;
} replay_args;

/* cli_scenario_fn: replay the scenario loaded. */
static int replay_loaded(const char *path, const scrutin_model *model, int rc, void *data,
                         scrutin_ctx *ctx)
{
    (void)path;
    const replay_args *r = data;
    return rc == EXIT_OK ? replay_systems(model, r->seed, r->format, r->partial, ctx) : rc;
}

int cmd_replay(int argc, char **argv)
{
    static const struct option options[] = {{"format", required_argument, NULL, 'f'},
                                            {"seed", required_argument, NULL, 's'},
                                            {"partial", no_argument, NULL, 'p'},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    scrutin_format format = SCRUTIN_FORMAT_TABLE;
    int partial = 0;
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
        case 'p': partial = 1; break;
        case 'h': fputs(replay_help, stdout); return EXIT_OK;
        default: return cli_bad_option("replay", options, argc, argv);
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("replay", "expected one scenario file");
    replay_args r = {seed, format, partial};
    return cli_with_scenario("replay", argv[optind], replay_loaded, &r);
}
