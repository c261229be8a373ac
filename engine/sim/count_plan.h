/*
 * What the kernel's counts of a district need, worked out once for the run
 * when the workspace is made (kernel.c reads it in every simulation):
 * whether a district has lists the court actually rejected, and, for each
 * list and number of seats, the groups (parties and coalitions) its seats go
 * to. The kernel then credits a list's seats and notes the groups that hold
 * them without going through its candidates.
 */
#ifndef SCRUTIN_COUNT_PLAN_H
#define SCRUTIN_COUNT_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "../model/model_types.h"

/* Seats of one group (a party, or a coalition: n_parties + its index) from one list. */
typedef struct count_credit {
    uint32_t group;
    uint32_t seats;
} count_credit;

typedef struct count_plan {
    uint32_t *actual_rejections; /* [n_districts] lists the court actually rejected (or a
                                    what-if took away): model_types.h's list_rejected */
    uint32_t *row_first;         /* [n_lists + 1] list l's row for k seats (1 <= k <= its
                                    candidates) is row_first[l] + k - 1 */
    uint32_t *credit_first;      /* [rows + 1] row r's credits are credit[credit_first[r]..r + 1] */
    count_credit *credit;        /* the parties of the first k candidates, each once with its
                                    seats, in the order they first appear, then their
                                    coalitions, each once: every group at most once a row */
} count_plan;

/* @return SCRUTIN_OK, or SCRUTIN_ENOMEM (then @p p holds nothing to free). */
int count_plan_init(count_plan *p, const scrutin_model *m);
void count_plan_free(count_plan *p);

/*
 * The credits of @p seats seats of list @p list: [*first, return value) of p->credit.
 * A list credits at most as many seats as it has candidates (model_credit_seats()).
 */
static inline uint32_t count_plan_credits(const count_plan *p, size_t list, unsigned seats,
                                          uint32_t *first)
{
    uint32_t rows = p->row_first[list + 1] - p->row_first[list];
    uint32_t k = seats < rows ? seats : rows;
    if (k == 0) {
        *first = 0;
        return 0;
    }
    uint32_t r = p->row_first[list] + k - 1;
    *first = p->credit_first[r];
    return p->credit_first[r + 1];
}

#endif
