/* The version of the library and the one rule of versioned structs (docs/architecture.md). */
#include "test_support.h"

#include <stdlib.h>
#include <unistd.h>

static void test_version_is_the_projects(void **state)
{
    (void)state;
    char composed[64];
    snprintf(composed, sizeof composed, "%d.%d.%d", SCRUTIN_VERSION_MAJOR, SCRUTIN_VERSION_MINOR,
             SCRUTIN_VERSION_PATCH);
    assert_string_equal(composed, SCRUTIN_VERSION);
    assert_string_equal(scrutin_version(), SCRUTIN_VERSION);
}

/* Every versioned struct's INIT carries its header's version as its first field. */
static void test_every_init_carries_its_version(void **state)
{
    (void)state;
    scrutin_sim_options sim = SCRUTIN_SIM_OPTIONS_INIT;
    scrutin_plot_options plot = SCRUTIN_PLOT_OPTIONS_INIT;
    scrutin_run_info run = SCRUTIN_RUN_INFO_INIT;
    scrutin_compare_info compare = SCRUTIN_COMPARE_INFO_INIT;
    scrutin_sweep_info sweep = SCRUTIN_SWEEP_INFO_INIT;
    scrutin_rules rules = SCRUTIN_RULES_INIT;
    scrutin_panels_spec panels = SCRUTIN_PANELS_SPEC_INIT;
    scrutin_curves_spec curves = SCRUTIN_CURVES_SPEC_INIT;
    assert_int_equal(sim.version, SCRUTIN_SIM_OPTIONS_VERSION);
    assert_int_equal(plot.version, SCRUTIN_PLOT_OPTIONS_VERSION);
    assert_int_equal(run.version, SCRUTIN_RUN_INFO_VERSION);
    assert_int_equal(compare.version, SCRUTIN_COMPARE_INFO_VERSION);
    assert_int_equal(sweep.version, SCRUTIN_SWEEP_INFO_VERSION);
    assert_int_equal(rules.version, SCRUTIN_RULES_VERSION);
    assert_int_equal(panels.version, SCRUTIN_PANELS_SPEC_VERSION);
    assert_int_equal(curves.version, SCRUTIN_CURVES_SPEC_VERSION);
}

/* A sweep info of another version is refused before anything is written. */
static void test_sweep_info_of_another_version_is_refused(void **state)
{
    (void)state;
    scrutin_sweep *s = NULL;
    scrutin_ctx *ctx = NULL;
    assert_int_equal(scrutin_ctx_new(&ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_sweep_new(&s, "model.sd_list", 0.1, 0.2, 2, 10, ctx), SCRUTIN_OK);
    scrutin_sweep_info info = SCRUTIN_SWEEP_INFO_INIT;
    info.version = SCRUTIN_SWEEP_INFO_VERSION - 1;
    char dir[] = "/tmp/scrutin-version-XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(scrutin_sweep_write(dir, s, &info, ctx), SCRUTIN_EINVAL);
    assert_non_null(strstr(scrutin_ctx_get(ctx, 0)->message, "SCRUTIN_SWEEP_INFO_INIT"));
    char path[256];
    snprintf(path, sizeof path, "%s/sweep.json", dir);
    FILE *f = fopen(path, "r");
    assert_null(f);
    rmdir(dir);
    scrutin_sweep_free(s);
    scrutin_ctx_free(ctx);
}

#define SMALL SOURCE_PATH("tests/data/small/scenario.yaml")

/* A context, the small scenario's model and an empty tally of it. */
typedef struct fixture {
    scrutin_ctx *ctx;
    scrutin_model *model;
    scrutin_tally *tally;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(scrutin_ctx_new(&f->ctx), SCRUTIN_OK);
    f->model = test_load_model(SMALL, f->ctx);
    assert_int_equal(scrutin_tally_new(&f->tally, f->model), SCRUTIN_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    scrutin_tally_free(f->tally);
    scrutin_model_free(f->model);
    scrutin_ctx_free(f->ctx);
    free(f);
    return 0;
}

/* The diagnostic of a refused struct names it, the version given and the version read. */
static void assert_names_versions(const scrutin_ctx *ctx, const char *function, const char *type,
                                  unsigned given, unsigned expected)
{
    assert_true(scrutin_ctx_count(ctx) >= 1);
    const char *message = scrutin_ctx_get(ctx, scrutin_ctx_count(ctx) - 1)->message;
    char text[64];
    assert_non_null(strstr(message, function));
    assert_non_null(strstr(message, type));
    snprintf(text, sizeof text, "of version %u,", given);
    assert_non_null(strstr(message, text));
    snprintf(text, sizeof text, "reads version %u only", expected);
    assert_non_null(strstr(message, text));
}

/*
 * Simulation options of an older version (a program built against older headers: a struct
 * shorter than the library's) are refused by every entry point that takes them, through the
 * one rule, before anything runs.
 */
static void test_sim_options_of_another_version_are_refused(void **state)
{
    fixture *f = *state;
    scrutin_ctx *ctx = f->ctx;
    scrutin_model *m = f->model;
    scrutin_tally *tally = f->tally;
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = 10;
    const unsigned others[] = {SCRUTIN_SIM_OPTIONS_VERSION - 1, SCRUTIN_SIM_OPTIONS_VERSION + 1};
    for (size_t v = 0; v < 2; v++) {
        o.version = others[v];
        scrutin_ctx_clear(ctx);
        assert_int_equal(scrutin_sim_run(tally, m, &o, ctx), SCRUTIN_EINVAL);
        assert_names_versions(ctx, "scrutin_sim_run", "scrutin_sim_options", others[v],
                              SCRUTIN_SIM_OPTIONS_VERSION);
        assert_int_equal(scrutin_tally_simulations(tally), 0);

        const scrutin_model *pair[2] = {m, m};
        scrutin_compare_tally *t = NULL;
        assert_int_equal(scrutin_compare_tally_new(&t, pair, 2, ctx), SCRUTIN_OK);
        scrutin_ctx_clear(ctx);
        assert_int_equal(scrutin_compare_tally_run(t, &o, ctx), SCRUTIN_EINVAL);
        assert_names_versions(ctx, "scrutin_compare_tally_run", "scrutin_sim_options",
                              others[v], SCRUTIN_SIM_OPTIONS_VERSION);
        assert_int_equal(scrutin_compare_tally_simulations(t), 0);
        scrutin_compare_tally_free(t);

        scrutin_compare *c = NULL;
        scrutin_ctx_clear(ctx);
        assert_int_equal(scrutin_compare_run(&c, pair, 2, &o, ctx), SCRUTIN_EINVAL);
        assert_null(c);
        assert_names_versions(ctx, "scrutin_compare_run", "scrutin_sim_options", others[v],
                              SCRUTIN_SIM_OPTIONS_VERSION);

        scrutin_sweep *s = NULL;
        assert_int_equal(scrutin_sweep_new(&s, "model.sd_list", 0.1, 0.2, 2, 10, ctx),
                         SCRUTIN_OK);
        scrutin_ctx_clear(ctx);
        assert_int_equal(scrutin_sweep_steps(s, SMALL, &o, NULL, ctx), SCRUTIN_EINVAL);
        assert_names_versions(ctx, "scrutin_sweep_steps", "scrutin_sim_options", others[v],
                              SCRUTIN_SIM_OPTIONS_VERSION);
        assert_int_equal(s->n_done, 0);
        scrutin_sweep_free(s);

        scrutin_ctx_clear(ctx);
        assert_int_equal(scrutin_sweep_run(&s, SMALL, "model.sd_list", 0.1, 0.2, 2, &o, ctx),
                         SCRUTIN_EINVAL);
        assert_null(s);
        assert_names_versions(ctx, "scrutin_sweep_run", "scrutin_sim_options", others[v],
                              SCRUTIN_SIM_OPTIONS_VERSION);
    }
}

/* A run info of an older version is refused by the run's files and its report, naming both. */
static void test_run_info_of_another_version_is_refused(void **state)
{
    fixture *f = *state;
    scrutin_ctx *ctx = f->ctx;
    scrutin_model *m = f->model;
    scrutin_tally *tally = f->tally;
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = 20;
    assert_int_equal(scrutin_sim_run(tally, m, &o, ctx), SCRUTIN_OK);
    scrutin_summary *summary = NULL;
    assert_int_equal(scrutin_summary_compute(&summary, m, tally, ctx), SCRUTIN_OK);
    scrutin_run_info info = SCRUTIN_RUN_INFO_INIT;
    info.version = SCRUTIN_RUN_INFO_VERSION - 1;
    char dir[] = "/tmp/scrutin-version-XXXXXX";
    assert_non_null(mkdtemp(dir));
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_run_write(dir, m, tally, summary, &info, ctx), SCRUTIN_EINVAL);
    assert_names_versions(ctx, "scrutin_run_write", "scrutin_run_info", info.version,
                          SCRUTIN_RUN_INFO_VERSION);
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_report_html(dir, m, tally, summary, &info, ctx), SCRUTIN_EINVAL);
    assert_names_versions(ctx, "scrutin_report_html", "scrutin_run_info", info.version,
                          SCRUTIN_RUN_INFO_VERSION);
    char path[256];
    snprintf(path, sizeof path, "%s/run.json", dir);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(rmdir(dir), 0); /* nothing was written into it */
    scrutin_summary_free(summary);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_is_the_projects),
        cmocka_unit_test(test_every_init_carries_its_version),
        cmocka_unit_test(test_sweep_info_of_another_version_is_refused),
        cmocka_unit_test_setup_teardown(test_sim_options_of_another_version_are_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_info_of_another_version_is_refused, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
