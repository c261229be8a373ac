/*
 * Fuzz target: the CSV tables. The input is one CSV file, read by both table
 * readers (districts and lists), which go through csv_table.c and then check
 * every cell. Whatever the input, nothing may crash, leak or trip a sanitizer.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_files.h"
#include "scenario/scenario_types.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[512];
    if (!fuzz_path("table.csv", path, sizeof path) || fuzz_write(path, data, size) != 0)
        return 0;
    scrutin_ctx *ctx = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return 0;
    /* A scenario with no YAML part: only what the table readers fill, freed by the usual free. */
    scrutin_scenario *s = calloc(1, sizeof *s);
    if (s) {
        s->path = strdup("scenario.yaml");
        s->dir = strdup("");
        s->districts_path = strdup(path);
        s->lists_path = strdup(path);
        if (s->path && s->dir && s->districts_path && s->lists_path) {
            scn_districts_read(s, ctx);
            scn_lists_read(s, ctx);
        }
        scrutin_scenario_free(s);
    }
    char buf[2048];
    for (size_t i = 0; i < scrutin_ctx_count(ctx); i++)
        scrutin_ctx_format(ctx, i, buf, sizeof buf);
    scrutin_ctx_free(ctx);
    return 0;
}
