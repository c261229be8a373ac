/* The what-if section of a report: base, changes in words, differences (whatif_changes.h). */
#include "whatif_changes.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "html_embed.h"
#include "model_parameters.h"
#include "scrutin/scenario.h"

/* Compile @p path again, quietly: why it fails is said in the section. @return the model or NULL */
static scrutin_model *compile_base(const char *path, int *oom)
{
    scrutin_ctx *quiet = NULL;
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    *oom = scrutin_ctx_new(&quiet) != SCRUTIN_OK;
    if (!*oom && scrutin_scenario_load(&s, path, quiet) == SCRUTIN_OK &&
        scrutin_model_compile(&m, s, quiet) != SCRUTIN_OK)
        m = NULL;
    scrutin_scenario_free(s);
    scrutin_ctx_free(quiet);
    return m;
}

/* A JSON value in words, into @p f: strings bare, objects as "key value, key value". */
static void put_value(FILE *f, const json_t *v)
{
    if (!v) {
        fputs("none", f);
    } else if (json_is_string(v)) {
        html_escape(f, json_string_value(v));
    } else if (json_is_object(v)) {
        const char *k;
        json_t *x;
        int first = 1;
        json_object_foreach((json_t *)v, k, x) {
            fputs(first ? "" : ", ", f);
            first = 0;
            html_escape(f, k);
            fputc(' ', f);
            put_value(f, x);
        }
    } else if (json_is_array(v)) {
        fputc('[', f);
        for (size_t i = 0; i < json_array_size(v); i++) {
            fputs(i ? "; " : "", f);
            put_value(f, json_array_get(v, i));
        }
        fputc(']', f);
    } else {
        char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT | JSON_REAL_PRECISION(10));
        html_escape(f, text ? text : "?");
        free(text);
    }
}

static void open_list(FILE *f, int *any)
{
    if (!*any)
        fputs("<h3>Parameters that differ from the base's</h3>\n<ul class=\"changes\">\n", f);
    *any = 1;
}

/* The items of @p a that @p b does not hold, after @p words. */
static void put_missing(FILE *f, const char *words, const json_t *a, const json_t *b)
{
    int first = 1;
    for (size_t i = 0; i < json_array_size(a); i++) {
        int found = 0;
        for (size_t j = 0; j < json_array_size(b) && !found; j++)
            found = json_equal(json_array_get(a, i), json_array_get(b, j));
        if (found)
            continue;
        fputs(first ? words : "; ", f);
        first = 0;
        put_value(f, json_array_get(a, i));
    }
}

static void put_difference(FILE *f, const char *key, const json_t *before, const json_t *after,
                           int *any)
{
    open_list(f, any);
    fputs("<li><code>", f);
    html_escape(f, key);
    fputs("</code>: ", f);
    if (json_is_array(before) && json_is_array(after)) {
        /* Lists of items (systems, rejected lists): what it adds and what it removes. */
        put_missing(f, "adds ", after, before);
        put_missing(f, json_array_size(after) > 0 ? " — removes " : "removes ", before, after);
    } else {
        put_value(f, before);
        fputs(" → ", f);
        put_value(f, after);
    }
    fputs("</li>\n", f);
}

/* Every leaf that differs between @p before and @p after, keyed by its dotted path. */
static void diff(FILE *f, const char *key, const json_t *before, const json_t *after, int *any)
{
    char sub[512];
    /* A mapping on one side only (a new coalition's affinities): its leaves, one by one. */
    if ((json_is_object(before) && !after) || (!before && json_is_object(after))) {
        json_t *empty = json_object();
        if (empty)
            diff(f, key, before ? before : empty, after ? after : empty, any);
        json_decref(empty);
        return;
    }
    if (json_is_object(before) && json_is_object(after)) {
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)before, k, v) {
            snprintf(sub, sizeof sub, "%s%s%s", key, key[0] ? "." : "", k);
            diff(f, sub, v, json_object_get(after, k), any);
        }
        json_object_foreach((json_t *)after, k, v)
            if (!json_object_get(before, k)) {
                snprintf(sub, sizeof sub, "%s%s%s", key, key[0] ? "." : "", k);
                diff(f, sub, NULL, v, any);
            }
        return;
    }
    if (json_is_array(before) && json_is_array(after) &&
        json_array_size(before) == json_array_size(after)) {
        for (size_t i = 0; i < json_array_size(before); i++) {
            snprintf(sub, sizeof sub, "%s[%zu]", key, i);
            diff(f, sub, json_array_get(before, i), json_array_get(after, i), any);
        }
        return;
    }
    if (!json_equal(before, after))
        put_difference(f, key, before, after, any);
}

/* The id of party @p p's coalition in @p m. */
static const char *coalition_of(const scrutin_model *m, size_t p)
{
    return scrutin_model_id(m, SCRUTIN_ENTITY_COALITION, scrutin_model_party_coalition(m, p));
}

/* Parties that moved to another coalition, coalitions and parties the base does not declare. */
static void entity_changes(FILE *f, const scrutin_model *base, const scrutin_model *m, int *any)
{
    char line[512];
    for (size_t p = 0; p < scrutin_model_count(m, SCRUTIN_ENTITY_PARTY); p++) {
        const char *id = scrutin_model_id(m, SCRUTIN_ENTITY_PARTY, p);
        size_t q = 0, nb = scrutin_model_count(base, SCRUTIN_ENTITY_PARTY);
        while (q < nb && strcmp(scrutin_model_id(base, SCRUTIN_ENTITY_PARTY, q), id) != 0)
            q++;
        const char *now = coalition_of(m, p);
        if (q == nb)
            snprintf(line, sizeof line, "party %s, which the base does not declare (coalition %s)",
                     id, now ? now : "none");
        else {
            const char *was = coalition_of(base, q);
            if ((!was && !now) || (was && now && strcmp(was, now) == 0))
                continue;
            snprintf(line, sizeof line, "party %s moves from coalition %s to %s", id,
                     was ? was : "none", now ? now : "none");
        }
        if (!*any)
            fputs("<h3>Parties and coalitions</h3>\n<ul class=\"changes\">\n", f);
        *any = 1;
        fputs("<li>", f);
        html_escape(f, line);
        fputs("</li>\n", f);
    }
    size_t lists[2] = {scrutin_model_count(base, SCRUTIN_ENTITY_LIST),
                       scrutin_model_count(m, SCRUTIN_ENTITY_LIST)};
    if (lists[0] != lists[1]) {
        if (!*any)
            fputs("<h3>Parties and coalitions</h3>\n<ul class=\"changes\">\n", f);
        *any = 1;
        fprintf(f, "<li>lists: %zu in the base, %zu here</li>\n", lists[0], lists[1]);
    }
}

int whatif_changes_html(FILE *f, const scrutin_model *model)
{
    const char *path = scrutin_model_base_path(model);
    if (!path)
        return SCRUTIN_OK;
    fputs("<h2>What this what-if changes</h2>\n<p>Its base is <code>", f);
    html_escape(f, path);
    fputs("</code>.", f);
    int oom = 0;
    scrutin_model *base = compile_base(path, &oom);
    if (oom)
        return SCRUTIN_ENOMEM;
    if (!base) {
        /* The merged changes begin with the base's own if it is a what-if, and only the base
           says how many: listing them all would give the base's as this what-if's. */
        fputs(" It could not be read again (scrutin validate says why), so what this what-if "
              "changes cannot be told apart from what its base changes: none is listed.</p>\n",
              f);
    } else
        fputs("</p>\n", f);
    /* The base's changes come first in the merged scenario; the rest are the what-if's. */
    size_t first = base ? scrutin_model_changes(base) : 0, n = scrutin_model_changes(model);
    if (base && n > first) {
        fputs("<h3>Changes</h3>\n<ol class=\"changes\">\n", f);
        for (size_t i = first; i < n; i++) {
            fputs("<li>", f);
            html_escape(f, scrutin_model_change_words(model, i));
            fputs("</li>\n", f);
        }
        fputs("</ol>\n", f);
    }
    int status = SCRUTIN_OK, any = 0;
    if (base) {
        json_doc d = {1};
        json_t *before = report_model_parameters(&d, base), *after = report_model_parameters(&d, model);
        if (!d.ok || !before || !after)
            status = SCRUTIN_ENOMEM;
        else
            diff(f, "", before, after, &any);
        if (any)
            fputs("</ul>\n", f);
        json_decref(before);
        json_decref(after);
        int entities = 0;
        entity_changes(f, base, model, &entities);
        if (entities)
            fputs("</ul>\n", f);
        any |= entities;
    }
    if (status == SCRUTIN_OK && base && !any && n <= first)
        fputs("<p>Its parameters, parties, coalitions and lists are those of its base.</p>\n", f);
    scrutin_model_free(base);
    return status;
}
