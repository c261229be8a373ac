/*
 * A simulation's draws in one batch. Most of a simulation's normals come from
 * streams whose sizes the model fixes: the party, coalition, regional and
 * turnout shocks, each district's list shocks and its round-2 shocks; and
 * the court's first uniforms of each district. The normals are made in one
 * pass over their blocks (Philox, log, sincos), the court's first blocks in
 * one loop, which amortises what a short stream costs alone (a vector loop's start and end,
 * the latency of each call). The values are the streams' own (draws.h: normal
 * i of a stream from its block i / 2), so a stream drawn alone, when a
 * district needs more than the batch holds, continues it exactly.
 */
#ifndef SCRUTIN_SIM_BATCH_H
#define SCRUTIN_SIM_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "../model/model_types.h"

typedef struct sim_batch {
    size_t normal_blocks;   /* blocks that make normals: the first ones */
    size_t court_blocks;    /* then the first block of each court stream, as words */
    uint32_t *c2, *c3;      /* [normal_blocks + court_blocks] the counters' last two words */
    uint32_t *words[4];     /* [court_blocks] the court streams' first blocks (block j of the
                               batch at j - normal_blocks; the normals' blocks are not kept) */
    double *z;              /* [2 normal_blocks] the normals */
    /* Where each stream's normals start in z. */
    size_t party, coalition, region, turnout;
    size_t *list, *runoff;  /* [n_districts] */
    size_t *other;          /* [n_districts] the shock of the votes of lists not described
                               (other_votes), SIZE_MAX where a district has none */
    size_t runoff_normals;  /* normals each runoff stream has in the batch */
    /* The block of each district's court streams (court_before[d], court_after[d]), if the
       court is on. */
    size_t *court_before, *court_after;
    double *court_u;        /* [court_blocks] the first uniform of each court stream, from its
                               block (court_u[j - normal_blocks] for block j) */
    /*
     * The exponentials the districts take from the batch, made in one call
     * each for the whole simulation rather than one short call per district
     * (a call on one or two vectors waits on the latency of exp's chain of
     * operations; a long one overlaps them). exp is computed element by
     * element, so every value is the one a call per district would give.
     */
    size_t utilities;       /* n_lists + n_districts, padded (draws_padded()) */
    double *utility;        /* [utilities] round-1 utilities: district d's lists from
                               district_first_list[d] + d, then its lists not described */
    double *utility_exp;    /* [utilities] their exponentials */
    size_t runoff_exps;     /* (runoff_normals - 1) x n_districts, padded */
    double *runoff_x;       /* [runoff_exps] each district's round-2 exponents (runoff.c), for
                               as many finalists as the batch holds the normals of */
    double *runoff_exp;     /* [runoff_exps] their exponentials */
} sim_batch;

/* The plan and arrays of @p m's batches into @p b. @return SCRUTIN_OK or SCRUTIN_ENOMEM. */
int sim_batch_init(sim_batch *b, const scrutin_model *m);
void sim_batch_free(sim_batch *b);

#endif
