/*
 * validate says what replay would refuse: a scenario valid for run may lack what replaying the
 * observed election needs (round-2 votes where round 2 happens, and no published winner). Each
 * system is replayed as scrutin replay would, and a refusal is told as a note, with its reason:
 * the scenario stays valid (exit 0), and the analyst knows before running replay.
 */
#include "cli.h"

int cli_note_replay(const char *command, const char *path, const scrutin_model *model)
{
    scrutin_ctx *why = NULL;
    if (scrutin_ctx_new(&why) != SCRUTIN_OK)
        return SCRUTIN_ENOMEM;
    int status = SCRUTIN_OK;
    size_t n = scrutin_model_systems(model);
    for (size_t s = 0; s < n && status == SCRUTIN_OK; s++) {
        scrutin_replay *r = NULL;
        int one = scrutin_replay_run_system(&r, model, s, 1, why);
        scrutin_replay_free(r);
        if (one == SCRUTIN_ENOMEM)
            status = one;
        else if (one != SCRUTIN_OK)
            break; /* every reason is in `why`; one refusal is enough to say */
    }
    if (status == SCRUTIN_OK && scrutin_ctx_count(why) > 0) {
        fprintf(stderr,
                "scrutin %s: note: %s is valid for run, but scrutin replay would refuse it "
                "(the observed election cannot be replayed; scrutin replay --partial leaves "
                "such districts unfilled):\n",
                command, path);
        cli_print_diagnostics(why);
    }
    scrutin_ctx_free(why);
    return status;
}
