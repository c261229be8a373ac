/*
 * scrutin_report_html: one page per run that an analyst can open, mail or
 * archive on its own. Everything it shows is inside it: the style sheet, and
 * the plots as base64 data URIs (an <img> each, rather than inline <svg>,
 * because gnuplot gives every SVG the same element ids, which would clash on
 * one page). No script, no font or file fetched from anywhere.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "html_embed.h"
#include "../common/number_format.h"
#include "../common/versioned.h"
#include "output_files.h"
#include "run_observed.h"
#include "run_tables.h"
#include "whatif_changes.h"
#include "scrutin/plot.h"
#include "scrutin/report.h"
#include "scrutin/version.h"

/*
 * An entity as the page shows it: its id, and its name (UTF-8, as the scenario gives it)
 * where it has one that says more.
 */
static void html_named(FILE *f, const scrutin_model *m, scrutin_entity kind, size_t i)
{
    const char *id = scrutin_model_id(m, kind, i), *name = scrutin_model_entity_name(m, kind, i);
    html_escape(f, id);
    if (name && name[0] && strcmp(name, id) != 0) {
        fputs(" <span class=\"name\">", f);
        html_escape(f, name);
        fputs("</span>", f);
    }
}

static const scrutin_entity group_entity[SCRUTIN_GROUP_KINDS] = {SCRUTIN_ENTITY_PARTY,
                                                                 SCRUTIN_ENTITY_COALITION};

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

/* In doubt: a probability neither below 1% nor above 99% (docs/cli.md, "report.html"). */
static int in_doubt(double p) { return p >= 0.01 && p <= 0.99; }

static const char style[] =
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;"
    "padding:0 1em;color:#222;line-height:1.45}\n"
    "h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc}\n"
    ".meta{color:#555;font-size:.92em}\n"
    "table{border-collapse:collapse;margin:1em 0;font-size:.92em}\n"
    "th,td{padding:.25em .7em;border-bottom:1px solid #e3e3e3;text-align:right}\n"
    "th{background:#f3f3f3}td.id,th.id{text-align:left}\n"
    "tr.final td{font-weight:bold}\n"
    "figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}\n"
    "figcaption{color:#444;font-size:.92em;margin-top:.4em}\n"
    ".missing{background:#fff6e0;border-left:4px solid #e0a800;padding:.6em 1em}\n"
    ".given{background:#eef4ff;border-left:4px solid #3b6fd1;padding:.6em 1em}\n"
    "code{background:#f3f3f3;padding:0 .2em}\n"
    "ul.headline li{margin:.3em 0}\n";

static void put_percent(FILE *f, double p)
{
    fprintf(f, "%.1f%%", 100.0 * p);
}

static void write_head(FILE *f, const page *pg)
{
    const char *name = scrutin_model_name(pg->model);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          f);
    html_escape(f, name);
    fprintf(f, ": scrutin run</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
    /* The scenario's own title and description first: what the analyst called it. */
    const char *title = scrutin_model_title(pg->model);
    const char *description = scrutin_model_description(pg->model);
    fputs("<h1>", f);
    html_escape(f, title ? title : name);
    fputs("</h1>\n<p class=\"meta\">", f);
    if (title) {
        html_escape(f, name);
        fputs(": ", f);
    }
    fprintf(f, "%llu simulated elections.</p>\n", (unsigned long long)pg->s->simulations);
    if (description) {
        fputs("<p class=\"description\">", f);
        html_escape(f, description);
        fputs("</p>\n", f);
    }
    size_t n_systems = scrutin_model_systems(pg->model);
    if (n_systems > 1) {
        fprintf(f, "<p>%zu electoral systems applied to the same simulated votes, each in its own "
                   "section below:", n_systems);
        for (size_t k = 0; k < n_systems; k++) {
            fputs(k ? ", <b>" : " <b>", f);
            html_escape(f, scrutin_model_system_id(pg->model, k));
            fputs("</b>", f);
        }
        fputs(". The headline gives each in turn, and the headline table holds every system's "
              "rows; each system's own tables (its coalitions, parties and districts) are in its "
              "section; the plots show every system, a panel each.</p>\n", f);
    }
    fprintf(f, "<p class=\"meta\">%u seats; a majority is %u seats, a supermajority %u. Seed %llu",
            pg->s->seats, pg->s->majority, pg->s->supermajority,
            (unsigned long long)pg->info->seed);
    if (pg->info->scenario_hash) {
        fputs("; scenario content hash <code>", f);
        html_escape(f, pg->info->scenario_hash);
        fputs("</code>", f);
    }
    fputs("; written by scrutin ", f);
    html_escape(f, pg->info->scrutin_version ? pg->info->scrutin_version : SCRUTIN_VERSION);
    fputs(".</p>\n", f);
    if (pg->info->partial)
        fprintf(f, "<p class=\"missing\">This run was interrupted: %llu of the %llu simulations "
                   "asked for were completed, and everything below is about them.</p>\n",
                (unsigned long long)pg->s->simulations, (unsigned long long)pg->info->requested);
    if (pg->info->n_given) {
        /* Election night: what the page is conditional on, and how many simulations that left. */
        fputs("<p class=\"given\">Given the results", f);
        for (size_t i = 0; i < pg->info->n_given; i++) {
            fputs(i ? ", <code>" : " <code>", f);
            html_escape(f, pg->info->given[i]);
            fputs("</code>", f);
        }
        if (pg->info->given_system) {
            fputs(" (system ", f);
            html_escape(f, pg->info->given_system);
            fputs(")", f);
        }
        fprintf(f, ": %llu of the %llu simulations match, and everything below is conditional on "
                   "them, its standard errors from those %llu.</p>\n",
                (unsigned long long)pg->s->simulations, (unsigned long long)pg->info->simulated,
                (unsigned long long)pg->s->simulations);
    }
}

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
            html_named(f, pg->model, group_entity[kind], g);
            fprintf(f, "</b> (%s) ", scrutin_group_kind_name(kind));
            if (majority) {
                fputs("holds a majority after the court in <b>", f);
                put_percent(f, fin->majority.p);
                fprintf(f, "</b> of the simulated elections (± %.1f points; ",
                        200.0 * fin->majority.se);
                put_percent(f, pro->majority.p);
                fputs(" before the court)", f);
            }
            if (largest) {
                fputs(majority ? "; is the largest in " : "is the largest group of its kind in ",
                      f);
                put_percent(f, fin->largest.p);
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
        html_escape(f, scrutin_model_id(pg->model, group_entity[kind], g));
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
    put_percent(f, c[6].x);
    fprintf(f, " ± %.1f</td><td>", 200.0 * c[7].x);
    put_percent(f, c[8].x);
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

/* A plot, embedded if it was drawn; else what to do to draw it. */
static int write_figure(FILE *f, const page *pg, const char *name, const char *what,
                        const char *more)
{
    char caption[1024];
    snprintf(caption, sizeof caption, "%s%s", what, more);
    size_t size = strlen(pg->out_dir) + strlen(name) + sizeof "/" SCRUTIN_PLOT_DIR "/.svg";
    char *path = malloc(size);
    if (!path)
        return SCRUTIN_ENOMEM;
    int status = SCRUTIN_OK;
    struct stat st;
    snprintf(path, size, "%s/%s/%s.svg", pg->out_dir, SCRUTIN_PLOT_DIR, name);
    if (stat(path, &st) == 0) {
        fputs("<figure>\n<img alt=\"", f);
        html_escape(f, caption);
        fputs("\" src=\"", f);
        status = html_embed_data_uri(f, path, "image/svg+xml");
        fputs("\">\n<figcaption>", f);
        html_escape(f, caption);
        fprintf(f, " Data: <code>%s/%s.csv</code>.</figcaption>\n</figure>\n", SCRUTIN_PLOT_DIR,
                name);
    } else {
        snprintf(path, size, "%s/%s/%s.gp", pg->out_dir, SCRUTIN_PLOT_DIR, name);
        fputs("<p class=\"missing\">", f);
        html_escape(f, caption);
        if (stat(path, &st) == 0)
            fprintf(f, " This plot has not been drawn: gnuplot was not available. Draw it with "
                       "<code>gnuplot %s/%s.gp</code> (from this page's folder) and open "
                       "<code>%s/%s.svg</code>, or run scrutin again with gnuplot installed.",
                    SCRUTIN_PLOT_DIR, name, SCRUTIN_PLOT_DIR, name);
        else
            fputs(" This plot was not written: run scrutin with <code>--plots</code>.", f);
        fputs("</p>\n", f);
    }
    free(path);
    return status == 1 ? SCRUTIN_EIO : status; /* 1: the image vanished while it was read */
}

/* The table of the groups of @p kind under system @p system (@p s its summary), with the
   observed result's seats where the system's election can be replayed. */
static void write_groups_table(FILE *f, const page *pg, const scrutin_summary *s, size_t system,
                               scrutin_group_kind kind)
{
    int observed = system < pg->observed.n_systems && pg->observed.replays[system];
    fputs("<table>\n<tr><th class=\"id\">group</th><th>mean</th><th>sd</th><th>p05</th>"
          "<th>median</th><th>p95</th>",
          f);
    if (observed)
        fputs("<th class=\"observed\">observed</th>", f);
    fputs("<th>P(majority)</th><th>P(supermajority)</th><th>P(largest)</th><th>court shift</th>"
          "</tr>\n",
          f);
    for (size_t g = 0; g < s->n_groups[kind]; g++) {
        const scrutin_group_summary *x = &s->groups[SCRUTIN_STAGE_FINAL][kind][g];
        const scrutin_group_summary *prov = &s->groups[SCRUTIN_STAGE_PROVISIONAL][kind][g];
        if (x->mean <= 0.0 && prov->mean <= 0.0)
            continue; /* never a seat: the CSV files keep it, the page leaves it out */
        fputs("<tr><td class=\"id\">", f);
        html_named(f, pg->model, group_entity[kind], g);
        fprintf(f, "</td><td>%.2f</td><td>%.2f</td><td>%u</td><td>%u</td><td>%u</td><td>", x->mean,
                x->sd, x->p05, x->p50, x->p95);
        if (observed)
            fprintf(f, "%ld</td><td>", run_observed_seats(&pg->observed, system, kind, g));
        put_percent(f, x->majority.p);
        fputs("</td><td>", f);
        put_percent(f, x->supermajority.p);
        fputs("</td><td>", f);
        put_percent(f, x->largest.p);
        fprintf(f, "</td><td>%+.2f</td></tr>\n", s->court[kind][g].shift_mean);
    }
    fputs("</table>\n", f);
}

static void write_districts_table(FILE *f, const page *pg, const scrutin_summary *s)
{
    fputs("<table>\n<tr><th class=\"id\">district</th><th class=\"id\">region</th><th>seats</th>"
          "<th>P(decided in round 1)</th><th>P(court changes the winner)</th><th>P(re-run)</th>"
          "<th>P(tie)</th></tr>\n",
          f);
    for (size_t i = 0; i < s->n_districts; i++) {
        const scrutin_district_summary *d = &s->districts[i];
        fputs("<tr><td class=\"id\">", f);
        html_named(f, pg->model, SCRUTIN_ENTITY_DISTRICT, i);
        fputs("</td><td class=\"id\">", f);
        html_named(f, pg->model, SCRUTIN_ENTITY_REGION,
                   scrutin_model_district_region(pg->model, i));
        fprintf(f, "</td><td>%u</td><td>", scrutin_model_district_seats(pg->model, i));
        put_percent(f, d->round1.p);
        fputs("</td><td>", f);
        put_percent(f, d->court_flip.p);
        fputs("</td><td>", f);
        put_percent(f, d->rerun.p);
        fputs("</td><td>", f);
        put_percent(f, d->tie.p);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
}

/* How many districts the page lists for each majority in doubt. */
#define PIVOTAL_DISTRICTS 5

/*
 * For each party and coalition whose majority is in doubt (final P(majority)
 * from 1% to 99%), the districts of largest leverage (docs/cli.md,
 * "district_leverage.csv") among those whose leverage is at least three
 * standard errors from zero.
 */
static void write_pivotal_districts(FILE *f, const page *pg, const scrutin_summary *s)
{
    fputs("<h3>Districts that decide a majority</h3>\n", f);
    int any = 0;
    for (int k = SCRUTIN_GROUP_KINDS - 1; k >= 0; k--)
        for (size_t g = 0; g < s->n_groups[k]; g++) {
            double p = s->groups[SCRUTIN_STAGE_FINAL][k][g].majority.p;
            if (p < 0.01 || p > 0.99)
                continue;
            size_t pick[PIVOTAL_DISTRICTS], n = 0;
            for (size_t d = 0; d < s->n_districts; d++) {
                const scrutin_district_group_summary *x =
                    &s->district_groups[k][d * s->n_groups[k] + g];
                double lev = x->leverage.p;
                if (!(lev > 3.0 * x->leverage.se))
                    continue;
                /* Insert d by decreasing leverage, keeping the first PIVOTAL_DISTRICTS. */
                size_t at = n < PIVOTAL_DISTRICTS ? n++ : PIVOTAL_DISTRICTS;
                while (at > 0 &&
                       s->district_groups[k][pick[at - 1] * s->n_groups[k] + g].leverage.p < lev) {
                    if (at < PIVOTAL_DISTRICTS)
                        pick[at] = pick[at - 1];
                    at--;
                }
                if (at < PIVOTAL_DISTRICTS)
                    pick[at] = d;
            }
            if (n == 0)
                continue;
            if (!any)
                fputs("<table>\n<tr><th class=\"id\">group</th><th class=\"id\">district</th>"
                      "<th>P(wins a seat there)</th><th>P(majority | it does)</th>"
                      "<th>P(majority | it does not)</th><th>leverage</th></tr>\n",
                      f);
            any = 1;
            for (size_t i = 0; i < n; i++) {
                const scrutin_district_group_summary *x =
                    &s->district_groups[k][pick[i] * s->n_groups[k] + g];
                fputs("<tr><td class=\"id\">", f);
                html_named(f, pg->model, group_entity[k], g);
                fputs("</td><td class=\"id\">", f);
                html_named(f, pg->model, SCRUTIN_ENTITY_DISTRICT, pick[i]);
                fputs("</td><td>", f);
                put_percent(f, x->seat.p);
                fputs("</td><td>", f);
                put_percent(f, x->majority_if_seat.p);
                fputs("</td><td>", f);
                put_percent(f, x->majority_if_no_seat.p);
                fprintf(f, "</td><td>%.3f &plusmn; %.3f</td></tr>\n", x->leverage.p,
                        x->leverage.se);
            }
        }
    if (any)
        fputs("</table>\n<p>For each party or coalition whose majority is in doubt (1% to 99%), "
              "the districts where holding a seat goes with the largest rise in its chance of a "
              "majority (the leverage, at least three standard errors from zero). A conditional "
              "probability, not a causal effect: <code>district_leverage.csv</code> has every "
              "district.</p>\n",
              f);
    else
        fputs("<p>No party or coalition has a majority in doubt (between 1% and 99%), or no "
              "district's leverage on one stands three standard errors from zero: "
              "<code>district_leverage.csv</code> has every district.</p>\n",
              f);
}

static void write_files(FILE *f)
{
    static const char *const files[][2] = {
        {"seats_distribution.csv", "every seat total of every party and coalition, with its probability"},
        {"seats_summary.csv", "means, quantiles and probabilities, with their standard errors"},
        {"districts.csv", "how each district was decided"},
        {"district_lists.csv", "what became of each list"},
        {"district_leverage.csv",
         "each party's and coalition's chance of a majority with and without each district"},
        {"district_runoffs.csv", "who meets whom in round 2, and who wins it"},
        {"run.json", "all of the above, and the run's metadata"}};
    fputs("<h2>Files</h2>\n<p>Beside this page, in the run's folder (the columns are described in "
          "scrutin's <code>docs/cli.md</code>):</p>\n<ul>\n",
          f);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        fprintf(f, "<li><a href=\"%s\"><code>%s</code></a>: %s</li>\n", files[i][0], files[i][0],
                files[i][1]);
    fprintf(f, "<li><code>%s/</code>: each plot's data (<code>.csv</code>), gnuplot script "
               "(<code>.gp</code>) and images</li>\n</ul>\n", SCRUTIN_PLOT_DIR);
}

/* The tables of one system: its coalitions, parties and districts, and those that decide. */
static void write_system_tables(FILE *f, const page *pg, const scrutin_summary *s, size_t k)
{
    fputs("<h3>Coalitions, final</h3>\n", f);
    write_groups_table(f, pg, s, k, SCRUTIN_GROUP_COALITION);
    fputs("<h3>Parties that win seats, final</h3>\n", f);
    write_groups_table(f, pg, s, k, SCRUTIN_GROUP_PARTY);
    fputs("<p>Court shift: the mean of final minus provisional seats.", f);
    if (run_observed_any(&pg->observed))
        fputs(" Observed: the final seats of the observed election, its votes and the "
              "court's actual decisions counted under the system's rules (scrutin "
              "replay); the plots mark them with a solid line.", f);
    fputs("</p>\n<h3>Districts</h3>\n", f);
    write_districts_table(f, pg, s);
    write_pivotal_districts(f, pg, s);
}

/* System @p k's heading, at @p level (2 or 3): its id and its kind. */
static void write_system_heading(FILE *f, const page *pg, size_t k, int level)
{
    const scrutin_rules *rules = scrutin_model_system_rules(pg->model, k);
    fprintf(f, "<h%d>System ", level);
    html_escape(f, scrutin_model_system_id(pg->model, k));
    if (rules) {
        fputs(" <span class=\"meta\">(", f);
        html_escape(f, scrutin_system_name(rules->system));
        fputs(")</span>", f);
    }
    fprintf(f, "</h%d>\n", level);
}

static const char no_counts[] = "<p class=\"missing\">Its counts were not given to the page: see "
                                "the run's tables, whose <code>system</code> column holds every "
                                "system.</p>\n";

/*
 * The headline: with several electoral systems on the same votes, each system's in turn,
 * then one table of them all, so that the page leads with every one of them.
 */
static int write_headlines(FILE *f, const page *pg)
{
    fputs("<h2>Headline</h2>\n", f);
    for (size_t k = 0; k < pg->n_systems; k++) {
        if (pg->n_systems > 1)
            write_system_heading(f, pg, k, 3);
        if (pg->systems[k])
            write_headline(f, pg, pg->systems[k]);
        else
            fputs(no_counts, f);
    }
    return write_headline_table(f, pg);
}

/* With several systems, a section per system with its own tables; with one, its tables. */
static void write_systems(FILE *f, const page *pg)
{
    if (pg->n_systems == 1) {
        write_system_tables(f, pg, pg->s, 0);
        return;
    }
    for (size_t k = 0; k < pg->n_systems; k++) {
        write_system_heading(f, pg, k, 2);
        if (pg->systems[k])
            write_system_tables(f, pg, pg->systems[k], k);
        else
            fputs(no_counts, f);
    }
}

static int write_page(FILE *f, const page *pg)
{
    write_head(f, pg);
    int status = whatif_changes_html(f, pg->model);
    if (status != SCRUTIN_OK)
        return status;
    status = write_headlines(f, pg);
    /* What the seat plots show besides the distributions: each system, the observed result. */
    int several = pg->n_systems > 1, observed = run_observed_any(&pg->observed);
    char marks[400];
    snprintf(marks, sizeof marks, "%s%s",
             several ? " A panel per group under each system in turn, its id first in the "
                       "panel's title." : "",
             observed ? " The solid line marks the observed result: the observed votes and the "
                        "court's actual decisions counted under the system's rules (scrutin "
                        "replay); its seats are in the panel's title and the tables below." : "");
    if (status == SCRUTIN_OK) {
        fputs("<h2>Seats</h2>\n", f);
        status = write_figure(f, pg, "coalition_seats",
                              "The distribution of each coalition's seats: final (after the "
                              "court's decisions, filled) and provisional (outlined). The dashed "
                              "line marks the majority.", marks);
    }
    if (status == SCRUTIN_OK)
        status = write_figure(f, pg, "party_seats",
                              "The distribution of the largest parties' seats, final and "
                              "provisional.", marks);
    if (status == SCRUTIN_OK) {
        write_systems(f, pg);
        fputs(several ? "<h2>Districts, every system</h2>\n" : "<h2>Districts</h2>\n", f);
        status = write_figure(f, pg, "district_outcomes",
                              "Each district's probability of being decided in round 1, and of "
                              "the court's decisions after the vote changing its winner (a "
                              "panel only where the court changes some winner).",
                              several ? " A panel per system (the round 1 of those that have a "
                                        "round 2)." : "");
    }
    if (status == SCRUTIN_OK) {
        write_files(f);
        fputs("</body>\n</html>\n", f);
    }
    if (status == SCRUTIN_OK && ferror(f))
        status = SCRUTIN_EIO;
    return status;
}

int scrutin_report_html(const char *out_dir, const scrutin_model *model,
                        const scrutin_tally *tally, const scrutin_summary *summary,
                        const scrutin_run_info *info, scrutin_ctx *ctx)
{
    if (!out_dir || !model || !summary || !info)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_report_html: an argument is NULL");
    if (VERSIONED_CHECK(info, "scrutin_report_html", scrutin_run_info, SCRUTIN_RUN_INFO, ctx) !=
        SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    if (summary->n_districts != scrutin_model_count(model, SCRUTIN_ENTITY_DISTRICT) ||
        summary->n_groups[SCRUTIN_GROUP_PARTY] != scrutin_model_count(model, SCRUTIN_ENTITY_PARTY) ||
        summary->n_groups[SCRUTIN_GROUP_COALITION] !=
            scrutin_model_count(model, SCRUTIN_ENTITY_COALITION))
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_report_html: the summary and the model do not describe "
                                 "the same run");
    int status = tally ? scrutin_tally_check(tally, model, "scrutin_report_html", ctx) : SCRUTIN_OK;
    if (status == SCRUTIN_OK)
        status = report_make_folder(out_dir, ctx);
    if (status != SCRUTIN_OK)
        return status;
    atomic_file af;
    status = atomic_file_open(&af, out_dir, "report.html", ctx);
    if (status != SCRUTIN_OK)
        return status;
    page pg = {out_dir, model, tally, summary, info, {0, NULL}, scrutin_model_systems(model),
               {summary}, {NULL}};
    if (pg.n_systems > REPORT_MAX_SYSTEMS)
        pg.n_systems = REPORT_MAX_SYSTEMS; /* a model has no more (SCRUTIN_MAX_SYSTEMS) */
    for (size_t k = 1; tally && k < pg.n_systems && status == SCRUTIN_OK; k++) {
        status = scrutin_summary_compute(&pg.own[k], model, scrutin_tally_system(tally, k), ctx);
        pg.systems[k] = pg.own[k];
    }
    if (status == SCRUTIN_OK)
        status = run_observed_make(&pg.observed, model);
    report_locale c_numbers;
    if (status == SCRUTIN_OK)
        status = report_locale_enter(&c_numbers);
    if (status == SCRUTIN_OK) {
        status = write_page(af.f, &pg);
        report_locale_leave(&c_numbers);
    }
    run_observed_free(&pg.observed);
    for (size_t k = 0; k < REPORT_MAX_SYSTEMS; k++)
        scrutin_summary_free(pg.own[k]);
    if (status != SCRUTIN_OK) {
        atomic_file_abort(&af);
        return scrutin_ctx_error(ctx, status, out_dir, 0, NULL, "report.html cannot be written: %s",
                                 scrutin_strerror(status));
    }
    return atomic_file_commit(&af, ctx);
}
