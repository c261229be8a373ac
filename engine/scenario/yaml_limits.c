/*
 * Limits and strictness checked on a YAML file before it is loaded (docs/scenario.md,
 * "Limits"). libyaml's document loader and libcyaml follow the text wherever it goes: an
 * alias bomb (anchors of anchors) expands to billions of values in libcyaml and in the
 * what-if merge, and a deep nesting costs libyaml time that grows with the square of the depth.
 * So the file is first parsed as an event stream, which costs neither: it is refused at the
 * first event that passes a limit. The same pass refuses a second YAML document in the file,
 * which the loader would ignore in silence. After loading, every mapping is checked for a key
 * given twice (libcyaml refuses it in a base file, but the what-if merge would keep the last),
 * and a what-if's sequences of entities for an id given twice.
 */
#include <stdlib.h>
#include <string.h>

#include "scenario_types.h"
#include "yaml_limits.h"

typedef struct anchor {
    const char *name; /* owned by the event kept in the frame, then copied */
    char *copy;
    size_t size;      /* values it stands for, aliases inside it expanded */
} anchor;

typedef struct frame {
    char *anchor;     /* of the open collection, or NULL */
    size_t start;     /* values counted when it opened */
    size_t anchors;   /* anchors kept when it opened */
} frame;

typedef struct events {
    frame stack[SCN_YAML_MAX_DEPTH + 1];
    size_t depth;
    anchor *anchors;
    size_t n_anchors;
    size_t values;    /* values so far, every alias counted as what it stands for */
} events;

static int keep_anchor(events *e, const char *name, size_t size)
{
    if (e->n_anchors == SCN_YAML_MAX_ANCHORS)
        return SCRUTIN_EINPUT;
    anchor *grown = realloc(e->anchors, (e->n_anchors + 1) * sizeof *grown);
    if (!grown)
        return SCRUTIN_ENOMEM;
    e->anchors = grown;
    char *copy = strdup(name);
    if (!copy)
        return SCRUTIN_ENOMEM;
    e->anchors[e->n_anchors++] = (anchor){copy, copy, size};
    return SCRUTIN_OK;
}

static size_t anchor_size(const events *e, const char *name)
{
    /* The latest anchor of that name: YAML lets a name be anchored again. */
    for (size_t i = e->n_anchors; i-- > 0;)
        if (strcmp(e->anchors[i].name, name) == 0)
            return e->anchors[i].size;
    return 0; /* an unknown alias: libyaml's loader reports it */
}

/* Whether an alias of @p name names a collection still open: libyaml anchors a collection where
 * it starts, so such an alias makes the document a cycle, which every later walk of the tree
 * (libcyaml's, the what-if merge's) would follow forever. An anchor of that name completed since
 * the collection opened is the one the alias means, and is fine. */
static int alias_is_recursive(const events *e, const char *name)
{
    for (size_t d = 0; d < e->depth; d++) {
        const frame *f = &e->stack[d];
        if (!f->anchor || strcmp(f->anchor, name) != 0)
            continue;
        int newer = 0;
        for (size_t i = f->anchors; i < e->n_anchors && !newer; i++)
            newer = strcmp(e->anchors[i].name, name) == 0;
        if (!newer)
            return 1;
    }
    return 0;
}

static int refuse(scrutin_ctx *ctx, const char *path, const yaml_event_t *ev, const char *what)
{
    return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, (unsigned)ev->start_mark.line + 1, NULL,
                             "%s", what);
}

/* One event. @return 0, SCRUTIN_EINPUT (reported), SCRUTIN_ENOMEM; *done at the stream's end */
static int follow(events *e, const yaml_event_t *ev, unsigned *documents, const char *path,
                  scrutin_ctx *ctx)
{
    const char *name = NULL;
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++*documents > 1)
            return refuse(ctx, path, ev,
                          "a second YAML document begins here: a scenario file holds one "
                          "document (remove the '---' and what follows, or give it a file of "
                          "its own)");
        return SCRUTIN_OK;
    case YAML_ALIAS_EVENT:
        if (alias_is_recursive(e, (const char *)ev->data.alias.anchor))
            return refuse(ctx, path, ev,
                          "an alias ('*') inside the collection its anchor ('&') names: the "
                          "value would contain itself; copy the values instead");
        e->values += anchor_size(e, (const char *)ev->data.alias.anchor);
        break;
    case YAML_SCALAR_EVENT:
        e->values++;
        name = (const char *)ev->data.scalar.anchor;
        if (name) {
            int status = keep_anchor(e, name, 1);
            if (status != SCRUTIN_OK)
                return status == SCRUTIN_EINPUT
                           ? refuse(ctx, path, ev, "too many anchors ('&'): a scenario file may "
                                                   "hold at most " SCN_YAML_STR(SCN_YAML_MAX_ANCHORS))
                           : status;
        }
        break;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        e->values++;
        if (e->depth == SCN_YAML_MAX_DEPTH)
            return refuse(ctx, path, ev,
                          "the values are nested more than " SCN_YAML_STR(SCN_YAML_MAX_DEPTH)
                          " levels deep here: a scenario needs a handful");
        name = ev->type == YAML_SEQUENCE_START_EVENT
                   ? (const char *)ev->data.sequence_start.anchor
                   : (const char *)ev->data.mapping_start.anchor;
        e->stack[e->depth].anchor = name ? strdup(name) : NULL;
        if (name && !e->stack[e->depth].anchor)
            return SCRUTIN_ENOMEM;
        e->stack[e->depth].start = e->values;
        e->stack[e->depth].anchors = e->n_anchors;
        e->depth++;
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (e->depth > 0) {
            frame *f = &e->stack[--e->depth];
            int status = SCRUTIN_OK;
            if (f->anchor)
                status = keep_anchor(e, f->anchor, e->values - f->start + 1);
            free(f->anchor);
            f->anchor = NULL;
            if (status == SCRUTIN_EINPUT)
                return refuse(ctx, path, ev, "too many anchors ('&'): a scenario file may hold "
                                             "at most " SCN_YAML_STR(SCN_YAML_MAX_ANCHORS));
            if (status != SCRUTIN_OK)
                return status;
        }
        break;
    default:
        return SCRUTIN_OK;
    }
    if (e->values > SCN_YAML_MAX_VALUES)
        return refuse(ctx, path, ev,
                      "the file stands for more than " SCN_YAML_STR(SCN_YAML_MAX_VALUES)
                      " values once its aliases ('*') are expanded: an alias bomb? A scenario "
                      "file has a few thousand");
    return SCRUTIN_OK;
}

int scn_yaml_check_events(const char *path, const char *text, size_t len, scrutin_ctx *ctx)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return SCRUTIN_ENOMEM;
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    events e = {.depth = 0};
    unsigned documents = 0;
    int status = SCRUTIN_OK;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            /* A syntax error: the loader reports it, with its own care for the line. */
            if (parser.error == YAML_MEMORY_ERROR)
                status = SCRUTIN_ENOMEM;
            break;
        }
        bool end = ev.type == YAML_STREAM_END_EVENT;
        status = follow(&e, &ev, &documents, path, ctx);
        yaml_event_delete(&ev);
        if (end || status != SCRUTIN_OK)
            break;
    }
    yaml_parser_delete(&parser);
    for (size_t i = 0; i < e.depth; i++)
        free(e.stack[i].anchor);
    for (size_t i = 0; i < e.n_anchors; i++)
        free(e.anchors[i].copy);
    free(e.anchors);
    return status;
}

/* ---- after loading: a key, or a what-if's id, given twice ---------------------------- */

typedef struct keyed {
    const char *text;
    unsigned line;
} keyed;

static int by_text_then_line(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Report the first text of @p k given twice. @return 0, SCRUTIN_EINPUT */
static int twice(keyed *k, size_t n, const char *path, const char *what, scrutin_ctx *ctx)
{
    qsort(k, n, sizeof *k, by_text_then_line);
    for (size_t i = 1; i < n; i++)
        if (strcmp(k[i - 1].text, k[i].text) == 0)
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, k[i].line, k[i].text,
                                     "%s \"%s\" is given twice: here and on line %u; keep one",
                                     what, k[i].text, k[i - 1].line);
    return SCRUTIN_OK;
}

static const char *scalar_text(yaml_document_t *doc, int id)
{
    yaml_node_t *n = yaml_document_get_node(doc, id);
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* The id of mapping node @p n, or NULL. */
static yaml_node_t *entity_id(yaml_document_t *doc, yaml_node_t *n)
{
    if (!n || n->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        const char *key = scalar_text(doc, p->key);
        yaml_node_t *v = yaml_document_get_node(doc, p->value);
        if (key && strcmp(key, "id") == 0 && v && v->type == YAML_SCALAR_NODE)
            return v;
    }
    return NULL;
}

static int check_mapping(yaml_document_t *doc, yaml_node_t *n, const char *path, scrutin_ctx *ctx)
{
    size_t count = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    keyed *k = malloc((count ? count : 1) * sizeof *k);
    if (!k)
        return SCRUTIN_ENOMEM;
    size_t used = 0;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *key = yaml_document_get_node(doc, p->key);
        if (key && key->type == YAML_SCALAR_NODE)
            k[used++] = (keyed){(const char *)key->data.scalar.value,
                                (unsigned)key->start_mark.line + 1};
    }
    int status = twice(k, used, path, "the key", ctx);
    free(k);
    return status;
}

static int check_entities(yaml_document_t *doc, yaml_node_t *n, const char *path,
                          scrutin_ctx *ctx)
{
    size_t count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (count < 2)
        return SCRUTIN_OK;
    keyed *k = malloc(count * sizeof *k);
    if (!k)
        return SCRUTIN_ENOMEM;
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *id =
            entity_id(doc, yaml_document_get_node(doc, n->data.sequence.items.start[i]));
        if (!id) {
            free(k);
            return SCRUTIN_OK; /* not a sequence of entities */
        }
        k[i] = (keyed){(const char *)id->data.scalar.value, (unsigned)id->start_mark.line + 1};
    }
    int status = twice(k, count, path, "a what-if updates each id once: the id", ctx);
    free(k);
    return status;
}

int scn_yaml_check_twice(const char *path, yaml_document_t *doc, bool whatif, scrutin_ctx *ctx)
{
    int status = SCRUTIN_OK;
    /* Nodes are an array: every mapping and sequence once, aliases being references. */
    for (yaml_node_t *n = doc->nodes.start; n < doc->nodes.top && status == SCRUTIN_OK; n++) {
        if (n->type == YAML_MAPPING_NODE)
            status = check_mapping(doc, n, path, ctx);
        else if (whatif && n->type == YAML_SEQUENCE_NODE)
            status = check_entities(doc, n, path, ctx);
    }
    return status;
}
