/* draws.h's functions for AVX2 and FMA (x86-64-v3): 4 lanes, SLEEF's finz ..d4_..avx2. */
#include <immintrin.h>
#include <stdint.h>
#include <sleef.h>

#define DRAWS_PATH avx2
#define DRAWS_SIMD SCRUTIN_SIMD_AVX2
#define DRAWS_LANES 4

/* radius <- sqrt(-2 log radius) cos(angle), sine <- sqrt(-2 log radius) sin(angle). */
#define DRAWS_BOX_MULLER(radius, angle, sine)                                                      \
    do {                                                                                           \
        __m256d l = Sleef_finz_logd4_u35avx2(_mm256_loadu_pd(radius));                             \
        __m256d r = _mm256_sqrt_pd(_mm256_mul_pd(_mm256_set1_pd(-2.0), l));                        \
        Sleef___m256d_2 sc = Sleef_finz_sincosd4_u35avx2(_mm256_loadu_pd(angle));                \
        _mm256_storeu_pd(radius, _mm256_mul_pd(r, sc.y));                                          \
        _mm256_storeu_pd(sine, _mm256_mul_pd(r, sc.x));                                            \
    } while (0)
#define DRAWS_EXP(y, x) _mm256_storeu_pd(y, Sleef_finz_expd4_u10avx2(_mm256_loadu_pd(x)))

/* Philox4x32-10 on 8 blocks at once, as draws_avx512.c does on 16. */
#define DRAWS_PHILOX_LANES 8
typedef __m256i draws_vi;
#define DRAWS_VI_SET1(x) _mm256_set1_epi32((int)(x))
#define DRAWS_VI_LOAD(p) _mm256_loadu_si256((const __m256i *)(p))
#define DRAWS_VI_STORE(p, v) _mm256_storeu_si256((__m256i *)(p), v)
#define DRAWS_VI_XOR(a, b) _mm256_xor_si256(a, b)
/* The low and high halves of the 32 x 32-bit products of each lane of x by m. */
static inline void draws_mulhilo(__m256i x, __m256i m, __m256i *lo, __m256i *hi)
{
    __m256i even = _mm256_mul_epu32(x, m), odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), m);
    *lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
    *hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}
#include "draws_impl.h"
