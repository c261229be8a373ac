/* The shocks of one simulated election that many districts share. */
#ifndef SCRUTIN_SHOCKS_H
#define SCRUTIN_SHOCKS_H

#include <math.h>

#include "kernel.h"

/*
 * A number of votes rounded to a whole number, to nearest with ties to even
 * (as nearbyint() in the default rounding mode), for 0 <= x < 2^63. llrint()
 * compiles to two instructions when math functions need not set errno (the
 * library is built with -fno-math-errno), where nearbyint() is a call.
 */
static inline double whole(double x) { return (double)llrint(x); }

/* Draw the party, coalition, regional and turnout shocks of simulation @p index into @p w. */
void sim_draw_shared_shocks(const scrutin_model *m, sim_workspace *w, uint64_t index);

/*
 * Round-1 votes of district @p d into w->votes1 (-1 for a list that did not
 * run), with @p r at the district's stream of list shocks (or of a re-run).
 * w->rejected says which lists the court rejected in this simulation.
 */
void sim_district_votes(const scrutin_model *m, sim_workspace *w, size_t d, gsl_rng *r);

/*
 * Round-2 votes of the lists @p r1 qualified, into w->votes2 (-1 for the
 * others), with @p r at the district's runoff stream.
 */
void sim_runoff_votes(const scrutin_model *m, sim_workspace *w, size_t d, const scrutin_round1 *r1,
                      gsl_rng *r);

#endif
