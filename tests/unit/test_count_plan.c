/*
 * The kernel's plan of a district's counts (engine/sim/count_plan.c) against its
 * definition on crafted models: for every list and number of seats, the credits are
 * model_credit_seats()'s parties, each once in the order they first appear, then
 * their coalitions, each once; and the plan's memory stays linear in a list's
 * candidates (one list of the 10,000 seats a district may have).
 */
#include "test_support.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "model/credit.h"
#include "model/model_types.h"
#include "sim/count_plan.h"

enum { PARTIES = 7, COALITIONS = 3 };

/* One district of @p n_lists lists of @p seats candidates each, of parties given by @p party_at. */
typedef struct crafted {
    scrutin_model m;
    uint32_t district_first_list[2], party_coalition[PARTIES];
    uint32_t *list_first_candidate, *candidate_party;
    uint8_t *list_rejected;
} crafted;

static void craft(crafted *c, size_t n_lists, uint32_t seats, uint32_t (*party_at)(size_t, uint32_t))
{
    memset(c, 0, sizeof *c);
    c->m.n_parties = PARTIES;
    c->m.n_coalitions = COALITIONS;
    c->m.n_districts = 1;
    c->m.n_lists = n_lists;
    c->district_first_list[1] = (uint32_t)n_lists;
    for (uint32_t p = 0; p < PARTIES; p++)
        c->party_coalition[p] = (p * 5 + 2) % COALITIONS; /* coalitions not in party order */
    c->list_first_candidate = calloc(n_lists + 1, sizeof *c->list_first_candidate);
    c->candidate_party = calloc(n_lists * seats + 1, sizeof *c->candidate_party);
    c->list_rejected = calloc(n_lists + 1, sizeof *c->list_rejected);
    assert_non_null(c->list_first_candidate);
    assert_non_null(c->candidate_party);
    assert_non_null(c->list_rejected);
    for (size_t l = 0; l < n_lists; l++) {
        c->list_first_candidate[l] = (uint32_t)(l * seats);
        for (uint32_t k = 0; k < seats; k++)
            c->candidate_party[l * seats + k] = party_at(l, k);
    }
    c->list_first_candidate[n_lists] = (uint32_t)(n_lists * seats);
    c->m.district_first_list = c->district_first_list;
    c->m.party_coalition = c->party_coalition;
    c->m.list_first_candidate = c->list_first_candidate;
    c->m.candidate_party = c->candidate_party;
    c->m.list_rejected = c->list_rejected;
}

static void uncraft(crafted *c)
{
    free(c->list_first_candidate);
    free(c->candidate_party);
    free(c->list_rejected);
}

/* A joint list of every party, repeats and returns; a list of one party; a list of two. */
static uint32_t mixed(size_t l, uint32_t k)
{
    static const uint32_t joint[] = {3, 3, 0, 6, 3, 1, 0, 5, 2, 4, 6, 6, 1};
    if (l == 0)
        return joint[k % (sizeof joint / sizeof joint[0])];
    return l == 1 ? 4 : (uint32_t)(k * k % 3 == 0 ? 2 : 5);
}

static void test_credits_are_the_definition(void **state)
{
    (void)state;
    crafted c;
    enum { SEATS = 30 };
    craft(&c, 3, SEATS, mixed);
    count_plan p;
    assert_int_equal(count_plan_init(&p, &c.m), SCRUTIN_OK);
    for (size_t l = 0; l < 3; l++) {
        for (unsigned seats = 0; seats <= SEATS + 2; seats++) {
            /* The definition: the parties' seats, then each coalition's, groups in first order. */
            unsigned want[PARTIES + COALITIONS] = {0};
            model_credit_seats(&c.m, l, seats, want);
            for (uint32_t q = 0; q < PARTIES; q++)
                want[PARTIES + c.party_coalition[q]] += want[q];
            uint32_t order[PARTIES + COALITIONS], n = 0;
            for (int coalitions = 0; coalitions < 2; coalitions++)
                for (unsigned k = 0; k < seats && k < SEATS; k++) {
                    uint32_t g = c.candidate_party[l * SEATS + k];
                    if (coalitions)
                        g = PARTIES + c.party_coalition[g];
                    uint32_t i = 0;
                    while (i < n && order[i] != g)
                        i++;
                    if (i == n)
                        order[n++] = g;
                }
            uint32_t i, end = count_plan_credits(&p, l, seats, &i);
            assert_int_equal(end - i, n);
            for (uint32_t j = 0; j < n; j++, i++) {
                assert_int_equal(p.credit[i].group, order[j]);
                assert_int_equal(p.credit[i].seats, want[order[j]]);
            }
        }
    }
    count_plan_free(&p);
    uncraft(&c);
}

static uint32_t one_party(size_t l, uint32_t k)
{
    (void)k;
    return (uint32_t)l % PARTIES;
}

static void test_memory_linear_in_candidates(void **state)
{
    (void)state;
    crafted c;
    enum { SEATS = 10000 }; /* engine/scenario/tables.c's bound on a district's seats */
    craft(&c, 2, SEATS, one_party);
    count_plan p;
    assert_int_equal(count_plan_init(&p, &c.m), SCRUTIN_OK);
    /* Two credits a row (its party, its coalition): linear, not c (c + 1) credits a list. */
    assert_int_equal(p.credit_first[2 * SEATS], 2 * 2 * SEATS);
    assert_true(malloc_usable_size(p.credit) <= 2 * 2 * SEATS * sizeof *p.credit + 4096);
    uint32_t i, end = count_plan_credits(&p, 1, SEATS, &i);
    assert_int_equal(end - i, 2);
    assert_int_equal(p.credit[i].group, 1);
    assert_int_equal(p.credit[i].seats, SEATS);
    assert_int_equal(p.credit[i + 1].group, PARTIES + c.party_coalition[1]);
    count_plan_free(&p);
    uncraft(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_credits_are_the_definition),
        cmocka_unit_test(test_memory_linear_in_candidates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
