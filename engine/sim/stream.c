/* Random123's Philox4x32 behind GSL's gsl_rng interface. */
#include "stream.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
#include <Random123/philox.h>
#include <Random123/gsl_microrng.h>
GSL_MICRORNG(scrutin_philox, philox4x32);
#pragma GCC diagnostic pop

gsl_rng *stream_alloc(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_scrutin_philox);
    if (r)
        stream_reset(r, 0, 0, 0, 0);
    return r;
}

void stream_reset(gsl_rng *r, uint64_t seed, uint64_t sim, uint32_t component, uint32_t district)
{
    /*
     * The micro-RNG keeps its own draw counter in the top bits of v[3]: ours
     * stay in v[0..2], the component in the low 8 bits of v[2], the district
     * in the 24 above (16 million districts).
     */
    philox4x32_ctr_t ctr = {{(uint32_t)sim, (uint32_t)(sim >> 32), component | (district << 8), 0}};
    philox4x32_key_t key = {{(uint32_t)seed, (uint32_t)(seed >> 32)}};
    scrutin_philox_reset(r, ctr, key);
}
