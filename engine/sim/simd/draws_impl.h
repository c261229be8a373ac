/*
 * The body of draws.h's functions for one instruction set, included by
 * simd/draws_<path>.c after it defines DRAWS_PATH (the sim_vmath's name),
 * DRAWS_SIMD (its scrutin_simd) and DRAWS_LANES with the vector operations
 * below (draws_q_* on 64-bit integer lanes, draws_d_* on doubles, one lane
 * of each per block). Every path computes the same values (draws.h says why).
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../draws.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#include <Random123/philox.h>
#pragma GCC diagnostic pop

#define DRAWS_CAT2(a, b) a##b
#define DRAWS_CAT(a, b) DRAWS_CAT2(a, b)
#define DRAWS_FN(name) DRAWS_CAT(name##_, DRAWS_PATH)

/* Blocks of normals made a chunk at a time (normals_of()): a multiple of every path's DRAWS_GROUPS x DRAWS_LANES. */
#define DRAWS_CHUNK 64

/* 2 pi rounded to a double: the angle is one correctly rounded product, the same on every path. */
#define TWO_PI 6.283185307179586

/*
 * Philox4x32-10 on @p g groups of DRAWS_LANES blocks at once, whose chains of
 * ten rounds overlap, into w[i][0..3] for the blocks at counters (@p c0, @p c1,
 * @p x2[i], @p x3[i]): a block a 64-bit lane with each 32-bit word in the low
 * half (the 32 x 32 -> 64-bit product of the low halves, vpmuludq, is then
 * the whole mulhilo, its high half one shift away; what the high halves hold
 * never reaches a low one). Random123's rounds (multipliers PHILOX_M4x32_0/1,
 * round keys @p k0, @p k1, round_keys()), integer arithmetic, so its blocks
 * bit for bit on every path.
 */
static inline __attribute__((always_inline)) void
DRAWS_FN(philox)(draws_vq w[][4], int g, draws_vq c0, draws_vq c1, const draws_vq *x2,
                 const draws_vq *x3, const draws_vq *k0, const draws_vq *k1)
{
    const draws_vq m0 = draws_q_set1(PHILOX_M4x32_0), m1 = draws_q_set1(PHILOX_M4x32_1);
    for (int i = 0; i < g; i++) {
        w[i][0] = c0;
        w[i][1] = c1;
        w[i][2] = x2[i];
        w[i][3] = x3[i];
    }
#pragma GCC unroll 10
    for (int r = 0; r < 10; r++)
        for (int i = 0; i < g; i++) {
            draws_vq p0 = draws_q_mul(w[i][0], m0), p1 = draws_q_mul(w[i][2], m1);
            w[i][0] = draws_q_xor3(draws_q_hi(p1), w[i][1], k0[r]);
            w[i][1] = p1;
            w[i][2] = draws_q_xor3(draws_q_hi(p0), w[i][3], k1[r]);
            w[i][3] = p0;
        }
}

/*
 * The two uniforms of the blocks philox() makes, a from words 0-1 and angle
 * from words 2-3, without storing a word: Random123's
 * u01fixedpt_open_open_64_double(), (k + 1/2) 2^-52 with k the 64-bit word >>
 * 12, by the path's draws_q_u01(), every step exact. The angle is 2 pi times
 * that uniform, one rounding: (k + 1/2) times 2 pi 2^-52 is the same product
 * scaled by a power of 2, so the same bits.
 */
static inline __attribute__((always_inline)) void
DRAWS_FN(uniforms)(draws_vd *a, draws_vd *angle, int g, draws_vq c0, draws_vq c1,
                   const draws_vq *x2, const draws_vq *x3, const draws_vq *k0, const draws_vq *k1)
{
    draws_vq w[DRAWS_GROUPS][4];
    DRAWS_FN(philox)(w, g, c0, c1, x2, x3, k0, k1);
    for (int i = 0; i < g; i++) {
        a[i] = draws_q_u01(w[i][0], w[i][1], 1.0);
        angle[i] = draws_q_u01(w[i][2], w[i][3], TWO_PI);
    }
}

/* The normals r cos(angle) and r sin(angle), r = sqrt(-2 log a), of each lane into z[2i], z[2i + 1]. */
static inline void DRAWS_FN(box_muller)(double *z, draws_vd a, draws_vd angle)
{
    draws_vd r = draws_d_sqrt(draws_d_mul(draws_d_set1(-2.0), draws_d_log(a)));
    draws_d2 sc = draws_d_sincos(angle);
    draws_d_store_pairs(z, draws_d_mul(r, sc.y), draws_d_mul(r, sc.x));
}

/* Philox's round keys of stream @p s, as vectors. */
static inline void DRAWS_FN(round_keys)(draws_vq k0[10], draws_vq k1[10], const stream_id *s)
{
    uint32_t a = s->key[0], b = s->key[1];
    for (int r = 0; r < 10; r++, a += PHILOX_W32_0, b += PHILOX_W32_1) {
        k0[r] = draws_q_set1(a);
        k1[r] = draws_q_set1(b);
    }
}

/*
 * Into *@p x2, *@p x3 the counters' last two words of the @p count <=
 * DRAWS_LANES blocks from @p j: (c2[j], c3[j]), or with @p c2, @p c3 NULL
 * (s->ctr[2], j); the lanes past @p count, dummies that feed nothing.
 */
static inline __attribute__((always_inline)) void
DRAWS_FN(counters)(draws_vq *x2, draws_vq *x3, const uint32_t *c2, const uint32_t *c3, size_t j,
                   size_t count, const stream_id *s)
{
    if (count == DRAWS_LANES) {
        *x2 = c2 ? draws_q_load(c2 + j) : draws_q_set1(s->ctr[2]);
        *x3 = c3 ? draws_q_load(c3 + j) : draws_q_iota((uint32_t)j);
        return;
    }
    uint32_t last2[DRAWS_LANES] = {0}, last3[DRAWS_LANES] = {0};
    for (size_t k = 0; k < count; k++) {
        last2[k] = c2 ? c2[j + k] : s->ctr[2];
        last3[k] = c3 ? c3[j + k] : (uint32_t)(j + k);
    }
    *x2 = draws_q_load(last2);
    *x3 = draws_q_load(last3);
}

#if DRAWS_LANES == 1
/*
 * Random123's philox4x32() over arrays none of which overlaps another, the
 * key and fixed counter words as plain values: a loop gcc vectorises (with
 * philox() on 64-bit lanes it does not).
 */
static void DRAWS_FN(words_loop)(uint32_t *restrict w0, uint32_t *restrict w1,
                                 uint32_t *restrict w2, uint32_t *restrict w3,
                                 const uint32_t *restrict c2, const uint32_t *restrict c3,
                                 size_t n, uint32_t c0, uint32_t c1, uint32_t k0, uint32_t k1)
{
    philox4x32_key_t key = {{k0, k1}};
    for (size_t i = 0; i < n; i++) {
        philox4x32_ctr_t c = {{c0, c1, c2[i], c3[i]}};
        philox4x32_ctr_t o = philox4x32(c, key);
        w0[i] = o.v[0];
        w1[i] = o.v[1];
        w2[i] = o.v[2];
        w3[i] = o.v[3];
    }
}
#endif

/*
 * The uniforms a and angle of the @p n blocks from @p j (at most DRAWS_CHUNK)
 * into @p a and @p angle, padded to whole vectors; counters() says which.
 */
static inline __attribute__((always_inline)) void
DRAWS_FN(chunk_uniforms)(double *a, double *angle, const uint32_t *c2, const uint32_t *c3,
                         size_t j, size_t n, const stream_id *s, const draws_vq *k0,
                         const draws_vq *k1)
{
    const size_t L = DRAWS_LANES;
    enum { G = DRAWS_GROUPS };
#if DRAWS_LANES == 1
    /*
     * One lane: plain loops over arrays, the blocks' words (words_loop())
     * then their uniforms, which gcc vectorises itself (pmuludq on x86-64).
     */
    (void)L;
    uint32_t ctr2[DRAWS_CHUNK], ctr3[DRAWS_CHUNK], w[4][DRAWS_CHUNK];
    for (size_t i = 0; i < n; i++) {
        ctr2[i] = c2 ? c2[j + i] : s->ctr[2];
        ctr3[i] = c3 ? c3[j + i] : (uint32_t)(j + i);
    }
    (void)k0;
    (void)k1;
    DRAWS_FN(words_loop)(w[0], w[1], w[2], w[3], ctr2, ctr3, n, s->ctr[0], s->ctr[1], s->key[0],
                         s->key[1]);
    for (size_t i = 0; i < n; i++) {
        a[i] = draws_q_u01(w[0][i], w[1][i], 1.0);
        angle[i] = draws_q_u01(w[2][i], w[3][i], TWO_PI);
    }
#else
    draws_vq c0 = draws_q_set1(s->ctr[0]), c1 = draws_q_set1(s->ctr[1]);
    draws_vq x2[G], x3[G];
    draws_vd va[G], vangle[G];
    size_t i = 0;
    for (; i + G * L <= n; i += G * L) {
        for (size_t g = 0; g < G; g++)
            DRAWS_FN(counters)(x2 + g, x3 + g, c2, c3, j + i + g * L, L, s);
        DRAWS_FN(uniforms)(va, vangle, G, c0, c1, x2, x3, k0, k1);
        for (size_t g = 0; g < G; g++) {
            draws_d_store(a + i + g * L, va[g]);
            draws_d_store(angle + i + g * L, vangle[g]);
        }
    }
    for (; i < n; i += L) {
        DRAWS_FN(counters)(x2, x3, c2, c3, j + i, n - i < L ? n - i : L, s);
        DRAWS_FN(uniforms)(va, vangle, 1, c0, c1, x2, x3, k0, k1);
        draws_d_store(a + i, va[0]);
        draws_d_store(angle + i, vangle[0]);
    }
#endif
}

/*
 * The normals of @p n blocks (z[2j], z[2j + 1] of block j) of the streams
 * keyed as @p s, at the counters chunk_uniforms() says: by chunks of
 * DRAWS_CHUNK blocks, their Philox rounds in one loop (no call in it, so the
 * round keys stay in registers), then Box-Muller in another.
 */
static inline __attribute__((always_inline)) void
DRAWS_FN(normals_of)(double *z, const uint32_t *c2, const uint32_t *c3, size_t n,
                     const stream_id *s)
{
    const size_t L = DRAWS_LANES;
    draws_vq k0[10], k1[10];
    DRAWS_FN(round_keys)(k0, k1, s);
    double a[DRAWS_CHUNK], angle[DRAWS_CHUNK], last[2 * DRAWS_LANES];
    for (size_t j = 0; j < n; j += DRAWS_CHUNK) {
        size_t m = n - j < DRAWS_CHUNK ? n - j : DRAWS_CHUNK, i = 0;
        DRAWS_FN(chunk_uniforms)(a, angle, c2, c3, j, m, s, k0, k1);
        for (; i + L <= m; i += L)
            DRAWS_FN(box_muller)(z + 2 * (j + i), draws_d_load(a + i), draws_d_load(angle + i));
        if (i < m) {
            DRAWS_FN(box_muller)(last, draws_d_load(a + i), draws_d_load(angle + i));
            memcpy(z + 2 * (j + i), last, 2 * (m - i) * sizeof *z);
        }
    }
}

static void DRAWS_FN(normals_at)(double *z, const uint32_t *c2, const uint32_t *c3, size_t n,
                                 const stream_id *s)
{
    DRAWS_FN(normals_of)(z, c2, c3, n, s);
}

static void DRAWS_FN(normals)(double *z, size_t n, const stream_id *s)
{
    DRAWS_FN(normals_of)(z, NULL, NULL, (n + 1) / 2, s);
}

static void DRAWS_FN(blocks)(uint32_t *const words[4], double *u, const uint32_t *c2,
                             const uint32_t *c3, size_t n, const stream_id *s)
{
#if DRAWS_LANES == 1
    DRAWS_FN(words_loop)(words[0], words[1], words[2], words[3], c2, c3, n, s->ctr[0],
                         s->ctr[1], s->key[0], s->key[1]);
    for (size_t j = 0; u && j < n; j++)
        u[j] = draws_q_u01(words[0][j], words[1][j], 1.0);
#else
    const size_t L = DRAWS_LANES;
    draws_vq k0[10], k1[10];
    DRAWS_FN(round_keys)(k0, k1, s);
    draws_vq c0 = draws_q_set1(s->ctr[0]), c1 = draws_q_set1(s->ctr[1]);
    for (size_t j = 0; j < n; j += L) {
        size_t count = n - j < L ? n - j : L;
        draws_vq x2, x3, w[1][4];
        DRAWS_FN(counters)(&x2, &x3, c2, c3, j, count, s);
        DRAWS_FN(philox)(w, 1, c0, c1, &x2, &x3, k0, k1);
        /* As a stream's scalar half draws its first uniform: words 0 (low) and 1 (high). */
        draws_vd first = draws_q_u01(w[0][0], w[0][1], 1.0);
        if (count == L) {
            for (int i = 0; i < 4; i++)
                draws_q_store32(words[i] + j, w[0][i]);
            if (u)
                draws_d_store(u + j, first);
            continue;
        }
        uint32_t last[4][DRAWS_LANES];
        double last_u[DRAWS_LANES];
        for (int i = 0; i < 4; i++) {
            draws_q_store32(last[i], w[0][i]);
            memcpy(words[i] + j, last[i], count * sizeof *last[i]);
        }
        draws_d_store(last_u, first);
        if (u)
            memcpy(u + j, last_u, count * sizeof *u);
    }
#endif
}

static void DRAWS_FN(exp)(double *y, const double *x, size_t n)
{
    for (size_t i = 0; i < n; i += DRAWS_LANES)
        DRAWS_EXP(y + i, x + i);
}

const sim_vmath DRAWS_CAT(sim_vmath_, DRAWS_PATH) = {DRAWS_SIMD, DRAWS_FN(blocks),
                                                     DRAWS_FN(normals_at), DRAWS_FN(normals),
                                                     DRAWS_FN(exp)};
