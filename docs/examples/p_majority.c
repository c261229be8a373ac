/*
 * p_majority: load a scenario, simulate its election 10,000 times and print
 * each coalition's probability of a majority after the court's decisions.
 * A client of scrutin's public API only (scrutin.h), built against the
 * installed library (docs/user-guide.md, "Using the library"):
 *
 *   cc p_majority.c $(pkg-config --cflags --libs scrutin) -o p_majority
 *   cmake -S . -B build && cmake --build build      (CMakeLists.txt beside this file)
 *
 *   ./p_majority scenarios/mali-2007/scenario.yaml
 */
#include <stdio.h>

#include <scrutin.h>

#define SIMULATIONS 10000

/* Print every diagnostic the library recorded: file, line, field and what is wrong. */
static void print_diagnostics(const scrutin_ctx *ctx, int status)
{
    char line[1024];
    for (size_t i = 0; i < scrutin_ctx_count(ctx); i++) {
        scrutin_ctx_format(ctx, i, line, sizeof line);
        fprintf(stderr, "p_majority: %s\n", line);
    }
    if (scrutin_ctx_count(ctx) == 0)
        fprintf(stderr, "p_majority: %s\n", scrutin_strerror(status));
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: p_majority SCENARIO\n");
        return 2;
    }
    scrutin_ctx *ctx = NULL;
    scrutin_scenario *scenario = NULL;
    scrutin_model *model = NULL;
    scrutin_tally *tally = NULL;
    scrutin_summary *summary = NULL;

    /* Each step runs only if the ones before it succeeded; the cleanup below frees what exists. */
    int status = scrutin_ctx_new(&ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_scenario_load(&scenario, argv[1], ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_model_compile(&model, scenario, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_tally_new(&tally, model);
    if (status == SCRUTIN_OK) {
        scrutin_sim_options options = SCRUTIN_SIM_OPTIONS_INIT;
        options.seed = 1;
        options.count = SIMULATIONS;
        status = scrutin_sim_run(tally, model, &options, ctx);
    }
    if (status == SCRUTIN_OK)
        status = scrutin_summary_compute(&summary, model, tally, ctx);

    if (status == SCRUTIN_OK) {
        printf("%s: P(majority of %u seats) after the court, %llu simulations\n",
               scrutin_model_name(model), summary->majority,
               (unsigned long long)summary->simulations);
        for (size_t c = 0; c < summary->n_groups[SCRUTIN_GROUP_COALITION]; c++) {
            const scrutin_group_summary *g =
                &summary->groups[SCRUTIN_STAGE_FINAL][SCRUTIN_GROUP_COALITION][c];
            printf("%-10s %.4f (standard error %.4f)\n",
                   scrutin_model_id(model, SCRUTIN_ENTITY_COALITION, c), g->majority.p,
                   g->majority.se);
        }
    } else if (ctx) {
        print_diagnostics(ctx, status);
    }

    scrutin_summary_free(summary);
    scrutin_tally_free(tally);
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    scrutin_ctx_free(ctx);
    if (status == SCRUTIN_OK)
        return 0;
    return scrutin_status_is_input_error(status) ? 2 : 1;
}
