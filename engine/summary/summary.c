/* From integer counts to probabilities, means, quantiles and standard errors. */
#include "scrutin/summary.h"

#include <math.h>
#include <stdlib.h>

#include "moments.h"

static scrutin_prob prob(int64_t count, uint64_t n)
{
    double p = (double)count / (double)n;
    return (scrutin_prob){p, sqrt(p * (1.0 - p) / (double)n)};
}

static unsigned quantile(const int64_t *hist, unsigned seats, uint64_t n, double q)
{
    /* Smallest s with P(X <= s) >= q: the cumulative count reaches q n. */
    int64_t cumulative = 0;
    for (unsigned s = 0; s <= seats; s++) {
        cumulative += hist[s];
        if ((double)cumulative >= q * (double)n)
            return s;
    }
    return seats;
}

static void summarise_group(scrutin_group_summary *g, const int64_t *hist, int64_t largest,
                            const scrutin_summary *sum)
{
    uint64_t n = sum->simulations;
    /* Integer sums first: exact, whatever the order the counts were added in. */
    int64_t total = 0, squares = 0, majority = 0, supermajority = 0;
    for (unsigned s = 0; s <= sum->seats; s++) {
        total += hist[s] * (int64_t)s;
        squares += hist[s] * (int64_t)s * (int64_t)s;
        if (s >= sum->majority)
            majority += hist[s];
        if (s >= sum->supermajority)
            supermajority += hist[s];
    }
    moments seats = moments_of_sums(total, squares, n);
    g->mean = seats.mean;
    g->sd = seats.sd;
    g->mean_se = seats.se;
    g->p05 = quantile(hist, sum->seats, n, 0.05);
    g->p25 = quantile(hist, sum->seats, n, 0.25);
    g->p50 = quantile(hist, sum->seats, n, 0.50);
    g->p75 = quantile(hist, sum->seats, n, 0.75);
    g->p95 = quantile(hist, sum->seats, n, 0.95);
    g->majority = prob(majority, n);
    g->supermajority = prob(supermajority, n);
    g->largest = prob(largest, n);
}

/* P(majority | the group held some of the district's seats) and P(majority | none). */
static void summarise_district_group(scrutin_district_group_summary *out, int64_t held,
                                     int64_t held_majority, int64_t majorities, uint64_t n)
{
    out->held = held;
    out->seat = prob(held, n);
    int64_t not_held = (int64_t)n - held, not_held_majority = majorities - held_majority;
    out->majority_if_seat = held > 0 ? prob(held_majority, (uint64_t)held)
                                     : (scrutin_prob){NAN, NAN};
    out->majority_if_no_seat = not_held > 0 ? prob(not_held_majority, (uint64_t)not_held)
                                            : (scrutin_prob){NAN, NAN};
    /* Two disjoint sets of simulations: the standard errors add in quadrature. */
    double if_seat = out->majority_if_seat.p, if_not = out->majority_if_no_seat.p;
    out->leverage = (scrutin_prob){if_seat - if_not,
                                   sqrt(out->majority_if_seat.se * out->majority_if_seat.se +
                                        out->majority_if_no_seat.se * out->majority_if_no_seat.se)};
}

/* The pairs of lists that met in round 2, in the tally's order of pairs. */
static int summarise_runoffs(scrutin_summary *s, const scrutin_model *m, const scrutin_tally *t)
{
    size_t pairs = scrutin_tally_runoff_pairs(t), met_pairs = 0;
    for (size_t i = 0; i < pairs; i++) {
        int64_t met, first_won;
        scrutin_tally_runoff(t, i, &met, &first_won);
        met_pairs += met > 0;
    }
    s->runoffs = calloc(met_pairs + 1, sizeof *s->runoffs);
    if (!s->runoffs)
        return SCRUTIN_ENOMEM;
    /* District by district, in list order: a, then b > a (the tally numbers them b-major). */
    size_t pairs_before = 0, first = 0;
    while (first < s->n_lists) {
        size_t d = scrutin_model_list_district(m, first), end = first;
        while (end < s->n_lists && scrutin_model_list_district(m, end) == d)
            end++;
        size_t n = end - first;
        if (n > SCRUTIN_RUNOFF_MAX_LISTS)
            n = 0; /* no pair counters for so large a district (tally.h) */
        for (size_t a = 0; a < n; a++)
            for (size_t b = a + 1; b < n; b++) {
                int64_t met, first_won;
                scrutin_tally_runoff(t, pairs_before + scrutin_tally_pair_index(a, b), &met,
                                     &first_won);
                if (met == 0)
                    continue;
                scrutin_runoff_summary *r = &s->runoffs[s->n_runoffs++];
                r->list_a = first + a;
                r->list_b = first + b;
                r->met = met;
                r->meet = prob(met, s->simulations);
                r->a_wins_if_meet = prob(first_won, (uint64_t)met);
            }
        pairs_before += scrutin_tally_pair_count(n);
        first = end;
    }
    return SCRUTIN_OK;
}

void scrutin_summary_free(scrutin_summary *s)
{
    if (!s)
        return;
    for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++)
        free(s->district_groups[k]);
    free(s->runoffs);
    for (int st = 0; st < SCRUTIN_STAGES; st++)
        for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++)
            free(s->groups[st][k]);
    for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++)
        free(s->court[k]);
    free(s->districts);
    free(s->lists);
    free(s);
}

int scrutin_summary_compute(scrutin_summary **out, const scrutin_model *m, const scrutin_tally *t,
                            scrutin_ctx *ctx)
{
    *out = NULL;
    int checked = scrutin_tally_check(t, m, "scrutin_summary_compute", ctx);
    if (checked != SCRUTIN_OK)
        return checked;
    uint64_t n = scrutin_tally_simulations(t);
    if (n == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "no simulation was run: nothing to summarise");
    scrutin_summary *s = calloc(1, sizeof *s);
    if (!s)
        return SCRUTIN_ENOMEM;
    s->simulations = n;
    s->seats = scrutin_model_seats(m);
    s->majority = scrutin_model_majority(m);
    s->supermajority = scrutin_model_supermajority(m);
    s->n_groups[SCRUTIN_GROUP_PARTY] = scrutin_model_count(m, SCRUTIN_ENTITY_PARTY);
    s->n_groups[SCRUTIN_GROUP_COALITION] = scrutin_model_count(m, SCRUTIN_ENTITY_COALITION);
    s->n_districts = scrutin_model_count(m, SCRUTIN_ENTITY_DISTRICT);
    s->n_lists = scrutin_model_count(m, SCRUTIN_ENTITY_LIST);
    int ok = 1;
    for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++) {
        size_t groups = s->n_groups[k] ? s->n_groups[k] : 1;
        for (int st = 0; st < SCRUTIN_STAGES; st++)
            ok &= (s->groups[st][k] = calloc(groups, sizeof *s->groups[st][k])) != NULL;
        ok &= (s->court[k] = calloc(groups, sizeof *s->court[k])) != NULL;
        ok &= (s->district_groups[k] = calloc(groups * (s->n_districts + 1),
                                              sizeof *s->district_groups[k])) != NULL;
    }
    ok &= (s->districts = calloc(s->n_districts + 1, sizeof *s->districts)) != NULL;
    ok &= (s->lists = calloc(s->n_lists + 1, sizeof *s->lists)) != NULL;
    if (!ok) {
        scrutin_summary_free(s);
        return SCRUTIN_ENOMEM;
    }
    for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++)
        for (size_t g = 0; g < s->n_groups[k]; g++) {
            for (int st = 0; st < SCRUTIN_STAGES; st++)
                summarise_group(&s->groups[st][k][g],
                                scrutin_tally_seat_histogram(t, (scrutin_stage)st,
                                                             (scrutin_group_kind)k, g),
                                scrutin_tally_largest(t, (scrutin_stage)st, (scrutin_group_kind)k, g),
                                s);
            int64_t sum, squares;
            scrutin_tally_court_shift(t, (scrutin_group_kind)k, g, &sum, &squares);
            scrutin_court_summary *c = &s->court[k][g];
            moments shift = moments_of_sums(sum, squares, n);
            c->shift_mean = shift.mean;
            c->shift_se = shift.se;
            c->majority_changed = prob(scrutin_tally_majority_changed(t, (scrutin_group_kind)k, g), n);
            /* Majorities at the final stage, counted exactly from the histogram. */
            const int64_t *hist =
                scrutin_tally_seat_histogram(t, SCRUTIN_STAGE_FINAL, (scrutin_group_kind)k, g);
            int64_t majorities = 0;
            for (unsigned v = s->majority; v <= s->seats; v++)
                majorities += hist[v];
            for (size_t d = 0; d < s->n_districts; d++) {
                int64_t held, held_majority;
                scrutin_tally_district_group(t, d, (scrutin_group_kind)k, g, &held, &held_majority);
                summarise_district_group(&s->district_groups[k][d * s->n_groups[k] + g], held,
                                         held_majority, majorities, n);
            }
        }
    const int64_t *moved = scrutin_tally_court_moved(t);
    int64_t moved_sum = 0, moved_squares = 0;
    for (unsigned v = 0; v <= s->seats; v++) {
        moved_sum += moved[v] * (int64_t)v;
        moved_squares += moved[v] * (int64_t)v * (int64_t)v;
    }
    moments moved_seats = moments_of_sums(moved_sum, moved_squares, n);
    s->court_moved_mean = moved_seats.mean;
    s->court_moved_se = moved_seats.se;
    for (size_t d = 0; d < s->n_districts; d++) {
        scrutin_district_summary *ds = &s->districts[d];
        ds->round1 = prob(scrutin_tally_district(t, SCRUTIN_DISTRICT_ROUND1, d), n);
        ds->tie = prob(scrutin_tally_district(t, SCRUTIN_DISTRICT_TIE, d), n);
        ds->court_flip = prob(scrutin_tally_district(t, SCRUTIN_DISTRICT_COURT_FLIP, d), n);
        ds->rerun = prob(scrutin_tally_district(t, SCRUTIN_DISTRICT_RERUN, d), n);
    }
    for (size_t l = 0; l < s->n_lists; l++) {
        scrutin_list_summary *ls = &s->lists[l];
        ls->rejected = prob(scrutin_tally_list(t, SCRUTIN_LIST_REJECTED, l), n);
        ls->round2 = prob(scrutin_tally_list(t, SCRUTIN_LIST_ROUND2, l), n);
        ls->win[SCRUTIN_STAGE_PROVISIONAL] = prob(scrutin_tally_list(t, SCRUTIN_LIST_WIN_PROVISIONAL, l), n);
        ls->win[SCRUTIN_STAGE_FINAL] = prob(scrutin_tally_list(t, SCRUTIN_LIST_WIN_FINAL, l), n);
    }
    if (summarise_runoffs(s, m, t) != SCRUTIN_OK) {
        scrutin_summary_free(s);
        return SCRUTIN_ENOMEM;
    }
    *out = s;
    return SCRUTIN_OK;
}
