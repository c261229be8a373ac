/*
 * What partial results leave uncertain, said by validate and run on standard
 * error: the districts where the votes of lists not described (other_votes)
 * could hide a list that reaches round 2, and, after a run, how often the
 * simulations agree with each published round-2 winner (winner_r2).
 */
#include "cli.h"

/* Districts named in one warning, at most; the count says how many there are. */
enum { NAMED_MAX = 12 };

size_t cli_warn_other_votes(const char *command, const char *path, const scrutin_model *m)
{
    size_t n = scrutin_model_count(m, SCRUTIN_ENTITY_DISTRICT), doubt = 0;
    for (size_t d = 0; d < n; d++)
        doubt += (size_t)scrutin_model_other_votes_doubt(m, d);
    if (doubt == 0)
        return 0;
    fprintf(stderr,
            "scrutin %s: warning: %s: in %zu district%s the votes of lists not described "
            "(other_votes) are at least those of a described list that would reach round 2, "
            "and no round-2 result is given: the data cannot show that the described lists "
            "include those that reach round 2 (docs/model.md, \"Votes of lists not "
            "described\"):",
            command, path, doubt, doubt == 1 ? "" : "s");
    size_t named = 0;
    for (size_t d = 0; d < n && named < NAMED_MAX; d++)
        if (scrutin_model_other_votes_doubt(m, d))
            fprintf(stderr, "%s %s", named++ ? "," : "",
                    scrutin_model_id(m, SCRUTIN_ENTITY_DISTRICT, d));
    fprintf(stderr, "%s\n", doubt > named ? ", ..." : "");
    return doubt;
}

void cli_note_published_winners(const char *command, const scrutin_model *m,
                                const scrutin_summary *s)
{
    size_t n = scrutin_model_count(m, SCRUTIN_ENTITY_DISTRICT);
    for (size_t d = 0; d < n; d++) {
        long w = scrutin_model_winner_r2(m, d);
        if (w < 0 || (size_t)w >= s->n_lists)
            continue;
        const scrutin_prob *agree = &s->lists[w].win[SCRUTIN_STAGE_PROVISIONAL];
        fprintf(stderr,
                "scrutin %s: district %s: the published round-2 winner %s wins in %.1f%% of "
                "the simulations (se %.1f%%)\n",
                command, scrutin_model_id(m, SCRUTIN_ENTITY_DISTRICT, d),
                scrutin_model_id(m, SCRUTIN_ENTITY_LIST, (size_t)w), 100.0 * agree->p,
                100.0 * agree->se);
    }
}
