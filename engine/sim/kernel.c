/*
 * One simulated election: shared shocks, then district by district the court
 * before the vote, round 1, round 2, the court after the vote, and the seats
 * of both stages, counted in the workspace's tally.
 */
#include <string.h>

#include "../court/court.h"
#include "../model/credit.h"
#include "kernel.h"
#include "shocks.h"
#include "stream.h"

/* What decided a district: the deciding round (0 if no list ran) and whether a lot was drawn. */
typedef struct decision {
    int round;
    int tie;
    size_t winner;        /* the list with the most seats */
    scrutin_round1 r1;
} decision;

/*
 * Rounds 1 and 2 from w->votes1 into @p seats. For round 2 the runoff shocks
 * come from the district's runoff stream, or, in a re-run, from @p r as it is.
 */
static void decide(const scrutin_model *m, sim_workspace *w, size_t d, uint64_t index,
                   int fresh_runoff, unsigned *seats, decision *out)
{
    size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
    scrutin_ballot b1 = {w->votes1, n, m->district_seats[d], m->registered[d], NULL};
    out->round = 0;
    out->tie = 0;
    if (scrutin_rules_round1(&m->rules, &b1, w->lot, seats, &out->r1) != SCRUTIN_OK) {
        memset(seats, 0, n * sizeof *seats); /* nobody ran: the seats stay vacant */
        return;
    }
    out->tie = out->r1.tie;
    out->winner = out->r1.qualified[0];
    out->round = 1;
    if (out->r1.decided)
        return;
    if (fresh_runoff)
        stream_reset(w->rng, w->seed, index, STREAM_RUNOFF, (uint32_t)d + 1);
    sim_runoff_votes(m, w, d, &out->r1, w->rng);
    scrutin_ballot b2 = {w->votes2, n, m->district_seats[d], m->registered[d], NULL};
    int tie = 0;
    if (scrutin_rules_round2(&m->rules, &b2, &out->r1, w->lot, seats, &out->winner, &tie) !=
        SCRUTIN_OK) {
        memset(seats, 0, n * sizeof *seats);
        out->round = 0;
        return;
    }
    out->tie |= tie;
    out->round = 2;
}

/* The court after the vote: the final seats of district @p d, from its provisional ones. */
static int apply_court(const scrutin_model *m, sim_workspace *w, size_t d, uint64_t index,
                       const decision *provisional, int *tie)
{
    size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
    unsigned *final = w->list_seats[SCRUTIN_STAGE_FINAL];
    memcpy(final, w->list_seats[SCRUTIN_STAGE_PROVISIONAL], n * sizeof *final);
    if (!m->params.court_enabled || provisional->round == 0)
        return 0;
    stream_reset(w->rng, w->seed, index, STREAM_COURT_AFTER, (uint32_t)d + 1);
    double *votes = provisional->round == 1 ? w->votes1 : w->votes2;
    double struck = 0.0;
    court_ruling ruling = court_petition(&m->params, provisional->round, votes, n,
                                         provisional->winner, w->rng, &struck);
    decision again;
    if (ruling == COURT_RERUN) {
        /* A new poll: fresh district shocks; the national and regional ones stay. */
        stream_reset(w->rng, w->seed, index, STREAM_RERUN, (uint32_t)d + 1);
        sim_district_votes(m, w, d, w->rng);
        decide(m, w, d, index, 0, final, &again);
        *tie |= again.tie;
        return 1;
    }
    if (ruling == COURT_STRIKE) {
        court_strike(votes, provisional->winner, struck);
        if (provisional->round == 2) {
            scrutin_ballot b2 = {w->votes2, n, m->district_seats[d], m->registered[d], NULL};
            size_t winner;
            int t2 = 0;
            if (scrutin_rules_round2(&m->rules, &b2, &provisional->r1, w->lot, final, &winner,
                                     &t2) == SCRUTIN_OK)
                *tie |= t2;
        } else {
            /* Struck below a majority, the district goes to round 2. */
            decide(m, w, d, index, 1, final, &again);
            *tie |= again.tie;
        }
    }
    return 0;
}

/* Count the district's events and credit its seats to the parties, at both stages. */
static unsigned count_district(const scrutin_model *m, sim_workspace *w, size_t d,
                               const decision *provisional, int tie, int rerun)
{
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    scrutin_tally *t = w->tally;
    const unsigned *prov = w->list_seats[SCRUTIN_STAGE_PROVISIONAL];
    const unsigned *final = w->list_seats[SCRUTIN_STAGE_FINAL];
    unsigned moved = 0;
    int64_t *rejected = tally_list(t, SCRUTIN_LIST_REJECTED) + first;
    int64_t *round2 = tally_list(t, SCRUTIN_LIST_ROUND2) + first;
    int64_t *win_prov = tally_list(t, SCRUTIN_LIST_WIN_PROVISIONAL) + first;
    int64_t *win_final = tally_list(t, SCRUTIN_LIST_WIN_FINAL) + first;
    for (size_t i = 0; i < n; i++) {
        rejected[i] += w->rejected[i];
        if (prov[i]) {
            win_prov[i]++;
            model_credit_seats(m, first + i, prov[i], w->seats[SCRUTIN_STAGE_PROVISIONAL]);
        }
        if (final[i]) {
            win_final[i]++;
            model_credit_seats(m, first + i, final[i], w->seats[SCRUTIN_STAGE_FINAL]);
        }
        moved += final[i] > prov[i] ? final[i] - prov[i] : 0;
    }
    if (provisional->round == 2)
        for (size_t q = 0; q < provisional->r1.n_qualified; q++)
            round2[provisional->r1.qualified[q]]++;
    tally_district(t, SCRUTIN_DISTRICT_ROUND1)[d] += provisional->round == 1;
    tally_district(t, SCRUTIN_DISTRICT_TIE)[d] += tie != 0;
    tally_district(t, SCRUTIN_DISTRICT_COURT_FLIP)[d] += moved > 0;
    tally_district(t, SCRUTIN_DISTRICT_RERUN)[d] += rerun != 0;
    return moved;
}

void sim_one(const scrutin_model *m, sim_workspace *w, uint64_t seed, uint64_t index)
{
    w->seed = seed;
    sim_draw_shared_shocks(m, w, index);
    stream_reset(w->lot, seed, index, STREAM_LOT, 0);
    size_t groups = m->n_parties + m->n_coalitions;
    for (int s = 0; s < SCRUTIN_STAGES; s++)
        memset(w->seats[s], 0, groups * sizeof *w->seats[s]);
    unsigned moved = 0;
    for (size_t d = 0; d < m->n_districts; d++) {
        if (m->params.court_enabled)
            stream_reset(w->rng, seed, index, STREAM_COURT_BEFORE, (uint32_t)d + 1);
        court_reject(m, d, w->rng, w->rejected);
        stream_reset(w->rng, seed, index, STREAM_LIST, (uint32_t)d + 1);
        sim_district_votes(m, w, d, w->rng);
        decision provisional;
        decide(m, w, d, index, 1, w->list_seats[SCRUTIN_STAGE_PROVISIONAL], &provisional);
        int tie = provisional.tie;
        int rerun = apply_court(m, w, d, index, &provisional, &tie);
        moved += count_district(m, w, d, &provisional, tie, rerun);
    }
    /* Parties roll up to coalitions. */
    for (int s = 0; s < SCRUTIN_STAGES; s++)
        for (size_t p = 0; p < m->n_parties; p++)
            w->seats[s][m->n_parties + m->party_coalition[p]] += w->seats[s][p];
    const unsigned *const seats[SCRUTIN_STAGES] = {w->seats[0], w->seats[1]};
    tally_add_seats(w->tally, seats, moved);
}
