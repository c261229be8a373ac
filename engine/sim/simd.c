/*
 * Which vector path the kernel runs (draws.h): chosen by the CPU's features
 * (cpuid, through GCC's __builtin_cpu_supports) unless a run asks for one.
 */
#include <string.h>

#include "draws.h"

static const char *const names[] = {"auto", "portable", "avx2", "avx512"};

const sim_vmath *sim_vmath_for(scrutin_simd simd)
{
    switch (simd) {
#ifdef SCRUTIN_HAVE_X86_SIMD
    case SCRUTIN_SIMD_PORTABLE:
        /* libsleef's purecfma functions use the FMA instructions (draws_portable.c). */
        __builtin_cpu_init();
        return __builtin_cpu_supports("fma") ? &sim_vmath_portable : NULL;
    case SCRUTIN_SIMD_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? &sim_vmath_avx2
                                                                               : NULL;
    case SCRUTIN_SIMD_AVX512:
        /* SLEEF's avx512f functions need AVX-512F; x86-64-v4 code may use DQ, BW and VL. */
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
                       __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl")
                   ? &sim_vmath_avx512
                   : NULL;
#else
    case SCRUTIN_SIMD_PORTABLE:
        return &sim_vmath_portable;
#endif
    default:
        return NULL;
    }
}

int scrutin_simd_available(scrutin_simd simd)
{
    return sim_vmath_for(simd == SCRUTIN_SIMD_AUTO ? scrutin_simd_best() : simd) != NULL;
}

scrutin_simd scrutin_simd_best(void)
{
    if (sim_vmath_for(SCRUTIN_SIMD_AVX512))
        return SCRUTIN_SIMD_AVX512;
    if (sim_vmath_for(SCRUTIN_SIMD_AVX2))
        return SCRUTIN_SIMD_AVX2;
    return SCRUTIN_SIMD_PORTABLE;
}

const char *scrutin_simd_name(scrutin_simd simd)
{
    return (unsigned)simd < sizeof names / sizeof names[0] ? names[simd] : NULL;
}

int scrutin_simd_parse(const char *name, scrutin_simd *out)
{
    for (unsigned i = 0; name && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (scrutin_simd)i;
            return SCRUTIN_OK;
        }
    return SCRUTIN_EINVAL;
}

const char *sim_simd_list(void)
{
    if (sim_vmath_for(SCRUTIN_SIMD_AVX512))
        return "avx512, avx2, portable";
    if (sim_vmath_for(SCRUTIN_SIMD_AVX2))
        return "avx2, portable";
    return sim_vmath_for(SCRUTIN_SIMD_PORTABLE) ? "portable" : "none: this x86-64 CPU lacks FMA";
}
