/* draws.h's functions for AVX-512 (x86-64-v4): 8 lanes, SLEEF's finz ..d8_..avx512f. */
#include <immintrin.h>
#include <sleef.h>

#define DRAWS_PATH avx512
#define DRAWS_SIMD SCRUTIN_SIMD_AVX512
#define DRAWS_LANES 8

#define DRAWS_BOX_MULLER(radius, angle, sine)                                                      \
    do {                                                                                           \
        __m512d l = Sleef_finz_logd8_u35avx512f(_mm512_loadu_pd(radius));                          \
        __m512d r = _mm512_sqrt_pd(_mm512_mul_pd(_mm512_set1_pd(-2.0), l));                        \
        Sleef___m512d_2 sc = Sleef_finz_sincosd8_u35avx512f(_mm512_loadu_pd(angle));             \
        _mm512_storeu_pd(radius, _mm512_mul_pd(r, sc.y));                                          \
        _mm512_storeu_pd(sine, _mm512_mul_pd(r, sc.x));                                            \
    } while (0)
#define DRAWS_EXP(y, x) _mm512_storeu_pd(y, Sleef_finz_expd8_u10avx512f(_mm512_loadu_pd(x)))

#include "draws_impl.h"
