/*
 * Stopping a long command (run, compare, sweep) with SIGINT or SIGTERM: the
 * signal sets a flag that the library polls between blocks of simulations
 * (scrutin_sim_options.stop), the command writes what was completed, marked
 * partial, and exits with the shell's 128 + the signal's number.
 */
#ifndef SCRUTIN_CLI_STOP_SIGNAL_H
#define SCRUTIN_CLI_STOP_SIGNAL_H

#include <signal.h>

/* The actions the signals had before cli_stop_catch(), put back by cli_stop_release(). */
typedef struct cli_stop_saved {
    struct sigaction action[2]; /* SIGINT, SIGTERM */
} cli_stop_saved;

/*
 * Catch SIGINT and SIGTERM until cli_stop_release(): the first one sets the
 * flag and puts the default action back, so that a second one ends the
 * program at once. A signal ignored on entry (a background job of a script,
 * nohup) stays ignored.
 */
void cli_stop_catch(cli_stop_saved *saved);
/* Put back the actions cli_stop_catch() found. */
void cli_stop_release(const cli_stop_saved *saved);
/*
 * Defer SIGINT and SIGTERM until cli_stop_release() (the write phase): a signal is recorded,
 * the writes finish whole (no temporary file left, docs/cli.md), then cli_finish() ends the
 * command with the signal's exit status. A signal ignored on entry stays ignored.
 */
void cli_stop_defer(cli_stop_saved *saved);
/* Whether a signal came while deferred. */
int cli_stop_deferred(void);
/* The flag, for scrutin_sim_options.stop: non-zero once a signal asked to stop. */
const volatile int *cli_stop_flag(void);
/* Whether a signal asked to stop. */
int cli_stop_requested(void);
/* The exit status of a command a signal stopped: 128 + its number (SIGINT: 130, SIGTERM: 143). */
int cli_stop_exit_status(void);

#endif
