/*
 * Random streams. One counter-based Philox4x32-10 stream per (simulation,
 * model component, district): the key is the seed, the counter is
 * (simulation index, component, district, block). Turning one component off
 * leaves the others' draws unchanged, a district's draws do not depend on
 * what happened in the districts before it, and two scenarios run with one
 * seed share common random numbers.
 *
 * A stream has two halves of its block counter (the last counter word):
 * blocks 0 to 2^31 - 1 feed the batches of normals (draws.h), blocks from
 * 2^31 on the scalar draws made one at a time through GSL's gsl_rng
 * interface (uniforms, lots, Beta and gamma draws), so that the two never
 * share a block.
 */
#ifndef SCRUTIN_STREAM_H
#define SCRUTIN_STREAM_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

typedef enum stream_component {
    /* One stream per simulation. */
    STREAM_PARTY = 1,       /* national party shocks eta_p */
    STREAM_COALITION,       /* coalition shocks gamma_c */
    STREAM_REGION,          /* (region, party) shocks rho_gp */
    STREAM_TURNOUT,         /* national and regional turnout shocks */
    STREAM_LOT,             /* ties drawn by lot */
    /* One stream per simulation and district. */
    STREAM_LIST,            /* district turnout shock, then list shocks */
    STREAM_RUNOFF,          /* abstention, affinity and mobilisation shocks of round 2 */
    STREAM_COURT_BEFORE,    /* lists rejected before the vote */
    STREAM_COURT_AFTER,     /* petitions upheld after the deciding round */
    STREAM_RERUN,           /* fresh district shocks of a re-run ordered by the court */
    STREAM_OTHER,           /* district shock of the votes of lists not described (other_votes) */
    STREAM_OTHER_RERUN,     /* the same, in a re-run */
    STREAM_RERUN_RUNOFF     /* the round-2 shocks of a re-run */
} stream_component;

/* Where a stream is: the Philox key and the first three counter words. */
typedef struct stream_id {
    uint32_t key[2];
    uint32_t ctr[3];
} stream_id;

/* The first block of a stream's scalar half. */
#define STREAM_SCALAR_FIRST 0x80000000u

/*
 * The stream (@p seed; @p sim, @p component, @p district). @p district is 0
 * for the streams of a whole simulation, d + 1 for district d's: the
 * component takes the low 8 bits of the third counter word, the district the
 * 24 above (16 million districts).
 */
static inline stream_id stream_at(uint64_t seed, uint64_t sim, uint32_t component,
                                  uint32_t district)
{
    stream_id s = {{(uint32_t)seed, (uint32_t)(seed >> 32)},
                   {(uint32_t)sim, (uint32_t)(sim >> 32), component | (district << 8)}};
    return s;
}

/* A gsl_rng over the scalar half of a stream; point it with stream_reset(). NULL if out of memory. */
gsl_rng *stream_alloc(void);
/* Point @p r at the scalar half of the stream (@p seed; @p sim, @p component, @p district). */
void stream_reset(gsl_rng *r, uint64_t seed, uint64_t sim, uint32_t component, uint32_t district);
/* Point @p r at the scalar half of stream @p s. */
void stream_point(gsl_rng *r, stream_id s);
/*
 * Point @p r at the scalar half of stream @p s, whose first block @p first is
 * already made and the first @p taken of its 32-bit words drawn (2: a uniform).
 */
void stream_resume(gsl_rng *r, stream_id s, const uint32_t first[4], unsigned taken);

#endif
