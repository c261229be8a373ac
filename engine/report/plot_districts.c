/*
 * How each district is decided: P(decided in round 1) above, P(the court's
 * decisions after the vote change the winner) below, one bar per district in
 * the scenario's order, regions marked off by thin lines and named above.
 */
#include <stdlib.h>
#include <string.h>

#include "../common/number_format.h"
#include "plot_files.h"
#include "plot_run.h"

/* Beyond this many districts their names no longer fit under the bars: the axis counts them. */
#define NAMED_DISTRICTS 120

typedef struct district_plot {
    const char *name;
    const scrutin_model *model;
    const scrutin_summary *s;
} district_plot;

static int write_data(FILE *f, const void *data)
{
    const district_plot *d = data;
    fputs("district,region,seats,p_decided_round1,p_court_flip,p_decided_round1_se,"
          "p_court_flip_se\n",
          f);
    char a[REPORT_NUMBER_SIZE], b[REPORT_NUMBER_SIZE], c[REPORT_NUMBER_SIZE], e[REPORT_NUMBER_SIZE];
    for (size_t i = 0; i < d->s->n_districts; i++) {
        const scrutin_district_summary *ds = &d->s->districts[i];
        size_t region = scrutin_model_district_region(d->model, i);
        report_format_double(a, ds->round1.p);
        report_format_double(b, ds->court_flip.p);
        report_format_double(c, ds->round1.se);
        report_format_double(e, ds->court_flip.se);
        fprintf(f, "%s,%s,%u,%s,%s,%s,%s\n", scrutin_model_id(d->model, SCRUTIN_ENTITY_DISTRICT, i),
                scrutin_model_id(d->model, SCRUTIN_ENTITY_REGION, region),
                scrutin_model_district_seats(d->model, i), a, b, c, e);
    }
    return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

/* A thin line before each region's first district but the first, and the region's name above it. */
static void write_regions(FILE *f, const district_plot *d)
{
    size_t n = d->s->n_districts, first = 0;
    int tag = 10;
    for (size_t i = 1; i <= n; i++) {
        size_t region = scrutin_model_district_region(d->model, first);
        if (i < n && scrutin_model_district_region(d->model, i) == region)
            continue;
        if (first > 0)
            fprintf(f, "    set arrow %d from %zu.5, graph 0 to %zu.5, graph 1 nohead lc '#999999' "
                       "lw 1 back\n", tag++, first - 1, first - 1);
        /* Centred over the region's districts, just above the panel. */
        fprintf(f, "    set label %d ", tag++);
        gp_quote(f, scrutin_model_id(d->model, SCRUTIN_ENTITY_REGION, region));
        fprintf(f, " at %.1f, graph 1 center offset 0,0.7 font ',10' tc '#555555'\n",
                (double)(first + i - 1) / 2.0);
        first = i;
    }
}

static int write_script(FILE *f, const void *data)
{
    const district_plot *d = data;
    size_t n = d->s->n_districts;
    int named = n <= NAMED_DISTRICTS;
    unsigned width = named ? (unsigned)(n * 20 + 160) : 1200;
    width = width < 1000 ? 1000 : width;
    unsigned height = 820;
    gp_begin(f, d->name, "each district's probability of being decided in round 1 and of a court "
                         "reversal", width, height);
    double w = width, h = height;
    /* A court that never changes a winner (off, or idle) gets no panel: an empty one says nothing. */
    double most = 0.0;
    for (size_t i = 0; i < n; i++)
        most = d->s->districts[i].court_flip.p > most ? d->s->districts[i].court_flip.p : most;
    int court = most > 0.0;
    /* Two panels; the room below the second one holds the districts' names, written upwards. */
    double left = 85.0 / w, right = 1.0 - 25.0 / w, top = 1.0 - 100.0 / h;
    double bottom = (named ? 120.0 : 60.0) / h, gap = 90.0 / h;
    fprintf(f, "    set multiplot layout %d,1 title ", court ? 2 : 1);
    char title[200];
    char note[96];
    plot_system_note(note, sizeof note, d->model);
    snprintf(title, sizeof title, "%s: how each district is decided, in %llu simulated elections%s",
             scrutin_model_name(d->model), (unsigned long long)d->s->simulations, note);
    gp_quote(f, title);
    fprintf(f, " font ',15' margins %.4f,%.4f,%.4f,%.4f spacing 0,%.4f\n", left, right, bottom, top,
            gap);
    fprintf(f, "    set xrange [-0.6:%zu.4]\n", n > 0 ? n - 1 : 0);
    fputs("    set style fill solid 0.85 noborder\n"
          "    set boxwidth 0.75 relative\n"
          "    set title offset 0,1.2 font ',12'\n"
          "    set ylabel 'probability (%)'\n"
          "    unset key\n",
          f);
    write_regions(f, d);
    if (named && court)
        fputs("    unset xtics\n", f);
    else if (!named)
        fputs("    set xlabel 'district (in the scenario''s order)'\n", f);
    /* Top panel: no names under it (the bottom panel carries them), the same x positions. */
    fputs("    set title 'P(decided in round 1: a list wins an absolute majority)'\n"
          "    set yrange [0:100]\n",
          f);
    if (!court && named) {
        fprintf(f, "    set xtics rotate by 90 right scale 0 font ',9'\n"
                   "    plot data using 0:(100 * $4):xtic(1) with boxes lc '%s'\n"
                   "    unset multiplot\n",
                plot_colours[0]);
    } else {
        fprintf(f, "    plot data using 0:(100 * $4) with boxes lc '%s'\n", plot_colours[0]);
        if (!court)
            fputs("    unset multiplot\n", f);
    }
    if (!court) {
        gp_end(f);
        return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
    }
    fprintf(f, "    unset label\n"
               "    set title 'P(the court''s decisions after the vote change the winner)'\n"
               "    set yrange [0:%s]\n",
            most > 0.0 ? "*" : "1");
    if (named)
        fprintf(f, "    set xtics rotate by 90 right scale 0 font ',9'\n"
                   "    plot data using 0:(100 * $5):xtic(1) with boxes lc '%s'\n",
                plot_colours[1]);
    else
        fprintf(f, "    plot data using 0:(100 * $5) with boxes lc '%s'\n", plot_colours[1]);
    fputs("    unset multiplot\n", f);
    gp_end(f);
    return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

int plot_districts(const char *dir, const char *name, const scrutin_model *model,
                   const scrutin_summary *s, scrutin_ctx *ctx)
{
    district_plot d = {name, model, s};
    if (s->n_districts == 0) {
        plot_remove(dir, name);
        return SCRUTIN_OK;
    }
    plot_forget_images(dir, name);
    int status = plot_write_file(dir, name, "csv", write_data, &d, ctx);
    if (status == SCRUTIN_OK)
        status = plot_write_file(dir, name, "gp", write_script, &d, ctx);
    return status;
}
