/*
 * Each system's section of report.html: its heading, and its tables of coalitions, parties
 * (with the observed result's seats where it can be replayed) and districts.
 */
#include "html_embed.h"
#include "report_page.h"

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
        html_named(f, pg->model, report_group_entity[kind], g);
        fprintf(f, "</td><td>%.2f</td><td>%.2f</td><td>%u</td><td>%u</td><td>%u</td><td>", x->mean,
                x->sd, x->p05, x->p50, x->p95);
        if (observed)
            fprintf(f, "%ld</td><td>", run_observed_seats(&pg->observed, system, kind, g));
        html_percent_cells(f, (const double[]){x->majority.p, x->supermajority.p, x->largest.p},
                           3);
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
        html_percent_cells(f, (const double[]){d->round1.p, d->court_flip.p, d->rerun.p, d->tie.p},
                           4);
        fputs("</td></tr>\n", f);
    }
    fputs("</table>\n", f);
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
    page_write_pivotal_districts(f, pg, s);
}

/* System @p k's heading, at @p level (2 or 3): its id and its kind. */
void page_write_system_heading(FILE *f, const page *pg, size_t k, int level)
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

/* With several systems, a section per system with its own tables; with one, its tables. */
void page_write_systems(FILE *f, const page *pg)
{
    if (pg->n_systems == 1) {
        write_system_tables(f, pg, pg->s, 0);
        return;
    }
    for (size_t k = 0; k < pg->n_systems; k++) {
        page_write_system_heading(f, pg, k, 2);
        if (pg->systems[k])
            write_system_tables(f, pg, pg->systems[k], k);
        else
            fputs(report_no_counts, f);
    }
}
