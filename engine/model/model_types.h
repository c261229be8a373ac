/*
 * The compiled model: structure of arrays, indices instead of names. Read
 * only after scrutin_model_compile(), so any number of threads share it.
 * Lists are stored grouped by district: the lists of district d are
 * [district_first_list[d], district_first_list[d + 1]).
 */
#ifndef SCRUTIN_MODEL_TYPES_H
#define SCRUTIN_MODEL_TYPES_H

#include <stdint.h>

#include "scrutin/model.h"
#include "scrutin/rules.h"

/* The most electoral systems one scenario may apply to the same votes. */
#define SCRUTIN_MAX_SYSTEMS 16

/* The kinds of scrutin_entity. */
#define MODEL_ENTITY_KINDS 5

typedef enum model_list_kind { LIST_PARTY, LIST_JOINT, LIST_INDEPENDENT } model_list_kind;

/* Why a list does not run (list_out): the court, or a what-if that withdrew it or merged it. */
typedef enum model_list_out {
    LIST_RUNS,
    LIST_OUT_COURT,     /* court.rejected_lists: the court's actual decision */
    LIST_OUT_WITHDRAWN, /* a what-if's withdraw_lists */
    LIST_OUT_MERGED     /* a what-if's merge_lists: it is in a joint list (model_merge) */
} model_list_out;

/*
 * One joint list a what-if made (compile_merge.c), with the ids as they were then: a later
 * change may rename its place or merge it again, and the joint list takes the place (and the
 * index) of its first member, whose own id would otherwise be lost.
 */
typedef struct model_merge {
    uint32_t district;
    char *into;    /* the joint list's id */
    char **from;   /* [n_from] its members' ids, in list order */
    size_t n_from;
} model_merge;

typedef struct model_annulment {
    uint32_t district;
    unsigned round;     /* 1 or 2 */
    int rerun;          /* 1: the district is annulled whole; 0: votes struck */
    double struck_votes;
} model_annulment;

/* The uncertainty model and the random court, with defaults applied (docs/model.md). */
typedef struct model_params {
    double sd_party, sd_coalition, sd_region, sd_list, sd_independent;
    double tails_df; /* 0: normal shocks; > 2: Student-t with this many degrees of freedom */
    double sd_turnout_national, sd_turnout_region, sd_turnout_district;
    double *retention;        /* [n_regions] share of a finalist's round-1 voters it keeps */
    double *abstention_logit; /* [n_coalitions] logit of the abstention of eliminated voters */
    double sd_abstention;
    double *affinity;         /* [from coalition * n_coalitions + to coalition] */
    double sd_affinity, sd_mobilisation;
    int court_enabled;
    double reject[3];         /* by list kind: party, joint, independent */
    double annul_base[2], annul_scale[2]; /* by round */
    double strike_a, strike_b, rerun;
} model_params;

struct scrutin_model {
    char *name;
    char *title, *description; /* the scenario's, NULL if it has none */
    char *base_path;           /* a what-if's base file, as its loader read it; NULL if none */
    char **change_words;       /* [n_change_words] its changes in words (compile_words.c), the
                                  bases' first */
    size_t n_change_words;
    unsigned seats, majority, supermajority;
    scrutin_rules rules;          /* the first system's: replay and compare use it */
    size_t n_systems;             /* systems applied to the same simulated votes */
    scrutin_rules *systems;       /* [n_systems] */
    char **system_id;             /* [n_systems] */

    size_t n_parties, n_coalitions, n_regions, n_districts, n_lists;
    char **party_id, **coalition_id, **region_id, **district_id, **list_id;
    uint32_t *party_coalition;   /* [n_parties] */
    int32_t independent_party;   /* the party independents are credited to, -1 if none */

    uint32_t *district_region;   /* [n_districts] */
    uint32_t *district_seats;
    uint32_t *district_first_list; /* [n_districts + 1] */
    /* Observed figures (NaN where the data have none). */
    double *registered, *voters, *invalid, *voters_r2, *invalid_r2;

    uint32_t *list_district;     /* [n_lists] */
    uint8_t *list_kind;
    uint8_t *list_rejected;      /* does not run: rejected before the vote by the court's actual
                                    decision, or withdrawn or merged away by a what-if */
    uint8_t *list_out;           /* [n_lists] which of these (model_list_out), for the reports */
    model_merge *merges;         /* [n_merges] the joint lists a what-if made, in order made */
    size_t n_merges;
    double *votes_r1, *votes_r2; /* observed; NaN where absent */
    /* Parties of each list's first `seats` candidates, in list order. */
    uint32_t *list_first_candidate; /* [n_lists + 1] into candidate_party */
    uint32_t *candidate_party;
    /* Share of each party among all of a list's candidates (empty for independents). */
    uint32_t *list_first_weight; /* [n_lists + 1] */
    uint32_t *weight_party;
    double *weight_value;

    model_annulment *annulments;
    size_t n_annulments;

    model_params params;
    /* Precomputed for the simulation. */
    double *log_baseline;     /* [n_lists] log of the observed round-1 share; -inf if none */
    uint32_t *list_coalition; /* [n_lists] the coalition most of its candidates belong to */
    uint32_t *weight_pair;    /* [weights] the (region, party) pair of each weight entry */
    uint32_t *pair_party;     /* [n_pairs] */
    size_t n_pairs;
    double *turnout_logit;    /* [n_districts] logit of observed round-1 turnout; NaN if unknown */
    double *invalid_share;    /* [n_districts] invalid ballots over ballots cast */
    size_t max_lists;         /* most lists in one district */

    /*
     * Partial results (compile_partial.c, docs/model.md "Votes of lists not described"): the
     * round-1 votes of lists the scenario does not describe, which count in the valid votes
     * and never take a seat, and the published round-2 winners given without their votes.
     */
    double *other_votes;          /* [n_districts] observed; 0 where none */
    double *other_log_baseline;   /* [n_districts] log of their share of valid votes; -inf if none */
    int32_t other_coalition;      /* whose round-2 abstention and affinity they follow; -1: none
                                     (the default abstention, the same weight for every finalist) */
    double other_abstention_odds; /* exp(logit of abstention) when other_coalition is -1 */
    int32_t *winner_r2;           /* [n_districts] published round-2 winner (a model list), -1 */

    /* Where each list and district came from, for messages about the data after compiling. */
    char *lists_path;
    uint32_t *list_line;
    char *districts_path;
    uint32_t *district_line;
    /* [kind][i] each entity's `name` (NULL if none), by scrutin_entity (compile_names.c). */
    char **entity_name[MODEL_ENTITY_KINDS];

    /* What the model is, hashed once compiled: a tally records it (fingerprint.c). */
    uint64_t fingerprint;
};

/* Compute m->fingerprint from everything a simulation reads (fingerprint.c). @return 0 or ENOMEM. */
int model_fingerprint_compute(scrutin_model *m);

/* Free entity_name (compile_names.c). */
void model_free_names(scrutin_model *m);

#endif
