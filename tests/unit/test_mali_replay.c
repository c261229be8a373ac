/* scrutin replay of Mali 2007 reproduces the published seat tables exactly. */
#include "test_support.h"

#include "scrutin.h"

typedef struct expected_seats {
    const char *group;
    unsigned seats;
} expected_seats;

static scrutin_replay *replay;
static scrutin_model *model;

static unsigned seats_of(scrutin_entity kind, unsigned *const *table, int stage, const char *id)
{
    for (size_t i = 0; i < scrutin_model_count(model, kind); i++)
        if (strcmp(scrutin_model_id(model, kind, i), id) == 0)
            return table[stage][i];
    fail_msg("no group %s", id);
    return 0;
}

/* Every group named has its seats; every group not named has none. */
static void check(scrutin_entity kind, int stage, const expected_seats *want, size_t n)
{
    unsigned *const *table = kind == SCRUTIN_ENTITY_PARTY ? replay->party_seats : replay->coalition_seats;
    unsigned named = 0, total = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned got = seats_of(kind, table, stage, want[i].group);
        if (got != want[i].seats)
            fail_msg("%s %s: %u seats, published %u", scrutin_replay_stage_name((scrutin_replay_stage)stage),
                     want[i].group, got, want[i].seats);
        named += want[i].seats;
    }
    for (size_t i = 0; i < scrutin_model_count(model, kind); i++)
        total += table[stage][i];
    assert_int_equal(total, named);
}

static void test_round1_eight_districts_thirteen_seats(void **state)
{
    (void)state;
    assert_int_equal(replay->districts_round1, 8);
    assert_int_equal(replay->seats_round1, 13);
    assert_int_equal(replay->districts_round2, 47);
    assert_int_equal(replay->seats_round2, 134);
    static const expected_seats round1[] = {{"ADEMA", 9}, {"URD", 3}, {"RND", 1}};
    check(SCRUTIN_ENTITY_PARTY, SCRUTIN_REPLAY_ROUND1, round1, 3);
}

static void test_provisional_seats_as_published(void **state)
{
    (void)state;
    static const expected_seats provisional[] = {
        {"ADEMA", 55}, {"URD", 35}, {"RPM", 11}, {"MPR", 7}, {"CNID", 6},   {"SADI", 4},
        {"PARENA", 4}, {"UDD", 3},  {"MIRIA", 2}, {"PSP", 2}, {"BARICA", 2}, {"RND", 1},
        {"BDIA", 1},   {"PCR", 1},  {"IND", 13}};
    check(SCRUTIN_ENTITY_PARTY, SCRUTIN_REPLAY_PROVISIONAL, provisional,
          sizeof provisional / sizeof provisional[0]);
}

static void test_final_seats_as_published(void **state)
{
    (void)state;
    /* The Court's table; the six small ADP seats as docs/mali-2007.md explains. */
    static const expected_seats final[] = {
        {"ADEMA", 51}, {"URD", 34}, {"RPM", 11}, {"MPR", 8},  {"CNID", 7},   {"PARENA", 4},
        {"SADI", 4},   {"UDD", 3},  {"MIRIA", 2}, {"PSP", 2}, {"IND", 15},   {"BARICA", 2},
        {"BDIA", 1},   {"PCR", 1},  {"RND", 1},   {"US-RDA", 1}};
    check(SCRUTIN_ENTITY_PARTY, SCRUTIN_REPLAY_FINAL, final, sizeof final / sizeof final[0]);
    static const expected_seats blocs[] = {{"ADP", 113}, {"FDR", 15}, {"SADI", 4}, {"IND", 15}};
    check(SCRUTIN_ENTITY_COALITION, SCRUTIN_REPLAY_FINAL, blocs, 4);
    assert_int_equal(replay->court_changes, 3);
}

int main(void)
{
    scrutin_ctx *ctx;
    scrutin_scenario *scenario;
    if (scrutin_ctx_new(&ctx) || scrutin_scenario_load(&scenario, SOURCE_PATH("scenarios/mali-2007/scenario.yaml"), ctx) ||
        scrutin_model_compile(&model, scenario, ctx) || scrutin_replay_run(&replay, model, 1, ctx)) {
        fprintf(stderr, "cannot replay scenarios/mali-2007\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round1_eight_districts_thirteen_seats),
        cmocka_unit_test(test_provisional_seats_as_published),
        cmocka_unit_test(test_final_seats_as_published),
    };
    int failed = cmocka_run_group_tests_name("Mali 2007 replay", tests, NULL, NULL);
    scrutin_replay_free(replay);
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    scrutin_ctx_free(ctx);
    return failed;
}
