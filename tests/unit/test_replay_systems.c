/*
 * Replay under several electoral systems: each system applied to the
 * observed votes, checked against results computed by hand on the small
 * scenario (tests/data/small) and against the one-system replay of Mali 2007;
 * a system the data cannot replay is refused with a message naming it; the
 * tables gain a `system` column.
 *
 * By hand, tests/data/small (6 seats; D1 3 seats, D2 2, D3 1; the court
 * strikes 300 round-2 votes from D2's winner):
 * - two-round: D1 A-B has 2600 of 4900 (53%): 3 LEFT seats in round 1.
 *   D2 A 1800 of 4000 (45%), round 2 A 1600 - C 1400: 2 LEFT, then struck to
 *   1300 - 1400: 2 RIGHT. D3 B 1400 of 3000, round 2 B 900 - C 1100: 1 RIGHT.
 *   Round 1 LEFT 3; provisional LEFT 5, RIGHT 1; final LEFT 3, RIGHT 3.
 * - D'Hondt: D1 quotients 2600, 2300, 1300 (A-B, C, A-B): LEFT 2, RIGHT 1.
 *   D2 1800, 1500: LEFT 1, RIGHT 1. D3 B: LEFT 1. Everything in round 1, the
 *   round-2 annulment does not apply: LEFT 4, RIGHT 2 at every stage.
 * - plurality-block: the leading list takes every seat: D1 A-B, D2 A, D3 B:
 *   LEFT 6 at every stage.
 */
#include "test_support.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "scrutin.h"

static scrutin_ctx *ctx;

static size_t coalition(const scrutin_model *m, const char *id)
{
    for (size_t k = 0; k < scrutin_model_count(m, SCRUTIN_ENTITY_COALITION); k++)
        if (strcmp(scrutin_model_id(m, SCRUTIN_ENTITY_COALITION, k), id) == 0)
            return k;
    fail_msg("no coalition %s", id);
    return 0;
}

static void test_small_scenario_by_hand(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/systems/small-systems.yaml"), ctx);
    assert_int_equal(scrutin_model_systems(m), 3);
    size_t left = coalition(m, "LEFT"), right = coalition(m, "RIGHT"), ind = coalition(m, "IND");
    /* [system][stage] = {LEFT, RIGHT, IND}, stages round1, provisional, final. */
    static const unsigned want[3][SCRUTIN_REPLAY_STAGES][3] = {
        {{3, 0, 0}, {5, 1, 0}, {3, 3, 0}},
        {{4, 2, 0}, {4, 2, 0}, {4, 2, 0}},
        {{6, 0, 0}, {6, 0, 0}, {6, 0, 0}},
    };
    static const char *const ids[3] = {"two-round", "dhondt", "block"};
    for (size_t s = 0; s < 3; s++) {
        assert_string_equal(scrutin_model_system_id(m, s), ids[s]);
        scrutin_replay *r = NULL;
        assert_int_equal(scrutin_replay_run_system(&r, m, s, 1, ctx), 0);
        assert_int_equal(r->system, s);
        for (int stage = 0; stage < SCRUTIN_REPLAY_STAGES; stage++) {
            assert_int_equal(r->coalition_seats[stage][left], want[s][stage][0]);
            assert_int_equal(r->coalition_seats[stage][right], want[s][stage][1]);
            assert_int_equal(r->coalition_seats[stage][ind], want[s][stage][2]);
        }
        scrutin_replay_free(r);
    }
    scrutin_replay *r = NULL;
    assert_int_equal(scrutin_replay_run_system(&r, m, 3, 1, ctx), SCRUTIN_EINVAL);
    assert_null(r);
    scrutin_ctx_clear(ctx);
    scrutin_model_free(m);
}

/* The first system of Mali 2007 under three systems replays exactly as the base scenario. */
static void test_first_system_replays_as_the_base(void **state)
{
    (void)state;
    scrutin_model *base = test_load_model(SOURCE_PATH("scenarios/mali-2007/scenario.yaml"), ctx);
    scrutin_model *three = test_load_model(SOURCE_PATH("scenarios/mali-2007/whatif-pr-systems.yaml"), ctx);
    scrutin_replay *a = NULL, *b = NULL;
    assert_int_equal(scrutin_replay_run(&a, base, 7, ctx), 0);
    assert_int_equal(scrutin_replay_run_system(&b, three, 0, 7, ctx), 0);
    for (int stage = 0; stage < SCRUTIN_REPLAY_STAGES; stage++) {
        assert_memory_equal(a->party_seats[stage], b->party_seats[stage],
                            a->n_parties * sizeof(unsigned));
        for (size_t k = 0; k < a->n_coalitions; k++)
            assert_int_equal(a->coalition_seats[stage][k], b->coalition_seats[stage][k]);
    }
    assert_memory_equal(a->winner_final, b->winner_final, a->n_districts * sizeof(long));
    assert_int_equal(a->court_changes, b->court_changes);
    /* The proportional systems fill the 147 seats too, all in the one round. */
    for (size_t s = 1; s < 3; s++) {
        scrutin_replay *r = NULL;
        assert_int_equal(scrutin_replay_run_system(&r, three, s, 7, ctx), 0);
        unsigned total = 0;
        for (size_t k = 0; k < r->n_coalitions; k++)
            total += r->coalition_seats[SCRUTIN_REPLAY_FINAL][k];
        assert_int_equal(total, 147);
        assert_int_equal(r->districts_round2, 0);
        scrutin_replay_free(r);
    }
    scrutin_replay_free(a);
    scrutin_replay_free(b);
    scrutin_model_free(three);
    scrutin_model_free(base);
}

static void test_unreplayable_system_is_named(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/systems/small-three-finalists.yaml"), ctx);
    scrutin_replay *r = NULL;
    assert_int_equal(scrutin_replay_run_system(&r, m, 0, 1, ctx), 0);
    scrutin_replay_free(r);
    r = NULL;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_replay_run_system(&r, m, 1, 1, ctx), SCRUTIN_EINPUT);
    assert_null(r);
    assert_int_equal(scrutin_ctx_count(ctx), 1);
    char message[1024];
    scrutin_ctx_format(ctx, 0, message, sizeof message);
    /* D2's third list, "ind", line 6 of lists.csv. */
    assert_non_null(strstr(message, "lists.csv:6"));
    assert_non_null(strstr(message, "votes_r2"));
    assert_non_null(strstr(message, "under system \"three\""));
    assert_non_null(strstr(message, "\"ind\""));
    scrutin_ctx_clear(ctx);
    scrutin_model_free(m);
}

/* Writes the replays of every system of @p m in @p format to a string (freed by the caller). */
static char *report(const scrutin_model *m, scrutin_format format)
{
    scrutin_replay *r[3] = {NULL, NULL, NULL};
    size_t n = scrutin_model_systems(m);
    for (size_t s = 0; s < n; s++)
        assert_int_equal(scrutin_replay_run_system(&r[s], m, s, 1, ctx), 0);
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    assert_non_null(f);
    assert_int_equal(
        scrutin_report_replays(f, m, (const scrutin_replay *const *)r, n, format, ctx), 0);
    fclose(f);
    for (size_t s = 0; s < n; s++)
        scrutin_replay_free(r[s]);
    return text;
}

static void test_tables_gain_a_system_column(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/systems/small-systems.yaml"), ctx);
    char *csv = report(m, SCRUTIN_FORMAT_CSV);
    assert_int_equal(strncmp(csv, "system,stage,group_kind,group,seats\n", 36), 0);
    assert_non_null(strstr(csv, "\ntwo-round,final,coalition,RIGHT,3\n"));
    assert_non_null(strstr(csv, "\ndhondt,round1,coalition,LEFT,4\n"));
    assert_non_null(strstr(csv, "\nblock,final,coalition,LEFT,6\n"));
    free(csv);
    char *json = report(m, SCRUTIN_FORMAT_JSON);
    json_error_t error;
    json_t *root = json_loads(json, 0, &error);
    assert_non_null(root);
    json_t *systems = json_object_get(root, "systems");
    assert_int_equal(json_array_size(systems), 3);
    json_t *dhondt = json_array_get(systems, 1);
    assert_string_equal(json_string_value(json_object_get(dhondt, "system")), "dhondt");
    json_t *final = json_object_get(json_object_get(dhondt, "seats"), "final");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(final, "coalition"),
                                                        "RIGHT")),
                     2);
    json_decref(root);
    free(json);
    char *table = report(m, SCRUTIN_FORMAT_TABLE);
    assert_non_null(strstr(table, "system two-round\n"));
    assert_non_null(strstr(table, "system block\n"));
    free(table);
    scrutin_model_free(m);

    /* A scenario with one system keeps the one-system layout. */
    scrutin_model *one = test_load_model(SOURCE_PATH("tests/data/small/scenario.yaml"), ctx);
    csv = report(one, SCRUTIN_FORMAT_CSV);
    assert_int_equal(strncmp(csv, "stage,group_kind,group,seats\n", 29), 0);
    free(csv);
    scrutin_model_free(one);
}

int main(void)
{
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_scenario_by_hand),
        cmocka_unit_test(test_first_system_replays_as_the_base),
        cmocka_unit_test(test_unreplayable_system_is_named),
        cmocka_unit_test(test_tables_gain_a_system_column),
    };
    int failed = cmocka_run_group_tests_name("replay under several systems", tests, NULL, NULL);
    scrutin_ctx_free(ctx);
    return failed;
}
