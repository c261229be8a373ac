/* The scrutin command: shared helpers of its subcommands. */
#ifndef SCRUTIN_CLI_H
#define SCRUTIN_CLI_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "scrutin.h"

/* Exit statuses, documented in docs/cli.md and scrutin --help. run, compare and sweep also
   exit with 128 + the signal's number when a signal stops them (130 for SIGINT). */
enum { EXIT_OK = 0, EXIT_FAILURE_RUN = 1, EXIT_BAD_INPUT = 2 };

/* Print every diagnostic of @p ctx to stderr, prefixed by "scrutin: ". */
void cli_print_diagnostics(const scrutin_ctx *ctx);
/* Exit status for a library status: 2 for bad input, 1 for a failure while running. */
int cli_exit_status(int status);
/*
 * Say "scrutin COMMAND: out of memory while DOING" on standard error (the cause and what was
 * being done: never a silent exit). @return EXIT_FAILURE_RUN
 */
int cli_out_of_memory(const char *command, const char *doing);
/*
 * Report a failed step: its diagnostics, then, out of memory, cli_out_of_memory's line, or,
 * with no diagnostic at all, the status's text (never a silent exit). @return the exit status
 */
int cli_fail(const char *command, int status, const scrutin_ctx *ctx, const char *doing);
/* Keep the command line (main's argc, argv) for cli_command_line(). @return 0, -1 out of memory */
int cli_command_line_set(int argc, char **argv);
/* "scrutin run ...", each word quoted as a shell needs it; NULL if it could not be kept. */
const char *cli_command_line(void);
/*
 * Replay @p model's systems as scrutin replay would; if replay would refuse it, say why on
 * standard error as a note (replay_note.c). @return 0 or SCRUTIN_ENOMEM
 */
int cli_note_replay(const char *command, const char *path, const scrutin_model *model);
/* Load and compile a scenario; on failure print why and return the exit status (else 0). */
int cli_load_model(const char *path, scrutin_scenario **scenario, scrutin_model **model,
                   scrutin_ctx *ctx);
/* Parse a seed: a decimal integer from 0 to 2^64-1, digits only (no sign, no space). */
int cli_parse_seed(const char *text, uint64_t *seed);
/* Parse a finite decimal number, strictly (no space, no hexadecimal). @return 0 or -1 */
int cli_parse_real(const char *text, double *out);
/* The options run, compare and sweep share, with their defaults (CLI_COMMON_ARGS_INIT). */
typedef struct cli_common_args {
    uint64_t simulations, seed;
    int threads;
    const char *out; /* NULL: results/NAME... */
    scrutin_format format;
    int progress, quiet, plots;
} cli_common_args;
#define CLI_COMMON_ARGS_INIT {10000, 1, 0, NULL, SCRUTIN_FORMAT_TABLE, 1, 0, 0}

/* getopt_long() values of the shared options without a letter; a command's own start after. */
enum { CLI_OPT_NO_PROGRESS = 256, CLI_OPT_PLOTS, CLI_OPT_OWN };
/* The getopt_long() rows and short letters of the options cli_shared_option() reads. */
#define CLI_SHARED_LONG_OPTIONS                                                                    \
    {"simulations", required_argument, NULL, 'n'}, {"seed", required_argument, NULL, 's'},        \
        {"threads", required_argument, NULL, 't'}, {"out", required_argument, NULL, 'o'},         \
        {"format", required_argument, NULL, 'f'},                                                 \
        {"no-progress", no_argument, NULL, CLI_OPT_NO_PROGRESS},                                  \
        {"plots", no_argument, NULL, CLI_OPT_PLOTS}, {"quiet", no_argument, NULL, 'q'}
#define CLI_SHARED_SHORT_OPTIONS "n:s:t:o:f:q"
/* cli_shared_option(): @p c is not one of the shared options. */
#define CLI_NOT_SHARED (-2)
/*
 * The options run, compare and sweep share: -n/--simulations, -s/--seed,
 * -t/--threads, -o/--out, -f/--format, --no-progress, --plots, -q/--quiet.
 * Checks option @p c's argument and stores it in @p a. @return -1 if stored,
 * CLI_NOT_SHARED if @p c is another option, or the exit status after a
 * message about a bad value.
 */
int cli_shared_option(const char *command, int c, const char *arg, cli_common_args *a);
/*
 * The kernel's vector path that the environment variable SCRUTIN_SIMD asks
 * for (avx512, avx2 or portable; unset or empty: the best this CPU runs) into
 * cli_simd()'s answer. @return -1, or EXIT_BAD_INPUT after a message when it
 * names no path or one this CPU or build cannot run.
 */
int cli_simd_read(void);
/* The path cli_simd_read() found: for scrutin_sim_options.simd. */
scrutin_simd cli_simd(void);
int cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Partial results (partial_notes.c): warn on stderr where other_votes leave round 2 in doubt
 * (@return how many districts), and note how often the run agrees with each winner_r2.
 */
size_t cli_warn_other_votes(const char *command, const char *path, const scrutin_model *m);
void cli_note_published_winners(const char *command, const scrutin_model *m,
                                const scrutin_summary *s);

struct option;
/*
 * The exit status after getopt_long found an option not in @p options: a usage error, with
 * the long option nearest to the one given ("did you mean --format?").
 */
int cli_bad_option(const char *command, const struct option *options, int argc, char **argv);

int cmd_compare(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_replay(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_validate(int argc, char **argv);

#endif
