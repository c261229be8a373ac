/**
 * @file scrutin/tally.h
 * @brief Integer counts of simulated outcomes, merged by addition.
 *
 * A tally holds only integers: seat histograms per party and coalition,
 * district and list outcomes, the court's effects. Tallies of disjoint sets
 * of simulations merge by adding their counters, in any order, so results do
 * not depend on the number of threads or MPI ranks. All counters live in one
 * flat array of int64_t (scrutin_tally_counters()) so that a merge is one
 * loop and an MPI reduction one call.
 */
#ifndef SCRUTIN_TALLY_H
#define SCRUTIN_TALLY_H

#include <stddef.h>
#include <stdint.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Stages of a simulated election's result. */
typedef enum scrutin_stage {
    SCRUTIN_STAGE_PROVISIONAL, /**< after the rounds, before the court's decisions after the vote */
    SCRUTIN_STAGE_FINAL,       /**< after them */
    SCRUTIN_STAGES
} scrutin_stage;

/** Kinds of seat-holding group. */
typedef enum scrutin_group_kind {
    SCRUTIN_GROUP_PARTY,
    SCRUTIN_GROUP_COALITION,
    SCRUTIN_GROUP_KINDS
} scrutin_group_kind;

/** @return "provisional" or "final". */
SCRUTIN_API const char *scrutin_stage_name(scrutin_stage stage);
/** @return "party" or "coalition". */
SCRUTIN_API const char *scrutin_group_kind_name(scrutin_group_kind kind);

/** Counters of one tally, by what they count. Index with the scrutin_tally_* accessors. */
typedef struct scrutin_tally scrutin_tally;

/**
 * A tally of zero simulations shaped for @p model.
 * @param[out] out freed with scrutin_tally_free()
 * @return 0 or SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_tally_new(scrutin_tally **out, const scrutin_model *model);
/** Free a tally. NULL is a no-op. */
SCRUTIN_API void scrutin_tally_free(scrutin_tally *tally);
/**
 * Add @p from into @p into. Both must have been made for the same model.
 * @return 0 or SCRUTIN_EINVAL if they were made for different models (or
 *         either is NULL); nothing is added then
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_tally_merge(scrutin_tally *into,
                                                      const scrutin_tally *from);
/** @return scrutin_model_fingerprint() of the model the tally was made for. */
SCRUTIN_API uint64_t scrutin_tally_model_fingerprint(const scrutin_tally *tally);
/**
 * Check that @p tally was made for @p model (scrutin_model_fingerprint()).
 * Every function of the library that takes both calls it.
 * @param caller  the function's name, for the message
 * @return 0 or SCRUTIN_EINVAL with a diagnostic
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_tally_check(const scrutin_tally *tally,
                                                      const scrutin_model *model,
                                                      const char *caller, scrutin_ctx *ctx);
/** @return 1 if every counter of @p a equals @p b's. */
SCRUTIN_API int scrutin_tally_equal(const scrutin_tally *a, const scrutin_tally *b);

/**
 * @return how many electoral systems the tally counts (a scenario's
 *         `systems`: the same simulated votes under each).
 */
SCRUTIN_API size_t scrutin_tally_systems(const scrutin_tally *tally);
/**
 * The counts of system @p system, as a tally of their own (owned by
 * @p tally; every accessor below works on it). The tally itself reads as its
 * first system. @return NULL if @p system is out of range.
 */
SCRUTIN_API const scrutin_tally *scrutin_tally_system(const scrutin_tally *tally, size_t system);

/** @return the number of simulations counted. */
SCRUTIN_API uint64_t scrutin_tally_simulations(const scrutin_tally *tally);
/** The flat array of all counters and its length, for merging across processes. */
SCRUTIN_API int64_t *scrutin_tally_counters(scrutin_tally *tally, size_t *count);

/** @return the seats of the assembly the tally was shaped for. */
SCRUTIN_API unsigned scrutin_tally_seats(const scrutin_tally *tally);

/**
 * Histogram of a group's seats: element s counts the simulations in which
 * the group held s seats, for s = 0..seats.
 */
SCRUTIN_API const int64_t *scrutin_tally_seat_histogram(const scrutin_tally *tally,
                                                        scrutin_stage stage,
                                                        scrutin_group_kind kind, size_t group);
/** Simulations in which the group held at least as many seats as any other of its kind. */
SCRUTIN_API int64_t scrutin_tally_largest(const scrutin_tally *tally, scrutin_stage stage,
                                          scrutin_group_kind kind, size_t group);
/** Simulations in which the court changed whether the group holds a majority. */
SCRUTIN_API int64_t scrutin_tally_majority_changed(const scrutin_tally *tally,
                                                   scrutin_group_kind kind, size_t group);
/** Sum over simulations of (final - provisional) seats of the group, and of its square. */
SCRUTIN_API void scrutin_tally_court_shift(const scrutin_tally *tally, scrutin_group_kind kind,
                                           size_t group, int64_t *sum, int64_t *sum_squares);
/** Histogram (0..seats) of the seats whose holder the court changed in a simulation. */
SCRUTIN_API const int64_t *scrutin_tally_court_moved(const scrutin_tally *tally);

/** Per-district counts: decided in round 1, tie drawn by lot, court changed the winner, re-run. */
typedef enum scrutin_district_event {
    SCRUTIN_DISTRICT_ROUND1,
    SCRUTIN_DISTRICT_TIE,
    SCRUTIN_DISTRICT_COURT_FLIP,
    SCRUTIN_DISTRICT_RERUN,
    SCRUTIN_DISTRICT_EVENTS
} scrutin_district_event;
/** @return the simulations in which @p event happened in district @p district. */
SCRUTIN_API int64_t scrutin_tally_district(const scrutin_tally *tally, scrutin_district_event event,
                                           size_t district);

/** Per-list counts: rejected before the vote, in round 2, winner (provisional, final). */
typedef enum scrutin_list_event {
    SCRUTIN_LIST_REJECTED,
    SCRUTIN_LIST_ROUND2,
    SCRUTIN_LIST_WIN_PROVISIONAL,
    SCRUTIN_LIST_WIN_FINAL,
    SCRUTIN_LIST_EVENTS
} scrutin_list_event;
/** @return the simulations in which @p event happened to list @p list. */
SCRUTIN_API int64_t scrutin_tally_list(const scrutin_tally *tally, scrutin_list_event event,
                                       size_t list);

/**
 * How much district @p district weighs on group @p group's majority, at the
 * final stage: *held is the number of simulations in which the group held
 * some of the district's final seats, *held_majority the number of those in
 * which it also held a majority of the assembly (final seats >= the
 * majority). With the histogram's count of majorities they give
 * P(majority | seat in the district) and P(majority | no seat in it).
 */
SCRUTIN_API void scrutin_tally_district_group(const scrutin_tally *tally, size_t district,
                                              scrutin_group_kind kind, size_t group,
                                              int64_t *held, int64_t *held_majority);

/**
 * Districts of more lists than this have no round-2 pair counters: their
 * n (n - 1) / 2 pairs would make the tally's memory grow with the square of
 * a district's lists (docs/cli.md, "district_runoffs.csv").
 */
#define SCRUTIN_RUNOFF_MAX_LISTS 64

/**
 * @return the pairs of lists that could meet in a round 2: n (n - 1) / 2 for
 * each district of n lists, n at most SCRUTIN_RUNOFF_MAX_LISTS (0 for a
 * larger district). Pairs are numbered district by district, then by the
 * positions a < b of their lists within the district (in list order):
 * pair = first(d) + scrutin_tally_pair_index(a, b), first(d) the pairs of the districts
 * before d.
 */
SCRUTIN_API size_t scrutin_tally_runoff_pairs(const scrutin_tally *tally);

/** The pairs of a district of @p n lists: n (n - 1) / 2. */
static inline size_t scrutin_tally_pair_count(size_t n)
{
    return n * (n - (n > 0)) / 2;
}

/** The pair of the lists at positions @p a < @p b within their district: b (b - 1) / 2 + a. */
static inline size_t scrutin_tally_pair_index(size_t a, size_t b)
{
    return scrutin_tally_pair_count(b) + a;
}
/**
 * Simulations in which the lists of pair @p pair met in a round 2 (*met;
 * with more than two finalists, every two of them meet), and those in which
 * the first of them, a, won it (*first_won), before the court.
 */
SCRUTIN_API void scrutin_tally_runoff(const scrutin_tally *tally, size_t pair, int64_t *met,
                                      int64_t *first_won);

#ifdef __cplusplus
}
#endif
#endif
