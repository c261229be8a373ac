/*
 * The entities' human names, kept in the model for listing a scenario
 * (scrutin show) and nothing else: the simulation never reads them. A list
 * that a what-if merged is named by its new id; an entity without a `name`
 * has none (NULL).
 */
#include <stdlib.h>
#include <string.h>

#include "compiler.h"

static char **copy_names(compiler *c, size_t n, const char *(*name_of)(const compiler *, size_t))
{
    char **out = compile_alloc(c, n, sizeof *out);
    for (size_t i = 0; out && i < n; i++) {
        const char *name = name_of(c, i);
        if (name && name[0] && !(out[i] = strdup(name)))
            c->status = SCRUTIN_ENOMEM, c->oom = true;
    }
    return out;
}

static const char *party_name(const compiler *c, size_t i) { return c->s->doc->parties[i].name; }
static const char *coalition_name(const compiler *c, size_t i)
{
    return c->s->doc->coalitions[i].name;
}
static const char *region_name(const compiler *c, size_t i) { return c->s->doc->regions[i].name; }
static const char *district_name(const compiler *c, size_t i) { return c->s->districts[i].name; }
/* A merged list took a new id: the row's name is no longer its name. */
static const char *list_name(const compiler *c, size_t i)
{
    const scn_list *row = &c->s->lists[c->list_row[i]];
    return strcmp(row->id, c->m->list_id[i]) == 0 ? row->name : NULL;
}

void compile_names(compiler *c)
{
    scrutin_model *m = c->m;
    m->entity_name[SCRUTIN_ENTITY_PARTY] = copy_names(c, m->n_parties, party_name);
    m->entity_name[SCRUTIN_ENTITY_COALITION] = copy_names(c, m->n_coalitions, coalition_name);
    m->entity_name[SCRUTIN_ENTITY_REGION] = copy_names(c, m->n_regions, region_name);
    m->entity_name[SCRUTIN_ENTITY_DISTRICT] = copy_names(c, m->n_districts, district_name);
    m->entity_name[SCRUTIN_ENTITY_LIST] = copy_names(c, m->n_lists, list_name);
}

void model_free_names(scrutin_model *m)
{
    for (int k = 0; k < MODEL_ENTITY_KINDS; k++) {
        for (size_t i = 0; m->entity_name[k] && i < scrutin_model_count(m, (scrutin_entity)k); i++)
            free(m->entity_name[k][i]);
        free(m->entity_name[k]);
    }
}
