/**
 * @file scrutin/import.h
 * @brief New scenarios: a commented template (scrutin init), and a scenario made from a
 *        results table (scrutin import). docs/scenario-format.md, "Importing a results table".
 *
 * Neither overwrites a scenario: a folder that exists and is not empty is refused unless
 * @p force, and then only the scenario's three files are written in it (scenario.yaml,
 * districts.csv, lists.csv), each under a temporary name renamed once complete.
 */
#ifndef SCRUTIN_IMPORT_H
#define SCRUTIN_IMPORT_H

#include "scrutin/error.h"
#include "scrutin/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write a small commented scenario (three districts, three parties, two coalitions, a
 * what-if) into @p dir, created if missing, that validates and runs as it is.
 * @return 0; SCRUTIN_EINPUT if @p dir is not empty (and not @p force) or is not a folder;
 *         SCRUTIN_EIO if a file cannot be written
 */
SCRUTIN_API int scrutin_init_scenario(const char *dir, int force, scrutin_ctx *ctx);

/**
 * Make a scenario from the results table @p results (one row per district and list; ',' or
 * ';' between cells, decimal commas in a ';' table) into @p dir, created if missing.
 * @param name  the scenario's name (an id), or NULL: one made from @p dir's last component
 * @return 0; SCRUTIN_EINPUT (every problem reported, at the table's rows) or SCRUTIN_ENOENT
 *         for bad input, nothing then written; SCRUTIN_EIO, SCRUTIN_ENOMEM
 */
SCRUTIN_API int scrutin_import_results(const char *results, const char *dir, const char *name,
                                       int force, scrutin_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
