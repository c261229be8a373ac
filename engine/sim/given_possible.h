/*
 * Known results that no simulation can meet (given_possible.c), refused when
 * they are read rather than after every simulation --max-n allows.
 */
#ifndef SCRUTIN_SIM_GIVEN_POSSIBLE_H
#define SCRUTIN_SIM_GIVEN_POSSIBLE_H

#include "../model/model_types.h"
#include "scrutin/outcomes.h"

/*
 * Whether the one result @p g, read from its text, can be met by a simulation
 * of @p m. @return 0, or SCRUTIN_EINPUT with a diagnostic saying why not and
 * what to give instead.
 */
int given_possible(const scrutin_given_item *g, const scrutin_model *m, scrutin_ctx *ctx);

/*
 * @p id is no list of @p g's district: the diagnostic for an id that is a list of another
 * district, or that a what-if merged into a joint list of this one. @return SCRUTIN_EINPUT
 * with it, ending with @p hint, or 0 if the id is neither (the caller then says it is
 * unknown).
 */
int given_list_elsewhere(const scrutin_given_item *g, const scrutin_model *m, const char *id,
                         const char *hint, scrutin_ctx *ctx);

/* "a, b, c" (at most 12 of them, then "..."): the ids of district @p d's lists that run. */
void given_running_lists(const scrutin_model *m, size_t d, char *buf, size_t size);

#endif
