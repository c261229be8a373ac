/* Each electoral system implements these; rules.c dispatches on scrutin_system. */
#ifndef SCRUTIN_RULES_SYSTEM_H
#define SCRUTIN_RULES_SYSTEM_H

#include "scrutin/error.h"
#include "scrutin/rules.h"

int two_round_list_round1(const scrutin_rules *rules, const double *votes, size_t n,
                          unsigned seats, gsl_rng *lot, unsigned *seats_out, scrutin_round1 *out);
int two_round_list_round2(const scrutin_rules *rules, const double *votes, size_t n,
                          const scrutin_round1 *r1, unsigned seats, gsl_rng *lot,
                          unsigned *seats_out, size_t *winner, int *tie);

#endif
