/* The parameters in effect in a compiled model, as JSON (model_parameters.h). */
#include "model_parameters.h"

#include <math.h>

#include "../model/model_types.h"
#include "json_doc.h"

static json_t *rules_json(json_doc *d, const scrutin_rules *r, const char *id)
{
    json_t *o = json_object();
    if (id)
        json_doc_put(d, o, "id", json_doc_string(id));
    json_doc_put(d, o, "system", json_doc_string(scrutin_system_name(r->system)));
    json_doc_put(d, o, "round1_majority", json_doc_real(r->round1_majority));
    json_doc_put(d, o, "round2_lists", json_integer(r->round2_lists));
    json_doc_put(d, o, "round2_registered", json_doc_real(r->round2_registered));
    json_doc_put(d, o, "threshold", json_doc_real(r->threshold));
    json_doc_put(d, o, "winner_share", json_doc_real(r->winner_share));
    return o;
}

/* The uncertainty model, keyed as `model:` in a scenario (docs/model.md). */
static json_t *model_json(json_doc *d, const scrutin_model *m)
{
    const model_params *p = &m->params;
    json_t *o = json_object(), *turnout = json_object(), *runoff = json_object();
    json_doc_put(d, o, "sd_party", json_doc_real(p->sd_party));
    json_doc_put(d, o, "sd_coalition", json_doc_real(p->sd_coalition));
    json_doc_put(d, o, "sd_region", json_doc_real(p->sd_region));
    json_doc_put(d, o, "sd_list", json_doc_real(p->sd_list));
    json_doc_put(d, o, "sd_independent", json_doc_real(p->sd_independent));
    json_doc_put(d, o, "tails_df", json_doc_real(p->tails_df));
    json_doc_put(d, turnout, "sd_national", json_doc_real(p->sd_turnout_national));
    json_doc_put(d, turnout, "sd_region", json_doc_real(p->sd_turnout_region));
    json_doc_put(d, turnout, "sd_district", json_doc_real(p->sd_turnout_district));
    json_doc_put(d, o, "turnout", turnout);
    /* Resolved per region and coalition: what each one got, default or not. */
    json_t *retention = json_object(), *abstention = json_object(), *affinity = json_object();
    for (size_t g = 0; p->retention && g < m->n_regions; g++)
        json_doc_put(d, retention, m->region_id[g], json_doc_real(p->retention[g]));
    for (size_t k = 0; p->abstention_logit && k < m->n_coalitions; k++)
        json_doc_put(d, abstention, m->coalition_id[k],
                     json_doc_real(1.0 / (1.0 + exp(-p->abstention_logit[k]))));
    for (size_t from = 0; p->affinity && from < m->n_coalitions; from++) {
        json_t *row = json_object();
        for (size_t to = 0; to < m->n_coalitions; to++)
            json_doc_put(d, row, m->coalition_id[to],
                         json_doc_real(p->affinity[from * m->n_coalitions + to]));
        json_doc_put(d, affinity, m->coalition_id[from], row);
    }
    json_doc_put(d, runoff, "retention_by_region", retention);
    json_doc_put(d, runoff, "abstention_by_coalition", abstention);
    json_doc_put(d, runoff, "sd_abstention", json_doc_real(p->sd_abstention));
    json_doc_put(d, runoff, "affinity", affinity);
    json_doc_put(d, runoff, "sd_affinity", json_doc_real(p->sd_affinity));
    json_doc_put(d, runoff, "sd_mobilisation", json_doc_real(p->sd_mobilisation));
    json_doc_put(d, o, "runoff", runoff);
    return o;
}

/* {district, list}: list @p l. */
static json_t *list_ref(const scrutin_model *m, size_t l)
{
    return json_pack("{s:s, s:s}", "district", m->district_id[m->list_district[l]], "list",
                     m->list_id[l]);
}

/*
 * What a what-if's `changes` did to the lists (empty arrays if it did nothing to them): the
 * lists it withdrew, and the joint lists it made, each with the ids of the lists merged into
 * it (the first one's place now holds the joint list).
 */
static json_t *changes_json(json_doc *d, const scrutin_model *m)
{
    json_t *o = json_object(), *withdrawn = json_array(), *merged = json_array();
    for (size_t l = 0; m->list_out && l < m->n_lists; l++)
        if (m->list_out[l] == LIST_OUT_WITHDRAWN)
            json_doc_append(d, withdrawn, list_ref(m, l));
    for (size_t k = 0; k < m->n_merges; k++) {
        const model_merge *g = &m->merges[k];
        json_t *from = json_array();
        for (size_t i = 0; i < g->n_from; i++)
            json_doc_append(d, from, json_doc_string(g->from[i]));
        json_t *e = json_pack("{s:s, s:s}", "district", m->district_id[g->district], "into",
                              g->into);
        json_doc_put(d, e, "from", from);
        json_doc_append(d, merged, e);
    }
    json_doc_put(d, o, "lists_withdrawn", withdrawn);
    json_doc_put(d, o, "lists_merged", merged);
    return o;
}

static json_t *rate_json(json_doc *d, double base, double scale)
{
    json_t *o = json_object();
    json_doc_put(d, o, "base", json_doc_real(base));
    json_doc_put(d, o, "scale", json_doc_real(scale));
    return o;
}

/* The court: its random model and its actual decisions, keyed as `court:` in a scenario. */
static json_t *court_json(json_doc *d, const scrutin_model *m)
{
    const model_params *p = &m->params;
    json_t *o = json_object(), *model = json_object(), *reject = json_object();
    json_doc_put(d, model, "enabled", json_boolean(p->court_enabled));
    json_doc_put(d, reject, "party", json_doc_real(p->reject[LIST_PARTY]));
    json_doc_put(d, reject, "joint", json_doc_real(p->reject[LIST_JOINT]));
    json_doc_put(d, reject, "independent", json_doc_real(p->reject[LIST_INDEPENDENT]));
    json_doc_put(d, model, "reject", reject);
    json_doc_put(d, model, "round1", rate_json(d, p->annul_base[0], p->annul_scale[0]));
    json_doc_put(d, model, "round2", rate_json(d, p->annul_base[1], p->annul_scale[1]));
    json_doc_put(d, model, "strike_a", json_doc_real(p->strike_a));
    json_doc_put(d, model, "strike_b", json_doc_real(p->strike_b));
    json_doc_put(d, model, "rerun", json_doc_real(p->rerun));
    json_doc_put(d, o, "model", model);
    json_t *rejected = json_array(), *annulments = json_array();
    /* Only the court's: a list a what-if withdrew or merged away is under `changes`. */
    for (size_t l = 0; m->list_out && l < m->n_lists; l++)
        if (m->list_out[l] == LIST_OUT_COURT)
            json_doc_append(d, rejected, list_ref(m, l));
    for (size_t i = 0; i < m->n_annulments; i++) {
        const model_annulment *a = &m->annulments[i];
        json_t *e = json_pack("{s:s, s:i, s:s}", "district", m->district_id[a->district], "round",
                              (int)a->round, "action", a->rerun ? "rerun" : "strike");
        if (e && !a->rerun)
            json_doc_put(d, e, "struck_votes", json_doc_real(a->struck_votes));
        json_doc_append(d, annulments, e);
    }
    json_doc_put(d, o, "rejected_lists", rejected);
    json_doc_put(d, o, "annulments", annulments);
    return o;
}

json_t *report_model_parameters(json_doc *d, const scrutin_model *m)
{
    json_t *o = json_object();
    json_doc_put(d, o, "seats", json_integer(m->seats));
    json_doc_put(d, o, "majority", json_integer(m->majority));
    json_doc_put(d, o, "supermajority", json_integer(m->supermajority));
    json_t *systems = json_array();
    for (size_t k = 0; k < m->n_systems; k++)
        json_doc_append(d, systems,
                        rules_json(d, &m->systems[k], m->system_id ? m->system_id[k] : NULL));
    json_doc_put(d, o, "systems", systems);
    json_doc_put(d, o, "model", model_json(d, m));
    json_doc_put(d, o, "court", court_json(d, m));
    json_doc_put(d, o, "changes", changes_json(d, m));
    return o;
}
