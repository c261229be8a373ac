/*
 * Joint lists (docs/whatifs.md, `merge_lists`): in each district chosen, the
 * lists that run and are made only of the parties named merge into one joint
 * list. It takes the place of the first of them (the others stay in place,
 * not running, so that every list keeps its random shocks), and:
 * - its baseline is the sum of theirs (round-1 votes: the sum of theirs);
 * - its candidates: the district's seats are allotted to the parties by the
 *   largest remainders of their baseline votes (a party's votes being its
 *   share of each member's candidates times that member's baseline), the
 *   party with the most votes first; ties go to the party named first;
 * - its kind, its coalition and its party weights follow from those
 *   candidates, as for any list.
 */
#include "../rules/apportion.h"
#include "compile_changes.h"
#include "id_hints.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 if every candidate of list @p l belongs to a party of @p in_set. */
static int made_of(const scrutin_model *m, size_t l, const uint8_t *in_set)
{
    return changes_list_weight(m, l, in_set) >= 1.0 - 1e-9;
}

/* What one joint list is made of: its candidates' parties and their weights. */
typedef struct joint {
    size_t list;
    size_t n_weights;
    uint32_t *party;  /* [n_parties named] weight entries */
    double *value;
} joint;

/* Scratch of one merge, allocated once for every district (indexed by party, or like the
   parties named). */
typedef struct merge_scratch {
    double *votes;        /* [n_parties] the joint list's votes of each party */
    double *named_votes;  /* [n_parties] the same, indexed like the parties named */
    unsigned *seats;      /* [n_parties] indexed like the parties named */
    uint8_t *picked;      /* [n_parties] */
    double *share;        /* the district's list shares (changes_district_shares) */
} merge_scratch;

/*
 * The district's @p total seats allotted to the parties @p order (n of them)
 * by the largest remainders of their votes (indexed by party), into
 * seats (indexed like @p order): the rules' own largest remainders
 * (apportion_largest_remainder), without a lot: on a tie, the larger vote,
 * then the party named first.
 */
static void largest_remainders(merge_scratch *x, const uint32_t *order, size_t n, unsigned total)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        x->named_votes[i] = x->votes[order[i]];
        x->seats[i] = 0;
        sum += x->named_votes[i];
    }
    if (!(sum > 0.0))
        return;
    apportion_pool pool;
    apportion_pool_init(&pool, x->named_votes, n, 0.0, APPORTION_NONE);
    int tie = 0;
    apportion_largest_remainder(&pool, total, NULL, x->seats, &tie);
}

/* Rebuild the weight arrays with the joint lists' weights in place of their old ones. */
static void rebuild_weights(compiler *c, const joint *joints, size_t n_joints)
{
    scrutin_model *m = c->m;
    size_t old_total = m->list_first_weight[m->n_lists], total = old_total;
    for (size_t j = 0; j < n_joints; j++)
        total = total - (m->list_first_weight[joints[j].list + 1] -
                         m->list_first_weight[joints[j].list]) +
                joints[j].n_weights;
    int32_t *pair_of = compile_pair_map(c);
    uint32_t *first = compile_alloc(c, m->n_lists + 1, sizeof *first);
    uint32_t *party = compile_alloc(c, total, sizeof *party);
    double *value = compile_alloc(c, total, sizeof *value);
    uint32_t *pair = compile_alloc(c, total, sizeof *pair);
    uint32_t *pair_party = compile_alloc(c, m->n_pairs + total, sizeof *pair_party);
    if (c->oom) {
        free(pair_of), free(first), free(party), free(value), free(pair), free(pair_party);
        return;
    }
    for (size_t l = 0; l < m->n_lists; l++)
        for (size_t w = m->list_first_weight[l]; w < m->list_first_weight[l + 1]; w++)
            pair_of[m->district_region[m->list_district[l]] * m->n_parties + m->weight_party[w]] =
                (int32_t)m->weight_pair[w];
    memcpy(pair_party, m->pair_party, m->n_pairs * sizeof *pair_party);
    size_t n = 0, next_joint = 0;
    for (size_t l = 0; l < m->n_lists; l++) {
        first[l] = (uint32_t)n;
        size_t region = m->district_region[m->list_district[l]];
        if (next_joint < n_joints && joints[next_joint].list == l) {
            const joint *jt = &joints[next_joint++];
            for (size_t w = 0; w < jt->n_weights; w++) {
                /* A (region, party) pair no list used gets a new regional shock. */
                party[n] = jt->party[w];
                value[n] = jt->value[w];
                pair[n++] = compile_pair(pair_of, m, region, jt->party[w], pair_party, &m->n_pairs);
            }
            continue;
        }
        for (size_t w = m->list_first_weight[l]; w < m->list_first_weight[l + 1]; w++) {
            party[n] = m->weight_party[w];
            value[n] = m->weight_value[w];
            pair[n++] = m->weight_pair[w];
        }
    }
    first[m->n_lists] = (uint32_t)n;
    free(pair_of);
    free(m->list_first_weight), free(m->weight_party), free(m->weight_value);
    free(m->weight_pair), free(m->pair_party);
    m->list_first_weight = first;
    m->weight_party = party;
    m->weight_value = value;
    m->weight_pair = pair;
    m->pair_party = pair_party;
}

/* The joint list's candidates, kind, coalition and weights, from its members' baseline votes. */
static void make_joint(scrutin_model *m, joint *jt, const uint32_t *order, size_t n,
                       merge_scratch *x)
{
    size_t target = jt->list;
    unsigned total = m->district_seats[m->list_district[target]];
    largest_remainders(x, order, n, total);
    const double *votes = x->votes;
    const unsigned *seats = x->seats;
    uint8_t *picked = x->picked;
    uint32_t *candidates = m->candidate_party + m->list_first_candidate[target];
    size_t filled = 0, distinct = 0;
    jt->n_weights = 0;
    for (size_t i = 0; i < n; i++)
        picked[i] = 0;
    /* The party with the most votes first, and so on; a tie keeps the order named. */
    for (size_t round = 0; round < n; round++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (!picked[i] && seats[i] > 0 && (best == n || votes[order[i]] > votes[order[best]]))
                best = i;
        if (best == n)
            break;
        picked[best] = 1;
        for (unsigned k = 0; k < seats[best] && filled < total; k++)
            candidates[filled++] = order[best];
        distinct++;
        /* Independents carry no weight entry: they are what the party weights leave. */
        if ((int32_t)order[best] == m->independent_party)
            continue;
        jt->party[jt->n_weights] = order[best];
        jt->value[jt->n_weights++] = (double)seats[best] / (double)total;
    }
    m->list_kind[target] = (uint8_t)(distinct >= 2          ? LIST_JOINT
                                     : jt->n_weights == 0 ? LIST_INDEPENDENT
                                                          : LIST_PARTY);
    /* The coalition most of its candidates belong to, decided as compile_derived.c does. */
    uint32_t best = m->independent_party >= 0 ? m->party_coalition[m->independent_party] : 0;
    double best_weight = 0.0;
    for (size_t w = 0; w < jt->n_weights; w++) {
        double weight = 0.0;
        uint32_t k = m->party_coalition[jt->party[w]];
        for (size_t v = 0; v <= w; v++)
            if (m->party_coalition[jt->party[v]] == k)
                weight += jt->value[v];
        if (weight > best_weight) {
            best_weight = weight;
            best = k;
        }
    }
    m->list_coalition[target] = best;
}

/*
 * Keep in the model which lists of district @p d merge into @p id, by the ids they have now
 * (the joint list takes its first member's place and id): the reports say it (run.json's
 * `parameters.changes.lists_merged`). @return 0, or -1 out of memory
 */
static int record_merge(scrutin_model *m, size_t d, const uint8_t *in_set, const char *id,
                        size_t members)
{
    model_merge *grown = realloc(m->merges, (m->n_merges + 1) * sizeof *grown);
    if (!grown)
        return -1;
    m->merges = grown;
    model_merge *g = &m->merges[m->n_merges++];
    *g = (model_merge){.district = (uint32_t)d, .into = strdup(id),
                       .from = calloc(members, sizeof *g->from)};
    if (!g->into || !g->from)
        return -1;
    for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
        if (changes_list_runs(m, l) && made_of(m, l, in_set))
            if (!(g->from[g->n_from++] = strdup(m->list_id[l])))
                return -1;
    return 0;
}

/* The joint list of district @p d, if two or more lists merge there. @return 1 if they did. */
static int merge_district(compiler *c, const char *field, size_t d, const uint8_t *in_set,
                          const char *id, joint *jt, const uint32_t *order, size_t n,
                          merge_scratch *x)
{
    scrutin_model *m = c->m;
    double *votes = x->votes, *share = x->share;
    size_t first = m->district_first_list[d], end = m->district_first_list[d + 1];
    size_t target = end, members = 0;
    for (size_t l = first; l < end; l++)
        if (changes_list_runs(m, l) && made_of(m, l, in_set)) {
            members++;
            target = target == end ? l : target;
        }
    if (members < 2)
        return 0;
    for (size_t l = first; l < end; l++)
        if (l != target && strcmp(m->list_id[l], id) == 0) {
            YAML_ERROR(c, field,
                       "district \"%s\" already has a list \"%s\": give the joint list another id",
                       m->district_id[d], id);
            return 0;
        }
    if (record_merge(m, d, in_set, id, members) != 0) {
        c->status = SCRUTIN_ENOMEM, c->oom = true;
        return 0;
    }
    changes_district_shares(m, d, share);
    for (size_t i = 0; i < n; i++)
        votes[order[i]] = 0.0;
    double top = -INFINITY, sum = 0.0, votes_r1 = 0.0;
    for (size_t l = first; l < end; l++)
        if (changes_list_runs(m, l) && made_of(m, l, in_set) && m->log_baseline[l] > top)
            top = m->log_baseline[l];
    for (size_t l = first; l < end; l++) {
        if (!changes_list_runs(m, l) || !made_of(m, l, in_set))
            continue;
        sum += exp(m->log_baseline[l] - top);
        votes_r1 += m->votes_r1[l];
        double weights = 0.0;
        for (uint32_t w = m->list_first_weight[l]; w < m->list_first_weight[l + 1]; w++) {
            votes[m->weight_party[w]] += share[l - first] * m->weight_value[w];
            weights += m->weight_value[w];
        }
        if (m->independent_party >= 0 && weights < 1.0 - 1e-9)
            votes[m->independent_party] += share[l - first] * (1.0 - weights);
        if (l != target) {
            m->list_rejected[l] = 1;
            m->list_out[l] = LIST_OUT_MERGED;
            m->log_baseline[l] = -INFINITY;
        }
    }
    m->log_baseline[target] = top + log(sum);
    m->votes_r1[target] = votes_r1;
    m->votes_r2[target] = NAN; /* the joint list never stood in a round 2 */
    char *copy = strdup(id);
    if (!copy) {
        c->status = SCRUTIN_ENOMEM, c->oom = true;
        return 0;
    }
    free(m->list_id[target]);
    m->list_id[target] = copy;
    jt->list = target;
    make_joint(m, jt, order, n, x);
    return 1;
}

/* The parties named, as indices (unknown ones reported), in @p order and @p in_set. */
static size_t named_parties(compiler *c, const char *field, const scn_merge_lists *g,
                            uint32_t *order, uint8_t *in_set)
{
    size_t n = 0;
    char where[128];
    for (size_t p = 0; p < c->m->n_parties; p++)
        in_set[p] = 0;
    for (unsigned i = 0; i < g->parties_count; i++) {
        size_t p = id_index_find(&c->parties, NULL, g->parties[i]);
        if (p == (size_t)-1) {
            snprintf(where, sizeof where, "%s.parties[%u]", field, i);
            YAML_ERROR(c, where, "party \"%s\" is not declared%s", g->parties[i], ID_NEAR(&c->parties, NULL, g->parties[i]));
            continue;
        }
        if (!in_set[p])
            order[n++] = (uint32_t)p;
        in_set[p] = 1;
    }
    return n;
}

/* The joint list's id: the one given, else the parties' ids joined by '-'. */
static char *joint_id(compiler *c, const char *field, const scn_merge_lists *g)
{
    size_t size = 1;
    for (unsigned i = 0; i < g->parties_count; i++)
        size += strlen(g->parties[i]) + 1;
    char *id = g->id ? strdup(g->id) : calloc(size, 1);
    if (!id) {
        c->status = SCRUTIN_ENOMEM, c->oom = true;
        return NULL;
    }
    for (unsigned i = 0; !g->id && i < g->parties_count; i++) {
        strcat(id, i ? "-" : "");
        strcat(id, g->parties[i]);
    }
    if (!id_is_valid(id)) {
        char where[128];
        snprintf(where, sizeof where, "%s.id", field);
        YAML_ERROR(c, where, "\"%s\" is not a valid list id", id);
        free(id);
        return NULL;
    }
    return id;
}

void changes_merge(compiler *c, unsigned i, const scn_merge_lists *g, double *share)
{
    scrutin_model *m = c->m;
    char field[96];
    snprintf(field, sizeof field, "changes[%u].merge_lists", i);
    uint8_t *in_set = compile_alloc(c, m->n_parties, 1);
    uint8_t *selected = compile_alloc(c, m->n_districts, 1);
    uint32_t *order = compile_alloc(c, m->n_parties, sizeof *order);
    merge_scratch x = {compile_alloc(c, m->n_parties, sizeof *x.votes),
                       compile_alloc(c, m->n_parties, sizeof *x.named_votes),
                       compile_alloc(c, m->n_parties, sizeof *x.seats),
                       compile_alloc(c, m->n_parties, 1), share};
    joint *joints = compile_alloc(c, m->n_districts, sizeof *joints);
    uint32_t *parties = compile_alloc(c, m->n_districts * (g->parties_count + 1), sizeof *parties);
    double *values = compile_alloc(c, m->n_districts * (g->parties_count + 1), sizeof *values);
    char *id = NULL;
    size_t n_joints = 0, n = 0;
    size_t problems = scrutin_ctx_count(c->ctx);
    if (!c->oom) {
        n = named_parties(c, field, g, order, in_set);
        changes_select_districts(c, field, NULL, 0, g->districts, g->districts_count, selected);
        id = joint_id(c, field, g);
    }
    for (size_t d = 0; id && !c->oom && d < m->n_districts; d++) {
        if (!selected[d])
            continue;
        joint *jt = &joints[n_joints];
        jt->party = parties + n_joints * (g->parties_count + 1);
        jt->value = values + n_joints * (g->parties_count + 1);
        n_joints += (size_t)merge_district(c, field, d, in_set, id, jt, order, n, &x);
    }
    if (id && n_joints == 0 && scrutin_ctx_count(c->ctx) == problems && !c->oom)
        YAML_ERROR(c, field, "%s", "no district chosen has two or more running lists made only "
                                   "of these parties: nothing to merge");
    if (n_joints > 0 && !c->oom)
        rebuild_weights(c, joints, n_joints);
    free(id);
    free(in_set), free(selected), free(order), free(x.votes), free(x.named_votes), free(x.seats);
    free(x.picked);
    free(joints), free(parties), free(values);
}
