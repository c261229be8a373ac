/* scrutin validate: every problem of a scenario, not just the first. */
#include <getopt.h>

#include "cli.h"
#include "job.h"

static const char validate_help[] =
    "Usage: scrutin validate SCENARIO\n"
    "\n"
    "Load and check a scenario and the tables it names, and report every problem\n"
    "found, each with its file, line and field. Prints a summary when it is valid;\n"
    "a note on standard error if scrutin replay would refuse it (round-2 votes\n"
    "missing where round 2 happens), with replay's reason.\n"
    "\n"
    "Exit status: 0 valid, 2 invalid, 1 failure while running.\n";

/* cli_scenario_fn: the summary of a valid scenario, or how many problems were found. */
static int validate_loaded(const char *path, const scrutin_model *model, int rc, void *data,
                           scrutin_ctx *ctx)
{
    (void)data;
    if (rc != EXIT_OK) {
        fprintf(stderr, "scrutin: %s: %zu problem%s found\n", path, scrutin_ctx_count(ctx),
                scrutin_ctx_count(ctx) == 1 ? "" : "s");
        return rc;
    }
    if (cli_note_replay("validate", path, model) != SCRUTIN_OK)
        return cli_out_of_memory("validate", "replaying the election to see if replay can");
    cli_warn_other_votes("validate", path, model);
    printf("%s: valid: %zu parties, %zu coalitions, %zu regions, %zu districts, %zu lists, "
           "%u seats\n",
           path, scrutin_model_count(model, SCRUTIN_ENTITY_PARTY),
           scrutin_model_count(model, SCRUTIN_ENTITY_COALITION),
           scrutin_model_count(model, SCRUTIN_ENTITY_REGION),
           scrutin_model_count(model, SCRUTIN_ENTITY_DISTRICT),
           scrutin_model_count(model, SCRUTIN_ENTITY_LIST), scrutin_model_seats(model));
    return EXIT_OK;
}

int cmd_validate(int argc, char **argv)
{
    static const struct option options[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        if (c == 'h') {
            fputs(validate_help, stdout);
            return EXIT_OK;
        }
        return cli_bad_option("validate", options, argc, argv);
    }
    if (optind != argc - 1)
        return cli_usage_error("validate", "expected one scenario file");
    return cli_with_scenario("validate", argv[optind], validate_loaded, NULL);
}
