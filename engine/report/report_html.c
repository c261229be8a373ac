/*
 * scrutin_report_html: one page per run that an analyst can open, mail or
 * archive on its own. Everything it shows is inside it: the style sheet, and
 * the plots as base64 data URIs (an <img> each, rather than inline <svg>,
 * because gnuplot gives every SVG the same element ids, which would clash on
 * one page). No script, no font or file fetched from anywhere.
 *
 * This file is the page's frame, its sections in their order and the list of the run's
 * files; each section is written by a report_*.c of its own (report_page.h).
 */
#include <errno.h>
#include <stdio.h>

#include "../common/number_format.h"
#include "../common/versioned.h"
#include "output_files.h"
#include "report_page.h"
#include "whatif_changes.h"
#include "scrutin/plot.h"

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

static int write_page(FILE *f, const page *pg)
{
    page_write_head(f, pg);
    int status = whatif_changes_html(f, pg->model);
    if (status != SCRUTIN_OK)
        return status;
    status = page_write_headlines(f, pg);
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
        status = page_write_figure(f, pg, "coalition_seats",
                                   "The distribution of each coalition's seats: final (after "
                                   "the court's decisions, filled) and provisional (outlined). "
                                   "The dashed line marks the majority.", marks);
    }
    if (status == SCRUTIN_OK)
        status = page_write_figure(f, pg, "party_seats",
                                   "The distribution of the largest parties' seats, final and "
                                   "provisional.", marks);
    if (status == SCRUTIN_OK) {
        page_write_systems(f, pg);
        fputs(several ? "<h2>Districts, every system</h2>\n" : "<h2>Districts</h2>\n", f);
        status = page_write_figure(f, pg, "district_outcomes",
                                   "Each district's probability of being decided in round 1, "
                                   "and of the court's decisions after the vote changing its "
                                   "winner (a panel only where the court changes some winner).",
                                   several ? " A panel per system (the round 1 of those that "
                                             "have a round 2)." : "");
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
    int err = 0;
    if (status == SCRUTIN_OK) {
        errno = 0;
        status = write_page(af.f, &pg);
        err = errno;
        report_locale_leave(&c_numbers);
    }
    run_observed_free(&pg.observed);
    for (size_t k = 0; k < REPORT_MAX_SYSTEMS; k++)
        scrutin_summary_free(pg.own[k]);
    if (status != SCRUTIN_OK)
        return atomic_file_fail(&af, status, err, out_dir, "report.html", ctx);
    return atomic_file_commit(&af, ctx);
}
