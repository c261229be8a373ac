/*
 * The numbers of the scenario file, read strictly. libcyaml 1.3.1 reads an
 * integer with strtoull(text, &end, 0) and a real with strtod, and only checks
 * that some digits were read: `seats: 6abc`, `6.9`, `0x6` and `6 seats` all
 * load as 6, `majority: 010` as 8 (octal), `round2_lists: 2.5` as 2. So once
 * libcyaml has read the document, every value that its schema reads as a
 * number is checked again, as written, in the libyaml document that gives the
 * lines (for a what-if or a setting, the merged document, whose nodes know
 * their file), by the reader the tables' cells use too (number_text.c). The schema itself is walked, so that a key added to it is
 * checked without a list to keep in step.
 */
#include "number_text.h"
#include "scenario_types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct walk {
    const scrutin_scenario *s;
    yaml_document_t *doc;
    scrutin_ctx *ctx;
    int status;
} walk;

static void check_scalar(walk *w, const cyaml_schema_value_t *schema, yaml_node_t *n,
                         const char *path)
{
    const char *v = (const char *)n->data.scalar.value;
    int whole = schema->type == CYAML_INT || schema->type == CYAML_UINT;
    char want[128];
    double value;
    if (number_text_read(v, n->data.scalar.length, whole, &value, want, sizeof want) ==
        NUMBER_OK)
        return;
    w->status = scrutin_ctx_error(w->ctx, SCRUTIN_EINPUT, scn_yaml_file_path(w->s, path),
                                  scn_yaml_line_path(w->s, path), path, "\"%s\" is not %s: %s", v,
                                  whole ? "a whole number" : "a number", want);
}

/* Check node @p id, read by libcyaml with @p schema, at @p path ("court.annulments[0].round"). */
static void check_node(walk *w, const cyaml_schema_value_t *schema, int id, const char *path)
{
    yaml_node_t *n = yaml_document_get_node(w->doc, id);
    if (!n || !schema)
        return;
    char sub[512];
    switch (schema->type) {
    case CYAML_INT:
    case CYAML_UINT:
    case CYAML_FLOAT:
        if (n->type == YAML_SCALAR_NODE)
            check_scalar(w, schema, n, path);
        return;
    case CYAML_MAPPING:
        if (n->type != YAML_MAPPING_NODE)
            return;
        for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
             p++) {
            yaml_node_t *key = yaml_document_get_node(w->doc, p->key);
            if (!key || key->type != YAML_SCALAR_NODE)
                continue;
            const char *name = (const char *)key->data.scalar.value;
            for (const cyaml_schema_field_t *f = schema->mapping.fields; f->key; f++)
                if (strcmp(f->key, name) == 0) {
                    int len = snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "",
                                       name);
                    if (len > 0 && (size_t)len < sizeof sub)
                        check_node(w, &f->value, p->value, sub);
                    break;
                }
        }
        return;
    case CYAML_SEQUENCE:
    case CYAML_SEQUENCE_FIXED:
        if (n->type != YAML_SEQUENCE_NODE)
            return;
        for (yaml_node_item_t *it = n->data.sequence.items.start;
             it < n->data.sequence.items.top; it++) {
            int len = snprintf(sub, sizeof sub, "%s[%td]", path,
                               it - n->data.sequence.items.start);
            if (len > 0 && (size_t)len < sizeof sub)
                check_node(w, schema->sequence.entry, *it, sub);
        }
        return;
    default:
        return;
    }
}

int scn_yaml_check_numbers(const scrutin_scenario *s, scrutin_ctx *ctx)
{
    if (!s->has_yaml)
        return SCRUTIN_OK;
    walk w = {s, (yaml_document_t *)&s->yaml, ctx, SCRUTIN_OK};
    yaml_node_t *root = yaml_document_get_root_node(w.doc);
    if (root)
        check_node(&w, &scn_doc_schema, (int)(root - w.doc->nodes.start) + 1, "");
    return w.status;
}
