/*
 * Several electoral systems on the same simulated votes: each system's
 * counts are those it would have alone, every system fills every seat, and
 * every output table gains a leading `system` column.
 */
#include "test_support.h"

#include <stdlib.h>
#include <unistd.h>

#include "report/run_tables.h"
#include "scrutin.h"

static scrutin_ctx *ctx;

static scrutin_tally *run(const scrutin_model *m, uint64_t count, int threads)
{
    scrutin_tally *t = NULL;
    assert_int_equal(scrutin_tally_new(&t, m), 0);
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = count;
    o.threads = threads;
    o.seed = 21;
    assert_int_equal(scrutin_sim_run(t, m, &o, ctx), 0);
    return t;
}

/* The first system of a three-system run counts exactly what the base scenario counts alone. */
static void test_first_system_is_the_base_run(void **state)
{
    (void)state;
    scrutin_model *base = test_load_model(SOURCE_PATH("scenarios/mali-2007/scenario.yaml"), ctx);
    scrutin_model *three = test_load_model(SOURCE_PATH("scenarios/mali-2007/whatif-pr-systems.yaml"), ctx);
    assert_int_equal(scrutin_model_systems(base), 1);
    assert_int_equal(scrutin_model_systems(three), 3);
    assert_string_equal(scrutin_model_system_id(three, 1), "dhondt");
    scrutin_tally *alone = run(base, 600, 2);
    scrutin_tally *together = run(three, 600, 1);
    assert_int_equal(scrutin_tally_systems(together), 3);
    assert_true(scrutin_tally_equal(alone, scrutin_tally_system(together, 0)));
    /* The other systems do differ. */
    assert_false(scrutin_tally_equal(alone, scrutin_tally_system(together, 1)));
    scrutin_tally_free(alone);
    scrutin_tally_free(together);
    scrutin_model_free(base);
    scrutin_model_free(three);
}

/*
 * Each system fills the same seats: all 147, but in a simulation where the
 * court rejects the only list of a district (Tin-Essako had one), whose seat
 * stays vacant under every system alike.
 */
static void test_every_system_fills_the_assembly(void **state)
{
    (void)state;
    scrutin_model *three = test_load_model(SOURCE_PATH("scenarios/mali-2007/whatif-pr-systems.yaml"), ctx);
    scrutin_tally *t = run(three, 400, 2);
    double first = 0.0;
    for (size_t s = 0; s < 3; s++) {
        const scrutin_tally *v = scrutin_tally_system(t, s);
        assert_int_equal(scrutin_tally_simulations(v), 400);
        double total = 0.0;
        for (size_t c = 0; c < scrutin_model_count(three, SCRUTIN_ENTITY_COALITION); c++) {
            const int64_t *h = scrutin_tally_seat_histogram(v, SCRUTIN_STAGE_PROVISIONAL,
                                                            SCRUTIN_GROUP_COALITION, c);
            for (unsigned k = 0; k <= 147; k++)
                total += (double)h[k] * k;
        }
        if (s == 0)
            first = total;
        assert_close(total, first, 0.0);
        assert_true(total / 400.0 > 146.9 && total / 400.0 <= 147.0);
    }
    scrutin_tally_free(t);
    scrutin_model_free(three);
}

/* The tallies of several systems do not depend on the thread count either. */
static void test_systems_identical_for_1_and_2_threads(void **state)
{
    (void)state;
    scrutin_model *three = test_load_model(SOURCE_PATH("scenarios/mali-2007/whatif-pr-systems.yaml"), ctx);
    scrutin_tally *one = run(three, 500, 1);
    scrutin_tally *two = run(three, 500, 2);
    assert_true(scrutin_tally_equal(one, two));
    scrutin_tally_free(one);
    scrutin_tally_free(two);
    scrutin_model_free(three);
}

static void test_tables_gain_a_system_column(void **state)
{
    (void)state;
    scrutin_model *three = test_load_model(SOURCE_PATH("scenarios/mali-2007/whatif-pr-systems.yaml"), ctx);
    scrutin_tally *t = run(three, 200, 2);
    scrutin_summary *s = NULL;
    assert_int_equal(scrutin_summary_compute(&s, three, t, ctx), 0);
    char dir[] = "/tmp/scrutin-systems-XXXXXX";
    assert_non_null(mkdtemp(dir));
    scrutin_run_info info = SCRUTIN_RUN_INFO_INIT;
    info.scenario_name = "mali-2007-pr-systems";
    info.requested = info.completed = 200;
    assert_int_equal(scrutin_run_write(dir, three, t, s, &info, ctx), 0);
    static const char *const files[] = {"seats_distribution.csv", "seats_summary.csv",
                                        "districts.csv", "district_lists.csv",
                                        "district_leverage.csv", "district_runoffs.csv"};
    for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
        char path[256], line[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        FILE *in = fopen(path, "r");
        assert_non_null(in);
        assert_non_null(fgets(line, sizeof line, in));
        assert_int_equal(strncmp(line, "system,", 7), 0);
        int seen[3] = {0};
        while (fgets(line, sizeof line, in)) {
            seen[0] |= strncmp(line, "two-round,", 10) == 0;
            seen[1] |= strncmp(line, "dhondt,", 7) == 0;
            seen[2] |= strncmp(line, "sainte-lague,", 13) == 0;
        }
        fclose(in);
        /* Proportional systems have no round 2: no pairings, only the two-round system's. */
        int runoffs = strcmp(files[f], "district_runoffs.csv") == 0;
        assert_true(seen[0] && seen[1] == !runoffs && seen[2] == !runoffs);
        unlink(path);
    }
    char path[256];
    snprintf(path, sizeof path, "%s/run.json", dir);
    unlink(path);
    rmdir(dir);
    scrutin_summary_free(s);
    scrutin_tally_free(t);
    scrutin_model_free(three);
}

/* The text of @p format written by scrutin_run_print (freed by the caller). */
static char *headline(const scrutin_model *m, const scrutin_tally *t, const scrutin_summary *s,
                      scrutin_format format)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    assert_non_null(f);
    assert_int_equal(scrutin_run_print(f, m, t, s, format, ctx), 0);
    fclose(f);
    /* A copy, so that gcc 12 does not take pointers into it for pointers to the local that
     * open_memstream was given (a false -Werror=dangling-pointer in Release). */
    char *copy = strdup(text);
    free(text);
    return copy;
}

/* The whole of file @p path (freed by the caller). */
static char *read_whole(const char *path)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char *text = NULL;
    size_t size = 0;
    assert_true(getdelim(&text, &size, '\0', f) > 0);
    fclose(f);
    return text;
}

/* The headline: a table per system, or a system column; one system's is the plain table. */
static void test_headline_shows_every_system(void **state)
{
    (void)state;
    scrutin_model *three = test_load_model(SOURCE_PATH("scenarios/mali-2007/whatif-pr-systems.yaml"), ctx);
    scrutin_tally *t = run(three, 200, 2);
    scrutin_summary *s = NULL;
    assert_int_equal(scrutin_summary_compute(&s, three, t, ctx), 0);
    char *table = headline(three, t, s, SCRUTIN_FORMAT_TABLE);
    const char *two = strstr(table, "\nsystem two-round\n"), *dh = strstr(table, "\nsystem dhondt\n"),
               *sl = strstr(table, "\nsystem sainte-lague\n");
    assert_true(two && dh && sl && two < dh && dh < sl);
    free(table);
    char *csv = headline(three, t, s, SCRUTIN_FORMAT_CSV);
    assert_int_equal(strncmp(csv, "system,stage,group_kind,group,", 30), 0);
    assert_non_null(strstr(csv, "\ndhondt,final,coalition,ADP,"));
    assert_non_null(strstr(csv, "\nsainte-lague,final,coalition,ADP,"));
    free(csv);
    scrutin_summary_free(s);
    scrutin_tally_free(t);
    scrutin_model_free(three);

    scrutin_model *one = test_load_model(SOURCE_PATH("scenarios/mali-2007/scenario.yaml"), ctx);
    t = run(one, 200, 2);
    assert_int_equal(scrutin_summary_compute(&s, one, t, ctx), 0);
    for (int format = 0; format < 4; format++) {
        char *with_tally = headline(one, t, s, (scrutin_format)format), *plain = NULL;
        size_t size = 0;
        FILE *f = open_memstream(&plain, &size);
        assert_int_equal(run_table_print(f, one, s, (scrutin_format)format, ctx), 0);
        fclose(f);
        assert_string_equal(with_tally, plain);
        free(with_tally);
        free(plain);
    }
    scrutin_summary_free(s);
    scrutin_tally_free(t);
    scrutin_model_free(one);
}

/* The plots draw every system: panels titled by it, and its rows in their data. */
static void test_plots_draw_every_system(void **state)
{
    (void)state;
    scrutin_model *three = test_load_model(SOURCE_PATH("scenarios/mali-2007/whatif-pr-systems.yaml"), ctx);
    scrutin_tally *t = run(three, 200, 2);
    scrutin_summary *s = NULL;
    assert_int_equal(scrutin_summary_compute(&s, three, t, ctx), 0);
    char dir[] = "/tmp/scrutin-systems-plots-XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(scrutin_run_plot(dir, three, t, s, NULL, ctx), 0);
    size_t n = 0;
    const char *const *names = scrutin_run_plot_names(&n);
    for (size_t i = 0; i < n; i++) {
        char path[512], line[1024];
        snprintf(path, sizeof path, "%s/%s/%s.gp", dir, SCRUTIN_PLOT_DIR, names[i]);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        /* Every system has its panels: each named first in their titles. */
        int named[3] = {0, 0, 0};
        static const char *const ids[3] = {"two-round: ", "dhondt: ", "sainte-lague: "};
        while (fgets(line, sizeof line, f))
            for (size_t k = 0; k < 3; k++)
                named[k] |= (strstr(line, "panel[") || strstr(line, "set title '")) &&
                            (strstr(line, " = \"") || strstr(line, "set title '")) &&
                            strstr(line, ids[k]) != NULL;
        fclose(f);
        /* district_outcomes has a panel only where it says something: two-round's round 1. */
        assert_true(named[0]);
        assert_true(i == 2 || (named[1] && named[2]));
        /* And its data, a row per system: the leading system column, as the tables have. */
        snprintf(path, sizeof path, "%s/%s/%s.csv", dir, SCRUTIN_PLOT_DIR, names[i]);
        char *csv = read_whole(path);
        assert_int_equal(strncmp(csv, "system,", 7), 0);
        assert_non_null(strstr(csv, "\ntwo-round,"));
        assert_non_null(strstr(csv, "\ndhondt,"));
        assert_non_null(strstr(csv, "\nsainte-lague,"));
        free(csv);
        snprintf(path, sizeof path, "%s/%s/%s.gp", dir, SCRUTIN_PLOT_DIR, names[i]);
        unlink(path);
        static const char *const extensions[] = {"csv", "svg", "png"};
        for (size_t e = 0; e < 3; e++) {
            snprintf(path, sizeof path, "%s/%s/%s.%s", dir, SCRUTIN_PLOT_DIR, names[i],
                     extensions[e]);
            unlink(path);
        }
    }
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, SCRUTIN_PLOT_DIR);
    rmdir(path);
    rmdir(dir);
    scrutin_summary_free(s);
    scrutin_tally_free(t);
    scrutin_model_free(three);
}

int main(void)
{
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_system_is_the_base_run),
        cmocka_unit_test(test_every_system_fills_the_assembly),
        cmocka_unit_test(test_systems_identical_for_1_and_2_threads),
        cmocka_unit_test(test_tables_gain_a_system_column),
        cmocka_unit_test(test_headline_shows_every_system),
        cmocka_unit_test(test_plots_draw_every_system),
    };
    int failed = cmocka_run_group_tests_name("several systems", tests, NULL, NULL);
    scrutin_ctx_free(ctx);
    return failed;
}
