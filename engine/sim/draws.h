/*
 * Draws in batches (ARCHITECTURE.md, section 4): the normals of one stream
 * made at once from consecutive Philox4x32-10 blocks, and exp() over arrays,
 * through SLEEF's deterministic functions (Sleef_finz_*), called by name.
 *
 * The same functions are built for several instruction sets (engine/sim/simd/, each
 * with its own -march), chosen at run time (simd.c). They give the same bits:
 * the finz functions are exact to the same rounding at every width, the other
 * operations (integer arithmetic, exact conversions, sqrt, products) are
 * correctly rounded, and nothing is contracted into an FMA (-ffp-contract=off).
 * Which counter feeds which draw never depends on the width: normal i of a
 * stream is from its block i / 2, and every path computes every draw the
 * same way (the vector loops run over padded arrays, with no scalar remainder
 * loop computing what a vector lane would).
 */
#ifndef SCRUTIN_SIM_DRAWS_H
#define SCRUTIN_SIM_DRAWS_H

#include <stddef.h>
#include <stdint.h>

#include "scrutin/sim.h"
#include "stream.h"

/*
 * Arrays given to exp() are padded to a multiple of this many entries, the
 * widest vector, so that every path runs over them in whole vectors; the
 * padding's values feed nothing.
 */
enum { DRAWS_PAD = 8 };

/* @p n rounded up to a multiple of DRAWS_PAD. */
static inline size_t draws_padded(size_t n) { return (n + DRAWS_PAD - 1) / DRAWS_PAD * DRAWS_PAD; }

typedef struct sim_vmath {
    scrutin_simd simd;
    /*
     * @p n Philox4x32-10 blocks of the streams keyed as @p s, block j at the
     * counter (s->ctr[0], s->ctr[1], c2[j], c3[j]), into words[0..3][j], and
     * if @p u is not NULL into u[j] the first uniform a stream's scalar half
     * draws from block j as its first (stream.h: words 0 and 1, gsl_rng_uniform()).
     */
    void (*blocks)(uint32_t *const words[4], double *u, const uint32_t *c2, const uint32_t *c3,
                   size_t n, const stream_id *s);
    /*
     * The two normals of each of @p n blocks of the streams keyed as @p s,
     * block j at the counter (s->ctr[0], s->ctr[1], c2[j], c3[j]), into z[2j]
     * and z[2j + 1], as normals() makes them from its blocks (whose words are
     * never stored).
     */
    void (*normals_at)(double *z, const uint32_t *c2, const uint32_t *c3, size_t n,
                       const stream_id *s);
    /*
     * @p n standard normals of stream @p s into @p z, by Box-Muller: block k
     * (counter word 3 = k) gives two 53-bit uniforms a (words 0-1) and b
     * (words 2-3), and z[2k] = r cos(2 pi b), z[2k + 1] = r sin(2 pi b),
     * r = sqrt(-2 log a), with SLEEF's finz log and sincos of 3.5-ulp accuracy
     * (u35: a third of the time of the 1-ulp ones, and as deterministic). Normal i is thus always from block i / 2, whatever
     * n and the vector width. @p z has room for n + 1 (an odd n makes its
     * last block's sine too).
     */
    void (*normals)(double *z, size_t n, const stream_id *s);
    /* y[i] = exp(x[i]) for i < @p n, a multiple of DRAWS_PAD; @p y may be @p x. */
    void (*exp)(double *y, const double *x, size_t n);
} sim_vmath;

/* The functions of @p simd (not SCRUTIN_SIMD_AUTO), or NULL if this build or CPU lacks it. */
const sim_vmath *sim_vmath_for(scrutin_simd simd);

/* The names of the paths available here, best first ("avx2, portable"), for messages. */
const char *sim_simd_list(void);

/* The paths, one per object (simd/), NULL where the build has none. */
extern const sim_vmath sim_vmath_portable;
#ifdef SCRUTIN_HAVE_X86_SIMD /* set by CMake on x86-64 */
extern const sim_vmath sim_vmath_avx2;
extern const sim_vmath sim_vmath_avx512;
#endif

#endif
