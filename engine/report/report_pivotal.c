/* The districts that decide a majority in doubt, for each system's section of report.html. */
#include "html_embed.h"
#include "report_page.h"

/* How many districts the page lists for each majority in doubt. */
#define PIVOTAL_DISTRICTS 5

/*
 * For each party and coalition whose majority is in doubt (final P(majority)
 * from 1% to 99%), the districts of largest leverage (docs/cli.md,
 * "district_leverage.csv") among those whose leverage is at least three
 * standard errors from zero.
 */
void page_write_pivotal_districts(FILE *f, const page *pg, const scrutin_summary *s)
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
                html_named(f, pg->model, report_group_entity[k], g);
                fputs("</td><td class=\"id\">", f);
                html_named(f, pg->model, SCRUTIN_ENTITY_DISTRICT, pick[i]);
                fputs("</td><td>", f);
                html_percent_cells(f, (const double[]){x->seat.p, x->majority_if_seat.p,
                                                       x->majority_if_no_seat.p}, 3);
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
