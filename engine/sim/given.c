/*
 * Known results (election night, `run --given`): read from their text
 * against the model's ids, and matched against recorded outcomes.
 */
#include <stdio.h>
#include <string.h>

#include "given_possible.h"
#include "outcomes.h"

static const char provisional_prefix[] = "provisional:";

/* The index of the entity of @p kind whose id is the @p len bytes at @p id, or SIZE_MAX. */
static size_t find_id(const scrutin_model *m, scrutin_entity kind, const char *id, size_t len,
                      size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        const char *have = scrutin_model_id(m, kind, i);
        if (strlen(have) == len && memcmp(have, id, len) == 0)
            return i;
    }
    return SIZE_MAX;
}

/* "a, b, c" (at most 12 of them, then "..."): the ids of the district's lists. */
static void list_ids(const scrutin_model *m, size_t d, char *buf, size_t size)
{
    size_t used = 0, shown = 0;
    buf[0] = 0;
    for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++) {
        int w = snprintf(buf + used, size - used, "%s%s", shown ? ", " : "",
                         shown < 12 ? m->list_id[l] : "...");
        if (w < 0 || (size_t)w >= size - used || shown++ >= 12)
            break;
        used += (size_t)w;
    }
}

int scrutin_given_parse(scrutin_given_item *out, const scrutin_model *m, const char *text,
                        size_t system, scrutin_ctx *ctx)
{
    static const char usage[] = "write DISTRICT=LIST (the list won the district) or "
                                "DISTRICT:PARTY (the party or coalition won a seat there), "
                                "after \"provisional:\" for the result before the court";
    memset(out, 0, sizeof *out);
    out->text = text;
    out->stage = SCRUTIN_STAGE_FINAL;
    out->system = system;
    const char *at = text;
    if (strncmp(at, provisional_prefix, sizeof provisional_prefix - 1) == 0) {
        out->stage = SCRUTIN_STAGE_PROVISIONAL;
        at += sizeof provisional_prefix - 1;
    }
    size_t len = strcspn(at, "=:");
    if (at[len] == 0 || len == 0 || at[len + 1] == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, text, "\"%s\": %s", text,
                                 usage);
    out->holds = at[len] == ':';
    size_t d = find_id(m, SCRUTIN_ENTITY_DISTRICT, at, len, 0, m->n_districts);
    if (d == SIZE_MAX)
        return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, text,
                                 "\"%s\": no district \"%.*s\" (scrutin show SCENARIO lists "
                                 "the districts' ids)",
                                 text, (int)len, at);
    out->district = d;
    const char *id = at + len + 1;
    size_t id_len = strlen(id);
    if (!out->holds) {
        out->what = find_id(m, SCRUTIN_ENTITY_LIST, id, id_len, m->district_first_list[d],
                            m->district_first_list[d + 1]);
        if (out->what == SIZE_MAX) {
            /* "D1=A" for party A's seat is an easy slip: say how to write that. */
            char hint[300] = "";
            if (find_id(m, SCRUTIN_ENTITY_PARTY, id, id_len, 0, m->n_parties) != SIZE_MAX ||
                find_id(m, SCRUTIN_ENTITY_COALITION, id, id_len, 0, m->n_coalitions) != SIZE_MAX)
                snprintf(hint, sizeof hint, " (for a seat won by the party or coalition, write "
                                            "%.*s:%s)",
                         (int)(id - 1 - text), text, id);
            int elsewhere = given_list_elsewhere(out, m, id, hint, ctx);
            if (elsewhere != SCRUTIN_OK)
                return elsewhere;
            char lists[512];
            list_ids(m, d, lists, sizeof lists);
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, text,
                                     "\"%s\": district \"%s\" has no list \"%s\"; its lists: "
                                     "%s%s",
                                     text, m->district_id[d], id, lists, hint);
        }
        return given_possible(out, m, ctx);
    }
    out->kind = SCRUTIN_GROUP_PARTY;
    out->what = find_id(m, SCRUTIN_ENTITY_PARTY, id, id_len, 0, m->n_parties);
    if (out->what == SIZE_MAX) {
        out->kind = SCRUTIN_GROUP_COALITION;
        out->what = find_id(m, SCRUTIN_ENTITY_COALITION, id, id_len, 0, m->n_coalitions);
    }
    if (out->what == SIZE_MAX)
        return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, text,
                                 "\"%s\": no party or coalition \"%s\" (scrutin show SCENARIO "
                                 "lists their ids)",
                                 text, id);
    return given_possible(out, m, ctx);
}

int scrutin_given_match(const scrutin_given_item *items, size_t n, const scrutin_outcomes *b,
                        size_t k)
{
    for (size_t i = 0; i < n; i++) {
        const scrutin_given_item *g = &items[i];
        int met = g->holds ? scrutin_outcomes_holds(b, k, g->stage, g->system, g->district,
                                                    g->kind, g->what)
                           : scrutin_outcomes_winner(b, k, g->stage, g->system, g->district) ==
                                 g->what;
        if (!met)
            return 0;
    }
    return 1;
}
