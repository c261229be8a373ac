/*
 * The library's comparison over several processes (scrutin_compare_tally_run_reduced with
 * the hooks of scrutin/reduce.h, the way sweep spreads its steps), played here by two
 * tallies in one process: "rank 1" runs the second half of the paired simulations and keeps
 * its counters, "rank 0" the first half, adding them. The root's counters must be the
 * one-process tally's, part for part.
 */
#include "fake_ranks.h"
#include "test_support.h"

#include <stdlib.h>

#define MALI SOURCE_PATH("scenarios/mali-2007/scenario.yaml")
#define NO_COURT SOURCE_PATH("scenarios/mali-2007/whatif-no-court.yaml")

static void test_two_ranks_compare_as_one(void **state)
{
    (void)state;
    scrutin_ctx *ctx = NULL;
    assert_int_equal(scrutin_ctx_new(&ctx), SCRUTIN_OK);
    scrutin_model *base = test_load_model(MALI, ctx), *whatif = test_load_model(NO_COURT, ctx);
    const scrutin_model *models[2] = {base, whatif};
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = 301; /* odd: the ranks' blocks differ in size */
    o.seed = 11;
    scrutin_compare_tally *one = NULL, *t[2] = {NULL, NULL};
    assert_int_equal(scrutin_compare_tally_new(&one, models, 2, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_compare_tally_run(one, &o, ctx), SCRUTIN_OK);
    fake_rank ranks[2] = {{.rank = 0}, {.rank = 1}};
    for (int k = 1; k >= 0; k--) { /* rank 1 first: rank 0 adds what it kept */
        scrutin_reduce hooks = fake_hooks(&ranks[k]);
        assert_int_equal(scrutin_compare_tally_new(&t[k], models, 2, ctx), SCRUTIN_OK);
        assert_int_equal(scrutin_compare_tally_run_reduced(t[k], &o, &hooks, ctx), SCRUTIN_OK);
        assert_int_equal(ranks[k].sums, scrutin_compare_tally_parts(t[k]));
    }
    /* The same hooks called alike on both ranks: collective calls would match. */
    assert_int_equal(ranks[0].agreements, ranks[1].agreements);
    assert_int_equal(scrutin_compare_tally_simulations(t[1]), o.count - o.count / 2);
    assert_int_equal(scrutin_compare_tally_simulations(t[0]), o.count);
    for (size_t part = 0; part < scrutin_compare_tally_parts(one); part++) {
        size_t n = 0, m = 0;
        const int64_t *a = scrutin_compare_tally_counters(one, part, &n);
        const int64_t *b = scrutin_compare_tally_counters(t[0], part, &m);
        assert_int_equal(n, m);
        assert_memory_equal(a, b, n * sizeof *a);
    }
    /* Without hooks: this process alone, the whole run. */
    scrutin_compare_tally *alone = NULL;
    assert_int_equal(scrutin_compare_tally_new(&alone, models, 2, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_compare_tally_run_reduced(alone, &o, NULL, ctx), SCRUTIN_OK);
    size_t n = 0;
    const int64_t *sums = scrutin_compare_tally_counters(alone, 2, &n);
    assert_memory_equal(sums, scrutin_compare_tally_counters(one, 2, &n), n * sizeof *sums);
    /* Hooks of another version are refused, before anything runs. */
    scrutin_reduce other = SCRUTIN_REDUCE_INIT;
    other.version = SCRUTIN_REDUCE_VERSION + 1;
    scrutin_compare_tally *refused = NULL;
    assert_int_equal(scrutin_compare_tally_new(&refused, models, 2, ctx), SCRUTIN_OK);
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_compare_tally_run_reduced(refused, &o, &other, ctx), SCRUTIN_EINVAL);
    assert_non_null(strstr(scrutin_ctx_get(ctx, 0)->message, "scrutin_reduce"));
    assert_int_equal(scrutin_compare_tally_simulations(refused), 0);
    fake_ranks_free(ranks);
    scrutin_compare_tally_free(refused);
    scrutin_compare_tally_free(alone);
    scrutin_compare_tally_free(t[0]);
    scrutin_compare_tally_free(t[1]);
    scrutin_compare_tally_free(one);
    scrutin_model_free(whatif);
    scrutin_model_free(base);
    scrutin_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_ranks_compare_as_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
