/*
 * The district cells of a comparison (compare_districts.csv): for every
 * what-if, pair of electoral systems (paired_systems, as compare.csv's), district
 * (matched by id) and
 * party or coalition (matched by kind and id), how often the group wins at
 * least one of the district's final seats in the base, in the what-if, and
 * in both, in the same simulations. The kernel already lists, per
 * simulation and system, every (district, group) that holds final seats
 * (the workspace's `held`, for district_leverage.csv): counting a cell is a
 * lookup per entry, with nothing allocated. A list that a what-if merges or
 * withdraws needs no mapping: its seats count for its candidates' parties
 * and their coalitions, which both models share. A system without a partner
 * has its cells too, counted on its own side only (the rows' other side is
 * empty), so that it is shown, never dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "paired.h"

static const scrutin_entity group_entity[SCRUTIN_GROUP_KINDS] = {SCRUTIN_ENTITY_PARTY,
                                                                 SCRUTIN_ENTITY_COALITION};

static long find_id(const scrutin_model *m, scrutin_entity e, const char *id)
{
    for (size_t i = 0; i < scrutin_model_count(m, e); i++)
        if (strcmp(scrutin_model_id(m, e, i), id) == 0)
            return (long)i;
    return -1;
}

/* A group's index among the seats of the held entries: parties, then coalitions. */
static long seat_of(const scrutin_model *m, int kind, long g)
{
    return g < 0 ? -1
                 : kind == SCRUTIN_GROUP_PARTY ? g
                                               : (long)scrutin_model_count(m, SCRUTIN_ENTITY_PARTY) + g;
}

static size_t groups_of(const scrutin_model *m)
{
    return scrutin_model_count(m, SCRUTIN_ENTITY_PARTY) +
           scrutin_model_count(m, SCRUTIN_ENTITY_COALITION);
}

void paired_districts_free(paired_districts *p)
{
    for (size_t b = 0; p->blocks && b < p->n_blocks; b++) {
        free(p->blocks[b].map_base);
        free(p->blocks[b].map_whatif);
    }
    free(p->blocks);
    free(p->cells);
    memset(p, 0, sizeof *p);
}

/* A map of @p n cells, none yet; NULL for a side without a system (@p system < 0), or when out
   of memory (@p status). */
static long *new_map(long system, size_t n, int *status)
{
    if (system < 0)
        return NULL;
    long *map = malloc((n + 1) * sizeof *map);
    if (!map) {
        *status = SCRUTIN_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        map[i] = -1;
    return map;
}

/* The cells of what-if @p k under the pair of systems @p sp. */
static int add_block(paired_districts *p, const scrutin_model *const *models, size_t k,
                     const paired_system *sp, size_t *cap)
{
    const scrutin_model *b = models[0], *w = models[k];
    size_t db = scrutin_model_count(b, SCRUTIN_ENTITY_DISTRICT);
    size_t dw = scrutin_model_count(w, SCRUTIN_ENTITY_DISTRICT);
    paired_district_block *blk = &p->blocks[p->n_blocks++];
    *blk = (paired_district_block){k, sp->base, sp->whatif, NULL, NULL};
    int status = SCRUTIN_OK;
    blk->map_base = new_map(sp->base, db * groups_of(b), &status);
    blk->map_whatif = new_map(sp->whatif, dw * groups_of(w), &status);
    if (status != SCRUTIN_OK)
        return status;
    /* Districts: the base's in its order, then the what-if's others; groups likewise. */
    for (size_t pass = 0; pass < 2; pass++) {
        size_t nd = pass == 0 ? db : dw;
        for (size_t d = 0; d < nd; d++) {
            const char *did = scrutin_model_id(pass == 0 ? b : w, SCRUTIN_ENTITY_DISTRICT, d);
            long d0 = pass == 0 ? (long)d : find_id(b, SCRUTIN_ENTITY_DISTRICT, did);
            long d1 = pass == 0 ? find_id(w, SCRUTIN_ENTITY_DISTRICT, did) : (long)d;
            if (pass == 1 && d0 >= 0)
                continue;
            for (int kind = 0; kind < SCRUTIN_GROUP_KINDS; kind++)
                for (size_t gpass = 0; gpass < 2; gpass++) {
                    const scrutin_model *from = gpass == 0 ? b : w;
                    for (size_t g = 0; g < scrutin_model_count(from, group_entity[kind]); g++) {
                        const char *gid = scrutin_model_id(from, group_entity[kind], g);
                        long g0 = gpass == 0 ? (long)g : find_id(b, group_entity[kind], gid);
                        long g1 = gpass == 0 ? find_id(w, group_entity[kind], gid) : (long)g;
                        if (gpass == 1 && g0 >= 0)
                            continue;
                        if (p->n_cells == *cap) {
                            size_t grown = *cap ? 2 * *cap : 256;
                            paired_district_cell *c = realloc(p->cells, grown * sizeof *c);
                            if (!c)
                                return SCRUTIN_ENOMEM;
                            p->cells = c;
                            *cap = grown;
                        }
                        long cell = (long)p->n_cells;
                        p->cells[p->n_cells++] = (paired_district_cell){
                            k, sp->base, sp->whatif, sp->id, d0, d1, (scrutin_group_kind)kind,
                            g0, g1};
                        long s0 = seat_of(b, kind, g0), s1 = seat_of(w, kind, g1);
                        if (blk->map_base && d0 >= 0 && s0 >= 0)
                            blk->map_base[(size_t)d0 * groups_of(b) + (size_t)s0] = cell;
                        if (blk->map_whatif && d1 >= 0 && s1 >= 0)
                            blk->map_whatif[(size_t)d1 * groups_of(w) + (size_t)s1] = cell;
                    }
                }
        }
    }
    return SCRUTIN_OK;
}

int paired_districts_new(paired_districts *p, const scrutin_model *const *models, size_t n_models)
{
    memset(p, 0, sizeof *p);
    size_t most = 0, most_systems = 0, cap = 0;
    for (size_t k = 1; k < n_models; k++) {
        size_t systems = scrutin_model_systems(models[0]) + scrutin_model_systems(models[k]);
        most += systems;
        most_systems = systems > most_systems ? systems : most_systems;
    }
    p->blocks = calloc(most + 1, sizeof *p->blocks);
    paired_system *systems = calloc(most_systems + 1, sizeof *systems);
    int status = p->blocks && systems ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    for (size_t k = 1; status == SCRUTIN_OK && k < n_models; k++) {
        size_t n_systems = paired_systems(models[0], models[k], systems);
        for (size_t sp = 0; status == SCRUTIN_OK && sp < n_systems; sp++)
            status = add_block(p, models, k, &systems[sp], &cap);
    }
    free(systems);
    if (status != SCRUTIN_OK)
        return status;
    for (size_t k = 0; k < n_models; k++) {
        size_t held = 2 * (size_t)scrutin_model_seats(models[k]);
        p->touched_cap = held > p->touched_cap ? held : p->touched_cap;
    }
    p->touched_cap *= 2; /* the base's entries and the what-if's */
    return SCRUTIN_OK;
}

/* Mark the cells of @p held's @p n entries (district << 32 | seat group) with @p bit. */
static size_t mark(const long *map, size_t groups, const uint64_t *held, size_t n, uint8_t bit,
                   uint8_t *marks, size_t *touched, size_t nt)
{
    for (size_t i = 0; i < n; i++) {
        size_t d = (size_t)(held[i] >> 32), g = (size_t)(held[i] & 0xffffffffu);
        long cell = map[d * groups + g];
        if (cell < 0)
            continue;
        if (!marks[cell])
            touched[nt++] = (size_t)cell;
        marks[cell] |= bit;
    }
    return nt;
}

void paired_districts_count(const paired_districts *p, const scrutin_model *const *models,
                            sim_workspace *const *w, uint8_t *marks, size_t *touched,
                            int64_t *sums)
{
    for (size_t b = 0; b < p->n_blocks; b++) {
        const paired_district_block *blk = &p->blocks[b];
        const sim_workspace *wb = w[0], *ww = w[blk->whatif];
        size_t nt = 0;
        if (blk->sys_base >= 0) {
            size_t sb = (size_t)blk->sys_base;
            nt = mark(blk->map_base, groups_of(models[0]), wb->held + sb * wb->held_cap,
                      wb->n_held[sb], 1, marks, touched, nt);
        }
        if (blk->sys_whatif >= 0) {
            size_t sw = (size_t)blk->sys_whatif;
            nt = mark(blk->map_whatif, groups_of(models[blk->whatif]), ww->held + sw * ww->held_cap,
                      ww->n_held[sw], 2, marks, touched, nt);
        }
        for (size_t i = 0; i < nt; i++) {
            size_t cell = touched[i];
            int64_t *s = sums + cell * PAIRED_DISTRICT_STATS;
            s[PAIRED_HELD_BASE] += marks[cell] & 1;
            s[PAIRED_HELD_WHATIF] += marks[cell] >> 1;
            s[PAIRED_HELD_BOTH] += marks[cell] == 3;
            marks[cell] = 0;
        }
    }
}
