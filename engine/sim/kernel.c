/*
 * One simulated election: shared shocks, then district by district the court
 * before the vote, round 1, round 2, the court after the vote, and the seats
 * of both stages, counted in the workspace's tally.
 */
#include <string.h>

#include "../court/court.h"
#include "district_decision.h"
#include "kernel.h"
#include "outcomes.h"
#include "shocks.h"
#include "stream.h"

/* Stream @p component of district @p d in this simulation: stream_at(seed, index, component, d + 1). */
static inline stream_id district_stream(const sim_workspace *w, uint32_t component, size_t d)
{
    stream_id s = w->stream;
    s.ctr[2] = component | ((uint32_t)d + 1) << 8;
    return s;
}

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
                          size_t d, stream_component component,
                          const district_count *c, unsigned *seats, district_decision *out)
{
    sim_runoff_votes(m, w, d, &out->r1, district_stream(w, component, d),
                     component == STREAM_RUNOFF ? w->batch.z + w->batch.runoff[d] : NULL);
    (void)district_round2(rules, c, w->lot, seats, out);
}

/*
 * Rounds 1 and 2 from w->votes1 into @p seats, the runoff shocks from stream
 * @p component. A district where nobody ran, or that the rules refuse, keeps
 * its seats vacant (out->round 0).
 */
static void decide(const scrutin_model *m, const scrutin_rules *rules, sim_workspace *w, size_t d,
                   stream_component component, unsigned *seats,
                   district_decision *out)
{
    district_count c = count_of(m, w, d);
    (void)district_round1(rules, &c, w->lot, seats, out);
    if (district_awaits_round2(out))
        runoff(m, rules, w, d, component, &c, seats, out);
}

/*
 * The court after the vote: the final seats of district @p d, from its
 * provisional ones, and the round and winner that decided them. @return the
 * ruling; when it is COURT_NONE the final seats are the provisional ones and
 * w->list_seats[SCRUTIN_STAGE_FINAL] is not written.
 */
static court_ruling apply_court(const scrutin_model *m, const scrutin_rules *rules,
                                sim_workspace *w, size_t d, uint64_t index,
                                const district_decision *provisional, int *tie, int *final_round,
                                size_t *final_winner)
{
    *final_round = provisional->round;
    *final_winner = provisional->winner;
    if (!m->params.court_enabled || provisional->round == 0)
        return COURT_NONE;
    size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
    unsigned *final = w->list_seats[SCRUTIN_STAGE_FINAL];
    double *votes = provisional->round == 1 ? w->votes1 : w->votes2;
    double struck = 0.0;
    /* The stream's first uniform from the batch; the stream itself only for a petition upheld. */
    double u = sim_court_first(w, STREAM_COURT_AFTER, d);
    int upheld;
    if (provisional->round == 2) {
        /* Round 2's ballot is its finalists, in list order: the others' places vary from
           district to district, and a branch on each list's vote was mispredicted. */
        size_t on[SCRUTIN_MAX_RUNOFF], k = provisional->r1.n_qualified;
        const size_t *qualified = provisional->r1.qualified;
        if (k == 2) {
            on[0] = qualified[0] < qualified[1] ? qualified[0] : qualified[1];
            on[1] = qualified[0] ^ qualified[1] ^ on[0];
        }
        for (size_t q = 0; k != 2 && q < k; q++) {
            size_t list = provisional->r1.qualified[q], at = q;
            for (; at > 0 && on[at - 1] > list; at--)
                on[at] = on[at - 1];
            on[at] = list;
        }
        upheld = court_petition_upheld_among(&m->params, 2, u, votes, on, k, provisional->winner);
    } else {
        upheld = court_petition_upheld(&m->params, provisional->round, u, votes, n,
                                       provisional->winner);
    }
    if (!upheld)
        return COURT_NONE;
    sim_court_resume(w, index, STREAM_COURT_AFTER, d);
    court_ruling ruling = court_petition_ruling(&m->params, votes, provisional->winner, w->rng,
                                                &struck);
    if (ruling == COURT_RERUN) {
        /* A new poll: fresh district shocks; the national and regional ones stay. */
        sim_other_shock(m, w, d, index, STREAM_OTHER_RERUN);
        sim_district_votes(m, w, d, district_stream(w, STREAM_RERUN, d),
                           NULL);
        district_decision again;
        decide(m, rules, w, d, STREAM_RERUN_RUNOFF, final, &again);
        *tie |= again.tie;
        *final_round = again.round;
        *final_winner = again.winner;
    } else if (ruling == COURT_STRIKE) {
        district_count c = count_of(m, w, d);
        district_decision after = *provisional;
        (void)district_strike(rules, &c, w->lot, struck, final, &after);
        /* Struck below a majority in round 1, the district goes to round 2 (runoff stream). */
        if (district_awaits_round2(&after))
            runoff(m, rules, w, d, STREAM_RUNOFF, &c, final, &after);
        *tie |= after.tie;
        *final_round = after.round;
        *final_winner = after.winner;
    }
    return ruling;
}

/*
 * Where one simulation counts the districts of one electoral system: the
 * groups' seats, the held groups and the tally's counters, found once a
 * simulation instead of in every district.
 */
typedef struct system_counts {
    scrutin_tally *t;
    unsigned *seats[SCRUTIN_STAGES]; /* [groups] seats of each group, at each stage */
    uint64_t *held;                  /* entries district << 32 | group (kernel.h) */
    size_t n_held;
    int64_t *rejected, *round2, *win_prov, *win_final; /* [n_lists] the tally's list events */
    int64_t *round1, *tie, *court_flip, *rerun;        /* [n_districts] its district events */
    unsigned moved;                  /* seats the court moved */
} system_counts;

static void system_counts_init(system_counts *c, const scrutin_model *m, sim_workspace *w,
                               size_t system)
{
    size_t groups = m->n_parties + m->n_coalitions;
    scrutin_tally *t = tally_system(w->tally, system);
    c->t = t;
    for (int stage = 0; stage < SCRUTIN_STAGES; stage++) {
        c->seats[stage] = w->seats[stage] + system * groups;
        memset(c->seats[stage], 0, groups * sizeof *c->seats[stage]);
    }
    c->held = w->held + system * w->held_cap;
    c->n_held = 0;
    c->rejected = tally_list(t, SCRUTIN_LIST_REJECTED);
    c->round2 = tally_list(t, SCRUTIN_LIST_ROUND2);
    c->win_prov = tally_list(t, SCRUTIN_LIST_WIN_PROVISIONAL);
    c->win_final = tally_list(t, SCRUTIN_LIST_WIN_FINAL);
    c->round1 = tally_district(t, SCRUTIN_DISTRICT_ROUND1);
    c->tie = tally_district(t, SCRUTIN_DISTRICT_TIE);
    c->court_flip = tally_district(t, SCRUTIN_DISTRICT_COURT_FLIP);
    c->rerun = tally_district(t, SCRUTIN_DISTRICT_RERUN);
    c->moved = 0;
}

/* Add the seats of list @p list, @p seats of them, to its parties and their coalitions. */
static void credit_seats(const count_plan *p, size_t list, unsigned seats, unsigned *group_seats)
{
    uint32_t i, end = count_plan_credits(p, list, seats, &i);
    for (; i < end; i++)
        group_seats[p->credit[i].group] += p->credit[i].seats;
}

/*
 * Note that the groups of list @p list's @p seats seats (its parties and
 * their coalitions) hold final seats of the district @p district (its
 * entries' district << 32), in c->held once each: the district's entries are
 * those from @p first on.
 */
static void note_held(const count_plan *p, system_counts *c, uint64_t district, size_t list,
                      unsigned seats, size_t first)
{
    size_t before = c->n_held; /* a row names each group once: search the district's others */
    uint32_t i, end = count_plan_credits(p, list, seats, &i);
    for (; i < end; i++) {
        uint64_t entry = district | p->credit[i].group;
        size_t at = first;
        while (at < before && c->held[at] != entry)
            at++;
        if (at == before)
            c->held[c->n_held++] = entry;
    }
}

/*
 * The one list that holds every seat of a stage decided in @p round by
 * @p winner, @p n when no list holds any (no round decided, or no seat), or
 * SIZE_MAX when several may. The rules give a district's lists its seats and
 * no more, so a winner with all of them leaves none to the others (every
 * winner-takes-all system, and most districts of the others).
 */
static size_t sole_holder(const unsigned *seats, size_t n, int round, size_t winner,
                          unsigned district_seats)
{
    if (round == 0 || district_seats == 0)
        return n;
    return seats[winner] == district_seats ? winner : SIZE_MAX;
}

/* Count list @p list's final seats (@p final of them, @p prov provisional). @return the seats it gained. */
static unsigned count_final(const count_plan *p, system_counts *c, uint64_t district, size_t list,
                            unsigned prov, unsigned final, size_t held_first)
{
    c->win_final[list]++;
    credit_seats(p, list, final, c->seats[SCRUTIN_STAGE_FINAL]);
    note_held(p, c, district, list, final, held_first);
    return final > prov ? final - prov : 0;
}

/*
 * Count the district's events and credit its seats to the parties and
 * coalitions, at both stages: the provisional ones decided in
 * provisional->round, the final ones in @p final_round by @p final_winner.
 */
static void count_district(const scrutin_model *m, sim_workspace *w, system_counts *c, size_t d,
                           const district_decision *provisional, int tie, court_ruling ruling,
                           int final_round, size_t final_winner, size_t rejections)
{
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    const count_plan *p = &w->count;
    uint64_t district = (uint64_t)d << 32;
    unsigned *seats_prov = c->seats[SCRUTIN_STAGE_PROVISIONAL];
    unsigned *seats_final = c->seats[SCRUTIN_STAGE_FINAL];
    const unsigned *prov = w->list_seats[SCRUTIN_STAGE_PROVISIONAL];
    /* Without a ruling the final seats are the provisional ones. */
    const unsigned *final = ruling == COURT_NONE ? prov : w->list_seats[SCRUTIN_STAGE_FINAL];
    unsigned moved = 0;
    size_t held_first = c->n_held;
    if (rejections) {
        for (size_t i = 0; i < n; i++)
            c->rejected[first + i] += w->rejected[i];
    }
    unsigned seats = m->district_seats[d];
    size_t sole_prov = sole_holder(prov, n, provisional->round, provisional->winner, seats);
    size_t sole_final = ruling == COURT_NONE ? sole_prov
                                             : sole_holder(final, n, final_round, final_winner, seats);
    if (sole_prov == sole_final && sole_prov < n && prov[sole_prov] == final[sole_prov]) {
        /* The usual district: one list holds every seat at both stages, counted in one pass. */
        size_t list = first + sole_prov;
        c->win_prov[list]++;
        c->win_final[list]++;
        uint32_t i, end = count_plan_credits(p, list, prov[sole_prov], &i);
        size_t h = held_first;
        for (; i < end; i++) {
            uint32_t group = p->credit[i].group, add = p->credit[i].seats;
            seats_prov[group] += add;
            seats_final[group] += add;
            c->held[h++] = district | group;
        }
        c->n_held = h;
    } else if (sole_prov != SIZE_MAX && sole_final != SIZE_MAX) {
        /* One list at most holds the seats of each stage: count them alone. */
        if (sole_prov < n) {
            c->win_prov[first + sole_prov]++;
            credit_seats(p, first + sole_prov, prov[sole_prov], seats_prov);
        }
        if (sole_final < n)
            moved = count_final(p, c, district, first + sole_final, prov[sole_final],
                                final[sole_final], held_first);
    } else {
        for (size_t i = 0; i < n; i++) {
            if (prov[i]) {
                c->win_prov[first + i]++;
                credit_seats(p, first + i, prov[i], seats_prov);
            }
            if (final[i])
                moved += count_final(p, c, district, first + i, prov[i], final[i], held_first);
        }
    }
    if (provisional->round == 2) {
        for (size_t q = 0; q < provisional->r1.n_qualified; q++)
            c->round2[first + provisional->r1.qualified[q]]++;
        tally_add_runoff(c->t, d, provisional->r1.qualified, provisional->r1.n_qualified,
                         provisional->winner);
    }
    /* Most districts have none of these events but round 1's: a branch each, not a write. */
    if (provisional->round == 1)
        c->round1[d]++;
    if (tie)
        c->tie[d]++;
    if (moved)
        c->court_flip[d]++;
    if (ruling == COURT_RERUN)
        c->rerun[d]++;
    c->moved += moved;
}

/*
 * District @p d under electoral system @p system, from the round-1 votes in
 * w->votes1: the rounds, the court after the vote, the counts into @p c.
 */
static void district_under(const scrutin_model *m, sim_workspace *w, size_t system,
                           system_counts *c, size_t d, uint64_t index, size_t rejections)
{
    const scrutin_rules *rules = &m->systems[system];
    w->lot = w->lots[system];
    district_decision provisional;
    decide(m, rules, w, d, STREAM_RUNOFF, w->list_seats[SCRUTIN_STAGE_PROVISIONAL],
           &provisional);
    int tie = provisional.tie, final_round;
    size_t final_winner;
    court_ruling ruling =
        apply_court(m, rules, w, d, index, &provisional, &tie, &final_round, &final_winner);
    if (w->outcome) {
        const unsigned *prov = w->list_seats[SCRUTIN_STAGE_PROVISIONAL];
        sim_outcome_district(w->outcome, w->outcome_layout, m, system, d, prov,
                             ruling == COURT_NONE ? prov : w->list_seats[SCRUTIN_STAGE_FINAL],
                             provisional.round);
    }
    count_district(m, w, c, d, &provisional, tie, ruling, final_round, final_winner, rejections);
}

void sim_one(const scrutin_model *m, sim_workspace *w, uint64_t seed, uint64_t index)
{
    w->seed = seed;
    w->stream = stream_at(seed, index, 0, 0);
    sim_draw_batch(w, index);
    sim_draw_shared_shocks(m, w, index);
    sim_round1_utilities(m, w, index);
    sim_runoff_exponents(m, w);
    size_t systems = m->n_systems;
    /* Every system draws its lots from the start of the one stream LOT, a lone system's: its
       lots do not depend on its place in `systems:` nor on the systems beside it. */
    for (size_t s = 0; s < systems; s++)
        stream_reset(w->lots[s], seed, index, STREAM_LOT, 0);
    system_counts counts[SCRUTIN_MAX_SYSTEMS];
    for (size_t s = 0; s < systems; s++)
        system_counts_init(&counts[s], m, w, s);
    for (size_t d = 0; d < m->n_districts; d++) {
        /* The court's stream is made ready only in the districts where its first draw rejects. */
        size_t rejections;
        double u = m->params.court_enabled ? sim_court_first(w, STREAM_COURT_BEFORE, d) : 0.0;
        if (m->params.court_enabled && !court_rejects_none(m, d, u, w->court_none)) {
            sim_court_resume(w, index, STREAM_COURT_BEFORE, d);
            rejections = court_reject_from(m, d, u, w->rng, w->rejected, w->court_none);
        } else {
            /* w->rejected is all 0 between districts: most have no list to copy. */
            rejections = w->count.actual_rejections[d] ? court_reject_actual(m, d, w->rejected) : 0;
        }
        sim_district_votes(m, w, d, district_stream(w, STREAM_LIST, d),
                           w->batch.z + w->batch.list[d]);
        size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
        if (systems == 1) {
            district_under(m, w, 0, &counts[0], d, index, rejections);
            if (rejections)
                memset(w->rejected, 0, n * sizeof *w->rejected);
            continue;
        }
        /*
         * The same votes under every system. The court strikes votes and a
         * re-run redraws them, so each system starts again from the votes as
         * cast; each resets the runoff and court streams of the district, so
         * the systems share those draws too.
         */
        memcpy(w->votes1_kept, w->votes1, n * sizeof *w->votes1);
        w->other1_kept = w->other1;
        for (size_t s = 0; s < systems; s++) {
            if (s > 0) {
                memcpy(w->votes1, w->votes1_kept, n * sizeof *w->votes1);
                w->other1 = w->other1_kept;
            }
            district_under(m, w, s, &counts[s], d, index, rejections);
        }
        if (rejections)
            memset(w->rejected, 0, n * sizeof *w->rejected);
    }
    for (size_t s = 0; s < systems; s++) {
        const unsigned *const seats[SCRUTIN_STAGES] = {counts[s].seats[SCRUTIN_STAGE_PROVISIONAL],
                                                       counts[s].seats[SCRUTIN_STAGE_FINAL]};
        tally_add_seats(counts[s].t, seats, counts[s].moved);
        tally_add_held(counts[s].t, counts[s].held, counts[s].n_held,
                       seats[SCRUTIN_STAGE_FINAL]);
        w->n_held[s] = counts[s].n_held; /* compare reads them too (paired_districts.c) */
    }
}
