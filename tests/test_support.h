/*
 * What every test needs besides cmocka. cmocka 1.1.5 has no comparison of
 * doubles (assert_float_equal casts to float), hence assert_close.
 */
#ifndef SCRUTIN_TEST_SUPPORT_H
#define SCRUTIN_TEST_SUPPORT_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "scrutin.h"

/* |a - b| <= tol, with both values printed when it fails. */
#define assert_close(a, b, tol)                                                              \
    do {                                                                                     \
        double a_ = (a), b_ = (b), t_ = (tol);                                               \
        if (!(fabs(a_ - b_) <= t_)) {                                                        \
            print_error("%s = %.17g, %s = %.17g: they differ by %.3g, more than %.3g\n", #a, \
                        a_, #b, b_, fabs(a_ - b_), t_);                                      \
            fail();                                                                          \
        }                                                                                    \
    } while (0)

/* Path of a file in the source tree. */
#define SOURCE_PATH(rel) SCRUTIN_SOURCE_DIR "/" rel

/* Every message of @p ctx on stderr: why a test's set-up failed. */
static inline void test_print_ctx(const scrutin_ctx *ctx)
{
    char buf[1024];
    for (size_t i = 0; i < scrutin_ctx_count(ctx); i++)
        if (scrutin_ctx_format(ctx, i, buf, sizeof buf) >= 0)
            fprintf(stderr, "%s\n", buf);
}

/* The model of the scenario at @p path, which must load and compile. */
static inline scrutin_model *test_load_model(const char *path, scrutin_ctx *ctx)
{
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    assert_int_equal(scrutin_scenario_load(&s, path, ctx), 0);
    assert_int_equal(scrutin_model_compile(&m, s, ctx), 0);
    scrutin_scenario_free(s);
    return m;
}

#endif
