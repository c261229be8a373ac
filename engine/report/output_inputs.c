#define _DEFAULT_SOURCE /* realpath() */
/* Refusing an output folder that holds an input of the run (output_inputs.h). */
#include "output_inputs.h"

#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../scenario/scenario_types.h"
#include "scrutin/plot.h"

typedef struct folder_id {
    dev_t dev;
    ino_t ino;
} folder_id;

static int folder_of(const char *file, folder_id *out)
{
    char *copy = strdup(file);
    if (!copy)
        return -1;
    struct stat st;
    int ok = stat(dirname(copy), &st) == 0;
    free(copy);
    if (ok)
        *out = (folder_id){st.st_dev, st.st_ino};
    return ok ? 0 : -1;
}

/* 1 if @p file's folder, as named or once its links are resolved, is one of @p n folders. */
static int lies_in(const char *file, const folder_id *folders, size_t n)
{
    folder_id f[2];
    int have[2] = {folder_of(file, &f[0]) == 0, 0};
    char *real = realpath(file, NULL);
    if (real) {
        have[1] = folder_of(real, &f[1]) == 0;
        free(real);
    }
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; have[k] && i < n; i++)
            if (f[k].dev == folders[i].dev && f[k].ino == folders[i].ino)
                return 1;
    return 0;
}

int output_check_inputs(const char *dir, const scrutin_scenario *const *scenarios, size_t n,
                        scrutin_ctx *ctx)
{
    folder_id folders[2];
    size_t n_folders = 0;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return SCRUTIN_OK;
    folders[n_folders++] = (folder_id){st.st_dev, st.st_ino};
    size_t size = strlen(dir) + sizeof "/" SCRUTIN_PLOT_DIR;
    char *plots = malloc(size);
    if (!plots)
        return SCRUTIN_ENOMEM;
    snprintf(plots, size, "%s/%s", dir, SCRUTIN_PLOT_DIR);
    if (stat(plots, &st) == 0 && S_ISDIR(st.st_mode))
        folders[n_folders++] = (folder_id){st.st_dev, st.st_ino};
    free(plots);
    for (size_t s = 0; s < n; s++) {
        const scrutin_scenario *sc = scenarios[s];
        if (!sc)
            continue;
        const char *const *chain;
        size_t n_chain = scn_yaml_files(sc, &chain);
        const char *tables[2] = {sc->districts_path, sc->lists_path};
        for (size_t i = 0; i < n_chain + 2; i++) {
            const char *file = i < n_chain ? chain[i] : tables[i - n_chain];
            if (file && lies_in(file, folders, n_folders))
                return scrutin_ctx_error(
                    ctx, SCRUTIN_EINVAL, dir, 0, NULL,
                    "the output folder holds %s, an input of the scenario: its results would "
                    "overwrite or mix with the scenario's files; choose another output folder",
                    file);
        }
    }
    return SCRUTIN_OK;
}
