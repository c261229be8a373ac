/*
 * Seat-distribution panels: the picture an analyst reads first. One panel per
 * group on a common seat axis, so that panels compare at a glance and the
 * majority line sits at the same place in each; the first curve filled, the
 * others outlined on top of it, so that two nearly equal distributions (a
 * run's provisional and final seats) both stay visible.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../common/number_format.h"
#include "plot_files.h"

/* Layout, in pixels: the width, one row of panels, and the room above and below them. */
#define WIDTH 1000
#define ROW_HEIGHT 230
#define TOP 118
#define BOTTOM 60
#define LEFT 85
#define RIGHT 25
#define GAP_X 85
#define GAP_Y 62

/* The observed result's line: a colour none of the curves has. */
#define OBSERVED_COLOUR "#cc3311"

static size_t rows_of(const seat_panels *p)
{
    return (p->n_panels + p->columns - 1) / p->columns;
}

static unsigned axis_end(const seat_panels *p)
{
    return p->x_max ? p->x_max : p->seats;
}

static int write_data(FILE *f, const void *data)
{
    const seat_panels *p = data;
    fprintf(f, "%s,%s,seats,probability\n", p->panel_columns, p->curve_columns);
    char number[REPORT_NUMBER_SIZE];
    /* Panel by panel, curve by curve: the script picks a curve's rows by their line numbers. */
    for (size_t i = 0; i < p->n_panels * p->n_curves; i++)
        for (unsigned s = 0; s <= p->seats; s++) {
            double v = p->probability[i][s];
            report_format_double(number, isfinite(v) ? v : 0.0);
            fprintf(f, "%s,%s,%u,%s\n", p->panel_keys[i / p->n_curves],
                    p->curve_keys[i % p->n_curves], s, number);
        }
    return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

/* The style of curve @p c: the first filled, the others outlined. */
static void put_style(FILE *f, size_t c)
{
    /* Opaque boxes with a border of their own colour: translucent or borderless ones leave
       hairlines between neighbours. The colour is the first one, lightened. */
    if (c == 0)
        fputs("with boxes fs solid 1 border lc '#abc2d9' lc '#abc2d9'", f);
    else
        fprintf(f, "with histeps lw 2 lc '%s'", plot_colours[c % PLOT_COLOURS]);
}

/* The plot command of panel `i` (a gnuplot variable): one term per curve, each its rows. */
static void write_plot_command(FILE *f, const seat_panels *p)
{
    fputs("        plot ", f);
    for (size_t c = 0; c < p->n_curves; c++) {
        fprintf(f, "%sdata every ::first(i, %zu)::first(i, %zu) + %u using 'seats':(100 * "
                   "column('probability')) ",
                c ? ", \\\n             " : "", c, c, p->seats);
        put_style(f, c);
    }
    fputc('\n', f);
}

/*
 * One key for all the panels, on one line under the title: an empty plot as
 * wide as the image, since a key may not be wider than the plot it belongs to.
 */
static void write_legend(FILE *f, const seat_panels *p, int majority_shown, double key_y)
{
    fprintf(f, "    set lmargin at screen 0.02\n"
               "    set rmargin at screen 0.98\n"
               "    set tmargin at screen %.4f\n"
               "    set bmargin at screen %.4f\n",
            key_y, key_y - 0.01);
    fputs("    unset title\n    unset xlabel\n    unset ylabel\n    unset arrow\n"
          "    unset grid\n    unset border\n    unset tics\n"
          "    set xrange [0:1]\n    set yrange [0:1]\n",
          f);
    fprintf(f, "    set key at screen 0.5, screen %.4f center top horizontal maxrows 1 reverse Left "
               "noautotitle samplen 2.5 width 2\n",
            key_y);
    fputs("    plot ", f);
    for (size_t c = 0; c < p->n_curves; c++) {
        fputs(c ? ", \\\n         NaN " : "NaN ", f);
        put_style(f, c);
        fprintf(f, " title curve[%zu]", c + 1);
    }
    if (majority_shown)
        fputs(", \\\n         NaN with lines lw 2 dt 2 lc '#222222' title majority_label", f);
    if (p->observed)
        fprintf(f, ", \\\n         NaN with lines lw 2.5 lc '%s' title observed_label",
                OBSERVED_COLOUR);
    fputc('\n', f);
}

/* The rows the key takes: gnuplot gives every entry the width of the longest, and wraps. */
static size_t key_rows(const seat_panels *p)
{
    size_t longest = p->observed && p->observed_label ? strlen(p->observed_label) : 0;
    size_t entries = p->n_curves + 1 + (p->observed != NULL);
    longest = longest > 26 ? longest : 26; /* the majority's */
    for (size_t c = 0; c < p->n_curves; c++)
        longest = strlen(p->curve_labels[c]) > longest ? strlen(p->curve_labels[c]) : longest;
    /* About 7 pixels a character at the key's font, and 60 for the sample and the gaps. */
    size_t per_row = (size_t)(0.96 * WIDTH) / (longest * 7 + 60);
    per_row = per_row ? per_row : 1;
    return (entries + per_row - 1) / per_row;
}

static int write_script(FILE *f, const void *data)
{
    const seat_panels *p = data;
    size_t rows = rows_of(p);
    /* A long title is broken into lines (gnuplot would clip it): each pushes the rest down. */
    size_t title_lines = p->title ? gp_title(NULL, p->title, GP_TITLE_WIDTH) : 1;
    double title_extra = 22.0 * (double)(title_lines - 1), extra = title_extra;
    /* So are the panels' titles, at a width that fits their panel; a line more in any of them
       makes every row taller by a line, so that the panels keep one size. */
    size_t panel_width = p->columns > 1 ? 110 / p->columns : 110, panel_lines = 1;
    for (size_t g = 0; g < p->n_panels; g++) {
        size_t lines = gp_title(NULL, p->panel_titles[g], panel_width);
        panel_lines = lines > panel_lines ? lines : panel_lines;
    }
    double row_extra = 17.0 * (double)(panel_lines - 1);
    extra += row_extra + 18.0 * (double)(key_rows(p) - 1);
    unsigned width = WIDTH,
             height = (unsigned)(TOP + extra + BOTTOM + (double)rows * (ROW_HEIGHT + row_extra));
    gp_begin(f, p->name, p->what, width, height);
    unsigned end = axis_end(p);
    int majority_shown = p->majority > 0 && p->majority <= end;

    fprintf(f, "    array panel[%zu]\n", p->n_panels);
    for (size_t g = 0; g < p->n_panels; g++) {
        fprintf(f, "    panel[%zu] = ", g + 1);
        gp_title(f, p->panel_titles[g], panel_width);
        fputc('\n', f);
    }
    fprintf(f, "    array curve[%zu]\n", p->n_curves);
    for (size_t c = 0; c < p->n_curves; c++) {
        fprintf(f, "    curve[%zu] = ", c + 1);
        gp_quote(f, p->curve_labels[c]);
        fputc('\n', f);
    }
    if (majority_shown)
        fprintf(f, "    majority_label = 'majority: %u seats or more'\n", p->majority);
    /* Curve c of panel i is rows first(i, c) to first(i, c) + seats of the data (0-based). */
    fprintf(f, "    first(i, c) = ((i - 1) * %zu + c) * %u\n", p->n_curves, p->seats + 1);
    if (p->observed) {
        fputs("    observed_label = ", f);
        gp_quote(f, p->observed_label ? p->observed_label : "observed");
        fprintf(f, "\n    array observed[%zu]\n", p->n_panels);
        for (size_t g = 0; g < p->n_panels; g++)
            fprintf(f, "    observed[%zu] = %ld\n", g + 1, p->observed[g]);
    }

    /* Margins in screen coordinates, computed here so that every panel has the same size. */
    double w = width, h = height;
    double left = LEFT / w, right = 1.0 - RIGHT / w;
    double top = 1.0 - (TOP + extra) / h, bottom = BOTTOM / h;
    double gap_x = p->columns > 1 ? GAP_X / w : 0.0, gap_y = rows > 1 ? (GAP_Y + row_extra) / h : 0.0;
    fputs("    set multiplot", f);
    if (p->title) {
        fputs(" title ", f);
        gp_title(f, p->title, GP_TITLE_WIDTH);
        fputs(" font ',15'", f);
    }
    fprintf(f, " layout %zu,%u margins %.4f,%.4f,%.4f,%.4f spacing %.4f,%.4f\n", rows, p->columns,
            left, right, bottom, top, gap_x, gap_y);
    fprintf(f, "    set xrange [-0.5:%u.5]\n", end);
    fprintf(f, "    set yrange [0:1<*]\n"
               "    set boxwidth 1 absolute\n"
               "    set title offset 0,-0.4 font ',%d'\n",
            p->columns > 1 ? 11 : 12);
    if (majority_shown)
        /* Before the majority's first seat: every bar to the right of the line is a majority. */
        fprintf(f, "    set arrow 1 from %u.5, graph 0 to %u.5, graph 1 nohead lw 2 dt 2 lc '#222222' "
                   "front\n"
                   "    set xtics add ('%u' %u.5)\n",
                p->majority - 1, p->majority - 1, p->majority, p->majority - 1);
    fputs("    unset key\n", f);
    fprintf(f, "    do for [i = 1:%zu] {\n", p->n_panels);
    fputs("        set title panel[i]\n", f);
    if (p->observed)
        fprintf(f, "        if (observed[i] >= 0) { set arrow 2 from observed[i], graph 0 to "
                   "observed[i], graph 1 nohead lw 2.5 lc '%s' front } else { unset arrow 2 }\n",
                OBSERVED_COLOUR);
    fprintf(f, "        if (i > %zu) { set xlabel 'seats' } else { unset xlabel }\n"
               "        if ((i - 1) %% %u == 0) { set ylabel 'probability (%%)' } else "
               "{ unset ylabel }\n",
            p->n_panels > p->columns ? p->n_panels - p->columns : 0, p->columns);
    write_plot_command(f, p);
    fputs("    }\n", f);
    write_legend(f, p, majority_shown, 1.0 - ((p->title ? 40.0 : 10.0) + title_extra) / h);
    fputs("    unset multiplot\n", f);
    gp_end(f);
    return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

int plot_seat_panels(const char *dir, const seat_panels *p, scrutin_ctx *ctx)
{
    if (p->n_panels == 0 || p->n_curves == 0 || p->columns == 0 || !p->panel_columns ||
        !p->panel_keys || !p->curve_columns || !p->curve_keys)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "plot %s: nothing to draw (no panel or no curve)", p->name);
    plot_forget_images(dir, p->name);
    int status = plot_write_file(dir, p->name, "csv", write_data, p, ctx);
    if (status == SCRUTIN_OK)
        status = plot_write_file(dir, p->name, "gp", write_script, p, ctx);
    return status;
}
