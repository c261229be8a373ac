/*
 * report.html, one section a file (docs/cli.md, "report.html"): the page as every section
 * sees it, and what each section's file offers the page's frame (report_html.c).
 */
#ifndef SCRUTIN_REPORT_REPORT_PAGE_H
#define SCRUTIN_REPORT_REPORT_PAGE_H

#include <stddef.h>
#include <stdio.h>

#include "run_observed.h"
#include "run_tables.h"
#include "scrutin/model.h"
#include "scrutin/report.h"
#include "scrutin/summary.h"
#include "scrutin/tally.h"

typedef struct page {
    const char *out_dir;
    const scrutin_model *model;
    const scrutin_tally *tally; /* NULL: the first system's summary only */
    const scrutin_summary *s;   /* the first system's */
    const scrutin_run_info *info;
    run_observed observed; /* the observed result of each system, where it can be replayed */
    size_t n_systems;
    /* Each system's summary: s for the first, computed from the tally for the others (own);
       NULL where the page was given no tally to compute it from. */
    const scrutin_summary *systems[REPORT_MAX_SYSTEMS];
    scrutin_summary *own[REPORT_MAX_SYSTEMS];
} page;

/* The entity of each group kind: a party, a coalition. */
extern const scrutin_entity report_group_entity[SCRUTIN_GROUP_KINDS];

/* What a system's section and headline say when the page was given no counts for it. */
extern const char report_no_counts[];

/* An entity as the page shows it: its id, and its name where it has one that says more. */
void html_named(FILE *f, const scrutin_model *m, scrutin_entity kind, size_t i);
/* @p p as a percentage with one decimal. */
void html_percent(FILE *f, double p);
/* The @p n percentages @p p as the contents of as many cells of a row, the first cell's opening
   tag and the last's closing one left to the caller. */
void html_percent_cells(FILE *f, const double *p, size_t n);

/* The page's head and its opening paragraphs: title, description, systems, seats, seed. */
void page_write_head(FILE *f, const page *pg);
/* The headline of every system, then one table of them all. @return 0 or a status. */
int page_write_headlines(FILE *f, const page *pg);
/*
 * Plot @p name of the plots folder embedded, with the caption @p what followed by @p more;
 * or, if it was not drawn, what to do to draw it. @return 0 or a status.
 */
int page_write_figure(FILE *f, const page *pg, const char *name, const char *what,
                      const char *more);
/* System @p k's heading, at @p level (2 or 3): its id and its kind. */
void page_write_system_heading(FILE *f, const page *pg, size_t k, int level);
/* With several systems, a section per system with its own tables; with one, its tables. */
void page_write_systems(FILE *f, const page *pg);
/* Under system summary @p s: the districts of largest leverage on each majority in doubt. */
void page_write_pivotal_districts(FILE *f, const page *pg, const scrutin_summary *s);

#endif
