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
#include "../model/model_types.h"

/* Beyond this many districts their names no longer fit under the bars: the axis counts them. */
#define NAMED_DISTRICTS 120

/* At most two panels per system: round 1, and the court. */
#define MAX_PANELS (2 * SCRUTIN_MAX_SYSTEMS)

typedef struct district_panel {
    size_t system;
    int court; /* 0: P(decided in round 1); 1: P(the court changes the winner) */
} district_panel;

typedef struct district_plot {
    const char *name;
    const scrutin_model *model;
    const scrutin_summary *const *s; /* [n_systems] */
    size_t n_systems;
    district_panel panels[MAX_PANELS];
    size_t n_panels;
} district_plot;

static int write_data(FILE *f, const void *data)
{
    const district_plot *d = data;
    int several = d->n_systems > 1;
    fprintf(f, "%sdistrict,region,seats,p_decided_round1,p_court_flip,p_decided_round1_se,"
               "p_court_flip_se\n",
            several ? "system," : "");
    char a[REPORT_NUMBER_SIZE], b[REPORT_NUMBER_SIZE], c[REPORT_NUMBER_SIZE], e[REPORT_NUMBER_SIZE];
    /* System by system: the script picks a system's rows by their line numbers. */
    for (size_t k = 0; k < d->n_systems; k++)
        for (size_t i = 0; i < d->s[k]->n_districts; i++) {
            const scrutin_district_summary *ds = &d->s[k]->districts[i];
            size_t region = scrutin_model_district_region(d->model, i);
            report_format_double(a, ds->round1.p);
            report_format_double(b, ds->court_flip.p);
            report_format_double(c, ds->round1.se);
            report_format_double(e, ds->court_flip.se);
            if (several)
                fprintf(f, "%s,", scrutin_model_system_id(d->model, k));
            fprintf(f, "%s,%s,%u,%s,%s,%s,%s\n",
                    scrutin_model_id(d->model, SCRUTIN_ENTITY_DISTRICT, i),
                    scrutin_model_id(d->model, SCRUTIN_ENTITY_REGION, region),
                    scrutin_model_district_seats(d->model, i), a, b, c, e);
        }
    return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

/* Whether system @p k has a round 2: under the others, round 1 decides every district. */
static int has_round2(const scrutin_model *m, size_t k)
{
    const scrutin_rules *r = scrutin_model_system_rules(m, k);
    return r && (r->system == SCRUTIN_SYSTEM_TWO_ROUND_LIST ||
                 r->system == SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED);
}

/* The panels that say something: the round 1 of a system with a round 2, a court that changes
   some winner; the first system's round 1 if nothing does, so that the plot is there. */
static void pick_panels(district_plot *d)
{
    d->n_panels = 0;
    for (size_t k = 0; k < d->n_systems && d->n_panels + 2 <= MAX_PANELS; k++) {
        int round2 = has_round2(d->model, k), court = 0;
        for (size_t i = 0; i < d->s[k]->n_districts; i++)
            court |= d->s[k]->districts[i].court_flip.p > 0.0;
        if (round2)
            d->panels[d->n_panels++] = (district_panel){k, 0};
        if (court)
            d->panels[d->n_panels++] = (district_panel){k, 1};
    }
    if (d->n_panels == 0)
        d->panels[d->n_panels++] = (district_panel){0, 0};
}

/* A thin line before each region's first district but the first, and the region's name above it. */
static void write_regions(FILE *f, const district_plot *d)
{
    size_t n = d->s[0]->n_districts, first = 0;
    int tag = 10;
    for (size_t i = 1; i <= n; i++) {
        size_t region = scrutin_model_district_region(d->model, first);
        if (i < n && scrutin_model_district_region(d->model, i) == region)
            continue;
        if (first > 0)
            fprintf(f, "    set arrow %d from %zu.5, graph 0 to %zu.5, graph 1 nohead lc '#999999' "
                       "lw 1 back\n", tag++, first - 1, first - 1);
        /* Centred over the region's districts, just above the first panel. */
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
    size_t n = d->s[0]->n_districts;
    int named = n <= NAMED_DISTRICTS;
    unsigned width = named ? (unsigned)(n * 20 + 160) : 1200;
    width = width < 1000 ? 1000 : width;
    char title[400];
    int used = snprintf(title, sizeof title, "%s: how each district is decided, in %llu simulated "
                        "elections", scrutin_model_name(d->model),
                        (unsigned long long)d->s[0]->simulations);
    if (d->n_systems > 1 && used > 0 && (size_t)used < sizeof title)
        snprintf(title + used, sizeof title - (size_t)used,
                 ", under each system (a system without round 2 decides every district in round 1)");
    size_t title_lines = gp_title(NULL, title, GP_TITLE_WIDTH);
    /* A panel of 300 pixels each; the room below the last holds the districts' names. */
    double head = 100.0 + 22.0 * (double)(title_lines - 1), foot = named ? 120.0 : 60.0;
    unsigned height = (unsigned)(head + foot + 300.0 * (double)d->n_panels);
    gp_begin(f, d->name, "each district's probability of being decided in round 1 and of a court "
                         "reversal", width, height);
    double w = width, h = height;
    double left = 85.0 / w, right = 1.0 - 25.0 / w, top = 1.0 - head / h;
    double bottom = foot / h, gap = 90.0 / h;
    fprintf(f, "    set multiplot layout %zu,1 title ", d->n_panels);
    gp_title(f, title, GP_TITLE_WIDTH);
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
    if (!named)
        fputs("    set xlabel 'district (in the scenario''s order)'\n", f);
    for (size_t p = 0; p < d->n_panels; p++) {
        const district_panel *x = &d->panels[p];
        int last = p + 1 == d->n_panels;
        char panel[200];
        snprintf(panel, sizeof panel, "%s%s%s",
                 d->n_systems > 1 ? scrutin_model_system_id(d->model, x->system) : "",
                 d->n_systems > 1 ? ": " : "",
                 x->court ? "P(the court's decisions after the vote change the winner)"
                          : "P(decided in round 1: a list wins an absolute majority)");
        fputs("    set title ", f);
        gp_quote(f, panel);
        fputc('\n', f);
        if (x->court) {
            double most = 0.0;
            for (size_t i = 0; i < n; i++)
                most = d->s[x->system]->districts[i].court_flip.p > most
                           ? d->s[x->system]->districts[i].court_flip.p
                           : most;
            fprintf(f, "    set yrange [0:%s]\n", most > 0.0 ? "*" : "1");
        } else
            fputs("    set yrange [0:100]\n", f);
        /* Names only under the last panel; the others keep the same x positions. */
        if (named && last)
            fputs("    set xtics rotate by 90 right scale 0 font ',9'\n", f);
        else if (named)
            fputs("    unset xtics\n", f);
        fprintf(f, "    plot data every ::%zu::%zu using 0:(100 * column('%s'))%s with boxes "
                   "lc '%s'\n",
                x->system * n, x->system * n + (n ? n - 1 : 0),
                x->court ? "p_court_flip" : "p_decided_round1",
                named && last ? ":xtic(strcol('district'))" : "", plot_colours[x->court]);
        /* The regions' names over the first panel only. */
        if (p == 0)
            fputs("    unset label\n", f);
    }
    fputs("    unset multiplot\n", f);
    gp_end(f);
    return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

int plot_districts(const char *dir, const char *name, const scrutin_model *model,
                   const scrutin_summary *const *summaries, size_t n_systems, scrutin_ctx *ctx)
{
    if (n_systems == 0 || summaries[0]->n_districts == 0) {
        plot_remove(dir, name);
        return SCRUTIN_OK;
    }
    district_plot d = {name, model, summaries, n_systems > SCRUTIN_MAX_SYSTEMS ? SCRUTIN_MAX_SYSTEMS : n_systems,
                       {{0, 0}}, 0};
    pick_panels(&d);
    plot_forget_images(dir, name);
    int status = plot_write_file(dir, name, "csv", write_data, &d, ctx);
    if (status == SCRUTIN_OK)
        status = plot_write_file(dir, name, "gp", write_script, &d, ctx);
    return status;
}
