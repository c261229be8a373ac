/* The output folder of run, compare and sweep: its default name, and the hold of a run on it. */
#include <errno.h>
#include <libgen.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include "distributed.h"
#include "out_dir.h"

char *cli_default_out_dir(const scrutin_model *model, const char *suffix)
{
    const char *name = scrutin_model_name(model);
    size_t size = strlen("results/") + strlen(name) + strlen(suffix) + 1;
    char *out = malloc(size);
    if (out)
        snprintf(out, size, "results/%s%s", name, suffix);
    return out;
}

char *cli_default_compare_dir(const scrutin_model *const *models, size_t n)
{
    size_t size = strlen("results/") + strlen("-vs-") + 1;
    for (size_t k = 0; k < n; k++)
        size += strlen(scrutin_model_name(models[k])) + 1;
    char *out = malloc(size + 40);
    if (!out)
        return NULL;
    int len = snprintf(out, size, "results/%s-vs-", scrutin_model_name(models[0]));
    for (size_t k = 1; k < n; k++)
        len += snprintf(out + len, size - (size_t)len, "%s%s", k > 1 ? "+" : "",
                        scrutin_model_name(models[k]));
    /* A file name has at most 255 bytes: past 120, the names give way to their hash. */
    if (strlen(out) - strlen("results/") > 120) {
        XXH64_state_t *state = XXH64_createState();
        if (!state) {
            free(out);
            return NULL;
        }
        XXH64_reset(state, 0);
        for (size_t k = 0; k < n; k++) {
            const char *name = scrutin_model_name(models[k]);
            XXH64_update(state, name, strlen(name) + 1);
        }
        unsigned long long h = (unsigned long long)XXH64_digest(state);
        XXH64_freeState(state);
        char base[80];
        snprintf(base, sizeof base, "%.60s", scrutin_model_name(models[0]));
        snprintf(out, size + 40, "results/%s-vs-%016llx", base, h);
    }
    return out;
}

int cli_output_open(scrutin_output **out, const char *dir, const scrutin_scenario *const *inputs,
                    size_t n, scrutin_ctx *ctx)
{
    *out = NULL;
    if (!dist_is_root())
        return SCRUTIN_OK;
    scrutin_output_options opt = SCRUTIN_OUTPUT_OPTIONS_INIT;
    opt.inputs = inputs;
    opt.n_inputs = n;
    return scrutin_output_open(out, dir, &opt, ctx);
}

int cli_output_add_images(scrutin_output *output, const char *const *names, size_t n,
                          scrutin_ctx *ctx)
{
    static const char *const exts[] = {"svg", "png"};
    int status = SCRUTIN_OK;
    for (size_t i = 0; output && i < n && status == SCRUTIN_OK; i++)
        for (size_t k = 0; k < 2 && status == SCRUTIN_OK; k++) {
            char name[256], path[4096];
            snprintf(name, sizeof name, "%s/%s.%s", SCRUTIN_PLOT_DIR, names[i], exts[k]);
            snprintf(path, sizeof path, "%s/%s", scrutin_output_dir(output), name);
            struct stat st;
            if (stat(path, &st) == 0)
                status = scrutin_output_add(output, name, ctx);
        }
    return status;
}

int cli_output_end(scrutin_output *output, const char *command, int status, scrutin_ctx *ctx)
{
    if (!output)
        return status;
    if (status != SCRUTIN_OK) {
        scrutin_output_abandon(output);
        return status;
    }
    const char *replaced = scrutin_output_replaces(output);
    char *dir = replaced ? strdup(scrutin_output_dir(output)) : NULL;
    char *was = replaced ? strdup(replaced) : NULL;
    status = scrutin_output_close(output, ctx);
    if (status == SCRUTIN_OK && dir && was)
        fprintf(stderr, "scrutin %s: replaced the results of an earlier run in %s/ (its %s)\n",
                command, dir, was);
    free(dir);
    free(was);
    return status;
}

int cli_output_add_path(scrutin_output *output, const char *path, scrutin_ctx *ctx)
{
    if (!output || !path)
        return SCRUTIN_OK;
    char *copy = strdup(path), *name_copy = strdup(path);
    int status = copy && name_copy ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    struct stat folder, out;
    /* The same folder by identity, whatever the spelling of the two paths. */
    if (status == SCRUTIN_OK && stat(dirname(copy), &folder) == 0 &&
        stat(scrutin_output_dir(output), &out) == 0 && folder.st_dev == out.st_dev &&
        folder.st_ino == out.st_ino && basename(name_copy)[0] != '.')
        status = scrutin_output_add(output, basename(name_copy), ctx);
    free(copy);
    free(name_copy);
    return status;
}
