/**
 * @file scrutin/error.h
 * @brief Status codes and the error context that every fallible call fills.
 *
 * The library never prints, exits or aborts. A fallible function returns 0 or
 * a negative SCRUTIN_E* code, and records the details (file, line, field and
 * a sentence) as diagnostics in a scrutin_ctx that the caller owns.
 */
#ifndef SCRUTIN_ERROR_H
#define SCRUTIN_ERROR_H

#include <stddef.h>
#include "scrutin/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** X-macro table: name, value, description. Values are stable. */
#define SCRUTIN_STATUS_MAP(X)                                                   \
    X(OK,       0,  "success")                                                  \
    X(EINVAL,  -1,  "invalid argument")                                         \
    X(ENOMEM,  -2,  "out of memory")                                            \
    X(ENOENT,  -3,  "file not found")                                           \
    X(ESYNTAX, -4,  "syntax error in an input file")                            \
    X(EINPUT,  -5,  "invalid input")                                            \
    X(EIO,     -6,  "input/output error")                                       \
    X(ENUM,    -7,  "numerical error")                                          \
    X(EINTR,   -8,  "interrupted")                                              \
    X(EMPI,    -9,  "MPI error")                                                \
    X(EINTERNAL, -10, "internal error")

/** Status codes returned by every fallible function. */
typedef enum scrutin_status {
#define SCRUTIN_STATUS_ENUM_(name, value, text) SCRUTIN_##name = (value),
    SCRUTIN_STATUS_MAP(SCRUTIN_STATUS_ENUM_)
#undef SCRUTIN_STATUS_ENUM_
} scrutin_status;

/** @return a sentence describing @p status ("unknown status" if it is not one). */
SCRUTIN_API const char *scrutin_strerror(int status);
/** @return the symbolic name of @p status, for example "EINPUT". */
SCRUTIN_API const char *scrutin_status_name(int status);
/**
 * @return 1 if @p status means the user's input was wrong (a scenario file,
 *         an option), 0 if it is a failure while running. The CLI maps the
 *         first to exit status 2 and the second to exit status 1.
 */
SCRUTIN_API int scrutin_status_is_input_error(int status);

/** One problem found: where it is and what is wrong. */
typedef struct scrutin_diag {
    int status;          /**< the SCRUTIN_E* class of the problem */
    const char *file;    /**< file the problem is in, or NULL */
    unsigned line;       /**< 1-based line in @c file, or 0 if unknown */
    const char *field;   /**< field, column or key, or NULL */
    const char *message; /**< one sentence, without the location */
} scrutin_diag;

/** Error context: collects diagnostics. Not thread-safe; one per thread of control. */
typedef struct scrutin_ctx scrutin_ctx;

/**
 * Create a context. Also turns GSL's abort-on-error handler off (at every
 * call: the handler is GSL's, one for the whole process), so that GSL
 * reports errors by status instead.
 * @param[out] out the new context, freed with scrutin_ctx_free()
 * @return 0 or SCRUTIN_ENOMEM
 */
SCRUTIN_API SCRUTIN_NODISCARD int scrutin_ctx_new(scrutin_ctx **out);
/** Free a context and its diagnostics. NULL is a no-op. */
SCRUTIN_API void scrutin_ctx_free(scrutin_ctx *ctx);
/** Forget every diagnostic recorded so far. */
SCRUTIN_API void scrutin_ctx_clear(scrutin_ctx *ctx);
/** @return the number of diagnostics recorded. */
SCRUTIN_API size_t scrutin_ctx_count(const scrutin_ctx *ctx);
/** @return diagnostic @p i (0-based), owned by the context, or NULL. */
SCRUTIN_API const scrutin_diag *scrutin_ctx_get(const scrutin_ctx *ctx, size_t i);
/**
 * Format diagnostic @p i as "file:line: field: message" into @p buf.
 * @return the length it needed, as snprintf.
 */
SCRUTIN_API int scrutin_ctx_format(const scrutin_ctx *ctx, size_t i, char *buf, size_t size);
/**
 * Record a diagnostic. For the library's modules and for clients that want
 * to report their own problems in the same form.
 * @return @p status, so that a caller can write `return scrutin_ctx_error(...)`.
 */
SCRUTIN_API int scrutin_ctx_error(scrutin_ctx *ctx, int status, const char *file, unsigned line,
                                  const char *field, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

#ifdef __cplusplus
}
#endif
#endif
