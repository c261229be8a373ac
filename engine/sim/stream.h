/*
 * Random streams. One counter-based Philox stream per (simulation, model
 * component, district): the key is the seed, the counter is (simulation
 * index, component, district). Turning one component off leaves the others'
 * draws unchanged, a district's draws do not depend on what happened in the
 * districts before it, and two scenarios run with one seed share common
 * random numbers.
 */
#ifndef SCRUTIN_STREAM_H
#define SCRUTIN_STREAM_H

#include <gsl/gsl_rng.h>
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
    STREAM_OTHER_RERUN      /* the same, in a re-run */
} stream_component;

/* A generator of the Philox type; reset it before each use. NULL if out of memory. */
gsl_rng *stream_alloc(void);
/*
 * Point @p r at the stream (@p seed; @p sim, @p component, @p district).
 * @p district is 0 for the streams of a whole simulation, d + 1 for district d's.
 */
void stream_reset(gsl_rng *r, uint64_t seed, uint64_t sim, uint32_t component, uint32_t district);

#endif
