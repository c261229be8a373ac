/*
 * A tally knows the model it was made for (scrutin_model_fingerprint), and
 * every function given a tally and a model refuses a tally of another model
 * instead of counting nothing, or summarising the wrong counts, silently.
 */
#include <stdlib.h>
#include <unistd.h>

#include "test_support.h"

static scrutin_ctx *ctx;

static int mentions(const char *text)
{
    char msg[1024];
    for (size_t i = 0; i < scrutin_ctx_count(ctx); i++) {
        scrutin_ctx_format(ctx, i, msg, sizeof msg);
        if (strstr(msg, text))
            return 1;
    }
    return 0;
}

static void test_fingerprint_is_the_model(void **state)
{
    (void)state;
    scrutin_model *a = test_load_model(SOURCE_PATH("tests/data/small/scenario.yaml"), ctx);
    scrutin_model *again = test_load_model(SOURCE_PATH("tests/data/small/scenario.yaml"), ctx);
    scrutin_model *shift = test_load_model(SOURCE_PATH("tests/data/whatif/shift.yaml"), ctx);
    assert_true(scrutin_model_fingerprint(a) != 0);
    assert_true(scrutin_model_fingerprint(a) == scrutin_model_fingerprint(again));
    /* Same entities and shape, other numbers: another model. */
    assert_int_equal(scrutin_model_count(a, SCRUTIN_ENTITY_LIST),
                     scrutin_model_count(shift, SCRUTIN_ENTITY_LIST));
    assert_true(scrutin_model_fingerprint(a) != scrutin_model_fingerprint(shift));
    scrutin_tally *t = NULL;
    assert_int_equal(scrutin_tally_new(&t, a), SCRUTIN_OK);
    assert_true(scrutin_tally_model_fingerprint(t) == scrutin_model_fingerprint(a));
    assert_int_equal(scrutin_tally_check(t, again, "test", ctx), SCRUTIN_OK);
    scrutin_tally_free(t);
    scrutin_model_free(a);
    scrutin_model_free(again);
    scrutin_model_free(shift);
}

static void test_foreign_tally_refused(void **state)
{
    (void)state;
    scrutin_model *a = test_load_model(SOURCE_PATH("tests/data/small/scenario.yaml"), ctx);
    scrutin_model *b = test_load_model(SOURCE_PATH("tests/data/whatif/shift.yaml"), ctx);
    scrutin_tally *ta = NULL, *tb = NULL;
    assert_int_equal(scrutin_tally_new(&ta, a), SCRUTIN_OK);
    assert_int_equal(scrutin_tally_new(&tb, b), SCRUTIN_OK);

    /* Simulating model b into a's tally: refused, nothing counted. */
    scrutin_sim_options opt = SCRUTIN_SIM_OPTIONS_INIT;
    opt.count = 100;
    opt.threads = 2;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_sim_run(ta, b, &opt, ctx), SCRUTIN_EINVAL);
    assert_true(mentions("scrutin_sim_run: the tally was made for another model"));
    assert_int_equal(scrutin_tally_simulations(ta), 0);

    /* Merging tallies of two models: refused, nothing added. */
    assert_int_equal(scrutin_sim_run(tb, b, &opt, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_tally_merge(ta, tb), SCRUTIN_EINVAL);
    assert_int_equal(scrutin_tally_simulations(ta), 0);

    /* Summarising, writing, plotting or printing b's counts as a's: refused. */
    scrutin_summary *s = NULL;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_summary_compute(&s, a, tb, ctx), SCRUTIN_EINVAL);
    assert_null(s);
    assert_true(mentions("scrutin_summary_compute: the tally was made for another model"));
    assert_int_equal(scrutin_summary_compute(&s, b, tb, ctx), SCRUTIN_OK);
    scrutin_run_info info = SCRUTIN_RUN_INFO_INIT;
    char dir[] = "/tmp/scrutin-tally-model-XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(scrutin_run_write(dir, a, tb, s, &info, ctx), SCRUTIN_EINVAL);
    assert_int_equal(scrutin_run_plot(dir, a, tb, s, NULL, ctx), SCRUTIN_EINVAL);
    FILE *null = fopen("/dev/null", "w");
    assert_non_null(null);
    assert_int_equal(scrutin_run_print(null, a, tb, s, SCRUTIN_FORMAT_CSV, ctx),
                     SCRUTIN_EINVAL);
    fclose(null);
    assert_int_equal(rmdir(dir), 0); /* nothing was written */

    scrutin_summary_free(s);
    scrutin_tally_free(ta);
    scrutin_tally_free(tb);
    scrutin_model_free(a);
    scrutin_model_free(b);
}

int main(void)
{
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fingerprint_is_the_model),
        cmocka_unit_test(test_foreign_tally_refused),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    scrutin_ctx_free(ctx);
    return failed;
}
