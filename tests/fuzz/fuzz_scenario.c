/*
 * Fuzz target: a whole scenario, from the YAML file to a replay and a few
 * simulations. The input is up to three parts separated by NUL bytes:
 *
 *     scenario.yaml \0 districts.csv \0 lists.csv
 *
 * written as three files into a private folder (parts left out are written
 * from the small teaching scenario, so that a YAML-only input still loads
 * tables). What loads and compiles is then replayed, and simulated a few
 * times on one thread: fuzzed parameters reach the model's arithmetic.
 * Whatever the input, nothing may crash, leak or trip a sanitizer.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_files.h"
#include "scrutin.h"

static const char small_districts[] =
    "district,name,region,seats,registered,voters,invalid,voters_r2,invalid_r2,source,note\n"
    "D1,District one,North,3,10000,5000,100,,,test,\n"
    "D2,District two,North,2,8000,4000,0,3000,0,test,\n"
    "D3,District three,South,1,6000,3000,0,2000,0,test,\n";

static const char small_lists[] =
    "district,list,name,kind,candidates,votes_r1,votes_r2,source,note\n"
    "D1,A-B,\"Joint list, A and B\",joint,A;A;B,2600,,test,\n"
    "D1,C,Party C,party,C;C;C,2300,,test,\n"
    "D2,A,Party A,party,A;A,1800,1600,test,\n"
    "D2,C,Party C,party,C;C,1500,1400,test,\n"
    "D2,ind,Independents,independent,IND;IND,700,,test,\n"
    "D3,B,Party B,party,B,1400,900,test,\n"
    "D3,C,Party C,party,C,1200,1100,test,\n"
    "D3,ind,Independents,independent,IND,400,,test,\n"
    "D3,ind-d3,Rejected,independent,IND,,,test,\n";

/* Simulations per input: enough to run every stage, few enough to keep thousands of inputs a second. */
enum { SIMULATIONS = 4 };

static void exercise(const scrutin_model *model, scrutin_ctx *ctx)
{
    scrutin_replay *replay = NULL;
    if (scrutin_replay_run(&replay, model, 1, ctx) == SCRUTIN_OK)
        scrutin_replay_free(replay);
    scrutin_tally *tally = NULL;
    if (scrutin_tally_new(&tally, model) != SCRUTIN_OK)
        return;
    scrutin_sim_options opt = SCRUTIN_SIM_OPTIONS_INIT;
    opt.count = SIMULATIONS;
    opt.threads = 1;
    if (scrutin_sim_run(tally, model, &opt, ctx) == SCRUTIN_OK) {
        scrutin_summary *summary = NULL;
        if (scrutin_summary_compute(&summary, model, tally, ctx) == SCRUTIN_OK)
            scrutin_summary_free(summary);
    }
    scrutin_tally_free(tally);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *names[3] = {"scenario.yaml", "districts.csv", "lists.csv"};
    const char *fallback[3] = {"", small_districts, small_lists};
    char paths[3][512];
    const uint8_t *part = data, *end = data + size;
    for (int k = 0; k < 3; k++) {
        if (!fuzz_path(names[k], paths[k], sizeof paths[k]))
            return 0;
        const uint8_t *nul = part ? memchr(part, 0, (size_t)(end - part)) : NULL;
        const uint8_t *stop = nul ? nul : end;
        int ok = part ? fuzz_write(paths[k], part, (size_t)(stop - part))
                      : fuzz_write(paths[k], fallback[k], strlen(fallback[k]));
        if (ok != 0)
            return 0;
        part = nul ? nul + 1 : NULL;
    }
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return 0;
    scrutin_scenario *scenario = NULL;
    int status = scrutin_scenario_load(&scenario, paths[0], ctx);
    if (scenario) {
        /* A scenario with bad cells is still compiled, as `scrutin validate` does. */
        scrutin_model *model = NULL;
        int compiled = scrutin_model_compile(&model, scenario, ctx);
        if (status == SCRUTIN_OK && compiled == SCRUTIN_OK)
            exercise(model, ctx);
        scrutin_model_free(model);
    }
    /* Every diagnostic formats: the CLI prints them all. */
    char buf[2048];
    for (size_t i = 0; i < scrutin_ctx_count(ctx); i++)
        scrutin_ctx_format(ctx, i, buf, sizeof buf);
    scrutin_scenario_free(scenario);
    scrutin_ctx_free(ctx);
    return 0;
}
