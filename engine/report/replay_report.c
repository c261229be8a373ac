/* A replay's seats per party and coalition, in each stage, in each format. */
#include <jansson.h>
#include <string.h>

#include "json_doc.h"
#include "scrutin/report.h"

typedef struct group_view {
    const char *kind;
    scrutin_entity entity;
    unsigned *const *seats; /* [stage] -> [group] */
    size_t n;
} group_view;

static void views(const scrutin_replay *r, group_view v[2])
{
    v[0] = (group_view){"party", SCRUTIN_ENTITY_PARTY, r->party_seats, r->n_parties};
    v[1] = (group_view){"coalition", SCRUTIN_ENTITY_COALITION, r->coalition_seats,
                        r->n_coalitions};
}

/*
 * The system's id, for a leading column, or NULL for a scenario with a single
 * system, whose tables keep the one-system layout.
 */
static const char *system_label(const scrutin_model *m, const scrutin_replay *r)
{
    return scrutin_model_systems(m) > 1 ? scrutin_model_system_id(m, r->system) : NULL;
}

static void write_csv(FILE *f, const scrutin_model *m, const scrutin_replay *const *rs, size_t n)
{
    fputs(scrutin_model_systems(m) > 1 ? "system,stage,group_kind,group,seats\n"
                                       : "stage,group_kind,group,seats\n",
          f);
    for (size_t i = 0; i < n; i++) {
        group_view v[2];
        views(rs[i], v);
        const char *system = system_label(m, rs[i]);
        for (int s = 0; s < SCRUTIN_REPLAY_STAGES; s++)
            for (int k = 0; k < 2; k++)
                for (size_t g = 0; g < v[k].n; g++) {
                    unsigned seats = v[k].seats[s][g];
                    /* Round 1 lists only the groups that won something; the totals list every
                       group. */
                    if (s == SCRUTIN_REPLAY_ROUND1 && seats == 0)
                        continue;
                    /* Ids (of groups and systems) are validated to letters, digits, '-', '_'
                       and '.': no quoting needed. */
                    if (system)
                        fprintf(f, "%s,", system);
                    fprintf(f, "%s,%s,", scrutin_replay_stage_name((scrutin_replay_stage)s),
                            v[k].kind);
                    fprintf(f, "%s,%u\n", scrutin_model_id(m, v[k].entity, g), seats);
                }
    }
}

static void write_replay_table(FILE *f, const scrutin_model *m, const scrutin_replay *r,
                               int markdown)
{
    group_view v[2];
    views(r, v);
    fprintf(f, "%sround 1: %zu districts decided, %u seats; round 2: %zu districts, %u seats\n",
            markdown ? "\n" : "", r->districts_round1, r->seats_round1, r->districts_round2,
            r->seats_round2);
    fprintf(f, "%scourt: %zu districts changed winner; ties drawn by lot: %zu\n\n",
            markdown ? "\n" : "", r->court_changes, r->ties);
    for (int k = 0; k < 2; k++) {
        if (markdown)
            fprintf(f, "| %s | round 1 | provisional | final |\n|---|---:|---:|---:|\n", v[k].kind);
        else
            fprintf(f, "%-12s %8s %12s %6s\n", v[k].kind, "round1", "provisional", "final");
        for (size_t g = 0; g < v[k].n; g++) {
            unsigned s0 = v[k].seats[0][g], s1 = v[k].seats[1][g], s2 = v[k].seats[2][g];
            if (!s0 && !s1 && !s2)
                continue;
            const char *id = scrutin_model_id(m, v[k].entity, g);
            /* The terminal table ends each row with the group's name, where it has one. */
            const char *name = scrutin_model_entity_name(m, v[k].entity, g);
            if (markdown)
                fprintf(f, "| %s | %u | %u | %u |\n", id, s0, s1, s2);
            else if (name && name[0] && strcmp(name, id) != 0)
                fprintf(f, "%-12s %8u %12u %6u  %s\n", id, s0, s1, s2, name);
            else
                fprintf(f, "%-12s %8u %12u %6u\n", id, s0, s1, s2);
        }
        fputc('\n', f);
    }
}

static void write_table(FILE *f, const scrutin_model *m, const scrutin_replay *const *rs,
                        size_t n, int markdown)
{
    fprintf(f, "%s%s: %zu districts, %u seats\n", markdown ? "## " : "", scrutin_model_name(m),
            scrutin_model_count(m, SCRUTIN_ENTITY_DISTRICT), scrutin_model_seats(m));
    for (size_t i = 0; i < n; i++) {
        const char *system = system_label(m, rs[i]);
        if (system)
            fprintf(f, "%ssystem %s\n", markdown ? "\n### " : "\n", system);
        write_replay_table(f, m, rs[i], markdown);
    }
}

/* One replay's figures and seats as a JSON object; NULL if out of memory. */
static json_t *replay_json(const scrutin_model *m, const scrutin_replay *r, json_doc *d)
{
    group_view v[2];
    views(r, v);
    json_t *o = json_object();
    json_doc_put(d, o, "districts_round1", json_doc_count(r->districts_round1));
    json_doc_put(d, o, "seats_round1", json_integer(r->seats_round1));
    json_doc_put(d, o, "districts_round2", json_doc_count(r->districts_round2));
    json_doc_put(d, o, "seats_round2", json_integer(r->seats_round2));
    json_doc_put(d, o, "court_changes", json_doc_count(r->court_changes));
    json_doc_put(d, o, "ties", json_doc_count(r->ties));
    json_t *stages = json_object();
    for (int s = 0; s < SCRUTIN_REPLAY_STAGES; s++) {
        json_t *stage = json_object();
        for (int k = 0; k < 2; k++) {
            json_t *groups = json_object();
            for (size_t g = 0; g < v[k].n; g++)
                json_doc_put(d, groups, scrutin_model_id(m, v[k].entity, g),
                             json_integer(v[k].seats[s][g]));
            json_doc_put(d, stage, v[k].kind, groups);
        }
        json_doc_put(d, stages, scrutin_replay_stage_name((scrutin_replay_stage)s), stage);
    }
    json_doc_put(d, o, "seats", stages);
    return o;
}

/*
 * A scenario with one system: the replay's object with the scenario's name.
 * With several: the name, and "systems", an array of the replays' objects,
 * each with its "system" id.
 */
static int write_json(FILE *f, const scrutin_model *m, const scrutin_replay *const *rs, size_t n)
{
    json_doc d = {1};
    json_t *root;
    if (scrutin_model_systems(m) == 1) {
        root = replay_json(m, rs[0], &d);
    } else {
        root = json_object();
        json_t *systems = json_array();
        for (size_t i = 0; i < n; i++) {
            json_t *one = replay_json(m, rs[i], &d);
            json_doc_put(&d, one, "system", json_doc_string(system_label(m, rs[i])));
            json_doc_append(&d, systems, one);
        }
        json_doc_put(&d, root, "systems", systems);
    }
    json_doc_put(&d, root, "scenario", json_doc_string(scrutin_model_name(m)));
    int rc = d.ok ? json_dumpf(root, f, JSON_INDENT(2) | JSON_SORT_KEYS) : -1;
    fputc('\n', f);
    json_decref(root);
    return rc == 0 ? SCRUTIN_OK : d.ok ? SCRUTIN_EIO : SCRUTIN_ENOMEM;
}

int scrutin_report_replays(FILE *f, const scrutin_model *m, const scrutin_replay *const *replays,
                           size_t n, scrutin_format format, scrutin_ctx *ctx)
{
    if (!f || !m || !replays || n == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_report_replays: no replay to write");
    for (size_t i = 0; i < n; i++)
        if (!replays[i] || replays[i]->system >= scrutin_model_systems(m))
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                     "scrutin_report_replays: replay %zu is NULL or not of this "
                                     "model",
                                     i);
    int status = SCRUTIN_OK;
    switch (format) {
    case SCRUTIN_FORMAT_CSV: write_csv(f, m, replays, n); break;
    case SCRUTIN_FORMAT_JSON: status = write_json(f, m, replays, n); break;
    case SCRUTIN_FORMAT_TABLE: write_table(f, m, replays, n, 0); break;
    case SCRUTIN_FORMAT_MD: write_table(f, m, replays, n, 1); break;
    }
    if (status == SCRUTIN_OK && ferror(f))
        status = SCRUTIN_EIO;
    if (status != SCRUTIN_OK)
        return scrutin_ctx_error(ctx, status, NULL, 0, NULL, "cannot write the replay's tables");
    return SCRUTIN_OK;
}

int scrutin_report_replay(FILE *f, const scrutin_model *m, const scrutin_replay *r,
                          scrutin_format format, scrutin_ctx *ctx)
{
    return scrutin_report_replays(f, m, &r, 1, format, ctx);
}
