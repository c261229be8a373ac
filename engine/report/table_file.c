/* Tables and JSON documents written whole into an output folder. */
#include "table_file.h"

#include <errno.h>
#include <jansson.h>

#include "output_files.h"

int report_table_file(const char *out_dir, const char *name, const run_table *table,
                      const run_data *data, scrutin_ctx *ctx)
{
    atomic_file af;
    int status = atomic_file_open(&af, out_dir, name, ctx);
    if (status != SCRUTIN_OK)
        return status;
    errno = 0;
    status = table_csv_write(af.f, table, data);
    if (status != SCRUTIN_OK)
        return atomic_file_fail(&af, status, errno, out_dir, name, ctx);
    return atomic_file_commit(&af, ctx);
}

int report_json_stream(FILE *f, json_t *root)
{
    /* Sorted keys and fixed indentation: the same results give the same bytes. */
    if (json_dumpf(root, f, JSON_INDENT(2) | JSON_SORT_KEYS | JSON_REAL_PRECISION(17)) != 0 ||
        fputc('\n', f) == EOF)
        return SCRUTIN_EIO;
    return SCRUTIN_OK;
}

int report_json_file(const char *out_dir, const char *name, json_t *root, scrutin_ctx *ctx)
{
    atomic_file af;
    int status = atomic_file_open(&af, out_dir, name, ctx);
    if (status != SCRUTIN_OK)
        return status;
    errno = 0;
    status = report_json_stream(af.f, root);
    if (status != SCRUTIN_OK)
        return atomic_file_fail(&af, status, errno, out_dir, name, ctx);
    return atomic_file_commit(&af, ctx);
}
