/* A replay's seats per party and coalition, in each stage, in each format. */
#include <jansson.h>
#include <string.h>

#include "scrutin/report.h"

int scrutin_format_parse(scrutin_format *out, const char *text)
{
    static const char *const names[] = {"table", "csv", "json", "md"};
    for (int i = 0; i < 4; i++)
        if (strcmp(text, names[i]) == 0) {
            *out = (scrutin_format)i;
            return SCRUTIN_OK;
        }
    return SCRUTIN_EINVAL;
}

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

static void write_csv(FILE *f, const scrutin_model *m, const scrutin_replay *r)
{
    group_view v[2];
    views(r, v);
    fputs("stage,group_kind,group,seats\n", f);
    for (int s = 0; s < SCRUTIN_REPLAY_STAGES; s++)
        for (int k = 0; k < 2; k++)
            for (size_t g = 0; g < v[k].n; g++) {
                unsigned seats = v[k].seats[s][g];
                /* Round 1 lists only the groups that won something; the totals list every group. */
                if (s == SCRUTIN_REPLAY_ROUND1 && seats == 0)
                    continue;
                fprintf(f, "%s,%s,", scrutin_replay_stage_name((scrutin_replay_stage)s), v[k].kind);
                /* Ids are validated to letters, digits, '-', '_' and '.': no quoting needed. */
                fprintf(f, "%s,%u\n", scrutin_model_id(m, v[k].entity, g), seats);
            }
}

static void write_table(FILE *f, const scrutin_model *m, const scrutin_replay *r, int markdown)
{
    group_view v[2];
    views(r, v);
    fprintf(f, "%s%s: %zu districts, %u seats\n", markdown ? "## " : "", scrutin_model_name(m),
            r->n_districts, scrutin_model_seats(m));
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
            if (markdown)
                fprintf(f, "| %s | %u | %u | %u |\n", id, s0, s1, s2);
            else
                fprintf(f, "%-12s %8u %12u %6u\n", id, s0, s1, s2);
        }
        fputc('\n', f);
    }
}

static int write_json(FILE *f, const scrutin_model *m, const scrutin_replay *r)
{
    group_view v[2];
    views(r, v);
    json_t *root = json_object();
    json_object_set_new(root, "scenario", json_string(scrutin_model_name(m)));
    json_object_set_new(root, "districts_round1", json_integer((json_int_t)r->districts_round1));
    json_object_set_new(root, "seats_round1", json_integer(r->seats_round1));
    json_object_set_new(root, "districts_round2", json_integer((json_int_t)r->districts_round2));
    json_object_set_new(root, "seats_round2", json_integer(r->seats_round2));
    json_object_set_new(root, "court_changes", json_integer((json_int_t)r->court_changes));
    json_object_set_new(root, "ties", json_integer((json_int_t)r->ties));
    json_t *stages = json_object();
    for (int s = 0; s < SCRUTIN_REPLAY_STAGES; s++) {
        json_t *stage = json_object();
        for (int k = 0; k < 2; k++) {
            json_t *groups = json_object();
            for (size_t g = 0; g < v[k].n; g++)
                json_object_set_new(groups, scrutin_model_id(m, v[k].entity, g),
                                    json_integer(v[k].seats[s][g]));
            json_object_set_new(stage, v[k].kind, groups);
        }
        json_object_set_new(stages, scrutin_replay_stage_name((scrutin_replay_stage)s), stage);
    }
    json_object_set_new(root, "seats", stages);
    int rc = json_dumpf(root, f, JSON_INDENT(2) | JSON_SORT_KEYS);
    fputc('\n', f);
    json_decref(root);
    return rc == 0 ? SCRUTIN_OK : SCRUTIN_EIO;
}

int scrutin_report_replay(FILE *f, const scrutin_model *m, const scrutin_replay *r,
                          scrutin_format format, scrutin_ctx *ctx)
{
    int status = SCRUTIN_OK;
    switch (format) {
    case SCRUTIN_FORMAT_CSV: write_csv(f, m, r); break;
    case SCRUTIN_FORMAT_JSON: status = write_json(f, m, r); break;
    case SCRUTIN_FORMAT_TABLE: write_table(f, m, r, 0); break;
    case SCRUTIN_FORMAT_MD: write_table(f, m, r, 1); break;
    }
    if (status == SCRUTIN_OK && ferror(f))
        status = SCRUTIN_EIO;
    if (status != SCRUTIN_OK)
        return scrutin_ctx_error(ctx, status, NULL, 0, NULL, "cannot write the replay's tables");
    return SCRUTIN_OK;
}
