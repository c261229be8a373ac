/*
 * Round 2's plan of each district's lists by coalition (engine/sim/runoff_plan.c)
 * against its definition on a crafted model: a district's slots are the
 * coalitions of its lists, and of its lists not described where they follow one,
 * each once, ascending (the order in which round 2 adds their transfers); a slot's
 * members are its lists, ascending within the district (the order in which their
 * votes are summed); districts with no list of some coalitions, with lists of one
 * coalition only, with lists not described following a coalition none of its lists
 * has, and with none.
 */
#include "test_support.h"

#include <math.h>

#include "model/model_types.h"
#include "sim/runoff_plan.h"

enum { COALITIONS = 5, DISTRICTS = 5 };

static void test_slots_are_the_definition(void **state)
{
    (void)state;
    /* Each district's lists' coalitions, in list order. */
    static const uint32_t coalition[] = {3, 1, 3, 0, /* d0 */ 2, /* d1 */ 4, 4, 1, 4, 0, 1, /* d2 */
                                         1, 1, /* d3 */ 0, 2, 2 /* d4 */};
    uint32_t first[DISTRICTS + 1] = {0, 4, 5, 11, 13, 16};
    double other[DISTRICTS] = {log(0.1), -INFINITY, log(0.2), log(0.05), -INFINITY};
    double logit[COALITIONS] = {-1.0, 0.5, 0.0, 2.0, -0.25};
    scrutin_model m = {0};
    m.n_districts = DISTRICTS;
    m.n_coalitions = COALITIONS;
    m.n_lists = first[DISTRICTS];
    m.district_first_list = first;
    m.list_coalition = (uint32_t *)coalition;
    m.other_log_baseline = other;
    m.params.abstention_logit = logit;
    /* Lists not described that follow no coalition, then coalition 2, which only d1 and d4 have. */
    for (int32_t follows = -1; follows < COALITIONS; follows += 3) {
        m.other_coalition = follows;
        runoff_plan p;
        assert_int_equal(runoff_plan_init(&p, &m), SCRUTIN_OK);
        for (size_t d = 0; d < DISTRICTS; d++) {
            int other_follows = follows >= 0 && isfinite(other[d]);
            uint32_t s0 = p.slot_first[d], s = 0;
            int32_t want_other = -1;
            for (uint32_t k = 0; k < COALITIONS; k++) {
                int present = other_follows && (uint32_t)follows == k;
                for (uint32_t l = first[d]; l < first[d + 1]; l++)
                    present |= coalition[l] == k;
                if (!present)
                    continue;
                assert_true(s0 + s < p.slot_first[d + 1]);
                assert_true(p.slot_odds[s0 + s] == exp(logit[k]));
                assert_int_equal(p.slot_affinity[s0 + s], k * COALITIONS);
                uint32_t at = p.member_first[s0 + s];
                for (uint32_t l = first[d]; l < first[d + 1]; l++)
                    if (coalition[l] == k) {
                        assert_true(at < p.member_first[s0 + s + 1]);
                        assert_int_equal(p.member[at++], l - first[d]);
                        assert_int_equal(p.list_slot[l], s);
                    }
                assert_int_equal(at, p.member_first[s0 + s + 1]);
                if (other_follows && (uint32_t)follows == k)
                    want_other = (int32_t)s;
                s++;
            }
            assert_int_equal(p.slot_first[d + 1] - s0, s);
            assert_int_equal(p.other_slot[d], want_other);
        }
        runoff_plan_free(&p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slots_are_the_definition),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
