/* The shocks of one simulated election that many districts share, and the draws they use. */
#ifndef SCRUTIN_SHOCKS_H
#define SCRUTIN_SHOCKS_H

#include <math.h>

#include "draws.h"
#include "kernel.h"

/*
 * A number of votes rounded to a whole number, to nearest with ties to even
 * (as nearbyint() in the default rounding mode), for 0 <= x < 2^63. llrint()
 * compiles to two instructions when math functions need not set errno (the
 * library is built with -fno-math-errno), where nearbyint() is a call.
 */
static inline double whole(double x) { return (double)llrint(x); }

/* The logistic function, 1 / (1 + e^-x), with glibc's exp(). */
static inline double sim_logistic(double x) { return 1.0 / (1.0 + exp(-x)); }

/*
 * @p n standard normals of stream @p s drawn alone (those not in the
 * simulation's batch: a re-run's, a round 2 with more finalists than the
 * batch holds), in w->normal, valid until the next such call.
 */
static inline const double *sim_normals(sim_workspace *w, stream_id s, size_t n)
{
    w->vm->normals(w->normal, n, &s);
    return w->normal;
}

/*
 * Point w->tails at the scalar half of stream @p s when shocks have fat tails
 * (the chi-square draws of sim_shock() come from there); nothing otherwise.
 */
static inline void sim_tails_at(const scrutin_model *m, sim_workspace *w, stream_id s)
{
    if (m->params.tails_df > 0.0)
        stream_point(w->tails, s);
}

/* Make the batch of simulation @p index's draws (batch.h) in w->batch. */
static inline void sim_draw_batch(sim_workspace *w, uint64_t index)
{
    stream_id s = stream_at(w->seed, index, 0, 0);
    sim_batch *b = &w->batch;
    w->vm->normals_at(b->z, b->c2, b->c3, b->normal_blocks, &s);
    w->vm->blocks(b->words, b->court_u, b->c2 + b->normal_blocks, b->c3 + b->normal_blocks,
                  b->court_blocks, &s);
}

/*
 * The first uniform of district @p d's court stream @p component
 * (STREAM_COURT_BEFORE or STREAM_COURT_AFTER), from the batch: most districts
 * need no other draw of it. sim_court_resume() then points w->rng at the
 * draws after it, for those that do.
 */
static inline double sim_court_first(const sim_workspace *w, uint32_t component, size_t d)
{
    const sim_batch *b = &w->batch;
    size_t j = component == STREAM_COURT_BEFORE ? b->court_before[d] : b->court_after[d];
    return b->court_u[j - b->normal_blocks];
}

/* Point w->rng at court stream @p component of district @p d after its first uniform. */
static inline void sim_court_resume(const sim_workspace *w, uint64_t index, uint32_t component,
                                    size_t d)
{
    const sim_batch *b = &w->batch;
    size_t j = (component == STREAM_COURT_BEFORE ? b->court_before[d] : b->court_after[d]) -
               b->normal_blocks;
    uint32_t first[4] = {b->words[0][j], b->words[1][j], b->words[2][j], b->words[3][j]};
    stream_resume(w->rng, stream_at(w->seed, index, component, (uint32_t)d + 1), first, 2);
}

/* The party, coalition, regional and turnout shocks of simulation @p index, from its batch. */
void sim_draw_shared_shocks(const scrutin_model *m, sim_workspace *w, uint64_t index);

/*
 * The round-1 utilities of every district of simulation @p index (its lists'
 * and its lists not described), from the batch, and their exponentials, into
 * w->batch.utility and w->batch.utility_exp; sim_district_votes() takes them.
 */
void sim_round1_utilities(const scrutin_model *m, sim_workspace *w, uint64_t index);

/*
 * The exponents of every district's round 2 (runoff.c) for as many finalists
 * as the batch holds the normals of, and their exponentials, into
 * w->batch.runoff_x and w->batch.runoff_exp; sim_runoff_votes() takes them.
 */
void sim_runoff_exponents(const scrutin_model *m, sim_workspace *w);

/*
 * Round-1 votes of district @p d into w->votes1 (-1 for a list that did not
 * run), from stream @p s (the district's list shocks, or a re-run's), whose
 * normals are @p z if in the batch (then the utilities are those of
 * sim_round1_utilities()), NULL to draw them (then w->other_shock is the
 * shock of the district's lists not described).
 * w->rejected says which lists the court rejected in this simulation.
 */
void sim_district_votes(const scrutin_model *m, sim_workspace *w, size_t d, stream_id s,
                        const double *z);

/*
 * Round-2 votes of the lists @p r1 qualified, into w->votes2 (-1 for the
 * others), from stream @p s (the district's runoff shocks, or a re-run's),
 * whose first w->batch.runoff_normals normals are @p z if in the batch (NULL:
 * drawn).
 */
void sim_runoff_votes(const scrutin_model *m, sim_workspace *w, size_t d, const scrutin_round1 *r1,
                      stream_id s, const double *z);

#endif
