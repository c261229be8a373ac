/*
 * One simulated election: shared shocks, then district by district the court
 * before the vote, round 1, round 2, the court after the vote, and the seats
 * of both stages, counted in the workspace's tally.
 */
#include <string.h>

#include "../court/court.h"
#include "../model/credit.h"
#include "district_decision.h"
#include "kernel.h"
#include "outcomes.h"
#include "shocks.h"
#include "stream.h"

/* District @p d's count in the workspace: w->votes1 and w->votes2. */
static district_count count_of(const scrutin_model *m, const sim_workspace *w, size_t d)
{
    size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
    district_count c = {{w->votes1, n, m->district_seats[d], m->registered[d], NULL, w->other1},
                        w->votes1,
                        w->votes2};
    return c;
}

/*
 * Round 2 of district @p d, which awaits it, into @p seats: its runoff shocks
 * from stream @p component of the district (its runoff's, or a re-run's).
 * Inline, because gcc otherwise keeps it a call of its own, which cost the
 * kernel 0.5% more instructions a simulation of Mali 2007.
 */
static inline void runoff(const scrutin_model *m, const scrutin_rules *rules, sim_workspace *w,
                          size_t d, uint64_t index, stream_component component,
                          const district_count *c, unsigned *seats, district_decision *out)
{
    sim_runoff_votes(m, w, d, &out->r1, stream_at(w->seed, index, component, (uint32_t)d + 1),
                     component == STREAM_RUNOFF ? w->batch.z + w->batch.runoff[d] : NULL);
    (void)district_round2(rules, c, w->lot, seats, out);
}

/*
 * Rounds 1 and 2 from w->votes1 into @p seats, the runoff shocks from stream
 * @p component. A district where nobody ran, or that the rules refuse, keeps
 * its seats vacant (out->round 0).
 */
static void decide(const scrutin_model *m, const scrutin_rules *rules, sim_workspace *w, size_t d,
                   uint64_t index, stream_component component, unsigned *seats,
                   district_decision *out)
{
    district_count c = count_of(m, w, d);
    (void)district_round1(rules, &c, w->lot, seats, out);
    if (district_awaits_round2(out))
        runoff(m, rules, w, d, index, component, &c, seats, out);
}

/*
 * The court after the vote: the final seats of district @p d, from its
 * provisional ones. @return the ruling; when it is COURT_NONE the final seats
 * are the provisional ones and w->list_seats[SCRUTIN_STAGE_FINAL] is not written.
 */
static court_ruling apply_court(const scrutin_model *m, const scrutin_rules *rules,
                                sim_workspace *w, size_t d, uint64_t index,
                                const district_decision *provisional, int *tie)
{
    if (!m->params.court_enabled || provisional->round == 0)
        return COURT_NONE;
    size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
    unsigned *final = w->list_seats[SCRUTIN_STAGE_FINAL];
    double *votes = provisional->round == 1 ? w->votes1 : w->votes2;
    double struck = 0.0;
    /* The stream's first uniform from the batch; the stream itself only for a petition upheld. */
    if (!court_petition_upheld(&m->params, provisional->round,
                               sim_court_first(w, STREAM_COURT_AFTER, d), votes, n,
                               provisional->winner))
        return COURT_NONE;
    sim_court_resume(w, index, STREAM_COURT_AFTER, d);
    court_ruling ruling = court_petition_ruling(&m->params, votes, provisional->winner, w->rng,
                                                &struck);
    if (ruling == COURT_RERUN) {
        /* A new poll: fresh district shocks; the national and regional ones stay. */
        sim_other_shock(m, w, d, index, STREAM_OTHER_RERUN);
        sim_district_votes(m, w, d, stream_at(w->seed, index, STREAM_RERUN, (uint32_t)d + 1),
                           NULL);
        district_decision again;
        decide(m, rules, w, d, index, STREAM_RERUN_RUNOFF, final, &again);
        *tie |= again.tie;
    } else if (ruling == COURT_STRIKE) {
        district_count c = count_of(m, w, d);
        district_decision after = *provisional;
        (void)district_strike(rules, &c, w->lot, struck, final, &after);
        /* Struck below a majority in round 1, the district goes to round 2 (runoff stream). */
        if (district_awaits_round2(&after))
            runoff(m, rules, w, d, index, STREAM_RUNOFF, &c, final, &after);
        *tie |= after.tie;
    }
    return ruling;
}

/*
 * Note that the groups of the first @p seats candidates of list @p list (its
 * parties and their coalitions) hold final seats of district @p d: entries
 * d << 32 | group of @p held, from @p first on (this district's), once each.
 */
static size_t note_held(const scrutin_model *m, size_t d, size_t list, unsigned seats,
                        uint64_t *held, size_t first, size_t n)
{
    const uint32_t *party = m->candidate_party + m->list_first_candidate[list];
    unsigned candidates = m->list_first_candidate[list + 1] - m->list_first_candidate[list];
    /* A party's or the independents' list has one party's candidates (the loader checks). */
    if (m->list_kind[list] != LIST_JOINT)
        seats = 1;
    for (unsigned c = 0; c < seats && c < candidates; c++) {
        if (c > 0 && party[c] == party[c - 1])
            continue;
        uint64_t cells[2] = {(uint64_t)d << 32 | party[c],
                             (uint64_t)d << 32 | (m->n_parties + m->party_coalition[party[c]])};
        for (int k = 0; k < 2; k++) {
            size_t i = first;
            while (i < n && held[i] != cells[k])
                i++;
            if (i == n)
                held[n++] = cells[k];
        }
    }
    return n;
}

/* Count the district's events and credit its seats to the parties, at both stages. */
static unsigned count_district(const scrutin_model *m, sim_workspace *w, size_t system, size_t d,
                               const district_decision *provisional, int tie, court_ruling ruling,
                               size_t rejections)
{
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    scrutin_tally *t = tally_system(w->tally, system);
    size_t groups = m->n_parties + m->n_coalitions;
    unsigned *seats_prov = w->seats[SCRUTIN_STAGE_PROVISIONAL] + system * groups;
    unsigned *seats_final = w->seats[SCRUTIN_STAGE_FINAL] + system * groups;
    const unsigned *prov = w->list_seats[SCRUTIN_STAGE_PROVISIONAL];
    /* Without a ruling the final seats are the provisional ones. */
    const unsigned *final = ruling == COURT_NONE ? prov : w->list_seats[SCRUTIN_STAGE_FINAL];
    unsigned moved = 0;
    uint64_t *held = w->held + system * w->held_cap;
    size_t held_first = w->n_held[system];
    if (rejections) {
        int64_t *rejected = tally_list(t, SCRUTIN_LIST_REJECTED) + first;
        for (size_t i = 0; i < n; i++)
            rejected[i] += w->rejected[i];
    }
    int64_t *round2 = tally_list(t, SCRUTIN_LIST_ROUND2) + first;
    int64_t *win_prov = tally_list(t, SCRUTIN_LIST_WIN_PROVISIONAL) + first;
    int64_t *win_final = tally_list(t, SCRUTIN_LIST_WIN_FINAL) + first;
    for (size_t i = 0; i < n; i++) {
        if (!(prov[i] | final[i]))
            continue;
        if (prov[i]) {
            win_prov[i]++;
            model_credit_seats(m, first + i, prov[i], seats_prov);
        }
        if (final[i]) {
            win_final[i]++;
            model_credit_seats(m, first + i, final[i], seats_final);
            w->n_held[system] = note_held(m, d, first + i, final[i], held, held_first,
                                          w->n_held[system]);
        }
        moved += final[i] > prov[i] ? final[i] - prov[i] : 0;
    }
    if (provisional->round == 2) {
        for (size_t q = 0; q < provisional->r1.n_qualified; q++)
            round2[provisional->r1.qualified[q]]++;
        tally_add_runoff(t, d, provisional->r1.qualified, provisional->r1.n_qualified,
                         provisional->winner);
    }
    tally_district(t, SCRUTIN_DISTRICT_ROUND1)[d] += provisional->round == 1;
    tally_district(t, SCRUTIN_DISTRICT_TIE)[d] += tie != 0;
    tally_district(t, SCRUTIN_DISTRICT_COURT_FLIP)[d] += moved > 0;
    tally_district(t, SCRUTIN_DISTRICT_RERUN)[d] += ruling == COURT_RERUN;
    return moved;
}

/*
 * District @p d under electoral system @p system, from the round-1 votes in
 * w->votes1: the rounds, the court after the vote, the counts. @return the
 * seats the court moved.
 */
static unsigned district_under(const scrutin_model *m, sim_workspace *w, size_t system, size_t d,
                               uint64_t index, size_t rejections)
{
    const scrutin_rules *rules = &m->systems[system];
    w->lot = w->lots[system];
    district_decision provisional;
    decide(m, rules, w, d, index, STREAM_RUNOFF, w->list_seats[SCRUTIN_STAGE_PROVISIONAL],
           &provisional);
    int tie = provisional.tie;
    court_ruling ruling = apply_court(m, rules, w, d, index, &provisional, &tie);
    if (w->outcome) {
        const unsigned *prov = w->list_seats[SCRUTIN_STAGE_PROVISIONAL];
        sim_outcome_district(w->outcome, w->outcome_layout, m, system, d, prov,
                             ruling == COURT_NONE ? prov : w->list_seats[SCRUTIN_STAGE_FINAL],
                             provisional.round);
    }
    return count_district(m, w, system, d, &provisional, tie, ruling, rejections);
}

void sim_one(const scrutin_model *m, sim_workspace *w, uint64_t seed, uint64_t index)
{
    w->seed = seed;
    sim_draw_batch(w, index);
    sim_draw_shared_shocks(m, w, index);
    sim_round1_utilities(m, w, index);
    sim_runoff_exponents(m, w);
    size_t groups = m->n_parties + m->n_coalitions, systems = m->n_systems;
    /* Every system draws its lots from the start of the one stream LOT, a lone system's: its
       lots do not depend on its place in `systems:` nor on the systems beside it. */
    for (size_t s = 0; s < systems; s++)
        stream_reset(w->lots[s], seed, index, STREAM_LOT, 0);
    for (int s = 0; s < SCRUTIN_STAGES; s++)
        memset(w->seats[s], 0, systems * groups * sizeof *w->seats[s]);
    for (size_t s = 0; s < systems; s++)
        w->n_held[s] = 0;
    unsigned moved[SCRUTIN_MAX_SYSTEMS] = {0};
    for (size_t d = 0; d < m->n_districts; d++) {
        /* The court's stream is made ready only in the districts where its first draw rejects. */
        size_t rejections;
        double u = m->params.court_enabled ? sim_court_first(w, STREAM_COURT_BEFORE, d) : 0.0;
        if (m->params.court_enabled && !court_rejects_none(m, d, u, w->court_none)) {
            sim_court_resume(w, index, STREAM_COURT_BEFORE, d);
            rejections = court_reject_from(m, d, u, w->rng, w->rejected, w->court_none);
        } else {
            rejections = court_reject_actual(m, d, w->rejected);
        }
        sim_district_votes(m, w, d, stream_at(seed, index, STREAM_LIST, (uint32_t)d + 1),
                           w->batch.z + w->batch.list[d]);
        if (systems == 1) {
            moved[0] += district_under(m, w, 0, d, index, rejections);
            continue;
        }
        /*
         * The same votes under every system. The court strikes votes and a
         * re-run redraws them, so each system starts again from the votes as
         * cast; each resets the runoff and court streams of the district, so
         * the systems share those draws too.
         */
        size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
        memcpy(w->votes1_kept, w->votes1, n * sizeof *w->votes1);
        w->other1_kept = w->other1;
        for (size_t s = 0; s < systems; s++) {
            if (s > 0) {
                memcpy(w->votes1, w->votes1_kept, n * sizeof *w->votes1);
                w->other1 = w->other1_kept;
            }
            moved[s] += district_under(m, w, s, d, index, rejections);
        }
    }
    for (size_t s = 0; s < systems; s++) {
        unsigned *prov = w->seats[SCRUTIN_STAGE_PROVISIONAL] + s * groups;
        unsigned *final = w->seats[SCRUTIN_STAGE_FINAL] + s * groups;
        /* Parties roll up to coalitions. */
        for (size_t p = 0; p < m->n_parties; p++) {
            prov[m->n_parties + m->party_coalition[p]] += prov[p];
            final[m->n_parties + m->party_coalition[p]] += final[p];
        }
        const unsigned *const seats[SCRUTIN_STAGES] = {prov, final};
        scrutin_tally *t = tally_system(w->tally, s);
        tally_add_seats(t, seats, moved[s]);
        tally_add_held(t, w->held + s * w->held_cap, w->n_held[s], final);
    }
}
