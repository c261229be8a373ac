/*
 * draws.h's functions one lane at a time: SLEEF's scalar finz functions
 * (..d1_..purecfma), the same algorithm as the vector ones with fused
 * multiply-adds, so the same bits. Debian's libsleef compiles them with the
 * FMA instructions: on x86-64 this path too needs a CPU with FMA (simd.c).
 */
#include <sleef.h>

/* sleef.h declares them only when the compiler itself targets FMA (FP_FAST_FMA). */
#ifndef FP_FAST_FMA
double Sleef_finz_logd1_u35purecfma(double);
double Sleef_finz_expd1_u10purecfma(double);
Sleef_double_2 Sleef_finz_sincosd1_u35purecfma(double);
#endif

#define DRAWS_PATH portable
#define DRAWS_SIMD SCRUTIN_SIMD_PORTABLE
#define DRAWS_LANES 1

#define DRAWS_BOX_MULLER(radius, angle, sine)                                                      \
    do {                                                                                           \
        double r = sqrt(-2.0 * Sleef_finz_logd1_u35purecfma(*(radius)));                          \
        Sleef_double_2 sc = Sleef_finz_sincosd1_u35purecfma(*(angle));                           \
        *(radius) = r * sc.y;                                                                      \
        *(sine) = r * sc.x;                                                                        \
    } while (0)
#define DRAWS_EXP(y, x) (*(y) = Sleef_finz_expd1_u10purecfma(*(x)))

#include "draws_impl.h"
