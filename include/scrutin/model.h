/**
 * @file scrutin/model.h
 * @brief The compiled model: a scenario validated, its names resolved to
 *        indices and flattened into read-only arrays shared by every thread.
 */
#ifndef SCRUTIN_MODEL_H
#define SCRUTIN_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/rules.h"
#include "scrutin/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A compiled model. Opaque and read-only once compiled; freed with scrutin_model_free(). */
typedef struct scrutin_model scrutin_model;

/** The kinds of named entity a model holds. */
typedef enum scrutin_entity {
    SCRUTIN_ENTITY_PARTY,
    SCRUTIN_ENTITY_COALITION,
    SCRUTIN_ENTITY_REGION,
    SCRUTIN_ENTITY_DISTRICT,
    SCRUTIN_ENTITY_LIST
} scrutin_entity;

/**
 * Validate @p scenario and compile it. Every problem is recorded in @p ctx
 * with its file, line and field, and compiling goes on to find the others.
 * @param[out] out  the model, owned by the caller; NULL on failure
 * @return 0, SCRUTIN_EINPUT or SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_model_compile(scrutin_model **out, const scrutin_scenario *scenario,
                                      scrutin_ctx *ctx);

/** Free a model. NULL is a no-op. */
SCRUTIN_API void scrutin_model_free(scrutin_model *model);

/** @return how many entities of @p kind the model has. */
SCRUTIN_API size_t scrutin_model_count(const scrutin_model *model, scrutin_entity kind);

/** @return the id of entity @p i of @p kind (owned by the model), or NULL if out of range. */
SCRUTIN_API const char *scrutin_model_id(const scrutin_model *model, scrutin_entity kind, size_t i);

/**
 * @return the `name` of entity @p i of @p kind as the scenario gives it
 *         (owned by the model), or NULL if it has none or @p i is out of range.
 *         A list merged by a what-if has none: its id is new.
 */
SCRUTIN_API const char *scrutin_model_entity_name(const scrutin_model *model, scrutin_entity kind,
                                                  size_t i);

/** @return the coalition index of party @p party. */
SCRUTIN_API size_t scrutin_model_party_coalition(const scrutin_model *model, size_t party);

/** @return the district index of list @p list. */
SCRUTIN_API size_t scrutin_model_list_district(const scrutin_model *model, size_t list);

/** @return the coalition list @p list counts for: the one most of its candidates belong to. */
SCRUTIN_API size_t scrutin_model_list_coalition(const scrutin_model *model, size_t list);

/**
 * The parties of list @p list's candidates who can win its district's seats
 * (the first `seats` of them), each once, in candidate order.
 * @param parties  receives up to @p cap party indices (may be NULL if @p cap is 0)
 * @return how many parties the list has (possibly more than @p cap)
 */
SCRUTIN_API size_t scrutin_model_list_parties(const scrutin_model *model, size_t list,
                                              size_t *parties, size_t cap);

/** @return "party", "joint" or "independent": the list's kind, as in lists.csv. */
SCRUTIN_API const char *scrutin_model_list_kind(const scrutin_model *model, size_t list);

/**
 * @return 1 if list @p list runs: 0 if the court rejected it before the vote
 *         (`court.rejected`), or a what-if withdrew it or merged it into another.
 */
SCRUTIN_API int scrutin_model_list_runs(const scrutin_model *model, size_t list);

/** @return the region index of district @p district. */
SCRUTIN_API size_t scrutin_model_district_region(const scrutin_model *model, size_t district);

/** @return the seats of district @p district. */
SCRUTIN_API unsigned scrutin_model_district_seats(const scrutin_model *model, size_t district);

/** @return the total seats, the majority and the supermajority thresholds. */
SCRUTIN_API unsigned scrutin_model_seats(const scrutin_model *model);
SCRUTIN_API unsigned scrutin_model_majority(const scrutin_model *model);
SCRUTIN_API unsigned scrutin_model_supermajority(const scrutin_model *model);

/** @return how many electoral systems the scenario applies to the same votes (1 or more). */
SCRUTIN_API size_t scrutin_model_systems(const scrutin_model *model);
/** @return the id of system @p system (owned by the model), or NULL if out of range. */
SCRUTIN_API const char *scrutin_model_system_id(const scrutin_model *model, size_t system);
/** @return the rules of electoral system @p system, NULL if out of range. */
SCRUTIN_API const scrutin_rules *scrutin_model_system_rules(const scrutin_model *model,
                                                            size_t system);

/** @return the scenario's name (owned by the model). */
SCRUTIN_API const char *scrutin_model_name(const scrutin_model *model);
/**
 * @return a what-if's base: the file its `base` names, as the loader read it (owned by the
 *         model); NULL for a scenario that is not a what-if
 */
SCRUTIN_API const char *scrutin_model_base_path(const scrutin_model *model);
/** @return how many items the scenario's `changes` has, its bases' included (docs/whatifs.md) */
SCRUTIN_API size_t scrutin_model_changes(const scrutin_model *model);
/**
 * @return change @p i (0-based, in the order applied: the bases' first) in plain words, as
 *         "lists merged: the lists of ADEMA and URD run as one joint list in every district"
 *         (owned by the model), or NULL if out of range
 */
SCRUTIN_API const char *scrutin_model_change_words(const scrutin_model *model, size_t i);
/** @return the scenario's `title` and `description` (a what-if's, else its base's), or NULL. */
SCRUTIN_API const char *scrutin_model_title(const scrutin_model *model);
SCRUTIN_API const char *scrutin_model_description(const scrutin_model *model);
/**
 * @return the model's fingerprint: a 64-bit hash, computed when it was
 *         compiled, of everything a simulation reads of it (its entities and
 *         ids, districts, lists, votes, rules, systems and parameters). A tally
 *         records the fingerprint of the model it was made for, and every
 *         function given both checks that they agree.
 */
SCRUTIN_API uint64_t scrutin_model_fingerprint(const scrutin_model *model);

/**
 * Partial results (docs/scenario-format.md): the round-1 votes of district @p district's lists
 * the scenario does not describe (its `other_votes`; 0 if none or out of range).
 */
SCRUTIN_API double scrutin_model_other_votes(const scrutin_model *model, size_t district);

/**
 * @return the published round-2 winner of @p district given without votes (its `winner_r2`), a
 *         list index of the model, or -1 if none
 */
SCRUTIN_API long scrutin_model_winner_r2(const scrutin_model *model, size_t district);

/**
 * @return 1 if the data cannot show that the lists the scenario describes include those that
 *         reach round 2 in @p district (under a system without round 2: the winner): it has
 *         `other_votes` at least equal to the votes of the last described list that would go
 *         to round 2, no described list with a round-1 majority of all the valid votes, and no
 *         round-2 result (votes or `winner_r2`). 0 otherwise.
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_model_other_votes_doubt(const scrutin_model *model, size_t district);

#ifdef __cplusplus
}
#endif
#endif
