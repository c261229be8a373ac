/*
 * Replay: the rules once over the observed votes, then the court's actual
 * decisions. The rules and the court's strike are the same code that the
 * simulation runs.
 */
#include "scrutin/replay.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../model/credit.h"
#include "../model/model_types.h"
#include "district_decision.h"
#include "stream.h"

const char *scrutin_replay_stage_name(scrutin_replay_stage stage)
{
    static const char *const names[] = {"round1", "provisional", "final"};
    return stage < SCRUTIN_REPLAY_STAGES ? names[stage] : "unknown";
}

void scrutin_replay_free(scrutin_replay *r)
{
    if (!r)
        return;
    for (int s = 0; s < SCRUTIN_REPLAY_STAGES; s++) {
        free(r->party_seats[s]);
        free(r->coalition_seats[s]);
    }
    free(r->decided_round1);
    free(r->winner_provisional);
    free(r->winner_final);
    free(r->unknown);
    free(r);
}

static scrutin_replay *replay_alloc(const scrutin_model *m)
{
    scrutin_replay *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->n_parties = m->n_parties;
    r->n_coalitions = m->n_coalitions;
    r->n_districts = m->n_districts;
    int ok = 1;
    for (int s = 0; s < SCRUTIN_REPLAY_STAGES; s++) {
        ok &= (r->party_seats[s] = calloc(m->n_parties + 1, sizeof(unsigned))) != NULL;
        ok &= (r->coalition_seats[s] = calloc(m->n_coalitions + 1, sizeof(unsigned))) != NULL;
    }
    ok &= (r->decided_round1 = calloc(m->n_districts + 1, 1)) != NULL;
    ok &= (r->winner_provisional = calloc(m->n_districts + 1, sizeof(long))) != NULL;
    ok &= (r->winner_final = calloc(m->n_districts + 1, sizeof(long))) != NULL;
    ok &= (r->unknown = calloc(m->n_districts + 1, 1)) != NULL;
    if (!ok) {
        scrutin_replay_free(r);
        return NULL;
    }
    return r;
}

/*
 * A published round-2 winner without votes (winner_r2): one vote to it, none to the other
 * finalists, or an error if the replay does not send it to round 2.
 */
static int round2_winner(const scrutin_model *m, size_t system, size_t first,
                         const scrutin_round1 *r1, double *votes2, scrutin_ctx *ctx)
{
    size_t d = m->list_district[first], winner = (size_t)m->winner_r2[d];
    int found = 0;
    for (size_t q = 0; q < r1->n_qualified; q++) {
        found |= first + r1->qualified[q] == winner;
        votes2[r1->qualified[q]] = first + r1->qualified[q] == winner ? 1.0 : 0.0;
    }
    if (found)
        return SCRUTIN_OK;
    char finalists[256] = "";
    size_t used = 0;
    for (size_t q = 0; q < r1->n_qualified && used < sizeof finalists; q++) {
        int k = snprintf(finalists + used, sizeof finalists - used, "%s%s", q ? ", " : "",
                         m->list_id[first + r1->qualified[q]]);
        used += k > 0 ? (size_t)k : 0;
    }
    return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, m->districts_path, m->district_line[d],
                             "winner_r2",
                             "district \"%s\": the published round-2 winner \"%s\" is not "
                             "among the lists that go to round 2 on these round-1 votes%s%s (%s)",
                             m->district_id[d], m->list_id[winner],
                             m->n_systems > 1 ? " under system " : "",
                             m->n_systems > 1 ? m->system_id[system] : "", finalists);
}

/* Round-2 votes of the finalists, or an error naming the list that lacks them. */
static int round2_votes(const scrutin_model *m, size_t system, size_t first,
                        const scrutin_round1 *r1, double *votes2, scrutin_ctx *ctx)
{
    if (m->winner_r2[m->list_district[first]] >= 0)
        return round2_winner(m, system, first, r1, votes2, ctx);
    for (size_t q = 0; q < r1->n_qualified; q++) {
        size_t l = first + r1->qualified[q];
        if (isnan(m->votes_r2[l])) {
            if (m->n_systems > 1)
                return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, m->lists_path, m->list_line[l],
                                         "votes_r2",
                                         "under system \"%s\", list \"%s\" goes to round 2 in "
                                         "district \"%s\" but has no votes_r2: that system "
                                         "cannot be replayed on these data",
                                         m->system_id[system], m->list_id[l],
                                         m->district_id[m->list_district[l]]);
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, m->lists_path, m->list_line[l],
                                     "votes_r2",
                                     "list \"%s\" goes to round 2 in district \"%s\" but has no "
                                     "votes_r2",
                                     m->list_id[l], m->district_id[m->list_district[l]]);
        }
        votes2[r1->qualified[q]] = m->votes_r2[l];
    }
    return SCRUTIN_OK;
}

typedef struct district_scratch {
    const scrutin_rules *rules; /* the system replayed */
    size_t system;
    double *votes1, *votes2;
    unsigned *seats[2]; /* provisional and final seats of each list of the district */
    int partial;        /* a district in round 2 without a round-2 result is left unfilled */
} district_scratch;

/* No list of district @p d has round-2 votes, and no winner_r2 is given. */
static int no_round2_result(const scrutin_model *m, size_t d)
{
    if (m->winner_r2[d] >= 0)
        return 0;
    for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
        if (!isnan(m->votes_r2[l]))
            return 0;
    return 1;
}

/* A district in round 2 without a round-2 result, in partial results: its seats stay unfilled. */
#define ROUND2_UNKNOWN 1

/*
 * Round 2 of district @p d from its published result, if it awaits one after round 1 or a
 * strike of status @p status. @return the status after it: ROUND2_UNKNOWN if the result is not
 * published and @p w is partial.
 */
static int published_round2(int status, const scrutin_model *m, size_t d, gsl_rng *lot,
                            const district_scratch *w, const district_count *c, unsigned *seats,
                            district_decision *dec, scrutin_ctx *ctx)
{
    if (status != SCRUTIN_OK || !district_awaits_round2(dec))
        return status;
    if (w->partial && no_round2_result(m, d))
        return district_vacant(ROUND2_UNKNOWN, c, seats, dec);
    status = round2_votes(m, w->system, m->district_first_list[d], &dec->r1, c->votes2, ctx);
    if (status != SCRUTIN_OK)
        return status;
    return district_round2(w->rules, c, lot, seats, dec);
}

/* Round 1 elected a list where the data give a round-2 winner: they contradict each other. */
static int winner_r2_in_round1(const scrutin_model *m, size_t d, const district_decision *dec,
                               scrutin_ctx *ctx)
{
    size_t winner = m->district_first_list[d] + dec->winner;
    return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, m->districts_path, m->district_line[d],
                             "winner_r2",
                             "district \"%s\" gives a round-2 winner, but its round-1 votes "
                             "elect list \"%s\" in round 1: check the votes, or leave "
                             "winner_r2 empty",
                             m->district_id[d], m->list_id[winner]);
}

/*
 * One district: the rounds, then the court's decisions about it, which
 * strike votes from the winner of the round they name (or order a re-run,
 * which leaves the seats vacant in the final table).
 */
static int replay_district(const scrutin_model *m, size_t d, gsl_rng *lot, district_scratch *w,
                           scrutin_replay *out, scrutin_ctx *ctx)
{
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    for (size_t i = 0; i < n; i++) {
        w->votes1[i] = m->list_rejected[first + i] ? -1.0 : m->votes_r1[first + i];
        w->votes2[i] = -1.0;
    }
    district_count count = {
        {w->votes1, n, m->district_seats[d], m->registered[d], NULL, m->other_votes[d]},
        w->votes1,
        w->votes2};
    unsigned *prov = w->seats[0], *final = w->seats[1];
    district_decision dec;
    int status = district_round1(w->rules, &count, lot, prov, &dec);
    if (status == SCRUTIN_OK && dec.r1.decided && m->winner_r2[d] >= 0)
        return winner_r2_in_round1(m, d, &dec, ctx);
    status = published_round2(status, m, d, lot, w, &count, prov, &dec, ctx);
    if (status == ROUND2_UNKNOWN) {
        /* Partial results: a round 2 whose result is not known; its seats stay unfilled. */
        out->winner_provisional[d] = out->winner_final[d] = -1;
        out->unknown[d] = 1;
        out->districts_unknown++;
        out->ties += (size_t)dec.tie;
        return SCRUTIN_OK;
    }
    if (status != SCRUTIN_OK)
        return status;
    out->decided_round1[d] = (unsigned char)dec.r1.decided;
    out->winner_provisional[d] = (long)(first + dec.winner);
    memcpy(final, prov, n * sizeof *final);
    int vacant = 0, unknown = 0;
    for (size_t a = 0; a < m->n_annulments; a++) {
        const model_annulment *ann = &m->annulments[a];
        if (ann->district != d)
            continue;
        if (ann->rerun) {
            vacant = 1;
            continue;
        }
        /* A decision about a round that did not decide this district changes nothing here. */
        if ((ann->round == 1) != (dec.r1.decided != 0))
            continue;
        status = district_strike(w->rules, &count, lot, ann->struck_votes, final, &dec);
        status = published_round2(status, m, d, lot, w, &count, final, &dec, ctx);
        /* Struck in round 1 into a round 2 without a result (partial): its final result is
           not known, as a district's that reaches round 2 without one. */
        if (status == ROUND2_UNKNOWN) {
            unknown = 1;
            continue;
        }
        if (status != SCRUTIN_OK)
            return status;
    }
    if (unknown) {
        out->unknown[d] = 1;
        out->districts_unknown++;
        out->seats_unknown += m->district_seats[d];
    }
    if (vacant || unknown)
        memset(final, 0, n * sizeof *final);
    out->winner_final[d] = vacant || unknown ? -1 : (long)(first + dec.winner);
    out->ties += (size_t)dec.tie;
    int changed = 0;
    for (size_t i = 0; i < n; i++) {
        changed |= prov[i] != final[i];
        model_credit_seats(m, first + i, prov[i], out->party_seats[SCRUTIN_REPLAY_PROVISIONAL]);
        model_credit_seats(m, first + i, final[i], out->party_seats[SCRUTIN_REPLAY_FINAL]);
        if (out->decided_round1[d])
            model_credit_seats(m, first + i, prov[i], out->party_seats[SCRUTIN_REPLAY_ROUND1]);
    }
    out->court_changes += (size_t)changed;
    return SCRUTIN_OK;
}

int scrutin_replay_run(scrutin_replay **out, const scrutin_model *m, uint64_t seed,
                       scrutin_ctx *ctx)
{
    return scrutin_replay_run_system(out, m, 0, seed, ctx);
}

static int replay_run(scrutin_replay **out, const scrutin_model *m, size_t system,
                      uint64_t seed, int partial, scrutin_ctx *ctx);

int scrutin_replay_run_system(scrutin_replay **out, const scrutin_model *m, size_t system,
                              uint64_t seed, scrutin_ctx *ctx)
{
    return replay_run(out, m, system, seed, 0, ctx);
}

int scrutin_replay_run_partial(scrutin_replay **out, const scrutin_model *m, size_t system,
                               uint64_t seed, scrutin_ctx *ctx)
{
    return replay_run(out, m, system, seed, 1, ctx);
}

static int replay_run(scrutin_replay **out, const scrutin_model *m, size_t system,
                      uint64_t seed, int partial, scrutin_ctx *ctx)
{
    *out = NULL;
    if (system >= m->n_systems)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_replay_run_system: system %zu of %zu", system,
                                 m->n_systems);
    size_t max_lists = 1;
    for (size_t d = 0; d < m->n_districts; d++) {
        size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
        max_lists = n > max_lists ? n : max_lists;
    }
    scrutin_replay *r = replay_alloc(m);
    district_scratch w = {&m->systems[system],
                          system,
                          malloc(max_lists * sizeof(double)),
                          malloc(max_lists * sizeof(double)),
                          {malloc(max_lists * sizeof(unsigned)), malloc(max_lists * sizeof(unsigned))},
                          partial};
    gsl_rng *lot = stream_alloc();
    int status = (r && w.votes1 && w.votes2 && w.seats[0] && w.seats[1] && lot) ? SCRUTIN_OK
                                                                               : SCRUTIN_ENOMEM;
    if (r)
        r->system = system;
    for (size_t d = 0; status == SCRUTIN_OK && d < m->n_districts; d++) {
        /* Each district draws its lots from its own stream, the same for every system (as in
           the simulation, a lone system's): one tie cannot shift another. */
        stream_reset(lot, seed, 0, STREAM_LOT, (uint32_t)d + 1);
        status = replay_district(m, d, lot, &w, r, ctx);
        unsigned seats = m->district_seats[d];
        if (status == SCRUTIN_OK && r->winner_provisional[d] < 0) {
            r->seats_unknown += seats;
        } else if (status == SCRUTIN_OK && r->decided_round1[d]) {
            r->districts_round1++;
            r->seats_round1 += seats;
        } else if (status == SCRUTIN_OK) {
            r->districts_round2++;
            r->seats_round2 += seats;
        }
    }
    for (int s = 0; status == SCRUTIN_OK && s < SCRUTIN_REPLAY_STAGES; s++)
        for (size_t p = 0; p < m->n_parties; p++)
            r->coalition_seats[s][m->party_coalition[p]] += r->party_seats[s][p];
    gsl_rng_free(lot);
    free(w.votes1);
    free(w.votes2);
    free(w.seats[0]);
    free(w.seats[1]);
    if (status != SCRUTIN_OK) {
        scrutin_replay_free(r);
        return status;
    }
    *out = r;
    return SCRUTIN_OK;
}
