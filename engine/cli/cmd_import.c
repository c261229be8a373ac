/*
 * scrutin init DIR: a small commented scenario to edit.
 * scrutin import RESULTS.csv --out DIR: a scenario from a results table.
 * Both are then checked as `scrutin validate` would (docs/user-guide.md, "Your own election").
 */
#include <getopt.h>

#include "cli.h"

static const char init_help[] =
    "Usage: scrutin init DIR [--force]\n"
    "\n"
    "Write a small commented scenario into DIR (created if missing): scenario.yaml,\n"
    "districts.csv, lists.csv and a what-if, three districts, three parties, two\n"
    "coalitions. It validates and runs as it is; edit it for your election\n"
    "(docs/scenario-format.md).\n"
    "\n"
    "  --force      write into DIR even if it is not empty (files of the same names\n"
    "               are replaced; nothing else is touched)\n"
    "  -h, --help   show this help\n"
    "\n"
    "A folder that is not empty is refused without --force, so that no scenario is\n"
    "overwritten by accident.\n"
    "Exit status: 0 written, 2 bad input (nothing written), 1 failure while writing.\n";

static const char import_help[] =
    "Usage: scrutin import RESULTS.csv --out DIR [--name NAME] [--force]\n"
    "\n"
    "Make a scenario (scenario.yaml, districts.csv, lists.csv) in DIR from a results\n"
    "table with one row per district and list, and check it as validate does.\n"
    "Columns (any order; docs/scenario-format.md, \"Importing a results table\"):\n"
    "  region,district,seats,list,kind,candidates,votes_r1 (required),\n"
    "  registered,voters,invalid,votes_r2,name,voters_r2,invalid_r2,other_votes,\n"
    "  winner_r2,district_name,source,note,district_source,district_note (optional).\n"
    "A district's own columns (region, seats, registered, voters, invalid, ...) may be\n"
    "given on its first row and left blank after; two rows that disagree are an error.\n"
    "Cells may be separated by ',' or ';' (then decimal commas are read: 4500,0).\n"
    "Parties are declared from the candidates, each in a coalition of its own: set\n"
    "the coalitions in scenario.yaml (its first lines say so).\n"
    "\n"
    "  -o, --out DIR   the scenario's folder (created if missing); required\n"
    "  --name NAME     the scenario's name (an id); default: made from DIR\n"
    "  --force         write into DIR even if it is not empty (files of the same\n"
    "                  names are replaced; nothing else is touched)\n"
    "  -h, --help      show this help\n"
    "\n"
    "Every problem is reported with the table's line and column; nothing is then\n"
    "written. Exit status: 0 written and valid, 2 bad input, 1 failure while writing.\n";

enum { OPT_FORCE = 1000, OPT_NAME };

/* After writing: the scenario checked as validate does, and what to do next. */
static int check_written(const char *command, const char *dir, scrutin_ctx *ctx)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/scenario.yaml", dir);
    scrutin_scenario *scenario;
    scrutin_model *model;
    int rc = cli_load_model(path, &scenario, &model, ctx);
    if (rc == EXIT_OK) {
        cli_warn_other_votes(command, path, model);
        printf("%s: written and valid: %zu parties, %zu districts, %zu lists, %u seats\n"
               "next: edit it, then scrutin validate %s; scrutin run %s --report\n",
               path, scrutin_model_count(model, SCRUTIN_ENTITY_PARTY),
               scrutin_model_count(model, SCRUTIN_ENTITY_DISTRICT),
               scrutin_model_count(model, SCRUTIN_ENTITY_LIST), scrutin_model_seats(model), path,
               path);
    } else {
        fprintf(stderr, "scrutin %s: %s was written but is not valid (above): edit it\n", command,
                path);
    }
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    return rc;
}

int cmd_init(int argc, char **argv)
{
    static const struct option options[] = {{"force", no_argument, NULL, OPT_FORCE},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    int c, force = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
        if (c == 'h') {
            fputs(init_help, stdout);
            return EXIT_OK;
        }
        if (c == OPT_FORCE) {
            force = 1;
            continue;
        }
        return cli_bad_option("init", options, argc, argv);
    }
    if (optind != argc - 1)
        return cli_usage_error("init", "expected one folder");
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return EXIT_FAILURE_RUN;
    int status = scrutin_init_scenario(argv[optind], force, ctx);
    int rc = cli_exit_status(status);
    if (status != SCRUTIN_OK)
        cli_print_diagnostics(ctx);
    else
        rc = check_written("init", argv[optind], ctx);
    scrutin_ctx_free(ctx);
    return rc;
}

int cmd_import(int argc, char **argv)
{
    static const struct option options[] = {{"out", required_argument, NULL, 'o'},
                                            {"name", required_argument, NULL, OPT_NAME},
                                            {"force", no_argument, NULL, OPT_FORCE},
                                            {"help", no_argument, NULL, 'h'},
                                            {NULL, 0, NULL, 0}};
    int c, force = 0;
    const char *out = NULL, *name = NULL;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case 'h': fputs(import_help, stdout); return EXIT_OK;
        case 'o': out = optarg; break;
        case OPT_NAME: name = optarg; break;
        case OPT_FORCE: force = 1; break;
        default: return cli_bad_option("import", options, argc, argv);
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("import", "expected one results table");
    if (!out)
        return cli_usage_error("import", "--out DIR is required: the folder of the new scenario");
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return EXIT_FAILURE_RUN;
    int status = scrutin_import_results(argv[optind], out, name, force, ctx);
    int rc = cli_exit_status(status);
    if (status != SCRUTIN_OK) {
        cli_print_diagnostics(ctx);
        if (scrutin_status_is_input_error(status))
            fprintf(stderr, "scrutin import: %s: %zu problem%s found; nothing written\n",
                    argv[optind], scrutin_ctx_count(ctx), scrutin_ctx_count(ctx) == 1 ? "" : "s");
    } else {
        rc = check_written("import", out, ctx);
    }
    scrutin_ctx_free(ctx);
    return rc;
}
