/* Read-only accessors of the compiled model. */
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

size_t scrutin_model_systems(const scrutin_model *m) { return m->n_systems; }

const char *scrutin_model_system_id(const scrutin_model *m, size_t system)
{
    return system < m->n_systems ? m->system_id[system] : NULL;
}
