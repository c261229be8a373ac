/* draws.h's functions for AVX-512 (x86-64-v4): 8 lanes, SLEEF's finz ..d8_..avx512f. */
#include <immintrin.h>
#include <stdint.h>
#include <sleef.h>

#define DRAWS_PATH avx512
#define DRAWS_SIMD SCRUTIN_SIMD_AVX512
#define DRAWS_LANES 8
#define DRAWS_GROUPS 4 /* groups of lanes whose Philox rounds overlap (draws_impl.h) */

#define DRAWS_EXP(y, x) _mm512_storeu_pd(y, Sleef_finz_expd8_u10avx512f(_mm512_loadu_pd(x)))

/*
 * Philox's blocks, one a 64-bit lane (draws_impl.h, philox()): each word in
 * the low half, the high half ignored.
 */
typedef __m512i draws_vq;
typedef __m512d draws_vd;
typedef Sleef___m512d_2 draws_d2;
static inline draws_vq draws_q_set1(uint32_t x) { return _mm512_set1_epi64((long long)x); }
static inline draws_vq draws_q_load(const uint32_t *p)
{
    return _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)p));
}
/* The words (low halves) of @p v into p[0..7]. */
static inline void draws_q_store32(uint32_t *p, draws_vq v)
{
    _mm256_storeu_si256((__m256i *)p, _mm512_cvtepi64_epi32(v));
}
static inline draws_vq draws_q_iota(uint32_t x)
{
    return _mm512_add_epi64(draws_q_set1(x), _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0));
}
static inline draws_vq draws_q_mul(draws_vq a, draws_vq b) { return _mm512_mul_epu32(a, b); }
static inline draws_vq draws_q_hi(draws_vq p) { return _mm512_srli_epi64(p, 32); }
static inline draws_vq draws_q_xor3(draws_vq a, draws_vq b, draws_vq c)
{
    return _mm512_ternarylogic_epi64(a, b, c, 0x96);
}
/*
 * (k + 1/2) 2^-52 times @p scale in one rounding, k = (hi << 32 | lo) >> 12 of
 * each lane's words lo and hi (their low halves): the 64-bit word (one
 * permutation of the two) with its low 12 bits made 0x800, 2^12 (k + 1/2) <
 * 2^64 with 53 significant bits, converted exactly (vcvtuqq2pd), times
 * 2^-64 @p scale.
 */
static inline __m512d draws_q_u01(draws_vq lo, draws_vq hi, double scale)
{
    __m512i word = _mm512_permutex2var_epi32(
        lo, _mm512_set_epi32(30, 14, 28, 12, 26, 10, 24, 8, 22, 6, 20, 4, 18, 2, 16, 0), hi);
    /* (word & ~0xfff) | 0x800: ternary function 0xBA of (word, 0xfff, 0x800), a & ~b | c. */
    __m512i half = _mm512_ternarylogic_epi64(word, _mm512_set1_epi64(0xfff),
                                             _mm512_set1_epi64(0x800), 0xBA);
    return _mm512_mul_pd(_mm512_cvtepu64_pd(half), _mm512_set1_pd(scale * 0x1p-64));
}
static inline draws_vd draws_d_set1(double x) { return _mm512_set1_pd(x); }
#define draws_d_load _mm512_loadu_pd
#define draws_d_store _mm512_storeu_pd
#define draws_d_mul _mm512_mul_pd
#define draws_d_sqrt _mm512_sqrt_pd
#define draws_d_log Sleef_finz_logd8_u35avx512f
#define draws_d_sincos Sleef_finz_sincosd8_u35avx512f
/* z[2i] = c[i], z[2i + 1] = s[i]. */
static inline void draws_d_store_pairs(double *z, draws_vd c, draws_vd s)
{
    _mm512_storeu_pd(z, _mm512_permutex2var_pd(c, _mm512_set_epi64(11, 3, 10, 2, 9, 1, 8, 0), s));
    _mm512_storeu_pd(z + 8,
                     _mm512_permutex2var_pd(c, _mm512_set_epi64(15, 7, 14, 6, 13, 5, 12, 4), s));
}
#include "draws_impl.h"
