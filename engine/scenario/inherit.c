/*
 * What-ifs: a scenario file that names a `base` is merged over it, at the
 * YAML level, before libcyaml reads it (docs/whatifs.md). The chain of bases
 * is followed to a file without one, then merged back up, each file over the
 * merge of its bases; settings (scrutin sweep) come last. The merged document
 * is written out with libyaml's emitter and read by libcyaml with the one
 * schema; each of its nodes remembers its file and line, so that every
 * message, libcyaml's included, names the file and line a value came from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yaml_limits.h"
#include "merged_text.h"
#include "scenario_types.h"
#include "yaml_merge.h"

struct scn_layers {
    size_t n;       /* the chain's files, the scenario's first; then one name per setting */
    size_t n_chain; /* how many of them are files */
    char **paths;   /* as messages show them */
    char **dirs;    /* folder of each, for the paths it names ("" for the current folder) */
    int *node_file; /* [node id - 1] of the merged document: index in paths, -1 if made up */
    size_t n_nodes;
    unsigned char (*digests)[16]; /* of each file of the chain as read (the content hash) */
};

void scn_layers_free(struct scn_layers *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->paths[i]);
        free(l->dirs[i]);
    }
    free(l->paths);
    free(l->dirs);
    free(l->digests);
    free(l->node_file);
    free(l);
}

/* One file of the chain, parsed. */
typedef struct layer {
    yaml_document_t doc;
    dev_t dev; /* the file's identity, to find cycles whatever path names it */
    ino_t ino;
} layer;

typedef struct chain {
    layer *layers;
    size_t n, cap;
    struct scn_layers *files;
} chain;

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? strndup(path, (size_t)(slash - path)) : strdup("");
}

/* @p path from @p dir, unless it is absolute. */
static char *join(const char *dir, const char *path)
{
    if (path[0] == '/' || dir[0] == '\0')
        return strdup(path);
    size_t n = strlen(dir) + strlen(path) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s/%s", dir, path);
    return out;
}

/*
 * Add a file name (and its folder: none for a pipe or device, whose relative paths are read
 * from the current folder) to the list messages refer to, with its digest if it is a file of
 * the chain (@p b; NULL for a setting). @return 0 or ENOMEM.
 */
static int add_file(struct scn_layers *f, const char *path, const input_bytes *b)
{
    char **paths = realloc(f->paths, (f->n + 1) * sizeof *paths);
    if (paths)
        f->paths = paths;
    char **dirs = realloc(f->dirs, (f->n + 1) * sizeof *dirs);
    if (dirs)
        f->dirs = dirs;
    unsigned char(*digests)[16] = realloc(f->digests, (f->n + 1) * sizeof *digests);
    if (digests)
        f->digests = digests;
    if (!paths || !dirs || !digests)
        return SCRUTIN_ENOMEM;
    memset(f->digests[f->n], 0, sizeof f->digests[f->n]);
    if (b)
        memcpy(f->digests[f->n], b->digest, sizeof f->digests[f->n]);
    f->paths[f->n] = strdup(path);
    f->dirs[f->n] = !b || b->has_folder ? folder_of(path) : strdup("");
    if (!f->paths[f->n] || !f->dirs[f->n]) {
        free(f->paths[f->n]);
        free(f->dirs[f->n]);
        return SCRUTIN_ENOMEM;
    }
    f->n++;
    return SCRUTIN_OK;
}

static unsigned line_of(yaml_node_t *n) { return n ? (unsigned)n->start_mark.line + 1 : 0; }

/* Parse the bytes @p b of the file @p path (read once) as the next layer of the chain. */
static int parse_layer(chain *c, const char *path, const input_bytes *b, scrutin_ctx *ctx)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 4;
        layer *grown = realloc(c->layers, cap * sizeof *grown);
        if (!grown)
            return SCRUTIN_ENOMEM;
        c->layers = grown;
        c->cap = cap;
    }
    int status = scn_yaml_check_events(path, b->data, b->len, ctx);
    if (status != SCRUTIN_OK)
        return status;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return SCRUTIN_ENOMEM;
    yaml_parser_set_input_string(&parser, (const unsigned char *)b->data, b->len);
    layer *l = &c->layers[c->n];
    l->dev = b->dev;
    l->ino = b->ino;
    if (!yaml_parser_load(&parser, &l->doc)) {
        status = parser.error == YAML_MEMORY_ERROR
                     ? SCRUTIN_ENOMEM
                     : scn_yaml_syntax_error(path, b->data, b->len, &parser, ctx);
        yaml_parser_delete(&parser);
        return status;
    }
    yaml_parser_delete(&parser);
    yaml_node_t *root = yaml_document_get_root_node(&l->doc);
    if (!root || root->type != YAML_MAPPING_NODE) {
        status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, path, root ? line_of(root) : 1, NULL,
                                   "%s", root ? "a scenario file is a mapping of keys to values"
                                              : "the scenario file is empty");
        yaml_document_delete(&l->doc);
        return status;
    }
    /* As strict as a base file: a key twice, and (a what-if) an id updated twice, refused. */
    status = scn_yaml_check_twice(path, &l->doc, ydoc_value(&l->doc, 1, "base") != 0, ctx);
    if (status == SCRUTIN_OK)
        status = add_file(c->files, path, b);
    if (status != SCRUTIN_OK) {
        yaml_document_delete(&l->doc);
        return status;
    }
    c->n++;
    return SCRUTIN_OK;
}

/* "a.yaml -> b.yaml -> a.yaml": the files of the chain from @p from, then @p again. */
static void describe_cycle(const chain *c, size_t from, const char *again, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = from; i < c->n && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s -> ", c->files->paths[i]);
    if (used < size)
        snprintf(buf + used, size - used, "%s", again);
}

/* Report why the base @p name (@p next from its folder) cannot be read, at its `base` line. */
static int base_unreadable(scrutin_ctx *ctx, int status, const char *file, yaml_node_t *base,
                           const char *name, const char *next, const input_problem *p)
{
    if (status == SCRUTIN_ENOMEM)
        return status;
    const char *verb = status == SCRUTIN_ENOENT ? "cannot be opened"
                       : status == SCRUTIN_EIO  ? "cannot be read"
                                                : "is refused";
    if (p->folder && p->folder_has_scenario)
        return scrutin_ctx_error(ctx, status, file, line_of(base), "base",
                                 "the base scenario \"%s\" %s (%s): %s: write base: "
                                 "%s%sscenario.yaml, the scenario file in it",
                                 name, verb, next, p->why, name,
                                 scn_ends_with_slash(name) ? "" : "/");
    if (p->folder)
        return scrutin_ctx_error(ctx, status, file, line_of(base), "base",
                                 "the base scenario \"%s\" %s (%s): %s, and it holds no "
                                 "scenario.yaml: write the path of the base's YAML file",
                                 name, verb, next, p->why);
    return scrutin_ctx_error(ctx, status, file, line_of(base), "base",
                             "the base scenario \"%s\" %s (%s): %s", name, verb, next, p->why);
}

/* Follow the `base` keys from the scenario file (already read: @p s) to a file without one. */
static int follow_bases(chain *c, const scrutin_scenario *s, scrutin_ctx *ctx)
{
    int status = parse_layer(c, s->path, &s->bytes, ctx);
    while (status == SCRUTIN_OK) {
        layer *l = &c->layers[c->n - 1];
        const char *file = c->files->paths[c->n - 1];
        yaml_node_t *base = yaml_document_get_node(&l->doc, ydoc_value(&l->doc, 1, "base"));
        if (!base)
            return SCRUTIN_OK;
        if (base->type != YAML_SCALAR_NODE || base->data.scalar.length == 0)
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, file, line_of(base), "base",
                                     "base names the scenario this one changes: a path, relative "
                                     "to this file");
        const char *name = (const char *)base->data.scalar.value;
        char *next = join(c->files->dirs[c->n - 1], name);
        if (!next)
            return SCRUTIN_ENOMEM;
        /* Read here, so that a base that cannot be read is named at this `base` line. */
        input_bytes b;
        input_problem problem;
        status = input_file_read(next, &b, &problem);
        if (status != SCRUTIN_OK) {
            status = base_unreadable(ctx, status, file, base, name, next, &problem);
            free(next);
            return status;
        }
        for (size_t i = 0; i < c->n; i++)
            if (c->layers[i].dev == b.dev && c->layers[i].ino == b.ino) {
                char cycle[1024];
                describe_cycle(c, i, next, cycle, sizeof cycle);
                status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, file, line_of(base), "base",
                                           "the bases form a cycle: %s", cycle);
                input_bytes_free(&b);
                free(next);
                return status;
            }
        status = parse_layer(c, next, &b, ctx);
        input_bytes_free(&b);
        free(next);
    }
    return status;
}

/* "whatif-no-court" for ".../whatif-no-court.yaml". */
static void stem_of(const char *path, char *buf, size_t size)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    int len = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
    snprintf(buf, size, "%.*s", len, base);
}

/*
 * The merge of the chain, the scenario's file last, so that it has the last word. @p named
 * is the node of the name the scenario's file takes from its stem (it has none of its own),
 * 0 if it has one.
 */
static int merge_chain(ydoc *m, const chain *c, int *named)
{
    *named = 0;
    int status = ydoc_init(m);
    size_t root = c->n - 1;
    if (status == SCRUTIN_OK && !ydoc_copy(m, &c->layers[root].doc, 1, NULL, (int)root))
        status = SCRUTIN_ENOMEM;
    for (size_t i = root; i-- > 0 && status == SCRUTIN_OK;) {
        yaml_document_t *doc = &c->layers[i].doc;
        status = ydoc_merge(m, 1, doc, 1, (int)i, 1);
        /* A what-if without a name of its own is named after its file, not its base. */
        if (status == SCRUTIN_OK && !ydoc_value(doc, 1, "name")) {
            char name[256];
            stem_of(c->files->paths[i], name, sizeof name);
            status = ydoc_set_root_scalar(m, "name", name, (int)i,
                                          yaml_document_get_root_node(doc)->start_mark);
            if (status == SCRUTIN_OK && i == 0)
                *named = ydoc_value(&m->doc, 1, "name");
        }
    }
    return status;
}

static int apply_settings(ydoc *m, struct scn_layers *files,
                          const scrutin_scenario_setting *settings, size_t n, scrutin_ctx *ctx)
{
    int status = SCRUTIN_OK;
    for (size_t i = 0; i < n && status != SCRUTIN_ENOMEM; i++) {
        const char *path = settings[i].path ? settings[i].path : "";
        const char *value = settings[i].value ? settings[i].value : "";
        size_t size = strlen(path) + strlen(value) + 2;
        char *name = malloc(size);
        if (!name)
            return SCRUTIN_ENOMEM;
        snprintf(name, size, "%s=%s", path, value);
        int added = add_file(files, name, NULL);
        free(name);
        if (added != SCRUTIN_OK)
            return added;
        char why[512];
        int set = ydoc_set_path(m, path, value, (int)files->n - 1, why, sizeof why);
        if (set == SCRUTIN_EINPUT)
            status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, files->paths[files->n - 1], 0, NULL,
                                       "%s", why);
        else if (set != SCRUTIN_OK)
            status = set;
    }
    return status;
}

int scn_yaml_names_base(const scrutin_scenario *s)
{
    if (!s->has_yaml)
        return 0;
    yaml_document_t *doc = (yaml_document_t *)&s->yaml;
    yaml_node_t *root = yaml_document_get_root_node(doc);
    return root && root->type == YAML_MAPPING_NODE && ydoc_value(doc, 1, "base") != 0;
}

int scn_inherit_load(scrutin_scenario *s, const scrutin_scenario_setting *settings,
                     size_t n_settings, scrutin_ctx *ctx)
{
    chain c = {NULL, 0, 0, calloc(1, sizeof *c.files)};
    if (!c.files)
        return SCRUTIN_ENOMEM;
    ydoc m = {0};
    int merged = 0;
    merged_text t = {NULL, 0, 0};
    int named = 0;
    int status = follow_bases(&c, s, ctx);
    if (status == SCRUTIN_OK) {
        status = merge_chain(&m, &c, &named);
        merged = 1;
    }
    c.files->n_chain = c.files->n;
    if (status == SCRUTIN_OK)
        status = apply_settings(&m, c.files, settings, n_settings, ctx);
    if (status == SCRUTIN_OK)
        status = merged_text_emit(&m, &t);
    if (status == SCRUTIN_OK) {
        char message[2048];
        unsigned line0 = 0;
        status = scn_yaml_load_buffer(s, t.data, t.len, message, sizeof message, &line0);
        if (status == SCRUTIN_EINPUT)
            merged_text_report_error(&t, &m, (const char *const *)c.files->paths, c.files->n,
                                     s->path, message, line0, ctx);
    }
    if (status == SCRUTIN_OK) {
        /* Named after its file, unless a setting gave it a name since. */
        s->name_from_file = named && ydoc_value(&m.doc, 1, "name") == named;
        /* The merged document replaces the file's own: lines and files are looked up in it. */
        scn_yaml_lines_free(s);
        s->yaml = m.doc;
        s->has_yaml = true;
        c.files->node_file = m.file;
        c.files->n_nodes = m.n_file;
        s->layers = c.files;
        c.files = NULL;
        merged = 0;
    }
    if (merged)
        ydoc_free(&m);
    for (size_t i = 0; i < c.n; i++) {
        yaml_document_delete(&c.layers[i].doc);
    }
    free(c.layers);
    scn_layers_free(c.files);
    free(t.data);
    return status;
}

/* The file index of node @p id of the merged document, -1 if unknown. */
static int file_of_node(const scrutin_scenario *s, int id)
{
    const struct scn_layers *l = s->layers;
    if (!l || id <= 0 || (size_t)id > l->n_nodes)
        return -1;
    int f = l->node_file[id - 1];
    return f >= 0 && (size_t)f < l->n ? f : -1;
}

const char *scn_yaml_file_path(const scrutin_scenario *s, const char *path)
{
    int f = file_of_node(s, scn_yaml_node_path(s, path));
    return f >= 0 ? s->layers->paths[f] : s->path;
}

const char *scn_yaml_file_key(const scrutin_scenario *s, const char *key)
{
    return scn_yaml_file_path(s, key);
}

const char *scn_yaml_folder_key(const scrutin_scenario *s, const char *key)
{
    int f = file_of_node(s, scn_yaml_node_path(s, key));
    return f >= 0 ? s->layers->dirs[f] : s->dir;
}

size_t scn_yaml_files(const scrutin_scenario *s, const char *const **paths)
{
    if (!s->layers) {
        *paths = (const char *const *)&s->path;
        return 1;
    }
    *paths = (const char *const *)s->layers->paths;
    return s->layers->n_chain;
}

size_t scn_yaml_digests(const scrutin_scenario *s, const unsigned char (**digests)[16])
{
    if (!s->layers) {
        *digests = (const unsigned char(*)[16])s->bytes.digest;
        return 1;
    }
    *digests = (const unsigned char(*)[16])s->layers->digests;
    return s->layers->n_chain;
}
