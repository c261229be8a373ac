/*
 * The kernel's batched draws (engine/sim/draws.h): every vector path this
 * CPU runs gives the portable path's bits; a stream's normals do not depend
 * on how many are drawn at once; a simulation's batch holds each stream's own
 * normals; and the normals are standard normals (moments and a chi-square
 * test of the histogram, tolerances from their sampling distributions).
 * Paths this CPU lacks are skipped, and said so.
 */
#include "test_support.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/draws.h"
#include "sim/stream.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#include <Random123/philox.h>
#include <Random123/u01fixedpt.h>
#pragma GCC diagnostic pop

enum { N = 4099 }; /* odd, and not a multiple of any vector width */

static const scrutin_simd paths[] = {SCRUTIN_SIMD_AVX2, SCRUTIN_SIMD_AVX512};

static void draw(const sim_vmath *vm, double *z, size_t n, stream_id s) { vm->normals(z, n, &s); }

/* The same normals and exponentials, bit for bit, on every path this CPU runs. */
static void test_every_path_gives_the_portable_bits(void **state)
{
    (void)state;
    const sim_vmath *portable = sim_vmath_for(SCRUTIN_SIMD_PORTABLE);
    if (!portable)
        skip();
    static double want[N + 1], got[N + 1], x[N + 8], e_want[N + 8], e_got[N + 8];
    stream_id s = stream_at(12345, 678, STREAM_LIST, 9);
    draw(portable, want, N, s);
    size_t nx = draws_padded(N);
    for (size_t i = 0; i < nx; i++)
        x[i] = i < N ? -30.0 + 40.0 * (double)i / N + 1e-3 * want[i] : -INFINITY;
    x[7] = -INFINITY;
    portable->exp(e_want, x, nx);
    assert_true(e_want[7] == 0.0 && e_want[N] == 0.0);
    int ran = 0;
    for (size_t p = 0; p < sizeof paths / sizeof paths[0]; p++) {
        const sim_vmath *vm = sim_vmath_for(paths[p]);
        if (!vm) {
            printf("test_draws: path %s not available on this CPU: not compared\n",
                   scrutin_simd_name(paths[p]));
            continue;
        }
        ran++;
        draw(vm, got, N, s);
        assert_memory_equal(want, got, N * sizeof *got);
        vm->exp(e_got, x, nx);
        assert_memory_equal(e_want, e_got, nx * sizeof *e_got);
    }
    printf("test_draws: %d vector path(s) compared with the portable one\n", ran);
}

/* Normal i of a stream is the same whether 1, 5, 17 or N are drawn: no dependence on padding. */
static void test_a_stream_does_not_depend_on_the_batch_size(void **state)
{
    (void)state;
    const sim_vmath *vm = sim_vmath_for(scrutin_simd_best());
    assert_non_null(vm);
    static double all[N + 1], some[N + 1];
    stream_id s = stream_at(1, 2, STREAM_RUNOFF, 3);
    draw(vm, all, N, s);
    const size_t sizes[] = {1, 2, 5, 8, 17, 64, 333};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        draw(vm, some, sizes[k], s);
        assert_memory_equal(all, some, sizes[k] * sizeof *some);
    }
    /* Another stream, another district, another simulation: other draws. */
    draw(vm, some, 8, stream_at(1, 2, STREAM_RUNOFF, 4));
    assert_memory_not_equal(all, some, 8 * sizeof *some);
    draw(vm, some, 8, stream_at(1, 3, STREAM_RUNOFF, 3));
    assert_memory_not_equal(all, some, 8 * sizeof *some);
}

/*
 * normals_at() at explicit counters gives, on every path this CPU runs, what
 * the portable normals() gives stream by stream; blocks() gives Random123's
 * philox4x32() blocks. 21 blocks: whole vectors and a remainder on every width.
 */
static void test_a_batch_of_streams_gives_each_streams_normals(void **state)
{
    (void)state;
    const sim_vmath *portable = sim_vmath_for(SCRUTIN_SIMD_PORTABLE);
    if (!portable)
        skip();
    enum { STREAMS = 7, EACH = 6, BLOCKS = STREAMS * 3 }; /* 3 blocks a stream */
    uint32_t c2[BLOCKS], c3[BLOCKS], w[4][BLOCKS];
    uint32_t *const words[4] = {w[0], w[1], w[2], w[3]};
    for (uint32_t j = 0; j < BLOCKS; j++) {
        c2[j] = STREAM_LIST | (j / 3 + 1) << 8;
        c3[j] = j % 3;
    }
    stream_id key = stream_at(99, 5, 0, 0);
    double want[2 * BLOCKS];
    for (uint32_t d = 0; d < STREAMS; d++)
        draw(portable, want + EACH * d, EACH, stream_at(99, 5, STREAM_LIST, d + 1));
    const scrutin_simd all[] = {SCRUTIN_SIMD_PORTABLE, SCRUTIN_SIMD_AVX2, SCRUTIN_SIMD_AVX512};
    for (size_t p = 0; p < sizeof all / sizeof all[0]; p++) {
        const sim_vmath *vm = sim_vmath_for(all[p]);
        if (!vm)
            continue;
        double z[2 * BLOCKS + 1];
        z[2 * BLOCKS] = 42.0;
        vm->normals_at(z, c2, c3, BLOCKS, &key);
        assert_memory_equal(z, want, sizeof want);
        assert_true(z[2 * BLOCKS] == 42.0); /* nothing written past the last block */
        memset(w, 0, sizeof w);
        double u[BLOCKS + 1];
        u[BLOCKS] = 42.0;
        vm->blocks(words, u, c2, c3, BLOCKS, &key);
        assert_true(u[BLOCKS] == 42.0);
        for (uint32_t j = 0; j < BLOCKS; j++) {
            philox4x32_ctr_t c = {{key.ctr[0], key.ctr[1], c2[j], c3[j]}};
            philox4x32_key_t k = {{key.key[0], key.key[1]}};
            philox4x32_ctr_t o = philox4x32(c, k);
            for (int i = 0; i < 4; i++)
                assert_int_equal(w[i][j], o.v[i]);
            double want_u = u01fixedpt_open_open_64_double((uint64_t)o.v[1] << 32 | o.v[0]);
            assert_memory_equal(&u[j], &want_u, sizeof want_u);
        }
    }
}

/*
 * The normals are standard: with n = 200,000 the mean's z-score and the
 * variance's (its sd is sqrt(2 / n)) stay within 4.5; the histogram over 40
 * equiprobable cells passes a chi-square test at 1e-6.
 */
static void test_the_normals_are_standard(void **state)
{
    (void)state;
    enum { M = 200000, CELLS = 40 };
    const sim_vmath *vm = sim_vmath_for(scrutin_simd_best());
    double *z = malloc((M + 1) * sizeof *z);
    assert_non_null(z);
    draw(vm, z, M, stream_at(2026, 12, STREAM_PARTY, 0));
    double sum = 0, sum2 = 0;
    unsigned count[CELLS] = {0};
    for (size_t i = 0; i < M; i++) {
        sum += z[i];
        sum2 += z[i] * z[i];
        int c = (int)(gsl_cdf_ugaussian_P(z[i]) * CELLS);
        count[c < 0 ? 0 : c >= CELLS ? CELLS - 1 : c]++;
    }
    double mean = sum / M, var = sum2 / M - mean * mean;
    assert_true(fabs(mean) * sqrt((double)M) < 4.5);
    assert_true(fabs(var - 1.0) / sqrt(2.0 / M) < 4.5);
    double chi2 = 0, expected = (double)M / CELLS;
    for (int c = 0; c < CELLS; c++)
        chi2 += (count[c] - expected) * (count[c] - expected) / expected;
    assert_true(gsl_cdf_chisq_Q(chi2, CELLS - 1) > 1e-6);
    free(z);
}

/* The names the CLI's SCRUTIN_SIMD reads, and the best path is always available. */
static void test_path_names(void **state)
{
    (void)state;
    scrutin_simd s;
    const char *names[] = {"portable", "avx2", "avx512", "auto"};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(scrutin_simd_parse(names[i], &s), SCRUTIN_OK);
        assert_string_equal(scrutin_simd_name(s), names[i]);
    }
    assert_int_equal(scrutin_simd_parse("sse2", &s), SCRUTIN_EINVAL);
    assert_int_equal(scrutin_simd_parse(NULL, &s), SCRUTIN_EINVAL);
    assert_true(scrutin_simd_available(scrutin_simd_best()));
    assert_true(scrutin_simd_best() != SCRUTIN_SIMD_AUTO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_path_gives_the_portable_bits),
        cmocka_unit_test(test_a_stream_does_not_depend_on_the_batch_size),
        cmocka_unit_test(test_a_batch_of_streams_gives_each_streams_normals),
        cmocka_unit_test(test_the_normals_are_standard),
        cmocka_unit_test(test_path_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
