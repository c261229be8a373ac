/* Seats of a list go to the parties of its first candidates, in list order. */
#include "credit.h"

void model_credit_seats(const scrutin_model *m, size_t list, unsigned seats, unsigned *party_seats)
{
    const uint32_t *party = m->candidate_party + m->list_first_candidate[list];
    unsigned n = m->list_first_candidate[list + 1] - m->list_first_candidate[list];
    for (unsigned i = 0; i < seats && i < n; i++)
        party_seats[party[i]]++;
}
