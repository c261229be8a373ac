/* The two-round majority list rules, on published 2007 cases and edge cases. */
#include "test_support.h"

#include "model/model_types.h"
#include "scrutin.h"
#include "sim/stream.h"

typedef struct fixture {
    scrutin_ctx *ctx;
    scrutin_scenario *scenario;
    scrutin_model *model;
    scrutin_replay *replay;
} fixture;

static int setup_published(void **state)
{
    static fixture f;
    memset(&f, 0, sizeof f);
    assert_int_equal(scrutin_ctx_new(&f.ctx), 0);
    assert_int_equal(
        scrutin_scenario_load(&f.scenario, SOURCE_PATH("tests/data/published/scenario.yaml"), f.ctx),
        0);
    assert_int_equal(scrutin_model_compile(&f.model, f.scenario, f.ctx), 0);
    assert_int_equal(scrutin_replay_run(&f.replay, f.model, 1, f.ctx), 0);
    *state = &f;
    return 0;
}

static int teardown_published(void **state)
{
    fixture *f = *state;
    scrutin_replay_free(f->replay);
    scrutin_model_free(f->model);
    scrutin_scenario_free(f->scenario);
    scrutin_ctx_free(f->ctx);
    return 0;
}

static size_t find(const scrutin_model *m, scrutin_entity kind, const char *id)
{
    for (size_t i = 0; i < scrutin_model_count(m, kind); i++)
        if (strcmp(scrutin_model_id(m, kind, i), id) == 0)
            return i;
    fail_msg("no %s", id);
    return 0;
}

static size_t find_list(const scrutin_model *m, const char *district, const char *list)
{
    size_t d = find(m, SCRUTIN_ENTITY_DISTRICT, district);
    for (size_t l = 0; l < scrutin_model_count(m, SCRUTIN_ENTITY_LIST); l++)
        if (scrutin_model_list_district(m, l) == d &&
            strcmp(scrutin_model_id(m, SCRUTIN_ENTITY_LIST, l), list) == 0)
            return l;
    fail_msg("no list %s in %s", list, district);
    return 0;
}

/* Mopti, 1 July 2007: ADEMA-RND 24,631 of 46,261 valid votes (53.24%), elected in round 1. */
static void test_round1_absolute_majority_takes_all_seats(void **state)
{
    fixture *f = *state;
    size_t d = find(f->model, SCRUTIN_ENTITY_DISTRICT, "Mopti");
    assert_true(f->replay->decided_round1[d]);
    assert_int_equal(f->replay->winner_provisional[d], (long)find_list(f->model, "Mopti", "ADEMA-RND"));
    assert_close(24631.0 / 46261.0 * 100.0, 53.24, 0.005);
}

/* The ADEMA-RND list (ADEMA;ADEMA;RND) credits 2 seats to ADEMA and 1 to RND. */
static void test_joint_list_credits_each_party_its_candidates(void **state)
{
    fixture *f = *state;
    unsigned *round1 = f->replay->party_seats[SCRUTIN_REPLAY_ROUND1];
    assert_int_equal(round1[find(f->model, SCRUTIN_ENTITY_PARTY, "ADEMA")], 2);
    assert_int_equal(round1[find(f->model, SCRUTIN_ENTITY_PARTY, "RND")], 1);
    assert_int_equal(f->replay->seats_round1, 3);
    /* Commune II: CNID;MPR;URD wins 3 seats, one for each party. */
    unsigned *prov = f->replay->party_seats[SCRUTIN_REPLAY_PROVISIONAL];
    assert_int_equal(prov[find(f->model, SCRUTIN_ENTITY_PARTY, "MPR")], 1);
}

/* Kayes: ADEMA-URD led with 48.87%, short of a majority: round 2. */
static void test_round1_below_half_goes_to_round2(void **state)
{
    fixture *f = *state;
    size_t d = find(f->model, SCRUTIN_ENTITY_DISTRICT, "Kayes");
    assert_false(f->replay->decided_round1[d]);
    assert_close(31159.0 / 63759.0 * 100.0, 48.87, 0.005);
}

/* Bourem: the two independent lists go to round 2, ADEMA-RPM (26.81%) third is out. */
static void test_round1_top_two_qualify(void **state)
{
    fixture *f = *state;
    const scrutin_model *m = f->model;
    size_t d = find(m, SCRUTIN_ENTITY_DISTRICT, "Bourem");
    size_t first = find_list(m, "Bourem", "Ould-Matali");
    double votes[6];
    for (size_t i = 0; i < 6; i++)
        votes[i] = m->votes_r1[first + i];
    unsigned seats[6];
    scrutin_round1 r1;
    gsl_rng *lot = stream_alloc();
    assert_int_equal(scrutin_rules_round1(&m->rules, &(scrutin_ballot){votes, 6, 2, NAN, NULL, 0.0}, lot, seats, &r1), 0);
    gsl_rng_free(lot);
    assert_false(r1.decided);
    assert_int_equal(r1.n_qualified, 2);
    assert_string_equal(m->list_id[first + r1.qualified[0]], "Ould-Matali");
    assert_string_equal(m->list_id[first + r1.qualified[1]], "Taoussa");
    assert_false(f->replay->decided_round1[d]);
}

/* Round 2 in Bamako, 22 July 2007 (maliweb 8343, afribone). */
static void test_round2_winners_of_bamako_communes(void **state)
{
    fixture *f = *state;
    static const char *const expected[][2] = {{"Commune-I", "ADEMA-CNID"},
                                              {"Commune-II", "CNID-MPR-URD"},
                                              {"Commune-III", "PCR"},
                                              {"Commune-IV", "RPM"}};
    for (size_t i = 0; i < 4; i++) {
        size_t d = find(f->model, SCRUTIN_ENTITY_DISTRICT, expected[i][0]);
        assert_false(f->replay->decided_round1[d]);
        assert_int_equal(f->replay->winner_final[d],
                         (long)find_list(f->model, expected[i][0], expected[i][1]));
    }
}

static const scrutin_rules mali = SCRUTIN_RULES_INIT;

/* A ballot of @p n lists for a district of @p seats seats. */
#define BALLOT(votes, n, seats) (&(scrutin_ballot){(votes), (n), (seats), NAN, NULL, 0.0})

static void test_exactly_half_is_not_a_majority(void **state)
{
    (void)state;
    double votes[] = {500, 300, 200};
    unsigned seats[3];
    scrutin_round1 r1;
    gsl_rng *lot = stream_alloc();
    assert_int_equal(scrutin_rules_round1(&mali, BALLOT(votes, 3, 4), lot, seats, &r1), 0);
    assert_false(r1.decided);
    votes[0] = 501;
    assert_int_equal(scrutin_rules_round1(&mali, BALLOT(votes, 3, 4), lot, seats, &r1), 0);
    assert_true(r1.decided);
    assert_int_equal(seats[0], 4);
    assert_int_equal(seats[1], 0);
    gsl_rng_free(lot);
}

/* The one version rule (docs/architecture.md, "Versions"): the rules' INIT and defaults carry
   this library's version; a struct of another version is refused, not read. */
static void test_rules_of_another_version_are_refused(void **state)
{
    (void)state;
    scrutin_rules defaults;
    assert_int_equal(scrutin_rules_defaults(&defaults, SCRUTIN_SYSTEM_TWO_ROUND_LIST), 0);
    assert_memory_equal(&defaults, &mali, sizeof mali);
    scrutin_rules other = mali;
    other.version = SCRUTIN_RULES_VERSION + 1;
    double votes[] = {500, 300, 200};
    unsigned seats[3];
    scrutin_round1 r1;
    gsl_rng *lot = stream_alloc();
    assert_int_equal(scrutin_rules_round1(&other, BALLOT(votes, 3, 4), lot, seats, &r1),
                     SCRUTIN_EINVAL);
    assert_int_equal(scrutin_rules_round1(&mali, BALLOT(votes, 3, 4), lot, seats, &r1), 0);
    size_t winner;
    int tie;
    assert_int_equal(scrutin_rules_round2(&other, BALLOT(votes, 3, 4), &r1, lot, seats, &winner,
                                          &tie),
                     SCRUTIN_EINVAL);
    gsl_rng_free(lot);
}

static void test_lone_list_is_elected_in_round1(void **state)
{
    (void)state;
    double votes[] = {-1, 10, -1}; /* two lists rejected by the court */
    unsigned seats[3];
    scrutin_round1 r1;
    gsl_rng *lot = stream_alloc();
    assert_int_equal(scrutin_rules_round1(&mali, BALLOT(votes, 3, 1), lot, seats, &r1), 0);
    assert_true(r1.decided);
    assert_int_equal(r1.qualified[0], 1);
    double none[] = {-1, -1};
    assert_int_equal(scrutin_rules_round1(&mali, BALLOT(none, 2, 1), lot, seats, &r1), SCRUTIN_EINVAL);
    gsl_rng_free(lot);
}

/*
 * A tie for second place in round 1 is drawn by lot: over 4,000 draws each of
 * the two tied lists qualifies with probability 1/2; the count of the first
 * is Binomial(4000, 1/2), sd 31.6: 5 sd is 158.
 */
static void test_tie_for_second_place_is_drawn_by_lot(void **state)
{
    (void)state;
    double votes[] = {400, 300, 300};
    unsigned seats[3];
    scrutin_round1 r1;
    gsl_rng *lot = stream_alloc();
    int second_is_1 = 0;
    for (uint64_t i = 0; i < 4000; i++) {
        stream_reset(lot, 42, i, STREAM_LOT, 0);
        assert_int_equal(scrutin_rules_round1(&mali, BALLOT(votes, 3, 2), lot, seats, &r1), 0);
        assert_true(r1.tie);
        assert_int_equal(r1.qualified[0], 0);
        second_is_1 += r1.qualified[1] == 1;
    }
    assert_in_range(second_is_1, 2000 - 158, 2000 + 158);
    /* No tie at the boundary, no lot. */
    double clear[] = {400, 300, 299};
    assert_int_equal(scrutin_rules_round1(&mali, BALLOT(clear, 3, 2), lot, seats, &r1), 0);
    assert_false(r1.tie);
    gsl_rng_free(lot);
}

/* A tie for first place in round 2: the seats go by lot, each finalist half the time. */
static void test_round2_tie_is_drawn_by_lot(void **state)
{
    (void)state;
    double votes1[] = {400, 350, 250};
    double votes2[] = {600, 600, -1};
    unsigned seats[3];
    scrutin_round1 r1;
    gsl_rng *lot = stream_alloc();
    int first_wins = 0;
    for (uint64_t i = 0; i < 4000; i++) {
        stream_reset(lot, 7, i, STREAM_LOT, 0);
        assert_int_equal(scrutin_rules_round1(&mali, BALLOT(votes1, 3, 3), lot, seats, &r1), 0);
        size_t winner;
        int tie;
        assert_int_equal(scrutin_rules_round2(&mali, BALLOT(votes2, 3, 3), &r1, lot, seats, &winner, &tie),
                         0);
        assert_true(tie);
        assert_true(winner == 0 || winner == 1);
        assert_int_equal(seats[winner], 3);
        first_wins += winner == 0;
    }
    assert_in_range(first_wins, 2000 - 158, 2000 + 158);
    gsl_rng_free(lot);
}

/* Three lists tied for two places: each qualifies with probability 2/3. */
static void test_three_way_tie_gives_each_list_the_same_chance(void **state)
{
    (void)state;
    double votes[] = {300, 300, 300, 10};
    size_t top[2];
    int tie;
    int count[4] = {0};
    gsl_rng *lot = stream_alloc();
    for (uint64_t i = 0; i < 6000; i++) {
        stream_reset(lot, 3, i, STREAM_LOT, 0);
        assert_int_equal(scrutin_rules_top(votes, 4, 2, lot, top, &tie), 2);
        assert_true(tie);
        count[top[0]]++;
        count[top[1]]++;
    }
    gsl_rng_free(lot);
    /* Each count is Binomial(6000, 2/3): sd 36.5; 5 sd is 183. */
    for (int i = 0; i < 3; i++)
        assert_in_range(count[i], 4000 - 183, 4000 + 183);
    assert_int_equal(count[3], 0);
}

/*
 * The top two (the branchless pass) against their definition, on 20,000 small
 * ballots of few distinct vote counts, so that ties and lists that do not run
 * (-1) are common: the most votes first, the lower index first among equals;
 * a tie exactly when more lists share the boundary value than places are left.
 */
static void test_top_two_are_the_lists_with_the_most_votes(void **state)
{
    (void)state;
    gsl_rng *lot = stream_alloc(), *ballots = stream_alloc();
    stream_reset(ballots, 11, 0, STREAM_LOT, 0);
    int ties = 0;
    for (int b = 0; b < 20000; b++) {
        size_t n = gsl_rng_uniform_int(ballots, 9);
        double votes[8];
        size_t running = 0;
        for (size_t i = 0; i < n; i++) {
            votes[i] = (double)gsl_rng_uniform_int(ballots, 6) - 1.0;
            running += votes[i] >= 0;
        }
        /* Definition: the first of the most votes, then the first of the most among the rest. */
        size_t want[2] = {SIZE_MAX, SIZE_MAX};
        for (int place = 0; place < 2; place++)
            for (size_t i = 0; i < n; i++)
                if (votes[i] >= 0 && i != want[0] &&
                    (want[place] == SIZE_MAX || votes[i] > votes[want[place]]))
                    want[place] = i;
        size_t kept = running < 2 ? running : 2, above = 0, equal = 0;
        double boundary = kept ? votes[want[kept - 1]] : 0.0;
        for (size_t i = 0; i < n; i++) {
            above += votes[i] >= 0 && votes[i] > boundary;
            equal += votes[i] >= 0 && votes[i] == boundary;
        }
        int want_tie = kept > 0 && equal > kept - above;
        size_t top[2];
        int tie;
        stream_reset(lot, 5, (uint64_t)b, STREAM_LOT, 0);
        assert_int_equal(scrutin_rules_top(votes, n, 2, lot, top, &tie), kept);
        assert_int_equal(tie, want_tie);
        ties += tie;
        for (size_t q = 0; q < kept; q++) {
            if (!want_tie)
                assert_int_equal(top[q], want[q]);
            assert_true(votes[top[q]] >= boundary);
        }
        if (kept == 2)
            assert_true(top[0] != top[1]);
    }
    assert_true(ties > 1000); /* the ties were exercised */
    gsl_rng_free(lot);
    gsl_rng_free(ballots);
}

/*
 * Round 1 and round 2 of the two-round list system against their definition
 * (the valid votes, scrutin_rules_top for the finalists, a majority of the
 * valid votes; the most votes of the two finalists), on 20,000 small ballots
 * where ties, lists that did not run, NaN votes and other votes are common:
 * the same outcome, the same seats, and the lot left at the same draw (the
 * same lots drawn in the same number).
 */
static void test_two_round_list_rounds_follow_their_definition(void **state)
{
    (void)state;
    gsl_rng *lot = stream_alloc(), *want_lot = stream_alloc(), *ballots = stream_alloc();
    stream_reset(ballots, 13, 0, STREAM_LOT, 0);
    int ties = 0, decided = 0, runoffs = 0;
    for (int b = 0; b < 20000; b++) {
        size_t n = gsl_rng_uniform_int(ballots, 9);
        double votes[8], votes2[8];
        for (size_t i = 0; i < n; i++) {
            votes[i] = (double)gsl_rng_uniform_int(ballots, 7) - 1.0;
            if (votes[i] == 5.0)
                votes[i] = 12.0; /* a list with a majority now and then */
            if (gsl_rng_uniform_int(ballots, 200) == 0)
                votes[i] = NAN;
            votes2[i] = (double)gsl_rng_uniform_int(ballots, 4);
        }
        double other = gsl_rng_uniform_int(ballots, 4) == 0 ? 3.0 : 0.0;
        scrutin_ballot ballot = {votes, n, 3, NAN, NULL, other};
        stream_reset(lot, 17, (uint64_t)b, STREAM_LOT, 0);
        stream_reset(want_lot, 17, (uint64_t)b, STREAM_LOT, 0);

        /* The definition. */
        double valid = 0.0;
        size_t running = 0;
        for (size_t i = 0; i < n; i++)
            if (votes[i] >= 0) {
                valid += votes[i];
                running++;
            }
        valid += other;
        scrutin_round1 want = {0};
        unsigned want_seats[8] = {0};
        int want_status = running == 0 ? SCRUTIN_EINVAL : 0;
        if (running > 0) {
            want.n_qualified = scrutin_rules_top(votes, n, running < 2 ? running : 2, want_lot,
                                                 want.qualified, &want.tie);
            if (running == 1 || votes[want.qualified[0]] > 0.5 * valid) {
                want.decided = 1;
                want.tie = 0;
                want.n_qualified = 1;
                want_seats[want.qualified[0]] = 3;
            }
        }

        scrutin_round1 r1;
        unsigned seats[8];
        assert_int_equal(scrutin_rules_round1(&mali, &ballot, lot, seats, &r1), want_status);
        if (n == 0)
            continue; /* refused before the system is called: nothing written */
        assert_int_equal(r1.decided, want.decided);
        assert_int_equal(r1.n_qualified, want.n_qualified);
        assert_int_equal(r1.tie, want.tie);
        for (size_t q = 0; q < SCRUTIN_MAX_RUNOFF; q++)
            assert_int_equal(r1.qualified[q], want.qualified[q]);
        assert_memory_equal(seats, want_seats, n * sizeof *seats);
        assert_int_equal(gsl_rng_get(lot), gsl_rng_get(want_lot));
        ties += r1.tie;
        decided += r1.decided;
        if (want_status != 0 || r1.decided)
            continue;

        /* Round 2 between the two finalists: the most votes, a tie drawn by lot. */
        runoffs++;
        size_t a = r1.qualified[0], c = r1.qualified[1], want_winner = a;
        int want_tie = votes2[a] == votes2[c];
        if (want_tie)
            want_winner = gsl_rng_uniform_int(want_lot, 2) == 0 ? a : c;
        else if (votes2[c] > votes2[a])
            want_winner = c;
        ballot.votes = votes2;
        ballot.other = 0.0;
        size_t winner;
        int tie;
        assert_int_equal(scrutin_rules_round2(&mali, &ballot, &r1, lot, seats, &winner, &tie), 0);
        assert_int_equal(winner, want_winner);
        assert_int_equal(tie, want_tie);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(seats[i], i == winner ? 3u : 0u);
        assert_int_equal(gsl_rng_get(lot), gsl_rng_get(want_lot));
    }
    /* Each case was exercised. */
    assert_true(ties > 1000);
    assert_true(decided > 1000);
    assert_true(runoffs > 1000);
    gsl_rng_free(lot);
    gsl_rng_free(want_lot);
    gsl_rng_free(ballots);
}

int main(void)
{
    const struct CMUnitTest published[] = {
        cmocka_unit_test(test_round1_absolute_majority_takes_all_seats),
        cmocka_unit_test(test_rules_of_another_version_are_refused),
        cmocka_unit_test(test_joint_list_credits_each_party_its_candidates),
        cmocka_unit_test(test_round1_below_half_goes_to_round2),
        cmocka_unit_test(test_round1_top_two_qualify),
        cmocka_unit_test(test_round2_winners_of_bamako_communes),
    };
    const struct CMUnitTest edges[] = {
        cmocka_unit_test(test_exactly_half_is_not_a_majority),
        cmocka_unit_test(test_lone_list_is_elected_in_round1),
        cmocka_unit_test(test_tie_for_second_place_is_drawn_by_lot),
        cmocka_unit_test(test_round2_tie_is_drawn_by_lot),
        cmocka_unit_test(test_three_way_tie_gives_each_list_the_same_chance),
        cmocka_unit_test(test_top_two_are_the_lists_with_the_most_votes),
        cmocka_unit_test(test_two_round_list_rounds_follow_their_definition),
    };
    int failed = cmocka_run_group_tests_name("published 2007 cases", published, setup_published,
                                             teardown_published);
    failed += cmocka_run_group_tests_name("edge cases", edges, NULL, NULL);
    return failed;
}
