/* The shortest round-trip decimal of a double, locale-independently. */
#include "number_format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "scrutin/error.h"

size_t report_format_double(char buf[REPORT_NUMBER_SIZE], double v)
{
    if (!isfinite(v)) {
        buf[0] = '\0';
        return 0;
    }
    if (v == 0.0)
        v = 0.0; /* -0.0 compares equal to 0.0: write it as "0" */
    int n = 0;
    /* 17 significant digits always round-trip a binary64; fewer often do, and read better. */
    for (int digits = 15; digits <= 17; digits++) {
        n = snprintf(buf, REPORT_NUMBER_SIZE, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return n > 0 ? (size_t)n : 0;
}

int report_locale_enter(report_locale *l)
{
    l->previous = (locale_t)0;
    l->c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    if (l->c == (locale_t)0)
        return SCRUTIN_ENOMEM;
    l->previous = uselocale(l->c);
    return SCRUTIN_OK;
}

void report_locale_leave(report_locale *l)
{
    if (l->c == (locale_t)0)
        return;
    uselocale(l->previous);
    freelocale(l->c);
    l->c = (locale_t)0;
}
