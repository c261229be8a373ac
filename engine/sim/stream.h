/*
 * Random streams. One counter-based Philox stream per (simulation, model
 * component): the key is the seed, the counter is (simulation index,
 * component). Turning one component off leaves the others' draws unchanged,
 * and two scenarios run with one seed share common random numbers.
 */
#ifndef SCRUTIN_STREAM_H
#define SCRUTIN_STREAM_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

typedef enum stream_component {
    STREAM_NATIONAL = 1,   /* party and coalition shocks, national turnout */
    STREAM_REGIONAL,       /* (region, party) shocks, regional turnout */
    STREAM_DISTRICT,       /* district turnout */
    STREAM_LIST,           /* list shocks */
    STREAM_RUNOFF,         /* abstention, affinity and mobilisation shocks of round 2 */
    STREAM_COURT_BEFORE,   /* lists rejected before the vote */
    STREAM_COURT_AFTER,    /* petitions upheld after a round */
    STREAM_LOT,            /* ties drawn by lot */
    STREAM_RERUN           /* fresh shocks of a district re-run by the court */
} stream_component;

/* A generator of the Philox type; reset it before each use. NULL if out of memory. */
gsl_rng *stream_alloc(void);
/* Point @p r at the stream of (@p seed, @p sim, @p component). A few nanoseconds. */
void stream_reset(gsl_rng *r, uint64_t seed, uint64_t sim, uint32_t component);

#endif
