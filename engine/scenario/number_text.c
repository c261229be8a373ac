/* The one reader of numbers written in a scenario (number_text.h). */
#include "number_text.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2^53: beyond it, not every whole number is exact as a double. */
#define WHOLE_MAX 9007199254740992.0

static number_problem whole_number(const char *v, size_t len, double *value, char *want,
                                   size_t size)
{
    const char *p = v + (v[0] == '+');
    const char *end = v + len;
    bool digits = p < end;
    for (const char *q = p; q < end; q++)
        digits = digits && *q >= '0' && *q <= '9';
    if (!digits) {
        char *stop = NULL;
        double x = strtod(v, &stop);
        snprintf(want, size, "expected base-10 digits only, such as 6");
        if (stop == end && !isfinite(x)) {
            snprintf(want, size, "expected a whole number >= 0");
            return NUMBER_NOT_FINITE;
        }
        if (v[0] == '-' && stop == end) {
            snprintf(want, size, "expected a whole number >= 0");
            return NUMBER_NEGATIVE;
        }
        return stop == v ? NUMBER_NOT_A_NUMBER : NUMBER_MALFORMED;
    }
    if (p[0] == '0' && p + 1 < end) {
        p += strspn(p, "0");
        snprintf(want, size, "expected base-10 digits without a leading zero: write %s",
                 *p ? p : "0");
        return NUMBER_MALFORMED;
    }
    errno = 0;
    double x = strtod(p, NULL);
    if (errno == ERANGE || x > WHOLE_MAX) {
        snprintf(want, size, "expected at most 2^53 = 9007199254740992");
        return NUMBER_TOO_LARGE;
    }
    *value = x;
    return NUMBER_OK;
}

static number_problem real_number(const char *v, size_t len, double *value, char *want,
                                  size_t size)
{
    const char *p = v + (v[0] == '+' || v[0] == '-');
    bool ok = *p == '.' || (*p >= '0' && *p <= '9') || *p == 'i' || *p == 'I' || *p == 'n' ||
              *p == 'N';
    if (ok && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        ok = false;
    char *end = NULL;
    double x = 0.0;
    if (ok) {
        x = strtod(v, &end);
        ok = end != v && end == v + len;
    }
    if (!ok) {
        snprintf(want, size, "expected a decimal number, such as 0.25, 3 or 1e-3");
        char *stop = NULL;
        (void)strtod(v, &stop);
        return stop == v ? NUMBER_NOT_A_NUMBER : NUMBER_MALFORMED;
    }
    *value = x;
    return NUMBER_OK;
}

number_problem number_text_read(const char *text, size_t len, bool whole, double *value,
                                char *want, size_t size)
{
    want[0] = '\0';
    if (memchr(text, '\0', len)) {
        snprintf(want, size, "a NUL byte is no part of a number");
        return NUMBER_NUL;
    }
    if (len == 0 || text[len] != '\0') {
        /* The callers' texts are C strings; an empty one is no number. */
        snprintf(want, size, whole ? "expected base-10 digits, such as 6"
                                   : "expected a decimal number, such as 0.25, 3 or 1e-3");
        return NUMBER_NOT_A_NUMBER;
    }
    return whole ? whole_number(text, len, value, want, size)
                 : real_number(text, len, value, want, size);
}
