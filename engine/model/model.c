/* Read-only accessors of the compiled model. */
#include <math.h>

#include "model_types.h"

size_t scrutin_model_count(const scrutin_model *m, scrutin_entity kind)
{
    switch (kind) {
    case SCRUTIN_ENTITY_PARTY: return m->n_parties;
    case SCRUTIN_ENTITY_COALITION: return m->n_coalitions;
    case SCRUTIN_ENTITY_REGION: return m->n_regions;
    case SCRUTIN_ENTITY_DISTRICT: return m->n_districts;
    case SCRUTIN_ENTITY_LIST: return m->n_lists;
    }
    return 0;
}

const char *scrutin_model_id(const scrutin_model *m, scrutin_entity kind, size_t i)
{
    if (i >= scrutin_model_count(m, kind))
        return NULL;
    switch (kind) {
    case SCRUTIN_ENTITY_PARTY: return m->party_id[i];
    case SCRUTIN_ENTITY_COALITION: return m->coalition_id[i];
    case SCRUTIN_ENTITY_REGION: return m->region_id[i];
    case SCRUTIN_ENTITY_DISTRICT: return m->district_id[i];
    case SCRUTIN_ENTITY_LIST: return m->list_id[i];
    }
    return NULL;
}

size_t scrutin_model_party_coalition(const scrutin_model *m, size_t p) { return m->party_coalition[p]; }
size_t scrutin_model_list_district(const scrutin_model *m, size_t l) { return m->list_district[l]; }
size_t scrutin_model_district_region(const scrutin_model *m, size_t d) { return m->district_region[d]; }
unsigned scrutin_model_district_seats(const scrutin_model *m, size_t d) { return m->district_seats[d]; }
unsigned scrutin_model_seats(const scrutin_model *m) { return m->seats; }
unsigned scrutin_model_majority(const scrutin_model *m) { return m->majority; }
unsigned scrutin_model_supermajority(const scrutin_model *m) { return m->supermajority; }
const char *scrutin_model_name(const scrutin_model *m) { return m->name; }

const char *scrutin_model_title(const scrutin_model *m) { return m ? m->title : NULL; }
const char *scrutin_model_base_path(const scrutin_model *m) { return m ? m->base_path : NULL; }
size_t scrutin_model_changes(const scrutin_model *m) { return m ? m->n_change_words : 0; }
const char *scrutin_model_change_words(const scrutin_model *m, size_t i)
{
    return m && i < m->n_change_words ? m->change_words[i] : NULL;
}

const char *scrutin_model_description(const scrutin_model *m) { return m ? m->description : NULL; }

size_t scrutin_model_systems(const scrutin_model *m) { return m->n_systems; }

const scrutin_rules *scrutin_model_system_rules(const scrutin_model *m, size_t system)
{
    return m && system < m->n_systems ? &m->systems[system] : NULL;
}

const char *scrutin_model_system_id(const scrutin_model *m, size_t system)
{
    return system < m->n_systems ? m->system_id[system] : NULL;
}

const char *scrutin_model_entity_name(const scrutin_model *m, scrutin_entity kind, size_t i)
{
    if ((unsigned)kind >= MODEL_ENTITY_KINDS || i >= scrutin_model_count(m, kind) ||
        !m->entity_name[kind])
        return NULL;
    return m->entity_name[kind][i];
}

size_t scrutin_model_list_coalition(const scrutin_model *m, size_t l) { return m->list_coalition[l]; }

size_t scrutin_model_list_parties(const scrutin_model *m, size_t l, size_t *parties, size_t cap)
{
    const uint32_t *party = m->candidate_party + m->list_first_candidate[l];
    size_t candidates = m->list_first_candidate[l + 1] - m->list_first_candidate[l], n = 0;
    for (size_t c = 0; c < candidates; c++) {
        size_t seen = 0;
        while (seen < c && party[seen] != party[c])
            seen++;
        if (seen < c)
            continue;
        if (n < cap)
            parties[n] = party[c];
        n++;
    }
    return n;
}

const char *scrutin_model_list_kind(const scrutin_model *m, size_t l)
{
    switch ((model_list_kind)m->list_kind[l]) {
    case LIST_PARTY: return "party";
    case LIST_JOINT: return "joint";
    case LIST_INDEPENDENT: return "independent";
    }
    return "party";
}

int scrutin_model_list_runs(const scrutin_model *m, size_t l)
{
    return !m->list_rejected[l] && isfinite(m->log_baseline[l]);
}
