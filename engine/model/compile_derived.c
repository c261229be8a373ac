/*
 * What the simulation reads instead of recomputing it every time: observed
 * shares on the log scale, turnout on the logit scale, each list's coalition,
 * and the (region, party) pairs that regional shocks apply to.
 */
#include "compiler.h"

#include <math.h>
#include <stdlib.h>

int32_t *compile_pair_map(compiler *c)
{
    size_t n = c->m->n_regions * c->m->n_parties;
    int32_t *map = compile_alloc(c, n, sizeof *map);
    for (size_t i = 0; map && i < n; i++)
        map[i] = -1;
    return map;
}

uint32_t compile_pair(int32_t *map, const scrutin_model *m, size_t region, uint32_t party,
                      uint32_t *pair_party, size_t *n_pairs)
{
    size_t key = region * m->n_parties + party;
    if (map[key] < 0) {
        map[key] = (int32_t)*n_pairs;
        pair_party[(*n_pairs)++] = party;
    }
    return (uint32_t)map[key];
}

static void compile_pairs(compiler *c)
{
    scrutin_model *m = c->m;
    size_t n_weights = m->list_first_weight[m->n_lists];
    int32_t *pair_of = compile_pair_map(c);
    m->weight_pair = compile_alloc(c, n_weights, sizeof *m->weight_pair);
    m->pair_party = compile_alloc(c, n_weights, sizeof *m->pair_party);
    if (c->oom) {
        free(pair_of);
        return;
    }
    /* Only the pairs some list uses get a shock: a few hundred, not regions x parties. */
    for (size_t l = 0; l < m->n_lists; l++) {
        size_t g = m->district_region[m->list_district[l]];
        for (size_t w = m->list_first_weight[l]; w < m->list_first_weight[l + 1]; w++)
            m->weight_pair[w] =
                compile_pair(pair_of, m, g, m->weight_party[w], m->pair_party, &m->n_pairs);
    }
    free(pair_of);
}

static void compile_list_coalitions(compiler *c)
{
    scrutin_model *m = c->m;
    m->list_coalition = compile_alloc(c, m->n_lists, sizeof *m->list_coalition);
    double *weight = compile_alloc(c, m->n_coalitions, sizeof *weight);
    if (c->oom) {
        free(weight);
        return;
    }
    uint32_t independents = m->independent_party >= 0
                                ? m->party_coalition[m->independent_party]
                                : 0;
    for (size_t l = 0; l < m->n_lists; l++) {
        for (size_t k = 0; k < m->n_coalitions; k++)
            weight[k] = 0.0;
        uint32_t best = independents;
        double best_weight = 0.0;
        for (size_t w = m->list_first_weight[l]; w < m->list_first_weight[l + 1]; w++) {
            uint32_t k = m->party_coalition[m->weight_party[w]];
            weight[k] += m->weight_value[w];
            /* Strictly more: on a tie the coalition met first in list order keeps it. */
            if (weight[k] > best_weight) {
                best_weight = weight[k];
                best = k;
            }
        }
        m->list_coalition[l] = best;
    }
    free(weight);
}

static void compile_baselines(compiler *c)
{
    scrutin_model *m = c->m;
    m->log_baseline = compile_alloc(c, m->n_lists, sizeof *m->log_baseline);
    m->turnout_logit = compile_alloc(c, m->n_districts, sizeof *m->turnout_logit);
    m->invalid_share = compile_alloc(c, m->n_districts, sizeof *m->invalid_share);
    m->other_log_baseline = compile_alloc(c, m->n_districts, sizeof *m->other_log_baseline);
    if (c->oom)
        return;
    for (size_t d = 0; d < m->n_districts; d++) {
        size_t first = m->district_first_list[d], end = m->district_first_list[d + 1];
        m->max_lists = end - first > m->max_lists ? end - first : m->max_lists;
        /* Shares of all valid votes, the lists not described (other_votes) included. */
        double valid = m->other_votes[d];
        for (size_t l = first; l < end; l++)
            if (!m->list_rejected[l])
                valid += m->votes_r1[l];
        m->other_log_baseline[d] =
            m->other_votes[d] > 0 && valid > 0 ? log(m->other_votes[d] / valid) : -INFINITY;
        for (size_t l = first; l < end; l++)
            m->log_baseline[l] = (!m->list_rejected[l] && m->votes_r1[l] > 0 && valid > 0)
                                     ? log(m->votes_r1[l] / valid)
                                     : -INFINITY;
        double t = m->voters[d] / m->registered[d];
        /* NaN where the data lack the figures: the simulation reports it before it starts. */
        m->turnout_logit[d] = t > 0 && t < 1 ? log(t / (1.0 - t)) : (t >= 1 ? INFINITY : NAN);
        m->invalid_share[d] = m->voters[d] > 0 ? m->invalid[d] / m->voters[d] : NAN;
    }
}

int compile_derived(compiler *c)
{
    compile_pairs(c);
    if (c->status == SCRUTIN_OK)
        compile_list_coalitions(c);
    if (c->status == SCRUTIN_OK)
        compile_baselines(c);
    return c->status;
}
