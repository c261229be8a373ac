/*
 * scenarios/bamako-2013 (docs/bamako-2013.md): the replay of its partial results gives the
 * published round-2 winners of Communes II, III and VI, leaves the three communes whose round 2
 * was not found unfilled, and the warning names exactly those three.
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

static void assert_winner(const char *id, const char *list)
{
    size_t d = district(id);
    long w = replay->winner_provisional[d];
    assert_true(w >= 0);
    assert_string_equal(scrutin_model_id(model, SCRUTIN_ENTITY_LIST, (size_t)w), list);
    assert_int_equal((size_t)scrutin_model_list_district(model, (size_t)w), d);
    assert_int_equal(replay->winner_final[d], w);
    assert_int_equal(replay->decided_round1[d], 0);
}

/* Published: RPM-CODEM (Karim Keïta) in II, RPM (Kalilou Ouattara) in III, RPM-UDD in VI. */
static void test_published_round2_winners(void **state)
{
    (void)state;
    assert_winner("Commune-II", "RPM-CODEM");
    assert_winner("Commune-III", "RPM");
    assert_winner("Commune-VI", "RPM-UDD");
}

/* No list reaches a majority of all the valid votes: every commune went to round 2. */
static void test_no_round1_winner(void **state)
{
    (void)state;
    assert_int_equal(replay->districts_round1, 0);
    assert_int_equal(replay->seats_round1, 0);
}

static void test_unknown_round2_unfilled(void **state)
{
    (void)state;
    const char *unknown[] = {"Commune-I", "Commune-IV", "Commune-V"};
    for (size_t i = 0; i < 3; i++) {
        size_t d = district(unknown[i]);
        assert_int_equal(replay->winner_provisional[d], -1);
        assert_int_equal(replay->winner_final[d], -1);
    }
    assert_int_equal(replay->districts_unknown, 3);
    assert_int_equal(replay->seats_unknown, 2 + 2 + 3);
    /* The seats replayed: II's 3 (RPM, RPM, CODEM), III's 1, VI's 3 (RPM, RPM, UDD). */
    unsigned total = 0;
    for (size_t p = 0; p < scrutin_model_count(model, SCRUTIN_ENTITY_PARTY); p++)
        total += replay->party_seats[SCRUTIN_REPLAY_PROVISIONAL][p];
    assert_int_equal(total, 7);
}

/* The warning: where the lists not described could reach round 2 and no result says otherwise. */
static void test_doubt_where_round2_unknown(void **state)
{
    (void)state;
    const char *doubt[] = {"Commune-I", "Commune-IV", "Commune-V"};
    const char *clear[] = {"Commune-II", "Commune-III", "Commune-VI"};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(scrutin_model_other_votes_doubt(model, district(doubt[i])), 1);
        assert_int_equal(scrutin_model_other_votes_doubt(model, district(clear[i])), 0);
    }
}

/* Without --partial, the communes without a round-2 result make the replay refuse. */
static void test_full_replay_refused(void **state)
{
    (void)state;
    scrutin_ctx *ctx = NULL;
    scrutin_replay *r = NULL;
    assert_int_equal(scrutin_ctx_new(&ctx), 0);
    assert_int_equal(scrutin_replay_run(&r, model, 1, ctx), SCRUTIN_EINPUT);
    assert_null(r);
    scrutin_ctx_free(ctx);
}

int main(void)
{
    scrutin_ctx *ctx;
    if (scrutin_ctx_new(&ctx))
        return 1;
    scrutin_scenario *scenario = NULL;
    if (scrutin_scenario_load(&scenario, SOURCE_PATH("scenarios/bamako-2013/scenario.yaml"), ctx) ||
        scrutin_model_compile(&model, scenario, ctx) ||
        scrutin_replay_run_partial(&replay, model, 0, 1, ctx)) {
        test_print_ctx(ctx);
        fprintf(stderr, "cannot replay scenarios/bamako-2013\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_published_round2_winners),
        cmocka_unit_test(test_no_round1_winner),
        cmocka_unit_test(test_unknown_round2_unfilled),
        cmocka_unit_test(test_doubt_where_round2_unknown),
        cmocka_unit_test(test_full_replay_refused),
    };
    int failed = cmocka_run_group_tests_name("Bamako 2013 replay", tests, NULL, NULL);
    scrutin_replay_free(replay);
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    scrutin_ctx_free(ctx);
    return failed;
}
