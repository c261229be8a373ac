/*
 * The merged document of a what-if as YAML text, for libcyaml to read with
 * the one schema, and libcyaml's messages about that text taken back to the
 * file and line the merge took each value from (inherit.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merged_text.h"
#include "scenario_types.h"

static unsigned line_of(yaml_node_t *n) { return n ? (unsigned)n->start_mark.line + 1 : 0; }

static int on_write(void *data, unsigned char *buffer, size_t size)
{
    merged_text *t = data;
    if (t->len + size + 1 > t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 4096;
        while (cap < t->len + size + 1)
            cap *= 2;
        char *grown = realloc(t->data, cap);
        if (!grown)
            return 0;
        t->data = grown;
        t->cap = cap;
    }
    memcpy(t->data + t->len, buffer, size);
    t->len += size;
    t->data[t->len] = '\0';
    return 1;
}

/* The emitter consumes a copy: the merge is kept for lines. */
int merged_text_emit(ydoc *m, merged_text *out)
{
    ydoc copy;
    if (ydoc_init(&copy) != SCRUTIN_OK)
        return SCRUTIN_ENOMEM;
    if (!ydoc_copy(&copy, &m->doc, 1, NULL, -1)) {
        ydoc_free(&copy);
        return SCRUTIN_ENOMEM;
    }
    free(copy.file);
    yaml_emitter_t emitter;
    if (!yaml_emitter_initialize(&emitter)) {
        yaml_document_delete(&copy.doc);
        return SCRUTIN_ENOMEM;
    }
    yaml_emitter_set_output(&emitter, on_write, out);
    yaml_emitter_set_unicode(&emitter, 1);
    yaml_emitter_set_width(&emitter, -1);
    /* yaml_emitter_dump takes the document and deletes it, even when it fails. */
    int ok = yaml_emitter_open(&emitter) && yaml_emitter_dump(&emitter, &copy.doc) &&
             yaml_emitter_close(&emitter) && yaml_emitter_flush(&emitter);
    yaml_emitter_delete(&emitter);
    return ok && out->data ? SCRUTIN_OK : SCRUTIN_ENOMEM;
}

/* Map each node of @p e (the emitted text, parsed again) to its node in @p m: same shape. */
static void map_nodes(yaml_document_t *e, int ei, yaml_document_t *m, int mi, int *map)
{
    yaml_node_t *en = yaml_document_get_node(e, ei), *mn = yaml_document_get_node(m, mi);
    if (!en || !mn || en->type != mn->type)
        return;
    map[ei - 1] = mi;
    if (en->type == YAML_SEQUENCE_NODE) {
        long n = en->data.sequence.items.top - en->data.sequence.items.start;
        if (n != mn->data.sequence.items.top - mn->data.sequence.items.start)
            return;
        for (long i = 0; i < n; i++)
            map_nodes(e, en->data.sequence.items.start[i], m, mn->data.sequence.items.start[i],
                      map);
    } else if (en->type == YAML_MAPPING_NODE) {
        long n = en->data.mapping.pairs.top - en->data.mapping.pairs.start;
        if (n != mn->data.mapping.pairs.top - mn->data.mapping.pairs.start)
            return;
        for (long i = 0; i < n; i++) {
            yaml_node_pair_t ep = en->data.mapping.pairs.start[i];
            yaml_node_pair_t mp = mn->data.mapping.pairs.start[i];
            map_nodes(e, ep.key, m, mp.key, map);
            map_nodes(e, ep.value, m, mp.value, map);
        }
    }
}

/*
 * libcyaml names a line of the emitted text, and often a token (the key or
 * value it choked on): find that token near that line, else the last node
 * that starts on or before it, and report it where the merge took it from.
 */
int merged_text_report_error(const merged_text *t, ydoc *m, const char *const *paths,
                             size_t n_paths, const char *path, const char *message,
                             unsigned line0, scrutin_ctx *ctx)
{
    yaml_parser_t parser;
    yaml_document_t e;
    const char *file = path;
    unsigned line = 0;
    if (yaml_parser_initialize(&parser)) {
        yaml_parser_set_input_string(&parser, (const unsigned char *)t->data, t->len);
        if (yaml_parser_load(&parser, &e)) {
            size_t n = (size_t)(e.nodes.top - e.nodes.start);
            int *map = calloc(n + 1, sizeof *map);
            if (map && n) {
                map_nodes(&e, 1, &m->doc, 1, map);
                char token[256] = "";
                const char *q = strchr(message, '\'');
                const char *colon = strrchr(message, ':');
                if (q && strchr(q + 1, '\''))
                    snprintf(token, sizeof token, "%.*s", (int)(strchr(q + 1, '\'') - q - 1), q + 1);
                else if (colon)
                    snprintf(token, sizeof token, "%s", colon + 1 + (colon[1] == ' '));
                size_t best = n, fallback = n;
                size_t best_gap = (size_t)-1;
                for (size_t i = 0; i < n; i++) {
                    yaml_node_t *x = &e.nodes.start[i];
                    if (x->start_mark.line <= line0 &&
                        (fallback == n || x->start_mark.line >= e.nodes.start[fallback].start_mark.line))
                        fallback = i;
                    if (token[0] && x->type == YAML_SCALAR_NODE &&
                        strcmp((const char *)x->data.scalar.value, token) == 0) {
                        size_t gap = x->start_mark.line > line0 ? x->start_mark.line - line0
                                                                : line0 - x->start_mark.line;
                        if (gap < best_gap) {
                            best_gap = gap;
                            best = i;
                        }
                    }
                }
                size_t pick = best < n ? best : fallback;
                int mi = pick < n ? map[pick] : 0;
                if (mi > 0) {
                    int f = (size_t)mi <= m->n_file ? m->file[mi - 1] : -1;
                    if (f >= 0 && (size_t)f < n_paths)
                        file = paths[f];
                    line = line_of(yaml_document_get_node(&m->doc, mi));
                }
            }
            free(map);
            yaml_document_delete(&e);
        }
        yaml_parser_delete(&parser);
    }
    char words[1024];
    scn_cyaml_words(message, NULL, words, sizeof words);
    return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, file, line, NULL, "%s", words);
}
