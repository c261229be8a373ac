/* Loading a scenario: the YAML file, then the tables it names. */
#include "scenario_types.h"

#include <stdlib.h>
#include <string.h>

/* A path from the scenario file's folder, unless it is absolute. */
static char *resolve(const char *dir, const char *path)
{
    if (path[0] == '/' || dir[0] == 0)
        return strdup(path);
    size_t n = strlen(dir) + strlen(path) + 2;
    char *out = malloc(n);
    if (out) {
        strcpy(out, dir);
        strcat(out, "/");
        strcat(out, path);
    }
    return out;
}

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? strndup(path, (size_t)(slash - path)) : strdup("");
}

static void free_list_fields(scn_list *l)
{
    free(l->district);
    free(l->id);
    free(l->name);
    for (size_t i = 0; i < l->candidates_count; i++)
        free(l->candidates[i]);
    free(l->candidates);
    free(l->source);
    free(l->note);
}

void scrutin_scenario_free(scrutin_scenario *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->districts_count; i++) {
        scn_district *d = &s->districts[i];
        free(d->id);
        free(d->name);
        free(d->region);
        free(d->source);
        free(d->note);
        free(d->winner_r2);
    }
    free(s->districts);
    for (size_t i = 0; i < s->lists_count; i++)
        free_list_fields(&s->lists[i]);
    free(s->lists);
    scn_yaml_free(s);
    scn_yaml_lines_free(s);
    scn_layers_free(s->layers);
    input_bytes_free(&s->bytes);
    free(s->districts_path);
    free(s->lists_path);
    free(s->path);
    free(s->dir);
    free(s);
}

/* Load @p path; with settings, or a `base`, through the what-if merge (inherit.c). */
static int load(scrutin_scenario **out, const char *path, const scrutin_scenario_setting *settings,
                size_t n_settings, scrutin_ctx *ctx)
{
    *out = NULL;
    scrutin_scenario *s = calloc(1, sizeof *s);
    if (!s)
        return SCRUTIN_ENOMEM;
    s->path = strdup(path);
    s->dir = folder_of(path);
    if (!s->path || !s->dir) {
        scrutin_scenario_free(s);
        return SCRUTIN_ENOMEM;
    }
    /* libyaml first: its syntax errors are exact; then libcyaml maps the document. */
    int status = scn_yaml_lines_load(s, ctx);
    /*
     * A scenario read from a pipe, /dev/stdin, a FIFO or a process substitution has no folder
     * of its own (/dev/fd is none): its relative paths are read from the current folder.
     */
    if (status == SCRUTIN_OK && !s->bytes.has_folder) {
        free(s->dir);
        s->dir = strdup("");
        if (!s->dir)
            status = SCRUTIN_ENOMEM;
    }
    if (status == SCRUTIN_OK && (n_settings > 0 || scn_yaml_names_base(s)))
        status = scn_inherit_load(s, settings, n_settings, ctx);
    else if (status == SCRUTIN_OK)
        status = scn_yaml_load(s, ctx);
    if (status == SCRUTIN_OK)
        status = scn_yaml_check_numbers(s, ctx);
    if (status == SCRUTIN_OK && s->doc->format != 1)
        status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, scn_yaml_file_key(s, "format"),
                                   scn_yaml_line(s, "format", NULL),
                                   "format", "format %u is not supported: this scrutin reads format 1",
                                   s->doc->format);
    if (status != SCRUTIN_OK) {
        scrutin_scenario_free(s);
        return status;
    }
    /* A table's path is relative to the file that names it (a what-if's base, say). */
    s->districts_path = resolve(scn_yaml_folder_key(s, "districts"), s->doc->districts);
    s->lists_path = resolve(scn_yaml_folder_key(s, "lists"), s->doc->lists);
    if (!s->districts_path || !s->lists_path) {
        scrutin_scenario_free(s);
        return SCRUTIN_ENOMEM;
    }
    /*
     * Read both tables even if the first is bad, to report every problem at once. A table
     * that cannot be opened is reported at the key that names it (csv_table_read).
     */
    int d_status = scn_districts_read(s, ctx);
    int l_status = d_status == SCRUTIN_ENOMEM ? d_status : scn_lists_read(s, ctx);
    status = d_status != SCRUTIN_OK ? d_status : l_status;
    if (s->districts && s->lists)
        scn_hash_compute(s);
    /*
     * Bad cells (EINPUT) leave a scenario that can still be compiled to find
     * the remaining problems: hand it over with the status. Anything worse
     * (a missing or malformed table) leaves nothing worth compiling.
     */
    int readable = (d_status == SCRUTIN_OK || d_status == SCRUTIN_EINPUT) &&
                   (l_status == SCRUTIN_OK || l_status == SCRUTIN_EINPUT) && s->districts &&
                   s->lists;
    if (status != SCRUTIN_OK && !readable) {
        scrutin_scenario_free(s);
        return status;
    }
    *out = s;
    return status;
}

int scrutin_scenario_load(scrutin_scenario **out, const char *path, scrutin_ctx *ctx)
{
    return load(out, path, NULL, 0, ctx);
}

int scrutin_scenario_load_with(scrutin_scenario **out, const char *path,
                               const scrutin_scenario_setting *settings, size_t n,
                               scrutin_ctx *ctx)
{
    if (n > 0 && !settings) {
        *out = NULL;
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_scenario_load_with: %zu settings but no array", n);
    }
    return load(out, path, settings, n, ctx);
}

const char *scrutin_scenario_name(const scrutin_scenario *s) { return s->doc->name; }
const char *scrutin_scenario_path(const scrutin_scenario *s) { return s->path; }
