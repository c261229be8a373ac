/* scrutin_plot_curves: probability curves over a swept parameter, with their Monte Carlo bands. */
#include <math.h>
#include <stdlib.h>

#include "../common/number_format.h"
#include "../common/versioned.h"
#include "plot_files.h"
#include "scrutin/plot.h"

typedef struct sweep_plot {
    const char *name, *title, *x_label, *y_label;
    size_t n_points;
    const double *x;
    size_t n_curves;
    const scrutin_plot_curve *curves;
    const char *const *groups, *const *systems;
} sweep_plot;

/* A number for gnuplot: NaN where there is none (gnuplot then leaves a gap). */
static void put_number(FILE *f, double v)
{
    char number[REPORT_NUMBER_SIZE];
    if (isfinite(v)) {
        report_format_double(number, v);
        fputs(number, f);
    } else {
        fputs("NaN", f);
    }
}

/* Tidy: a row per curve and value, its group (and system) in columns of their own (commas
   and quotes, which a cell would need quoting for, become spaces). */
static int write_data(FILE *f, const void *data)
{
    const sweep_plot *d = data;
    fprintf(f, "x,group,%sprobability,probability_se\n", d->systems ? "system," : "");
    for (size_t c = 0; c < d->n_curves; c++)
        for (size_t i = 0; i < d->n_points; i++) {
            put_number(f, d->x[i]);
            fputc(',', f);
            csv_header_field(f, d->groups && d->groups[c] ? d->groups[c] : d->curves[c].label);
            fputc(',', f);
            if (d->systems) {
                csv_header_field(f, d->systems[c] ? d->systems[c] : "");
                fputc(',', f);
            }
            put_number(f, d->curves[c].p[i]);
            fputc(',', f);
            put_number(f, d->curves[c].se ? d->curves[c].se[i] : NAN);
            fputc('\n', f);
        }
    return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

static int write_script(FILE *f, const void *data)
{
    const sweep_plot *d = data;
    gp_begin(f, d->name, "probability curves over a swept parameter", 1000, 620);
    fprintf(f, "    array curve[%zu]\n", d->n_curves);
    for (size_t c = 0; c < d->n_curves; c++) {
        fprintf(f, "    curve[%zu] = ", c + 1);
        gp_quote(f, d->curves[c].label);
        fputc('\n', f);
    }
    /* The title, then the key on one line under it, then the plot. */
    /* A long title is broken into lines (gnuplot would clip it), each pushing the plot down. */
    size_t lines = d->title ? gp_title(NULL, d->title, GP_TITLE_WIDTH) : 1;
    double drop = 0.035 * (double)(lines - 1);
    if (d->title) {
        fputs("    set label 1 ", f);
        gp_title(f, d->title, GP_TITLE_WIDTH);
        fputs(" at screen 0.5, screen 0.965 center font ',15'\n", f);
    }
    fputs("    set xlabel ", f);
    gp_quote(f, d->x_label);
    fputs("\n    set ylabel ", f);
    gp_quote(f, d->y_label);
    fputs("\n    set yrange [0:100]\n"
          "    set ytics 10\n"
          "    set grid xtics ytics lc '#dddddd' lw 1 dt 1\n"
          "    set autoscale xfix\n"
          "    set offsets graph 0.03, graph 0.03, 0, 0\n",
          f);
    fprintf(f, "    set tmargin at screen %.4f\n"
               "    set key at screen 0.5, screen %.4f center top horizontal reverse Left "
               "samplen 2.5 width 2\n",
            0.86 - drop, 0.935 - drop);
    fputs("    plot ", f);
    const char *sep = "";
    /* The bands first, so that every curve is drawn over them. */
    for (size_t c = 0; c < d->n_curves; c++) {
        if (!d->curves[c].se)
            continue;
        fprintf(f, "%sdata every ::%zu::%zu using 'x':(100 * (column('probability') - 2 * column('probability_se'))):(100 * (column('probability') + 2 * column('probability_se'))) "
                   "with filledcurves fs transparent solid 0.18 noborder lc '%s'",
                sep, c * d->n_points, (c + 1) * d->n_points - 1, plot_colours[c % PLOT_COLOURS]);
        sep = ", \\\n         ";
    }
    for (size_t c = 0; c < d->n_curves; c++) {
        fprintf(f, "%sdata every ::%zu::%zu using 'x':(100 * column('probability')) with "
                   "linespoints lw 2 pt 7 ps 0.8 lc '%s' title curve[%zu]",
                sep, c * d->n_points, (c + 1) * d->n_points - 1, plot_colours[c % PLOT_COLOURS],
                c + 1);
        sep = ", \\\n         ";
    }
    if (d->n_curves > 0 && d->curves[0].se)
        fputs(", \\\n         NaN with filledcurves fs transparent solid 0.18 noborder lc '#777777' "
              "title '± 2 standard errors'",
              f);
    fputc('\n', f);
    gp_end(f);
    return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

int scrutin_plot_curves(const char *out_dir, const scrutin_curves_spec *spec, scrutin_ctx *ctx)
{
    if (!out_dir || !spec)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_plot_curves: an argument is NULL");
    if (VERSIONED_CHECK(spec, "scrutin_plot_curves", scrutin_curves_spec, SCRUTIN_CURVES_SPEC,
                        ctx) != SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    const char *name = spec->name, *title = spec->title;
    const char *x_label = spec->x_label, *y_label = spec->y_label;
    size_t n_points = spec->n_points, n_curves = spec->n_curves;
    const double *x = spec->x;
    const scrutin_plot_curve *curves = spec->curves;
    if (!x_label || !y_label || !x || !curves)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_plot_curves: a field of the spec is NULL");
    int status = plot_check_name(name, ctx);
    if (status != SCRUTIN_OK)
        return status;
    if (n_points == 0 || n_curves == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_plot_curves: %zu points and %zu curves: nothing to draw",
                                 n_points, n_curves);
    for (size_t c = 0; c < n_curves; c++)
        if (!curves[c].label || !curves[c].p)
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                     "scrutin_plot_curves: curve %zu has no label or no values", c);
    char *dir = NULL;
    status = plot_folder(&dir, out_dir, ctx);
    if (status != SCRUTIN_OK)
        return status;
    sweep_plot d = {name, title, x_label, y_label, n_points, x, n_curves, curves, spec->groups,
                    spec->systems};
    plot_forget_images(dir, name);
    status = plot_write_file(dir, name, "csv", write_data, &d, ctx);
    if (status == SCRUTIN_OK)
        status = plot_write_file(dir, name, "gp", write_script, &d, ctx);
    free(dir);
    return status;
}
