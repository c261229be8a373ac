/*
 * The body of draws.h's functions for one instruction set, included by
 * simd/draws_<path>.c after it defines DRAWS_PATH (the sim_vmath's name),
 * DRAWS_SIMD (its scrutin_simd) and DRAWS_LANES with the vector operations
 * below. Every path computes the same values (draws.h says why).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../draws.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#include <Random123/philox.h>
#include <Random123/u01fixedpt.h>
#pragma GCC diagnostic pop

#define DRAWS_CAT2(a, b) a##b
#define DRAWS_CAT(a, b) DRAWS_CAT2(a, b)
#define DRAWS_FN(name) DRAWS_CAT(name##_, DRAWS_PATH)

/* 2 pi rounded to a double: the angle is one correctly rounded product, the same on every path. */
#define TWO_PI 6.283185307179586

/*
 * Random123's u01fixedpt_open_open_64_double(): (0.5 + (i >> 12)) 2^-52, every
 * step exact. k = i >> 12 < 2^52 becomes a double through its bits (those of
 * 2^52 + k, less 2^52) instead of a conversion from a 64-bit integer, which
 * AVX2 does not have for vectors: the loops below then vectorise on every
 * path, and give the same bits as the conversion.
 */
static inline double draws_u01(uint32_t lo, uint32_t hi)
{
    uint64_t bits = 0x4330000000000000u | ((uint64_t)hi << 32 | lo) >> 12;
    double two52_k;
    memcpy(&two52_k, &bits, sizeof two52_k);
    return (0.5 + (two52_k - 4503599627370496.0)) * 0x1p-52;
}

#ifdef DRAWS_PHILOX_LANES
/*
 * Philox4x32-10 on DRAWS_PHILOX_LANES blocks at once, one 32-bit lane each,
 * through the path's integer vectors (draws_vi, DRAWS_VI_*) and its
 * draws_mulhilo(): Random123's rounds (multipliers PHILOX_M4x32_0/1, key
 * increments PHILOX_W32_0/1), integer arithmetic, so the same blocks bit for bit.
 */
static inline void draws_philox(uint32_t *w0, uint32_t *w1, uint32_t *w2, uint32_t *w3,
                                const uint32_t *c2, const uint32_t *c3, uint32_t c0, uint32_t c1,
                                uint32_t k0, uint32_t k1)
{
    draws_vi x0 = DRAWS_VI_SET1(c0), x1 = DRAWS_VI_SET1(c1);
    draws_vi x2 = DRAWS_VI_LOAD(c2), x3 = DRAWS_VI_LOAD(c3);
    const draws_vi m0 = DRAWS_VI_SET1(PHILOX_M4x32_0), m1 = DRAWS_VI_SET1(PHILOX_M4x32_1);
    for (int r = 0; r < 10; r++) {
        draws_vi lo0, hi0, lo1, hi1;
        draws_mulhilo(x0, m0, &lo0, &hi0);
        draws_mulhilo(x2, m1, &lo1, &hi1);
        x0 = DRAWS_VI_XOR(DRAWS_VI_XOR(hi1, x1), DRAWS_VI_SET1(k0));
        x1 = lo1;
        x2 = DRAWS_VI_XOR(DRAWS_VI_XOR(hi0, x3), DRAWS_VI_SET1(k1));
        x3 = lo0;
        k0 += PHILOX_W32_0;
        k1 += PHILOX_W32_1;
    }
    DRAWS_VI_STORE(w0, x0);
    DRAWS_VI_STORE(w1, x1);
    DRAWS_VI_STORE(w2, x2);
    DRAWS_VI_STORE(w3, x3);
}
#endif

/*
 * Four arrays of words, not an array of blocks, none overlapping another, the
 * key and the fixed counter words as plain values: a loop gcc vectorises
 * (with them read through pointers it does not). A path with its own vector
 * Philox (draws_philox()) makes the whole vectors with it.
 */
static void DRAWS_FN(philox_loop)(uint32_t *restrict w0, uint32_t *restrict w1,
                                  uint32_t *restrict w2, uint32_t *restrict w3,
                                  const uint32_t *restrict c2, const uint32_t *restrict c3,
                                  size_t n, uint32_t c0, uint32_t c1, uint32_t k0, uint32_t k1)
{
    philox4x32_key_t key = {{k0, k1}};
    size_t j = 0;
#ifdef DRAWS_PHILOX_LANES
    /* Whole vectors by the path's own Philox (draws_philox()), the rest one by one. */
    for (; j + DRAWS_PHILOX_LANES <= n; j += DRAWS_PHILOX_LANES)
        draws_philox(w0 + j, w1 + j, w2 + j, w3 + j, c2 + j, c3 + j, c0, c1, k0, k1);
#endif
    for (; j < n; j++) {
        philox4x32_ctr_t c = {{c0, c1, c2[j], c3[j]}};
        philox4x32_ctr_t o = philox4x32(c, key);
        w0[j] = o.v[0];
        w1[j] = o.v[1];
        w2[j] = o.v[2];
        w3[j] = o.v[3];
    }
}

static void DRAWS_FN(blocks)(uint32_t *const words[4], const uint32_t *c2, const uint32_t *c3,
                             size_t n, const stream_id *s)
{
    DRAWS_FN(philox_loop)(words[0], words[1], words[2], words[3], c2, c3, n, s->ctr[0],
                          s->ctr[1], s->key[0], s->key[1]);
}

static void DRAWS_FN(box_muller)(double *z, const uint32_t *const words[4], size_t n,
                                 double *scratch)
{
    /* Whole vectors: the lanes past the last block compute from dummies that feed nothing. */
    size_t vectors = (n + DRAWS_LANES - 1) / DRAWS_LANES * DRAWS_LANES;
    double *radius = scratch, *angle = scratch + vectors, *sine = scratch + 2 * vectors;
    for (size_t k = 0; k < n; k++) {
        radius[k] = draws_u01(words[0][k], words[1][k]);
        angle[k] = TWO_PI * draws_u01(words[2][k], words[3][k]);
    }
    for (size_t k = n; k < vectors; k++) {
        radius[k] = 0.5;
        angle[k] = 0.0;
    }
    for (size_t k = 0; k < vectors; k += DRAWS_LANES)
        DRAWS_BOX_MULLER(radius + k, angle + k, sine + k);
    /* Now radius[k] = r cos, sine[k] = r sin. */
    for (size_t k = 0; k < n; k++) {
        z[2 * k] = radius[k];
        z[2 * k + 1] = sine[k];
    }
}

static void DRAWS_FN(normals)(double *z, size_t n, const stream_id *s, double *scratch)
{
    size_t blocks = (n + 1) / 2;
    size_t vectors = (blocks + DRAWS_LANES - 1) / DRAWS_LANES * DRAWS_LANES;
    uint32_t *w0 = (uint32_t *)(scratch + 3 * vectors);
    uint32_t *const words[4] = {w0, w0 + blocks, w0 + 2 * blocks, w0 + 3 * blocks};
    /* The counters' last two words: the stream's own, then the block's index. */
    uint32_t *c2 = w0 + 4 * blocks, *c3 = w0 + 5 * blocks;
    for (size_t k = 0; k < blocks; k++) {
        c2[k] = s->ctr[2];
        c3[k] = (uint32_t)k;
    }
    DRAWS_FN(blocks)(words, c2, c3, blocks, s);
    DRAWS_FN(box_muller)(z, (const uint32_t *const *)words, blocks, scratch);
}

static void DRAWS_FN(exp)(double *y, const double *x, size_t n)
{
    for (size_t i = 0; i < n; i += DRAWS_LANES)
        DRAWS_EXP(y + i, x + i);
}

const sim_vmath DRAWS_CAT(sim_vmath_, DRAWS_PATH) = {DRAWS_SIMD, DRAWS_FN(blocks),
                                                     DRAWS_FN(box_muller), DRAWS_FN(normals),
                                                     DRAWS_FN(exp)};
