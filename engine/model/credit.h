#ifndef SCRUTIN_CREDIT_H
#define SCRUTIN_CREDIT_H

#include "model_types.h"

/*
 * Add the @p seats won by @p list to its parties: the first @p seats
 * candidates' parties, so that a joint list credits each party its own.
 */
void model_credit_seats(const scrutin_model *m, size_t list, unsigned seats, unsigned *party_seats);

#endif
