/* The progress bar of scrutin run, drawn on a terminal from the library's progress callback. */
#ifndef SCRUTIN_CLI_PROGRESS_H
#define SCRUTIN_CLI_PROGRESS_H

#include <stdint.h>
#include <stdio.h>

/* Seconds on a monotonic clock, for the progress bar's rate and for run.json's timings. */
double cli_now_seconds(void);

typedef struct cli_progress {
    FILE *out;        /* a terminal */
    double start;     /* when the simulations started */
    double last_draw; /* when the bar was last drawn */
    int drawn;        /* 1 once something is on the line */
} cli_progress;

/* Start the clock of a bar drawn on @p out. */
void cli_progress_start(cli_progress *p, FILE *out);

/*
 * A scrutin_progress_fn (data: the cli_progress): draws the bar, at most four
 * times a second, with the simulations done, their rate and the time left.
 */
void cli_progress_report(uint64_t done, uint64_t total, void *data);

/* Erase the bar, so that what follows starts on a clean line. */
void cli_progress_clear(cli_progress *p);

#endif
