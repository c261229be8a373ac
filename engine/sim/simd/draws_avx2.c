/* draws.h's functions for AVX2 and FMA (x86-64-v3): 4 lanes, SLEEF's finz ..d4_..avx2. */
#include <immintrin.h>
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

#include "draws_impl.h"
