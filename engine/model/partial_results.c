/*
 * What partial results leave uncertain (docs/model.md, "Votes of lists not
 * described"): the districts where the votes of lists the scenario does not
 * describe could hide a list that reaches round 2 (or wins), and the published
 * round-2 winners given without votes.
 */
#include <math.h>

#include "model_types.h"

double scrutin_model_other_votes(const scrutin_model *m, size_t district)
{
    return m && district < m->n_districts ? m->other_votes[district] : 0.0;
}

long scrutin_model_winner_r2(const scrutin_model *m, size_t district)
{
    return m && district < m->n_districts ? (long)m->winner_r2[district] : -1;
}

int scrutin_model_other_votes_doubt(const scrutin_model *m, size_t d)
{
    if (!m || d >= m->n_districts || !(m->other_votes[d] > 0))
        return 0;
    size_t first = m->district_first_list[d], end = m->district_first_list[d + 1];
    /* A round 2 observed (votes or winner) shows who reached it. */
    int observed_r2 = m->winner_r2[d] >= 0;
    for (size_t l = first; l < end; l++)
        observed_r2 |= !isnan(m->votes_r2[l]);
    if (observed_r2)
        return 0;
    const scrutin_rules *r = &m->rules;
    int two_rounds = r->system == SCRUTIN_SYSTEM_TWO_ROUND_LIST ||
                     r->system == SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED;
    /* The lists whose places the undescribed ones could take: the finalists, or the winner. */
    size_t k = two_rounds ? r->round2_lists : 1;
    double valid = m->other_votes[d], top[SCRUTIN_MAX_RUNOFF + 1] = {0};
    size_t running = 0;
    for (size_t l = first; l < end; l++) {
        if (m->list_rejected[l] || isnan(m->votes_r1[l]))
            continue;
        double v = m->votes_r1[l];
        valid += v;
        running++;
        /* Insert into the k largest, best first. */
        for (size_t i = 0; i < k && i <= SCRUTIN_MAX_RUNOFF; i++)
            if (v > top[i]) {
                double t = top[i];
                top[i] = v;
                v = t;
            }
    }
    /* Elected in round 1 on all the valid votes: no round 2 to doubt. */
    if (two_rounds && top[0] > r->round1_majority * valid)
        return 0;
    return running < k || m->other_votes[d] >= top[k - 1];
}
