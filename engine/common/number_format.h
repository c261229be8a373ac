/*
 * Numbers as text for the output files: the shortest decimal that reads
 * back as the same double, with '.' as the decimal point whatever the locale.
 */
#ifndef SCRUTIN_COMMON_NUMBER_FORMAT_H
#define SCRUTIN_COMMON_NUMBER_FORMAT_H

#include <locale.h>
#include <stddef.h>

/* Room for any double written by report_format_double(), NUL included. */
#define REPORT_NUMBER_SIZE 32

/*
 * Write @p v into @p buf: the first of %.15g, %.16g and %.17g that strtod()
 * reads back as @p v exactly (so 0.1 is "0.1", 1/3 "0.3333333333333333").
 * Negative zero is written "0"; NaN and infinities as the empty string, since
 * CSV has no standard spelling for them. Uses the calling thread's locale:
 * call it between report_locale_enter() and report_locale_leave().
 * @return the length written
 */
size_t report_format_double(char buf[REPORT_NUMBER_SIZE], double v);

/*
 * The "C" numeric conventions for the calling thread only, without touching
 * the process's locale (the library never calls setlocale: a program that
 * embeds it may have its own). uselocale() is per thread, so other threads
 * of the program are not affected.
 */
typedef struct report_locale {
    locale_t c;
    locale_t previous;
} report_locale;

/* @return 0 or SCRUTIN_ENOMEM */
int report_locale_enter(report_locale *l);
/* Restore the thread's previous locale. Safe after a failed enter. */
void report_locale_leave(report_locale *l);

#endif
