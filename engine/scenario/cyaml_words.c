/*
 * libcyaml's messages in the user's terms: "Expecting SEQUENCE, got event:
 * SCALAR" says what the key expects ("a list"), "Unexpected key: X" offers the
 * nearest key of the format, "Invalid ENUM value: X" lists the allowed words.
 * The keys and words come from the schema itself (scn_doc_schema), so that
 * they cannot drift from what the loader accepts.
 */
#include "scenario_types.h"

#include <stdio.h>
#include <string.h>

#include "scrutin/text.h"

/* Keys of the schema, at most (the format has about a hundred). */
enum { MAX_KEYS = 256 };

typedef struct key_walk {
    const char *keys[MAX_KEYS];
    size_t n;
    const char *field;                 /* the key whose enumeration is wanted */
    const cyaml_schema_value_t *found; /* its value's schema, once met */
} key_walk;

static void walk(key_walk *w, const cyaml_schema_value_t *v, int depth)
{
    if (!v || depth > 16)
        return;
    if (v->type == CYAML_SEQUENCE || v->type == CYAML_SEQUENCE_FIXED) {
        walk(w, v->sequence.entry, depth + 1);
        return;
    }
    if (v->type != CYAML_MAPPING)
        return;
    for (const cyaml_schema_field_t *f = v->mapping.fields; f && f->key; f++) {
        int seen = 0;
        for (size_t i = 0; i < w->n && !seen; i++)
            seen = strcmp(w->keys[i], f->key) == 0;
        if (!seen && w->n < MAX_KEYS)
            w->keys[w->n++] = f->key;
        if (w->field && !w->found && f->value.type == CYAML_ENUM && strcmp(f->key, w->field) == 0)
            w->found = &f->value;
        walk(w, &f->value, depth + 1);
    }
}

/* What a libyaml event is, said as what the user wrote. */
static const char *written(const char *event)
{
    if (strncmp(event, "SCALAR", 6) == 0)
        return "a single value";
    if (strncmp(event, "SEQUENCE", 8) == 0)
        return "a list";
    if (strncmp(event, "MAPPING", 7) == 0)
        return "a mapping of keys";
    return event;
}

/* What libcyaml expected, said as what the user should write. */
static const char *wanted(const char *type)
{
    if (strncmp(type, "SEQUENCE", 8) == 0)
        return "a list (lines starting with '- ', or [a, b])";
    if (strncmp(type, "MAPPING", 7) == 0)
        return "a mapping of keys (lines 'key: value', or {key: value})";
    if (strncmp(type, "SCALAR", 6) == 0)
        return "a single value";
    return type;
}

void scn_cyaml_words(const char *text, const char *field, char *out, size_t size)
{
    const char *v;
    key_walk w = {.n = 0, .field = field && field[0] ? field : NULL, .found = NULL};
    if ((v = strstr(text, "Unexpected key: "))) {
        v += strlen("Unexpected key: ");
        walk(&w, &scn_doc_schema, 0);
        const char *near = scrutin_suggest(v, w.keys, w.n);
        if (near)
            snprintf(out, size, "unknown key \"%s\": did you mean \"%s\"?", v, near);
        else
            snprintf(out, size, "unknown key \"%s\" (docs/scenario-format.md lists the keys)", v);
    } else if ((v = strstr(text, "Expecting "))) {
        char type[32] = "";
        sscanf(v, "Expecting %31[A-Z_]", type);
        const char *got = strstr(v, "got event: ");
        snprintf(out, size, "expected %s here, but found %s", wanted(type),
                 got ? written(got + strlen("got event: ")) : "something else");
    } else if ((v = strstr(text, "Invalid ENUM value: "))) {
        v += strlen("Invalid ENUM value: ");
        walk(&w, &scn_doc_schema, 0);
        int n = snprintf(out, size, "\"%s\" is not allowed here", v);
        if (w.found && n > 0 && (size_t)n < size) {
            size_t used = (size_t)n;
            for (uint32_t i = 0; i < w.found->enumeration.count && used < size; i++) {
                int k = snprintf(out + used, size - used, "%s%s", i ? ", " : ": expected ",
                                 w.found->enumeration.strings[i].str);
                used += k > 0 ? (size_t)k : 0;
            }
        }
    } else if ((v = strstr(text, "Mapping field already seen: "))) {
        snprintf(out, size, "the key \"%s\" is given twice: keep one",
                 v + strlen("Mapping field already seen: "));
    } else if ((v = strstr(text, "Missing required mapping field: "))) {
        snprintf(out, size, "the key \"%s\" is required here",
                 v + strlen("Missing required mapping field: "));
    } else if ((v = strstr(text, "Invalid FLOAT value: "))) {
        snprintf(out, size, "\"%s\" is not a number", v + strlen("Invalid FLOAT value: "));
    } else if ((v = strstr(text, "Invalid ")) && strstr(v, " value: ")) {
        /* INT, UINT, uint64_t: the other numbers of the schema are whole. */
        snprintf(out, size, "%s is not a whole number >= 0", strstr(v, " value: ") + 8);
    } else {
        snprintf(out, size, "%s", text);
    }
}
