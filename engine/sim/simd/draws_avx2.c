/* draws.h's functions for AVX2 and FMA (x86-64-v3): 4 lanes, SLEEF's finz ..d4_..avx2. */
#include <immintrin.h>
#include <stdint.h>
#include <sleef.h>

#define DRAWS_PATH avx2
#define DRAWS_SIMD SCRUTIN_SIMD_AVX2
#define DRAWS_LANES 4
#define DRAWS_GROUPS 2 /* groups of lanes whose Philox rounds overlap (draws_impl.h) */

#define DRAWS_EXP(y, x) _mm256_storeu_pd(y, Sleef_finz_expd4_u10avx2(_mm256_loadu_pd(x)))

/*
 * Philox's blocks, one a 64-bit lane (draws_impl.h, philox()): each word in
 * the low half, the high half ignored.
 */
typedef __m256i draws_vq;
typedef __m256d draws_vd;
typedef Sleef___m256d_2 draws_d2;
static inline draws_vq draws_q_set1(uint32_t x) { return _mm256_set1_epi64x((long long)x); }
static inline draws_vq draws_q_load(const uint32_t *p)
{
    return _mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)p));
}
/* The words (low halves) of @p v into p[0..3]. */
static inline void draws_q_store32(uint32_t *p, draws_vq v)
{
    __m256i packed = _mm256_permutevar8x32_epi32(v, _mm256_set_epi32(7, 5, 3, 1, 6, 4, 2, 0));
    _mm_storeu_si128((__m128i *)p, _mm256_castsi256_si128(packed));
}
static inline draws_vq draws_q_iota(uint32_t x)
{
    return _mm256_add_epi64(draws_q_set1(x), _mm256_set_epi64x(3, 2, 1, 0));
}
static inline draws_vq draws_q_mul(draws_vq a, draws_vq b) { return _mm256_mul_epu32(a, b); }
static inline draws_vq draws_q_hi(draws_vq p) { return _mm256_srli_epi64(p, 32); }
static inline draws_vq draws_q_xor3(draws_vq a, draws_vq b, draws_vq c)
{
    return _mm256_xor_si256(_mm256_xor_si256(a, b), c);
}
/*
 * (k + 1/2) 2^-52 times @p scale in one rounding, k = (hi << 32 | lo) >> 12 of
 * each lane's words lo and hi (their low halves): k < 2^52 made a double
 * through the bits of 2^52 + k (AVX2 has no vector conversion from 64-bit
 * integers), less 2^52 - 1/2 (both exact), times 2^-52 @p scale.
 */
static inline __m256d draws_q_u01(draws_vq lo, draws_vq hi, double scale)
{
    __m256i bits = _mm256_blend_epi32(_mm256_slli_epi64(hi, 32), lo, 0x55);
    __m256d two52_k = _mm256_castsi256_pd(_mm256_or_si256(
        _mm256_srli_epi64(bits, 12), _mm256_set1_epi64x(0x4330000000000000)));
    return _mm256_mul_pd(_mm256_sub_pd(two52_k, _mm256_set1_pd(4503599627370495.5)),
                         _mm256_set1_pd(scale * 0x1p-52));
}
static inline draws_vd draws_d_set1(double x) { return _mm256_set1_pd(x); }
#define draws_d_load _mm256_loadu_pd
#define draws_d_store _mm256_storeu_pd
#define draws_d_mul _mm256_mul_pd
#define draws_d_sqrt _mm256_sqrt_pd
#define draws_d_log Sleef_finz_logd4_u35avx2
#define draws_d_sincos Sleef_finz_sincosd4_u35avx2
/* z[2i] = c[i], z[2i + 1] = s[i]. */
static inline void draws_d_store_pairs(double *z, draws_vd c, draws_vd s)
{
    __m256d even = _mm256_unpacklo_pd(c, s), odd = _mm256_unpackhi_pd(c, s); /* c0 s0 c2 s2, c1 s1 c3 s3 */
    _mm256_storeu_pd(z, _mm256_permute2f128_pd(even, odd, 0x20));
    _mm256_storeu_pd(z + 4, _mm256_permute2f128_pd(even, odd, 0x31));
}
#include "draws_impl.h"
