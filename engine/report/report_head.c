/*
 * The opening of report.html: its style sheet, the scenario's title and description, its
 * systems, the seats and seed, and what the page is about when the run was interrupted or
 * made conditional on known results (--given).
 */
#include "html_embed.h"
#include "report_page.h"
#include "scrutin/version.h"

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

void page_write_head(FILE *f, const page *pg)
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
                (unsigned long long)(pg->info->n_given ? pg->info->simulated : pg->s->simulations),
                (unsigned long long)pg->info->requested);
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
