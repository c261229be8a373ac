/*
 * Withdrawn lists (docs/whatifs.md): a list that no longer runs. It keeps its
 * place in its district (so the other lists keep their random shocks) and is
 * marked as not running; its baseline support goes where a list rejected by
 * the court sends it (docs/model.md, "Court"): the share (1 - a) of its
 * voters who still vote goes to the other lists in proportion to their
 * affinity with it and their size, and the share a of its voters' coalition's
 * abstention stays home, which lowers the district's round-1 turnout.
 */
#include "compile_changes.h"
#include "id_hints.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Withdraw list @p l. @return 0, or -1 if it is the last list of its district that runs. */
static int withdraw_one(scrutin_model *m, size_t l, double *share)
{
    size_t d = m->list_district[l], first = m->district_first_list[d];
    size_t end = m->district_first_list[d + 1];
    size_t others = 0;
    for (size_t k = first; k < end; k++)
        others += k != l && changes_list_runs(m, k);
    if (others == 0)
        return -1;
    changes_district_shares(m, d, share);
    const model_params *p = &m->params;
    size_t from = m->list_coalition[l];
    const double *affinity = p->affinity + from * m->n_coalitions;
    double gone = share[l - first];
    double kept = 1.0 - changes_logistic(p->abstention_logit[from]);
    double denominator = 0.0;
    for (size_t k = first; k < end; k++)
        if (k != l && changes_list_runs(m, k))
            denominator += affinity[m->list_coalition[k]] * share[k - first];
    double remaining = 1.0 - gone;
    if (denominator > 0.0) {
        for (size_t k = first; k < end; k++)
            if (k != l && changes_list_runs(m, k))
                share[k - first] += kept * gone * affinity[m->list_coalition[k]] * share[k - first] /
                                    denominator;
        remaining += kept * gone;
    }
    for (size_t k = first; k < end; k++)
        if (k != l && changes_list_runs(m, k))
            m->log_baseline[k] = share[k - first] > 0.0 ? log(share[k - first]) : -INFINITY;
    m->log_baseline[l] = -INFINITY;
    m->list_rejected[l] = 1;
    m->list_out[l] = LIST_OUT_WITHDRAWN;
    if (isfinite(m->turnout_logit[d])) {
        double turnout = changes_logistic(m->turnout_logit[d]) * remaining;
        m->turnout_logit[d] = turnout > 0.0 && turnout < 1.0 ? changes_logit(turnout) : NAN;
    }
    return 0;
}

/* 1 if every candidate of list @p l belongs to party @p party. */
static int list_of_party(const scrutin_model *m, size_t l, size_t party)
{
    if ((int32_t)party == m->independent_party)
        return m->list_kind[l] == LIST_INDEPENDENT;
    for (uint32_t k = m->list_first_weight[l]; k < m->list_first_weight[l + 1]; k++)
        if (m->weight_party[k] != party)
            return 0;
    return m->list_kind[l] == LIST_PARTY;
}

void changes_withdraw(compiler *c, unsigned i, const scn_withdraw_lists *w, double *share)
{
    scrutin_model *m = c->m;
    char field[96];
    snprintf(field, sizeof field, "changes[%u].withdraw_lists", i);
    int one_list = w->district && w->list && !w->party && w->districts_count == 0;
    if (!one_list && !(w->party && !w->district && !w->list)) {
        YAML_ERROR(c, field, "%s",
                   "withdraw_lists names one list ({district, list}) or a party's lists "
                   "({party, districts})");
        return;
    }
    if (one_list) {
        size_t d = id_index_find(&c->districts, NULL, w->district);
        size_t l = d == (size_t)-1 ? (size_t)-1 : id_index_find(&c->lists, m->district_id[d], w->list);
        if (d == (size_t)-1 || l == (size_t)-1) {
            YAML_ERROR(c, field, "district \"%s\" has no list \"%s\" in %s", w->district, w->list,
                       c->s->lists_path);
        } else if (!changes_list_runs(m, l)) {
            YAML_ERROR(c, field, "list \"%s\" of district \"%s\" does not run already",
                       w->list, w->district);
        } else if (withdraw_one(m, l, share) != 0) {
            YAML_ERROR(c, field, "list \"%s\" is the last list that runs in district \"%s\"",
                       w->list, w->district);
        }
        return;
    }
    size_t party = id_index_find(&c->parties, NULL, w->party);
    if (party == (size_t)-1) {
        char where[128];
        snprintf(where, sizeof where, "%s.party", field);
        YAML_ERROR(c, where, "party \"%s\" is not declared%s", w->party, ID_NEAR(&c->parties, NULL, w->party));
        return;
    }
    uint8_t *selected = compile_alloc(c, m->n_districts, 1);
    if (!selected)
        return;
    size_t problems = scrutin_ctx_count(c->ctx);
    changes_select_districts(c, field, NULL, 0, w->districts, w->districts_count, selected);
    size_t withdrawn = 0;
    for (size_t l = 0; l < m->n_lists; l++) {
        if (!selected[m->list_district[l]] || !changes_list_runs(m, l) || !list_of_party(m, l, party))
            continue;
        if (withdraw_one(m, l, share) != 0) {
            YAML_ERROR(c, field, "list \"%s\" is the last list that runs in district \"%s\"",
                       m->list_id[l], m->district_id[m->list_district[l]]);
            continue;
        }
        withdrawn++;
    }
    if (withdrawn == 0 && scrutin_ctx_count(c->ctx) == problems)
        YAML_ERROR(c, field, "party \"%s\" has no list of its own that runs in the districts "
                   "chosen: nothing to withdraw",
                   w->party);
    free(selected);
}
