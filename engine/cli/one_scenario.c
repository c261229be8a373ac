/* The opening of every command (job.h): a context of its own; for replay, validate and show, one
   scenario loaded, handed on, freed. */
#include "job.h"

int cli_with_context(int parsed, const char *command, cli_command_fn fn, const void *args)
{
    if (parsed >= 0)
        return parsed;
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return cli_out_of_memory(command, "starting");
    int rc = fn(args, ctx);
    scrutin_ctx_free(ctx);
    return rc;
}

/* What cli_with_scenario() hands on. */
typedef struct one_scenario {
    const char *path;
    cli_scenario_fn fn;
    void *data;
} one_scenario;

static int load_and_hand_on(const void *args, scrutin_ctx *ctx)
{
    const one_scenario *one = args;
    scrutin_scenario *scenario;
    scrutin_model *model;
    int rc = cli_load_model(one->path, &scenario, &model, ctx);
    rc = one->fn(one->path, rc == EXIT_OK ? model : NULL, rc, one->data, ctx);
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    return rc;
}

int cli_with_scenario(const char *command, const char *path, cli_scenario_fn fn, void *data)
{
    return cli_with_context(-1, command, load_and_hand_on, &(one_scenario){path, fn, data});
}
