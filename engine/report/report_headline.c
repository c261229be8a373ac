/*
 * The headline of report.html: for each system, what is in doubt (a sentence a group) and,
 * in one line, what is certain; then one table of every system's headline rows.
 */
#include <string.h>

#include "html_embed.h"
#include "report_page.h"
#include "run_tables.h"

/* In doubt: a probability neither below 1% nor above 99% (docs/cli.md, "report.html"). */
static int in_doubt(double p) { return p >= 0.01 && p <= 0.99; }

/* The groups whose P(majority) or P(largest) is in doubt first, one sentence each. */
static void write_doubtful(FILE *f, const page *pg, const scrutin_summary *s, int *any)
{
    static const scrutin_group_kind order[] = {SCRUTIN_GROUP_COALITION, SCRUTIN_GROUP_PARTY};
    for (size_t o = 0; o < 2; o++) {
        scrutin_group_kind kind = order[o];
        for (size_t g = 0; g < s->n_groups[kind]; g++) {
            const scrutin_group_summary *fin = &s->groups[SCRUTIN_STAGE_FINAL][kind][g];
            const scrutin_group_summary *pro = &s->groups[SCRUTIN_STAGE_PROVISIONAL][kind][g];
            int majority = in_doubt(fin->majority.p), largest = in_doubt(fin->largest.p);
            if (!majority && !largest)
                continue;
            *any = 1;
            fputs("<li><b>", f);
            html_named(f, pg->model, report_group_entity[kind], g);
            fprintf(f, "</b> (%s) ", scrutin_group_kind_name(kind));
            if (majority) {
                fputs("holds a majority after the court in <b>", f);
                html_percent(f, fin->majority.p);
                fprintf(f, "</b> of the simulated elections (± %.1f points; ",
                        200.0 * fin->majority.se);
                html_percent(f, pro->majority.p);
                fputs(" before the court)", f);
            }
            if (largest) {
                fputs(majority ? "; is the largest in " : "is the largest group of its kind in ",
                      f);
                html_percent(f, fin->largest.p);
            }
            fprintf(f, ": %.1f seats on average, between %u and %u in 90%% of them.</li>\n",
                    fin->mean, fin->p05, fin->p95);
        }
    }
}

/* The groups of one kind whose final P(majority) is certain (below 1% or above 99%): names. */
static void write_certain(FILE *f, const page *pg, const scrutin_summary *s,
                          scrutin_group_kind kind, int holds, int *first)
{
    size_t n = 0, shown = 0;
    for (size_t g = 0; g < s->n_groups[kind]; g++) {
        double p = s->groups[SCRUTIN_STAGE_FINAL][kind][g].majority.p;
        n += !in_doubt(p) && (p > 0.99) == holds;
    }
    if (n == 0)
        return;
    fputs(*first ? "" : "; ", f);
    *first = 0;
    fprintf(f, "%s, %s ", holds ? "majority in over 99%" : "majority in under 1%",
            kind == SCRUTIN_GROUP_COALITION ? (n > 1 ? "coalitions" : "coalition")
                                            : (n > 1 ? "parties" : "party"));
    for (size_t g = 0; g < s->n_groups[kind]; g++) {
        double p = s->groups[SCRUTIN_STAGE_FINAL][kind][g].majority.p;
        if (in_doubt(p) || (p > 0.99) != holds)
            continue;
        /* Many parties: the first few by name, the rest counted. */
        if (shown == 8 && n > 9) {
            fprintf(f, " and %zu more", n - shown);
            break;
        }
        fputs(shown ? ", " : "", f);
        html_escape(f, scrutin_model_id(pg->model, report_group_entity[kind], g));
        shown++;
    }
}

/* What an analyst wants to know first: what is in doubt, then, in one line, what is not. */
static void write_headline(FILE *f, const page *pg, const scrutin_summary *s)
{
    fputs("<ul class=\"headline\">\n", f);
    int any = 0;
    write_doubtful(f, pg, s, &any);
    if (!any)
        fputs("<li>No party or coalition's majority, nor which is the largest, is in doubt "
              "(every probability below 1% or above 99%).</li>\n",
              f);
    fputs("<li class=\"certain\">Certain (P(majority) below 1% or above 99%): ", f);
    int first = 1;
    write_certain(f, pg, s, SCRUTIN_GROUP_COALITION, 1, &first);
    write_certain(f, pg, s, SCRUTIN_GROUP_PARTY, 1, &first);
    write_certain(f, pg, s, SCRUTIN_GROUP_COALITION, 0, &first);
    write_certain(f, pg, s, SCRUTIN_GROUP_PARTY, 0, &first);
    fputs(first ? "none.</li>\n</ul>\n" : ".</li>\n</ul>\n", f);
    /* The court's figure only where the court can act: no empty statement when it is off. */
    if (s->court_moved_mean > 0.0)
        fprintf(f, "<p>The court's decisions after the vote change the holder of %.2f seats per "
                   "election on average.</p>\n",
                s->court_moved_mean);
    fputs("<p>± figures are two Monte Carlo standard errors.</p>\n", f);
}

/* The headline table of standard output: coalitions and the largest parties, both stages. */
typedef struct html_sink {
    FILE *f;
    const char *system; /* the system column's cell; NULL: one system, no column */
} html_sink;

static int headline_row(void *self, const cell *c, size_t n)
{
    const html_sink *sink = self;
    FILE *f = sink->f;
    if (n < 9)
        return SCRUTIN_EINTERNAL;
    fprintf(f, "<tr%s>", strcmp(c[0].text, "final") == 0 ? " class=\"final\"" : "");
    if (sink->system) {
        fputs("<td class=\"id\">", f);
        html_escape(f, sink->system);
        fputs("</td>", f);
    }
    fputs("<td class=\"id\">", f);
    html_escape(f, c[2].text);
    fprintf(f, "</td><td class=\"id\">%s</td><td class=\"id\">%s</td><td>%.2f</td><td>%lld–%lld</td>"
               "<td>",
            c[1].text, c[0].text, c[3].x, (long long)c[4].i, (long long)c[5].i);
    html_percent(f, c[6].x);
    fprintf(f, " ± %.1f</td><td>", 200.0 * c[7].x);
    html_percent(f, c[8].x);
    fputs("</td></tr>\n", f);
    return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

/* With several systems, a leading system column and every system's rows, in turn. */
static int write_headline_table(FILE *f, const page *pg)
{
    int several = pg->n_systems > 1;
    fprintf(f, "<table>\n<tr>%s<th class=\"id\">group</th><th class=\"id\">kind</th>"
               "<th class=\"id\">stage</th><th>mean seats</th><th>90%% interval</th>"
               "<th>P(majority)</th><th>P(largest)</th></tr>\n",
            several ? "<th class=\"id\">system</th>" : "");
    int status = SCRUTIN_OK;
    for (size_t k = 0; k < pg->n_systems && status == SCRUTIN_OK; k++) {
        if (!pg->systems[k])
            continue;
        run_data d = {pg->model, NULL, pg->systems[k], NULL, 0, NULL};
        html_sink sink = {f, several ? scrutin_model_system_id(pg->model, k) : NULL};
        row_sink rows = {headline_row, &sink};
        status = report_headline_table.rows(&d, &rows);
    }
    fputs("</table>\n", f);
    return status;
}

/*
 * The headline: with several electoral systems on the same votes, each system's in turn,
 * then one table of them all, so that the page leads with every one of them.
 */
int page_write_headlines(FILE *f, const page *pg)
{
    fputs("<h2>Headline</h2>\n", f);
    for (size_t k = 0; k < pg->n_systems; k++) {
        if (pg->n_systems > 1)
            page_write_system_heading(f, pg, k, 3);
        if (pg->systems[k])
            write_headline(f, pg, pg->systems[k]);
        else
            fputs(report_no_counts, f);
    }
    return write_headline_table(f, pg);
}
