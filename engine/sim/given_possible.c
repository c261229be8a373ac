/*
 * Known results no simulation can meet (run --given), said before any
 * simulation: more simulations would never match them, so advising to
 * "simulate more" would send the analyst round in circles. A list that does
 * not run wins nothing; a party or coalition holds a seat of a district only
 * through the candidates who can be elected there, a list's first `seats`
 * (scrutin_outcomes_holds() reads the same ones); a district has one winner a
 * stage, and without the random court its provisional winner is its final one; a
 * district of one seat is held by its winner's first candidate's party and coalition.
 */
#include <stdio.h>
#include <string.h>

#include "given_possible.h"

/* Append "id" to the ", "-separated @p buf, at most 12 of them, then "...". */
static void append_id(char *buf, size_t size, size_t *used, size_t *shown, const char *id)
{
    if (*shown > 12 || *used >= size)
        return;
    int w = snprintf(buf + *used, size - *used, "%s%s", *shown ? ", " : "",
                     *shown < 12 ? id : "...");
    (*shown)++;
    if (w > 0 && (size_t)w < size - *used)
        *used += (size_t)w;
    else
        *shown = 13; /* cut: nothing more after a partial id */
}

void given_running_lists(const scrutin_model *m, size_t d, char *buf, size_t size)
{
    size_t used = 0, shown = 0;
    buf[0] = 0;
    for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
        if (!m->list_rejected[l])
            append_id(buf, size, &used, &shown, m->list_id[l]);
    if (!shown)
        snprintf(buf, size, "none: no list runs there");
}

/* The group (of @p kind) of candidate party @p party. */
static size_t group_of(const scrutin_model *m, scrutin_group_kind kind, uint32_t party)
{
    return kind == SCRUTIN_GROUP_PARTY ? party : m->party_coalition[party];
}

/* Whether list @p l has a candidate of group @p g among those who can be elected. */
static int list_can_elect(const scrutin_model *m, size_t l, scrutin_group_kind kind, size_t g)
{
    for (uint32_t c = m->list_first_candidate[l]; c < m->list_first_candidate[l + 1]; c++)
        if (group_of(m, kind, m->candidate_party[c]) == g)
            return 1;
    return 0;
}

/* The list of district @p d, running (1) or not (0), that can elect one of group @p g, or
   SIZE_MAX. */
static size_t list_electing(const scrutin_model *m, size_t d, scrutin_group_kind kind, size_t g,
                            int running)
{
    for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
        if ((m->list_rejected[l] ? 0 : 1) == running && list_can_elect(m, l, kind, g))
            return l;
    return SIZE_MAX;
}

/* "parties A, B; coalitions L": the parties, then the coalitions, that can win a seat of
   district @p d (a party and a coalition may share an id). */
static void groups_electable(const scrutin_model *m, size_t d, char *buf, size_t size)
{
    size_t used = (size_t)snprintf(buf, size, "parties "), shown = 0;
    for (size_t p = 0; p < m->n_parties; p++)
        if (list_electing(m, d, SCRUTIN_GROUP_PARTY, p, 1) != SIZE_MAX)
            append_id(buf, size, &used, &shown, m->party_id[p]);
    if (!shown) {
        snprintf(buf, size, "none: no list runs there");
        return;
    }
    /* Every party has a coalition, so a district with parties has coalitions too. */
    used += (size_t)snprintf(buf + used, size - used, "; coalitions ");
    shown = 0;
    for (size_t k = 0; k < m->n_coalitions && used < size; k++)
        if (list_electing(m, d, SCRUTIN_GROUP_COALITION, k, 1) != SIZE_MAX)
            append_id(buf, size, &used, &shown, m->coalition_id[k]);
}

/* The joint list of district @p d that list id @p id was merged into, if it still runs. */
static const char *merged_into(const scrutin_model *m, size_t d, const char *id)
{
    for (size_t i = m->n_merges; i-- > 0;) {
        const model_merge *g = &m->merges[i];
        if (g->district != d)
            continue;
        for (size_t f = 0; f < g->n_from; f++)
            if (strcmp(g->from[f], id) == 0)
                for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
                    if (!m->list_rejected[l] && strcmp(m->list_id[l], g->into) == 0)
                        return g->into;
    }
    return NULL;
}

/* Why list @p l does not run, in words, into @p buf. */
static void why_out(const scrutin_model *m, size_t l, char *buf, size_t size)
{
    const char *into = NULL;
    switch (m->list_out[l]) {
    case LIST_OUT_WITHDRAWN: snprintf(buf, size, "was withdrawn by the what-if (withdraw_lists)"); break;
    case LIST_OUT_MERGED:
        into = merged_into(m, m->list_district[l], m->list_id[l]);
        if (into)
            snprintf(buf, size, "was merged into the joint list \"%s\" by the what-if (merge_lists)",
                     into);
        else
            snprintf(buf, size, "was merged into a joint list by the what-if (merge_lists)");
        break;
    default:
        snprintf(buf, size, "was rejected by the court before the vote (court.rejected_lists)");
        break;
    }
}

int given_list_elsewhere(const scrutin_given_item *g, const scrutin_model *m, const char *id,
                         const char *hint, scrutin_ctx *ctx)
{
    size_t d = g->district;
    const char *stage = g->stage == SCRUTIN_STAGE_PROVISIONAL ? "provisional:" : "";
    const char *into = merged_into(m, d, id);
    if (into)
        return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, g->text,
                                 "\"%s\": list \"%s\" of district \"%s\" was merged into the "
                                 "joint list \"%s\" by the what-if (merge_lists): give %s%s=%s",
                                 g->text, id, m->district_id[d], into, stage, m->district_id[d],
                                 into);
    for (size_t l = 0; l < m->n_lists; l++)
        if (strcmp(m->list_id[l], id) == 0) {
            const char *other = m->district_id[m->list_district[l]];
            char lists[512];
            given_running_lists(m, d, lists, sizeof lists);
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, g->text,
                                     "\"%s\": \"%s\" is a list of district \"%s\", not of "
                                     "\"%s\": give %s%s=%s, or one of the lists that run in "
                                     "\"%s\" (%s)%s",
                                     g->text, id, other, m->district_id[d], stage, other, id,
                                     m->district_id[d], lists, hint);
        }
    return SCRUTIN_OK;
}

int given_possible(const scrutin_given_item *g, const scrutin_model *m, scrutin_ctx *ctx)
{
    size_t d = g->district;
    if (!g->holds) {
        if (!m->list_rejected[g->what])
            return SCRUTIN_OK;
        char why[256], lists[512];
        why_out(m, g->what, why, sizeof why);
        given_running_lists(m, d, lists, sizeof lists);
        return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, g->text,
                                 "\"%s\": list \"%s\" of district \"%s\" %s, so it wins in no "
                                 "simulation: give a list that runs there (%s)",
                                 g->text, m->list_id[g->what], m->district_id[d], why, lists);
    }
    if (list_electing(m, d, g->kind, g->what, 1) != SIZE_MAX)
        return SCRUTIN_OK;
    const char *noun = g->kind == SCRUTIN_GROUP_PARTY ? "party" : "coalition";
    const char *id = g->kind == SCRUTIN_GROUP_PARTY ? m->party_id[g->what]
                                                    : m->coalition_id[g->what];
    char why[320], groups[512];
    size_t out = list_electing(m, d, g->kind, g->what, 0);
    if (out != SIZE_MAX) {
        char list_why[256];
        why_out(m, out, list_why, sizeof list_why);
        snprintf(why, sizeof why, "its list there, \"%s\", %s", m->list_id[out], list_why);
    } else {
        snprintf(why, sizeof why, "no list of the district has one of its candidates among the "
                                  "%u a list can get elected there",
                 (unsigned)m->district_seats[d]);
    }
    groups_electable(m, d, groups, sizeof groups);
    return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, g->text,
                             "\"%s\": %s \"%s\" can win no seat in district \"%s\" (%s), so no "
                             "simulation matches: give a party or coalition that can (%s)",
                             g->text, noun, id, m->district_id[d], why, groups);
}

int scrutin_given_check(const scrutin_given_item *items, size_t n, const scrutin_model *m,
                        scrutin_ctx *ctx)
{
    if (!m || (n && !items))
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_given_check: no results or no model");
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            const scrutin_given_item *a = &items[i], *b = &items[j];
            if (a->holds || b->holds || a->district != b->district || a->system != b->system ||
                a->what == b->what)
                continue;
            if (a->stage == b->stage)
                return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, NULL,
                                         "\"%s\" and \"%s\": a district has one winner at a "
                                         "stage, so no simulation can match both: keep one",
                                         a->text, b->text);
            if (!m->params.court_enabled)
                return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, NULL,
                                         "\"%s\" and \"%s\": without the random court (the "
                                         "scenario has no court.model) a district's final "
                                         "winner is its provisional one, so no simulation can "
                                         "match both: keep one",
                                         a->text, b->text);
        }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            const scrutin_given_item *w = &items[i], *g = &items[j];
            if (w->holds || !g->holds || w->district != g->district || w->system != g->system ||
                (w->stage != g->stage && m->params.court_enabled) ||
                m->district_seats[w->district] != 1 || list_can_elect(m, w->what, g->kind, g->what))
                continue;
            /* One seat: the winner's first candidate takes it, whatever the system. */
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, NULL,
                                     "\"%s\" and \"%s\": district \"%s\" has one seat, which "
                                     "its winner takes, and the candidate of list \"%s\" is not "
                                     "of %s \"%s\", so no simulation can match both: keep one",
                                     w->text, g->text, m->district_id[w->district],
                                     m->list_id[w->what],
                                     g->kind == SCRUTIN_GROUP_PARTY ? "party" : "coalition",
                                     g->kind == SCRUTIN_GROUP_PARTY ? m->party_id[g->what]
                                                                    : m->coalition_id[g->what]);
        }
    return SCRUTIN_OK;
}
