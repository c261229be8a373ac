/* draws.h's functions for AVX-512 (x86-64-v4): 8 lanes, SLEEF's finz ..d8_..avx512f. */
#include <immintrin.h>
#include <stdint.h>
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
#include "draws_impl.h"
