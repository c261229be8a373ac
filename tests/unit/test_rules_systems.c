/*
 * The electoral systems other than Mali's: plurality block, D'Hondt,
 * Sainte-Laguë, Hare, Djibouti, Cameroon and the two-round system with
 * qualification by registered voters, on published worked examples and
 * hand-checked edge cases. Deterministic cases pass a NULL random stream: a
 * system that drew a lot without a tie would crash the test.
 */
#include "test_support.h"

#include "scrutin.h"
#include "sim/stream.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A ballot of @p n lists for a district of @p seats seats, registered voters unknown. */
#define BALLOT(votes, n, seats) (&(scrutin_ballot){(votes), (n), (seats), NAN, NULL, 0.0})

static scrutin_rules rules_of(scrutin_system system)
{
    scrutin_rules rules;
    assert_int_equal(scrutin_rules_defaults(&rules, system), 0);
    return rules;
}

/* Round 1 of a one-round system: it succeeds, decides, and gives out exactly the district's seats. */
static void allocate(const scrutin_rules *rules, const scrutin_ballot *ballot, gsl_rng *lot,
                     unsigned *seats, scrutin_round1 *r1)
{
    assert_int_equal(scrutin_rules_round1(rules, ballot, lot, seats, r1), 0);
    assert_true(r1->decided);
    assert_int_equal(r1->n_qualified, 1);
    unsigned total = 0;
    for (size_t i = 0; i < ballot->n; i++) {
        total += seats[i];
        if (ballot->votes[i] < 0)
            assert_int_equal(seats[i], 0);
    }
    assert_int_equal(total, ballot->seats);
}

static void assert_seats(const unsigned *got, const unsigned *want, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (got[i] != want[i])
            fail_msg("list %zu: %u seats, expected %u", i, got[i], want[i]);
}

/* ---- names and defaults ---- */

static void test_system_names_round_trip(void **state)
{
    (void)state;
    static const char *const expected[] = {"two-round-list", "plurality-block", "dhondt",
                                           "sainte-lague", "hare", "djibouti", "cameroon",
                                           "two-round-registered"};
    assert_int_equal(COUNT(expected), SCRUTIN_SYSTEM_COUNT);
    assert_int_equal(SCRUTIN_SYSTEM_TWO_ROUND_LIST, 0);
    for (int i = 0; i < SCRUTIN_SYSTEM_COUNT; i++) {
        scrutin_system parsed;
        assert_string_equal(scrutin_system_name((scrutin_system)i), expected[i]);
        assert_int_equal(scrutin_system_parse(&parsed, expected[i]), 0);
        assert_int_equal(parsed, i);
    }
    scrutin_system untouched = SCRUTIN_SYSTEM_HARE;
    assert_int_equal(scrutin_system_parse(&untouched, "Dhondt"), SCRUTIN_EINVAL);
    assert_int_equal(scrutin_system_parse(&untouched, "d'hondt"), SCRUTIN_EINVAL);
    assert_int_equal(scrutin_system_parse(&untouched, NULL), SCRUTIN_EINVAL);
    assert_int_equal(untouched, SCRUTIN_SYSTEM_HARE);
    assert_null(scrutin_system_name((scrutin_system)SCRUTIN_SYSTEM_COUNT));
}

static void test_defaults_follow_the_laws(void **state)
{
    (void)state;
    scrutin_rules r = rules_of(SCRUTIN_SYSTEM_DJIBOUTI);
    assert_int_equal(r.system, SCRUTIN_SYSTEM_DJIBOUTI);
    assert_close(r.winner_share, 0.8, 0);
    assert_close(r.threshold, 0.10, 0);
    r = rules_of(SCRUTIN_SYSTEM_CAMEROON);
    assert_close(r.round1_majority, 0.5, 0);
    assert_close(r.winner_share, 0.5, 0);
    assert_close(r.threshold, 0.05, 0);
    r = rules_of(SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED);
    assert_close(r.round1_majority, 0.5, 0);
    assert_int_equal(r.round2_lists, 2);
    assert_close(r.round2_registered, 0.125, 0);
    r = rules_of(SCRUTIN_SYSTEM_TWO_ROUND_LIST);
    assert_close(r.round1_majority, 0.5, 0);
    assert_int_equal(r.round2_lists, 2);
    assert_close(rules_of(SCRUTIN_SYSTEM_DHONDT).threshold, 0.0, 0);
    assert_int_equal(scrutin_rules_defaults(&r, (scrutin_system)SCRUTIN_SYSTEM_COUNT),
                     SCRUTIN_EINVAL);
}

static void test_one_round_systems_have_no_round2(void **state)
{
    (void)state;
    double votes[] = {300, 200};
    unsigned seats[2];
    scrutin_round1 r1 = {.n_qualified = 2, .qualified = {0, 1}};
    size_t winner;
    int tie;
    for (int s = SCRUTIN_SYSTEM_PLURALITY_BLOCK; s <= SCRUTIN_SYSTEM_CAMEROON; s++) {
        scrutin_rules rules = rules_of((scrutin_system)s);
        assert_int_equal(scrutin_rules_round2(&rules, BALLOT(votes, 2, 3), &r1, NULL, seats,
                                              &winner, &tie),
                         SCRUTIN_EINVAL);
    }
}

/* ---- plurality block ---- */

static void test_plurality_block_leader_takes_every_seat_without_a_majority(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_PLURALITY_BLOCK);
    double votes[] = {300, 350, -1, 200, 150};
    unsigned seats[5];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 5, 7), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){0, 7, 0, 0, 0}, 5);
    assert_int_equal(r1.qualified[0], 1);
    assert_false(r1.tie);
}

/* Each of two tied lists takes the seats with probability 1/2: Binomial(4000, 1/2), 5 sd = 158. */
static void test_plurality_block_tie_is_drawn_by_lot(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_PLURALITY_BLOCK);
    double votes[] = {200, 400, 400};
    unsigned seats[3];
    scrutin_round1 r1;
    gsl_rng *lot = stream_alloc();
    int second = 0;
    for (uint64_t i = 0; i < 4000; i++) {
        stream_reset(lot, 11, i, STREAM_LOT, 0);
        allocate(&rules, BALLOT(votes, 3, 5), lot, seats, &r1);
        assert_true(r1.tie);
        assert_int_equal(seats[r1.qualified[0]], 5);
        assert_int_equal(seats[0], 0);
        second += r1.qualified[0] == 1;
    }
    gsl_rng_free(lot);
    assert_in_range(second, 2000 - 158, 2000 + 158);
}

static void test_no_list_running_is_an_error(void **state)
{
    (void)state;
    double none[] = {-1, -1};
    unsigned seats[2];
    scrutin_round1 r1;
    for (int s = 0; s < SCRUTIN_SYSTEM_COUNT; s++) {
        scrutin_rules rules = rules_of((scrutin_system)s);
        assert_int_equal(scrutin_rules_round1(&rules, BALLOT(none, 2, 3), NULL, seats, &r1),
                         SCRUTIN_EINVAL);
    }
}

/* ---- proportional: published worked examples ---- */

/*
 * Wikipedia, "D'Hondt method", Example: 230,000 voters, 8 seats, parties
 * A 100,000, B 80,000, C 30,000, D 20,000: A 4, B 3, C 1, D 0.
 */
static void test_dhondt_wikipedia_example(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_DHONDT);
    double votes[] = {100000, 80000, 30000, 20000};
    unsigned seats[4];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 4, 8), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){4, 3, 1, 0}, 4);
    assert_int_equal(r1.qualified[0], 0);
    assert_false(r1.tie);
}

/*
 * Wikipedia, "Sainte-Laguë method", Example, the same election (checked by
 * hand): A 3, B 3, C 1, D 1. The 6th and 7th quotients tie (A 100,000/5 = D 20,000/1 =
 * 20,000) with two seats for them: both are served, and no lot is drawn.
 */
static void test_sainte_lague_wikipedia_example(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_SAINTE_LAGUE);
    double votes[] = {100000, 80000, 30000, 20000};
    unsigned seats[4];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 4, 8), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){3, 3, 1, 1}, 4);
    assert_false(r1.tie);
}

/*
 * Electowiki, "Sainte-Laguë method", 35-seat example: A 503, B 304, C 193
 * votes give 17, 11 and 7 seats. (Its D'Hondt aside sums to 34 seats; by hand
 * D'Hondt gives 18, 11, 6.)
 */
static void test_sainte_lague_electowiki_35_seats(void **state)
{
    (void)state;
    double votes[] = {503, 304, 193};
    unsigned seats[3];
    scrutin_round1 r1;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_SAINTE_LAGUE);
    allocate(&rules, BALLOT(votes, 3, 35), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){17, 11, 7}, 3);
    rules = rules_of(SCRUTIN_SYSTEM_DHONDT);
    allocate(&rules, BALLOT(votes, 3, 35), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){18, 11, 6}, 3);
}

/*
 * Wikipedia, "Largest remainders method", Examples: 100,000 votes, 10 seats,
 * Yellows 47,000, Whites 16,000, Reds 15,800, Greens 12,000, Blues 6,100,
 * Pinks 3,100. Hare quota 10,000: whole quotas 4, 1, 1, 1, 0, 0, then the
 * remainders .70, .61 and .60 take the 3 seats left: 5, 2, 1, 1, 1, 0.
 */
static void test_hare_wikipedia_example(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_HARE);
    double votes[] = {47000, 16000, 15800, 12000, 6100, 3100};
    unsigned seats[6];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 6, 10), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){5, 2, 1, 1, 1, 0}, 6);
    assert_false(r1.tie);
}

/*
 * staatsrecht.honikel.de, "Berechnungsbeispiele": 10 seats, A 6,100,
 * B 5,000, C 900 votes. D'Hondt gives A 6, B 4, C 0; Sainte-Laguë and Hare
 * both give A 5, B 4, C 1.
 */
static void test_dhondt_favours_large_lists(void **state)
{
    (void)state;
    double votes[] = {6100, 5000, 900};
    unsigned seats[3];
    scrutin_round1 r1;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_DHONDT);
    allocate(&rules, BALLOT(votes, 3, 10), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){6, 4, 0}, 3);
    rules = rules_of(SCRUTIN_SYSTEM_SAINTE_LAGUE);
    allocate(&rules, BALLOT(votes, 3, 10), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){5, 4, 1}, 3);
    rules = rules_of(SCRUTIN_SYSTEM_HARE);
    allocate(&rules, BALLOT(votes, 3, 10), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){5, 4, 1}, 3);
}

/* ---- proportional: edge cases ---- */

/* 8,500 valid votes, 5% threshold: the list with 200 (2.4%) is out, the one with 1,000 (11.8%) in. */
static void test_threshold_keeps_small_lists_out(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_DHONDT);
    rules.threshold = 0.05;
    double votes[] = {3800, 3500, 1000, 200};
    unsigned seats[4];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 4, 30), NULL, seats, &r1);
    assert_int_equal(seats[3], 0);
    assert_true(seats[2] > 0);
    /* Exactly at the threshold is enough: 500 of 10,000 is 5%. */
    double at[] = {5000, 4500, 500};
    allocate(&rules, BALLOT(at, 3, 20), NULL, seats, &r1);
    assert_int_equal(seats[2], 1);
}

/*
 * The Hare quota is the votes of the lists above the threshold over the
 * seats: 8,300 / 3, whose remainders .373, .265, .361 give A the last seat
 * (2, 1, 0, 0). With the quota of all valid votes (8,500 / 3) C's .353 would
 * beat A's .341 (1, 1, 1, 0).
 */
static void test_hare_quota_counts_only_lists_above_threshold(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_HARE);
    rules.threshold = 0.05;
    double votes[] = {3800, 3500, 1000, 200};
    unsigned seats[4];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 4, 3), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){2, 1, 0, 0}, 4);
}

/* Nobody has half the votes: the threshold is dropped and all lists take part. */
static void test_threshold_nobody_passes_is_dropped(void **state)
{
    (void)state;
    double votes[] = {30, -1, 30, 40};
    unsigned seats[4];
    scrutin_round1 r1;
    for (int s = SCRUTIN_SYSTEM_DHONDT; s <= SCRUTIN_SYSTEM_HARE; s++) {
        scrutin_rules rules = rules_of((scrutin_system)s);
        rules.threshold = 0.5;
        allocate(&rules, BALLOT(votes, 4, 3), NULL, seats, &r1);
        assert_seats(seats, (unsigned[]){1, 0, 1, 1}, 4);
        assert_int_equal(r1.qualified[0], 3);
        assert_false(r1.tie);
    }
}

/* One seat: every proportional method gives it to the list with the most votes. */
static void test_one_seat_district_goes_to_the_leading_list(void **state)
{
    (void)state;
    double votes[] = {350, 450, 200};
    unsigned seats[3];
    scrutin_round1 r1;
    for (int s = SCRUTIN_SYSTEM_PLURALITY_BLOCK; s <= SCRUTIN_SYSTEM_CAMEROON; s++) {
        scrutin_rules rules = rules_of((scrutin_system)s);
        allocate(&rules, BALLOT(votes, 3, 1), NULL, seats, &r1);
        assert_seats(seats, (unsigned[]){0, 1, 0}, 3);
        assert_int_equal(r1.qualified[0], 1);
    }
}

/* A list the court rejected (negative votes) takes no seat and counts for no valid vote. */
static void test_list_that_did_not_run_takes_no_seat(void **state)
{
    (void)state;
    double votes[] = {-1, 600, 400, -1};
    unsigned seats[4];
    scrutin_round1 r1;
    for (int s = SCRUTIN_SYSTEM_PLURALITY_BLOCK; s <= SCRUTIN_SYSTEM_CAMEROON; s++) {
        scrutin_rules rules = rules_of((scrutin_system)s);
        allocate(&rules, BALLOT(votes, 4, 5), NULL, seats, &r1);
        assert_int_equal(seats[0] + seats[3], 0);
        assert_int_equal(r1.qualified[0], 1);
    }
    /* D'Hondt, 5 seats, 600 and 400: quotients 600, 400, 300, 200, 200: 3 and 2. */
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_DHONDT);
    allocate(&rules, BALLOT(votes, 4, 5), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){0, 3, 2, 0}, 4);
}

/*
 * D'Hondt, 3 seats, 300, 300, 100: the first two seats go one each to the
 * tied lists; the third is a tie at 150 between them, drawn by lot: each
 * takes 2 seats half the time (Binomial(4000, 1/2), 5 sd = 158).
 */
static void test_dhondt_tie_for_the_last_seat_is_drawn_by_lot(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_DHONDT);
    double votes[] = {300, 300, 100};
    unsigned seats[3];
    scrutin_round1 r1;
    gsl_rng *lot = stream_alloc();
    int first_two = 0;
    for (uint64_t i = 0; i < 4000; i++) {
        stream_reset(lot, 5, i, STREAM_LOT, 0);
        allocate(&rules, BALLOT(votes, 3, 3), lot, seats, &r1);
        assert_true(r1.tie);
        assert_int_equal(seats[2], 0);
        assert_true((seats[0] == 2 && seats[1] == 1) || (seats[0] == 1 && seats[1] == 2));
        /* The leading list is the one the lot gave more seats. */
        assert_int_equal(seats[r1.qualified[0]], 2);
        first_two += seats[0] == 2;
    }
    gsl_rng_free(lot);
    assert_in_range(first_two, 2000 - 158, 2000 + 158);
}

/*
 * Hare, 2 seats, three lists of 100 votes: no whole quota, three equal
 * remainders for two seats. Each list is served with probability 2/3:
 * Binomial(6000, 2/3), sd 36.5, 5 sd = 183.
 */
static void test_hare_equal_remainders_are_drawn_by_lot(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_HARE);
    double votes[] = {100, 100, 100};
    unsigned seats[3];
    scrutin_round1 r1;
    int served[3] = {0};
    gsl_rng *lot = stream_alloc();
    for (uint64_t i = 0; i < 6000; i++) {
        stream_reset(lot, 9, i, STREAM_LOT, 0);
        allocate(&rules, BALLOT(votes, 3, 2), lot, seats, &r1);
        assert_true(r1.tie);
        for (int l = 0; l < 3; l++) {
            assert_true(seats[l] <= 1);
            served[l] += (int)seats[l];
        }
    }
    gsl_rng_free(lot);
    for (int l = 0; l < 3; l++)
        assert_in_range(served[l], 4000 - 183, 4000 + 183);
}

/* ---- Djibouti ---- */

/*
 * The leading list takes 80% of the seats, rounded to the nearest seat
 * (Wikipedia, "2013 Djiboutian parliamentary election"): Djibouti-ville's
 * 35 seats give 28 (UMP's 28 of 35 in 2013 and 2018), 11 give 9 (8.8),
 * 6 give 5 (4.8), 4 give 3 (3.2), 3 give 2 (2.4), 1 gives 1 (0.8), 2 give
 * 2 (1.6).
 */
static void test_djibouti_leader_takes_80_percent_rounded_to_nearest(void **state)
{
    (void)state;
    static const unsigned district[][2] = {{35, 28}, {11, 9}, {6, 5}, {4, 3},
                                           {3, 2},   {1, 1},  {2, 2}, {5, 4}};
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_DJIBOUTI);
    double votes[] = {4000, 6000};
    unsigned seats[2];
    scrutin_round1 r1;
    for (size_t d = 0; d < COUNT(district); d++) {
        allocate(&rules, BALLOT(votes, 2, district[d][0]), NULL, seats, &r1);
        assert_int_equal(r1.qualified[0], 1);
        if (seats[1] != district[d][1])
            fail_msg("%u seats: the leader has %u, expected %u", district[d][0], seats[1],
                     district[d][1]);
    }
}

/*
 * 35 seats, 10,000 valid votes: the leader (5,000) takes 28; the other 7 go
 * by D'Hondt to B (3,000) and C (1,500), while D (500, 5%) is under the 10%
 * threshold: quotients 3000 B, 1500 B, 1500 C, 1000 B, 750 B, 750 C, 600 B
 * give B 5 and C 2.
 */
static void test_djibouti_rest_by_dhondt_among_the_other_lists(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_DJIBOUTI);
    double votes[] = {3000, 5000, 1500, 500};
    unsigned seats[4];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 4, 35), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){5, 28, 2, 0}, 4);
    assert_int_equal(r1.qualified[0], 1);
    assert_false(r1.tie);
}

/* No other list has 10%: the leader takes every seat. */
static void test_djibouti_leader_takes_all_when_no_other_list_reaches_threshold(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_DJIBOUTI);
    double votes[] = {900, 60, 40, -1};
    unsigned seats[4];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 4, 6), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){6, 0, 0, 0}, 4);
    /* A lone list takes every seat too. */
    double lone[] = {-1, 50};
    allocate(&rules, BALLOT(lone, 2, 5), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){0, 5}, 2);
}

/* ---- Cameroon ---- */

static void test_cameroon_absolute_majority_takes_every_seat(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_CAMEROON);
    double votes[] = {4900, 5100};
    unsigned seats[2];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 2, 7), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){0, 7}, 2);
}

/*
 * Exactly half is not a majority. 6 seats: the leader takes 3, and the other
 * 3 go by largest remainders to all three lists (all above 5%): quota
 * 10,000 / 3, quotas 1.5, 0.9, 0.6, whole 1, 0, 0, remainders .5, .9, .6:
 * B and C. The leader ends with 4, B 1, C 1.
 */
static void test_cameroon_half_is_not_a_majority(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_CAMEROON);
    double votes[] = {5000, 3000, 2000};
    unsigned seats[3];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 3, 6), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){4, 1, 1}, 3);
}

/*
 * 5 seats: the leader takes half rounded up, 3; the 2 left go by largest
 * remainders, quota 10,000 / 2: quotas .8, .7, .4, .1, so A and B. D has
 * exactly 5% and takes part, without a seat.
 */
static void test_cameroon_leader_takes_half_the_seats_rounded_up(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_CAMEROON);
    double votes[] = {4000, 3500, 2000, 500};
    unsigned seats[4];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 4, 5), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){4, 1, 0, 0}, 4);
    /* 4 seats: half is 2 exactly. Quota 10,000 / 2 again: A and B. */
    allocate(&rules, BALLOT(votes, 4, 4), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){3, 1, 0, 0}, 4);
}

/*
 * 7 seats, 11,600 valid votes, D (400, 3.4%) under 5%. The leader takes 4;
 * the quota of the other 3 seats is 11,200 / 3 (the eligible lists' votes):
 * quotas 1.393, 1.232, 0.375: A 1, B 1, and A's remainder .393 beats C's
 * .375. The leader ends with 6, B 1. (With all valid votes, C would win it.)
 */
static void test_cameroon_quota_counts_the_eligible_lists(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_CAMEROON);
    double votes[] = {5200, 4600, 1400, 400};
    unsigned seats[4];
    scrutin_round1 r1;
    allocate(&rules, BALLOT(votes, 4, 7), NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){6, 1, 0, 0}, 4);
}

/*
 * Two lists tied for the lead: the half goes to the one whose candidates are
 * older on average, without a lot. 4 seats: B (older) takes 2, then the 2
 * left go by remainders .8, .8, .4: one each to A and B.
 */
static void test_cameroon_tie_for_the_lead_goes_to_the_older_list(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_CAMEROON);
    double votes[] = {4000, 4000, 2000};
    double age[] = {45.5, 52.0, 61.0};
    unsigned seats[3];
    scrutin_round1 r1;
    scrutin_ballot ballot = {votes, 3, 4, NAN, age, 0.0};
    allocate(&rules, &ballot, NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){1, 3, 0}, 3);
    assert_int_equal(r1.qualified[0], 1);
    assert_false(r1.tie);
    /* A single-seat district: the older candidate is elected. */
    ballot.seats = 1;
    allocate(&rules, &ballot, NULL, seats, &r1);
    assert_seats(seats, (unsigned[]){0, 1, 0}, 3);
}

/* Tied for the lead and no ages known (or equal ages): a lot, each half the time. */
static void test_cameroon_tie_without_ages_is_drawn_by_lot(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_CAMEROON);
    double votes[] = {4000, 4000, 2000};
    double same_age[] = {50.0, 50.0, 30.0};
    unsigned seats[3];
    scrutin_round1 r1;
    gsl_rng *lot = stream_alloc();
    int first = 0;
    for (uint64_t i = 0; i < 4000; i++) {
        stream_reset(lot, 13, i, STREAM_LOT, 0);
        scrutin_ballot ballot = {votes, 3, 1, NAN, i % 2 ? same_age : NULL, 0.0};
        allocate(&rules, &ballot, lot, seats, &r1);
        assert_true(r1.tie);
        assert_int_equal(seats[2], 0);
        first += seats[0] == 1;
    }
    gsl_rng_free(lot);
    assert_in_range(first, 2000 - 158, 2000 + 158);
}

/* ---- two rounds, qualification by registered voters ---- */

#define REGISTERED(votes, n, seats, registered) \
    (&(scrutin_ballot){(votes), (n), (seats), (registered), NULL, 0.0})

/*
 * 10,000 registered, 4,000 valid votes: A's 2,200 are 55% of the valid votes
 * but 22% of the registered voters, short of a quarter: round 2, with A and
 * B (1,300 >= 1,250, 12.5%); C (500) is out. Registered voters unknown: A
 * is elected.
 */
static void test_round1_winner_needs_a_quarter_of_registered_voters(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED);
    double votes[] = {2200, 1300, 500};
    unsigned seats[3];
    scrutin_round1 r1;
    assert_int_equal(
        scrutin_rules_round1(&rules, REGISTERED(votes, 3, 1, 10000), NULL, seats, &r1), 0);
    assert_false(r1.decided);
    assert_int_equal(r1.n_qualified, 2);
    assert_int_equal(r1.qualified[0], 0);
    assert_int_equal(r1.qualified[1], 1);
    assert_int_equal(
        scrutin_rules_round1(&rules, REGISTERED(votes, 3, 1, 8800), NULL, seats, &r1), 0);
    assert_true(r1.decided); /* 2,200 is exactly a quarter of 8,800 */
    assert_seats(seats, (unsigned[]){1, 0, 0}, 3);
    allocate(&rules, REGISTERED(votes, 3, 1, NAN), NULL, seats, &r1);
    assert_int_equal(r1.qualified[0], 0);
    /* Exactly half of the valid votes is not a majority. */
    double half[] = {2000, 1300, 700};
    assert_int_equal(scrutin_rules_round1(&rules, REGISTERED(half, 3, 1, NAN), NULL, seats, &r1),
                     0);
    assert_false(r1.decided);
}

/*
 * 10,000 registered, 8,000 valid votes: A 3,000, B 2,800 and C 1,400 pass
 * 12.5% (1,250), D 800 does not: a three-way round 2, which B wins with
 * 3,300 of 7,900 votes, a plurality.
 */
static void test_three_way_runoff_under_the_12_5_percent_rule(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED);
    double votes1[] = {3000, 2800, 800, 1400};
    double votes2[] = {3100, 3300, -1, 1500};
    unsigned seats[4];
    scrutin_round1 r1;
    assert_int_equal(
        scrutin_rules_round1(&rules, REGISTERED(votes1, 4, 3, 10000), NULL, seats, &r1), 0);
    assert_false(r1.decided);
    assert_false(r1.tie);
    assert_int_equal(r1.n_qualified, 3);
    assert_int_equal(r1.qualified[0], 0);
    assert_int_equal(r1.qualified[1], 1);
    assert_int_equal(r1.qualified[2], 3);
    size_t winner;
    int tie;
    assert_int_equal(scrutin_rules_round2(&rules, REGISTERED(votes2, 4, 3, 10000), &r1, NULL,
                                          seats, &winner, &tie),
                     0);
    assert_int_equal(winner, 1);
    assert_false(tie);
    assert_seats(seats, (unsigned[]){0, 3, 0, 0}, 4);
}

/* Lists tied exactly at 12.5% both qualify, without a lot. */
static void test_lists_at_the_registered_share_all_qualify(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED);
    double votes[] = {1500, 3000, 1500, 1000};
    unsigned seats[4];
    scrutin_round1 r1;
    assert_int_equal(
        scrutin_rules_round1(&rules, REGISTERED(votes, 4, 1, 12000), NULL, seats, &r1), 0);
    assert_int_equal(r1.n_qualified, 3);
    assert_int_equal(r1.qualified[0], 1);
    assert_false(r1.tie);
}

/*
 * Fewer than two lists pass 12.5%: the two with the most votes go to round 2
 * (code électoral art. L162). One passes (20,000 registered: A's 2,800 >=
 * 2,500), then none (40,000 registered).
 */
static void test_fewer_than_two_passing_the_top_two_qualify(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED);
    double votes[] = {1900, 2800, 2000};
    unsigned seats[3];
    scrutin_round1 r1;
    const double registered[] = {20000, 40000};
    for (size_t r = 0; r < 2; r++) {
        assert_int_equal(scrutin_rules_round1(&rules, REGISTERED(votes, 3, 2, registered[r]),
                                              NULL, seats, &r1),
                         0);
        assert_false(r1.decided);
        assert_int_equal(r1.n_qualified, 2);
        assert_int_equal(r1.qualified[0], 1);
        assert_int_equal(r1.qualified[1], 2);
    }
}

/* A lone list short of a quarter of the registered voters goes to round 2 alone, and wins it. */
static void test_lone_list_short_of_a_quarter_wins_round2_alone(void **state)
{
    (void)state;
    scrutin_rules rules = rules_of(SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED);
    double votes[] = {-1, 2000};
    unsigned seats[2];
    scrutin_round1 r1;
    assert_int_equal(
        scrutin_rules_round1(&rules, REGISTERED(votes, 2, 1, 10000), NULL, seats, &r1), 0);
    assert_false(r1.decided);
    assert_int_equal(r1.n_qualified, 1);
    assert_int_equal(r1.qualified[0], 1);
    size_t winner;
    int tie;
    assert_int_equal(scrutin_rules_round2(&rules, REGISTERED(votes, 2, 1, 10000), &r1, NULL, seats,
                                          &winner, &tie),
                     0);
    assert_int_equal(winner, 1);
}

/* ---- every system, random ballots ---- */

/*
 * Random ballots (fixed seed): every one-round system gives out exactly the
 * district's seats, none to a list that did not run; two-round systems
 * qualify distinct lists that ran, best first.
 */
static void test_every_system_gives_out_exactly_the_seats(void **state)
{
    (void)state;
    gsl_rng *draw = stream_alloc();
    gsl_rng *lot = stream_alloc();
    double votes[12], age[12];
    unsigned seats[12];
    scrutin_round1 r1;
    for (uint64_t i = 0; i < 3000; i++) {
        stream_reset(draw, 17, i, STREAM_LIST, 1);
        stream_reset(lot, 17, i, STREAM_LOT, 0);
        size_t n = 1 + gsl_rng_uniform_int(draw, 12);
        int ran = 0;
        for (size_t l = 0; l < n; l++) {
            /* Small counts make ties common. */
            votes[l] = gsl_rng_uniform(draw) < 0.2 ? -1.0 : (double)gsl_rng_uniform_int(draw, 30);
            age[l] = 30.0 + (double)gsl_rng_uniform_int(draw, 4);
            ran |= votes[l] >= 0;
        }
        scrutin_ballot ballot = {votes, n, (unsigned)(1 + gsl_rng_uniform_int(draw, 40)),
                                 (double)(50 + gsl_rng_uniform_int(draw, 300)),
                                 i % 2 ? age : NULL, 0.0};
        for (int s = 0; s < SCRUTIN_SYSTEM_COUNT; s++) {
            scrutin_rules rules = rules_of((scrutin_system)s);
            int status = scrutin_rules_round1(&rules, &ballot, lot, seats, &r1);
            if (!ran) {
                assert_int_equal(status, SCRUTIN_EINVAL);
                continue;
            }
            assert_int_equal(status, 0);
            assert_in_range(r1.n_qualified, 1, SCRUTIN_MAX_RUNOFF);
            for (size_t q = 0; q < r1.n_qualified; q++) {
                assert_in_range(r1.qualified[q], 0, n - 1);
                assert_true(votes[r1.qualified[q]] >= 0);
                if (q > 0)
                    assert_true(votes[r1.qualified[q]] <= votes[r1.qualified[q - 1]]);
            }
            if (!r1.decided)
                continue;
            unsigned total = 0;
            for (size_t l = 0; l < n; l++) {
                total += seats[l];
                if (votes[l] < 0)
                    assert_int_equal(seats[l], 0);
            }
            assert_int_equal(total, ballot.seats);
        }
    }
    gsl_rng_free(draw);
    gsl_rng_free(lot);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_system_names_round_trip),
        cmocka_unit_test(test_defaults_follow_the_laws),
        cmocka_unit_test(test_one_round_systems_have_no_round2),
        cmocka_unit_test(test_no_list_running_is_an_error),
        cmocka_unit_test(test_plurality_block_leader_takes_every_seat_without_a_majority),
        cmocka_unit_test(test_plurality_block_tie_is_drawn_by_lot),
        cmocka_unit_test(test_dhondt_wikipedia_example),
        cmocka_unit_test(test_sainte_lague_wikipedia_example),
        cmocka_unit_test(test_sainte_lague_electowiki_35_seats),
        cmocka_unit_test(test_hare_wikipedia_example),
        cmocka_unit_test(test_dhondt_favours_large_lists),
        cmocka_unit_test(test_threshold_keeps_small_lists_out),
        cmocka_unit_test(test_hare_quota_counts_only_lists_above_threshold),
        cmocka_unit_test(test_threshold_nobody_passes_is_dropped),
        cmocka_unit_test(test_one_seat_district_goes_to_the_leading_list),
        cmocka_unit_test(test_list_that_did_not_run_takes_no_seat),
        cmocka_unit_test(test_dhondt_tie_for_the_last_seat_is_drawn_by_lot),
        cmocka_unit_test(test_hare_equal_remainders_are_drawn_by_lot),
        cmocka_unit_test(test_djibouti_leader_takes_80_percent_rounded_to_nearest),
        cmocka_unit_test(test_djibouti_rest_by_dhondt_among_the_other_lists),
        cmocka_unit_test(test_djibouti_leader_takes_all_when_no_other_list_reaches_threshold),
        cmocka_unit_test(test_cameroon_absolute_majority_takes_every_seat),
        cmocka_unit_test(test_cameroon_half_is_not_a_majority),
        cmocka_unit_test(test_cameroon_leader_takes_half_the_seats_rounded_up),
        cmocka_unit_test(test_cameroon_quota_counts_the_eligible_lists),
        cmocka_unit_test(test_cameroon_tie_for_the_lead_goes_to_the_older_list),
        cmocka_unit_test(test_cameroon_tie_without_ages_is_drawn_by_lot),
        cmocka_unit_test(test_round1_winner_needs_a_quarter_of_registered_voters),
        cmocka_unit_test(test_three_way_runoff_under_the_12_5_percent_rule),
        cmocka_unit_test(test_lists_at_the_registered_share_all_qualify),
        cmocka_unit_test(test_fewer_than_two_passing_the_top_two_qualify),
        cmocka_unit_test(test_lone_list_short_of_a_quarter_wins_round2_alone),
        cmocka_unit_test(test_every_system_gives_out_exactly_the_seats),
    };
    return cmocka_run_group_tests_name("electoral systems", tests, NULL, NULL);
}
