/* Drawing the plots the library wrote: gnuplot runs each script, when it is on the PATH. */
#ifndef SCRUTIN_CLI_PLOT_RENDER_H
#define SCRUTIN_CLI_PLOT_RENDER_H

#include <stddef.h>

/* What became of the plots. */
typedef enum cli_render_result {
    CLI_RENDER_DONE,       /* every script was drawn: NAME.svg and NAME.png exist */
    CLI_RENDER_NO_GNUPLOT, /* gnuplot is not on the PATH: the data and the scripts wait */
    CLI_RENDER_FAILED      /* gnuplot failed on a script (it said why on standard error) */
} cli_render_result;

/*
 * Run `gnuplot OUT/plots/NAME.gp` for each of @p names whose script exists,
 * one after the other, without a shell. When gnuplot is missing or fails,
 * say so on standard error, prefixed with "scrutin COMMAND: ", with the
 * command that draws the plots later.
 */
cli_render_result cli_render_plots(const char *command, const char *out_dir,
                                   const char *const *names, size_t n);

#endif
