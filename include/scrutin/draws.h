/**
 * @file scrutin/draws.h
 * @brief Every simulation of a run in a SQLite database (run --draws).
 *
 * Table `seats`: one row per simulation, stage and electoral system, with
 * the simulation's index, the stage, the system's id, and one column per
 * party (`party_ID`) and per coalition (`coalition_ID`): its seats. Table
 * `districts` (optional): one row per simulation, stage, system and
 * district, with the winning list and the deciding round. Tables `groups`
 * (each seats column's kind and id) and `meta` (key, value: the run's
 * scenario, hash, seed, simulations...). docs/cli.md gives the schema and
 * queries. Rows are inserted in one transaction through prepared statements,
 * into a temporary file renamed over the final one when it is complete.
 */
#ifndef SCRUTIN_DRAWS_H
#define SCRUTIN_DRAWS_H

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/model.h"
#include "scrutin/outcomes.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A draws database being written. */
typedef struct scrutin_draws scrutin_draws;

/** The value of meta's `format`, which marks a file as a draws database of scrutin. */
#define SCRUTIN_DRAWS_FORMAT "scrutin-draws 1"

/**
 * Start a draws database for runs of @p model at @p path. A file already at
 * @p path is replaced only if it is a draws database (its meta `format` is
 * SCRUTIN_DRAWS_FORMAT); anything else is refused, never overwritten.
 * @param districts  1: also the `districts` table
 * @param ctx        receives the diagnostics of this call and of the later ones
 * @return 0; SCRUTIN_EINVAL if @p path holds another file or its folder
 *         cannot be written; SCRUTIN_EIO; SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_draws_open(scrutin_draws **out, const char *path,
                                   const scrutin_model *model, int districts, scrutin_ctx *ctx);

/**
 * Insert a block of outcomes (a scrutin_outcomes_fn: pass the draws as its
 * data). @return 0 or SCRUTIN_EIO (with a diagnostic)
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_draws_add(const scrutin_outcomes *block, void *draws);

/**
 * Insert one simulation's rows: @p seats[stage][system][group] (groups: parties
 * then coalitions), and with the districts table @p winner[stage][system][district]
 * (a list index, SIZE_MAX for none) and @p round[system][district].
 * @return 0 or SCRUTIN_EIO
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_draws_add_rows(scrutin_draws *draws, uint64_t index,
                                       const unsigned *seats, const size_t *winner,
                                       const int *round);

/** Set meta's @p key to @p value. @return 0 or SCRUTIN_EIO */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_draws_meta(scrutin_draws *draws, const char *key, const char *value);

/**
 * Commit, close and rename the database to its path; frees @p draws.
 * @return 0 or SCRUTIN_EIO (the temporary file is then removed)
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_draws_commit(scrutin_draws *draws);

/** Close and remove the temporary file, leaving the path as it was; frees @p draws. */
SCRUTIN_API void scrutin_draws_abort(scrutin_draws *draws);

/** @return the path of the file being written (its temporary name), for a manifest. */
SCRUTIN_API const char *scrutin_draws_path(const scrutin_draws *draws);

#ifdef __cplusplus
}
#endif
#endif
