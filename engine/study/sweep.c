/*
 * Sweeps: the scenario loaded once per step with one value set on it,
 * compiled and simulated with the same seed; the final seats of each
 * coalition kept per step. Steps run one after the other, each over every
 * thread (and, in the scrutin command under MPI, over every rank: the
 * step's tallies are added up before scrutin_sweep_add_step()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/number_format.h"
#include "../sim/options.h"
#include "reduce.h"
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
    for (size_t r = 0; s->rows && r < s->n_rows; r++) {
        free((char *)s->rows[r].coalition);
        free((char *)s->rows[r].system);
        free((char *)s->rows[r].label);
    }
    free(s->rows);
    free(s->values);
    free(s->completed);
    free(s->path);
    free(s->scenario_name);
    free(s);
}

int scrutin_sweep_new(scrutin_sweep **out, const char *set_path, double from, double to,
                      unsigned steps, uint64_t simulations, scrutin_ctx *ctx)
{
    if (!out)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_new: out is NULL");
    *out = NULL;
    if (!set_path || !set_path[0] || steps == 0 || simulations == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_new: needs a path to set, one step or more and "
                                 "one simulation or more");
    scrutin_sweep *s = calloc(1, sizeof *s);
    if (!s)
        return SCRUTIN_ENOMEM;
    s->path = strdup(set_path);
    s->values = calloc(steps, sizeof *s->values);
    s->completed = calloc(steps, sizeof *s->completed);
    s->n_steps = steps;
    s->simulations = simulations;
    if (!s->path || !s->values || !s->completed) {
        scrutin_sweep_free(s);
        return SCRUTIN_ENOMEM;
    }
    for (unsigned k = 0; k < steps; k++)
        s->values[k] = scrutin_sweep_value(from, to, steps, k);
    *out = s;
    return SCRUTIN_OK;
}

/* Step @p step's value as the scenario receives it, into @p text. @return 0 or SCRUTIN_ENOMEM. */
static int value_text(char text[REPORT_NUMBER_SIZE], const scrutin_sweep *s, size_t step)
{
    report_locale c_numbers;
    if (report_locale_enter(&c_numbers) != SCRUTIN_OK)
        return SCRUTIN_ENOMEM;
    report_format_double(text, s->values[step]);
    report_locale_leave(&c_numbers);
    return SCRUTIN_OK;
}

/* Say which step failed, after what failed: the diagnostics then read from cause to step. */
static int step_failed(scrutin_ctx *ctx, int status, const scrutin_sweep *s, size_t step,
                       const char *value)
{
    if (status != SCRUTIN_OK && status != SCRUTIN_EINTR && status != SCRUTIN_ENOMEM)
        scrutin_ctx_error(ctx, status, NULL, 0, NULL, "step %zu of the sweep (%s=%s) failed",
                          step, s->path, value);
    return status;
}

int scrutin_sweep_load_step(scrutin_model **out, const scrutin_sweep *s, const char *path,
                            size_t step, scrutin_ctx *ctx)
{
    if (!out)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_load_step: out is NULL");
    *out = NULL;
    if (!s || !path || step >= s->n_steps)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_load_step: needs a sweep, a scenario and a step "
                                 "of the sweep");
    char value[REPORT_NUMBER_SIZE];
    if (value_text(value, s, step) != SCRUTIN_OK)
        return SCRUTIN_ENOMEM;
    scrutin_scenario_setting setting = {s->path, value};
    scrutin_scenario *scenario = NULL;
    int status = scrutin_scenario_load_with(&scenario, path, &setting, 1, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_model_compile(out, scenario, ctx);
    scrutin_scenario_free(scenario);
    return step_failed(ctx, status, s, step, value);
}

int scrutin_sweep_add_step(scrutin_sweep *s, size_t step, const scrutin_model *m,
                           const scrutin_tally *tally, scrutin_ctx *ctx)
{
    if (!s || !m || !tally || step != s->n_done || step >= s->n_steps ||
        scrutin_tally_simulations(tally) == 0 ||
        scrutin_tally_seats(tally) != scrutin_model_seats(m))
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_add_step: needs the next step of the sweep (%zu), "
                                 "its model and a tally of at least one of its simulations",
                                 s ? s->n_done : (size_t)0);
    int checked = scrutin_tally_check(tally, m, "scrutin_sweep_add_step", ctx);
    if (checked != SCRUTIN_OK)
        return checked;
    size_t n = scrutin_model_count(m, SCRUTIN_ENTITY_COALITION), first = s->n_rows;
    size_t systems = scrutin_model_systems(m);
    scrutin_sweep_row *rows = realloc(s->rows, (s->n_rows + systems * n + 1) * sizeof *rows);
    if (rows)
        s->rows = rows;
    char *name = step == 0 && !s->scenario_name ? strdup(scrutin_model_name(m)) : NULL;
    int status = rows && (step > 0 || s->scenario_name || name) ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    /* Every electoral system of the step, each from its own counters. */
    for (size_t sys = 0; status == SCRUTIN_OK && sys < systems; sys++) {
        scrutin_summary *summary = NULL;
        status = scrutin_summary_compute(&summary, m, scrutin_tally_system(tally, sys), ctx);
        const char *system = systems > 1 ? scrutin_model_system_id(m, sys) : NULL;
        for (size_t k = 0; status == SCRUTIN_OK && k < n; k++) {
            const scrutin_group_summary *g =
                &summary->groups[SCRUTIN_STAGE_FINAL][SCRUTIN_GROUP_COALITION][k];
            scrutin_sweep_row *row = &s->rows[s->n_rows];
            const char *id = scrutin_model_id(m, SCRUTIN_ENTITY_COALITION, k);
            /* "ADP/dhondt": the GROUP/SCENARIO form of compare's plot columns. */
            *row = (scrutin_sweep_row){step, s->values[step], strdup(id), g->majority.p,
                                       g->majority.se, g->mean, g->mean_se, NULL, NULL};
            if (system) {
                row->system = strdup(system);
                size_t size = strlen(id) + strlen(system) + 3;
                char *label = malloc(size);
                if (label)
                    snprintf(label, size, "%s/%s", id, system);
                row->label = label;
            } else {
                row->label = row->coalition ? strdup(row->coalition) : NULL;
            }
            s->n_rows++; /* freed on failure below, whatever it holds */
            if (!row->coalition || !row->label || (system && !row->system))
                status = SCRUTIN_ENOMEM;
        }
        scrutin_summary_free(summary);
    }
    if (status != SCRUTIN_OK) {
        /* The sweep stays as it was (a larger rows array is harmless). */
        while (s->n_rows > first) {
            scrutin_sweep_row *row = &s->rows[--s->n_rows];
            free((char *)row->coalition);
            free((char *)row->system);
            free((char *)row->label);
        }
        free(name);
        return status;
    }
    s->several_systems = systems > 1;
    if (name)
        s->scenario_name = name;
    s->completed[step] = scrutin_tally_simulations(tally);
    s->n_done++;
    return SCRUTIN_OK;
}

int scrutin_sweep_partial(const scrutin_sweep *s)
{
    return s && (s->n_done < s->n_steps ||
                 (s->n_done > 0 && s->completed[s->n_done - 1] < s->simulations));
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

static int sum_tally(const scrutin_reduce *r, scrutin_tally *tally)
{
    size_t n = 0;
    int64_t *counters = scrutin_tally_counters(tally, &n);
    return study_sum(r, counters, n);
}

/*
 * One step on every process: load with the value set, compile, simulate this process's
 * block, sum onto the root, which adds the step. Every hook is called by every process in
 * the same order, whatever fails where. @p *stopped is set if any process was stopped (the
 * step keeps the simulations completed). @return 0 or the agreed failure.
 */
static int run_step(scrutin_sweep *s, size_t step, const char *path, const scrutin_sim_options *o,
                    const scrutin_reduce *r, int *stopped, scrutin_ctx *ctx)
{
    scrutin_model *model = NULL;
    scrutin_tally *tally = NULL;
    int status = scrutin_sweep_load_step(&model, s, path, step, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_tally_new(&tally, model);
    status = study_agree(r, status);
    if (status == SCRUTIN_OK) {
        scrutin_sim_options one = *o;
        study_block(r, o, &one.first, &one.count);
        step_progress progress = {o, (uint64_t)step * one.count,
                                  (uint64_t)s->n_steps * one.count};
        if (o->progress) {
            one.progress = on_progress;
            one.progress_data = &progress;
        }
        status = scrutin_sim_run(tally, model, &one, ctx);
        char value[REPORT_NUMBER_SIZE];
        if (status != SCRUTIN_OK && value_text(value, s, step) == SCRUTIN_OK)
            step_failed(ctx, status, s, step, value);
        /* A stop between two steps ends the sweep after this one, on every process. */
        status = study_settle(r, status, status == SCRUTIN_EINTR || (o->stop && *o->stop),
                              stopped);
        if (status == SCRUTIN_OK)
            status = sum_tally(r, tally);
        /* The root holds the sum; a step stopped before any simulation adds nothing. */
        uint64_t done = scrutin_tally_simulations(tally);
        if (status == SCRUTIN_OK && r->root && done > 0) {
            status = scrutin_sweep_add_step(s, step, model, tally, ctx);
        } else if (status == SCRUTIN_OK && done > 0) {
            s->completed[step] = done; /* another process: its own count, no rows */
            s->n_done++;
        }
        status = study_agree(r, status);
    }
    scrutin_tally_free(tally);
    scrutin_model_free(model);
    return status;
}

int scrutin_sweep_steps(scrutin_sweep *s, const char *path, const scrutin_sim_options *o,
                        const scrutin_reduce *reduce, scrutin_ctx *ctx)
{
    int checked = sim_options_check(o, "scrutin_sweep_steps", ctx);
    if (checked != SCRUTIN_OK)
        return checked;
    if (!s || !path || o->count == 0 || s->n_done != 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_steps: needs a new sweep, a scenario and one "
                                 "simulation or more");
    int status, stopped = 0;
    const scrutin_reduce *r = study_reduce_hooks(reduce, "scrutin_sweep_steps", &status, ctx);
    for (size_t k = 0; status == SCRUTIN_OK && !stopped && k < s->n_steps; k++)
        status = run_step(s, k, path, o, r, &stopped, ctx);
    return status == SCRUTIN_OK && stopped ? SCRUTIN_EINTR : status;
}

int scrutin_sweep_run(scrutin_sweep **out, const char *path, const char *set_path, double from,
                      double to, unsigned steps, const scrutin_sim_options *o, scrutin_ctx *ctx)
{
    *out = NULL;
    int checked = sim_options_check(o, "scrutin_sweep_run", ctx);
    if (checked != SCRUTIN_OK)
        return checked;
    if (!path || !set_path || !set_path[0] || steps == 0 || o->count == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_sweep_run: needs a scenario, a path to set, one step "
                                 "or more and one simulation or more");
    scrutin_sweep *s = NULL;
    int status = scrutin_sweep_new(&s, set_path, from, to, steps, o->count, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_sweep_steps(s, path, o, NULL, ctx);
    if (status == SCRUTIN_OK || (status == SCRUTIN_EINTR && s && s->n_done > 0)) {
        *out = s;
        return status;
    }
    scrutin_sweep_free(s);
    return status;
}
