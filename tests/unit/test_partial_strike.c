/*
 * tests/data/partial/scenario-struck.yaml: a court strike of round-1 votes that sends a district
 * to a round 2 without a published result leaves its final result unknown, as a district that
 * reaches round 2 without a result: final winner -1, counted in districts_unknown and
 * seats_unknown, its round-1 winner kept as the provisional one.
 */
#include "test_support.h"

#include "scrutin.h"

static scrutin_model *model;
static scrutin_replay *replay;

static size_t district(const char *id)
{
    for (size_t d = 0; d < scrutin_model_count(model, SCRUTIN_ENTITY_DISTRICT); d++)
        if (strcmp(scrutin_model_id(model, SCRUTIN_ENTITY_DISTRICT, d), id) == 0)
            return d;
    fail_msg("no district %s", id);
    return 0;
}

static void test_struck_into_unknown_round2(void **state)
{
    (void)state;
    size_t d = district("P5");
    long w = replay->winner_provisional[d];
    assert_true(w >= 0);
    assert_string_equal(scrutin_model_id(model, SCRUTIN_ENTITY_LIST, (size_t)w), "A");
    assert_int_equal(replay->decided_round1[d], 1);
    assert_int_equal(replay->winner_final[d], -1);
    /* P5 alone: every other district has its result. */
    assert_int_equal(replay->districts_unknown, 1);
    assert_int_equal(replay->seats_unknown, 1);
    for (size_t e = 0; e < scrutin_model_count(model, SCRUTIN_ENTITY_DISTRICT); e++)
        assert_int_equal(replay->unknown[e], e == d);
}

/* A's seat in P5 is provisional only: the final table has no seat for it. */
static void test_final_seat_unfilled(void **state)
{
    (void)state;
    unsigned prov = 0, final = 0;
    for (size_t p = 0; p < scrutin_model_count(model, SCRUTIN_ENTITY_PARTY); p++) {
        prov += replay->party_seats[SCRUTIN_REPLAY_PROVISIONAL][p];
        final += replay->party_seats[SCRUTIN_REPLAY_FINAL][p];
    }
    assert_int_equal(prov, 4);
    assert_int_equal(final, 3);
}

int main(void)
{
    scrutin_ctx *ctx;
    if (scrutin_ctx_new(&ctx))
        return 1;
    scrutin_scenario *scenario = NULL;
    if (scrutin_scenario_load(&scenario, SOURCE_PATH("tests/data/partial/scenario-struck.yaml"),
                              ctx) ||
        scrutin_model_compile(&model, scenario, ctx) ||
        scrutin_replay_run_partial(&replay, model, 0, 1, ctx)) {
        test_print_ctx(ctx);
        fprintf(stderr, "cannot replay tests/data/partial/scenario-struck.yaml\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_struck_into_unknown_round2),
        cmocka_unit_test(test_final_seat_unfilled),
    };
    int failed = cmocka_run_group_tests_name("Partial replay with a round-1 strike", tests, NULL,
                                             NULL);
    scrutin_replay_free(replay);
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    scrutin_ctx_free(ctx);
    return failed;
}
