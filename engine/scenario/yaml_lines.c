/*
 * Where is a value in the YAML file? libcyaml maps the file into structs but
 * keeps no positions, and every message about bad input must name its line.
 * So the file is also loaded as a libyaml document, whose nodes carry their
 * marks, and looked up by path when a problem is reported.
 */
#include "scenario_types.h"
#include "yaml_limits.h" /* a key twice: libcyaml refuses it in one file, inherit.c in a merge */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int scn_yaml_lines_load(scrutin_scenario *s, scrutin_ctx *ctx)
{
    input_problem problem;
    int status = input_file_read(s->path, &s->bytes, &problem);
    if (status != SCRUTIN_OK)
        return scn_input_error(ctx, status, s->path, "the scenario file", &problem);
    status = scn_yaml_check_events(s->path, s->bytes.data, s->bytes.len, ctx);
    if (status != SCRUTIN_OK)
        return status;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return SCRUTIN_ENOMEM;
    yaml_parser_set_input_string(&parser, (const unsigned char *)s->bytes.data, s->bytes.len);
    int ok = yaml_parser_load(&parser, &s->yaml);
    if (!ok && parser.error == YAML_MEMORY_ERROR)
        status = SCRUTIN_ENOMEM;
    else if (!ok)
        status = scn_yaml_syntax_error(s->path, s->bytes.data, s->bytes.len, &parser, ctx);
    else if (!yaml_document_get_root_node(&s->yaml))
        status = scrutin_ctx_error(ctx, SCRUTIN_ESYNTAX, s->path, 1, NULL,
                                   "the scenario file is empty");
    yaml_parser_delete(&parser);
    s->has_yaml = ok != 0;
    return status;
}

int scn_ends_with_slash(const char *path)
{
    size_t n = strlen(path);
    return n > 0 && path[n - 1] == '/';
}

int scn_input_error(scrutin_ctx *ctx, int status, const char *path, const char *what,
                    const input_problem *p)
{
    switch (status) {
    case SCRUTIN_ENOMEM:
        return status;
    case SCRUTIN_ENOENT:
        if (p->folder && p->folder_has_scenario)
            return scrutin_ctx_error(ctx, status, path, 0, NULL,
                                     "cannot open %s: %s: give the scenario file in it, %s%s"
                                     "scenario.yaml",
                                     what, p->why, path, scn_ends_with_slash(path) ? "" : "/");
        if (p->folder)
            return scrutin_ctx_error(ctx, status, path, 0, NULL,
                                     "cannot open %s: %s, and it holds no scenario.yaml: give "
                                     "the path of the scenario's YAML file",
                                     what, p->why);
        return scrutin_ctx_error(ctx, status, path, 0, NULL, "cannot open %s: %s", what, p->why);
    case SCRUTIN_EIO:
        return scrutin_ctx_error(ctx, status, path, 0, NULL, "cannot read %s: %s", what, p->why);
    default:
        return scrutin_ctx_error(ctx, status, path, p->line, NULL, "%s is refused: %s", what,
                                 p->why);
    }
}

void scn_yaml_lines_free(scrutin_scenario *s)
{
    if (s->has_yaml)
        yaml_document_delete(&s->yaml);
    s->has_yaml = false;
}

static yaml_node_t *child(yaml_document_t *doc, yaml_node_t *node, const char *step)
{
    if (!node)
        return NULL;
    if (step[0] == '#' && node->type == YAML_SEQUENCE_NODE) {
        long want = strtol(step + 1, NULL, 10);
        long i = 0;
        for (yaml_node_item_t *it = node->data.sequence.items.start;
             it < node->data.sequence.items.top; it++, i++)
            if (i == want)
                return yaml_document_get_node(doc, *it);
        return NULL;
    }
    if (node->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top;
         p++) {
        yaml_node_t *key = yaml_document_get_node(doc, p->key);
        if (key && key->type == YAML_SCALAR_NODE &&
            strcmp((const char *)key->data.scalar.value, step) == 0)
            return yaml_document_get_node(doc, p->value);
    }
    return NULL;
}

unsigned scn_yaml_line(const scrutin_scenario *s, ...)
{
    if (!s->has_yaml)
        return 0;
    yaml_document_t *doc = (yaml_document_t *)&s->yaml;
    yaml_node_t *node = yaml_document_get_root_node(doc);
    unsigned line = node ? (unsigned)node->start_mark.line + 1 : 0;
    va_list ap;
    va_start(ap, s);
    const char *step;
    while (node && (step = va_arg(ap, const char *)) != NULL) {
        node = child(doc, node, step);
        if (node)
            line = (unsigned)node->start_mark.line + 1;
    }
    va_end(ap);
    return line;
}

/* The same for a path written "parties[3].coalition" (indices 0-based). */
unsigned scn_yaml_line_path(const scrutin_scenario *s, const char *path)
{
    int id = scn_yaml_node_path(s, path);
    yaml_node_t *node = id ? yaml_document_get_node((yaml_document_t *)&s->yaml, id) : NULL;
    return node ? (unsigned)node->start_mark.line + 1 : 0;
}

/* The node at a path written as for scn_yaml_line_path: the deepest one found (its id), 0 if none. */
int scn_yaml_node_path(const scrutin_scenario *s, const char *path)
{
    if (!s->has_yaml)
        return 0;
    yaml_document_t *doc = (yaml_document_t *)&s->yaml;
    yaml_node_t *node = yaml_document_get_root_node(doc), *found = node;
    char step[128];
    const char *p = path;
    while (node && *p) {
        size_t len = 0;
        if (*p == '[') {
            step[len++] = '#';
            p++;
            while (*p && *p != ']' && len + 1 < sizeof step)
                step[len++] = *p++;
            if (*p == ']')
                p++;
        } else {
            while (*p && *p != '.' && *p != '[' && len + 1 < sizeof step)
                step[len++] = *p++;
        }
        if (*p == '.')
            p++;
        step[len] = 0;
        node = child(doc, node, step);
        if (node)
            found = node;
    }
    return found ? (int)(found - doc->nodes.start) + 1 : 0;
}

unsigned scn_yaml_find_scalar(const scrutin_scenario *s, const char *text, unsigned near)
{
    if (!s->has_yaml || !text || !text[0])
        return 0;
    yaml_document_t *doc = (yaml_document_t *)&s->yaml;
    unsigned best = 0, best_gap = ~0u;
    for (yaml_node_t *n = doc->nodes.start; n < doc->nodes.top; n++) {
        if (n->type != YAML_SCALAR_NODE || strcmp((const char *)n->data.scalar.value, text) != 0)
            continue;
        unsigned line = (unsigned)n->start_mark.line + 1;
        unsigned gap = line > near ? line - near : near - line;
        if (gap < best_gap) {
            best = line;
            best_gap = gap;
        }
    }
    return best;
}
