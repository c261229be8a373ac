/* Compiling the lists: grouped by district, candidates resolved to parties. */
#include "compiler.h"
#include "../common/ctx_verror.h"
#include "id_hints.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int list_error(compiler *c, size_t row, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int list_error(compiler *c, size_t row, const char *field, const char *fmt, ...)
{
    /* An id or a name may be long: ctx_verror never cuts the message. */
    va_list ap;
    va_start(ap, fmt);
    c->status = ctx_verror(c->ctx, SCRUTIN_EINPUT, c->s->lists_path, c->s->lists[row].line, field,
                           fmt, ap);
    va_end(ap);
    if (c->status == SCRUTIN_ENOMEM)
        c->oom = true;
    return c->status;
}

/* Order the lists by district (stable, so file order within a district). */
static void group_by_district(compiler *c, size_t *district_of_row)
{
    const scrutin_scenario *s = c->s;
    scrutin_model *m = c->m;
    uint32_t *first = m->district_first_list;
    for (size_t r = 0; r < s->lists_count; r++)
        if (district_of_row[r] != (size_t)-1)
            first[district_of_row[r] + 1]++;
    for (size_t d = 0; d < m->n_districts; d++)
        first[d + 1] += first[d];
    uint32_t *next = compile_alloc(c, m->n_districts + 1, sizeof *next);
    if (!next)
        return;
    memcpy(next, first, (m->n_districts + 1) * sizeof *next);
    for (size_t r = 0; r < s->lists_count; r++)
        if (district_of_row[r] != (size_t)-1)
            c->list_row[next[district_of_row[r]]++] = r;
    free(next);
}

/* Check a list's kind against its candidates' parties. */
static void check_kind(compiler *c, size_t row, const uint32_t *parties, size_t n)
{
    const scn_list *l = &c->s->lists[row];
    int32_t ind = c->m->independent_party;
    size_t n_ind = 0, n_distinct = 0;
    for (size_t i = 0; i < n; i++) {
        n_ind += (int32_t)parties[i] == ind;
        int seen = 0;
        for (size_t j = 0; j < i; j++)
            seen |= parties[j] == parties[i];
        n_distinct += !seen;
    }
    if (l->kind == SCN_KIND_INDEPENDENT && n_ind != n)
        list_error(c, row, "candidates",
                   "independent list \"%s\" has party candidates; its candidates must all be of "
                   "the independent party",
                   l->id);
    if (l->kind == SCN_KIND_PARTY && (n_distinct != 1 || n_ind))
        list_error(c, row, "kind",
                   "list \"%s\" is of kind party but its candidates come from %zu parties%s",
                   l->id, n_distinct, n_ind ? " or are independents" : "");
    if (l->kind == SCN_KIND_JOINT && n_distinct < 2)
        list_error(c, row, "kind", "joint list \"%s\" has candidates of a single party", l->id);
}

static void resolve_candidates(compiler *c)
{
    const scrutin_scenario *s = c->s;
    scrutin_model *m = c->m;
    size_t total_first = 0, total_weights = 0;
    for (size_t l = 0; l < m->n_lists; l++) {
        const scn_list *row = &s->lists[c->list_row[l]];
        total_first += m->district_seats[m->list_district[l]];
        total_weights += row->candidates_count;
    }
    m->list_first_candidate = compile_alloc(c, m->n_lists + 1, sizeof *m->list_first_candidate);
    m->candidate_party = compile_alloc(c, total_first, sizeof *m->candidate_party);
    m->list_first_weight = compile_alloc(c, m->n_lists + 1, sizeof *m->list_first_weight);
    m->weight_party = compile_alloc(c, total_weights, sizeof *m->weight_party);
    m->weight_value = compile_alloc(c, total_weights, sizeof *m->weight_value);
    uint32_t *parties = compile_alloc(c, 1, sizeof *parties);
    if (c->oom) {
        free(parties);
        return;
    }
    size_t n_first = 0, n_weights = 0;
    for (size_t l = 0; l < m->n_lists; l++) {
        size_t r = c->list_row[l];
        const scn_list *row = &s->lists[r];
        unsigned seats = m->district_seats[m->list_district[l]];
        uint32_t *grown = realloc(parties, (row->candidates_count + 1) * sizeof *parties);
        if (!grown) {
            c->status = SCRUTIN_ENOMEM, c->oom = true;
            break;
        }
        parties = grown;
        int ok = 1;
        /* One party named once stands for every seat: `candidates: ADEMA`. */
        int one_for_all = row->candidates_count == 1;
        for (size_t i = 0; i < row->candidates_count; i++) {
            size_t p = id_index_find(&c->parties, NULL, row->candidates[i]);
            if (p == (size_t)-1) {
                list_error(c, r, "candidates",
                           "list \"%s\" names party \"%s\", which is not declared in %s%s",
                           row->id, row->candidates[i], s->path,
                           ID_NEAR(&c->parties, NULL, row->candidates[i]));
                ok = 0;
                p = 0;
            }
            parties[i] = (uint32_t)p;
        }
        if (row->candidates_count < seats && !one_for_all) {
            list_error(c, r, "candidates",
                       "list \"%s\" has %zu candidates for the %u seats of district \"%s\"",
                       row->id, row->candidates_count, seats, row->district);
            ok = 0;
        }
        if (ok)
            check_kind(c, r, parties, row->candidates_count);
        m->list_first_candidate[l] = (uint32_t)n_first;
        for (size_t i = 0; i < seats; i++)
            m->candidate_party[n_first++] =
                one_for_all ? parties[0] : i < row->candidates_count ? parties[i] : 0;
        /* Weights w_lp: each party's share of the list's candidates; none for independents. */
        m->list_first_weight[l] = (uint32_t)n_weights;
        for (size_t i = 0; i < row->candidates_count; i++) {
            if ((int32_t)parties[i] == m->independent_party)
                continue;
            size_t w = m->list_first_weight[l];
            while (w < n_weights && m->weight_party[w] != parties[i])
                w++;
            if (w == n_weights) {
                m->weight_party[n_weights] = parties[i];
                m->weight_value[n_weights++] = 0.0;
            }
            m->weight_value[w] += 1.0 / (double)row->candidates_count;
        }
    }
    m->list_first_candidate[m->n_lists] = (uint32_t)n_first;
    m->list_first_weight[m->n_lists] = (uint32_t)n_weights;
    free(parties);
}

int compile_lists(compiler *c)
{
    const scrutin_scenario *s = c->s;
    scrutin_model *m = c->m;
    size_t n = s->lists_count;
    size_t *district_of_row = compile_alloc(c, n, sizeof *district_of_row);
    c->list_row = compile_alloc(c, n, sizeof *c->list_row);
    m->district_first_list = compile_alloc(c, m->n_districts + 1, sizeof *m->district_first_list);
    if (c->oom) {
        free(district_of_row);
        return c->status;
    }
    size_t kept = 0;
    for (size_t r = 0; r < n; r++) {
        const scn_list *l = &s->lists[r];
        district_of_row[r] = id_index_find(&c->districts, NULL, l->district);
        if (district_of_row[r] == (size_t)-1)
            list_error(c, r, "district", "list \"%s\" names district \"%s\", which is not in %s%s",
                       l->id, l->district, s->districts_path,
                       ID_NEAR(&c->districts, NULL, l->district));
        else
            kept++;
        if (!id_is_valid(l->id))
            list_error(c, r, "list", "\"%s\" is not a valid list id%s", l->id,
                       ID_BAD(l->id, l->name));
    }
    m->n_lists = kept;
    group_by_district(c, district_of_row);
    free(district_of_row);
    m->list_district = compile_alloc(c, kept, sizeof *m->list_district);
    m->list_kind = compile_alloc(c, kept, sizeof *m->list_kind);
    m->list_rejected = compile_alloc(c, kept, sizeof *m->list_rejected);
    m->list_out = compile_alloc(c, kept, sizeof *m->list_out);
    m->votes_r1 = compile_alloc(c, kept, sizeof *m->votes_r1);
    m->votes_r2 = compile_alloc(c, kept, sizeof *m->votes_r2);
    m->list_id = compile_alloc(c, kept, sizeof *m->list_id);
    m->list_line = compile_alloc(c, kept, sizeof *m->list_line);
    m->lists_path = strdup(s->lists_path);
    if (!m->lists_path)
        c->status = SCRUTIN_ENOMEM, c->oom = true;
    const char **scopes = compile_alloc(c, kept, sizeof *scopes);
    const char **ids = compile_alloc(c, kept, sizeof *ids);
    if (c->oom) {
        free(scopes);
        free(ids);
        return c->status;
    }
    for (size_t d = 0; d < m->n_districts; d++)
        for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++) {
            const scn_list *row = &s->lists[c->list_row[l]];
            m->list_district[l] = (uint32_t)d;
            m->list_kind[l] = (uint8_t)row->kind;
            m->list_line[l] = row->line;
            m->votes_r1[l] = row->votes_r1.present ? row->votes_r1.value : NAN;
            m->votes_r2[l] = row->votes_r2.present ? row->votes_r2.value : NAN;
            if (!(m->list_id[l] = strdup(row->id)))
                c->status = SCRUTIN_ENOMEM, c->oom = true;
            scopes[l] = m->district_id[d];
            ids[l] = row->id;
        }
    if (id_index_build(&c->lists, kept, scopes, ids) != SCRUTIN_OK)
        c->status = SCRUTIN_ENOMEM, c->oom = true;
    for (size_t k = 1; k < c->lists.count; k++)
        if (id_index_same(&c->lists, k))
            list_error(c, c->list_row[c->lists.entries[k].index], "list",
                       "list \"%s\" appears twice in district \"%s\"", c->lists.entries[k].id,
                       c->lists.entries[k].scope);
    free(scopes);
    free(ids);
    resolve_candidates(c);
    return c->status;
}
