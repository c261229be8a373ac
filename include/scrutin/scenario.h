/**
 * @file scrutin/scenario.h
 * @brief Loading a scenario: a YAML file and the CSV tables it names.
 *
 * A scenario holds named entities as the files give them (parties,
 * coalitions, regions, districts, lists, rules, the court's decisions).
 * It is checked for syntax and types here; references between entities are
 * resolved and checked by scrutin_model_compile(). A what-if file inherits a
 * base scenario and overrides parts of it (docs/whatifs.md).
 */
#ifndef SCRUTIN_SCENARIO_H
#define SCRUTIN_SCENARIO_H

#include "scrutin/error.h"
#include "scrutin/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A loaded scenario. Opaque; freed with scrutin_scenario_free(). */
typedef struct scrutin_scenario scrutin_scenario;

/**
 * Load a scenario file and the tables it references.
 * A file that names a `base` is a what-if: it is merged over its base (and
 * the base over its own, and so on) before it is read (docs/whatifs.md);
 * every message still names the file and line a value came from.
 * Every problem found is recorded in @p ctx with its file, line and field;
 * loading goes on after a bad row so that one call reports them all.
 * @param[out] out  the scenario, owned by the caller; NULL on failure
 * @param path      the scenario's YAML file
 * @param ctx       error context that receives the diagnostics
 * @return 0, SCRUTIN_ENOENT, SCRUTIN_ESYNTAX, SCRUTIN_EINPUT or SCRUTIN_ENOMEM.
 *         On SCRUTIN_EINPUT (bad cells in the tables) @p *out may still hold the
 *         scenario as far as it could be read, so that compiling it reports the
 *         remaining problems too; it must then be freed, and must not be run.
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_scenario_load(scrutin_scenario **out, const char *path, scrutin_ctx *ctx);

/**
 * One value set on top of a scenario, as if a what-if file set it
 * (docs/whatifs.md): @c path is a dotted path of keys, with [N] for the
 * N-th (0-based) item of a sequence (`model.sd_list`, `changes[0].shift.points`);
 * @c value is the YAML scalar to put there (`0.3`, `false`). Keys that are
 * missing on the way are created, so a section the scenario leaves to its
 * defaults can be set too.
 */
typedef struct scrutin_scenario_setting {
    const char *path;
    const char *value;
} scrutin_scenario_setting;

/**
 * Load a scenario, then set @p n values on it, in order (scrutin sweep).
 * Messages about a set value name it as the file "PATH=VALUE".
 * @param settings  borrowed for the duration of the call
 * @return as scrutin_scenario_load(); SCRUTIN_EINPUT also for a path that
 *         cannot be followed (through a value that is not a mapping, or past
 *         the end of a sequence)
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_scenario_load_with(scrutin_scenario **out, const char *path,
                                           const scrutin_scenario_setting *settings, size_t n,
                                           scrutin_ctx *ctx);

/** Free a scenario. NULL is a no-op. */
SCRUTIN_API void scrutin_scenario_free(scrutin_scenario *scenario);

/** @return the scenario's `name` (owned by the scenario). */
SCRUTIN_API const char *scrutin_scenario_name(const scrutin_scenario *scenario);

/** @return the path the scenario was loaded from (owned by the scenario). */
SCRUTIN_API const char *scrutin_scenario_path(const scrutin_scenario *scenario);

/**
 * The scenario's content hash (32 lower-case hexadecimal digits), computed as it was loaded
 * from the bytes read (each file is read once): XXH3-128 of its YAML file (for a what-if, of
 * its file and its bases) and of its two tables, combined. "" if a table could not be read.
 */
SCRUTIN_API const char *scrutin_scenario_hash(const scrutin_scenario *scenario);

#ifdef __cplusplus
}
#endif
#endif
