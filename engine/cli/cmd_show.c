/* scrutin show: the ids, names and counts of a scenario's entities, for writing what-ifs. */
#include <getopt.h>

#include "cli.h"
#include "job.h"

static const char show_help[] =
    "Usage: scrutin show SCENARIO [--format table|csv|json|md]\n"
    "\n"
    "List the scenario's parties, coalitions, regions, districts, lists and\n"
    "electoral systems as compiled, after inheritance and a what-if's changes\n"
    "(merged lists under their new ids): their ids, names and counts, each\n"
    "party's coalition, each district's region and seats, each list's district,\n"
    "kind, parties, coalition and whether it runs: the ids a what-if names.\n"
    "\n"
    "  -f, --format FMT  table (default), csv (one table, a row per entity, with a\n"
    "                    kind column), json (an array per kind) or md\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit status: 0 success, 1 failure while writing, 2 bad input (scenario or\n"
    "options).\n";

/* cli_scenario_fn: list the entities of the scenario loaded. */
static int show_loaded(const char *path, const scrutin_model *model, int rc, void *data,
                       scrutin_ctx *ctx)
{
    (void)path;
    if (rc != EXIT_OK)
        return rc;
    int status = scrutin_report_show(stdout, model, *(const scrutin_format *)data, ctx);
    if (status != SCRUTIN_OK)
        cli_print_diagnostics(ctx);
    return cli_exit_status(status);
}

int cmd_show(int argc, char **argv)
{
    static const struct option options[] = {{"format", required_argument, NULL, 'f'},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    scrutin_format format = SCRUTIN_FORMAT_TABLE;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:h", options, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (scrutin_format_parse(&format, optarg) != SCRUTIN_OK)
                return cli_usage_error("show", "unknown format \"%s\" (table, csv, json or md)",
                                       optarg);
            break;
        case 'h': fputs(show_help, stdout); return EXIT_OK;
        default: return cli_usage_error("show", "bad option");
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("show", "expected one scenario file");
    return cli_with_scenario("show", argv[optind], show_loaded, &format);
}
