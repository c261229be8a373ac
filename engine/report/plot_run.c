/* scrutin_run_plot: the seat distributions of coalitions and the largest parties, and the districts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../common/versioned.h"
#include "plot_files.h"
#include "plot_run.h"
#include "scrutin/plot.h"

#define TITLE_SIZE 160

static const char *const run_names[] = {"coalition_seats", "party_seats", "district_outcomes"};

const char *const *scrutin_run_plot_names(size_t *count)
{
    if (count)
        *count = sizeof run_names / sizeof run_names[0];
    return run_names;
}

/* The final curve first (filled), the provisional one over it (outlined). */
static const scrutin_stage curve_stage[2] = {SCRUTIN_STAGE_FINAL, SCRUTIN_STAGE_PROVISIONAL};
static const char *const curve_labels[2] = {"final (after the court)",
                                            "provisional (before the court)"};

/* Room for the panels of up to @p n groups: titles and distributions. */
typedef struct panel_buffers {
    char (*titles)[TITLE_SIZE];
    const char **title_ptrs;
    double *values;        /* [n * 2][seats + 1] */
    const double **curves; /* [n * 2] */
} panel_buffers;

static void buffers_free(panel_buffers *b)
{
    free(b->titles);
    free(b->title_ptrs);
    free(b->values);
    free(b->curves);
}

static int buffers_alloc(panel_buffers *b, size_t n, unsigned seats)
{
    size_t m = n ? n : 1;
    b->titles = malloc(m * sizeof *b->titles);
    b->title_ptrs = malloc(m * sizeof *b->title_ptrs);
    b->values = malloc(m * 2 * ((size_t)seats + 1) * sizeof *b->values);
    b->curves = malloc(m * 2 * sizeof *b->curves);
    if (!b->titles || !b->title_ptrs || !b->values || !b->curves) {
        buffers_free(b);
        return SCRUTIN_ENOMEM;
    }
    return SCRUTIN_OK;
}

/* Panel @p i shows group @p group of @p kind; @return the largest seat count it ever takes. */
static unsigned fill_panel(panel_buffers *b, size_t i, const scrutin_model *model,
                           const scrutin_tally *tally, const scrutin_summary *s,
                           scrutin_group_kind kind, size_t group)
{
    static const scrutin_entity entity[SCRUTIN_GROUP_KINDS] = {SCRUTIN_ENTITY_PARTY,
                                                               SCRUTIN_ENTITY_COALITION};
    double n = (double)s->simulations;
    unsigned top = 0;
    for (size_t c = 0; c < 2; c++) {
        double *v = b->values + (i * 2 + c) * ((size_t)s->seats + 1);
        const int64_t *hist = scrutin_tally_seat_histogram(tally, curve_stage[c], kind, group);
        for (unsigned seat = 0; seat <= s->seats; seat++) {
            v[seat] = (double)hist[seat] / n;
            if (hist[seat] > 0 && seat > top)
                top = seat;
        }
        b->curves[i * 2 + c] = v;
    }
    const scrutin_group_summary *f = &s->groups[SCRUTIN_STAGE_FINAL][kind][group];
    const scrutin_group_summary *p = &s->groups[SCRUTIN_STAGE_PROVISIONAL][kind][group];
    /* A group is titled by its name (UTF-8) where the scenario gives one, else by its id. */
    const char *label = scrutin_model_entity_name(model, entity[kind], group);
    if (!label || !label[0])
        label = scrutin_model_id(model, entity[kind], group);
    /* Parties are drawn two by two: their titles say less. */
    if (kind == SCRUTIN_GROUP_COALITION)
        snprintf(b->titles[i], TITLE_SIZE,
                 "%s: mean %.1f seats, P(majority) %.1f%% (provisional %.1f%%)", label, f->mean,
                 100.0 * f->majority.p, 100.0 * p->majority.p);
    else
        snprintf(b->titles[i], TITLE_SIZE, "%s: mean %.1f seats, P(majority) %.1f%%", label,
                 f->mean, 100.0 * f->majority.p);
    b->title_ptrs[i] = b->titles[i];
    return top;
}

static int plot_coalitions(const char *dir, const scrutin_model *model, const scrutin_tally *tally,
                           const scrutin_summary *s, scrutin_ctx *ctx)
{
    size_t n = s->n_groups[SCRUTIN_GROUP_COALITION];
    if (n == 0) {
        plot_remove(dir, run_names[0]);
        return SCRUTIN_OK;
    }
    panel_buffers b;
    if (buffers_alloc(&b, n, s->seats) != SCRUTIN_OK)
        return SCRUTIN_ENOMEM;
    for (size_t c = 0; c < n; c++)
        fill_panel(&b, c, model, tally, s, SCRUTIN_GROUP_COALITION, c);
    char title[TITLE_SIZE];
    char note[96];
    plot_system_note(note, sizeof note, model);
    snprintf(title, sizeof title, "%s: seats of each coalition in %llu simulated elections%s",
             scrutin_model_name(model), (unsigned long long)s->simulations, note);
    seat_panels p = {run_names[0], "the distribution of each coalition's seats, final and provisional",
                     title, s->seats, s->majority, 0, 1, n, 2, b.title_ptrs, curve_labels,
                     b.curves};
    int status = plot_seat_panels(dir, &p, ctx);
    buffers_free(&b);
    return status;
}

static int plot_parties(const char *dir, const scrutin_model *model, const scrutin_tally *tally,
                        const scrutin_summary *s, unsigned parties, scrutin_ctx *ctx)
{
    size_t picked[64];
    size_t n = scrutin_summary_largest_parties(s, picked, parties < 64 ? parties : 64);
    if (n == 0) {
        plot_remove(dir, run_names[1]);
        return SCRUTIN_OK;
    }
    panel_buffers b;
    if (buffers_alloc(&b, n, s->seats) != SCRUTIN_OK)
        return SCRUTIN_ENOMEM;
    unsigned top = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned t = fill_panel(&b, i, model, tally, s, SCRUTIN_GROUP_PARTY, picked[i]);
        top = t > top ? t : top;
    }
    /* A common axis up to a little past the largest seat count any of them ever took. */
    unsigned end = (top + 2 + 4) / 5 * 5;
    end = end < 10 ? 10 : end;
    end = end > s->seats ? s->seats : end;
    char title[TITLE_SIZE];
    char note[96];
    plot_system_note(note, sizeof note, model);
    snprintf(title, sizeof title,
             "%s: seats of the %zu largest parties in %llu simulated elections%s",
             scrutin_model_name(model), n, (unsigned long long)s->simulations, note);
    seat_panels p = {run_names[1], "the distribution of the largest parties' seats, final and provisional",
                     title, s->seats, s->majority, end, n > 1 ? 2 : 1, n, 2, b.title_ptrs,
                     curve_labels, b.curves};
    int status = plot_seat_panels(dir, &p, ctx);
    buffers_free(&b);
    return status;
}

int scrutin_run_plot(const char *out_dir, const scrutin_model *model, const scrutin_tally *tally,
                     const scrutin_summary *summary, const scrutin_plot_options *options,
                     scrutin_ctx *ctx)
{
    static const scrutin_plot_options defaults = SCRUTIN_PLOT_OPTIONS_INIT;
    if (!options)
        options = &defaults;
    if (!out_dir || !model || !tally || !summary)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_run_plot: an argument is NULL");
    int checked = scrutin_tally_check(tally, model, "scrutin_run_plot", ctx);
    if (checked != SCRUTIN_OK)
        return checked;
    if (VERSIONED_CHECK(options, "scrutin_run_plot", scrutin_plot_options, SCRUTIN_PLOT_OPTIONS,
                        ctx) != SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    const scrutin_summary *s = summary;
    if (s->simulations == 0 || s->simulations != scrutin_tally_simulations(tally) ||
        s->seats != scrutin_tally_seats(tally) || s->seats != scrutin_model_seats(model) ||
        s->n_districts != scrutin_model_count(model, SCRUTIN_ENTITY_DISTRICT) ||
        s->n_groups[SCRUTIN_GROUP_PARTY] != scrutin_model_count(model, SCRUTIN_ENTITY_PARTY) ||
        s->n_groups[SCRUTIN_GROUP_COALITION] != scrutin_model_count(model, SCRUTIN_ENTITY_COALITION))
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_run_plot: the summary, the tally and the model do not "
                                 "describe the same run");
    char *dir = NULL;
    int status = plot_folder(&dir, out_dir, ctx);
    if (status == SCRUTIN_OK)
        status = plot_coalitions(dir, model, tally, s, ctx);
    if (status == SCRUTIN_OK)
        status = plot_parties(dir, model, tally, s, options->parties, ctx);
    if (status == SCRUTIN_OK)
        status = plot_districts(dir, run_names[2], model, s, ctx);
    free(dir);
    return status;
}
