/* The end of run, compare and sweep: one way to report a failure and to choose the exit status. */
#include <stdio.h>

#include "cli.h"
#include "distributed.h"
#include "outcome.h"
#include "stop_signal.h"

void cli_say_nothing_written(const char *command)
{
    fprintf(stderr,
            "scrutin %s: interrupted before any simulation was completed; nothing written\n",
            command);
}

int cli_finish(const char *command, const cli_outcome *o, const scrutin_ctx *ctx)
{
    int failed = o->status != SCRUTIN_OK && o->status != SCRUTIN_EINTR;
    if (failed) {
        if (o->reporter == dist_rank())
            cli_fail(command, o->status, ctx, o->doing ? o->doing : "running");
        else if (dist_is_root())
            fprintf(stderr, "scrutin %s: rank %d failed: %s\n", command, o->reporter,
                    scrutin_strerror(o->status));
    }
    int rc = cli_exit_status(o->status);
    if (rc == EXIT_OK && o->drawn == CLI_RENDER_FAILED)
        rc = EXIT_FAILURE_RUN;
    /* Stopped by a signal: the shell's convention, 128 + the signal's number (SIGINT: 130). */
    if (o->interrupted && !failed)
        rc = cli_stop_exit_status();
    /* A signal while the results were written: they were written whole first (cli_stop_defer). */
    if (!o->interrupted && cli_stop_deferred()) {
        fprintf(stderr, "scrutin %s: stopped by a signal while the results were written: they "
                        "were written whole first\n", command);
        if (!failed)
            rc = cli_stop_exit_status();
    }
    return rc;
}
