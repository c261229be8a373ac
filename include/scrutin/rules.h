/**
 * @file scrutin/rules.h
 * @brief Electoral rules: from a district's votes to its seats.
 *
 * Every electoral system is a set of functions behind this one interface,
 * chosen by scrutin_system; the simulation and the replay call only these.
 * Lists are indexed within their district (0..n-1). A list that did not run
 * (rejected by the court) has a negative vote count and is ignored.
 */
#ifndef SCRUTIN_RULES_H
#define SCRUTIN_RULES_H

#include <gsl/gsl_rng.h>
#include <stddef.h>

#include "scrutin/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The electoral systems scrutin knows. */
typedef enum scrutin_system {
    /** Two-round majority list (Mali): an absolute majority takes every seat in round 1,
     *  otherwise the top lists meet in round 2, where the first takes every seat. */
    SCRUTIN_SYSTEM_TWO_ROUND_LIST = 0
} scrutin_system;

/** The most lists a round 2 may hold. */
#define SCRUTIN_MAX_RUNOFF 8

/** Parameters of a system. Each system reads the fields it needs; see docs/rules.md. */
typedef struct scrutin_rules {
    scrutin_system system;
    double round1_majority;  /**< a list needs strictly more than this share of valid votes */
    unsigned round2_lists;   /**< how many lists go to round 2 at least (2..SCRUTIN_MAX_RUNOFF) */
    double round2_registered; /**< also every list with at least this share of registered
                                   voters goes to round 2 (France: 0.125); 0: none */
    double threshold;        /**< share of valid votes a list needs to take part in a
                                  proportional allocation (0: none) */
    double winner_share;     /**< share of the seats the leading list takes first
                                  (Djibouti 0.8, Cameroon 0.5) */
} scrutin_rules;

/** One district's ballot, as the rules see it. */
typedef struct scrutin_ballot {
    const double *votes;     /**< valid votes of each list; negative: the list did not run */
    size_t n;                /**< lists of the district */
    unsigned seats;          /**< seats of the district */
    double registered;       /**< registered voters (NaN if unknown) */
    const double *age;       /**< average age of each list's candidates, for systems that
                                  break ties by age; NULL if unknown */
} scrutin_ballot;

/** What round 1 decided in one district. */
typedef struct scrutin_round1 {
    int decided;                          /**< 1 if round 1 allocated the seats */
    size_t n_qualified;                   /**< lists going to round 2, best first */
    size_t qualified[SCRUTIN_MAX_RUNOFF];
    int tie;                              /**< 1 if a tie was broken by lot */
} scrutin_round1;

/**
 * Round 1 of one district (the only round of one-round systems).
 * @param rules      the system and its parameters
 * @param ballot     the district's round-1 votes
 * @param lot        random stream for ties; drawn from only when there is a tie
 * @param[out] seats_out seats of each of the ballot's lists, filled when @c out->decided (else zeros)
 * @param[out] out   the outcome
 * @return 0, or SCRUTIN_EINVAL if no list ran
 */
SCRUTIN_API int scrutin_rules_round1(const scrutin_rules *rules, const scrutin_ballot *ballot,
                                     gsl_rng *lot, unsigned *seats_out, scrutin_round1 *out);

/**
 * Round 2 of one district, between the lists @p r1 qualified.
 * @param ballot     round-2 votes indexed like round 1 (only the qualified are read)
 * @param[out] seats_out seats of each of the ballot's lists
 * @param[out] winner the list that won (district index)
 * @param[out] tie   1 if the winner was drawn by lot
 * @return 0, or SCRUTIN_EINVAL if the system has no round 2 or nobody qualified
 */
SCRUTIN_API int scrutin_rules_round2(const scrutin_rules *rules, const scrutin_ballot *ballot,
                                     const scrutin_round1 *r1, gsl_rng *lot, unsigned *seats_out,
                                     size_t *winner, int *tie);

/**
 * The @p k lists with the most votes, best first, ties at the boundary drawn
 * by lot (every tied list equally likely). Shared by the systems.
 * @param[out] top   their indices
 * @return how many were chosen (fewer than @p k if fewer lists ran); *tie set if a lot was drawn
 */
SCRUTIN_API size_t scrutin_rules_top(const double *votes, size_t n, size_t k, gsl_rng *lot,
                                     size_t *top, int *tie);

#ifdef __cplusplus
}
#endif
#endif
