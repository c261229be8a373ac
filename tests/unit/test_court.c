/*
 * The court as a random process, on tests/data/court: certain annulments
 * hand the seats to the runner-up, none leave the result alone, close races
 * are reversed far more often than wide ones, and a rejected list's support
 * goes to its allies by the affinity matrix.
 */
#include "test_support.h"

#include <math.h>

#include "court/court.h"
#include "model/model_types.h"
#include "scrutin.h"

static scrutin_ctx *ctx;

static scrutin_model *load(void)
{
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    assert_int_equal(scrutin_scenario_load(&s, SOURCE_PATH("tests/data/court/scenario.yaml"), ctx), 0);
    assert_int_equal(scrutin_model_compile(&m, s, ctx), 0);
    scrutin_scenario_free(s);
    return m;
}

static scrutin_tally *run(const scrutin_model *m, uint64_t count)
{
    scrutin_tally *t = NULL;
    assert_int_equal(scrutin_tally_new(&t, m), 0);
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = count;
    o.threads = 2;
    o.seed = 2007;
    assert_int_equal(scrutin_sim_run(t, m, &o, ctx), 0);
    return t;
}

static size_t list_of(const scrutin_model *m, const char *district, const char *list)
{
    for (size_t l = 0; l < m->n_lists; l++)
        if (strcmp(m->district_id[m->list_district[l]], district) == 0 &&
            strcmp(m->list_id[l], list) == 0)
            return l;
    fail_msg("no list %s in %s", list, district);
    return 0;
}

/*
 * A petition is upheld when u < base * exp(-margin / scale), exactly: the
 * test that spares exp() for most draws decides as the formula does, at and
 * on either side of the bound, for margins from none to wide, whether it goes
 * through every list or only those on the ballot.
 */
static void test_a_petition_is_upheld_exactly_below_its_bound(void **state)
{
    (void)state;
    model_params p = {0};
    p.annul_base[0] = 0.005, p.annul_scale[0] = 0.02;
    p.annul_base[1] = 0.7, p.annul_scale[1] = 0.03;
    int upheld = 0, cases = 0;
    for (int round = 1; round <= 2; round++)
        for (int k = 0; k <= 400; k++) {
            /* The winner's lead over the runner-up from 0 to 40% of the valid votes. */
            double votes[4] = {1000.0 + 4.0 * k, 1000.0, -1.0, 500.0};
            double valid = votes[0] + votes[1] + votes[3];
            double margin = (votes[0] - votes[1]) / valid;
            double bound = p.annul_base[round - 1] * exp(-margin / p.annul_scale[round - 1]);
            double us[] = {0.0, nextafter(bound, 0.0), bound, nextafter(bound, 1.0),
                           bound * 1.5, bound * 3.0, p.annul_base[round - 1] * 0.999};
            for (size_t i = 0; i < sizeof us / sizeof us[0]; i++) {
                int expected = us[i] < bound && us[i] < p.annul_base[round - 1];
                assert_int_equal(court_petition_upheld(&p, round, us[i], votes, 4, 0), expected);
                /* The same over the lists on the ballot alone (round 2's finalists, in order). */
                const size_t on[] = {0, 1, 3};
                assert_int_equal(court_petition_upheld_among(&p, round, us[i], votes, on, 3, 0),
                                 expected);
                upheld += expected;
                cases++;
            }
        }
    assert_true(upheld > 0 && upheld < cases);
}

/* Every petition upheld and (nearly) the whole winner's vote struck: the runner-up always wins. */
static void test_certain_annulment_hands_every_seat_to_the_runner_up(void **state)
{
    (void)state;
    scrutin_model *m = load();
    m->params.annul_base[0] = m->params.annul_base[1] = 1.0;
    m->params.annul_scale[0] = m->params.annul_scale[1] = 1e9; /* whatever the margin */
    m->params.strike_a = 1e6;                                   /* f ~ Beta: mean 1 - 1e-12 */
    m->params.strike_b = 1e-6;
    const uint64_t n = 2000;
    scrutin_tally *t = run(m, n);
    static const char *const districts[] = {"Close", "Far"};
    for (size_t k = 0; k < 2; k++) {
        size_t b = list_of(m, districts[k], "B"), c = list_of(m, districts[k], "C");
        assert_int_equal(scrutin_tally_list(t, SCRUTIN_LIST_WIN_FINAL, b),
                         scrutin_tally_list(t, SCRUTIN_LIST_WIN_PROVISIONAL, c));
        assert_int_equal(scrutin_tally_list(t, SCRUTIN_LIST_WIN_FINAL, c),
                         scrutin_tally_list(t, SCRUTIN_LIST_WIN_PROVISIONAL, b));
        assert_int_equal(scrutin_tally_district(t, SCRUTIN_DISTRICT_COURT_FLIP,
                                                m->list_district[b]),
                         (int64_t)n);
    }
    scrutin_tally_free(t);
    scrutin_model_free(m);
}

/* Petitions never upheld: the final result is the provisional one in every simulation. */
static void test_no_annulment_leaves_provisional_equal_to_final(void **state)
{
    (void)state;
    scrutin_model *m = load();
    m->params.annul_base[0] = m->params.annul_base[1] = 0.0;
    const uint64_t n = 2000;
    scrutin_tally *t = run(m, n);
    for (size_t g = 0; g < m->n_parties; g++) {
        const int64_t *p = scrutin_tally_seat_histogram(t, SCRUTIN_STAGE_PROVISIONAL, SCRUTIN_GROUP_PARTY, g);
        const int64_t *f = scrutin_tally_seat_histogram(t, SCRUTIN_STAGE_FINAL, SCRUTIN_GROUP_PARTY, g);
        assert_memory_equal(p, f, (m->seats + 1) * sizeof *p);
        int64_t sum, squares;
        scrutin_tally_court_shift(t, SCRUTIN_GROUP_PARTY, g, &sum, &squares);
        assert_int_equal(squares, 0);
    }
    for (size_t d = 0; d < m->n_districts; d++)
        assert_int_equal(scrutin_tally_district(t, SCRUTIN_DISTRICT_COURT_FLIP, d), 0);
    scrutin_tally_free(t);
    scrutin_model_free(m);
}

/*
 * A race won by one point is reversed far more often than one won by 30: with
 * p = 0.5 exp(-margin / 0.03) and a Beta(2, 12) strike, the close race flips
 * often, the wide one (p ~ 2e-5, and no strike can reverse it) almost never.
 * Fails unless the difference exceeds 5 standard errors of the difference.
 */
static void test_close_races_are_reversed_far_more_often(void **state)
{
    (void)state;
    scrutin_model *m = load();
    const uint64_t n = 20000;
    scrutin_tally *t = run(m, n);
    double close = (double)scrutin_tally_district(t, SCRUTIN_DISTRICT_COURT_FLIP, 0) / (double)n;
    double far = (double)scrutin_tally_district(t, SCRUTIN_DISTRICT_COURT_FLIP, 1) / (double)n;
    double se = sqrt(close * (1 - close) / (double)n + far * (1 - far) / (double)n);
    print_message("court reversals: close race %.4f, 30-point race %.4f\n", close, far);
    assert_true(close - far > 5.0 * se);
    assert_true(close > 0.2);
    assert_true(far < 0.001);
    scrutin_tally_free(t);
    scrutin_model_free(m);
}

/*
 * The joint list A (coalition X, 40%) rejected before the vote: with an
 * affinity of 1 within X and 0 across, its support (less the 15% who
 * abstain) goes to B (X, 30%), not to C (Y, 30%): B then has 30 + 34 of 94,
 * a majority in round 1, in every simulation. Proportional redistribution
 * would have left B and C level.
 */
static void test_a_rejected_lists_support_goes_to_its_allies(void **state)
{
    (void)state;
    scrutin_model *m = load();
    m->params.annul_base[0] = m->params.annul_base[1] = 0.0;
    m->params.reject[LIST_JOINT] = 1.0;
    const uint64_t n = 500;
    scrutin_tally *t = run(m, n);
    size_t a = list_of(m, "Allies", "A"), b = list_of(m, "Allies", "B");
    assert_int_equal(scrutin_tally_list(t, SCRUTIN_LIST_REJECTED, a), (int64_t)n);
    assert_int_equal(scrutin_tally_list(t, SCRUTIN_LIST_WIN_PROVISIONAL, b), (int64_t)n);
    assert_int_equal(scrutin_tally_district(t, SCRUTIN_DISTRICT_ROUND1, m->list_district[b]),
                     (int64_t)n);
    scrutin_tally_free(t);
    scrutin_model_free(m);
}

int main(void)
{
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_certain_annulment_hands_every_seat_to_the_runner_up),
        cmocka_unit_test(test_no_annulment_leaves_provisional_equal_to_final),
        cmocka_unit_test(test_close_races_are_reversed_far_more_often),
        cmocka_unit_test(test_a_rejected_lists_support_goes_to_its_allies),
        cmocka_unit_test(test_a_petition_is_upheld_exactly_below_its_bound),
    };
    int failed = cmocka_run_group_tests_name("court", tests, NULL, NULL);
    scrutin_ctx_free(ctx);
    return failed;
}
