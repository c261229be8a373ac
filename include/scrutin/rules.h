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

/**
 * X-macro table of the electoral systems: X(id, value, name). Values are
 * stable (a new system goes at the end); the name is the one scenario files
 * and the command line use. docs/rules.md describes each system.
 *  - TWO_ROUND_LIST: two-round majority list (Mali): an absolute majority takes every seat
 *    in round 1, otherwise the top lists meet in round 2, where the first takes every seat.
 *  - PLURALITY_BLOCK: one round, the list with the most votes takes every seat (Senegal's
 *    departmental lists, Djibouti before 2013).
 *  - DHONDT, SAINTE_LAGUE: proportional, highest averages (divisors 1, 2, 3, ... and
 *    1, 3, 5, ...) among the lists above the threshold.
 *  - HARE: proportional, largest remainders with the Hare quota.
 *  - DJIBOUTI: the leading list takes winner_share of the seats, the others share the
 *    rest by D'Hondt (Djibouti since 2013).
 *  - CAMEROON: an absolute majority takes every seat; otherwise the leading list takes
 *    half, and the rest goes by largest remainders (Cameroon).
 *  - TWO_ROUND_REGISTERED: two rounds with qualification by a share of registered voters
 *    (France).
 */
#define SCRUTIN_SYSTEM_MAP(X)                                                   \
    X(TWO_ROUND_LIST,       0, "two-round-list")                                \
    X(PLURALITY_BLOCK,      1, "plurality-block")                               \
    X(DHONDT,               2, "dhondt")                                        \
    X(SAINTE_LAGUE,         3, "sainte-lague")                                  \
    X(HARE,                 4, "hare")                                          \
    X(DJIBOUTI,             5, "djibouti")                                      \
    X(CAMEROON,             6, "cameroon")                                      \
    X(TWO_ROUND_REGISTERED, 7, "two-round-registered")

/** The electoral systems scrutin knows. */
typedef enum scrutin_system {
#define SCRUTIN_SYSTEM_ENUM_(id, value, name) SCRUTIN_SYSTEM_##id = (value),
    SCRUTIN_SYSTEM_MAP(SCRUTIN_SYSTEM_ENUM_)
#undef SCRUTIN_SYSTEM_ENUM_
} scrutin_system;

/** How many systems there are (the values run from 0 to SCRUTIN_SYSTEM_COUNT - 1). */
#define SCRUTIN_SYSTEM_COUNT (0 SCRUTIN_SYSTEM_MAP(SCRUTIN_SYSTEM_ONE_))
#define SCRUTIN_SYSTEM_ONE_(id, value, name) +1

/** The most lists a round 2 may hold. */
#define SCRUTIN_MAX_RUNOFF 8

#define SCRUTIN_RULES_VERSION 1

/**
 * Parameters of a system. Each system reads the fields it needs; see docs/rules.md.
 * Filled by scrutin_rules_defaults(), or initialised with SCRUTIN_RULES_INIT (the
 * two-round majority list system), then set fields.
 */
typedef struct scrutin_rules {
    unsigned version;        /**< SCRUTIN_RULES_VERSION (scrutin/version.h) */
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

/** The two-round majority list system (Mali): a majority of the valid votes in round 1,
    else the two lists with the most votes in round 2; as scrutin_rules_defaults() gives it. */
#define SCRUTIN_RULES_INIT {SCRUTIN_RULES_VERSION, SCRUTIN_SYSTEM_TWO_ROUND_LIST, 0.5, 2, 0.0, 0.0, 0.0}

/**
 * In SCRUTIN_SYSTEM_TWO_ROUND_REGISTERED, a round-1 winner also needs at least
 * this share of the registered voters, when they are known (France, code
 * électoral art. L126). A constant rather than a field of scrutin_rules, so
 * that the struct's positional initializers stay complete.
 */
#define SCRUTIN_ROUND1_REGISTERED 0.25

/**
 * The parameters of @p system as its law sets them (see docs/rules.md);
 * fields the system does not read are 0.
 * @param[out] out   the parameters
 * @return 0, or SCRUTIN_EINVAL if @p system is not a system (then @p out is all zeros)
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_rules_defaults(scrutin_rules *out, scrutin_system system);

/**
 * @return the name of @p system ("two-round-list", "dhondt", ...), a static
 *         string, or NULL if @p system is not a system.
 */
SCRUTIN_API const char *scrutin_system_name(scrutin_system system);

/**
 * The system called @p name (exact, case-sensitive: "two-round-list",
 * "plurality-block", "dhondt", "sainte-lague", "hare", "djibouti", "cameroon",
 * "two-round-registered").
 * @param[out] out   the system; untouched on error
 * @return 0, or SCRUTIN_EINVAL if @p name is NULL or names no system
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_system_parse(scrutin_system *out, const char *name);

/** One district's ballot, as the rules see it. */
typedef struct scrutin_ballot {
    const double *votes;     /**< valid votes of each list; negative: the list did not run */
    size_t n;                /**< lists of the district */
    unsigned seats;          /**< seats of the district */
    double registered;       /**< registered voters (NaN if unknown) */
    const double *age;       /**< average age of each list's candidates, for systems that
                                  break ties by age; NULL if unknown */
    double other;            /**< valid votes of lists not among the n (a scenario's
                                  other_votes): they count in the valid votes, so in every
                                  majority and threshold, and take no seat; 0 if none */
} scrutin_ballot;

/** What round 1 decided in one district. */
typedef struct scrutin_round1 {
    int decided;                          /**< 1 if round 1 allocated the seats (always, in
                                               one-round systems) */
    size_t n_qualified;                   /**< lists going to round 2, best first; 1 when
                                               decided, and qualified[0] is then the
                                               winner, or in a proportional system the
                                               list with the most votes */
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
 * @return 0, or SCRUTIN_EINVAL if no list ran, or @p rules is not of SCRUTIN_RULES_VERSION
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_rules_round1(const scrutin_rules *rules, const scrutin_ballot *ballot,
                                     gsl_rng *lot, unsigned *seats_out, scrutin_round1 *out);

/**
 * Round 2 of one district, between the lists @p r1 qualified.
 * @param ballot     round-2 votes indexed like round 1 (only the qualified are read)
 * @param[out] seats_out seats of each of the ballot's lists
 * @param[out] winner the list that won (district index)
 * @param[out] tie   1 if the winner was drawn by lot
 * @return 0, or SCRUTIN_EINVAL if the system has no round 2, nobody qualified, or @p rules
 *         is not of SCRUTIN_RULES_VERSION
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_rules_round2(const scrutin_rules *rules, const scrutin_ballot *ballot,
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
