/*
 * The plots and the report page: the files each writes, their columns and
 * values, what they refuse, and (where gnuplot is installed) that gnuplot
 * draws every script without an error.
 */
#include "test_support.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scrutin.h"

typedef struct fixture {
    char dir[64];
    scrutin_ctx *ctx;
    scrutin_scenario *scenario;
    scrutin_model *model;
    scrutin_tally *tally;
    scrutin_summary *summary;
} fixture;

/* ---- helpers ------------------------------------------------------------ */

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void touch(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("stale\n", f);
    fclose(f);
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        unlink(path);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char child[1024];
        snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        remove_tree(child);
    }
    closedir(d);
    rmdir(path);
}

/* DIR/plots/NAME.EXT into @p buf. */
static const char *plot_path(char *buf, size_t size, const char *dir, const char *name,
                             const char *ext)
{
    snprintf(buf, size, "%s/%s/%s.%s", dir, SCRUTIN_PLOT_DIR, name, ext);
    return buf;
}

static int gnuplot_installed(void)
{
    return system("command -v gnuplot >/dev/null 2>&1") == 0;
}

/* Draw DIR/plots/NAME.gp from another folder; @return gnuplot's exit status. */
static int draw(const char *dir, const char *name)
{
    char command[1024];
    snprintf(command, sizeof command, "cd / && gnuplot '%s/%s/%s.gp' 2>&1", dir, SCRUTIN_PLOT_DIR,
             name);
    return system(command);
}

static size_t count_lines(const char *text)
{
    size_t n = 0;
    for (const char *c = text; *c; c++)
        n += *c == '\n';
    return n;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    strcpy(f->dir, "/tmp/scrutin-test-plot-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    assert_int_equal(scrutin_ctx_new(&f->ctx), 0);
    assert_int_equal(scrutin_scenario_load(&f->scenario, SOURCE_PATH("tests/data/small/scenario.yaml"),
                                           f->ctx), 0);
    assert_int_equal(scrutin_model_compile(&f->model, f->scenario, f->ctx), 0);
    assert_int_equal(scrutin_tally_new(&f->tally, f->model), 0);
    scrutin_sim_options options = SCRUTIN_SIM_OPTIONS_INIT;
    options.seed = 7;
    options.count = 2000;
    options.threads = 1;
    assert_int_equal(scrutin_sim_run(f->tally, f->model, &options, f->ctx), 0);
    assert_int_equal(scrutin_summary_compute(&f->summary, f->model, f->tally, f->ctx), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    scrutin_summary_free(f->summary);
    scrutin_tally_free(f->tally);
    scrutin_model_free(f->model);
    scrutin_scenario_free(f->scenario);
    scrutin_ctx_free(f->ctx);
    remove_tree(f->dir);
    free(f);
    return 0;
}

/* ---- the plots of a run -------------------------------------------------- */

static void test_run_plots_write_data_and_script_for_each_plot(void **state)
{
    fixture *f = *state;
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, NULL, f->ctx), 0);
    size_t n;
    const char *const *names = scrutin_run_plot_names(&n);
    assert_int_equal(n, 3);
    assert_string_equal(names[0], "coalition_seats");
    assert_string_equal(names[1], "party_seats");
    assert_string_equal(names[2], "district_outcomes");
    char path[512];
    for (size_t i = 0; i < n; i++) {
        assert_true(exists(plot_path(path, sizeof path, f->dir, names[i], "csv")));
        assert_true(exists(plot_path(path, sizeof path, f->dir, names[i], "gp")));
    }
    /* No temporary file is left beside them. */
    snprintf(path, sizeof path, "%s/%s", f->dir, SCRUTIN_PLOT_DIR);
    DIR *d = opendir(path);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        assert_false(strstr(e->d_name, ".tmp"));
    closedir(d);
}

/* The probabilities (the last column) of the rows of a tidy plot CSV that start with @p key. */
static double sum_where(const char *text, const char *key)
{
    double sum = 0.0;
    size_t n = strlen(key);
    for (const char *line = strchr(text, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
        const char *start = line + 1, *end = strchr(start, '\n'), *last = NULL;
        if (strncmp(start, key, n) != 0)
            continue;
        for (const char *c = start; c < end; c++)
            last = *c == ',' ? c : last;
        sum += strtod(last + 1, NULL);
    }
    return sum;
}

static void test_coalition_seats_are_distributions_over_every_seat_total(void **state)
{
    fixture *f = *state;
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, NULL, f->ctx), 0);
    char path[512];
    plot_path(path, sizeof path, f->dir, "coalition_seats", "csv");
    char *text = read_text(path);
    /* The small scenario: 6 seats, coalitions LEFT, RIGHT, IND. Tidy: plain column names, a
       row per coalition, stage and seat total, the ids apart from the titles (in the script). */
    assert_true(strncmp(text, "group,stage,seats,probability\n", 30) == 0);
    assert_non_null(strstr(text, "\nLEFT,final,0,"));
    assert_non_null(strstr(text, "\nRIGHT,provisional,6,"));
    assert_null(strstr(text, "Left bloc"));
    assert_int_equal(count_lines(text), 1 + 3 * 2 * 7);
    static const char *const keys[] = {"LEFT,final,", "LEFT,provisional,", "RIGHT,final,",
                                       "RIGHT,provisional,", "IND,final,", "IND,provisional,"};
    for (size_t k = 0; k < 6; k++)
        assert_close(sum_where(text, keys[k]), 1.0, 1e-12);
    free(text);
}

static void test_script_draws_the_majority_line_before_the_majority(void **state)
{
    fixture *f = *state;
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, NULL, f->ctx), 0);
    char path[512];
    char *gp = read_text(plot_path(path, sizeof path, f->dir, "coalition_seats", "gp"));
    /* Majority 4 of 6: the line at 3.5, so that every bar right of it is a majority. */
    assert_non_null(strstr(gp, "set arrow 1 from 3.5, graph 0 to 3.5, graph 1"));
    assert_non_null(strstr(gp, "majority_label = 'majority: 4 seats or more'"));
    assert_non_null(strstr(gp, "set xrange [-0.5:6.5]"));
    /* The data are found beside the script, from any folder. */
    assert_non_null(strstr(gp, "rest = ARG0"));
    assert_non_null(strstr(gp, "data = dir . 'coalition_seats.csv'"));
    assert_non_null(strstr(gp, "set output dir . 'coalition_seats.' . format"));
    free(gp);
}

static void test_party_plot_leaves_out_parties_without_seats(void **state)
{
    fixture *f = *state;
    scrutin_plot_options options = SCRUTIN_PLOT_OPTIONS_INIT;
    options.parties = 2;
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, &options, f->ctx), 0);
    char path[512];
    char *csv = read_text(plot_path(path, sizeof path, f->dir, "party_seats", "csv"));
    /* Two parties, two curves each, seven seat totals. */
    assert_true(strncmp(csv, "group,stage,seats,probability\n", 30) == 0);
    assert_int_equal(count_lines(csv), 1 + 2 * 2 * 7);
    free(csv);

    options.parties = 0;
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, &options, f->ctx), 0);
    assert_false(exists(plot_path(path, sizeof path, f->dir, "party_seats", "csv")));
    assert_false(exists(plot_path(path, sizeof path, f->dir, "party_seats", "gp")));
}

static void test_new_data_remove_images_of_the_old(void **state)
{
    fixture *f = *state;
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, NULL, f->ctx), 0);
    char svg[512], png[512];
    touch(plot_path(svg, sizeof svg, f->dir, "district_outcomes", "svg"));
    touch(plot_path(png, sizeof png, f->dir, "district_outcomes", "png"));
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, NULL, f->ctx), 0);
    assert_false(exists(svg));
    assert_false(exists(png));
}

static void test_district_outcomes_list_every_district(void **state)
{
    fixture *f = *state;
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, NULL, f->ctx), 0);
    char path[512];
    char *csv = read_text(plot_path(path, sizeof path, f->dir, "district_outcomes", "csv"));
    assert_true(strncmp(csv, "district,region,seats,p_decided_round1,p_court_flip,", 52) == 0);
    assert_non_null(strstr(csv, "\nD1,North,"));
    assert_non_null(strstr(csv, "\nD3,South,"));
    assert_int_equal(count_lines(csv), 1 + 3);
    free(csv);
}

static void test_run_plots_refuse_mismatched_arguments(void **state)
{
    fixture *f = *state;
    assert_int_equal(scrutin_run_plot(NULL, f->model, f->tally, f->summary, NULL, f->ctx),
                     SCRUTIN_EINVAL);
    scrutin_plot_options options = SCRUTIN_PLOT_OPTIONS_INIT;
    options.version = 99;
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, &options, f->ctx),
                     SCRUTIN_EINVAL);
    scrutin_tally *empty = NULL;
    assert_int_equal(scrutin_tally_new(&empty, f->model), 0);
    assert_int_equal(scrutin_run_plot(f->dir, f->model, empty, f->summary, NULL, f->ctx),
                     SCRUTIN_EINVAL);
    scrutin_tally_free(empty);
}

/* ---- compare and sweep ---------------------------------------------------- */

/* scrutin_plot_panels() and scrutin_plot_curves() with their specs spelt out in the call. */
static int panels(const char *dir, const char *name, const char *title, unsigned seats,
                  unsigned majority, size_t n_groups, const char *const *groups, size_t n_scenarios,
                  const char *const *scenarios, const double *const *probability, scrutin_ctx *ctx)
{
    scrutin_panels_spec spec = SCRUTIN_PANELS_SPEC_INIT;
    spec.name = name;
    spec.title = title;
    spec.seats = seats;
    spec.majority = majority;
    spec.n_groups = n_groups;
    spec.group_labels = groups;
    spec.n_scenarios = n_scenarios;
    spec.scenario_labels = scenarios;
    spec.probability = probability;
    return scrutin_plot_panels(dir, &spec, ctx);
}

static int curves_plot(const char *dir, const char *name, const char *title, const char *x_label,
                       const char *y_label, size_t n_points, const double *x, size_t n_curves,
                       const scrutin_plot_curve *curves, scrutin_ctx *ctx)
{
    scrutin_curves_spec spec = SCRUTIN_CURVES_SPEC_INIT;
    spec.name = name;
    spec.title = title;
    spec.x_label = x_label;
    spec.y_label = y_label;
    spec.n_points = n_points;
    spec.x = x;
    spec.n_curves = n_curves;
    spec.curves = curves;
    return scrutin_plot_curves(dir, &spec, ctx);
}

static void test_compare_writes_one_column_per_group_and_scenario(void **state)
{
    fixture *f = *state;
    double a[5] = {0.1, 0.2, 0.4, 0.2, 0.1}, b[5] = {0.0, 0.1, 0.2, 0.3, 0.4};
    const double *probability[] = {a, b, b, a};
    const char *const groups[] = {"LEFT", "RIGHT"};
    const char *const scenarios[] = {"base", "it's a what-if, with a comma"};
    assert_int_equal(panels(f->dir, "compare_coalitions", "base against what-if", 4, 3,
                                          2, groups, 2, scenarios, probability, f->ctx),
                     0);
    char path[512];
    char *csv = read_text(plot_path(path, sizeof path, f->dir, "compare_coalitions", "csv"));
    /* Tidy: a row per group, scenario and seat total; a comma in a label becomes a space. */
    assert_true(strncmp(csv, "group,scenario,seats,probability\n", 33) == 0);
    assert_non_null(strstr(csv, "\nLEFT,base,2,0.4\n"));
    assert_non_null(strstr(csv, "\nLEFT,it's a what-if  with a comma,2,0.2\n"));
    assert_non_null(strstr(csv, "\nRIGHT,it's a what-if  with a comma,4,0.1\n"));
    assert_int_equal(count_lines(csv), 1 + 2 * 2 * 5);
    free(csv);
    char *gp = read_text(plot_path(path, sizeof path, f->dir, "compare_coalitions", "gp"));
    /* A quote in a label is doubled inside gnuplot's single-quoted strings. */
    assert_non_null(strstr(gp, "curve[2] = 'it''s a what-if, with a comma'"));
    assert_non_null(strstr(gp, "set arrow 1 from 2.5, graph 0"));
    free(gp);
}

static void test_compare_and_sweep_refuse_bad_names_and_shapes(void **state)
{
    fixture *f = *state;
    double a[3] = {0.5, 0.5, 0.0};
    const double *probability[] = {a};
    const char *const groups[] = {"G"};
    const char *const scenarios[] = {"base"};
    assert_int_equal(panels(f->dir, "../escape", NULL, 2, 2, 1, groups, 1, scenarios,
                                          probability, f->ctx),
                     SCRUTIN_EINVAL);
    assert_int_equal(panels(f->dir, "ok", NULL, 2, 2, 0, groups, 1, scenarios,
                                          probability, f->ctx),
                     SCRUTIN_EINVAL);
    double x[2] = {0.1, 0.2}, p[2] = {0.5, 0.6};
    scrutin_plot_curve curve = {"G", p, NULL};
    assert_int_equal(curves_plot(f->dir, "", NULL, "x", "y", 2, x, 1, &curve, f->ctx),
                     SCRUTIN_EINVAL);
    assert_int_equal(curves_plot(f->dir, "sweep", NULL, "x", "y", 0, x, 1, &curve, f->ctx),
                     SCRUTIN_EINVAL);
    curve.p = NULL;
    assert_int_equal(curves_plot(f->dir, "sweep", NULL, "x", "y", 2, x, 1, &curve, f->ctx),
                     SCRUTIN_EINVAL);
    /* Specs of another version are refused (docs/architecture.md, "Versions"). */
    curve.p = p;
    scrutin_curves_spec curves = {SCRUTIN_CURVES_SPEC_VERSION + 1, "sweep", NULL, "x", "y", 2, x,
                                  1, &curve, NULL, NULL};
    assert_int_equal(scrutin_plot_curves(f->dir, &curves, f->ctx), SCRUTIN_EINVAL);
    curves.version = SCRUTIN_CURVES_SPEC_VERSION;
    assert_int_equal(scrutin_plot_curves(f->dir, &curves, f->ctx), SCRUTIN_OK);
    scrutin_panels_spec panel = {SCRUTIN_PANELS_SPEC_VERSION + 1, "ok", NULL, 2, 2, 1, groups, 1,
                                 scenarios, probability, NULL, NULL, NULL, NULL};
    assert_int_equal(scrutin_plot_panels(f->dir, &panel, f->ctx), SCRUTIN_EINVAL);
    panel.version = SCRUTIN_PANELS_SPEC_VERSION;
    assert_int_equal(scrutin_plot_panels(f->dir, &panel, f->ctx), SCRUTIN_OK);
}

static void test_sweep_writes_probabilities_and_their_errors(void **state)
{
    fixture *f = *state;
    double x[3] = {0.05, 0.1, 0.2};
    double left[3] = {0.9, 0.75, NAN}, left_se[3] = {0.01, 0.02, 0.03};
    double right[3] = {0.1, 0.25, 0.5};
    scrutin_plot_curve curves[2] = {{"LEFT", left, left_se}, {"RIGHT", right, NULL}};
    assert_int_equal(curves_plot(f->dir, "sweep_sd_party", "P(majority) as sd_party grows",
                                        "model.sd_party", "P(majority), final (%)", 3, x, 2, curves,
                                        f->ctx),
                     0);
    char path[512];
    char *csv = read_text(plot_path(path, sizeof path, f->dir, "sweep_sd_party", "csv"));
    /* Tidy: a row per curve and value, the label in a column of its own. */
    assert_string_equal(csv, "x,group,probability,probability_se\n"
                             "0.05,LEFT,0.9,0.01\n"
                             "0.1,LEFT,0.75,0.02\n"
                             "0.2,LEFT,NaN,0.03\n"
                             "0.05,RIGHT,0.1,NaN\n"
                             "0.1,RIGHT,0.25,NaN\n"
                             "0.2,RIGHT,0.5,NaN\n");
    free(csv);
    char *gp = read_text(plot_path(path, sizeof path, f->dir, "sweep_sd_party", "gp"));
    assert_non_null(strstr(gp, "set xlabel 'model.sd_party'"));
    assert_non_null(strstr(gp, "with filledcurves"));
    /* A short title stays on one line. */
    assert_non_null(strstr(gp, "set label 1 \"P(majority) as sd_party grows\" at screen"));
    free(gp);
    /* A long one (a long scenario name) is broken at a space, not clipped by gnuplot. */
    assert_int_equal(curves_plot(f->dir, "sweep_sd_party",
                                 "whatif-france-12-5-turnout-plus-10-and-a-longer-name-still: "
                                 "P(majority) against model.runoff.sd_mobilisation, 20000 "
                                 "simulations per step",
                                 "model.sd_party", "P(majority), final (%)", 3, x, 2, curves,
                                 f->ctx),
                     0);
    gp = read_text(plot_path(path, sizeof path, f->dir, "sweep_sd_party", "gp"));
    assert_non_null(strstr(gp, "P(majority) against\\nmodel.runoff.sd_mobilisation"));
    free(gp);
}

/* ---- gnuplot draws every script ------------------------------------------ */

static void test_gnuplot_draws_every_script(void **state)
{
    fixture *f = *state;
    if (!gnuplot_installed()) {
        print_message("gnuplot is not installed: the scripts are not drawn\n");
        skip();
    }
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, NULL, f->ctx), 0);
    double a[7] = {0.1, 0.1, 0.2, 0.2, 0.2, 0.1, 0.1};
    const double *probability[] = {a, a};
    const char *const groups[] = {"LEFT"};
    const char *const scenarios[] = {"base", "what-if"};
    assert_int_equal(panels(f->dir, "compare", NULL, 6, 4, 1, groups, 2, scenarios,
                                          probability, f->ctx),
                     0);
    double x[3] = {0.05, 0.1, 0.2}, p[3] = {0.9, 0.75, 0.6}, se[3] = {0.01, 0.02, 0.03};
    scrutin_plot_curve curve = {"LEFT", p, se};
    assert_int_equal(curves_plot(f->dir, "sweep", "a sweep", "x", "P (%)", 3, x, 1, &curve,
                                        f->ctx),
                     0);
    static const char *const names[] = {"coalition_seats", "party_seats", "district_outcomes",
                                        "compare", "sweep"};
    char path[512];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        assert_int_equal(draw(f->dir, names[i]), 0);
        assert_true(exists(plot_path(path, sizeof path, f->dir, names[i], "svg")));
        assert_true(exists(plot_path(path, sizeof path, f->dir, names[i], "png")));
    }
}

/* ---- the report page ------------------------------------------------------- */

static char *report_page(fixture *f)
{
    scrutin_run_info info = SCRUTIN_RUN_INFO_INIT;
    info.seed = 7;
    info.requested = 2000;
    info.scenario_hash = "0123456789abcdef0123456789abcdef";
    assert_int_equal(scrutin_report_html(f->dir, f->model, f->tally, f->summary, &info, f->ctx), 0);
    char path[512];
    snprintf(path, sizeof path, "%s/report.html", f->dir);
    return read_text(path);
}

static void test_report_without_plots_says_how_to_get_them(void **state)
{
    fixture *f = *state;
    char *html = report_page(f);
    assert_true(strncmp(html, "<!DOCTYPE html>\n", 16) == 0);
    /* The scenario's title first, then its name and the simulations. */
    assert_non_null(strstr(html, "<h1>Three districts</h1>\n<p class=\"meta\">small: 2000 "
                                 "simulated elections.</p>"));
    assert_non_null(strstr(html, "6 seats; a majority is 4 seats"));
    /* Each group by its id and its name. */
    assert_non_null(strstr(html, "<b>LEFT <span class=\"name\">Left bloc</span></b> (coalition) "
                                 "holds a majority after the court in <b>"));
    assert_non_null(strstr(html, "run scrutin with <code>--plots</code>"));
    assert_null(strstr(html, "<img"));
    /* Self-contained: nothing fetched from elsewhere. */
    assert_null(strstr(html, "http"));
    assert_null(strstr(html, "<script"));
    assert_non_null(strstr(html, "<td class=\"id\">D3 <span class=\"name\">District three</span></td><td class=\"id\">South</td><td>1</td>"));
    /* Districts that decide a majority: without D1's 3 seats LEFT holds 3 of 6 at most, so
       its majority (4) needs D1, and D1 comes first, with P(majority | no seat) exactly 0. */
    const char *pivotal = strstr(html, "<h3>Districts that decide a majority</h3>");
    assert_non_null(pivotal);
    const char *left_d1 = strstr(pivotal, "<tr><td class=\"id\">LEFT <span class=\"name\">Left bloc</span></td><td "
                                            "class=\"id\">D1 <span class=\"name\">District one</span></td>");
    assert_non_null(left_d1);
    assert_true(left_d1 < strstr(pivotal, "<td class=\"id\">LEFT <span class=\"name\">Left bloc</span></td><td "
                                               "class=\"id\">D2 <span class=\"name\">District two</span></td>"));
    const char *row_end = strstr(left_d1, "</tr>");
    const char *zero = strstr(left_d1, "<td>0.0%</td>");
    assert_true(zero && zero < row_end);
    size_t n = strlen(html);
    assert_string_equal(html + n - 8, "</html>\n");
    free(html);
}

static void test_report_embeds_the_drawn_plots(void **state)
{
    fixture *f = *state;
    assert_int_equal(scrutin_run_plot(f->dir, f->model, f->tally, f->summary, NULL, f->ctx), 0);
    /* An image in place of gnuplot's: "abc" is "YWJj" in base64, "ab" "YWI=". */
    char path[512];
    FILE *svg = fopen(plot_path(path, sizeof path, f->dir, "coalition_seats", "svg"), "w");
    assert_non_null(svg);
    fputs("abc", svg);
    fclose(svg);
    svg = fopen(plot_path(path, sizeof path, f->dir, "party_seats", "svg"), "w");
    assert_non_null(svg);
    fputs("ab", svg);
    fclose(svg);
    char *html = report_page(f);
    assert_non_null(strstr(html, "src=\"data:image/svg+xml;base64,YWJj\""));
    assert_non_null(strstr(html, "src=\"data:image/svg+xml;base64,YWI=\""));
    /* The third was written but not drawn. */
    assert_non_null(strstr(html, "<code>gnuplot plots/district_outcomes.gp</code>"));
    free(html);
}

static void test_report_is_the_same_for_the_same_run(void **state)
{
    fixture *f = *state;
    char *first = report_page(f);
    char *second = report_page(f);
    assert_string_equal(first, second);
    free(first);
    free(second);
}

/* ---- the observed result and a what-if's changes ----------------------------- */

/* The run of model @p m (1000 simulations, seed 7), its plots and its report into @p dir. */
static char *model_plots_and_report(const char *dir, const scrutin_model *m, scrutin_ctx *ctx,
                                    char **gp)
{
    scrutin_tally *t = NULL;
    scrutin_summary *s = NULL;
    assert_int_equal(scrutin_tally_new(&t, m), 0);
    scrutin_sim_options options = SCRUTIN_SIM_OPTIONS_INIT;
    options.seed = 7;
    options.count = 1000;
    options.threads = 1;
    assert_int_equal(scrutin_sim_run(t, m, &options, ctx), 0);
    assert_int_equal(scrutin_summary_compute(&s, m, t, ctx), 0);
    assert_int_equal(scrutin_run_plot(dir, m, t, s, NULL, ctx), 0);
    scrutin_run_info info = SCRUTIN_RUN_INFO_INIT;
    assert_int_equal(scrutin_report_html(dir, m, t, s, &info, ctx), 0);
    char file[512];
    *gp = read_text(plot_path(file, sizeof file, dir, "coalition_seats", "gp"));
    snprintf(file, sizeof file, "%s/report.html", dir);
    char *html = read_text(file);
    scrutin_summary_free(s);
    scrutin_tally_free(t);
    return html;
}

/* The same for the scenario @p path. */
static char *plots_and_report(const char *dir, const char *path, scrutin_ctx *ctx, char **gp)
{
    scrutin_model *m = NULL;
    scrutin_scenario *sc = NULL;
    assert_int_equal(scrutin_scenario_load(&sc, path, ctx), 0);
    assert_int_equal(scrutin_model_compile(&m, sc, ctx), 0);
    char *html = model_plots_and_report(dir, m, ctx, gp);
    scrutin_model_free(m);
    scrutin_scenario_free(sc);
    return html;
}

/* An id as long as a scenario makes it, whole in the plot's CSV: a key cut short is another group. */
static void test_coalition_seats_keep_a_long_id_whole(void **state)
{
    fixture *f = *state;
    char id[301];
    memset(id, 'R', sizeof id - 1);
    id[sizeof id - 1] = '\0';
    char path[512];
    snprintf(path, sizeof path, "%s/long-id.yaml", f->dir);
    FILE *y = fopen(path, "w");
    assert_non_null(y);
    fprintf(y,
            "format: 1\nname: long-id\nseats: 6\n"
            "coalitions:\n  - {id: LEFT}\n  - {id: %s}\n  - {id: IND}\n"
            "parties:\n  - {id: A, coalition: LEFT}\n  - {id: B, coalition: LEFT}\n"
            "  - {id: C, coalition: %s}\n  - {id: IND, coalition: IND, independent: true}\n"
            "regions:\n  - {id: North}\n  - {id: South}\n"
            "districts: %s\nlists: %s\n"
            "rules:\n  system: two-round-list\n  round1_majority: 0.5\n  round2_lists: 2\n"
            "court:\n  rejected_lists:\n    - {district: D3, list: ind-d3, source: test}\n",
            id, id, SOURCE_PATH("tests/data/small/districts.csv"),
            SOURCE_PATH("tests/data/small/lists.csv"));
    assert_int_equal(fclose(y), 0);
    char *gp = NULL;
    free(plots_and_report(f->dir, path, f->ctx, &gp));
    free(gp);
    char *text = read_text(plot_path(path, sizeof path, f->dir, "coalition_seats", "csv"));
    char key[sizeof id + 16];
    snprintf(key, sizeof key, "\n%s,final,0,", id);
    assert_non_null(strstr(text, key));
    free(text);
}

static void test_observed_result_marked_where_the_scenario_replays(void **state)
{
    fixture *f = *state;
    char *gp = NULL;
    char *html = plots_and_report(f->dir, SOURCE_PATH("tests/data/small/scenario.yaml"), f->ctx, &gp);
    /* scrutin replay of the small scenario: LEFT 3, RIGHT 3, IND 0 final seats. */
    assert_non_null(strstr(gp, "observed[1] = 3\n    observed[2] = 3\n    observed[3] = 0\n"));
    assert_non_null(strstr(gp, "set arrow 2 from observed[i], graph 0"));
    assert_non_null(strstr(gp, "title observed_label"));
    assert_non_null(strstr(html, "<th class=\"observed\">observed</th>"));
    assert_non_null(strstr(html, "The solid line marks the observed result"));
    free(gp);
    free(html);
}

static void test_no_observed_mark_where_the_scenario_cannot_be_replayed(void **state)
{
    fixture *f = *state;
    char *gp = NULL;
    /* Partial results with a district in doubt: scrutin replay refuses it. */
    char *html = plots_and_report(f->dir, SOURCE_PATH("tests/data/partial/whatif-doubt.yaml"),
                                  f->ctx, &gp);
    assert_null(strstr(gp, "observed"));
    assert_null(strstr(html, "class=\"observed\""));
    assert_null(strstr(html, "The solid line marks the observed result"));
    free(gp);
    free(html);
}

static void test_whatif_report_lists_its_changes(void **state)
{
    fixture *f = *state;
    char *gp = NULL;
    char *html = plots_and_report(f->dir, SOURCE_PATH("tests/data/whatif/both-changes.yaml"),
                                  f->ctx, &gp);
    const char *section = strstr(html, "<h2>What this what-if changes</h2>");
    assert_non_null(section);
    assert_non_null(strstr(section, "small/scenario.yaml</code>"));
    assert_non_null(strstr(section, "<li>round-1 support of party C shifted by -5 percentage "
                                    "points of the district&#39;s votes in region North</li>"));
    assert_non_null(strstr(section, "<li>list withdrawn: ind in district D2</li>"));
    assert_true(section < strstr(html, "<h2>Headline</h2>"));
    free(gp);
    free(html);
    /* A plain override: the parameter, from what to what. */
    html = plots_and_report(f->dir, SOURCE_PATH("tests/data/whatif/override.yaml"), f->ctx, &gp);
    assert_non_null(strstr(html, "<li><code>model.sd_list</code>: "));
    assert_non_null(strstr(html, " → 0.4</li>"));
    free(gp);
    free(html);
    /* A scenario that is not a what-if has no such section. */
    html = report_page(f);
    assert_null(strstr(html, "What this what-if changes"));
    free(html);
}

/* A what-if over a what-if whose file is gone by the report: the base's own change (the shift)
   is not listed as this what-if's, and the page says that the base could not be read. */
static void test_whatif_report_without_its_base(void **state)
{
    fixture *f = *state;
    char base[512], path[512];
    snprintf(base, sizeof base, "%s/base.yaml", f->dir);
    snprintf(path, sizeof path, "%s/whatif.yaml", f->dir);
    FILE *y = fopen(base, "w");
    assert_non_null(y);
    fprintf(y, "base: %s\nchanges:\n  - shift: {party: C, points: -5, regions: [North]}\n",
            SOURCE_PATH("tests/data/small/scenario.yaml"));
    assert_int_equal(fclose(y), 0);
    y = fopen(path, "w");
    assert_non_null(y);
    fputs("base: base.yaml\nchanges:\n  - withdraw_lists: {district: D2, list: ind}\n", y);
    assert_int_equal(fclose(y), 0);
    scrutin_model *m = NULL;
    scrutin_scenario *sc = NULL;
    assert_int_equal(scrutin_scenario_load(&sc, path, f->ctx), 0);
    assert_int_equal(scrutin_model_compile(&m, sc, f->ctx), 0);
    assert_int_equal(remove(base), 0);
    char *gp = NULL;
    char *html = model_plots_and_report(f->dir, m, f->ctx, &gp);
    const char *section = strstr(html, "<h2>What this what-if changes</h2>");
    assert_non_null(section);
    const char *end = strstr(section, "<h2>Headline</h2>");
    assert_non_null(end);
    assert_non_null(strstr(section, "could not be read again"));
    const char *shift = strstr(section, "shifted by -5 percentage points");
    assert_true(shift == NULL || shift > end);
    assert_null(strstr(section, "the changes below are the what-if's own"));
    free(gp);
    free(html);
    scrutin_model_free(m);
    scrutin_scenario_free(sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_run_plots_write_data_and_script_for_each_plot, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_coalition_seats_are_distributions_over_every_seat_total,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_script_draws_the_majority_line_before_the_majority,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_party_plot_leaves_out_parties_without_seats, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_new_data_remove_images_of_the_old, setup, teardown),
        cmocka_unit_test_setup_teardown(test_district_outcomes_list_every_district, setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_plots_refuse_mismatched_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_compare_writes_one_column_per_group_and_scenario, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_compare_and_sweep_refuse_bad_names_and_shapes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_sweep_writes_probabilities_and_their_errors, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gnuplot_draws_every_script, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_without_plots_says_how_to_get_them, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_report_embeds_the_drawn_plots, setup, teardown),
        cmocka_unit_test_setup_teardown(test_coalition_seats_keep_a_long_id_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_observed_result_marked_where_the_scenario_replays,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_observed_mark_where_the_scenario_cannot_be_replayed,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_whatif_report_lists_its_changes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_whatif_report_without_its_base, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_is_the_same_for_the_same_run, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
