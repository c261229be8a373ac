/*
 * Two processes of a study spread by the hooks of scrutin/reduce.h, played in one
 * process (test_sweep_reduce, test_compare_reduce): "rank 1" runs first, the second half
 * of each block, and keeps the counters of each of its sums; "rank 0" runs the first half
 * and adds what rank 1 kept, sum for sum. The two must be declared together, rank 1 right
 * after rank 0 (fake_rank ranks[2]).
 */
#ifndef SCRUTIN_TEST_FAKE_RANKS_H
#define SCRUTIN_TEST_FAKE_RANKS_H

#include "test_support.h"

#include <stdlib.h>

enum { FAKE_RANK_SUMS = 8 };

typedef struct fake_rank {
    int rank;
    int64_t *kept[FAKE_RANK_SUMS]; /* rank 1's counters of each sum */
    size_t n[FAKE_RANK_SUMS];
    size_t sums, agreements;
} fake_rank;

static void fake_block(void *data, uint64_t total, uint64_t *first, uint64_t *count)
{
    const fake_rank *r = data;
    uint64_t half = total / 2;
    *first = r->rank == 0 ? 0 : half;
    *count = r->rank == 0 ? half : total - half;
}

static int fake_agree(void *data, int status)
{
    ((fake_rank *)data)->agreements++;
    return status;
}

static int fake_sum(void *data, int64_t *counters, size_t n)
{
    fake_rank *r = data;
    size_t k = r->sums++;
    assert_true(k < FAKE_RANK_SUMS);
    if (r->rank == 1) {
        r->kept[k] = malloc(n * sizeof *counters);
        memcpy(r->kept[k], counters, n * sizeof *counters);
        r->n[k] = n;
    } else {
        const fake_rank *other = r + 1;
        assert_int_equal(other->n[k], n);
        for (size_t i = 0; i < n; i++)
            counters[i] += other->kept[k][i];
    }
    return SCRUTIN_OK;
}

/* The hooks of @p r (rank 0 is the root). */
static inline scrutin_reduce fake_hooks(fake_rank *r)
{
    scrutin_reduce hooks = SCRUTIN_REDUCE_INIT;
    hooks.data = r;
    hooks.block = fake_block;
    hooks.agree = fake_agree;
    hooks.sum = fake_sum;
    hooks.root = r->rank == 0;
    return hooks;
}

/* Free what rank 1 kept. */
static inline void fake_ranks_free(fake_rank *ranks)
{
    for (size_t k = 0; k < FAKE_RANK_SUMS; k++)
        free(ranks[1].kept[k]);
}

#endif
