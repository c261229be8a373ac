/*
 * Stopping: a signal sets the flag that the library polls between blocks of
 * simulations, and puts the default action back, so that a second Ctrl-C
 * ends the program at once. Both calls are async-signal-safe.
 */
#include "stop_signal.h"

#include <string.h>

/* volatile int, not sig_atomic_t: the library reads it through a const volatile int *. */
static volatile int stop_requested;
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    stop_signal = sig;
    stop_requested = 1;
    signal(sig, SIG_DFL);
}

static const int stop_signals[2] = {SIGINT, SIGTERM};

/*
 * While the results are written (cli_stop_defer): a signal is only recorded, and the writes
 * finish, so that no temporary file is left and the folder stays whole; the command then ends
 * with the signal's exit status.
 */
static volatile sig_atomic_t deferred;

static void on_deferred_signal(int sig)
{
    stop_signal = sig;
    deferred = 1;
}

void cli_stop_defer(cli_stop_saved *saved)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_deferred_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART; /* the writes go on: no EINTR in the middle of one */
    for (int i = 0; i < 2; i++) {
        sigaction(stop_signals[i], &sa, &saved->action[i]);
        if (saved->action[i].sa_handler == SIG_IGN)
            sigaction(stop_signals[i], &saved->action[i], NULL);
    }
}

int cli_stop_deferred(void) { return deferred != 0; }

void cli_stop_catch(cli_stop_saved *saved)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < 2; i++) {
        sigaction(stop_signals[i], &sa, &saved->action[i]);
        /* A signal ignored on entry (a background job of a script, nohup) stays ignored. */
        if (saved->action[i].sa_handler == SIG_IGN)
            sigaction(stop_signals[i], &saved->action[i], NULL);
    }
}

void cli_stop_release(const cli_stop_saved *saved)
{
    for (int i = 0; i < 2; i++)
        sigaction(stop_signals[i], &saved->action[i], NULL);
}

const volatile int *cli_stop_flag(void) { return &stop_requested; }

int cli_stop_requested(void) { return stop_requested != 0; }

int cli_stop_exit_status(void) { return 128 + (stop_signal ? (int)stop_signal : SIGINT); }
