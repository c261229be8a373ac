/*
 * What every plot shares: the plots folder, writing a CSV and a gnuplot
 * script atomically, quoting text for gnuplot, the script's opening lines
 * (finding its own folder, the two terminals) and closing ones, and the
 * seat-distribution panels that run and compare both draw.
 */
#ifndef SCRUTIN_REPORT_PLOT_FILES_H
#define SCRUTIN_REPORT_PLOT_FILES_H

#include <stddef.h>
#include <stdio.h>

#include "scrutin/error.h"
#include "scrutin/model.h"

/* Colours of successive curves (Paul Tol's "bright" scheme, readable by the colour-blind). */
#define PLOT_COLOURS 6
extern const char *const plot_colours[PLOT_COLOURS];

/*
 * Create `OUT/plots` and return its path (malloc'd, freed by the caller).
 * @return 0, SCRUTIN_EINVAL (the diagnostic names the folder) or SCRUTIN_ENOMEM
 */
int plot_folder(char **out, const char *out_dir, scrutin_ctx *ctx);

/* @return 0 if @p name is a usable file name (letters, digits, '-', '_', '.'; not "."-first), else
   SCRUTIN_EINVAL with a diagnostic. */
int plot_check_name(const char *name, scrutin_ctx *ctx);

/* Writes the body of a file into @p f; @return 0 or a SCRUTIN_E* status. */
typedef int (*plot_writer)(FILE *f, const void *data);

/*
 * Write `DIR/NAME.EXT` atomically with @p write, in the "C" numeric locale.
 * @return 0 or a status with a diagnostic naming the file
 */
int plot_write_file(const char *dir, const char *name, const char *ext, plot_writer write,
                    const void *data, scrutin_ctx *ctx);

/* Remove `DIR/NAME.svg` and `DIR/NAME.png` if they exist: they were drawn from older data. */
void plot_forget_images(const char *dir, const char *name);
/* Remove every file of plot @p name (an earlier run's), when this run has nothing to draw. */
void plot_remove(const char *dir, const char *name);

/* @p text as a gnuplot single-quoted string ('' stands for '; nothing else is special). */
void gp_quote(FILE *f, const char *text);
/*
 * @p text as a gnuplot title: quoted, and broken at a space into lines of at most about
 * @p width characters (gnuplot clips a title wider than the image, it never wraps it).
 * @return the lines it takes; with a NULL @p f, nothing is written, only counted.
 */
size_t gp_title(FILE *f, const char *text, size_t width);
/* The width, in characters, at which the titles over the plots are broken. */
#define GP_TITLE_WIDTH 90

/* A CSV header field: @p text with the characters CSV would need quoting for replaced by ' '. */
void csv_header_field(FILE *f, const char *text);

/*
 * The opening of a script: a comment saying what it draws and how to render
 * it, the variable `dir` (the script's folder, from ARG0, so that gnuplot
 * can be started anywhere), `data` (dir . NAME.csv), the CSV settings, and
 * the start of a loop over the two outputs, svg and png, @p width by
 * @p height pixels. What follows draws one image; gp_end() closes the loop.
 */
void gp_begin(FILE *f, const char *name, const char *what, unsigned width, unsigned height);
/* Close the loop of gp_begin(). */
void gp_end(FILE *f);

/*
 * Seat-distribution panels: one per group, each with curves over 0..x_max
 * seats (the first filled, the others outlined) and, if it falls within the
 * axis, the majority line just before @c majority. The CSV is tidy, a row per
 * panel, curve and seat total: the panel's key columns (@c panel_columns, as
 * "group" or "system,group"), the curve's (@c curve_columns, as "stage" or
 * "scenario"), then `seats,probability`; titles and legends stay in the script.
 */
typedef struct seat_panels {
    const char *name;                 /* file name without extension */
    const char *what;                 /* a sentence for the script's opening comment */
    const char *title;                /* over all panels, or NULL */
    unsigned seats;                   /* each distribution has seats + 1 values */
    unsigned majority;                /* 0: no majority line */
    unsigned x_max;                   /* 0: seats; else the axis ends there */
    unsigned columns;                 /* panels side by side (at least 1) */
    size_t n_panels, n_curves;
    const char *const *panel_titles;  /* [n_panels] */
    const char *const *curve_labels;  /* [n_curves] legend entries */
    const char *panel_columns;        /* the CSV's names of a panel's key cells, comma-separated */
    const char *const *panel_keys;    /* [n_panels] those cells (ids: no quoting), comma-separated */
    const char *curve_columns;        /* the same for a curve */
    const char *const *curve_keys;    /* [n_curves] */
    const double *const *probability; /* [panel * n_curves + curve][seats + 1] */
    /* [n_panels] seats of the observed result (a replay), drawn as a solid line; negative: none
       in that panel. NULL: no observed result at all. */
    const long *observed;
    const char *observed_label;       /* its legend entry */
} seat_panels;

/* Write `DIR/NAME.csv` and `DIR/NAME.gp`. @return 0 or a status with a diagnostic. */
int plot_seat_panels(const char *dir, const seat_panels *p, scrutin_ctx *ctx);

#endif
