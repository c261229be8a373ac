/* The kernel's per-run plan of a district's counts (count_plan.h). */
#include <stdint.h>
#include <stdlib.h>

#include "count_plan.h"

void count_plan_free(count_plan *p)
{
    free(p->actual_rejections);
    free(p->row_first);
    free(p->credit_first);
    free(p->credit);
    p->actual_rejections = p->row_first = p->credit_first = NULL;
    p->credit = NULL;
}

/* The group of list @p l's candidate @p c: its party, or (@p coalition) the party's coalition. */
static uint32_t group_of(const scrutin_model *m, size_t l, uint32_t c, int coalition)
{
    uint32_t party = m->candidate_party[m->list_first_candidate[l] + c];
    return coalition ? (uint32_t)m->n_parties + m->party_coalition[party] : party;
}

/*
 * The credits of list @p l's rows, exactly: row k holds the distinct parties and
 * coalitions of its first k candidates, so the list's rows hold their sum over k,
 * which stays linear in its candidates for a list of a few parties (a list of k
 * parties has at most 2 k, the bound this plan once reserved for every list, whose
 * sum is quadratic in the candidates: 800 MB for one list of 10,000 seats).
 * @p seen (one entry a group, stamped with @p stamp) marks the groups met.
 */
static size_t credits_of(const scrutin_model *m, size_t l, uint32_t candidates, size_t *seen,
                         size_t stamp)
{
    size_t distinct = 0, credits = 0;
    for (uint32_t c = 0; c < candidates; c++) {
        for (int coalition = 0; coalition < 2; coalition++) {
            uint32_t g = group_of(m, l, c, coalition);
            if (seen[g] != stamp) {
                seen[g] = stamp;
                distinct++;
            }
        }
        credits += distinct;
    }
    return credits;
}

/* The entry of group @p g among @p cell[from .. *n), appended with no seats if absent. */
static count_credit *entry_of(count_credit *cell, uint32_t from, uint32_t *n, uint32_t g)
{
    uint32_t i = from;
    while (i < *n && cell[i].group != g)
        i++;
    if (i == *n)
        cell[(*n)++] = (count_credit){g, 0};
    return &cell[i];
}

/*
 * Row k of list @p l into @p cell from row k - 1 (@p prev, @p prev_n credits, its
 * first @p *parties of them parties): each party once with its candidates among the
 * first k, in the order they first appear, then each of their coalitions once with
 * theirs, as model_credit_seats() and the rollup of parties to coalitions would add
 * them. Candidate k - 1 adds one seat to its party and one to its coalition, each
 * perhaps new, so the row is the one before with two seats more: made in the time
 * of a copy, not of a pass over the k candidates. Updates @p *parties.
 * @return the credits of the row
 */
static uint32_t row_after(const scrutin_model *m, size_t l, uint32_t k, const count_credit *prev,
                          uint32_t prev_n, uint32_t *parties, count_credit *cell)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < *parties; i++)
        cell[n++] = prev[i];
    entry_of(cell, 0, &n, group_of(m, l, k - 1, 0))->seats++;
    uint32_t start = n;
    for (uint32_t i = *parties; i < prev_n; i++)
        cell[n++] = prev[i];
    entry_of(cell, start, &n, group_of(m, l, k - 1, 1))->seats++;
    *parties = start;
    return n;
}

int count_plan_init(count_plan *p, const scrutin_model *m)
{
    *p = (count_plan){0};
    size_t groups = m->n_parties + m->n_coalitions;
    size_t *seen = calloc(groups + 1, sizeof *seen);
    p->actual_rejections = calloc(m->n_districts + 1, sizeof *p->actual_rejections);
    p->row_first = calloc(m->n_lists + 1, sizeof *p->row_first);
    if (!seen || !p->actual_rejections || !p->row_first)
        goto fail;
    for (size_t d = 0; d < m->n_districts; d++)
        for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
            p->actual_rejections[d] += m->list_rejected[l];
    size_t rows = 0, credits = 0;
    for (size_t l = 0; l < m->n_lists; l++) {
        uint32_t candidates = m->list_first_candidate[l + 1] - m->list_first_candidate[l];
        p->row_first[l] = (uint32_t)rows;
        rows += candidates;
        credits += credits_of(m, l, candidates, seen, l + 1);
    }
    /* The rows index their credits in 32 bits: more would not fit (nor in memory). */
    if (rows >= UINT32_MAX || credits >= UINT32_MAX)
        goto fail;
    p->row_first[m->n_lists] = (uint32_t)rows;
    p->credit_first = calloc(rows + 1, sizeof *p->credit_first);
    p->credit = calloc(credits + 1, sizeof *p->credit);
    if (!p->credit_first || !p->credit)
        goto fail;
    uint32_t at = 0;
    for (size_t l = 0; l < m->n_lists; l++) {
        uint32_t candidates = p->row_first[l + 1] - p->row_first[l], prev = at, prev_n = 0,
                 parties = 0;
        for (uint32_t k = 1; k <= candidates; k++) {
            p->credit_first[p->row_first[l] + k - 1] = at;
            uint32_t n = row_after(m, l, k, p->credit + prev, prev_n, &parties, p->credit + at);
            prev = at, prev_n = n;
            at += n;
        }
    }
    p->credit_first[rows] = at;
    free(seen);
    return SCRUTIN_OK;
fail:
    free(seen);
    count_plan_free(p);
    return SCRUTIN_ENOMEM;
}
