/*
 * The library's sweep over several processes (scrutin_sweep_steps with the hooks of
 * scrutin/reduce.h), played here by two sweeps in one process: "rank 1" runs the second
 * half of every step and keeps its counts, "rank 0" the first half, adding them. The
 * root's sweep must be the one-process sweep's, row for row and bit for bit.
 */
#include "fake_ranks.h"
#include "test_support.h"

#include <stdlib.h>

#define SMALL SOURCE_PATH("tests/data/small/scenario.yaml")
#define STEPS 3

static void test_two_ranks_sweep_as_one(void **state)
{
    (void)state;
    scrutin_ctx *ctx = NULL;
    assert_int_equal(scrutin_ctx_new(&ctx), SCRUTIN_OK);
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = 301; /* odd: the ranks' blocks differ in size */
    o.seed = 11;
    scrutin_sweep *one = NULL;
    assert_int_equal(scrutin_sweep_run(&one, SMALL, "model.sd_list", 0.1, 0.5, STEPS, &o, ctx),
                     SCRUTIN_OK);
    fake_rank ranks[2] = {{.rank = 0}, {.rank = 1}};
    scrutin_sweep *swept[2] = {NULL, NULL};
    for (int k = 1; k >= 0; k--) { /* rank 1 first: rank 0 adds what it kept */
        scrutin_reduce hooks = fake_hooks(&ranks[k]);
        assert_int_equal(scrutin_sweep_new(&swept[k], "model.sd_list", 0.1, 0.5, STEPS, o.count,
                                           ctx),
                         SCRUTIN_OK);
        assert_int_equal(scrutin_sweep_steps(swept[k], SMALL, &o, &hooks, ctx), SCRUTIN_OK);
        assert_int_equal(ranks[k].sums, STEPS);
    }
    /* The same hooks called alike on both ranks: collective calls would match. */
    assert_int_equal(ranks[0].agreements, ranks[1].agreements);
    /* Rank 1 counts its steps and keeps no rows; rank 0 holds the whole sweep. */
    assert_int_equal(swept[1]->n_done, STEPS);
    assert_int_equal(swept[1]->n_rows, 0);
    assert_int_equal(swept[1]->completed[0], o.count - o.count / 2);
    assert_int_equal(swept[0]->n_rows, one->n_rows);
    for (size_t r = 0; r < one->n_rows; r++) {
        const scrutin_sweep_row *a = &one->rows[r], *b = &swept[0]->rows[r];
        assert_string_equal(a->coalition, b->coalition);
        assert_memory_equal(&a->p_majority, &b->p_majority, sizeof a->p_majority);
        assert_memory_equal(&a->p_majority_se, &b->p_majority_se, sizeof a->p_majority_se);
        assert_memory_equal(&a->mean_seats, &b->mean_seats, sizeof a->mean_seats);
        assert_memory_equal(&a->mean_se, &b->mean_se, sizeof a->mean_se);
    }
    assert_int_equal(swept[0]->completed[STEPS - 1], o.count);
    /* A hook struct of another version is refused. */
    scrutin_reduce other = SCRUTIN_REDUCE_INIT;
    other.version = SCRUTIN_REDUCE_VERSION + 1;
    scrutin_sweep *s = NULL;
    assert_int_equal(scrutin_sweep_new(&s, "model.sd_list", 0.1, 0.5, STEPS, o.count, ctx),
                     SCRUTIN_OK);
    assert_int_equal(scrutin_sweep_steps(s, SMALL, &o, &other, ctx), SCRUTIN_EINVAL);
    scrutin_sweep_free(s);
    fake_ranks_free(ranks);
    scrutin_sweep_free(swept[0]);
    scrutin_sweep_free(swept[1]);
    scrutin_sweep_free(one);
    scrutin_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_ranks_sweep_as_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
