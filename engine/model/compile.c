/*
 * Compiling a scenario: check it whole, resolve names to indices and lay it
 * out in flat arrays. Every problem is reported; compiling goes on after one
 * so that the analyst sees them all at once.
 */
#include "compiler.h"
#include "id_hints.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The assembly's seats, at most (engine/scenario/tables.c bounds a district's alike). */
enum { MAX_ASSEMBLY_SEATS = 10000 };

void *compile_alloc(compiler *c, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        c->status = SCRUTIN_ENOMEM, c->oom = true;
    return p;
}

/*
 * Index a sequence of named YAML entities, reporting bad and duplicate ids; a bad id's
 * message suggests one made from the entity's @p names (NULL: from the id itself).
 */
static void index_named(compiler *c, id_index *ix, const char *key, size_t n,
                        const char *const *ids, const char *const *names)
{
    char field[96];
    for (size_t i = 0; i < n; i++)
        if (!id_is_valid(ids[i])) {
            snprintf(field, sizeof field, "%s[%zu].id", key, i);
            YAML_ERROR(c, field, "\"%s\" is not a valid id%s", ids[i],
                       ID_BAD(ids[i], names ? names[i] : NULL));
        }
    if (id_index_build(ix, n, NULL, ids) != SCRUTIN_OK) {
        c->status = SCRUTIN_ENOMEM, c->oom = true;
        return;
    }
    for (size_t k = 1; k < n; k++)
        if (id_index_same(ix, k)) {
            snprintf(field, sizeof field, "%s[%zu].id", key, ix->entries[k].index);
            YAML_ERROR(c, field, "id \"%s\" is declared twice", ix->entries[k].id);
        }
}

static char **copy_ids(compiler *c, size_t n, const char *const *ids)
{
    char **out = compile_alloc(c, n, sizeof *out);
    for (size_t i = 0; out && i < n; i++)
        if (!(out[i] = strdup(ids[i] ? ids[i] : "")))
            c->status = SCRUTIN_ENOMEM, c->oom = true;
    return out;
}

static void compile_entities(compiler *c)
{
    const scn_doc *doc = c->s->doc;
    scrutin_model *m = c->m;
    m->n_coalitions = doc->coalitions_count;
    m->n_parties = doc->parties_count;
    m->n_regions = doc->regions_count;
    size_t all = m->n_coalitions + m->n_parties + m->n_regions;
    const char **ids = compile_alloc(c, 2 * all, sizeof *ids);
    if (!ids)
        return;
    const char **coal = ids, **party = ids + m->n_coalitions, **region = party + m->n_parties;
    const char **names = ids + all; /* the same entities' names */
    for (size_t i = 0; i < m->n_coalitions; i++)
        coal[i] = doc->coalitions[i].id, names[i] = doc->coalitions[i].name;
    for (size_t i = 0; i < m->n_parties; i++)
        party[i] = doc->parties[i].id, names[m->n_coalitions + i] = doc->parties[i].name;
    for (size_t i = 0; i < m->n_regions; i++)
        region[i] = doc->regions[i].id,
        names[m->n_coalitions + m->n_parties + i] = doc->regions[i].name;
    index_named(c, &c->coalitions, "coalitions", m->n_coalitions, coal, names);
    index_named(c, &c->parties, "parties", m->n_parties, party, names + m->n_coalitions);
    index_named(c, &c->regions, "regions", m->n_regions, region,
                names + m->n_coalitions + m->n_parties);
    m->coalition_id = copy_ids(c, m->n_coalitions, coal);
    m->party_id = copy_ids(c, m->n_parties, party);
    m->region_id = copy_ids(c, m->n_regions, region);
    free(ids);

    m->party_coalition = compile_alloc(c, m->n_parties, sizeof *m->party_coalition);
    m->independent_party = -1;
    char field[96];
    for (size_t i = 0; m->party_coalition && i < m->n_parties; i++) {
        const scn_party *p = &doc->parties[i];
        size_t k = id_index_find(&c->coalitions, NULL, p->coalition);
        if (k == (size_t)-1) {
            snprintf(field, sizeof field, "parties[%zu].coalition", i);
            YAML_ERROR(c, field, "party \"%s\" names coalition \"%s\", which is not declared%s",
                       p->id, p->coalition, ID_NEAR(&c->coalitions, NULL, p->coalition));
            k = 0;
        }
        m->party_coalition[i] = (uint32_t)k;
        if (p->independent) {
            if (m->independent_party >= 0) {
                snprintf(field, sizeof field, "parties[%zu].independent", i);
                YAML_ERROR(c, field, "only one party may be marked independent; \"%s\" is already",
                           m->party_id[m->independent_party]);
            }
            m->independent_party = (int32_t)i;
        }
    }
}

static void compile_districts(compiler *c)
{
    const scrutin_scenario *s = c->s;
    scrutin_model *m = c->m;
    size_t n = s->districts_count;
    m->n_districts = n;
    const char **ids = compile_alloc(c, n, sizeof *ids);
    if (!ids)
        return;
    for (size_t i = 0; i < n; i++)
        ids[i] = s->districts[i].id;
    if (id_index_build(&c->districts, n, NULL, ids) != SCRUTIN_OK)
        c->status = SCRUTIN_ENOMEM, c->oom = true;
    m->district_id = copy_ids(c, n, ids);
    free(ids);
    for (size_t k = 1; k < c->districts.count; k++)
        if (id_index_same(&c->districts, k)) {
            const scn_district *d = &s->districts[c->districts.entries[k].index];
            c->status = scrutin_ctx_error(c->ctx, SCRUTIN_EINPUT, s->districts_path, d->line,
                                          "district", "district \"%s\" appears twice", d->id);
        }
    m->district_region = compile_alloc(c, n, sizeof *m->district_region);
    m->district_seats = compile_alloc(c, n, sizeof *m->district_seats);
    m->district_line = compile_alloc(c, n, sizeof *m->district_line);
    if (!(m->districts_path = strdup(s->districts_path)))
        c->status = SCRUTIN_ENOMEM, c->oom = true;
    double **obs[] = {&m->registered, &m->voters, &m->invalid, &m->voters_r2, &m->invalid_r2};
    for (size_t k = 0; k < sizeof obs / sizeof obs[0]; k++)
        *obs[k] = compile_alloc(c, n, sizeof **obs[k]);
    if (c->oom)
        return;
    unsigned long total = 0;
    int seats_known = 1;
    for (size_t i = 0; i < n; i++) {
        const scn_district *d = &s->districts[i];
        if (!id_is_valid(d->id))
            c->status = scrutin_ctx_error(c->ctx, SCRUTIN_EINPUT, s->districts_path, d->line,
                                          "district", "\"%s\" is not a valid id%s", d->id,
                                          ID_BAD(d->id, d->name));
        size_t r = id_index_find(&c->regions, NULL, d->region);
        if (r == (size_t)-1) {
            c->status = scrutin_ctx_error(c->ctx, SCRUTIN_EINPUT, s->districts_path, d->line,
                                          "region",
                                          "district \"%s\" names region \"%s\", which is not "
                                          "declared in %s%s",
                                          d->id, d->region, s->path,
                                          ID_NEAR(&c->regions, NULL, d->region));
            r = 0;
        }
        m->district_region[i] = (uint32_t)r;
        m->district_line[i] = d->line;
        m->district_seats[i] = (uint32_t)d->seats.value;
        total += (unsigned long)d->seats.value;
        seats_known &= d->seats.present;
        m->registered[i] = d->registered.present ? d->registered.value : NAN;
        m->voters[i] = d->voters.present ? d->voters.value : NAN;
        m->invalid[i] = d->invalid.present ? d->invalid.value : NAN;
        m->voters_r2[i] = d->voters_r2.present ? d->voters_r2.value : NAN;
        m->invalid_r2[i] = d->invalid_r2.present ? d->invalid_r2.value : NAN;
    }
    if (seats_known && total != s->doc->seats)
        YAML_ERROR(c, "seats", "the assembly has %u seats, but the districts of %s add up to %lu",
                   s->doc->seats, s->districts_path, total);
}

/* A majority given in the file (@p given, else NULL) is one of the assembly's seats. */
static void check_majority(compiler *c, const char *key, const unsigned *given, unsigned seats)
{
    if (given && (*given == 0 || *given > seats))
        YAML_ERROR(c, key, "%s %u is not between 1 and the %u seats", key, *given, seats);
}

/* The assembly (seats, majorities) and its electoral systems. */
static void compile_assembly(compiler *c)
{
    const scn_doc *doc = c->s->doc;
    scrutin_model *m = c->m;
    m->seats = doc->seats;
    int seats_valid = doc->seats >= 1 && doc->seats <= MAX_ASSEMBLY_SEATS;
    if (doc->seats == 0)
        YAML_ERROR(c, "seats", "%s", "the assembly needs at least one seat");
    /* Tallies are sized by the seats: a bound far above any parliament's keeps them small. */
    if (doc->seats > MAX_ASSEMBLY_SEATS)
        YAML_ERROR(c, "seats", "%u seats: expected at most %d", doc->seats, MAX_ASSEMBLY_SEATS);
    /* In 64 bits, so that no count of seats can overflow them (a bad one is reported above). */
    uint64_t seats = doc->seats;
    m->majority = doc->majority ? *doc->majority : (unsigned)(seats / 2 + 1);
    m->supermajority = doc->supermajority ? *doc->supermajority : (unsigned)((2 * seats + 2) / 3);
    /*
     * The defaults always fit a valid assembly; a majority given in the file is checked
     * against valid seats only, lest a bad seats key bring messages about keys never written.
     */
    if (seats_valid) {
        check_majority(c, "majority", doc->majority, doc->seats);
        check_majority(c, "supermajority", doc->supermajority, doc->seats);
    }
    compile_systems(c);
}

/*
 * The scenario's name is an id: it names the output folder (results/NAME) and every output.
 * A what-if without one takes its file's name, which must then be an id too.
 */
static void compile_name(compiler *c)
{
    const char *name = c->s->doc->name;
    const char *title = c->s->doc->title, *description = c->s->doc->description;
    c->m->title = title ? strdup(title) : NULL;
    c->m->description = description ? strdup(description) : NULL;
    if (!(c->m->name = strdup(name ? name : "")) || (title && !c->m->title) ||
        (description && !c->m->description)) {
        c->status = SCRUTIN_ENOMEM, c->oom = true;
        return;
    }
    if (id_is_valid(name))
        return;
    if (c->s->name_from_file)
        YAML_ERROR(c, "name",
                   "this what-if has no name, and its file's name \"%s\" is not a valid id "
                   "(an id starts with a letter, then letters, digits, '-', '_' or '.'): give "
                   "it a name, or rename the file",
                   name);
    else
        YAML_ERROR(c, "name",
                   "\"%s\" is not a valid id (an id starts with a letter, then letters, digits, "
                   "'-', '_' or '.'; the name is written into outputs, and names the output "
                   "folder results/NAME)",
                   name);
}

void scrutin_model_free(scrutin_model *m)
{
    if (!m)
        return;
    char **names[] = {m->party_id, m->coalition_id, m->region_id, m->district_id, m->list_id};
    size_t counts[] = {m->n_parties, m->n_coalitions, m->n_regions, m->n_districts, m->n_lists};
    for (size_t k = 0; k < 5; k++) {
        for (size_t i = 0; names[k] && i < counts[k]; i++)
            free(names[k][i]);
        free(names[k]);
    }
    model_free_names(m);
    free(m->title);
    free(m->description);
    free(m->base_path);
    for (size_t k = 0; m->change_words && k < m->n_change_words; k++)
        free(m->change_words[k]);
    free(m->change_words);
    for (size_t k = 0; m->system_id && k < m->n_systems; k++)
        free(m->system_id[k]);
    free(m->system_id);
    for (size_t k = 0; m->merges && k < m->n_merges; k++) {
        for (size_t i = 0; i < m->merges[k].n_from; i++)
            free(m->merges[k].from[i]);
        free(m->merges[k].from);
        free(m->merges[k].into);
    }
    free(m->merges);
    void *arrays[] = {m->name, m->party_coalition, m->district_region, m->district_seats,
                      m->district_first_list, m->registered, m->voters, m->invalid, m->voters_r2,
                      m->invalid_r2, m->list_district, m->list_kind, m->list_rejected, m->list_out,
                      m->votes_r1, m->votes_r2, m->list_first_candidate, m->candidate_party,
                      m->list_first_weight, m->weight_party, m->weight_value, m->annulments, m->lists_path, m->list_line, m->districts_path, m->district_line,
                      m->params.retention, m->params.abstention_logit, m->params.affinity,
                      m->log_baseline, m->list_coalition, m->weight_pair, m->pair_party,
                      m->turnout_logit, m->invalid_share, m->systems, m->other_votes,
                      m->other_log_baseline, m->winner_r2};
    for (size_t k = 0; k < sizeof arrays / sizeof arrays[0]; k++)
        free(arrays[k]);
    free(m);
}

int scrutin_model_compile(scrutin_model **out, const scrutin_scenario *s, scrutin_ctx *ctx)
{
    *out = NULL;
    compiler c = {.s = s, .ctx = ctx, .status = SCRUTIN_OK};
    c.m = calloc(1, sizeof *c.m);
    if (!c.m)
        return SCRUTIN_ENOMEM;
    compile_name(&c);
    if (!c.oom)
        compile_assembly(&c);
    if (!c.oom)
        compile_entities(&c);
    if (!c.oom)
        compile_districts(&c);
    if (!c.oom)
        compile_lists(&c);
    if (!c.oom)
        compile_partial(&c);
    if (!c.oom)
        compile_court(&c);
    if (!c.oom)
        compile_params(&c);
    if (!c.oom)
        compile_partial_params(&c);
    if (c.oom)
        c.status = SCRUTIN_ENOMEM;
    if (c.status == SCRUTIN_OK)
        compile_derived(&c);
    if (c.status == SCRUTIN_OK)
        compile_changes(&c);
    if (c.status == SCRUTIN_OK)
        compile_names(&c);
    if (c.status == SCRUTIN_OK)
        compile_words(&c);
    if (c.status == SCRUTIN_OK && model_fingerprint_compute(c.m) != SCRUTIN_OK)
        c.status = SCRUTIN_ENOMEM;
    id_index *ixs[] = {&c.parties, &c.coalitions, &c.regions, &c.districts, &c.lists};
    for (size_t k = 0; k < 5; k++)
        id_index_free(ixs[k]);
    free(c.list_row);
    if (c.oom)
        c.status = SCRUTIN_ENOMEM;
    if (c.status != SCRUTIN_OK) {
        scrutin_model_free(c.m);
        return c.status;
    }
    *out = c.m;
    return SCRUTIN_OK;
}
