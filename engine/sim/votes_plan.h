/*
 * What the round-1 utilities of a simulation need from the model, resolved
 * once a workspace (district_votes.c): each list's spread, its weights, where
 * its normal and its utility sit in the batch, and the lists grouped by how
 * many weights they have, so that the loop over a simulation's lists neither
 * looks a list's kind up nor tests its baseline nor branches on its weights.
 */
#ifndef SCRUTIN_SIM_VOTES_PLAN_H
#define SCRUTIN_SIM_VOTES_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "../model/model_types.h"
#include "batch.h"

/* A list with a finite baseline. */
typedef struct votes_list {
    double log_baseline;
    double sd;   /* the spread of its shock: sd_list, or sd_independent */
    uint32_t at; /* its utility's index in batch.utility */
    uint32_t z;  /* its shock's normal's index in batch.z */
} votes_list;

/* The groups of votes_plan.lists, in this order. */
enum {
    VOTES_NO_WEIGHT, /* u = log b + eps */
    VOTES_UNIT,      /* one weight of exactly 1: u = (log b + s_1) + eps, as 1 * s_1 == s_1 */
    VOTES_ONE,       /* one weight: u = (log b + w_1 s_1) + eps */
    VOTES_TWO,       /* two: u = ((log b + w_1 s_1) + w_2 s_2) + eps */
    VOTES_MORE,      /* more, votes_plan.more[j] of them */
    VOTES_GROUPS
};

/* A district's round 1 in a simulation, made with its batch (sim_round1_utilities()). */
typedef struct votes_district {
    double valid; /* valid votes */
    double total; /* the sum of the exponentials of its lists and of its lists not described */
    double other; /* the exponential of its lists not described (0: none) */
    double scale; /* valid / total (0 if total is 0): the votes of an exponential */
} votes_district;

typedef struct votes_plan {
    votes_list *lists;            /* the lists with a finite baseline, by group */
    size_t group_end[VOTES_GROUPS]; /* group g is lists[group_end[g - 1] .. group_end[g]] */
    /* The weights of the lists of every group, in the lists' order and then the model's
       (pair_shock indices and values; VOTES_UNIT's values are not read). */
    uint32_t *pair;
    double *weight;
    uint32_t *more;               /* [lists of VOTES_MORE] how many weights each has */
    uint32_t *minus_inf;          /* the utilities the districts read that stay -inf: lists
                                     without a baseline, lists not described without one */
    size_t n_minus_inf;
    uint32_t *other;              /* the districts whose lists not described have a baseline */
    size_t n_other;
    double *eps;                  /* [batch.utilities] a simulation's Student-t shocks, by the
                                     utility's index (tails_df > 0 only) */
    struct votes_district *district; /* [n_districts] a simulation's, from its batch */
} votes_plan;

/*
 * The plan of @p m's round-1 utilities into @p out; writes -inf once into the
 * entries of @p b's utilities that never hold another value (lists without a
 * baseline, districts without lists not described, the padding).
 * @return SCRUTIN_OK or SCRUTIN_ENOMEM.
 */
int votes_plan_new(votes_plan **out, const scrutin_model *m, sim_batch *b);
void votes_plan_free(votes_plan *plan);

#endif
