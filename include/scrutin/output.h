/**
 * @file scrutin/output.h
 * @brief An output folder held by one run: refused if it holds an input,
 *        locked, cleaned of what an earlier run left, and described by a
 *        manifest written last.
 *
 * A run (run, compare, sweep) opens its folder with scrutin_output_open()
 * before it simulates, writes its files with the usual writers
 * (scrutin_run_write(), scrutin_run_plot(), scrutin_compare_write(), ...)
 * given the same folder name, and ends with scrutin_output_close(). While
 * the folder is open:
 * - every file the library writes into it (or into its `plots/`) is written
 *   under a temporary name, renamed when complete, and recorded in the
 *   manifest with its size and checksum; a file written by someone else
 *   (gnuplot's images) is recorded with scrutin_output_add();
 * - the run's index document (run.json, compare.json or sweep.json) is held
 *   back, and written by scrutin_output_close() with the manifest in it, after
 *   every other file: a folder whose files do not match its index's manifest,
 *   or that has none, holds an interrupted run;
 * - a lock (`flock` on the file `.scrutin.lock` in the folder, which holds the
 *   process id) keeps any other run out of it.
 *
 * Opening the folder removes the temporary files a killed run left in it;
 * closing it removes the files an earlier run wrote (those of its manifest)
 * that this run did not write again. Nothing else in the folder is touched.
 */
#ifndef SCRUTIN_OUTPUT_H
#define SCRUTIN_OUTPUT_H

#include <stddef.h>

#include "scrutin/error.h"
#include "scrutin/export.h"
#include "scrutin/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The lock file of an output folder, present while a run holds it (or after one was killed). */
#define SCRUTIN_OUTPUT_LOCK ".scrutin.lock"

/** An output folder held by a run. */
typedef struct scrutin_output scrutin_output;

#define SCRUTIN_OUTPUT_OPTIONS_VERSION 1

/** Options of scrutin_output_open(). Initialise with SCRUTIN_OUTPUT_OPTIONS_INIT. */
typedef struct scrutin_output_options {
    unsigned version; /**< SCRUTIN_OUTPUT_OPTIONS_VERSION */
    /** The scenarios the run reads: a folder holding any of their files (their YAML files,
        the bases of a what-if, their tables) is refused. */
    const scrutin_scenario *const *inputs;
    size_t n_inputs;
} scrutin_output_options;

#define SCRUTIN_OUTPUT_OPTIONS_INIT {SCRUTIN_OUTPUT_OPTIONS_VERSION, NULL, 0}

/**
 * Take the folder @p dir for one run: refuse it if it holds an input of
 * @p options->inputs (or its `plots/` does), create it with its parents,
 * lock it, and remove the temporary files a killed run left in it.
 * @return 0; SCRUTIN_EINVAL (bad input) with a diagnostic naming the folder
 *         if it holds an input, cannot be created or written, or is locked
 *         by another run (the diagnostic names its process); SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_output_open(scrutin_output **out, const char *dir,
                                                      const scrutin_output_options *options,
                                                      scrutin_ctx *ctx);

/** @return the folder's name, as given to scrutin_output_open(). */
SCRUTIN_API const char *scrutin_output_dir(const scrutin_output *output);

/**
 * @return the index file (run.json, compare.json, sweep.json) of the earlier
 *         run whose results this run replaces, or NULL if the folder held none.
 */
SCRUTIN_API const char *scrutin_output_replaces(const scrutin_output *output);

/**
 * Record in the manifest a file that was written into the folder by someone
 * else than the library (gnuplot's images): @p name is relative to the
 * folder (`plots/seats.svg`). The file should have been written under a
 * temporary name and renamed, as the library does.
 * @return 0; SCRUTIN_EIO if it cannot be read (the diagnostic names it);
 *         SCRUTIN_EINVAL for a name outside the folder; SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_output_add(scrutin_output *output, const char *name,
                                                     scrutin_ctx *ctx);

/**
 * End the run: write the index document with its manifest (if a writer gave
 * one), remove the files of the earlier run that this one did not write,
 * release the lock and free @p output. Without an index document the folder
 * is left as scrutin_output_abandon() leaves it.
 * @return 0, SCRUTIN_EIO (the index could not be written: the diagnostic
 *         names it), SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_output_close(scrutin_output *output, scrutin_ctx *ctx);

/**
 * End a run that failed or was stopped while writing: no index is written,
 * the earlier run's index (if any) stays and no longer matches the folder,
 * and the lock file is left in place (unlocked) as a mark of the interrupted
 * run, for the next run into the folder to clean up. Frees @p output; NULL
 * is accepted.
 */
SCRUTIN_API void scrutin_output_abandon(scrutin_output *output);

#ifdef __cplusplus
}
#endif
#endif
