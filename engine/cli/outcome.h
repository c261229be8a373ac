/*
 * How a simulating command (run, compare, sweep) ends: who says why it
 * failed, and which exit status it returns. One place, so that the three
 * commands report and exit alike (docs/cli.md, "Exit status").
 */
#ifndef SCRUTIN_CLI_OUTCOME_H
#define SCRUTIN_CLI_OUTCOME_H

#include "plot_render.h"
#include "scrutin.h"

typedef struct cli_outcome {
    int status;              /* the library status, agreed by every rank */
    int reporter;            /* the rank whose diagnostics say why it failed */
    int interrupted;         /* a stop signal ended the simulations early */
    cli_render_result drawn; /* what became of the plots asked for */
    const char *doing;       /* the step that failed ("writing the results"); NULL: "running" */
} cli_outcome;

/* Nothing to write: say so when a signal came before the first simulation was completed. */
void cli_say_nothing_written(const char *command);

/*
 * Report a failure of @p o (the failing rank prints its diagnostics; rank 0
 * names a failure of another rank) and @return the exit status: 0; 2 for
 * bad input; 1 for a failure while running or for gnuplot failing on a plot
 * (gnuplot missing is not a failure: the plots wait, and the message said
 * how to draw them); 128 + the signal's number when a signal stopped the
 * run and what was completed was written.
 */
int cli_finish(const char *command, const cli_outcome *o, const scrutin_ctx *ctx);

#endif
