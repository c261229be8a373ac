/*
 * scrutin_ctx_error() with its arguments as a va_list, for the library's own
 * helpers that report a formatted problem at a row of a table (the lists'
 * compiler, the tables' reader) and so take printf-like arguments themselves.
 */
#ifndef SCRUTIN_COMMON_CTX_VERROR_H
#define SCRUTIN_COMMON_CTX_VERROR_H

#include <stdarg.h>

#include "scrutin/error.h"

/* As scrutin_ctx_error(). @return @p status, or SCRUTIN_ENOMEM if it could not be recorded */
int ctx_verror(scrutin_ctx *ctx, int status, const char *file, unsigned line, const char *field,
               const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

#endif
