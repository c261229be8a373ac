/*
 * Replay: the rules once over the observed votes, then the court's actual
 * decisions. The rules and the court's strike are the same code that the
 * simulation runs.
 */
#include "scrutin/replay.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../court/strike.h"
#include "../model/credit.h"
#include "../model/model_types.h"
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
    if (!ok) {
        scrutin_replay_free(r);
        return NULL;
    }
    return r;
}

/* Round-2 votes of the finalists, or an error naming the list that lacks them. */
static int round2_votes(const scrutin_model *m, size_t first, const scrutin_round1 *r1,
                        double *votes2, scrutin_ctx *ctx)
{
    for (size_t q = 0; q < r1->n_qualified; q++) {
        size_t l = first + r1->qualified[q];
        if (isnan(m->votes_r2[l]))
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, m->lists_path, m->list_line[l],
                                     "votes_r2",
                                     "list \"%s\" goes to round 2 in district \"%s\" but has no "
                                     "votes_r2",
                                     m->list_id[l], m->district_id[m->list_district[l]]);
        votes2[r1->qualified[q]] = m->votes_r2[l];
    }
    return SCRUTIN_OK;
}

typedef struct district_scratch {
    double *votes1, *votes2;
    unsigned *seats;
} district_scratch;

/*
 * One district: round 1, round 2 if needed, and the court's decisions about
 * it. Returns the provisional and final winners (local indices, -1 vacant).
 */
static int replay_district(const scrutin_model *m, size_t d, gsl_rng *lot, district_scratch *w,
                           scrutin_replay *out, scrutin_ctx *ctx)
{
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    unsigned seats = m->district_seats[d];
    scrutin_ballot b1 = {w->votes1, n, seats, m->registered[d], NULL};
    scrutin_ballot b2 = {w->votes2, n, seats, m->registered[d], NULL};
    for (size_t i = 0; i < n; i++) {
        w->votes1[i] = m->list_rejected[first + i] ? -1.0 : m->votes_r1[first + i];
        w->votes2[i] = -1.0;
    }
    scrutin_round1 r1;
    int tie = 0;
    size_t winner = 0;
    int status = scrutin_rules_round1(&m->rules, &b1, lot, w->seats, &r1);
    if (status != SCRUTIN_OK)
        return status;
    out->decided_round1[d] = (unsigned char)r1.decided;
    if (r1.decided) {
        winner = r1.qualified[0];
    } else {
        if ((status = round2_votes(m, first, &r1, w->votes2, ctx)) != SCRUTIN_OK)
            return status;
        status = scrutin_rules_round2(&m->rules, &b2, &r1, lot, w->seats, &winner, &tie);
        if (status != SCRUTIN_OK)
            return status;
    }
    out->ties += (size_t)(r1.tie || tie);
    long provisional = (long)winner, final = (long)winner;

    for (size_t a = 0; a < m->n_annulments; a++) {
        const model_annulment *ann = &m->annulments[a];
        if (ann->district != d)
            continue;
        if (ann->rerun) {
            final = -1;
            continue;
        }
        int decided_then = ann->round == 1;
        if (decided_then != r1.decided)
            continue; /* the decision is about a round this district's winner did not come from */
        if (ann->round == 1) {
            court_strike(w->votes1, winner, ann->struck_votes);
            status = scrutin_rules_round1(&m->rules, &b1, lot, w->seats, &r1);
            if (status == SCRUTIN_OK && !r1.decided) {
                status = round2_votes(m, first, &r1, w->votes2, ctx);
                if (status == SCRUTIN_OK)
                    status = scrutin_rules_round2(&m->rules, &b2, &r1, lot, w->seats, &winner,
                                                  &tie);
            } else if (status == SCRUTIN_OK) {
                winner = r1.qualified[0];
            }
        } else {
            court_strike(w->votes2, winner, ann->struck_votes);
            status = scrutin_rules_round2(&m->rules, &b2, &r1, lot, w->seats, &winner, &tie);
        }
        if (status != SCRUTIN_OK)
            return status;
        final = (long)winner;
    }
    out->winner_provisional[d] = (long)first + provisional;
    out->winner_final[d] = final < 0 ? -1 : (long)first + final;
    return SCRUTIN_OK;
}

int scrutin_replay_run(scrutin_replay **out, const scrutin_model *m, uint64_t seed,
                       scrutin_ctx *ctx)
{
    *out = NULL;
    size_t max_lists = 1;
    for (size_t d = 0; d < m->n_districts; d++) {
        size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
        max_lists = n > max_lists ? n : max_lists;
    }
    scrutin_replay *r = replay_alloc(m);
    district_scratch w = {malloc(max_lists * sizeof(double)), malloc(max_lists * sizeof(double)),
                          malloc(max_lists * sizeof(unsigned))};
    gsl_rng *lot = stream_alloc();
    int status = (r && w.votes1 && w.votes2 && w.seats && lot) ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    for (size_t d = 0; status == SCRUTIN_OK && d < m->n_districts; d++) {
        /* Each district draws its lots from its own stream: one tie cannot shift another. */
        stream_reset(lot, seed, 0, STREAM_LOT, (uint32_t)d + 1);
        status = replay_district(m, d, lot, &w, r, ctx);
    }
    for (size_t d = 0; status == SCRUTIN_OK && d < m->n_districts; d++) {
        unsigned seats = m->district_seats[d];
        size_t prov = (size_t)r->winner_provisional[d];
        if (r->decided_round1[d]) {
            r->districts_round1++;
            r->seats_round1 += seats;
            model_credit_seats(m, prov, seats, r->party_seats[SCRUTIN_REPLAY_ROUND1]);
        } else {
            r->districts_round2++;
            r->seats_round2 += seats;
        }
        model_credit_seats(m, prov, seats, r->party_seats[SCRUTIN_REPLAY_PROVISIONAL]);
        if (r->winner_final[d] >= 0)
            model_credit_seats(m, (size_t)r->winner_final[d], seats,
                               r->party_seats[SCRUTIN_REPLAY_FINAL]);
        r->court_changes += r->winner_final[d] != r->winner_provisional[d];
    }
    for (int s = 0; status == SCRUTIN_OK && s < SCRUTIN_REPLAY_STAGES; s++)
        for (size_t p = 0; p < m->n_parties; p++)
            r->coalition_seats[s][m->party_coalition[p]] += r->party_seats[s][p];
    gsl_rng_free(lot);
    free(w.votes1);
    free(w.votes2);
    free(w.seats);
    if (status != SCRUTIN_OK) {
        scrutin_replay_free(r);
        return status;
    }
    *out = r;
    return SCRUTIN_OK;
}
