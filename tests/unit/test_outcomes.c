/*
 * Recorded outcomes and known results (scrutin/outcomes.h): every simulation
 * handed over once, in index order, the same for any thread count; the
 * recorded run's tally the plain run's; a run given known results counts
 * exactly the simulations whose outcomes meet them.
 */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "scrutin.h"

static scrutin_ctx *ctx;

/* What the callback keeps: each simulation's index and its groups' seats at both stages. */
typedef struct kept {
    size_t groups, n, cap;
    uint64_t *index;
    unsigned *seats; /* [n][stage][group], system 0 */
    int *d1_winner_is_first;
    int *d2_c_holds;
    uint64_t end;
} kept;

static int keep(const scrutin_outcomes *b, void *data)
{
    kept *k = data;
    for (size_t i = 0; i < scrutin_outcomes_count(b); i++) {
        if (k->n == k->cap) {
            k->cap = k->cap ? 2 * k->cap : 1024;
            k->index = realloc(k->index, k->cap * sizeof *k->index);
            k->seats = realloc(k->seats, k->cap * 2 * k->groups * sizeof *k->seats);
            k->d1_winner_is_first = realloc(k->d1_winner_is_first, k->cap * sizeof(int));
            k->d2_c_holds = realloc(k->d2_c_holds, k->cap * sizeof(int));
        }
        uint64_t index = scrutin_outcomes_index(b, i);
        if (k->n)
            assert_true(index > k->index[k->n - 1]);
        assert_true(index < scrutin_outcomes_end(b));
        k->index[k->n] = index;
        for (int s = 0; s < SCRUTIN_STAGES; s++)
            memcpy(k->seats + (k->n * 2 + (size_t)s) * k->groups,
                   scrutin_outcomes_seats(b, i, (scrutin_stage)s, 0), k->groups * sizeof(unsigned));
        k->d1_winner_is_first[k->n] = scrutin_outcomes_winner(b, i, SCRUTIN_STAGE_FINAL, 0, 0) == 0;
        /* Party C is index 2 of the small scenario, D2 district 1. */
        k->d2_c_holds[k->n] =
            scrutin_outcomes_holds(b, i, SCRUTIN_STAGE_FINAL, 0, 1, SCRUTIN_GROUP_PARTY, 2);
        k->n++;
    }
    k->end = scrutin_outcomes_end(b);
    return SCRUTIN_OK;
}

static void kept_free(kept *k)
{
    free(k->index);
    free(k->seats);
    free(k->d1_winner_is_first);
    free(k->d2_c_holds);
}

static scrutin_tally *run(const scrutin_model *m, uint64_t n, int threads, kept *k,
                          const scrutin_given_item *given, size_t n_given)
{
    scrutin_tally *t = NULL;
    assert_int_equal(scrutin_tally_new(&t, m), 0);
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = n;
    o.first = 100; /* a block of a larger run: indices are the run's */
    o.seed = 17;
    o.threads = threads;
    if (k) {
        k->groups = scrutin_model_count(m, SCRUTIN_ENTITY_PARTY) +
                    scrutin_model_count(m, SCRUTIN_ENTITY_COALITION);
        o.outcomes = keep;
        o.outcomes_data = k;
    }
    o.given = given;
    o.n_given = n_given;
    assert_int_equal(scrutin_sim_run(t, m, &o, ctx), SCRUTIN_OK);
    return t;
}

static void test_every_simulation_in_order_for_any_thread_count(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/small/scenario.yaml"), ctx);
    const uint64_t n = 3000; /* not a multiple of the block */
    kept one = {0}, three = {0};
    scrutin_tally *plain = run(m, n, 2, NULL, NULL, 0);
    scrutin_tally *t1 = run(m, n, 1, &one, NULL, 0);
    scrutin_tally *t3 = run(m, n, 3, &three, NULL, 0);
    assert_true(scrutin_tally_equal(plain, t1));
    assert_true(scrutin_tally_equal(plain, t3));
    assert_int_equal(one.n, n);
    assert_int_equal(three.n, n);
    assert_int_equal(one.end, 100 + n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(one.index[i], 100 + i);
    assert_memory_equal(one.seats, three.seats, n * 2 * one.groups * sizeof *one.seats);
    /* The seats' histogram is the tally's: group by group, stage by stage. */
    unsigned seats = scrutin_model_seats(m);
    int64_t *hist = calloc(seats + 1, sizeof *hist);
    size_t parties = scrutin_model_count(m, SCRUTIN_ENTITY_PARTY);
    for (int s = 0; s < SCRUTIN_STAGES; s++)
        for (size_t g = 0; g < one.groups; g++) {
            memset(hist, 0, (seats + 1) * sizeof *hist);
            for (size_t i = 0; i < n; i++)
                hist[one.seats[(i * 2 + (size_t)s) * one.groups + g]]++;
            scrutin_group_kind kind = g < parties ? SCRUTIN_GROUP_PARTY : SCRUTIN_GROUP_COALITION;
            const int64_t *want = scrutin_tally_seat_histogram(plain, (scrutin_stage)s, kind,
                                                               g < parties ? g : g - parties);
            assert_memory_equal(hist, want, (seats + 1) * sizeof *hist);
        }
    /* The winners' counts are the tally's P(win) for a one-winner district (D1, 2 seats). */
    int64_t wins = 0;
    for (size_t i = 0; i < n; i++)
        wins += one.d1_winner_is_first[i];
    assert_int_equal(wins, scrutin_tally_list(plain, SCRUTIN_LIST_WIN_FINAL, 0));
    free(hist);
    kept_free(&one);
    kept_free(&three);
    scrutin_tally_free(plain);
    scrutin_tally_free(t1);
    scrutin_tally_free(t3);
    scrutin_model_free(m);
}

static void test_given_counts_exactly_the_matching_simulations(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/small/scenario.yaml"), ctx);
    const uint64_t n = 3000;
    kept all = {0}, matched = {0};
    scrutin_tally *plain = run(m, n, 2, &all, NULL, 0);
    scrutin_given_item given[2];
    assert_int_equal(scrutin_given_parse(&given[0], m, "D1=A-B", 0, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_given_parse(&given[1], m, "D2:C", 0, ctx), SCRUTIN_OK);
    scrutin_tally *t1 = run(m, n, 1, &matched, given, 2);
    scrutin_tally *t2 = run(m, n, 2, NULL, given, 2);
    assert_true(scrutin_tally_equal(t1, t2));
    /* The matching simulations, from the unconditional outcomes. */
    size_t want = 0;
    for (size_t i = 0; i < n; i++)
        if (all.d1_winner_is_first[i] && all.d2_c_holds[i]) {
            assert_true(want < matched.n);
            assert_int_equal(matched.index[want], all.index[i]);
            assert_memory_equal(matched.seats + want * 2 * all.groups,
                                all.seats + i * 2 * all.groups, 2 * all.groups * sizeof(unsigned));
            want++;
        }
    assert_true(want > 100 && want < n - 100); /* a condition that selects */
    assert_int_equal(matched.n, want);
    assert_int_equal(scrutin_tally_simulations(t1), want);
    assert_int_equal(scrutin_tally_list(t1, SCRUTIN_LIST_WIN_FINAL, 0), want);
    kept_free(&all);
    kept_free(&matched);
    scrutin_tally_free(plain);
    scrutin_tally_free(t1);
    scrutin_tally_free(t2);
    scrutin_model_free(m);
}

static void test_given_text_is_checked(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/small/scenario.yaml"), ctx);
    scrutin_given_item g;
    assert_int_equal(scrutin_given_parse(&g, m, "provisional:D3=C", 0, ctx), SCRUTIN_OK);
    assert_int_equal(g.stage, SCRUTIN_STAGE_PROVISIONAL);
    assert_int_equal(g.holds, 0);
    assert_string_equal(scrutin_model_id(m, SCRUTIN_ENTITY_LIST, g.what), "C");
    assert_int_equal(scrutin_given_parse(&g, m, "D1:LEFT", 0, ctx), SCRUTIN_OK);
    assert_int_equal(g.kind, SCRUTIN_GROUP_COALITION);
    /* Unknown ids, and results no simulation can meet: a list the court rejected before the
       vote, a party without a list in the district, a list of another district. */
    const char *bad[] = {"D1", "D9=A", "D1=X", "D1:NOPE", "=A", "D1=", "provisional:",
                         "D3=ind-d3", "D3:A", "D1=B"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        scrutin_ctx_clear(ctx);
        assert_int_equal(scrutin_given_parse(&g, m, bad[i], 0, ctx), SCRUTIN_EINPUT);
        assert_int_equal(scrutin_ctx_count(ctx), 1);
    }
    scrutin_ctx_clear(ctx);
    scrutin_model_free(m);
}

static void test_given_check_refuses_results_that_cannot_hold_together(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/small/scenario.yaml"), ctx);
    scrutin_given_item g[3];
    assert_int_equal(scrutin_given_parse(&g[0], m, "D1=A-B", 0, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_given_parse(&g[1], m, "D2=A", 0, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_given_check(g, 2, m, ctx), SCRUTIN_OK);
    /* One stage; and, small having no random court, two stages too. */
    assert_int_equal(scrutin_given_parse(&g[2], m, "D1=C", 0, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_given_check(g, 3, m, ctx), SCRUTIN_EINPUT);
    assert_int_equal(scrutin_given_parse(&g[2], m, "provisional:D1=C", 0, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_given_check(g, 3, m, ctx), SCRUTIN_EINPUT);
    assert_int_equal(scrutin_ctx_count(ctx), 2);
    /* D3 has one seat: its winner B's candidate holds it, of party B and coalition LEFT. */
    assert_int_equal(scrutin_given_parse(&g[1], m, "D3=B", 0, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_given_parse(&g[2], m, "D3:LEFT", 0, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_given_check(g, 3, m, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_given_parse(&g[2], m, "D3:C", 0, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_given_check(g, 3, m, ctx), SCRUTIN_EINPUT);
    assert_int_equal(scrutin_ctx_count(ctx), 3);
    scrutin_ctx_clear(ctx);
    scrutin_model_free(m);
}

int main(void)
{
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_simulation_in_order_for_any_thread_count),
        cmocka_unit_test(test_given_counts_exactly_the_matching_simulations),
        cmocka_unit_test(test_given_text_is_checked),
        cmocka_unit_test(test_given_check_refuses_results_that_cannot_hold_together),
    };
    int failed = cmocka_run_group_tests_name("outcomes", tests, NULL, NULL);
    scrutin_ctx_free(ctx);
    return failed;
}
