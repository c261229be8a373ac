/*
 * What run.json says of partial results (docs/cli.md, "run.json"): the
 * districts where the votes of lists not described leave round 2 in doubt,
 * and how often the simulations agree with each published round-2 winner.
 */
#include "run_json.h"

#include "json_doc.h"

json_t *run_partial_json(json_doc *d, const run_data *data)
{
    const scrutin_model *m = data->model;
    const scrutin_summary *s = data->summary;
    json_t *root = json_object(), *doubt = json_array(), *winners = json_array();
    size_t n = scrutin_model_count(m, SCRUTIN_ENTITY_DISTRICT);
    for (size_t k = 0; k < n; k++) {
        const char *district = scrutin_model_id(m, SCRUTIN_ENTITY_DISTRICT, k);
        if (scrutin_model_other_votes_doubt(m, k))
            json_doc_append(d, doubt, json_doc_string(district));
        long w = scrutin_model_winner_r2(m, k);
        if (w < 0 || !s || (size_t)w >= s->n_lists)
            continue;
        const scrutin_prob *agree = &s->lists[w].win[SCRUTIN_STAGE_PROVISIONAL];
        json_t *row = json_object();
        json_doc_put(d, row, "district", json_doc_string(district));
        json_doc_put(d, row, "list", json_doc_string(scrutin_model_id(m, SCRUTIN_ENTITY_LIST,
                                                                       (size_t)w)));
        json_doc_put(d, row, "p_agree", json_doc_real(agree->p));
        json_doc_put(d, row, "p_agree_se", json_doc_real(agree->se));
        json_doc_append(d, winners, row);
    }
    json_doc_put(d, root, "other_votes_doubt", doubt);
    json_doc_put(d, root, "published_winners_r2", winners);
    return root;
}
