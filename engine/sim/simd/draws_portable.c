/*
 * draws.h's functions one lane at a time: SLEEF's scalar finz functions
 * (..d1_..purecfma), the same algorithm as the vector ones with fused
 * multiply-adds, so the same bits. Debian's libsleef compiles them with the
 * FMA instructions: on x86-64 this path too needs a CPU with FMA (simd.c).
 */
#include <math.h>
#include <sleef.h>
#include <stdint.h>
#include <string.h>

/* sleef.h declares them only when the compiler itself targets FMA (FP_FAST_FMA). */
#ifndef FP_FAST_FMA
double Sleef_finz_logd1_u35purecfma(double);
double Sleef_finz_expd1_u10purecfma(double);
Sleef_double_2 Sleef_finz_sincosd1_u35purecfma(double);
#endif

#define DRAWS_PATH portable
#define DRAWS_SIMD SCRUTIN_SIMD_PORTABLE
#define DRAWS_LANES 1
#define DRAWS_GROUPS 1

/*
 * The operations of draws_impl.h's normals on one lane: a block's words in
 * 64-bit integers (the low half; the high half ignored), doubles. No stores: with one lane
 * draws_impl.h writes its results as plain arrays (and clang rejects an unused static inline).
 */
typedef uint64_t draws_vq;
typedef double draws_vd;
typedef Sleef_double_2 draws_d2;
static inline draws_vq draws_q_set1(uint32_t x) { return x; }
static inline draws_vq draws_q_load(const uint32_t *p) { return *p; }
static inline draws_vq draws_q_iota(uint32_t x) { return x; }
static inline draws_vq draws_q_mul(draws_vq a, draws_vq b)
{
    return (uint64_t)(uint32_t)a * (uint32_t)b;
}
static inline draws_vq draws_q_hi(draws_vq p) { return p >> 32; }
static inline draws_vq draws_q_xor3(draws_vq a, draws_vq b, draws_vq c) { return a ^ b ^ c; }
/*
 * (k + 1/2) 2^-52 times @p scale in one rounding, k = (hi << 32 | lo) >> 12 of
 * each lane's words lo and hi (their low halves): k < 2^52 made a double
 * through the bits of 2^52 + k (AVX2 has no vector conversion from 64-bit
 * integers), less 2^52 - 1/2 (both exact), times 2^-52 @p scale.
 */
static inline double draws_q_u01(draws_vq lo, draws_vq hi, double scale)
{
    uint64_t bits = 0x4330000000000000u | (hi << 32 | (uint32_t)lo) >> 12;
    double two52_k;
    memcpy(&two52_k, &bits, sizeof two52_k);
    return (two52_k - 4503599627370495.5) * (scale * 0x1p-52);
}
static inline draws_vd draws_d_set1(double x) { return x; }
static inline draws_vd draws_d_load(const double *p) { return *p; }
static inline draws_vd draws_d_mul(draws_vd a, draws_vd b) { return a * b; }
#define draws_d_sqrt sqrt
#define draws_d_log Sleef_finz_logd1_u35purecfma
#define draws_d_sincos Sleef_finz_sincosd1_u35purecfma
/* z[0] = c, z[1] = s. */
static inline void draws_d_store_pairs(double *z, draws_vd c, draws_vd s)
{
    z[0] = c;
    z[1] = s;
}
#define DRAWS_EXP(y, x) (*(y) = Sleef_finz_expd1_u10purecfma(*(x)))

#include "draws_impl.h"
