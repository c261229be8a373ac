/**
 * @file scrutin/outcomes.h
 * @brief The outcomes of single simulations, and conditions on them.
 *
 * A run can hand the outcome of every simulation to its caller (the draws
 * database, docs/cli.md "--draws"), and count only the simulations that
 * meet known results (election night, "--given"). An outcome is what one
 * simulated election gave: every party's and coalition's seats, and each
 * district's seats per list and deciding round, at both stages and under
 * every electoral system. Outcomes are recorded in fixed buffers allocated
 * before the simulations; they are handed over in simulation-index order,
 * in blocks, on one thread, whatever the number of threads.
 */
#ifndef SCRUTIN_OUTCOMES_H
#define SCRUTIN_OUTCOMES_H

#include <stddef.h>
#include <stdint.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/model.h"
#include "scrutin/tally.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Consecutive outcomes of a run (the matching ones only, under a condition). Read-only. */
typedef struct scrutin_outcomes scrutin_outcomes;

/** @return how many outcomes the block holds. */
SCRUTIN_API size_t scrutin_outcomes_count(const scrutin_outcomes *block);
/**
 * @return one past the last simulation index the block covers: under a
 *         condition, the simulations before it that are not in the block did not match.
 */
SCRUTIN_API uint64_t scrutin_outcomes_end(const scrutin_outcomes *block);
/** @return the simulation index of outcome @p k of the block (increasing with @p k). */
SCRUTIN_API uint64_t scrutin_outcomes_index(const scrutin_outcomes *block, size_t k);
/**
 * @return the seats of every group in outcome @p k, at @p stage under
 *         electoral system @p system: parties first, then coalitions, in the
 *         model's order (scrutin_model_count() of each).
 */
SCRUTIN_API const unsigned *scrutin_outcomes_seats(const scrutin_outcomes *block, size_t k,
                                                   scrutin_stage stage, size_t system);
/**
 * @return the list that won district @p district in outcome @p k, at @p stage
 *         under @p system: the one with the most of its seats (of lists with
 *         equally many, the first in the district's order), as a model list
 *         index; SIZE_MAX if no list won a seat (nobody ran).
 */
SCRUTIN_API size_t scrutin_outcomes_winner(const scrutin_outcomes *block, size_t k,
                                           scrutin_stage stage, size_t system, size_t district);
/** @return the seats list @p list won in outcome @p k, at @p stage under @p system. */
SCRUTIN_API unsigned scrutin_outcomes_list_seats(const scrutin_outcomes *block, size_t k,
                                                 scrutin_stage stage, size_t system, size_t list);
/**
 * @return the round that decided district @p district in outcome @p k under
 *         @p system: 1 or 2, 0 if no list ran. It is the round of the vote;
 *         a re-run ordered by the court is not counted as a round.
 */
SCRUTIN_API int scrutin_outcomes_round(const scrutin_outcomes *block, size_t k, size_t system,
                                       size_t district);
/**
 * @return 1 if group @p group of @p kind won at least one of district
 *         @p district's seats in outcome @p k, at @p stage under @p system
 *         (a coalition: through any of its parties).
 */
SCRUTIN_API int scrutin_outcomes_holds(const scrutin_outcomes *block, size_t k,
                                       scrutin_stage stage, size_t system, size_t district,
                                       scrutin_group_kind kind, size_t group);

/**
 * Receives the outcomes of a run, block after block in simulation-index
 * order, on one thread, between the simulations. @return 0 to go on, or a
 * negative SCRUTIN_E* status that stops the run with that status.
 */
typedef int (*scrutin_outcomes_fn)(const scrutin_outcomes *block, void *data);

/** One known result: a list won a district, or a group won a seat in it. */
typedef struct scrutin_given_item {
    size_t district;
    int holds;                /**< 0: list @c what is the district's winner; 1: group @c what
                                   of @c kind won at least one seat there */
    scrutin_group_kind kind;  /**< with holds: party or coalition */
    size_t what;              /**< a list index (of the district) or a group index */
    scrutin_stage stage;      /**< SCRUTIN_STAGE_FINAL unless "provisional:" */
    size_t system;            /**< the electoral system it is known under */
    const char *text;         /**< as written, for messages (borrowed) */
} scrutin_given_item;

/**
 * Read one known result, as `run --given` takes it: `DISTRICT=LIST` (the list
 * won the district), `DISTRICT:GROUP` (the party or coalition, a party's id
 * first, won at least one of its seats), either prefixed `provisional:` for the
 * result before the court's decisions after the vote (else final).
 * @param text     borrowed: @p out->text points into it
 * @param system   the electoral system it is known under (an index of the model)
 * @return 0, or SCRUTIN_EINPUT with a diagnostic naming @p text and the id
 *         that is unknown, with the ids it could have meant (a list of another
 *         district names its district), or saying why no simulation can meet
 *         it, with what it could be instead: a list that does not run (rejected
 *         by the court before the vote, withdrawn or merged by a what-if), a
 *         party or coalition without a candidate who can be elected on a list
 *         that runs in the district
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_given_parse(scrutin_given_item *out, const scrutin_model *model,
                                    const char *text, size_t system, scrutin_ctx *ctx);

/**
 * Check that some simulation could meet the @p n results together (each read
 * by scrutin_given_parse()): two winners of one district under one system
 * cannot both hold at one stage, nor at different stages without the random
 * court (the final winner is then the provisional one); nor can the winner of
 * a district of one seat and a party or coalition that its candidate is not of.
 * @return 0, or SCRUTIN_EINPUT with a diagnostic naming both results
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_given_check(const scrutin_given_item *items, size_t n,
                                                      const scrutin_model *model, scrutin_ctx *ctx);

/** @return 1 if outcome @p k of @p block meets every one of the @p n items. */
SCRUTIN_API int scrutin_given_match(const scrutin_given_item *items, size_t n,
                                    const scrutin_outcomes *block, size_t k);

#ifdef __cplusplus
}
#endif
#endif
