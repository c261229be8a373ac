/*
 * Nothing is allocated inside a simulation. This test is linked with
 * -Wl,--wrap for malloc, calloc, realloc and the aligned allocators, so every
 * call the library makes to them passes through a counter; the counter must
 * not move while the kernel runs, whatever paths the court takes.
 */
#include "test_support.h"

#include <math.h>
#include <stdlib.h>

#include "model/model_types.h"
#include "scrutin.h"
#include "sim/kernel.h"

/* volatile: the compiler treats malloc as a builtin that neither reads nor writes these. */
static volatile int counting;
static volatile long allocations;

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
int __real_posix_memalign(void **p, size_t alignment, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
int __wrap_posix_memalign(void **p, size_t alignment, size_t n);

void *__wrap_malloc(size_t n)
{
    allocations += counting;
    return __real_malloc(n);
}
void *__wrap_calloc(size_t n, size_t size)
{
    allocations += counting;
    return __real_calloc(n, size);
}
void *__wrap_realloc(void *p, size_t n)
{
    allocations += counting;
    return __real_realloc(p, n);
}
int __wrap_posix_memalign(void **p, size_t alignment, size_t n)
{
    allocations += counting;
    return __real_posix_memalign(p, alignment, n);
}

static void run_kernel(scrutin_model *m, uint64_t count)
{
    scrutin_tally *t = NULL;
    sim_workspace *w = NULL;
    assert_int_equal(scrutin_tally_new(&t, m), 0);
    assert_int_equal(sim_workspace_new(&w, m, t), 0);
    allocations = 0;
    counting = 1;
    for (uint64_t i = 0; i < count; i++)
        sim_one(m, w, 17, i);
    counting = 0;
    assert_int_equal(scrutin_tally_simulations(t), count);
    sim_workspace_free(w);
    scrutin_tally_free(t);
}

static scrutin_model *load(const char *path)
{
    scrutin_ctx *ctx = NULL;
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    assert_int_equal(scrutin_ctx_new(&ctx), 0);
    assert_int_equal(scrutin_scenario_load(&s, path, ctx), 0);
    assert_int_equal(scrutin_model_compile(&m, s, ctx), 0);
    scrutin_scenario_free(s);
    scrutin_ctx_free(ctx);
    return m;
}

static scrutin_model *mali(void)
{
    return load(SOURCE_PATH("scenarios/mali-2007/scenario.yaml"));
}

/* The counter works: an allocation while counting is seen. */
static void test_the_counter_counts(void **state)
{
    (void)state;
    allocations = 0;
    counting = 1;
    void *volatile p = malloc(16); /* volatile: the compiler may not drop the pair */
    free(p);
    counting = 0;
    assert_int_equal(allocations, 1);
}

static void test_no_allocation_with_the_calibrated_model(void **state)
{
    (void)state;
    scrutin_model *m = mali();
    assert_true(m->params.court_enabled);
    run_kernel(m, 500);
    assert_int_equal(allocations, 0);
    scrutin_model_free(m);
}

/* Student-t tails, and a court that upholds every petition and re-runs half the districts. */
static void test_no_allocation_on_every_court_path(void **state)
{
    (void)state;
    scrutin_model *m = mali();
    m->params.tails_df = 5.0;
    m->params.annul_base[0] = m->params.annul_base[1] = 1.0;
    m->params.annul_scale[0] = m->params.annul_scale[1] = 1e9;
    m->params.rerun = 0.5;
    m->params.reject[LIST_PARTY] = m->params.reject[LIST_JOINT] = 0.2;
    run_kernel(m, 200);
    assert_int_equal(allocations, 0);
    scrutin_model_free(m);
}

/*
 * The paths Mali's scenario does not take: several electoral systems counted in one
 * simulation (each with its own lots, seats and held groups), with the court and
 * Student-t tails; and the votes of lists not described (Bamako 2013's other_votes).
 */
static void test_no_allocation_with_several_systems_and_other_votes(void **state)
{
    (void)state;
    const char *paths[] = {SOURCE_PATH("scenarios/mali-2007/whatif-pr-systems.yaml"),
                           SOURCE_PATH("tests/data/systems/small-systems.yaml"),
                           SOURCE_PATH("scenarios/bamako-2013/scenario.yaml")};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        scrutin_model *m = load(paths[i]);
        if (i < 2) {
            assert_true(m->n_systems > 1);
        } else {
            size_t with_other = 0;
            for (size_t d = 0; d < m->n_districts; d++)
                if (isfinite(m->other_log_baseline[d]))
                    with_other++;
            assert_true(with_other > 0);
        }
        run_kernel(m, 300);
        assert_int_equal(allocations, 0);
        m->params.tails_df = 3.0;
        run_kernel(m, 100);
        assert_int_equal(allocations, 0);
        scrutin_model_free(m);
    }
}

/* A callback that only counts: the driver's allocations are the run's, not the block's. */
static int count_outcomes(const scrutin_outcomes *b, void *data)
{
    *(size_t *)data += scrutin_outcomes_count(b);
    return SCRUTIN_OK;
}

/* Allocations of a whole run with outcomes recorded and known results given. */
static long recorded_run_allocations(scrutin_model *m, uint64_t count)
{
    scrutin_ctx *ctx = NULL;
    scrutin_tally *t = NULL;
    assert_int_equal(scrutin_ctx_new(&ctx), 0);
    assert_int_equal(scrutin_tally_new(&t, m), 0);
    scrutin_given_item given;
    assert_int_equal(scrutin_given_parse(&given, m, "Kayes:ADP", 0, ctx), 0);
    size_t seen = 0;
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = count;
    o.threads = 1;
    o.outcomes = count_outcomes;
    o.outcomes_data = &seen;
    o.given = &given;
    o.n_given = 1;
    allocations = 0;
    counting = 1;
    assert_int_equal(scrutin_sim_run(t, m, &o, ctx), 0);
    counting = 0;
    assert_int_equal(seen, scrutin_tally_simulations(t));
    scrutin_tally_free(t);
    scrutin_ctx_free(ctx);
    return allocations;
}

/* The recording driver allocates its buffers once: as often for 3000 simulations as for 300. */
static void test_recorded_run_allocates_only_before_simulating(void **state)
{
    (void)state;
    scrutin_model *m = mali();
    recorded_run_allocations(m, 10); /* the OpenMP runtime's first start */
    long few = recorded_run_allocations(m, 300), many = recorded_run_allocations(m, 3000);
    assert_int_equal(few, many);
    scrutin_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_counter_counts),
        cmocka_unit_test(test_no_allocation_with_the_calibrated_model),
        cmocka_unit_test(test_no_allocation_on_every_court_path),
        cmocka_unit_test(test_no_allocation_with_several_systems_and_other_votes),
        cmocka_unit_test(test_recorded_run_allocates_only_before_simulating),
    };
    return cmocka_run_group_tests_name("no allocation in a simulation", tests, NULL, NULL);
}
