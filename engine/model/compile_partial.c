/*
 * Partial results (docs/scenario-format.md, docs/model.md "Votes of lists not
 * described"): a district's `other_votes`, the coalition whose round-2
 * behaviour their voters follow, and a published round-2 winner without votes.
 */
#include "compiler.h"
#include "id_hints.h"

#include <math.h>
#include <string.h>

/* The coalition other_votes' voters follow when the scenario names none, if it is declared. */
static const char default_other_coalition[] = "OTHER";

static void compile_winners(compiler *c)
{
    const scrutin_scenario *s = c->s;
    scrutin_model *m = c->m;
    for (size_t d = 0; d < m->n_districts; d++) {
        const scn_district *row = &s->districts[d];
        m->winner_r2[d] = -1;
        if (!row->winner_r2 || !row->winner_r2[0])
            continue;
        size_t l = id_index_find(&c->lists, m->district_id[d], row->winner_r2);
        if (l == (size_t)-1) {
            c->status = scrutin_ctx_error(c->ctx, SCRUTIN_EINPUT, s->districts_path, row->line,
                                          "winner_r2", "district \"%s\" has no list \"%s\" in %s%s",
                                          row->id, row->winner_r2, s->lists_path,
                                          ID_NEAR(&c->lists, m->district_id[d], row->winner_r2));
            continue;
        }
        for (size_t k = m->district_first_list[d]; k < m->district_first_list[d + 1]; k++)
            if (!isnan(m->votes_r2[k])) {
                c->status = scrutin_ctx_error(
                    c->ctx, SCRUTIN_EINPUT, s->districts_path, row->line, "winner_r2",
                    "district \"%s\" gives both winner_r2 and round-2 votes (list \"%s\" in %s): "
                    "winner_r2 is for results that publish the winner without the votes; give "
                    "one or the other",
                    row->id, m->list_id[k], s->lists_path);
                break;
            }
        m->winner_r2[d] = (int32_t)l;
    }
}

int compile_partial(compiler *c)
{
    const scrutin_scenario *s = c->s;
    scrutin_model *m = c->m;
    m->other_votes = compile_alloc(c, m->n_districts, sizeof *m->other_votes);
    m->winner_r2 = compile_alloc(c, m->n_districts, sizeof *m->winner_r2);
    if (c->oom)
        return c->status;
    for (size_t d = 0; d < m->n_districts; d++) {
        const scn_district *row = &s->districts[d];
        m->other_votes[d] = row->other_votes.present ? row->other_votes.value : 0.0;
    }
    if (c->lists.entries || m->n_lists == 0)
        compile_winners(c);
    return c->status;
}

void compile_partial_params(compiler *c)
{
    scrutin_model *m = c->m;
    const char *named = c->s->doc->other_votes_coalition;
    m->other_coalition = -1;
    size_t k = id_index_find(&c->coalitions, NULL, named ? named : default_other_coalition);
    if (k != (size_t)-1)
        m->other_coalition = (int32_t)k;
    else if (named)
        YAML_ERROR(c, "other_votes_coalition", "coalition \"%s\" is not declared%s", named,
                   ID_NEAR(&c->coalitions, NULL, named));
}
