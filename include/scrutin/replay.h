/**
 * @file scrutin/replay.h
 * @brief Replay: the rules applied once to the observed votes and the
 *        court's actual decisions, with no randomness but ties drawn by lot.
 *        It must reproduce the published results.
 */
#ifndef SCRUTIN_REPLAY_H
#define SCRUTIN_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Stages of a replay's seat tables. */
typedef enum scrutin_replay_stage {
    SCRUTIN_REPLAY_ROUND1,      /**< seats won in round 1 */
    SCRUTIN_REPLAY_PROVISIONAL, /**< all seats, before the court's decisions after the vote */
    SCRUTIN_REPLAY_FINAL,       /**< all seats, after them */
    SCRUTIN_REPLAY_STAGES
} scrutin_replay_stage;

/** @return "round1", "provisional" or "final". */
SCRUTIN_API const char *scrutin_replay_stage_name(scrutin_replay_stage stage);

/** The outcome of a replay. Read-only for the caller; freed with scrutin_replay_free(). */
typedef struct scrutin_replay {
    size_t n_parties, n_coalitions, n_districts;
    unsigned *party_seats[SCRUTIN_REPLAY_STAGES];     /**< [stage][party] */
    unsigned *coalition_seats[SCRUTIN_REPLAY_STAGES]; /**< [stage][coalition] */
    size_t districts_round1, districts_round2;        /**< districts decided in each round */
    unsigned seats_round1, seats_round2;
    unsigned char *decided_round1;  /**< [district] 1 if decided in round 1 */
    long *winner_provisional;       /**< [district] winning list (model index) */
    long *winner_final;             /**< [district] winning list, -1 if the court ordered a re-run */
    size_t court_changes;           /**< districts whose winner the court changed */
    size_t ties;                    /**< districts where a tie was drawn by lot */
    size_t system;                  /**< the electoral system replayed (scrutin_model_system_id()) */
    /** scrutin_replay_run_partial(): districts that reach round 2 without a round-2 result
        (winner_final -1, final seats unfilled; winner_provisional -1 too, unless a court's
        strike of round-1 votes sent the district there), and their seats */
    size_t districts_unknown;
    unsigned seats_unknown;
    unsigned char *unknown; /**< [district] 1 if counted in districts_unknown */
} scrutin_replay;

/**
 * Replay the election of @p model.
 * @param[out] out  the outcome, owned by the caller
 * @param seed      seed of the lots that decide ties
 * @return 0, SCRUTIN_EINPUT if the data lack a figure the rules need
 *         (a list in round 2 without votes_r2), or SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_replay_run(scrutin_replay **out, const scrutin_model *model, uint64_t seed,
                                   scrutin_ctx *ctx);

/**
 * Replay the election of @p model under its electoral system @p system (0 to
 * scrutin_model_systems() - 1; scrutin_replay_run() replays system 0). The
 * observed votes are the same under every system; ties are drawn from the
 * stream (seed; system, district), so system 0's lots are those of
 * scrutin_replay_run(). A two-round system that sends to round 2 a list the
 * data have no round-2 votes for cannot be replayed: SCRUTIN_EINPUT, and the
 * message names the list and the system.
 * @return as scrutin_replay_run(), or SCRUTIN_EINVAL if @p system is out of range
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_replay_run_system(scrutin_replay **out, const scrutin_model *model,
                                          size_t system, uint64_t seed, scrutin_ctx *ctx);

/**
 * Replay partial results (docs/scenario-format.md): as scrutin_replay_run_system(), but a
 * district that reaches round 2 and has no round-2 result at all (no list with votes_r2, no
 * winner_r2) is not refused: its seats stay unfilled at every stage, its winners are -1, and it
 * is counted in districts_unknown and seats_unknown. Every other district is replayed as usual
 * (a published winner_r2 included).
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_replay_run_partial(scrutin_replay **out,
                                                             const scrutin_model *model,
                                                             size_t system, uint64_t seed,
                                                             scrutin_ctx *ctx);

/** Free a replay. NULL is a no-op. */
SCRUTIN_API void scrutin_replay_free(scrutin_replay *replay);

#ifdef __cplusplus
}
#endif
#endif
