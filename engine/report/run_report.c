/* scrutin_run_write: every output file of a run, each written whole or not at all. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "../common/number_format.h"
#include "../common/versioned.h"
#include "output_files.h"
#include "output_session.h"
#include "run_json.h"
#include "run_tables.h"
#include "scrutin/report.h"

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The arguments describe one run of one model: catch a summary of another tally early. */
static int check_arguments(const char *out_dir, const run_data *d, const scrutin_run_info *info,
                           scrutin_ctx *ctx)
{
    if (!out_dir || !d->model || !d->tally || !d->summary || !info)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_run_write: an argument is NULL");
    if (VERSIONED_CHECK(info, "scrutin_run_write", scrutin_run_info, SCRUTIN_RUN_INFO, ctx) !=
        SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    int checked = scrutin_tally_check(d->tally, d->model, "scrutin_run_write", ctx);
    if (checked != SCRUTIN_OK)
        return checked;
    const scrutin_summary *s = d->summary;
    const scrutin_model *m = d->model;
    int same_shape = s->n_groups[SCRUTIN_GROUP_PARTY] == scrutin_model_count(m, SCRUTIN_ENTITY_PARTY) &&
                     s->n_groups[SCRUTIN_GROUP_COALITION] ==
                         scrutin_model_count(m, SCRUTIN_ENTITY_COALITION) &&
                     s->n_districts == scrutin_model_count(m, SCRUTIN_ENTITY_DISTRICT) &&
                     s->n_lists == scrutin_model_count(m, SCRUTIN_ENTITY_LIST) &&
                     s->seats == scrutin_model_seats(m) && scrutin_tally_seats(d->tally) == s->seats;
    if (!same_shape || s->simulations != scrutin_tally_simulations(d->tally))
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_run_write: the summary, the tally and the model do not "
                                 "describe the same run");
    if (info->completed != 0 && info->completed != s->simulations)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_run_write: the run info says %llu simulations were "
                                 "completed, the tally counts %llu",
                                 (unsigned long long)info->completed,
                                 (unsigned long long)s->simulations);
    return SCRUTIN_OK;
}

static int write_table(const char *out_dir, const run_table *table, const run_data *d,
                       scrutin_ctx *ctx)
{
    char name[64];
    snprintf(name, sizeof name, "%s.csv", table->name);
    atomic_file af;
    int status = atomic_file_open(&af, out_dir, name, ctx);
    if (status != SCRUTIN_OK)
        return status;
    errno = 0;
    status = table_csv_write(af.f, table, d);
    if (status != SCRUTIN_OK)
        return atomic_file_fail(&af, status, errno, out_dir, name, ctx);
    return atomic_file_commit(&af, ctx);
}

static int write_json(const char *out_dir, const run_data *d, const scrutin_run_info *info,
                      double write_seconds, scrutin_ctx *ctx)
{
    json_t *root = NULL;
    int status = report_run_json(&root, d, info, write_seconds);
    /* Held back, if a run holds the folder, until every other file is written (output_session.h). */
    if (status == SCRUTIN_OK)
        status = report_index_file(out_dir, "run.json", root, ctx);
    json_decref(root);
    return status;
}

int scrutin_run_write(const char *out_dir, const scrutin_model *model, const scrutin_tally *tally,
                      const scrutin_summary *summary, const scrutin_run_info *info,
                      scrutin_ctx *ctx)
{
    double start = now_seconds();
    run_data d = {model, tally, summary, NULL, 0, NULL};
    int status = check_arguments(out_dir, &d, info, ctx);
    if (status != SCRUTIN_OK)
        return status;
    /* Several systems on the same votes: every table carries a `system` column. */
    run_systems rs;
    status = run_systems_make(&rs, model, tally, summary, "scrutin_run_write", ctx);
    if (status != SCRUTIN_OK)
        return status;
    d = rs.data;
    status = report_make_folder(out_dir, ctx);
    if (status != SCRUTIN_OK) {
        run_systems_free(&rs);
        return status;
    }
    report_locale c_numbers;
    status = report_locale_enter(&c_numbers);
    /* run.json last: it describes the tables, so it is replaced only once they all have been. */
    for (size_t i = 0; i < REPORT_RUN_TABLES && status == SCRUTIN_OK; i++)
        status = write_table(out_dir, &report_run_tables[i], &d, ctx);
    if (status == SCRUTIN_OK)
        status = write_json(out_dir, &d, info, info->write_seconds + (now_seconds() - start), ctx);
    report_locale_leave(&c_numbers);
    run_systems_free(&rs);
    return status;
}
