/*
 * The court's actual decisions, and the vote checks that depend on them
 * (a list rejected before the vote has no votes; every other list has).
 */
#include "compiler.h"
#include "id_hints.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static void compile_rejections(compiler *c, const scn_court *court)
{
    scrutin_model *m = c->m;
    char field[96];
    for (unsigned i = 0; court && i < court->rejected_lists_count; i++) {
        const scn_list_ref *ref = &court->rejected_lists[i];
        size_t d = id_index_find(&c->districts, NULL, ref->district);
        if (d == (size_t)-1) {
            snprintf(field, sizeof field, "court.rejected_lists[%u].district", i);
            YAML_ERROR(c, field, "district \"%s\" is not in %s%s", ref->district,
                       c->s->districts_path, ID_NEAR(&c->districts, NULL, ref->district));
            continue;
        }
        size_t l = id_index_find(&c->lists, m->district_id[d], ref->list);
        if (l == (size_t)-1) {
            snprintf(field, sizeof field, "court.rejected_lists[%u].list", i);
            YAML_ERROR(c, field, "district \"%s\" has no list \"%s\" in %s%s", ref->district,
                       ref->list, c->s->lists_path,
                       ID_NEAR(&c->lists, m->district_id[d], ref->list));
            continue;
        }
        m->list_rejected[l] = 1;
        m->list_out[l] = LIST_OUT_COURT;
    }
}

static void compile_annulments(compiler *c, const scn_court *court)
{
    scrutin_model *m = c->m;
    unsigned n = court ? court->annulments_count : 0;
    m->annulments = compile_alloc(c, n, sizeof *m->annulments);
    if (!m->annulments)
        return;
    char field[96];
    for (unsigned i = 0; i < n; i++) {
        const scn_annulment *a = &court->annulments[i];
        size_t d = id_index_find(&c->districts, NULL, a->district);
        if (d == (size_t)-1) {
            snprintf(field, sizeof field, "court.annulments[%u].district", i);
            YAML_ERROR(c, field, "district \"%s\" is not in %s%s", a->district,
                       c->s->districts_path, ID_NEAR(&c->districts, NULL, a->district));
            continue;
        }
        if (a->round != 1 && a->round != 2) {
            snprintf(field, sizeof field, "court.annulments[%u].round", i);
            YAML_ERROR(c, field, "round %u: expected 1 or 2", a->round);
            continue;
        }
        if (!(a->struck_votes >= 0.0) || !isfinite(a->struck_votes)) {
            snprintf(field, sizeof field, "court.annulments[%u].struck_votes", i);
            YAML_ERROR(c, field, "%g struck votes: expected a count of 0 or more",
                       a->struck_votes);
            continue;
        }
        m->annulments[m->n_annulments++] = (model_annulment){
            (uint32_t)d, a->round, a->action == SCN_ACTION_RERUN, a->struck_votes};
    }
}

/* Every list that ran has round-1 votes; the tables' totals agree with the lists. */
static void check_votes(compiler *c)
{
    const scrutin_scenario *s = c->s;
    scrutin_model *m = c->m;
    for (size_t d = 0; d < m->n_districts; d++) {
        double sum1 = 0.0, sum2 = 0.0;
        size_t running = 0, with_r2 = 0;
        int sums_known = 1; /* a bad cell was reported already: do not add a second complaint */
        for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++) {
            const scn_list *row = &s->lists[c->list_row[l]];
            if (m->list_rejected[l])
                continue;
            running++;
            if (isnan(m->votes_r1[l]) && !row->votes_r1.bad)
                c->status = scrutin_ctx_error(c->ctx, SCRUTIN_EINPUT, s->lists_path, row->line,
                                              "votes_r1",
                                              "list \"%s\" ran in round 1 but has no votes_r1 "
                                              "(only lists the court rejected may leave it empty)",
                                              row->id);
            if (isnan(m->votes_r1[l]))
                sums_known = 0;
            else
                sum1 += m->votes_r1[l];
            sums_known &= !row->votes_r2.bad;
            if (!isnan(m->votes_r2[l])) {
                sum2 += m->votes_r2[l];
                with_r2++;
            }
        }
        const scn_district *row = &s->districts[d];
        if (running == 0) {
            int none = m->district_first_list[d] == m->district_first_list[d + 1];
            c->status = scrutin_ctx_error(c->ctx, SCRUTIN_EINPUT, s->districts_path, row->line,
                                          "district",
                                          none ? "district \"%s\" has no list in %s: expected at "
                                                 "least one"
                                               : "district \"%s\" has no list that ran in %s (the "
                                                 "court rejected them all): expected at least one",
                                          row->id, s->lists_path);
            continue;
        }
        double valid = m->voters[d] - m->invalid[d], other = m->other_votes[d];
        if (!isnan(valid) && sums_known && valid != sum1 + other)
            c->status = scrutin_ctx_error(c->ctx, SCRUTIN_EINPUT, s->districts_path, row->line,
                                          "voters",
                                          other > 0 ? "district \"%s\": voters - invalid = %.0f "
                                                      "valid votes, but its lists' votes_r1 and "
                                                      "other_votes add up to %.0f"
                                                    : "district \"%s\": voters - invalid = %.0f "
                                                      "valid votes, but its lists' votes_r1 add up "
                                                      "to %.0f",
                                          row->id, valid, sum1 + other);
        double valid2 = m->voters_r2[d] - m->invalid_r2[d];
        if (!isnan(valid2) && sums_known && with_r2 && valid2 != sum2)
            c->status = scrutin_ctx_error(c->ctx, SCRUTIN_EINPUT, s->districts_path, row->line,
                                          "voters_r2",
                                          "district \"%s\": voters_r2 - invalid_r2 = %.0f valid "
                                          "votes, but its lists' votes_r2 add up to %.0f",
                                          row->id, valid2, sum2);
    }
}

int compile_court(compiler *c)
{
    const scn_court *court = c->s->doc->court;
    compile_rejections(c, court);
    compile_annulments(c, court);
    check_votes(c);
    return c->status;
}
