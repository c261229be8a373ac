/*
 * Round-1 votes of one district: turnout on the logit scale, list shares by
 * a multinomial logit of baseline shares plus shocks (docs/model.md, 2-3).
 */
#include <gsl/gsl_randist.h>
#include <math.h>

#include "kernel.h"
#include "shocks.h"

static double logistic(double x) { return 1.0 / (1.0 + exp(-x)); }

/*
 * A list the court rejected in this simulation does not run: its baseline
 * support goes to the remaining lists in proportion to their affinity with
 * it and their size, or to abstention (docs/model.md, "Court").
 */
static void redistribute_rejected(const scrutin_model *m, sim_workspace *w, size_t first, size_t n)
{
    const model_params *p = &m->params;
    double *share = w->scratch;
    for (size_t i = 0; i < n; i++) {
        if (!w->rejected[i] || share[i] <= 0.0)
            continue;
        size_t from = m->list_coalition[first + i];
        const double *affinity = p->affinity + from * m->n_coalitions;
        double kept = 1.0 - logistic(p->abstention_logit[from]);
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

void sim_district_votes(const scrutin_model *m, sim_workspace *w, size_t d, gsl_rng *r)
{
    const model_params *p = &m->params;
    size_t first = m->district_first_list[d], n = m->district_first_list[d + 1] - first;
    double x = m->turnout_logit[d] + w->region_turnout[m->district_region[d]] +
               gsl_ran_gaussian_ziggurat(r, p->sd_turnout_district);
    double valid = m->registered[d] * logistic(x) * (1.0 - m->invalid_share[d]);

    /* Utilities u_l = log b_l + sum_p w_lp (eta_p + gamma_c(p) + rho_gp) + eps_l. */
    double *u = w->scratch, top = -INFINITY;
    int any_rejected = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = first + i;
        /* Drawn for every list, even one that does not run, so that the draws of the
           others do not move when a what-if adds or removes a list. */
        double sd = m->list_kind[l] == LIST_INDEPENDENT ? p->sd_independent : p->sd_list;
        double eps = sim_shock(r, sd, p->tails_df);
        double ui = m->log_baseline[l];
        if (isfinite(ui)) {
            for (uint32_t k = m->list_first_weight[l]; k < m->list_first_weight[l + 1]; k++)
                ui += m->weight_value[k] * w->pair_shock[m->weight_pair[k]];
            ui += eps;
        }
        u[i] = ui;
        top = ui > top ? ui : top;
        any_rejected |= w->rejected[i] && !m->list_rejected[l];
    }
    double total = 0.0;
    for (size_t i = 0; i < n; i++) {
        u[i] = isfinite(u[i]) ? exp(u[i] - top) : 0.0;
        total += u[i];
    }
    for (size_t i = 0; i < n; i++)
        u[i] = total > 0.0 ? u[i] / total : 0.0;
    if (any_rejected)
        redistribute_rejected(m, w, first, n);
    /* Votes are whole numbers, so that exact ties can happen, and are drawn by lot. */
    for (size_t i = 0; i < n; i++)
        w->votes1[i] = w->rejected[i] ? -1.0 : nearbyint(valid * u[i]);
}
