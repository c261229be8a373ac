/**
 * @file scrutin/summary.h
 * @brief Probabilities, means, quantiles and their Monte Carlo standard
 *        errors, computed once, at the end, from a tally's integers.
 *
 * Definitions (docs/model.md, "Summaries"):
 * - a probability is a count over the number of simulations N, its standard
 *   error sqrt(p (1 - p) / N);
 * - a mean's standard error is the sample standard deviation over sqrt(N);
 * - the q-quantile is the smallest seat count s with P(seats <= s) >= q;
 * - a majority is at least `majority` seats, a supermajority at least
 *   `supermajority`; the largest group holds at least as many seats as any
 *   other group of its kind (ties count for each).
 */
#ifndef SCRUTIN_SUMMARY_H
#define SCRUTIN_SUMMARY_H

#include <stdint.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/model.h"
#include "scrutin/tally.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A probability with its Monte Carlo standard error. */
typedef struct scrutin_prob {
    double p;
    double se;
} scrutin_prob;

/** Seats of one party or coalition at one stage. */
typedef struct scrutin_group_summary {
    double mean, sd, mean_se;
    unsigned p05, p25, p50, p75, p95;
    scrutin_prob majority, supermajority, largest;
} scrutin_group_summary;

/** What the court does to one party or coalition. */
typedef struct scrutin_court_summary {
    double shift_mean;          /**< expected final minus provisional seats */
    double shift_se;
    scrutin_prob majority_changed; /**< P(the court changes whether it holds a majority) */
} scrutin_court_summary;

/** One district. */
typedef struct scrutin_district_summary {
    scrutin_prob round1, tie, court_flip, rerun;
} scrutin_district_summary;

/** One list. */
typedef struct scrutin_list_summary {
    scrutin_prob rejected, round2, win[SCRUTIN_STAGES];
} scrutin_list_summary;

/**
 * How much one district weighs on one group's majority, at the final stage
 * (docs/cli.md, "district_leverage.csv"): the probability that the group
 * holds a majority of the assembly when it holds some of the district's
 * seats, and when it holds none. Under a winner-take-all system, holding a
 * seat of the district is winning it.
 */
typedef struct scrutin_district_group_summary {
    int64_t held;                       /**< simulations in which it held some of its seats */
    scrutin_prob seat;                  /**< P(it holds some of the district's seats) */
    scrutin_prob majority_if_seat;      /**< P(majority | some); NaN if it never held one */
    scrutin_prob majority_if_no_seat;   /**< P(majority | none); NaN if it always held one */
    scrutin_prob leverage;              /**< their difference; se from both, independent samples */
} scrutin_district_group_summary;

/**
 * Two lists of a district that met in a round 2 in at least one simulation
 * (docs/cli.md, "district_runoffs.csv"), before the court.
 */
typedef struct scrutin_runoff_summary {
    size_t list_a, list_b;       /**< the lists (model indices), a before b in list order */
    int64_t met;                 /**< simulations in which they met */
    scrutin_prob meet;           /**< P(they meet in round 2) */
    scrutin_prob a_wins_if_meet; /**< P(a wins the round 2 | they meet) */
} scrutin_runoff_summary;

/** A run's summary. Read-only for the caller; freed with scrutin_summary_free(). */
typedef struct scrutin_summary {
    uint64_t simulations;
    unsigned seats, majority, supermajority;
    size_t n_groups[SCRUTIN_GROUP_KINDS];
    scrutin_group_summary *groups[SCRUTIN_STAGES][SCRUTIN_GROUP_KINDS]; /**< [stage][kind][group] */
    scrutin_court_summary *court[SCRUTIN_GROUP_KINDS];                  /**< [kind][group] */
    double court_moved_mean, court_moved_se; /**< seats whose holder the court changed, per election */
    size_t n_districts, n_lists;
    scrutin_district_summary *districts;
    scrutin_list_summary *lists;
    /** [kind][district * n_groups[kind] + group]: each district's weight on each majority */
    scrutin_district_group_summary *district_groups[SCRUTIN_GROUP_KINDS];
    size_t n_runoffs;                 /**< pairs of lists that met in round 2 at least once */
    scrutin_runoff_summary *runoffs;  /**< [n_runoffs], by district, then list a, then list b */
} scrutin_summary;

/**
 * Summarise @p tally.
 * @param[out] out  freed with scrutin_summary_free()
 * @return 0, SCRUTIN_EINVAL if the tally counts no simulation, or SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_summary_compute(scrutin_summary **out, const scrutin_model *model,
                                        const scrutin_tally *tally, scrutin_ctx *ctx);
/** Free a summary. NULL is a no-op. */
SCRUTIN_API void scrutin_summary_free(scrutin_summary *summary);

/**
 * The parties a run's headline and plots show besides the coalitions: the @p max parties
 * with the most mean final seats, largest first (ties: the one declared first), leaving
 * out those that win no seat at either stage.
 * @param[out] out  their indices, at most @p max of them
 * @return how many were written into @p out (0 if @p s or @p out is NULL)
 */
SCRUTIN_API size_t scrutin_summary_largest_parties(const scrutin_summary *s, size_t *out,
                                                   size_t max);

#ifdef __cplusplus
}
#endif
#endif
