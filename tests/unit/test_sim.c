/*
 * The Monte Carlo engine against analytic answers, replay, and itself.
 * Statistical tests use fixed seeds and fail beyond 5 Monte Carlo standard
 * errors: with a fixed seed they are deterministic, and 5 standard errors
 * leave a correct engine a one-in-a-million chance per check of failing.
 */
#include "test_support.h"

#include <gsl/gsl_cdf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/model_types.h"
#include "scrutin.h"

/* docs/model.md, "Calibration": the figure this test asserts. */
#define SCRUTIN_CALIBRATION_AGREE 38

static scrutin_ctx *ctx;

static scrutin_tally *run(const scrutin_model *m, uint64_t first, uint64_t count, int threads,
                          uint64_t seed)
{
    scrutin_tally *t = NULL;
    assert_int_equal(scrutin_tally_new(&t, m), 0);
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.first = first;
    o.count = count;
    o.threads = threads;
    o.seed = seed;
    assert_int_equal(scrutin_sim_run(t, m, &o, ctx), 0);
    assert_int_equal(scrutin_tally_simulations(t), count);
    return t;
}

/* Baselines of party A in the four districts of tests/data/independent, and their seats. */
static const double share_a[4] = {0.55, 0.48, 0.60, 0.50};
static const unsigned seats[4] = {1, 2, 3, 1};
static const double sd_list = 0.2;

static double p_win_a(size_t d)
{
    return gsl_cdf_ugaussian_P(log(share_a[d] / (1.0 - share_a[d])) / (sd_list * sqrt(2.0)));
}

/* (a) One district, two lists, list shocks only: P(A wins) = Phi(ln(bA/bB) / (s sqrt 2)). */
static void test_two_list_district_matches_the_normal_formula(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/independent/scenario.yaml"), ctx);
    const uint64_t n = 40000;
    scrutin_tally *t = run(m, 0, n, 2, 2024);
    for (size_t d = 0; d < 4; d++) {
        size_t list_a = m->district_first_list[d];
        double p = p_win_a(d);
        double observed = (double)scrutin_tally_list(t, SCRUTIN_LIST_WIN_FINAL, list_a) / (double)n;
        assert_close(observed, p, 5.0 * sqrt(p * (1.0 - p) / (double)n));
        /* Two lists: one has a majority, so round 1 decides, unless the votes tie exactly
           (possible in D4, whose baselines are equal: the two lists then meet in round 2). */
        int64_t decided = scrutin_tally_district(t, SCRUTIN_DISTRICT_ROUND1, d);
        assert_in_range(decided, n - 5, n);
    }
    scrutin_tally_free(t);
    scrutin_model_free(m);
}

/* (b) Independent districts: A's seats are distributed as the convolution of their outcomes. */
static void test_seat_distribution_is_the_exact_convolution(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/independent/scenario.yaml"), ctx);
    const uint64_t n = 40000;
    scrutin_tally *t = run(m, 0, n, 2, 99);
    double exact[8] = {1.0};
    for (size_t d = 0; d < 4; d++) {
        double next[8] = {0};
        double p = p_win_a(d);
        for (unsigned s = 0; s < 8; s++) {
            if (exact[s] == 0.0)
                continue;
            next[s] += exact[s] * (1.0 - p);
            next[s + seats[d]] += exact[s] * p;
        }
        memcpy(exact, next, sizeof exact);
    }
    const int64_t *hist = scrutin_tally_seat_histogram(t, SCRUTIN_STAGE_FINAL, SCRUTIN_GROUP_PARTY, 0);
    for (unsigned s = 0; s <= 7; s++) {
        double observed = (double)hist[s] / (double)n;
        double se = sqrt(exact[s] * (1.0 - exact[s]) / (double)n);
        assert_close(observed, exact[s], 5.0 * se + 1e-12);
    }
    scrutin_tally_free(t);
    scrutin_model_free(m);
}

/* A's seats from the districts other than @p skip: exact[s] = P(S = s). */
static void convolution_without(size_t skip, double exact[8])
{
    memset(exact, 0, 8 * sizeof *exact);
    exact[0] = 1.0;
    for (size_t d = 0; d < 4; d++) {
        if (d == skip)
            continue;
        double next[8] = {0}, p = p_win_a(d);
        for (unsigned s = 0; s + seats[d] < 8; s++) {
            next[s] += exact[s] * (1.0 - p);
            next[s + seats[d]] += exact[s] * p;
        }
        memcpy(exact, next, sizeof next);
    }
}

/*
 * District leverage on independent districts: P(A holds a majority, 4 of 7 |
 * A wins district d) = P(S_-d + seats_d >= 4) and P(majority | A loses d) =
 * P(S_-d >= 4), with S_-d the convolution of the other districts. The same for
 * A's coalition, which is A alone.
 */
static void test_district_leverage_matches_the_exact_conditionals(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/independent/scenario.yaml"), ctx);
    const uint64_t n = 40000;
    scrutin_tally *t = run(m, 0, n, 2, 7);
    scrutin_summary *sum = NULL;
    assert_int_equal(scrutin_summary_compute(&sum, m, t, ctx), 0);
    assert_int_equal(sum->majority, 4);
    for (size_t d = 0; d < 4; d++) {
        double rest[8], if_win = 0.0, if_lose = 0.0, p = p_win_a(d);
        convolution_without(d, rest);
        for (unsigned s = 0; s < 8; s++) {
            if_win += s + seats[d] >= 4 ? rest[s] : 0.0;
            if_lose += s >= 4 ? rest[s] : 0.0;
        }
        for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++) {
            const scrutin_district_group_summary *x = &sum->district_groups[k][d * 2 + 0];
            int64_t held, held_majority;
            scrutin_tally_district_group(t, d, (scrutin_group_kind)k, 0, &held, &held_majority);
            assert_int_equal(x->held, held);
            assert_close(x->seat.p, p, 5.0 * sqrt(p * (1.0 - p) / (double)n));
            double n_win = (double)held, n_lose = (double)n - n_win;
            assert_close(x->majority_if_seat.p, if_win,
                         5.0 * sqrt(if_win * (1.0 - if_win) / n_win) + 1e-12);
            assert_close(x->majority_if_no_seat.p, if_lose,
                         5.0 * sqrt(if_lose * (1.0 - if_lose) / n_lose) + 1e-12);
            assert_close(x->leverage.p, if_win - if_lose, 5.0 * x->leverage.se + 1e-12);
        }
    }
    scrutin_summary_free(sum);
    scrutin_tally_free(t);
    scrutin_model_free(m);
}

/*
 * Round-2 pairings add up, exactly: with F finalists a list that goes to
 * round 2 meets F - 1 others, so its pairs' meetings sum to (F - 1) times its
 * round-2 count; and in each meeting exactly one of the two lists, or
 * neither (a third finalist), wins.
 */
static void check_runoff_pairs(const char *path, unsigned finalists)
{
    scrutin_model *m = test_load_model(path, ctx);
    scrutin_tally *t = run(m, 0, 3000, 2, 11);
    size_t lists = m->n_lists;
    int64_t *meetings = calloc(lists, sizeof *meetings);
    assert_non_null(meetings);
    size_t pair = 0, total_met = 0;
    for (size_t d = 0; d < m->n_districts; d++) {
        size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
        for (size_t b = 1; b < n; b++)
            for (size_t a = 0; a < b; a++, pair++) {
                int64_t met, first_won;
                scrutin_tally_runoff(t, pair, &met, &first_won);
                assert_in_range(first_won, 0, met);
                meetings[first + a] += met;
                meetings[first + b] += met;
                total_met += (size_t)met;
            }
    }
    assert_int_equal(pair, scrutin_tally_runoff_pairs(t));
    assert_true(total_met > 0);
    for (size_t l = 0; l < lists; l++)
        assert_int_equal(meetings[l],
                         (int64_t)(finalists - 1) * scrutin_tally_list(t, SCRUTIN_LIST_ROUND2, l));
    free(meetings);
    scrutin_tally_free(t);
    scrutin_model_free(m);
}

static void test_runoff_pairs_add_up(void **state)
{
    (void)state;
    check_runoff_pairs(SOURCE_PATH("scenarios/mali-2007/scenario.yaml"), 2);
    /* Its first system sends three lists to round 2: each meets two. */
    check_runoff_pairs(SOURCE_PATH("tests/data/systems/small-three-finalists-sim.yaml"), 3);
}

/*
 * A district of more than SCRUTIN_RUNOFF_MAX_LISTS lists has no pair counters
 * (their number would grow with the square of its lists); a district of at
 * most that many keeps all of its pairs.
 */
static void test_runoff_pairs_are_bounded(void **state)
{
    (void)state;
    char dir[] = "/tmp/scrutin-pairs-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const size_t lists[2] = {SCRUTIN_RUNOFF_MAX_LISTS + 6, SCRUTIN_RUNOFF_MAX_LISTS};
    char path[256];
    snprintf(path, sizeof path, "%s/scenario.yaml", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("format: 1\nname: many-lists\nseats: 2\ncoalitions:\n  - {id: C}\nparties:\n"
          "  - {id: P, coalition: C}\nregions:\n  - {id: R}\ndistricts: districts.csv\n"
          "lists: lists.csv\n",
          f);
    fclose(f);
    size_t votes[2] = {0, 0};
    snprintf(path, sizeof path, "%s/lists.csv", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("district,list,kind,candidates,votes_r1,source\n", f);
    for (size_t d = 0; d < 2; d++)
        for (size_t l = 0; l < lists[d]; l++) {
            fprintf(f, "%s,L%zu,party,P,%zu,test\n", d ? "SMALL" : "BIG", l, 1000 + 10 * l);
            votes[d] += 1000 + 10 * l;
        }
    fclose(f);
    snprintf(path, sizeof path, "%s/districts.csv", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("district,region,seats,registered,voters,invalid,source\n", f);
    for (size_t d = 0; d < 2; d++)
        fprintf(f, "%s,R,1,%zu,%zu,0,test\n", d ? "SMALL" : "BIG", 2 * votes[d], votes[d]);
    fclose(f);
    snprintf(path, sizeof path, "%s/scenario.yaml", dir);
    scrutin_model *m = test_load_model(path, ctx);
    scrutin_tally *t = run(m, 0, 200, 2, 3);
    size_t small = lists[1] * (lists[1] - 1) / 2;
    assert_int_equal(scrutin_tally_runoff_pairs(t), small);
    int64_t met_total = 0;
    for (size_t pair = 0; pair < small; pair++) {
        int64_t met, first_won;
        scrutin_tally_runoff(t, pair, &met, &first_won);
        met_total += met;
    }
    /* Many lists of near shares: SMALL goes to round 2 every time, its pairs count it. */
    assert_int_equal(met_total, (int64_t)(200 - scrutin_tally_district(t, SCRUTIN_DISTRICT_ROUND1, 1)));
    scrutin_tally_free(t);
    scrutin_model_free(m);
    for (const char *name = "scenario.yaml"; name; name = strcmp(name, "scenario.yaml") == 0
                                                             ? "districts.csv"
                                                         : strcmp(name, "districts.csv") == 0
                                                             ? "lists.csv"
                                                             : NULL) {
        snprintf(path, sizeof path, "%s/%s", dir, name);
        unlink(path);
    }
    rmdir(dir);
}

static void zero_spread(scrutin_model *m)
{
    model_params *p = &m->params;
    p->sd_party = p->sd_coalition = p->sd_region = p->sd_list = p->sd_independent = 0.0;
    p->sd_turnout_national = p->sd_turnout_region = p->sd_turnout_district = 0.0;
    p->sd_abstention = p->sd_affinity = p->sd_mobilisation = 0.0;
    p->court_enabled = 0;
}

/* (c) With every spread at zero, every simulation gives replay's round-1 outcome. */
static void test_zero_spread_gives_replay_round1_outcome(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("scenarios/mali-2007/scenario.yaml"), ctx);
    zero_spread(m);
    scrutin_replay *r = NULL;
    assert_int_equal(scrutin_replay_run(&r, m, 1, ctx), 0);
    const uint64_t n = 64;
    scrutin_tally *t = run(m, 0, n, 2, 5);
    for (size_t d = 0; d < m->n_districts; d++) {
        int64_t decided = scrutin_tally_district(t, SCRUTIN_DISTRICT_ROUND1, d);
        assert_int_equal(decided, r->decided_round1[d] ? (int64_t)n : 0);
        if (r->decided_round1[d])
            assert_int_equal(scrutin_tally_list(t, SCRUTIN_LIST_WIN_PROVISIONAL,
                                                (size_t)r->winner_provisional[d]),
                             (int64_t)n);
        else /* the same two lists go to round 2 as in 2007 */
            for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
                assert_int_equal(scrutin_tally_list(t, SCRUTIN_LIST_ROUND2, l),
                                 isnan(m->votes_r2[l]) ? 0 : (int64_t)n);
    }
    scrutin_tally_free(t);
    scrutin_replay_free(r);
    scrutin_model_free(m);
}

/*
 * The calibration figure of docs/model.md: in how many of the 47 round-2
 * districts of 2007 the model's round 2 at zero spread picks the observed
 * (provisional) winner. The documented figure is asserted so it cannot go stale.
 */
static void test_zero_spread_round2_calibration_figure(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("scenarios/mali-2007/scenario.yaml"), ctx);
    zero_spread(m);
    scrutin_replay *r = NULL;
    assert_int_equal(scrutin_replay_run(&r, m, 1, ctx), 0);
    scrutin_tally *t = run(m, 0, 1, 1, 5);
    unsigned round2 = 0, agree = 0;
    for (size_t d = 0; d < m->n_districts; d++) {
        if (r->decided_round1[d])
            continue;
        round2++;
        agree += scrutin_tally_list(t, SCRUTIN_LIST_WIN_PROVISIONAL, (size_t)r->winner_provisional[d]) == 1;
    }
    print_message("zero-spread round 2 picks the observed winner in %u of %u districts\n", agree, round2);
    assert_int_equal(round2, 47);
    assert_int_equal(agree, SCRUTIN_CALIBRATION_AGREE);
    scrutin_tally_free(t);
    scrutin_replay_free(r);
    scrutin_model_free(m);
}

/* The tally does not depend on the number of threads. */
static void test_tallies_identical_for_1_2_and_4_threads(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("scenarios/mali-2007/scenario.yaml"), ctx);
    scrutin_tally *one = run(m, 0, 3000, 1, 11);
    scrutin_tally *two = run(m, 0, 3000, 2, 11);
    scrutin_tally *four = run(m, 0, 3000, 4, 11);
    assert_true(scrutin_tally_equal(one, two));
    assert_true(scrutin_tally_equal(one, four));
    scrutin_tally_free(one);
    scrutin_tally_free(two);
    scrutin_tally_free(four);
    scrutin_model_free(m);
}

/* Two halves of a run, merged, equal the whole run: the basis of MPI runs. */
static void test_two_halves_merged_equal_the_whole(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("scenarios/mali-2007/scenario.yaml"), ctx);
    scrutin_tally *whole = run(m, 0, 2000, 2, 3);
    scrutin_tally *first = run(m, 0, 1100, 1, 3);
    scrutin_tally *second = run(m, 1100, 900, 2, 3);
    assert_false(scrutin_tally_equal(whole, first));
    assert_int_equal(scrutin_tally_merge(first, second), 0);
    assert_true(scrutin_tally_equal(whole, first));
    scrutin_tally_free(whole);
    scrutin_tally_free(first);
    scrutin_tally_free(second);
    scrutin_model_free(m);
}

/* A different seed gives a different tally (the seed reaches the streams). */
static void test_seed_changes_the_draws(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("scenarios/mali-2007/scenario.yaml"), ctx);
    scrutin_tally *a = run(m, 0, 200, 1, 1);
    scrutin_tally *b = run(m, 0, 200, 1, 2);
    assert_false(scrutin_tally_equal(a, b));
    scrutin_tally_free(a);
    scrutin_tally_free(b);
    scrutin_model_free(m);
}

/* A stop flag already raised stops the run before any simulation, with SCRUTIN_EINTR. */
static void test_stop_flag_stops_the_run(void **state)
{
    (void)state;
    scrutin_model *m = test_load_model(SOURCE_PATH("tests/data/independent/scenario.yaml"), ctx);
    scrutin_tally *t = NULL;
    assert_int_equal(scrutin_tally_new(&t, m), 0);
    volatile int stop = 1;
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = 100000;
    o.stop = &stop;
    assert_int_equal(scrutin_sim_run(t, m, &o, ctx), SCRUTIN_EINTR);
    assert_int_equal(scrutin_tally_simulations(t), 0);
    scrutin_tally_free(t);
    scrutin_model_free(m);
}

int main(void)
{
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_list_district_matches_the_normal_formula),
        cmocka_unit_test(test_seat_distribution_is_the_exact_convolution),
        cmocka_unit_test(test_district_leverage_matches_the_exact_conditionals),
        cmocka_unit_test(test_runoff_pairs_add_up),
        cmocka_unit_test(test_runoff_pairs_are_bounded),
        cmocka_unit_test(test_zero_spread_gives_replay_round1_outcome),
        cmocka_unit_test(test_zero_spread_round2_calibration_figure),
        cmocka_unit_test(test_tallies_identical_for_1_2_and_4_threads),
        cmocka_unit_test(test_two_halves_merged_equal_the_whole),
        cmocka_unit_test(test_seed_changes_the_draws),
        cmocka_unit_test(test_stop_flag_stops_the_run),
    };
    int failed = cmocka_run_group_tests_name("simulation", tests, NULL, NULL);
    scrutin_ctx_free(ctx);
    return failed;
}
