/*
 * The uncertainty model and the random court: defaults applied, every value
 * checked against its range (docs/model.md lists both).
 */
#include "compiler.h"
#include "id_hints.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Defaults of the uncertainty model; docs/model.md justifies them. */
enum { N_KINDS = 3 };
static const double default_sd_party = 0.15, default_sd_coalition = 0.10,
                    default_sd_region = 0.10, default_sd_list = 0.25,
                    default_sd_independent = 0.40;
static const double default_sd_turnout_national = 0.10, default_sd_turnout_region = 0.10,
                    default_sd_turnout_district = 0.15;
static const double default_retention = 0.95, default_abstention = 0.15,
                    default_sd_abstention = 0.5, default_affinity_same = 1.0,
                    default_affinity_other = 0.3, default_sd_affinity = 0.5,
                    default_sd_mobilisation = 0.15;
static const double default_reject[N_KINDS] = {0.002, 0.016, 0.023};
static const double default_annul_base[2] = {0.01, 0.30}, default_annul_scale[2] = {0.02, 0.03};
static const double default_strike_a = 1.5, default_strike_b = 10.0, default_rerun = 0.05;

/*
 * The largest standard deviation of a shock (docs/design.md, "Bounds of the spreads"). Every
 * shock of the model acts on a log or logit scale, where a standard deviation of 5 already
 * multiplies a list's odds (or turnout's, or abstention's) by about 150 at one sd and 22,000 at
 * two: beyond it every simulated election is a lottery between lists, and the tables say
 * nothing about the scenario. The realistic values are ten to fifty times smaller (Mali 2007:
 * 0.1 to 0.5), so the bound leaves any sensitivity sweep room.
 */
static const double max_sd = 5.0;
/*
 * The mobilisation shock enters round 2 as exp(delta - sd^2/2), centred so that its mean is 1;
 * its median, exp(-sd^2/2), falls fast: 0.14 at sd = 2, 0.000004 at sd = 5. Beyond 2 most
 * finalists keep next to none of their votes and round 2 is decided by the rare huge draw.
 */
static const double max_sd_mobilisation = 2.0;

typedef enum range {
    NON_NEGATIVE,
    POSITIVE,
    PROBABILITY,
    SHARE_BELOW_ONE,
    DEGREES,
    SPREAD,             /* a standard deviation on a log or logit scale, 0 to max_sd */
    SPREAD_MOBILISATION /* the mobilisation shock's, 0 to max_sd_mobilisation */
} range;

/* The value at @p p, or @p fallback; checked against @p r and reported at @p field. */
static double value(compiler *c, const double *p, double fallback, range r, const char *field)
{
    if (!p)
        return fallback;
    double x = *p;
    const char *want = NULL;
    char spread[192];
    switch (r) {
    case NON_NEGATIVE: want = isfinite(x) && x >= 0 ? NULL : "a finite number >= 0"; break;
    case POSITIVE: want = isfinite(x) && x > 0 ? NULL : "a finite number > 0"; break;
    case PROBABILITY: want = x >= 0 && x <= 1 ? NULL : "a probability between 0 and 1"; break;
    case SHARE_BELOW_ONE: want = x >= 0 && x < 1 ? NULL : "a share from 0 to less than 1"; break;
    case DEGREES: want = x == 0 || (isfinite(x) && x > 2) ? NULL : "0 (normal shocks) or more than 2"; break;
    case SPREAD:
    case SPREAD_MOBILISATION: {
        double max = r == SPREAD ? max_sd : max_sd_mobilisation;
        int n = snprintf(spread, sizeof spread, "a finite number >= 0 and <= %g", max);
        /* Above the bound, say why there is one. */
        if (x > max && n > 0 && (size_t)n < sizeof spread) {
            if (r == SPREAD)
                snprintf(spread + n, sizeof spread - (size_t)n,
                         " (a standard deviation on the log or logit scale: one sd of %g "
                         "already multiplies the odds by %.0f)",
                         max, exp(max));
            else
                snprintf(spread + n, sizeof spread - (size_t)n,
                         " (the mobilisation factor's median, exp(-sd^2/2), is already %.2f "
                         "at %g)",
                         exp(-0.5 * max * max), max);
        }
        want = isfinite(x) && x >= 0 && x <= max ? NULL : spread;
        break;
    }
    }
    if (want)
        YAML_ERROR(c, field, "%g is not %s", x, want);
    return x;
}

static void compile_shocks(compiler *c, const scn_model *sm)
{
    model_params *p = &c->m->params;
    const scn_model none = {0};
    const scn_model *s = sm ? sm : &none;
    p->sd_party = value(c, s->sd_party, default_sd_party, SPREAD, "model.sd_party");
    p->sd_coalition = value(c, s->sd_coalition, default_sd_coalition, SPREAD, "model.sd_coalition");
    p->sd_region = value(c, s->sd_region, default_sd_region, SPREAD, "model.sd_region");
    p->sd_list = value(c, s->sd_list, default_sd_list, SPREAD, "model.sd_list");
    p->sd_independent = value(c, s->sd_independent, default_sd_independent, SPREAD,
                              "model.sd_independent");
    p->tails_df = value(c, s->tails_df, 0.0, DEGREES, "model.tails_df");
    const scn_turnout_model tnone = {0};
    const scn_turnout_model *t = s->turnout ? s->turnout : &tnone;
    p->sd_turnout_national = value(c, t->sd_national, default_sd_turnout_national, SPREAD,
                                   "model.turnout.sd_national");
    p->sd_turnout_region = value(c, t->sd_region, default_sd_turnout_region, SPREAD,
                                 "model.turnout.sd_region");
    p->sd_turnout_district = value(c, t->sd_district, default_sd_turnout_district, SPREAD,
                                   "model.turnout.sd_district");
}

static double logit(double x) { return log(x / (1.0 - x)); }

static void compile_runoff(compiler *c, const scn_runoff_model *rm)
{
    scrutin_model *m = c->m;
    model_params *p = &m->params;
    const scn_runoff_model none = {0};
    const scn_runoff_model *r = rm ? rm : &none;
    char field[128];
    p->retention = compile_alloc(c, m->n_regions, sizeof *p->retention);
    p->abstention_logit = compile_alloc(c, m->n_coalitions, sizeof *p->abstention_logit);
    p->affinity = compile_alloc(c, m->n_coalitions * m->n_coalitions, sizeof *p->affinity);
    if (c->oom)
        return;
    double retention = value(c, r->retention, default_retention, PROBABILITY, "model.runoff.retention");
    for (size_t g = 0; g < m->n_regions; g++)
        p->retention[g] = retention;
    for (unsigned i = 0; i < r->retention_by_region_count; i++) {
        const scn_region_value *v = &r->retention_by_region[i];
        size_t g = id_index_find(&c->regions, NULL, v->region);
        snprintf(field, sizeof field, "model.runoff.retention_by_region[%u].%s", i,
                 g == (size_t)-1 ? "region" : "value");
        if (g == (size_t)-1)
            YAML_ERROR(c, field, "region \"%s\" is not declared%s", v->region, ID_NEAR(&c->regions, NULL, v->region));
        else
            p->retention[g] = value(c, &v->value, 0, PROBABILITY, field);
    }
    double abstention = value(c, r->abstention, default_abstention, SHARE_BELOW_ONE,
                              "model.runoff.abstention");
    for (size_t k = 0; k < m->n_coalitions; k++)
        p->abstention_logit[k] = abstention;
    /* The voters of other_votes without a coalition abstain as the default says. */
    m->other_abstention_odds = fmin(fmax(abstention, 1e-6), 1.0 - 1e-6) /
                               (1.0 - fmin(fmax(abstention, 1e-6), 1.0 - 1e-6));
    for (unsigned i = 0; i < r->abstention_by_coalition_count; i++) {
        const scn_coalition_value *v = &r->abstention_by_coalition[i];
        size_t k = id_index_find(&c->coalitions, NULL, v->coalition);
        snprintf(field, sizeof field, "model.runoff.abstention_by_coalition[%u].%s", i,
                 k == (size_t)-1 ? "coalition" : "value");
        if (k == (size_t)-1)
            YAML_ERROR(c, field, "coalition \"%s\" is not declared%s", v->coalition, ID_NEAR(&c->coalitions, NULL, v->coalition));
        else
            p->abstention_logit[k] = value(c, &v->value, 0, SHARE_BELOW_ONE, field);
    }
    /* An abstention of 0 is kept finite on the logit scale: shocks can still move it. */
    for (size_t k = 0; k < m->n_coalitions; k++)
        p->abstention_logit[k] = logit(fmin(fmax(p->abstention_logit[k], 1e-6), 1.0 - 1e-6));
    p->sd_abstention = value(c, r->sd_abstention, default_sd_abstention, SPREAD,
                             "model.runoff.sd_abstention");
    double same = value(c, r->affinity_same, default_affinity_same, NON_NEGATIVE,
                        "model.runoff.affinity_same");
    double other = value(c, r->affinity_other, default_affinity_other, NON_NEGATIVE,
                         "model.runoff.affinity_other");
    for (size_t a = 0; a < m->n_coalitions; a++)
        for (size_t b = 0; b < m->n_coalitions; b++)
            p->affinity[a * m->n_coalitions + b] = a == b ? same : other;
    for (unsigned i = 0; i < r->affinity_count; i++) {
        const scn_affinity *v = &r->affinity[i];
        size_t from = id_index_find(&c->coalitions, NULL, v->from);
        size_t to = id_index_find(&c->coalitions, NULL, v->to);
        snprintf(field, sizeof field, "model.runoff.affinity[%u].%s", i,
                 from == (size_t)-1 ? "from" : to == (size_t)-1 ? "to" : "weight");
        if (from == (size_t)-1 || to == (size_t)-1)
            YAML_ERROR(c, field, "coalition \"%s\" is not declared%s",
                       from == (size_t)-1 ? v->from : v->to, ID_NEAR(&c->coalitions, NULL, from == (size_t)-1 ? v->from : v->to));
        else
            p->affinity[from * m->n_coalitions + to] = value(c, &v->weight, 0, NON_NEGATIVE, field);
    }
    p->sd_affinity = value(c, r->sd_affinity, default_sd_affinity, SPREAD,
                           "model.runoff.sd_affinity");
    p->sd_mobilisation = value(c, r->sd_mobilisation, default_sd_mobilisation, SPREAD_MOBILISATION,
                               "model.runoff.sd_mobilisation");
}

static void compile_court_model(compiler *c, const scn_court_model *cm)
{
    model_params *p = &c->m->params;
    /* The random court is off unless the scenario describes it. */
    p->court_enabled = cm && (!cm->enabled || *cm->enabled);
    const scn_court_model none = {0};
    const scn_court_model *s = cm ? cm : &none;
    const scn_reject_rates rnone = {0};
    const scn_reject_rates *r = s->reject ? s->reject : &rnone;
    p->reject[LIST_PARTY] = value(c, r->party, default_reject[0], PROBABILITY, "court.model.reject.party");
    p->reject[LIST_JOINT] = value(c, r->joint, default_reject[1], PROBABILITY, "court.model.reject.joint");
    p->reject[LIST_INDEPENDENT] = value(c, r->independent, default_reject[2], PROBABILITY,
                                        "court.model.reject.independent");
    const scn_annul_rate anone = {0};
    const scn_annul_rate *rounds[2] = {s->round1 ? s->round1 : &anone, s->round2 ? s->round2 : &anone};
    static const char *const base_field[2] = {"court.model.round1.base", "court.model.round2.base"};
    static const char *const scale_field[2] = {"court.model.round1.scale", "court.model.round2.scale"};
    for (int k = 0; k < 2; k++) {
        p->annul_base[k] = value(c, rounds[k]->base, default_annul_base[k], PROBABILITY, base_field[k]);
        p->annul_scale[k] = value(c, rounds[k]->scale, default_annul_scale[k], POSITIVE, scale_field[k]);
    }
    p->strike_a = value(c, s->strike_a, default_strike_a, POSITIVE, "court.model.strike_a");
    p->strike_b = value(c, s->strike_b, default_strike_b, POSITIVE, "court.model.strike_b");
    p->rerun = value(c, s->rerun, default_rerun, PROBABILITY, "court.model.rerun");
}

int compile_params(compiler *c)
{
    const scn_doc *doc = c->s->doc;
    compile_shocks(c, doc->model);
    compile_runoff(c, doc->model ? doc->model->runoff : NULL);
    compile_court_model(c, doc->court ? doc->court->model : NULL);
    return c->status;
}
