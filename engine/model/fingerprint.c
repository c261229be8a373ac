/*
 * A model's fingerprint: XXH3 (64 bits) of everything a simulation reads of
 * it, field by field (never a struct's bytes, whose padding is undefined).
 * Computed once, when the model is compiled; a tally records it
 * (scrutin_tally_new) so that a tally is never counted into, summarised or
 * written with another model than its own. It is an identity for this
 * purpose, not a defence against forgery.
 */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "model_types.h"

typedef struct hasher {
    XXH3_state_t *state;
} hasher;

static void bytes(hasher *h, const void *p, size_t n)
{
    if (n)
        XXH3_64bits_update(h->state, p, n);
}

static void u64(hasher *h, uint64_t x) { bytes(h, &x, sizeof x); }

static void real(hasher *h, double x) { bytes(h, &x, sizeof x); }

/* A string and its end, so that "ab","c" and "a","bc" differ; NULL differs from "". */
static void text(hasher *h, const char *s)
{
    if (!s) {
        u64(h, UINT64_MAX);
        return;
    }
    bytes(h, s, strlen(s) + 1);
}

static void ids(hasher *h, char *const *id, size_t n)
{
    u64(h, n);
    for (size_t i = 0; id && i < n; i++)
        text(h, id[i]);
}

static void rules(hasher *h, const scrutin_rules *r)
{
    u64(h, (uint64_t)r->system);
    real(h, r->round1_majority);
    u64(h, r->round2_lists);
    real(h, r->round2_registered);
    real(h, r->threshold);
    real(h, r->winner_share);
}

static void params(hasher *h, const scrutin_model *m)
{
    const model_params *p = &m->params;
    const double scalars[] = {p->sd_party, p->sd_coalition, p->sd_region, p->sd_list,
                              p->sd_independent, p->tails_df, p->sd_turnout_national,
                              p->sd_turnout_region, p->sd_turnout_district, p->sd_abstention,
                              p->sd_affinity, p->sd_mobilisation, p->reject[0], p->reject[1],
                              p->reject[2], p->annul_base[0], p->annul_base[1],
                              p->annul_scale[0], p->annul_scale[1], p->strike_a, p->strike_b,
                              p->rerun};
    for (size_t i = 0; i < sizeof scalars / sizeof *scalars; i++)
        real(h, scalars[i]);
    u64(h, (uint64_t)p->court_enabled);
    if (p->retention)
        bytes(h, p->retention, m->n_regions * sizeof *p->retention);
    if (p->abstention_logit)
        bytes(h, p->abstention_logit, m->n_coalitions * sizeof *p->abstention_logit);
    if (p->affinity)
        bytes(h, p->affinity, m->n_coalitions * m->n_coalitions * sizeof *p->affinity);
}

int model_fingerprint_compute(scrutin_model *m)
{
    hasher h = {XXH3_createState()};
    if (!h.state || XXH3_64bits_reset(h.state) != XXH_OK) {
        XXH3_freeState(h.state);
        return SCRUTIN_ENOMEM;
    }
    text(&h, m->name);
    u64(&h, m->seats);
    u64(&h, m->majority);
    u64(&h, m->supermajority);
    rules(&h, &m->rules);
    u64(&h, m->n_systems);
    for (size_t k = 0; k < m->n_systems; k++) {
        rules(&h, &m->systems[k]);
        text(&h, m->system_id ? m->system_id[k] : NULL);
    }
    ids(&h, m->party_id, m->n_parties);
    ids(&h, m->coalition_id, m->n_coalitions);
    ids(&h, m->region_id, m->n_regions);
    ids(&h, m->district_id, m->n_districts);
    ids(&h, m->list_id, m->n_lists);
    u64(&h, (uint64_t)(int64_t)m->independent_party);
    size_t nd = m->n_districts, nl = m->n_lists;
    bytes(&h, m->party_coalition, m->n_parties * sizeof *m->party_coalition);
    bytes(&h, m->district_region, nd * sizeof *m->district_region);
    bytes(&h, m->district_seats, nd * sizeof *m->district_seats);
    bytes(&h, m->district_first_list, (nd + 1) * sizeof *m->district_first_list);
    const double *per_district[] = {m->registered, m->voters, m->invalid, m->voters_r2,
                                    m->invalid_r2};
    for (size_t i = 0; i < sizeof per_district / sizeof *per_district; i++)
        if (per_district[i])
            bytes(&h, per_district[i], nd * sizeof *per_district[i]);
    bytes(&h, m->list_district, nl * sizeof *m->list_district);
    bytes(&h, m->list_kind, nl * sizeof *m->list_kind);
    bytes(&h, m->list_rejected, nl * sizeof *m->list_rejected);
    if (m->votes_r1)
        bytes(&h, m->votes_r1, nl * sizeof *m->votes_r1);
    if (m->votes_r2)
        bytes(&h, m->votes_r2, nl * sizeof *m->votes_r2);
    if (m->list_first_candidate) {
        bytes(&h, m->list_first_candidate, (nl + 1) * sizeof *m->list_first_candidate);
        bytes(&h, m->candidate_party, m->list_first_candidate[nl] * sizeof *m->candidate_party);
    }
    if (m->list_first_weight) {
        size_t nw = m->list_first_weight[nl];
        bytes(&h, m->list_first_weight, (nl + 1) * sizeof *m->list_first_weight);
        bytes(&h, m->weight_party, nw * sizeof *m->weight_party);
        bytes(&h, m->weight_value, nw * sizeof *m->weight_value);
    }
    u64(&h, m->n_annulments);
    for (size_t i = 0; i < m->n_annulments; i++) {
        const model_annulment *a = &m->annulments[i];
        u64(&h, a->district);
        u64(&h, a->round);
        u64(&h, (uint64_t)a->rerun);
        real(&h, a->struck_votes);
    }
    params(&h, m);
    m->fingerprint = XXH3_64bits_digest(h.state);
    XXH3_freeState(h.state);
    return SCRUTIN_OK;
}

uint64_t scrutin_model_fingerprint(const scrutin_model *model)
{
    return model ? model->fingerprint : 0;
}
