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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_is_the_projects),
        cmocka_unit_test(test_every_init_carries_its_version),
        cmocka_unit_test(test_sweep_info_of_another_version_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
