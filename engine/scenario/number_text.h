/*
 * The one reader of numbers written in a scenario, shared by the YAML file (yaml_numbers.c)
 * and the tables' cells (tables.c), so that both are exactly as strict: a whole number is
 * base-10 digits, optionally after a '+', without a leading zero; a real is a decimal number
 * (strtod's, but never hexadecimal). No spaces, no NUL byte, nothing after the number.
 */
#ifndef SCRUTIN_NUMBER_TEXT_H
#define SCRUTIN_NUMBER_TEXT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum number_problem {
    NUMBER_OK,
    NUMBER_NOT_A_NUMBER, /* no number at all ("one") */
    NUMBER_MALFORMED,    /* a number, but not written as scrutin reads it ("0x10", "1e3", " 6") */
    NUMBER_NEGATIVE,     /* a whole number with a '-' */
    NUMBER_NOT_FINITE,   /* "inf" or "nan" where a whole number is expected */
    NUMBER_TOO_LARGE,    /* a whole number beyond 2^53 (not exact as a double), or overflow */
    NUMBER_NUL,          /* a NUL byte inside */
} number_problem;

/*
 * Read the @p len bytes at @p text as a whole number (@p whole) or a real. "inf" and "nan" pass
 * as reals, for the caller to refuse them with the range the value should be in.
 * @param[out] value  the number, on success
 * @param[out] want   on a problem, what was expected ("expected base-10 digits only, such as 6")
 * @return NUMBER_OK or the problem
 */
number_problem number_text_read(const char *text, size_t len, bool whole, double *value,
                                char *want, size_t size);

#endif
