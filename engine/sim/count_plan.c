/* The kernel's per-run plan of a district's counts (count_plan.h). */
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

/*
 * Row k (the first k candidates) of list @p l into @p cell (room for 2 k):
 * each party once with its candidates, in the order they first appear, then
 * each of their coalitions once with theirs, as model_credit_seats() and the
 * rollup of parties to coalitions would add them.
 * @return the credits of the row
 */
static uint32_t row_of(const scrutin_model *m, size_t l, uint32_t k, count_credit *cell)
{
    const uint32_t *party = m->candidate_party + m->list_first_candidate[l];
    uint32_t n = 0;
    for (int coalitions = 0; coalitions < 2; coalitions++) {
        uint32_t start = n;
        for (uint32_t c = 0; c < k; c++) {
            uint32_t g = coalitions ? (uint32_t)m->n_parties + m->party_coalition[party[c]]
                                    : party[c];
            uint32_t i = start;
            while (i < n && cell[i].group != g)
                i++;
            if (i == n)
                cell[n++] = (count_credit){g, 0};
            cell[i].seats++;
        }
    }
    return n;
}

int count_plan_init(count_plan *p, const scrutin_model *m)
{
    *p = (count_plan){0};
    p->actual_rejections = calloc(m->n_districts + 1, sizeof *p->actual_rejections);
    p->row_first = calloc(m->n_lists + 1, sizeof *p->row_first);
    if (!p->actual_rejections || !p->row_first)
        goto fail;
    for (size_t d = 0; d < m->n_districts; d++)
        for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
            p->actual_rejections[d] += m->list_rejected[l];
    /* Row k has at most 2 k credits (k parties, k coalitions): c (c + 1) for a list's c rows. */
    size_t rows = 0, credits = 0;
    for (size_t l = 0; l < m->n_lists; l++) {
        size_t candidates = m->list_first_candidate[l + 1] - m->list_first_candidate[l];
        p->row_first[l] = (uint32_t)rows;
        rows += candidates;
        credits += candidates * (candidates + 1);
    }
    p->row_first[m->n_lists] = (uint32_t)rows;
    p->credit_first = calloc(rows + 1, sizeof *p->credit_first);
    p->credit = calloc(credits + 1, sizeof *p->credit);
    if (!p->credit_first || !p->credit)
        goto fail;
    uint32_t at = 0;
    for (size_t l = 0; l < m->n_lists; l++) {
        uint32_t candidates = p->row_first[l + 1] - p->row_first[l];
        for (uint32_t k = 1; k <= candidates; k++) {
            p->credit_first[p->row_first[l] + k - 1] = at;
            at += row_of(m, l, k, p->credit + at);
        }
    }
    p->credit_first[rows] = at;
    return SCRUTIN_OK;
fail:
    count_plan_free(p);
    return SCRUTIN_ENOMEM;
}
