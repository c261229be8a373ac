/*
 * scrutin_sweep_run: the scenario loaded once per step with one value set on
 * it, compiled and simulated with the same seed; the final seats of each
 * coalition kept per step. Steps run one after the other, each over every
 * thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../report/number_format.h"
#include "scrutin/model.h"
#include "scrutin/scenario.h"
#include "scrutin/summary.h"
#include "scrutin/sweep.h"
#include "scrutin/tally.h"

double scrutin_sweep_value(double from, double to, unsigned steps, unsigned k)
{
    if (steps <= 1 || k == 0)
        return from;
    if (k >= steps - 1)
        return to;
    double x = (from * (double)(steps - 1 - k) + to * (double)k) / (double)(steps - 1);
    /*
     * Rounded to 15 significant digits, which a double holds exactly: decimal ends give
     * decimal steps as an analyst writes them (0.3, not 0.30000000000000004).
     */
    char text[REPORT_NUMBER_SIZE];
    report_locale c_numbers;
    if (report_locale_enter(&c_numbers) != SCRUTIN_OK)
        return x;
    snprintf(text, sizeof text, "%.15g", x);
    double rounded = strtod(text, NULL);
    report_locale_leave(&c_numbers);
    return rounded;
}

void scrutin_sweep_free(scrutin_sweep *s)
{
    if (!s)
        return;
    for (size_t r = 0; s->rows && r < s->n_rows; r++)
        free((char *)s->rows[r].coalition);
    free(s->rows);
    free(s->values);
    free(s->path);
    free(s->scenario_name);
    free(s);
}

/* Progress over all the steps, from each step's own. */
typedef struct step_progress {
    const scrutin_sim_options *o;
    uint64_t offset, total;
} step_progress;

static void on_progress(uint64_t done, uint64_t total, void *data)
{
    (void)total;
    const step_progress *p = data;
    p->o->progress(p->offset + done, p->total, p->o->progress_data);
}

/* The coalitions' final seats of one step, appended to the rows. */
static int keep_step(scrutin_sweep *s, size_t step, const scrutin_model *m,
                     const scrutin_summary *summary)
{
    size_t n = scrutin_model_count(m, SCRUTIN_ENTITY_COALITION);
    scrutin_sweep_row *rows = realloc(s->rows, (s->n_rows + n + 1) * sizeof *rows);
    if (!rows)
        return SCRUTIN_ENOMEM;
    s->rows = rows;
    for (size_t k = 0; k < n; k++) {
        const scrutin_group_summary *g =
            &summary->groups[SCRUTIN_STAGE_FINAL][SCRUTIN_GROUP_COALITION][k];
        scrutin_sweep_row *row = &s->rows[s->n_rows];
        row->step = step;
        row->value = s->values[step];
        row->coalition = strdup(scrutin_model_id(m, SCRUTIN_ENTITY_COALITION, k));
        if (!row->coalition)
            return SCRUTIN_ENOMEM;
        row->p_majority = g->majority.p;
        row->p_majority_se = g->majority.se;
        row->mean_seats = g->mean;
        row->mean_se = g->mean_se;
        s->n_rows++;
    }
    return SCRUTIN_OK;
}

/* One step: load with the value set, compile, simulate, summarise, keep. */
static int run_step(scrutin_sweep *s, size_t step, const char *path, const scrutin_sim_options *o,
                    scrutin_ctx *ctx)
{
    char value[REPORT_NUMBER_SIZE];
    report_locale c_numbers;
    if (report_locale_enter(&c_numbers) != SCRUTIN_OK)
        return SCRUTIN_ENOMEM;
    report_format_double(value, s->values[step]);
    report_locale_leave(&c_numbers);
    scrutin_scenario_setting setting = {s->path, value};
    scrutin_scenario *scenario = NULL;
    scrutin_model *model = NULL;
    scrutin_tally *tally = NULL;
    scrutin_summary *summary = NULL;
    int status = scrutin_scenario_load_with(&scenario, path, &setting, 1, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_model_compile(&model, scenario, ctx);
    if (status == SCRUTIN_OK && !s->scenario_name &&
        !(s->scenario_name = strdup(scrutin_model_name(model))))
        status = SCRUTIN_ENOMEM;
    if (status == SCRUTIN_OK)
        status = scrutin_tally_new(&tally, model);
    if (status == SCRUTIN_OK) {
        scrutin_sim_options one = *o;
        step_progress progress = {o, (uint64_t)step * o->count, (uint64_t)s->n_steps * o->count};
        if (o->progress) {
            one.progress = on_progress;
            one.progress_data = &progress;
        }
        status = scrutin_sim_run(tally, model, &one, ctx);
    }
    if (status == SCRUTIN_OK)
        status = scrutin_summary_compute(&summary, model, tally, ctx);
    if (status == SCRUTIN_OK)
        status = keep_step(s, step, model, summary);
    if (status != SCRUTIN_OK && status != SCRUTIN_EINTR && status != SCRUTIN_ENOMEM)
        scrutin_ctx_error(ctx, status, NULL, 0, NULL, "step %zu of the sweep (%s=%s) failed",
                          step, s->path, value);
    scrutin_summary_free(summary);
    scrutin_tally_free(tally);
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    return status;
}

int scrutin_sweep_run(scrutin_sweep **out, const char *path, const char *set_path, double from,
                      double to, unsigned steps, const scrutin_sim_options *o, scrutin_ctx *ctx)
{
    *out = NULL;
    if (!path || !set_path || !set_path[0] || steps == 0 || !o ||
        o->version != SCRUTIN_SIM_OPTIONS_VERSION || o->count == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_run: needs a scenario, a path to set, one step "
                                 "or more, one simulation or more and options initialised with "
                                 "SCRUTIN_SIM_OPTIONS_INIT");
    scrutin_sweep *s = calloc(1, sizeof *s);
    if (!s)
        return SCRUTIN_ENOMEM;
    s->path = strdup(set_path);
    s->values = calloc(steps, sizeof *s->values);
    s->n_steps = steps;
    s->simulations = o->count;
    int status = s->path && s->values ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    for (unsigned k = 0; status == SCRUTIN_OK && k < steps; k++)
        s->values[k] = scrutin_sweep_value(from, to, steps, k);
    for (size_t k = 0; status == SCRUTIN_OK && k < steps; k++)
        status = run_step(s, k, path, o, ctx);
    if (status != SCRUTIN_OK) {
        scrutin_sweep_free(s);
        return status;
    }
    *out = s;
    return SCRUTIN_OK;
}
