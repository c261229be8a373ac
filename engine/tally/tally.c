/* Integer accumulators of simulated outcomes and their merge. */
#include "tally_types.h"

#include <stdlib.h>
#include <string.h>

const char *scrutin_stage_name(scrutin_stage stage)
{
    return stage == SCRUTIN_STAGE_PROVISIONAL ? "provisional"
           : stage == SCRUTIN_STAGE_FINAL     ? "final"
                                              : "unknown";
}

const char *scrutin_group_kind_name(scrutin_group_kind kind)
{
    return kind == SCRUTIN_GROUP_PARTY ? "party" : kind == SCRUTIN_GROUP_COALITION ? "coalition" : "unknown";
}

int scrutin_tally_new(scrutin_tally **out, const scrutin_model *m)
{
    *out = NULL;
    scrutin_tally *t = calloc(1, sizeof *t);
    if (!t)
        return SCRUTIN_ENOMEM;
    size_t parties = scrutin_model_count(m, SCRUTIN_ENTITY_PARTY);
    t->base[SCRUTIN_GROUP_PARTY] = 0;
    t->base[SCRUTIN_GROUP_COALITION] = parties;
    t->n_groups = parties + scrutin_model_count(m, SCRUTIN_ENTITY_COALITION);
    t->n_districts = scrutin_model_count(m, SCRUTIN_ENTITY_DISTRICT);
    t->n_lists = scrutin_model_count(m, SCRUTIN_ENTITY_LIST);
    t->seats = scrutin_model_seats(m);
    t->majority = scrutin_model_majority(m);
    t->model = scrutin_model_fingerprint(m);
    size_t n = 1; /* counter 0: the number of simulations */
    t->hist = n;
    n += SCRUTIN_STAGES * t->n_groups * (t->seats + 1);
    t->largest = n;
    n += SCRUTIN_STAGES * t->n_groups;
    t->majority_changed = n;
    n += t->n_groups;
    t->shift_sum = n;
    n += t->n_groups;
    t->shift_squares = n;
    n += t->n_groups;
    t->moved = n;
    n += t->seats + 1;
    t->district = n;
    n += SCRUTIN_DISTRICT_EVENTS * t->n_districts;
    t->list = n;
    n += SCRUTIN_LIST_EVENTS * t->n_lists;
    /* [2][district][group]: held some final seats of the district; and a majority too. */
    t->district_group = n;
    n += 2 * t->n_districts * t->n_groups;
    /* [2][pair]: two lists met in round 2; and the first won. Lists come district by district. */
    t->pair_first = calloc(t->n_districts + 1, sizeof *t->pair_first);
    if (!t->pair_first) {
        free(t);
        return SCRUTIN_ENOMEM;
    }
    for (size_t l = 0; l < t->n_lists; l++)
        t->pair_first[scrutin_model_list_district(m, l) + 1]++;
    for (size_t d = 0; d < t->n_districts; d++) {
        size_t lists = t->pair_first[d + 1];
        if (lists > SCRUTIN_RUNOFF_MAX_LISTS)
            lists = 0;
        t->pair_first[d + 1] = t->pair_first[d] + scrutin_tally_pair_count(lists);
    }
    t->n_pairs = t->pair_first[t->n_districts];
    t->runoff = n;
    n += 2 * t->n_pairs;
    /*
     * One slice of these counters per electoral system, all in one array so
     * that a merge or an MPI reduction is still one loop or one call. The
     * tally itself reads as its first system; each system has a view.
     */
    size_t systems = scrutin_model_systems(m);
    t->n_systems = systems;
    t->n_counters = n * systems;
    t->c = calloc(t->n_counters, sizeof *t->c);
    t->views = systems > 1 ? calloc(systems, sizeof *t->views) : NULL;
    if (!t->c || (systems > 1 && !t->views)) {
        free(t->c);
        free(t->views);
        free(t->pair_first);
        free(t);
        return SCRUTIN_ENOMEM;
    }
    for (size_t s = 0; s < systems && systems > 1; s++) {
        t->views[s] = *t;
        t->views[s].n_systems = 1;
        t->views[s].n_counters = n;
        t->views[s].c = t->c + s * n;
        t->views[s].views = NULL;
    }
    *out = t;
    return SCRUTIN_OK;
}

size_t scrutin_tally_systems(const scrutin_tally *t) { return t->n_systems; }

const scrutin_tally *scrutin_tally_system(const scrutin_tally *t, size_t system)
{
    return tally_system((scrutin_tally *)t, system);
}

void scrutin_tally_free(scrutin_tally *t)
{
    if (!t)
        return;
    free(t->c);
    free(t->views);
    free(t->pair_first);
    free(t);
}

void tally_clear(scrutin_tally *t) { memset(t->c, 0, t->n_counters * sizeof *t->c); }

int scrutin_tally_merge(scrutin_tally *into, const scrutin_tally *from)
{
    if (!into || !from || into->model != from->model || into->n_counters != from->n_counters ||
        into->n_groups != from->n_groups || into->seats != from->seats)
        return SCRUTIN_EINVAL;
    for (size_t i = 0; i < into->n_counters; i++)
        into->c[i] += from->c[i];
    return SCRUTIN_OK;
}

int scrutin_tally_equal(const scrutin_tally *a, const scrutin_tally *b)
{
    return a->n_counters == b->n_counters &&
           memcmp(a->c, b->c, a->n_counters * sizeof *a->c) == 0;
}

uint64_t scrutin_tally_simulations(const scrutin_tally *t) { return (uint64_t)t->c[0]; }

int64_t *scrutin_tally_counters(scrutin_tally *t, size_t *count)
{
    *count = t->n_counters;
    return t->c;
}

unsigned scrutin_tally_seats(const scrutin_tally *t) { return t->seats; }

const int64_t *scrutin_tally_seat_histogram(const scrutin_tally *t, scrutin_stage stage,
                                            scrutin_group_kind kind, size_t group)
{
    return tally_hist((scrutin_tally *)t, (int)stage, t->base[kind] + group);
}

int64_t scrutin_tally_largest(const scrutin_tally *t, scrutin_stage stage, scrutin_group_kind kind,
                              size_t group)
{
    return t->c[t->largest + (size_t)stage * t->n_groups + t->base[kind] + group];
}

int64_t scrutin_tally_majority_changed(const scrutin_tally *t, scrutin_group_kind kind,
                                       size_t group)
{
    return t->c[t->majority_changed + t->base[kind] + group];
}

void scrutin_tally_court_shift(const scrutin_tally *t, scrutin_group_kind kind, size_t group,
                               int64_t *sum, int64_t *sum_squares)
{
    *sum = t->c[t->shift_sum + t->base[kind] + group];
    *sum_squares = t->c[t->shift_squares + t->base[kind] + group];
}

const int64_t *scrutin_tally_court_moved(const scrutin_tally *t) { return t->c + t->moved; }

int64_t scrutin_tally_district(const scrutin_tally *t, scrutin_district_event event,
                               size_t district)
{
    return t->c[t->district + (size_t)event * t->n_districts + district];
}

int64_t scrutin_tally_list(const scrutin_tally *t, scrutin_list_event event, size_t list)
{
    return t->c[t->list + (size_t)event * t->n_lists + list];
}

void tally_add_seats(scrutin_tally *t, const unsigned *const seats[SCRUTIN_STAGES], unsigned moved)
{
    t->c[0]++;
    size_t kinds_end[SCRUTIN_GROUP_KINDS] = {t->base[SCRUTIN_GROUP_COALITION], t->n_groups};
    for (int s = 0; s < SCRUTIN_STAGES; s++) {
        for (size_t g = 0; g < t->n_groups; g++)
            tally_hist(t, s, g)[seats[s][g]]++;
        /* The largest group of each kind; ties count for every group tied. */
        for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++) {
            unsigned best = 0;
            for (size_t g = t->base[k]; g < kinds_end[k]; g++)
                best = seats[s][g] > best ? seats[s][g] : best;
            for (size_t g = t->base[k]; g < kinds_end[k]; g++)
                t->c[t->largest + (size_t)s * t->n_groups + g] += seats[s][g] == best;
        }
    }
    /* The court changes few groups' seats: the others add 0 to these three. */
    for (size_t g = 0; g < t->n_groups; g++) {
        unsigned p = seats[SCRUTIN_STAGE_PROVISIONAL][g], f = seats[SCRUTIN_STAGE_FINAL][g];
        if (p == f)
            continue;
        t->c[t->majority_changed + g] += (p >= t->majority) != (f >= t->majority);
        int64_t shift = (int64_t)f - (int64_t)p;
        t->c[t->shift_sum + g] += shift;
        t->c[t->shift_squares + g] += shift * shift;
    }
    t->c[t->moved + (moved <= t->seats ? moved : t->seats)]++;
}

void tally_add_held(scrutin_tally *t, const uint64_t *held, size_t n, const unsigned *final)
{
    int64_t *any = t->c + t->district_group, *with_majority = any + t->n_districts * t->n_groups;
    for (size_t i = 0; i < n; i++) {
        size_t group = (uint32_t)held[i], cell = (size_t)(held[i] >> 32) * t->n_groups + group;
        any[cell]++;
        with_majority[cell] += final[group] >= t->majority;
    }
}

void scrutin_tally_district_group(const scrutin_tally *t, size_t district, scrutin_group_kind kind,
                                  size_t group, int64_t *held, int64_t *held_majority)
{
    size_t cell = district * t->n_groups + t->base[kind] + group;
    *held = t->c[t->district_group + cell];
    *held_majority = t->c[t->district_group + t->n_districts * t->n_groups + cell];
}

size_t scrutin_tally_runoff_pairs(const scrutin_tally *t) { return t->n_pairs; }

void scrutin_tally_runoff(const scrutin_tally *t, size_t pair, int64_t *met, int64_t *first_won)
{
    *met = t->c[t->runoff + pair];
    *first_won = t->c[t->runoff + t->n_pairs + pair];
}

uint64_t scrutin_tally_model_fingerprint(const scrutin_tally *t) { return t ? t->model : 0; }

int scrutin_tally_check(const scrutin_tally *tally, const scrutin_model *model, const char *caller,
                        scrutin_ctx *ctx)
{
    if (!tally || !model)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL, "%s: no %s", caller,
                                 tally ? "model" : "tally");
    if (tally->model != scrutin_model_fingerprint(model))
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "%s: the tally was made for another model (fingerprint "
                                 "%016llx) than the one given (\"%s\", fingerprint %016llx); "
                                 "make the tally with scrutin_tally_new() from this model",
                                 caller, (unsigned long long)tally->model,
                                 scrutin_model_name(model),
                                 (unsigned long long)scrutin_model_fingerprint(model));
    return SCRUTIN_OK;
}
