/*
 * The scalar half of a stream behind GSL's gsl_rng interface, for the draws
 * made one at a time: uniforms of the court, lots of the rules, and what GSL
 * draws for Beta and gamma variates. Each Philox4x32-10 block gives four
 * 32-bit words: gsl_rng_get() takes one, gsl_rng_uniform() two (from an even
 * position), through Random123's u01fixedpt conversion to a 53-bit uniform
 * in the open interval (0, 1). A reset only records where the stream is: its
 * first block is made by the first draw, so a stream that draws nothing costs
 * nothing.
 */
#include "stream.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#include <Random123/philox.h>
#include <Random123/u01fixedpt.h>
#pragma GCC diagnostic pop

typedef struct scalar_state {
    philox4x32_key_t key;
    philox4x32_ctr_t ctr;  /* the next block's counter */
    philox4x32_ctr_t out;  /* the current block */
    unsigned used;         /* words of the current block taken (4: none left) */
} scalar_state;

static void refill(scalar_state *s)
{
    s->out = philox4x32(s->ctr, s->key);
    s->ctr.v[3]++;
    s->used = 0;
}

static unsigned long scalar_get(void *state)
{
    scalar_state *s = state;
    if (s->used >= 4)
        refill(s);
    return s->out.v[s->used++];
}

static double scalar_get_double(void *state)
{
    scalar_state *s = state;
    s->used += s->used & 1u;
    if (s->used >= 4)
        refill(s);
    uint64_t bits = (uint64_t)s->out.v[s->used + 1] << 32 | s->out.v[s->used];
    s->used += 2;
    return u01fixedpt_open_open_64_double(bits);
}

static void point(scalar_state *s, stream_id id)
{
    s->key.v[0] = id.key[0];
    s->key.v[1] = id.key[1];
    s->ctr.v[0] = id.ctr[0];
    s->ctr.v[1] = id.ctr[1];
    s->ctr.v[2] = id.ctr[2];
    s->ctr.v[3] = STREAM_SCALAR_FIRST;
    s->used = 4;
}

static void scalar_set(void *state, unsigned long seed) { point(state, stream_at(seed, 0, 0, 0)); }

static const gsl_rng_type scalar_type = {"scrutin_philox4x32_53", 0xffffffffUL, 0,
                                         sizeof(scalar_state), scalar_set, scalar_get,
                                         scalar_get_double};

gsl_rng *stream_alloc(void) { return gsl_rng_alloc(&scalar_type); }

void stream_reset(gsl_rng *r, uint64_t seed, uint64_t sim, uint32_t component, uint32_t district)
{
    point(r->state, stream_at(seed, sim, component, district));
}

void stream_point(gsl_rng *r, stream_id s) { point(r->state, s); }

void stream_resume(gsl_rng *r, stream_id s, const uint32_t first[4], unsigned taken)
{
    scalar_state *st = r->state;
    point(st, s);
    for (int i = 0; i < 4; i++)
        st->out.v[i] = first[i];
    st->ctr.v[3]++;
    st->used = taken;
}
