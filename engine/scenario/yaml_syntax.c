/*
 * A YAML syntax error, reported where an analyst can fix it. libyaml names the
 * place where it noticed the problem (its problem mark). For most errors that
 * is the culprit, but not for a quoted value whose closing quote is missing:
 * since a quoted value may span lines, it runs on to the end of the file (or
 * to the next document marker), or to the next quote of the file, and libyaml
 * trips on whatever follows, far below the mistake. Such an error is named
 * where the quote opens (libyaml's context mark, or the start of the quoted
 * value that ends where libyaml tripped), with the key whose value it is as
 * the field, found by parsing the file again as events up to the error.
 */
#include "scenario_types.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* A collection open at the point of the error: where its next node goes. */
typedef struct frame {
    bool mapping;
    bool want_value; /* a mapping whose key was read: the next node is its value */
    char key[96];    /* that key (a mapping); "" for a key that is not a scalar */
    long index;      /* the item being read (a sequence), -1 before the first */
} frame;

enum { MAX_DEPTH = 32 };

typedef struct walk {
    frame frames[MAX_DEPTH];
    size_t depth;  /* open collections, the innermost last */
    size_t beyond; /* open collections deeper than MAX_DEPTH: the field is not named */
} walk;

/* A node begins in the innermost collection: a mapping's key, a mapping's value or an item. */
static void node_begins(walk *w, const yaml_event_t *e)
{
    if (w->depth == 0 || w->beyond)
        return;
    frame *f = &w->frames[w->depth - 1];
    if (!f->mapping)
        f->index++;
    else if (!f->want_value)
        snprintf(f->key, sizeof f->key, "%s",
                 e->type == YAML_SCALAR_EVENT ? (const char *)e->data.scalar.value : "");
}

/* A node ends: after a key comes its value, after a value the next key. */
static void node_ends(walk *w)
{
    if (w->depth == 0 || w->beyond)
        return;
    frame *f = &w->frames[w->depth - 1];
    if (f->mapping)
        f->want_value = !f->want_value;
}

static void collection_opens(walk *w, bool mapping)
{
    if (w->depth == MAX_DEPTH || w->beyond) {
        w->beyond++;
        return;
    }
    w->frames[w->depth++] = (frame){.mapping = mapping, .index = -1};
}

static void collection_closes(walk *w)
{
    if (w->beyond)
        w->beyond--;
    else if (w->depth)
        w->depth--;
    node_ends(w);
}

/* Follow one event; @return false at the end of the stream. */
static bool follow(walk *w, const yaml_event_t *e)
{
    switch (e->type) {
    case YAML_SCALAR_EVENT:
    case YAML_ALIAS_EVENT:
        node_begins(w, e);
        node_ends(w);
        break;
    case YAML_MAPPING_START_EVENT:
    case YAML_SEQUENCE_START_EVENT:
        node_begins(w, e);
        collection_opens(w, e->type == YAML_MAPPING_START_EVENT);
        break;
    case YAML_MAPPING_END_EVENT:
    case YAML_SEQUENCE_END_EVENT: collection_closes(w); break;
    case YAML_STREAM_END_EVENT: return false;
    default: break;
    }
    return true;
}

/*
 * The path of the next node of the innermost open collection ("model.runoff.sd_list",
 * "parties[2]"), written as the compiler names fields, into @p out: the node libyaml was reading
 * when it failed. For a key, the mapping's path. "" if it cannot be told (a node outside any
 * mapping, a key that is not a scalar, a very deep document).
 */
static void next_node_path(const walk *w, char *out, size_t size)
{
    out[0] = '\0';
    if (w->beyond || w->depth == 0)
        return;
    size_t used = 0;
    for (size_t i = 0; i < w->depth && used < size; i++) {
        const frame *f = &w->frames[i];
        bool last = i + 1 == w->depth;
        int n;
        if (f->mapping && !f->want_value) {
            /* The node is a key of this mapping: the mapping itself is the field. */
            if (!last || i == 0)
                out[0] = '\0';
            return;
        }
        if (f->mapping) {
            if (!f->key[0]) {
                out[0] = '\0';
                return;
            }
            n = snprintf(out + used, size - used, "%s%s", used ? "." : "", f->key);
        } else {
            n = snprintf(out + used, size - used, "[%ld]", last ? f->index + 1 : f->index);
        }
        used += n > 0 ? (size_t)n : 0;
    }
    if (used >= size)
        out[0] = '\0';
}

/* What the events up to the error tell. */
typedef struct at_error {
    char field[256]; /* the node libyaml was reading, "" if it cannot be told */
    /* The last event before the error, if it was a quoted value over several lines: */
    bool after_quoted;
    char quoted_field[256]; /* its field */
    unsigned quoted_opens;  /* its first line (1-based) */
    unsigned quoted_closes; /* its last line, where its closing quote is */
} at_error;

static bool quoted_over_lines(const yaml_event_t *e)
{
    return e->type == YAML_SCALAR_EVENT &&
           (e->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
            e->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
           e->end_mark.line > e->start_mark.line;
}

/* Parse the file's text (as read once) again as events, up to its error, into @p out. */
static void events_to_error(const char *text, size_t len, at_error *out)
{
    *out = (at_error){.after_quoted = false};
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return;
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    walk w = {.depth = 0};
    for (;;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&parser, &e)) {
            next_node_path(&w, out->field, sizeof out->field);
            break;
        }
        out->after_quoted = quoted_over_lines(&e);
        if (out->after_quoted) {
            next_node_path(&w, out->quoted_field, sizeof out->quoted_field);
            out->quoted_opens = (unsigned)e.start_mark.line + 1;
            out->quoted_closes = (unsigned)e.end_mark.line + 1;
        }
        bool more = follow(&w, &e);
        yaml_event_delete(&e);
        if (!more)
            break; /* no error the second time: nothing to tell */
    }
    yaml_parser_delete(&parser);
}

/* libyaml's words for a quoted value that is never closed, which it reports where it ends. */
static bool unclosed_quote(const yaml_parser_t *parser)
{
    return parser->context && strcmp(parser->context, "while scanning a quoted scalar") == 0 &&
           parser->problem &&
           (strcmp(parser->problem, "found unexpected end of stream") == 0 ||
            strcmp(parser->problem, "found unexpected document indicator") == 0);
}

int scn_yaml_syntax_error(const char *path, const char *text, size_t len,
                          const yaml_parser_t *parser, scrutin_ctx *ctx)
{
    const char *problem = parser->problem ? parser->problem : "malformed YAML";
    const char *context = parser->context ? parser->context : "";
    const char *space = parser->context ? " " : "";
    unsigned noticed = (unsigned)parser->problem_mark.line + 1;
    at_error at;
    events_to_error(text, len, &at);
    if (unclosed_quote(parser)) {
        char runs[96] = "the file ends inside it";
        if (strcmp(problem, "found unexpected document indicator") == 0)
            snprintf(runs, sizeof runs, "it runs on to the document marker on line %u", noticed);
        return scrutin_ctx_error(ctx, SCRUTIN_ESYNTAX, path,
                                 (unsigned)parser->context_mark.line + 1,
                                 at.field[0] ? at.field : NULL,
                                 "YAML syntax error: the quoted value that opens on this line is "
                                 "never closed: %s (libyaml: %s %s)",
                                 runs, problem, context);
    }
    /*
     * A quote left open is usually closed by the next quote of the file, and the value then
     * runs on over several lines until libyaml trips on what follows that quote: an error on
     * the line where a quoted value over several lines ends, or on the next one (when that
     * quote ends its line, libyaml reads on before it trips), is named where that value opens.
     */
    if (at.after_quoted && at.quoted_opens < at.quoted_closes &&
        (noticed == at.quoted_closes || noticed == at.quoted_closes + 1))
        return scrutin_ctx_error(ctx, SCRUTIN_ESYNTAX, path, at.quoted_opens,
                                 at.quoted_field[0] ? at.quoted_field : NULL,
                                 "YAML syntax error: the quoted value that opens on this line "
                                 "runs on to line %u, where libyaml %s%s%s: is its closing quote "
                                 "missing?",
                                 noticed, problem, space, context);
    return scrutin_ctx_error(ctx, SCRUTIN_ESYNTAX, path, noticed, NULL, "YAML syntax error: %s%s%s",
                             problem, space, context);
}
