/*
 * Round-1 votes of one district: turnout on the logit scale, list shares by
 * a multinomial logit of baseline shares plus shocks (docs/model.md, 2-3).
 */
#include <math.h>

#include "../court/court.h"
#include "kernel.h"
#include "shocks.h"
#include "stream.h"
#include "votes_plan.h"

/*
 * A list the court rejected in this simulation does not run: its baseline
 * support goes to the remaining lists in proportion to their affinity with
 * it and their size, or to abstention (docs/model.md, "Court").
 */
static void redistribute_rejected(const scrutin_model *m, const sim_workspace *w, size_t first,
                                  size_t n, double *share)
{
    const model_params *p = &m->params;
    for (size_t i = 0; i < n; i++) {
        if (!w->rejected[i] || share[i] <= 0.0)
            continue;
        size_t from = m->list_coalition[first + i];
        const double *affinity = p->affinity + from * m->n_coalitions;
        double kept = w->turning_out[from];
        double denominator = 0.0;
        for (size_t k = 0; k < n; k++)
            if (!w->rejected[k])
                denominator += affinity[m->list_coalition[first + k]] * share[k];
        if (denominator > 0.0) {
            double moved = kept * share[i] / denominator;
            for (size_t k = 0; k < n; k++)
                if (!w->rejected[k])
                    share[k] += moved * affinity[m->list_coalition[first + k]] * share[k];
        }
        share[i] = 0.0;
    }
}

/* exp(u_i - max u) into @p e, 0 for a list that does not run; @return their sum. */
static double shift_utilities(double *e, const double *utility, size_t n)
{
    double top = -INFINITY, total = 0.0;
    for (size_t i = 0; i < n; i++)
        top = utility[i] > top ? utility[i] : top;
    for (size_t i = 0; i < n; i++) {
        e[i] = isfinite(utility[i]) && isfinite(top) ? exp(utility[i] - top) : 0.0;
        total += e[i];
    }
    return total;
}

/*
 * District @p d's utilities into u[0..n] from its normals @p z (of stream @p s):
 * u_l = log b_l + sum_p w_lp (eta_p + gamma_c(p) + rho_gp) + eps_l (-inf for a
 * list without a baseline), and u[n] for its lists not described, from
 * @p other_shock. Every list draws its shock, even one that does not run, so
 * that the draws of the others do not move when a what-if adds or removes a list.
 * A re-run's, drawn anew; the batch's go through the plan (planned_utilities()).
 */
static void utilities(const scrutin_model *m, sim_workspace *w, size_t d, stream_id s,
                      const double *z, double other_shock, double *u)
{
    const model_params *p = &m->params;
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    const double sd_by_kind[3] = {p->sd_list, p->sd_list, p->sd_independent};
    sim_tails_at(m, w, s);
    for (size_t i = 0; i < n; i++) {
        size_t l = first + i;
        double eps = sim_shock(w->tails, z[1 + i], sd_by_kind[m->list_kind[l]], p->tails_df);
        double ui = m->log_baseline[l];
        if (isfinite(ui)) {
            for (uint32_t k = m->list_first_weight[l]; k < m->list_first_weight[l + 1]; k++)
                ui += m->weight_value[k] * w->pair_shock[m->weight_pair[k]];
            ui += eps;
        } else {
            ui = -INFINITY;
        }
        u[i] = ui;
    }
    u[n] = isfinite(m->other_log_baseline[d]) ? m->other_log_baseline[d] + other_shock
                                              : -INFINITY;
}

/* The shock of list @p q: its spread times its normal, or its Student-t shock drawn before. */
static inline double list_shock(const votes_list *q, const double *z, const double *t, int tails)
{
    return tails ? t[q->at] : q->sd * z[q->z];
}

/*
 * The utilities of the lists with a baseline into @p u, group by group
 * (votes_plan.h), each with the operations of utilities() in its order:
 * log b_l, plus each weight times its shock in turn, plus eps_l. With
 * @p tails, eps_l is plan->eps, drawn before; otherwise sd_l z_l.
 */
static inline void planned_utilities(const votes_plan *plan, const double *pair_shock,
                                     const double *z, double *u, int tails)
{
    const votes_list *q = plan->lists;
    const uint32_t *pair = plan->pair;
    const double *weight = plan->weight, *t = plan->eps;
    const uint32_t *more = plan->more;
    size_t j = 0;
    for (; j < plan->group_end[VOTES_NO_WEIGHT]; j++)
        u[q[j].at] = q[j].log_baseline + list_shock(&q[j], z, t, tails);
    for (; j < plan->group_end[VOTES_UNIT]; j++, pair++, weight++)
        u[q[j].at] = (q[j].log_baseline + pair_shock[*pair]) + list_shock(&q[j], z, t, tails);
    for (; j < plan->group_end[VOTES_ONE]; j++, pair++, weight++)
        u[q[j].at] = (q[j].log_baseline + weight[0] * pair_shock[pair[0]]) +
                     list_shock(&q[j], z, t, tails);
    for (; j < plan->group_end[VOTES_TWO]; j++, pair += 2, weight += 2) {
        double ui = q[j].log_baseline + weight[0] * pair_shock[pair[0]];
        ui += weight[1] * pair_shock[pair[1]];
        u[q[j].at] = ui + list_shock(&q[j], z, t, tails);
    }
    for (; j < plan->group_end[VOTES_MORE]; j++, more++) {
        double ui = q[j].log_baseline;
        for (uint32_t k = 0; k < *more; k++, pair++, weight++)
            ui += *weight * pair_shock[*pair];
        u[q[j].at] = ui + list_shock(&q[j], z, t, tails);
    }
}

/*
 * Student-t shocks (tails_df > 0) into plan->eps, district by district from
 * its stream, every list's in order, those without a baseline too (utilities()).
 */
static void draw_tails(const scrutin_model *m, sim_workspace *w, uint64_t index)
{
    const model_params *p = &m->params;
    const sim_batch *b = &w->batch;
    const double sd_by_kind[3] = {p->sd_list, p->sd_list, p->sd_independent};
    for (size_t d = 0; d < m->n_districts; d++) {
        size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
        const double *z = b->z + b->list[d];
        stream_point(w->tails, stream_at(w->seed, index, STREAM_LIST, (uint32_t)d + 1));
        for (size_t i = 0; i < n; i++)
            w->votes->eps[first + d + i] =
                sim_shock_t(w->tails, z[1 + i], sd_by_kind[m->list_kind[first + i]], p->tails_df);
    }
}

/* e[i] = 0 where u[i] is -inf (or NaN): a list that does not run. Element by element. */
static void drop_not_running(double *e, const double *u, size_t n)
{
    for (size_t i = 0; i < n; i++)
        e[i] = u[i] > -INFINITY ? e[i] : 0.0;
}

/* District @p d's valid votes of round 1, from its turnout shock's normal @p z0. */
static double valid_votes(const scrutin_model *m, const sim_workspace *w, size_t d, double z0)
{
    double x = m->turnout_logit[d] + w->region_turnout[m->district_region[d]] +
               m->params.sd_turnout_district * z0;
    return m->registered[d] * sim_logistic(x) * (1.0 - m->invalid_share[d]);
}

/* district_round1() where the sum overflowed or underflowed (absurd spreads). */
static void shifted_round1(votes_district *v, double *e, const double *u, size_t n)
{
    v->total = shift_utilities(e, u, n);
    v->other = 0.0;
}

/*
 * District @p d's round 1 from its exponentials @p e (its @p n lists', then its lists not
 * described), 0 for those that do not run, and its utilities @p u, into @p v. Their sum, in
 * list order, the lists not described last; with absurd spreads, where it overflows or
 * underflows, the lists' shares again from their utilities shifted by their maximum, and
 * none for the lists not described (the described lists keep every vote).
 */
static inline void district_round1(votes_district *v, double *e, const double *u, size_t n,
                                   double valid)
{
    double total = 0.0;
    for (size_t i = 0; i <= n; i++)
        total += e[i];
    v->total = total;
    v->other = e[n];
    if (!(total > 0.0 && total < INFINITY))
        shifted_round1(v, e, u, n);
    v->valid = valid;
    v->scale = v->total > 0.0 ? valid / v->total : 0.0;
}

void sim_round1_utilities(const scrutin_model *m, sim_workspace *w, uint64_t index)
{
    sim_batch *b = &w->batch;
    const votes_plan *plan = w->votes;
    /* Lists without a baseline, and the padding, stay at the -inf the plan wrote. */
    if (m->params.tails_df > 0.0) {
        draw_tails(m, w, index);
        planned_utilities(plan, w->pair_shock, b->z, b->utility, 1);
    } else {
        planned_utilities(plan, w->pair_shock, b->z, b->utility, 0);
    }
    for (size_t j = 0; j < plan->n_other; j++) {
        size_t d = plan->other[j];
        sim_other_shock(m, w, d, index, STREAM_OTHER);
        b->utility[m->district_first_list[d + 1] + d] = m->other_log_baseline[d] + w->other_shock;
    }
    w->vm->exp(b->utility_exp, b->utility, b->utilities);
    /*
     * 0 for the lists that do not run. With normal shocks every other utility is finite (a
     * finite baseline, spreads at most 5, shocks bounded: model/compile_params.c), so only
     * the entries the plan left at -inf need it, whatever exp(-inf) gives; a Student-t
     * shock is unbounded, so with fat tails every entry is tested.
     */
    if (m->params.tails_df > 0.0)
        drop_not_running(b->utility_exp, b->utility, b->utilities);
    else
        for (size_t j = 0; j < plan->n_minus_inf; j++)
            b->utility_exp[plan->minus_inf[j]] = 0.0;
    /*
     * Then each district's valid votes (its stream's first normal is its turnout shock) and
     * the sum of its exponentials, in one pass: glibc's exp() and the chains of additions of
     * the districts overlap, where district by district each waited on its own.
     */
    for (size_t d = 0; d < m->n_districts; d++) {
        size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
        district_round1(&plan->district[d], b->utility_exp + first + d, b->utility + first + d,
                        n, valid_votes(m, w, d, b->z[b->list[d]]));
    }
}

/*
 * Votes rounded to whole numbers, votes[i] = whole(scale e[i]) for the e[i] >= 0 of a
 * district whose sum (of them and of others >= 0) @p valid / @p scale was. Where valid < 2^51
 * each product is below 2^52 (e[i] is at most the sum, and the division and product each
 * round up by at most half an ulp), and there (x + 2^52) - 2^52 rounds x to nearest with ties
 * to even exactly as llrint() does, in a loop gcc vectorises; llrint() otherwise.
 */
static void whole_votes(double *votes, const double *e, double scale, double valid, size_t n)
{
    if (valid >= 0.0 && valid < 0x1p51 && scale < INFINITY) {
        for (size_t i = 0; i < n; i++)
            votes[i] = (scale * e[i] + 0x1p52) - 0x1p52;
        return;
    }
    for (size_t i = 0; i < n; i++)
        votes[i] = whole(scale * e[i]);
}

/*
 * Whether the court rejected in this simulation a list of district @p d that its actual
 * decisions did not. sim_one() draws the court's rejections only where the district's first
 * uniform rejects some list (court_rejects_none()); elsewhere w->rejected is the actual one.
 */
static int court_rejected_more(const scrutin_model *m, const sim_workspace *w, size_t d)
{
    if (!m->params.court_enabled ||
        court_rejects_none(m, d, sim_court_first(w, STREAM_COURT_BEFORE, d), w->court_none))
        return 0;
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    int more = 0;
    for (size_t i = 0; i < n; i++)
        more |= w->rejected[i] && !m->list_rejected[first + i];
    return more;
}

/*
 * District @p d's votes where the court rejected a list its actual decisions did not: the
 * shares, the rejected lists' moved to the others (redistribute_rejected()), then the votes.
 */
static void votes_after_rejections(const scrutin_model *m, sim_workspace *w, size_t d,
                                   double *e, const votes_district *v)
{
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    double valid = v->valid, total = v->total;
    w->other1 = total > 0.0 ? whole(valid * v->other / total) : 0.0;
    for (size_t i = 0; i < n; i++)
        e[i] = total > 0.0 ? e[i] / total : 0.0;
    redistribute_rejected(m, w, first, n, e);
    for (size_t i = 0; i < n; i++)
        w->votes1[i] = w->rejected[i] ? -1.0 : whole(valid * e[i]);
}

/*
 * District @p d's votes into w->votes1 and w->other1 from its exponentials @p e, worked on
 * in place, and its round 1 @p v. Votes are whole numbers, so that exact ties can happen,
 * and are drawn by lot. whole() rounds as nearbyint() does, to nearest with ties to even.
 */
static inline void votes_from(const scrutin_model *m, sim_workspace *w, size_t d, double *e,
                              const votes_district *v)
{
    if (court_rejected_more(m, w, d)) {
        votes_after_rejections(m, w, d, e, v);
        return;
    }
    size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
    whole_votes(w->votes1, e, v->scale, v->valid, n);
    /* The lists rejected here are those the court actually rejected (if any). */
    if (w->count.actual_rejections[d])
        for (size_t i = 0; i < n; i++)
            w->votes1[i] = w->rejected[i] ? -1.0 : w->votes1[i];
    w->other1 = whole(v->scale * v->other);
}

/*
 * A re-run's votes of district @p d: its utilities drawn anew from stream @p s, exp() over
 * the padded array, then as the batch's (sim_round1_utilities()).
 */
static void votes_drawn(const scrutin_model *m, sim_workspace *w, size_t d, stream_id s)
{
    size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
    double *e = w->scratch, *u = w->votes1;
    const double *z = sim_normals(w, s, 1 + n);
    utilities(m, w, d, s, z, w->other_shock, u);
    size_t padded = draws_padded(n + 1);
    for (size_t i = n + 1; i < padded; i++)
        u[i] = -INFINITY;
    w->vm->exp(e, u, padded);
    drop_not_running(e, u, n + 1);
    votes_district v;
    district_round1(&v, e, u, n, valid_votes(m, w, d, z[0]));
    votes_from(m, w, d, e, &v);
}

void sim_district_votes(const scrutin_model *m, sim_workspace *w, size_t d, stream_id s,
                        const double *z)
{
    /*
     * The exponentials of the utilities, 0 for a list that does not run, and their sum: the
     * batch's, worked on in place (each is read once a simulation), or a re-run's. log b_l
     * <= 0 and the shocks are small, so exp(u_l) neither overflows nor underflows; if it ever
     * did (absurd spreads), the shares are computed again from the utilities, shifted by
     * their maximum (district_round1()).
     */
    if (!z) {
        votes_drawn(m, w, d, s);
        return;
    }
    votes_from(m, w, d, w->batch.utility_exp + m->district_first_list[d] + d,
               &w->votes->district[d]);
}
