/* The observed result of each system, replayed, for the report's marks (run_observed.h). */
#include "run_observed.h"

#include <stdlib.h>

int run_observed_make(run_observed *o, const scrutin_model *model)
{
    o->n_systems = scrutin_model_systems(model);
    o->replays = calloc(o->n_systems ? o->n_systems : 1, sizeof *o->replays);
    if (!o->replays)
        return SCRUTIN_ENOMEM;
    /* A context of its own: a refusal is a fact about the data, not a failure of the report. */
    scrutin_ctx *quiet = NULL;
    if (scrutin_ctx_new(&quiet) != SCRUTIN_OK) {
        run_observed_free(o);
        return SCRUTIN_ENOMEM;
    }
    int status = SCRUTIN_OK;
    for (size_t k = 0; k < o->n_systems && status == SCRUTIN_OK; k++) {
        int one = scrutin_replay_run_system(&o->replays[k], model, k, RUN_OBSERVED_SEED, quiet);
        if (one == SCRUTIN_ENOMEM)
            status = one;
        else if (one != SCRUTIN_OK) {
            scrutin_replay_free(o->replays[k]);
            o->replays[k] = NULL;
        }
    }
    scrutin_ctx_free(quiet);
    if (status != SCRUTIN_OK)
        run_observed_free(o);
    return status;
}

void run_observed_free(run_observed *o)
{
    for (size_t k = 0; o->replays && k < o->n_systems; k++)
        scrutin_replay_free(o->replays[k]);
    free(o->replays);
    o->replays = NULL;
    o->n_systems = 0;
}

int run_observed_any(const run_observed *o)
{
    for (size_t k = 0; k < o->n_systems; k++)
        if (o->replays[k])
            return 1;
    return 0;
}

long run_observed_seats(const run_observed *o, size_t system, scrutin_group_kind kind,
                        size_t group)
{
    if (system >= o->n_systems || !o->replays[system])
        return -1;
    const scrutin_replay *r = o->replays[system];
    if (kind == SCRUTIN_GROUP_COALITION)
        return group < r->n_coalitions ? (long)r->coalition_seats[SCRUTIN_REPLAY_FINAL][group] : -1;
    return group < r->n_parties ? (long)r->party_seats[SCRUTIN_REPLAY_FINAL][group] : -1;
}
