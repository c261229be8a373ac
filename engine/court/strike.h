/*
 * What an upheld petition does to a district's count: polling stations
 * annulled strike votes from the winner. Shared by the replay of the court's
 * actual decisions and by the random court of the simulation.
 */
#ifndef SCRUTIN_COURT_STRIKE_H
#define SCRUTIN_COURT_STRIKE_H

#include <stddef.h>

/* Remove @p struck votes from list @p list (never below zero). */
static inline void court_strike(double *votes, size_t list, double struck)
{
    double left = votes[list] - struck;
    votes[list] = left > 0.0 ? left : 0.0;
}

#endif
