/*
 * The per-simulation kernel: one simulated election, from its shocks to its
 * tallied seats. Everything it needs is allocated once per thread in a
 * workspace; nothing is allocated, looked up or printed inside sim_one().
 */
#ifndef SCRUTIN_KERNEL_H
#define SCRUTIN_KERNEL_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

#include "../model/model_types.h"
#include "../tally/tally_types.h"
#include "batch.h"
#include "count_plan.h"
#include "runoff_plan.h"
#include "stream.h"
#include "scrutin/sim.h"

struct sim_vmath;
struct votes_plan;

typedef struct sim_workspace {
    const struct sim_vmath *vm; /* the vector path of the draws and exp() (draws.h) */
    gsl_rng *rng;           /* reset to each component's scalar stream in turn (the court's) */
    gsl_rng *tails;         /* the chi-square draws of Student-t shocks (sim_shock()) */
    double *normal;         /* the current batch of normals (shocks.h, sim_normals()) */
    sim_batch batch;        /* the simulation's batch of draws */
    double *court_none;     /* [n_lists] court_reject_survival(), fixed for the run */
    struct votes_plan *votes; /* the round-1 utilities' plan (votes_plan.h), fixed for the run */
    gsl_rng *lot;           /* the stream of lots of the system being decided */
    gsl_rng *lots[SCRUTIN_MAX_SYSTEMS]; /* one per system, so that one system's ties
                                           never move another's lots */
    uint64_t seed;
    /* The simulation's streams (seed, index; component and district 0), set once a simulation:
       the kernel's streams copied from it (kernel.c) are not written just before they are read
       (a stream built on the stack before a call cost a store-forwarding stall each). */
    stream_id stream;
    double *party_effect;   /* [n_parties] eta_p + gamma_c(p) */
    double *coalition_shock; /* [n_coalitions] gamma_c */
    double *pair_shock;     /* [n_pairs] party effect + regional shock of each (region, party) */
    double *region_turnout; /* [n_regions] national + regional turnout shock */
    double *votes1, *votes2, *scratch; /* [max_lists padded to DRAWS_PAD] */
    unsigned *list_seats[SCRUTIN_STAGES]; /* [max_lists] seats of each list of the district */
    uint8_t *rejected;      /* [max_lists] rejected before the vote in this simulation */
    double *transfer;       /* [n_coalitions * (1 + SCRUTIN_MAX_RUNOFF)]: scratch of round 2
                               (the round-1 votes of eliminated lists, by coalition) */
    runoff_plan runoff;     /* each district's lists by coalition, for round 2 (runoff_plan.h) */
    double *turning_out;    /* [n_coalitions] 1 - logistic(logit of each coalition's abstention):
                               the share of a rejected list's voters who vote (district_votes.c),
                               fixed for the run */
    unsigned *seats[SCRUTIN_STAGES]; /* [systems][parties + coalitions]: system 0 first */
    double *votes1_kept;    /* [max_lists] round-1 votes, restored for each further system */
    /* Lists not described (other_votes, other_votes.c): their district shock, their round-1
       votes (which count in the valid votes and never take a seat), kept like votes1. */
    double other_shock, other1, other1_kept;
    uint64_t *held;         /* [systems][held_cap]: district << 32 | group, for every group that
                               holds final seats of a district in this simulation */
    size_t held_cap;        /* 2 x the assembly's seats: a seat credits a party and a coalition */
    size_t n_held[SCRUTIN_MAX_SYSTEMS];
    count_plan count;       /* the counts' plan of the run (count_plan.h) */
    scrutin_tally *tally;   /* where the simulations of this workspace are counted */
    /* If not NULL, the slot this simulation's outcome is recorded in (outcomes.h). */
    unsigned char *outcome;
    const struct outcome_layout *outcome_layout;
} sim_workspace;

/* A workspace for @p m counting into @p tally, on the best vector path (sim_workspace_simd()). */
int sim_workspace_new(sim_workspace **out, const scrutin_model *m, scrutin_tally *tally);
/* Run @p w on vector path @p simd. @return SCRUTIN_OK, or SCRUTIN_EINVAL if it is not available. */
int sim_workspace_simd(sim_workspace *w, scrutin_simd simd);
void sim_workspace_free(sim_workspace *w);

/* Simulate election @p index of the run keyed by @p seed and count it in w->tally. */
void sim_one(const scrutin_model *m, sim_workspace *w, uint64_t seed, uint64_t index);

/*
 * The shock of district @p d's votes of lists not described, from the stream (@p component:
 * STREAM_OTHER, or STREAM_OTHER_RERUN for a re-run; @p d) of simulation @p index, into
 * w->other_shock; nothing is drawn where the district has none. A stream of its own, so that
 * every other draw is the one it would be without other_votes.
 */
void sim_other_shock(const scrutin_model *m, sim_workspace *w, size_t d, uint64_t index,
                     uint32_t component);

/*
 * A shock of spread @p sd from the standard normal @p z: normal if @p tails_df
 * is 0, else Student-t with tails_df degrees of freedom and the same spread,
 * its chi-square drawn from @p tails.
 */
double sim_shock_t(gsl_rng *tails, double z, double sd, double tails_df);
static inline double sim_shock(gsl_rng *tails, double z, double sd, double tails_df)
{
    return tails_df > 0.0 ? sim_shock_t(tails, z, sd, tails_df) : sd * z;
}

#endif
