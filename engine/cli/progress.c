/*
 * The progress bar: one line on standard error, redrawn in place with a
 * carriage return. The library only reports counts through its callback;
 * drawing, and how often, is the command's business.
 */
#include "progress.h"

#include <time.h>

/* Redraw at most this often: faster is flicker, and costs the terminal time. */
#define REDRAW_SECONDS 0.25
#define BAR_WIDTH 24

double cli_now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void cli_progress_start(cli_progress *p, FILE *out)
{
    p->out = out;
    p->start = cli_now_seconds();
    p->last_draw = 0.0;
    p->drawn = 0;
}

/* "1:05:09", "5:09" or "9s". */
static void format_duration(char *buf, size_t size, double seconds)
{
    unsigned long s = seconds > 0.0 && seconds < 1e9 ? (unsigned long)(seconds + 0.5) : 0;
    if (s >= 3600)
        snprintf(buf, size, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
    else if (s >= 60)
        snprintf(buf, size, "%lu:%02lu", s / 60, s % 60);
    else
        snprintf(buf, size, "%lus", s);
}

void cli_progress_report(uint64_t done, uint64_t total, void *data)
{
    cli_progress *p = data;
    double now = cli_now_seconds();
    if (done < total && now - p->last_draw < REDRAW_SECONDS)
        return;
    p->last_draw = now;
    double fraction = total ? (double)done / (double)total : 1.0;
    char bar[BAR_WIDTH + 1];
    int filled = (int)(fraction * BAR_WIDTH);
    for (int i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < filled ? '#' : '-';
    bar[BAR_WIDTH] = '\0';
    double elapsed = now - p->start;
    double rate = elapsed > 0.0 ? (double)done / elapsed : 0.0;
    char left[32] = "?";
    if (rate > 0.0)
        format_duration(left, sizeof left, (double)(total - done) / rate);
    /* \033[K erases what a longer previous line left on the right. */
    fprintf(p->out, "\r[%s] %llu/%llu simulations  %.0f/s  %s left\033[K", bar,
            (unsigned long long)done, (unsigned long long)total, rate, left);
    fflush(p->out);
    p->drawn = 1;
}

void cli_progress_clear(cli_progress *p)
{
    if (!p->drawn)
        return;
    fputs("\r\033[K", p->out);
    fflush(p->out);
    p->drawn = 0;
}
