/*
 * Merging YAML documents with libyaml's document API. Node pointers of a
 * document move when a node is added to it (its node stack is reallocated),
 * so nodes of the document being built are always fetched again by id after
 * an addition; the source documents are never modified.
 */
#include "yaml_merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scrutin/error.h"

static yaml_node_t *node(yaml_document_t *doc, int id) { return yaml_document_get_node(doc, id); }

static int is_scalar(yaml_node_t *n, const char *text)
{
    return n && n->type == YAML_SCALAR_NODE && strcmp((const char *)n->data.scalar.value, text) == 0;
}

int ydoc_init(ydoc *d)
{
    memset(d, 0, sizeof *d);
    if (!yaml_document_initialize(&d->doc, NULL, NULL, NULL, 1, 1))
        return SCRUTIN_ENOMEM;
    return SCRUTIN_OK;
}

void ydoc_free(ydoc *d)
{
    yaml_document_delete(&d->doc);
    free(d->file);
    d->file = NULL;
    d->n_file = d->cap_file = 0;
}

/* Record the file and marks of the new node @p id. @return @p id, or 0 if out of memory. */
static int adopt(ydoc *d, int id, int file, yaml_mark_t start, yaml_mark_t end)
{
    if (!id)
        return 0;
    size_t need = (size_t)id;
    if (need > d->cap_file) {
        size_t cap = d->cap_file ? 2 * d->cap_file : 64;
        while (cap < need)
            cap *= 2;
        int *grown = realloc(d->file, cap * sizeof *grown);
        if (!grown)
            return 0;
        d->file = grown;
        d->cap_file = cap;
    }
    for (size_t i = d->n_file; i < need; i++)
        d->file[i] = -1;
    if (need > d->n_file)
        d->n_file = need;
    d->file[id - 1] = file;
    yaml_node_t *n = node(&d->doc, id);
    n->start_mark = start;
    n->end_mark = end;
    return id;
}

int ydoc_copy(ydoc *d, yaml_document_t *src, int id, const int *src_file, int file)
{
    yaml_node_t *n = node(src, id);
    if (!n)
        return 0;
    int f = src_file ? src_file[id - 1] : file;
    int copy = 0;
    switch (n->type) {
    case YAML_SCALAR_NODE:
        copy = yaml_document_add_scalar(&d->doc, n->tag, n->data.scalar.value,
                                        (int)n->data.scalar.length, n->data.scalar.style);
        return adopt(d, copy, f, n->start_mark, n->end_mark);
    case YAML_SEQUENCE_NODE:
        copy = adopt(d, yaml_document_add_sequence(&d->doc, n->tag, n->data.sequence.style), f,
                     n->start_mark, n->end_mark);
        for (yaml_node_item_t *it = n->data.sequence.items.start;
             copy && it < n->data.sequence.items.top; it++) {
            int item = ydoc_copy(d, src, *it, src_file, file);
            if (!item || !yaml_document_append_sequence_item(&d->doc, copy, item))
                return 0;
        }
        return copy;
    case YAML_MAPPING_NODE:
        copy = adopt(d, yaml_document_add_mapping(&d->doc, n->tag, n->data.mapping.style), f,
                     n->start_mark, n->end_mark);
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
             copy && p < n->data.mapping.pairs.top; p++) {
            int key = ydoc_copy(d, src, p->key, src_file, file);
            int value = key ? ydoc_copy(d, src, p->value, src_file, file) : 0;
            if (!value || !yaml_document_append_mapping_pair(&d->doc, copy, key, value))
                return 0;
        }
        return copy;
    case YAML_NO_NODE:
        break;
    }
    return 0;
}

/* Index of the pair of @p mapping whose key is @p key, -1 if none. */
static long pair_index(yaml_document_t *doc, int mapping, const char *key)
{
    yaml_node_t *m = node(doc, mapping);
    if (!m || m->type != YAML_MAPPING_NODE)
        return -1;
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++)
        if (is_scalar(node(doc, p->key), key))
            return (long)(p - m->data.mapping.pairs.start);
    return -1;
}

int ydoc_value(yaml_document_t *doc, int mapping, const char *key)
{
    long i = pair_index(doc, mapping, key);
    return i < 0 ? 0 : node(doc, mapping)->data.mapping.pairs.start[i].value;
}

static void set_pair_value(ydoc *d, int mapping, long i, int value)
{
    node(&d->doc, mapping)->data.mapping.pairs.start[i].value = value;
}

/* The `id` of a mapping node, or NULL. */
static const char *entity_id(yaml_document_t *doc, int id)
{
    yaml_node_t *v = node(doc, ydoc_value(doc, id, "id"));
    return v && v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : NULL;
}

/* 1 if @p seq is a non-empty sequence of mappings that each have an `id`. */
static int is_entity_sequence(yaml_document_t *doc, int seq)
{
    yaml_node_t *s = node(doc, seq);
    if (!s || s->type != YAML_SEQUENCE_NODE || s->data.sequence.items.start == s->data.sequence.items.top)
        return 0;
    for (yaml_node_item_t *it = s->data.sequence.items.start; it < s->data.sequence.items.top; it++)
        if (node(doc, *it)->type != YAML_MAPPING_NODE || !entity_id(doc, *it))
            return 0;
    return 1;
}

static int append_copies(ydoc *d, int into, yaml_document_t *src, int seq, int file)
{
    size_t n = (size_t)(node(src, seq)->data.sequence.items.top -
                        node(src, seq)->data.sequence.items.start);
    for (size_t i = 0; i < n; i++) {
        int item = ydoc_copy(d, src, node(src, seq)->data.sequence.items.start[i], NULL, file);
        if (!item || !yaml_document_append_sequence_item(&d->doc, into, item))
            return SCRUTIN_ENOMEM;
    }
    return SCRUTIN_OK;
}

/* Update the entities of @p into by id from those of @p seq; new ids are appended. */
static int upsert(ydoc *d, int into, yaml_document_t *src, int seq, int file)
{
    size_t n = (size_t)(node(src, seq)->data.sequence.items.top -
                        node(src, seq)->data.sequence.items.start);
    for (size_t i = 0; i < n; i++) {
        int item = node(src, seq)->data.sequence.items.start[i];
        const char *id = entity_id(src, item);
        int match = 0;
        yaml_node_t *target = node(&d->doc, into);
        for (yaml_node_item_t *it = target->data.sequence.items.start;
             it < target->data.sequence.items.top && !match; it++) {
            const char *other = entity_id(&d->doc, *it);
            if (other && strcmp(other, id) == 0)
                match = *it;
        }
        int status;
        if (match) {
            status = ydoc_merge(d, match, src, item, file, 0);
        } else {
            int copy = ydoc_copy(d, src, item, NULL, file);
            status = copy && yaml_document_append_sequence_item(&d->doc, into, copy)
                         ? SCRUTIN_OK
                         : SCRUTIN_ENOMEM;
        }
        if (status != SCRUTIN_OK)
            return status;
    }
    return SCRUTIN_OK;
}

int ydoc_merge(ydoc *d, int into, yaml_document_t *src, int id, int file, int top)
{
    size_t n = (size_t)(node(src, id)->data.mapping.pairs.top - node(src, id)->data.mapping.pairs.start);
    for (size_t i = 0; i < n; i++) {
        yaml_node_pair_t pair = node(src, id)->data.mapping.pairs.start[i];
        yaml_node_t *key = node(src, pair.key);
        if (key->type != YAML_SCALAR_NODE) {
            /* Not a key of the format: added as it is, for libcyaml to report. */
            int k = ydoc_copy(d, src, pair.key, NULL, file);
            int v = k ? ydoc_copy(d, src, pair.value, NULL, file) : 0;
            if (!v || !yaml_document_append_mapping_pair(&d->doc, into, k, v))
                return SCRUTIN_ENOMEM;
            continue;
        }
        const char *name = (const char *)key->data.scalar.value;
        if (top && strcmp(name, "base") == 0)
            continue;
        long at = pair_index(&d->doc, into, name);
        if (at < 0) {
            int k = ydoc_copy(d, src, pair.key, NULL, file);
            int v = k ? ydoc_copy(d, src, pair.value, NULL, file) : 0;
            if (!v || !yaml_document_append_mapping_pair(&d->doc, into, k, v))
                return SCRUTIN_ENOMEM;
            continue;
        }
        int old = node(&d->doc, into)->data.mapping.pairs.start[at].value;
        yaml_node_type_t old_type = node(&d->doc, old)->type, new_type = node(src, pair.value)->type;
        int status = SCRUTIN_OK;
        if (old_type == YAML_MAPPING_NODE && new_type == YAML_MAPPING_NODE) {
            status = ydoc_merge(d, old, src, pair.value, file, 0);
        } else if (top && strcmp(name, "changes") == 0 && old_type == YAML_SEQUENCE_NODE &&
                   new_type == YAML_SEQUENCE_NODE) {
            status = append_copies(d, old, src, pair.value, file);
        } else if (is_entity_sequence(&d->doc, old) && is_entity_sequence(src, pair.value)) {
            status = upsert(d, old, src, pair.value, file);
        } else {
            int v = ydoc_copy(d, src, pair.value, NULL, file);
            if (!v)
                return SCRUTIN_ENOMEM;
            set_pair_value(d, into, at, v);
        }
        if (status != SCRUTIN_OK)
            return status;
    }
    return SCRUTIN_OK;
}

static int add_plain(ydoc *d, const char *text, int file, yaml_mark_t mark)
{
    return adopt(d,
                 yaml_document_add_scalar(&d->doc, NULL, (const yaml_char_t *)text,
                                          (int)strlen(text), YAML_PLAIN_SCALAR_STYLE),
                 file, mark, mark);
}

/* Put @p value under @p key of @p mapping, replacing its value or adding the pair. */
static int put(ydoc *d, int mapping, const char *key, int value, int file, yaml_mark_t mark)
{
    long at = pair_index(&d->doc, mapping, key);
    if (at >= 0) {
        set_pair_value(d, mapping, at, value);
        return SCRUTIN_OK;
    }
    int k = add_plain(d, key, file, mark);
    if (!k || !yaml_document_append_mapping_pair(&d->doc, mapping, k, value))
        return SCRUTIN_ENOMEM;
    return SCRUTIN_OK;
}

int ydoc_set_root_scalar(ydoc *d, const char *key, const char *text, int file, yaml_mark_t mark)
{
    int value = add_plain(d, text, file, mark);
    if (!value)
        return SCRUTIN_ENOMEM;
    return put(d, 1, key, value, file, mark);
}

int ydoc_set_path(ydoc *d, const char *path, const char *value, int file, char *why,
                  size_t why_size)
{
    /* A set value has no line: line + 1 wraps to 0, "no line", wherever lines are looked up. */
    const yaml_mark_t mark = {0, (size_t)-1, 0};
    int cur = 1; /* the root */
    const char *p = path;
    char step[256];
    if (!path[0]) {
        snprintf(why, why_size, "the path is empty");
        return SCRUTIN_EINPUT;
    }
    while (*p) {
        int index = *p == '[';
        size_t len = 0;
        const char *start = p + index;
        while (start[len] && start[len] != (index ? ']' : '.') && (index || start[len] != '['))
            len++;
        if (len == 0 || len >= sizeof step || (index && start[len] != ']')) {
            snprintf(why, why_size, "\"%s\" is not a path: keys separated by '.', items as [N]",
                     path);
            return SCRUTIN_EINPUT;
        }
        memcpy(step, start, len);
        step[len] = '\0';
        p = start + len + index;
        if (*p == '.')
            p++;
        int last = *p == '\0';
        /* What the path names up to this step, for messages. */
        int prefix = start > path ? (int)(start - path) - 1 : 0;
        const char *what = prefix ? path : "the scenario";
        if (!prefix)
            prefix = (int)strlen(what);
        yaml_node_t *n = node(&d->doc, cur);
        if (index) {
            char *end = NULL;
            unsigned long k = strtoul(step, &end, 10);
            size_t count = n && n->type == YAML_SEQUENCE_NODE
                               ? (size_t)(n->data.sequence.items.top - n->data.sequence.items.start)
                               : 0;
            if (!n || n->type != YAML_SEQUENCE_NODE || *end || k >= count) {
                snprintf(why, why_size, "%.*s has no item [%s]%s", prefix, what, step,
                         n && n->type == YAML_SEQUENCE_NODE ? "" : ": it is not a sequence");
                return SCRUTIN_EINPUT;
            }
            if (last) {
                int v = add_plain(d, value, file, mark);
                if (!v)
                    return SCRUTIN_ENOMEM;
                node(&d->doc, cur)->data.sequence.items.start[k] = v;
            } else {
                cur = n->data.sequence.items.start[k];
            }
            continue;
        }
        if (!n || n->type != YAML_MAPPING_NODE) {
            snprintf(why, why_size, "%.*s is not a mapping: it has no key \"%s\"", prefix, what,
                     step);
            return SCRUTIN_EINPUT;
        }
        int next = ydoc_value(&d->doc, cur, step);
        if (last || !next) {
            int v = last ? add_plain(d, value, file, mark)
                         : adopt(d,
                                 yaml_document_add_mapping(&d->doc, NULL,
                                                           YAML_BLOCK_MAPPING_STYLE),
                                 file, mark, mark);
            if (!v || put(d, cur, step, v, file, mark) != SCRUTIN_OK)
                return SCRUTIN_ENOMEM;
            next = v;
        }
        cur = next;
    }
    return SCRUTIN_OK;
}
