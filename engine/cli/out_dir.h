/* The output folder of the commands that simulate (run, compare, sweep). */
#ifndef SCRUTIN_CLI_OUT_DIR_H
#define SCRUTIN_CLI_OUT_DIR_H

#include "scrutin.h"

/* results/NAMESUFFIX, NAME being the scenario's name; freed by the caller, NULL if out of memory. */
char *cli_default_out_dir(const scrutin_model *model, const char *suffix);

/*
 * compare's default folder, named for the set of scenarios compared:
 * results/BASE-vs-A+B... from the models' names, or, when that is too long
 * for a file name, results/BASE-vs-HASH (the hash of the names, in order).
 * Freed by the caller; NULL if out of memory.
 */
char *cli_default_compare_dir(const scrutin_model *const *models, size_t n);

/*
 * Take the output folder for this run (scrutin_output_open(): refused if it
 * holds one of the @p n scenarios' files, or another run holds it). On every
 * rank but 0, which alone writes, *out is NULL and nothing is done.
 * @return a library status
 */
int cli_output_open(scrutin_output **out, const char *dir, const scrutin_scenario *const *inputs,
                    size_t n, scrutin_ctx *ctx);

/* Record in the manifest the images gnuplot drew of the plots @p names (NULL @p output: nothing). */
int cli_output_add_images(scrutin_output *output, const char *const *names, size_t n,
                          scrutin_ctx *ctx);

/*
 * Record in the manifest the file @p path (another file the run wrote, such as
 * the --draws database) if it lies directly in the output folder; nothing if
 * it lies elsewhere (or @p output is NULL). @return a library status
 */
int cli_output_add_path(scrutin_output *output, const char *path, scrutin_ctx *ctx);

/*
 * End the run's hold on its folder: after a run whose files were all written
 * (@p status 0), write its index with the manifest, remove an earlier run's
 * stale files and say on standard error, in one line, when an earlier run's
 * results were replaced; after a failure, abandon it. @return @p status, or
 * the failure to close.
 */
int cli_output_end(scrutin_output *output, const char *command, int status, scrutin_ctx *ctx);

#endif
