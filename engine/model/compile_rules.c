/*
 * The electoral systems of a scenario: one (`rules`), or several applied to
 * the same simulated votes (`systems`), each starting from its law's
 * parameters (scrutin_rules_defaults) and overridden field by field.
 */
#include "compiler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Compile the rule set @p r, found at @p at ("rules" or "systems[2]"), into @p out. */
static void compile_rule_set(compiler *c, const scn_rules *r, const char *at, scrutin_rules *out)
{
    char field[96];
    *out = (scrutin_rules)SCRUTIN_RULES_INIT; /* the two-round list system's defaults */
    if (!r)
        return;
    if (r->system) {
        scrutin_system system;
        if (scrutin_system_parse(&system, r->system) != SCRUTIN_OK) {
            char names[256] = "";
            for (int k = 0; k < SCRUTIN_SYSTEM_COUNT; k++) {
                strcat(names, k ? ", " : "");
                strcat(names, scrutin_system_name((scrutin_system)k));
            }
            snprintf(field, sizeof field, "%s.system", at);
            YAML_ERROR(c, field, "unknown system \"%s\": expected one of %s", r->system, names);
        } else {
            /* The law's own parameters first; the scenario may then override them. */
            snprintf(field, sizeof field, "%s.system", at);
            if (scrutin_rules_defaults(out, system) != SCRUTIN_OK)
                YAML_ERROR(c, field, "system \"%s\" has no default parameters", r->system);
        }
    }
    const double *shares[] = {r->round2_registered, r->threshold, r->winner_share};
    double *targets[] = {&out->round2_registered, &out->threshold, &out->winner_share};
    static const char *const names[] = {"round2_registered", "threshold", "winner_share"};
    for (int k = 0; k < 3; k++) {
        if (!shares[k])
            continue;
        snprintf(field, sizeof field, "%s.%s", at, names[k]);
        if (!(*shares[k] >= 0.0 && *shares[k] <= 1.0))
            YAML_ERROR(c, field, "%g is not a share between 0 and 1", *shares[k]);
        *targets[k] = *shares[k];
    }
    if (r->round1_majority) {
        double q = *r->round1_majority;
        snprintf(field, sizeof field, "%s.round1_majority", at);
        if (!(q > 0.0 && q < 1.0))
            YAML_ERROR(c, field, "%g is not a share strictly between 0 and 1", q);
        out->round1_majority = q;
    }
    if (r->round2_lists) {
        unsigned k = *r->round2_lists;
        snprintf(field, sizeof field, "%s.round2_lists", at);
        if (k < 2 || k > SCRUTIN_MAX_RUNOFF)
            YAML_ERROR(c, field, "%u lists in round 2: expected 2 to %d", k, SCRUTIN_MAX_RUNOFF);
        out->round2_lists = k;
    }
}

void compile_systems(compiler *c)
{
    const scn_doc *doc = c->s->doc;
    scrutin_model *m = c->m;
    /* `systems` wins over `rules`, so that a what-if can set systems over a base's rules. */
    m->n_systems = doc->systems_count ? doc->systems_count : 1;
    if (m->n_systems > SCRUTIN_MAX_SYSTEMS) {
        YAML_ERROR(c, "systems", "%zu systems: at most %d may share one run", m->n_systems,
                   SCRUTIN_MAX_SYSTEMS);
        m->n_systems = SCRUTIN_MAX_SYSTEMS;
    }
    m->systems = compile_alloc(c, m->n_systems, sizeof *m->systems);
    m->system_id = compile_alloc(c, m->n_systems, sizeof *m->system_id);
    if (c->oom)
        return;
    char at[64];
    for (size_t k = 0; k < m->n_systems; k++) {
        const scn_rules *r = doc->systems_count ? &doc->systems[k] : doc->rules;
        if (doc->systems_count)
            snprintf(at, sizeof at, "systems[%zu]", k);
        else
            snprintf(at, sizeof at, "rules");
        compile_rule_set(c, r, at, &m->systems[k]);
        const char *id = r && r->id ? r->id : scrutin_system_name(m->systems[k].system);
        char field[96];
        snprintf(field, sizeof field, "%s.id", at);
        if (!id_is_valid(id))
            YAML_ERROR(c, field, "\"%s\" is not a valid id", id);
        for (size_t j = 0; j < k; j++)
            if (m->system_id[j] && strcmp(m->system_id[j], id) == 0)
                YAML_ERROR(c, field,
                           "two systems are called \"%s\": give each an id of its own", id);
        if (!(m->system_id[k] = strdup(id)))
            c->status = SCRUTIN_ENOMEM, c->oom = true;
    }
    m->rules = m->systems[0];
}
