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
 * Philox4x32-10 on 16 blocks at once, in 32-bit lanes: the 32 x 32 -> 64-bit
 * products of the even lanes and of the odd ones (vpmuludq), their low and
 * high halves blended back into place. Integer arithmetic, so the blocks are
 * Random123's philox4x32() bit for bit (left to the compiler, the loop widens
 * every word to 64 bits and multiplies with vpmullq, several times slower).
 */
#define DRAWS_PHILOX_LANES 16
typedef __m512i draws_vi;
#define DRAWS_VI_SET1(x) _mm512_set1_epi32((int)(x))
#define DRAWS_VI_LOAD(p) _mm512_loadu_si512(p)
#define DRAWS_VI_STORE(p, v) _mm512_storeu_si512(p, v)
#define DRAWS_VI_XOR(a, b) _mm512_xor_si512(a, b)
/* The low and high halves of the 32 x 32-bit products of each lane of x by m. */
static inline void draws_mulhilo(__m512i x, __m512i m, __m512i *lo, __m512i *hi)
{
    __m512i even = _mm512_mul_epu32(x, m), odd = _mm512_mul_epu32(_mm512_srli_epi64(x, 32), m);
    *lo = _mm512_mask_blend_epi32(0xAAAA, even, _mm512_slli_epi64(odd, 32));
    *hi = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(even, 32), odd);
}

/*
 * The normals' Philox blocks, one a 64-bit lane (draws_impl.h,
 * uniforms()): each word in the low half, the high half ignored.
 */
typedef __m512i draws_vq;
typedef __m512d draws_vd;
typedef Sleef___m512d_2 draws_d2;
static inline draws_vq draws_q_set1(uint32_t x) { return _mm512_set1_epi64((long long)x); }
static inline draws_vq draws_q_load(const uint32_t *p)
{
    return _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)p));
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
