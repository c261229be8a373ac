/* scrutin import: a results table to a scenario (import_read.c, import_build.c, import_write.c). */
#include <stdio.h>
#include <string.h>

#include "import_build.h"
#include "new_folder.h"
#include "scrutin/import.h"
#include "scrutin/text.h"

/* The scenario's name: given, or made from the folder's last component. */
static int scenario_name(char *out, size_t size, const char *dir, const char *given,
                         scrutin_ctx *ctx)
{
    if (given) {
        int ok = (given[0] >= 'A' && given[0] <= 'Z') || (given[0] >= 'a' && given[0] <= 'z');
        for (const char *p = given; ok && *p; p++)
            ok = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
                 (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.';
        if (!ok)
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, NULL, 0, "--name",
                                     "\"%s\" is not a valid id (an id is ASCII: a letter, then "
                                     "letters, digits, '-', '_' or '.')",
                                     given);
        snprintf(out, size, "%s", given);
        return SCRUTIN_OK;
    }
    char base[4096];
    snprintf(base, sizeof base, "%s", dir);
    size_t n = strlen(base);
    while (n > 1 && base[n - 1] == '/')
        base[--n] = 0;
    const char *last = strrchr(base, '/');
    if (!scrutin_id_from_name(last ? last + 1 : base, out, size))
        snprintf(out, size, "imported");
    return SCRUTIN_OK;
}

int scrutin_import_results(const char *results, const char *dir, const char *name, int force,
                           scrutin_ctx *ctx)
{
    char id[128];
    int status = scenario_name(id, sizeof id, dir ? dir : "", name, ctx);
    if (status != SCRUTIN_OK)
        return status;
    imp_table t;
    if ((status = imp_table_read(&t, results, ctx)) != SCRUTIN_OK)
        return status;
    imp_scenario s;
    status = imp_build(&s, &t, ctx);
    /* Nothing is written, nor the folder made, until the whole table is known to be good. */
    if (status == SCRUTIN_OK)
        status = new_folder_prepare(dir, force, ctx);
    if (status == SCRUTIN_OK)
        status = imp_write(&s, dir, id, ctx);
    imp_scenario_free(&s);
    imp_table_free(&t);
    return status;
}
