/*
 * A scenario's `changes`, applied in order to the compiled model
 * (docs/whatifs.md): shifts of support and of turnout here; withdrawn and
 * merged lists in compile_withdraw.c and compile_merge.c. They change the
 * simulation's starting point, never the draws: every list keeps its place
 * in its district, so that its random shocks stay those of the base, and two
 * scenarios run with one seed differ only by what the changes did.
 */
#include "compile_changes.h"
#include "id_hints.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

double changes_logit(double p) { return log(p / (1.0 - p)); }
double changes_logistic(double x) { return 1.0 / (1.0 + exp(-x)); }

size_t changes_select_districts(compiler *c, const char *field, char **regions, unsigned n_regions,
                                char **districts, unsigned n_districts, uint8_t *selected)
{
    const scrutin_model *m = c->m;
    int all = n_regions == 0 && n_districts == 0;
    for (size_t d = 0; d < m->n_districts; d++)
        selected[d] = (uint8_t)all;
    char where[160];
    for (unsigned i = 0; i < n_regions; i++) {
        size_t g = id_index_find(&c->regions, NULL, regions[i]);
        if (g == (size_t)-1) {
            snprintf(where, sizeof where, "%s.regions[%u]", field, i);
            YAML_ERROR(c, where, "region \"%s\" is not declared%s", regions[i], ID_NEAR(&c->regions, NULL, regions[i]));
            continue;
        }
        for (size_t d = 0; d < m->n_districts; d++)
            selected[d] |= m->district_region[d] == g;
    }
    for (unsigned i = 0; i < n_districts; i++) {
        size_t d = id_index_find(&c->districts, NULL, districts[i]);
        if (d == (size_t)-1) {
            snprintf(where, sizeof where, "%s.districts[%u]", field, i);
            YAML_ERROR(c, where, "district \"%s\" is not in %s%s", districts[i],
                       c->s->districts_path, ID_NEAR(&c->districts, NULL, districts[i]));
            continue;
        }
        selected[d] = 1;
    }
    size_t count = 0;
    for (size_t d = 0; d < m->n_districts; d++)
        count += selected[d];
    return count;
}

int changes_party_set(compiler *c, const char *field, const char *party, const char *coalition,
                      uint8_t *in_set)
{
    const scrutin_model *m = c->m;
    char where[160];
    for (size_t p = 0; p < m->n_parties; p++)
        in_set[p] = 0;
    if (party) {
        size_t p = id_index_find(&c->parties, NULL, party);
        if (p == (size_t)-1) {
            snprintf(where, sizeof where, "%s.party", field);
            YAML_ERROR(c, where, "party \"%s\" is not declared%s", party, ID_NEAR(&c->parties, NULL, party));
            return 0;
        }
        in_set[p] = 1;
        return 1;
    }
    size_t k = id_index_find(&c->coalitions, NULL, coalition);
    if (k == (size_t)-1) {
        snprintf(where, sizeof where, "%s.coalition", field);
        YAML_ERROR(c, where, "coalition \"%s\" is not declared%s", coalition, ID_NEAR(&c->coalitions, NULL, coalition));
        return 0;
    }
    int any = 0;
    for (size_t p = 0; p < m->n_parties; p++)
        any |= in_set[p] = m->party_coalition[p] == k;
    if (!any) {
        snprintf(where, sizeof where, "%s.coalition", field);
        YAML_ERROR(c, where, "coalition \"%s\" has no party", coalition);
    }
    return any;
}

double changes_list_weight(const scrutin_model *m, size_t l, const uint8_t *in_set)
{
    double w = 0.0, total = 0.0;
    for (uint32_t k = m->list_first_weight[l]; k < m->list_first_weight[l + 1]; k++) {
        total += m->weight_value[k];
        if (in_set[m->weight_party[k]])
            w += m->weight_value[k];
    }
    /* Independent candidates carry no weight entry: they are what the party weights leave. */
    double independents = 1.0 - total;
    if (m->independent_party >= 0 && in_set[m->independent_party] && independents > 1e-9)
        w += independents;
    return w;
}

int changes_list_runs(const scrutin_model *m, size_t l)
{
    return !m->list_rejected[l] && isfinite(m->log_baseline[l]);
}

int changes_district_shares(const scrutin_model *m, size_t d, double *share)
{
    size_t first = m->district_first_list[d], end = m->district_first_list[d + 1];
    double top = -INFINITY, total = 0.0;
    for (size_t l = first; l < end; l++)
        if (changes_list_runs(m, l) && m->log_baseline[l] > top)
            top = m->log_baseline[l];
    for (size_t l = first; l < end; l++) {
        share[l - first] = changes_list_runs(m, l) ? exp(m->log_baseline[l] - top) : 0.0;
        total += share[l - first];
    }
    for (size_t l = first; l < end; l++)
        share[l - first] = total > 0.0 ? share[l - first] / total : 0.0;
    return total > 0.0;
}

/*
 * Shift a party's (or a coalition's) support in district @p d. On the logit
 * scale, x is added to each list's utility in proportion to its candidates
 * of those parties, like a party shock that always falls the same way. In
 * points, the parties' part of the round-1 share S becomes S + x/100 (kept
 * within 0 and 1): the lists' parts of those parties are scaled by S'/S and
 * the rest of the vote by (1 - S')/(1 - S), so shares still sum to one.
 * @return 1 if the parties have candidates in the district
 */
static int shift_district(scrutin_model *m, size_t d, const uint8_t *in_set, const scn_shift *s,
                          double *share)
{
    size_t first = m->district_first_list[d], end = m->district_first_list[d + 1];
    double weight_share = 0.0;
    changes_district_shares(m, d, share);
    for (size_t l = first; l < end; l++)
        if (changes_list_runs(m, l))
            weight_share += changes_list_weight(m, l, in_set) * share[l - first];
    if (weight_share <= 0.0)
        return 0;
    if (s->logit) {
        for (size_t l = first; l < end; l++)
            if (changes_list_runs(m, l))
                m->log_baseline[l] += changes_list_weight(m, l, in_set) * *s->logit;
        return 1;
    }
    /* Every candidate of the district belongs to these parties: their share cannot move. */
    if (weight_share >= 1.0 - 1e-12)
        return 1;
    double target = fmin(fmax(weight_share + *s->points / 100.0, 0.0), 1.0);
    double in = target / weight_share, out = (1.0 - target) / (1.0 - weight_share);
    for (size_t l = first; l < end; l++) {
        if (!changes_list_runs(m, l))
            continue;
        double w = changes_list_weight(m, l, in_set);
        double x = share[l - first] * (w * in + (1.0 - w) * out);
        m->log_baseline[l] = x > 0.0 ? log(x) : -INFINITY;
    }
    return 1;
}

static void apply_shift(compiler *c, unsigned i, const scn_shift *s, double *share)
{
    scrutin_model *m = c->m;
    char field[96];
    snprintf(field, sizeof field, "changes[%u].shift", i);
    if (!s->party == !s->coalition || !s->points == !s->logit) {
        YAML_ERROR(c, field, "%s",
                   "a shift names one party or one coalition, and moves it by points or by "
                   "logit (one of each)");
        return;
    }
    double x = s->points ? *s->points : *s->logit;
    if (!isfinite(x)) {
        YAML_ERROR(c, field, "%g is not a finite number", x);
        return;
    }
    uint8_t *in_set = compile_alloc(c, m->n_parties, 1);
    uint8_t *selected = compile_alloc(c, m->n_districts, 1);
    if (in_set && selected && changes_party_set(c, field, s->party, s->coalition, in_set)) {
        size_t n = changes_select_districts(c, field, s->regions, s->regions_count, s->districts,
                                            s->districts_count, selected);
        size_t moved = 0;
        for (size_t d = 0; n && d < m->n_districts; d++)
            if (selected[d])
                moved += (size_t)shift_district(m, d, in_set, s, share);
        if (moved == 0 && n > 0)
            YAML_ERROR(c, field, "%s \"%s\" has no candidate on a list that runs in the "
                       "districts chosen: the shift would change nothing",
                       s->party ? "party" : "coalition", s->party ? s->party : s->coalition);
    }
    free(in_set);
    free(selected);
}

/* Round-1 turnout: points of the registered voters, or the logit scale. */
static void apply_turnout(compiler *c, unsigned i, const scn_turnout_change *t)
{
    scrutin_model *m = c->m;
    char field[96];
    snprintf(field, sizeof field, "changes[%u].turnout", i);
    if (!t->points == !t->logit) {
        YAML_ERROR(c, field, "%s", "a turnout change moves turnout by points or by logit (one of "
                                   "the two)");
        return;
    }
    double x = t->points ? *t->points : *t->logit;
    if (!isfinite(x)) {
        YAML_ERROR(c, field, "%g is not a finite number", x);
        return;
    }
    uint8_t *selected = compile_alloc(c, m->n_districts, 1);
    if (!selected)
        return;
    changes_select_districts(c, field, t->regions, t->regions_count, t->districts,
                             t->districts_count, selected);
    for (size_t d = 0; d < m->n_districts; d++) {
        /* Districts without turnout figures: the simulation reports them, replay needs none. */
        if (!selected[d] || !isfinite(m->turnout_logit[d]))
            continue;
        if (t->logit) {
            m->turnout_logit[d] += x;
            continue;
        }
        double before = changes_logistic(m->turnout_logit[d]), after = before + x / 100.0;
        if (!(after > 0.0 && after < 1.0)) {
            YAML_ERROR(c, field,
                       "district \"%s\": turnout %.2f%% %+g points is %.2f%%, not between 0 and "
                       "100%%",
                       m->district_id[d], 100.0 * before, x, 100.0 * after);
            break;
        }
        m->turnout_logit[d] = changes_logit(after);
    }
    free(selected);
}

int compile_changes(compiler *c)
{
    const scn_doc *doc = c->s->doc;
    double *share = compile_alloc(c, c->m->max_lists + 1, sizeof *share);
    if (!share)
        return c->status;
    for (unsigned i = 0; i < doc->changes_count && !c->oom; i++) {
        const scn_change *ch = &doc->changes[i];
        int kinds = !!ch->shift + !!ch->turnout + !!ch->merge_lists + !!ch->withdraw_lists;
        if (kinds != 1) {
            char field[64];
            snprintf(field, sizeof field, "changes[%u]", i);
            YAML_ERROR(c, field, "a change is one of shift, turnout, merge_lists or "
                                 "withdraw_lists; this one has %d",
                       kinds);
            continue;
        }
        if (ch->shift)
            apply_shift(c, i, ch->shift, share);
        else if (ch->turnout)
            apply_turnout(c, i, ch->turnout);
        else if (ch->withdraw_lists)
            changes_withdraw(c, i, ch->withdraw_lists, share);
        else
            changes_merge(c, i, ch->merge_lists, share);
    }
    free(share);
    return c->status;
}
