/* The error context: a growable array of diagnostics owned by the caller. */
#include "scrutin/error.h"
#include "ctx_verror.h"

#include <gsl/gsl_errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct diag_store {
    scrutin_diag pub;
    char *file;
    char *field;
    char *message;
} diag_store;

struct scrutin_ctx {
    diag_store *items;
    size_t count;
    size_t capacity;
};

const char *scrutin_strerror(int status)
{
    switch (status) {
#define SCRUTIN_STATUS_TEXT_(name, value, text) case (value): return text;
        SCRUTIN_STATUS_MAP(SCRUTIN_STATUS_TEXT_)
#undef SCRUTIN_STATUS_TEXT_
    default: return "unknown status";
    }
}

const char *scrutin_status_name(int status)
{
    switch (status) {
#define SCRUTIN_STATUS_NAME_(name, value, text) case (value): return #name;
        SCRUTIN_STATUS_MAP(SCRUTIN_STATUS_NAME_)
#undef SCRUTIN_STATUS_NAME_
    default: return "UNKNOWN";
    }
}

int scrutin_status_is_input_error(int status)
{
    return status == SCRUTIN_EINVAL || status == SCRUTIN_ENOENT || status == SCRUTIN_ESYNTAX ||
           status == SCRUTIN_EINPUT;
}

int scrutin_ctx_new(scrutin_ctx **out)
{
    *out = NULL;
    /* GSL aborts the process on error by default; a library must not. */
    gsl_set_error_handler_off();
    scrutin_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return SCRUTIN_ENOMEM;
    *out = ctx;
    return SCRUTIN_OK;
}

void scrutin_ctx_clear(scrutin_ctx *ctx)
{
    if (!ctx)
        return;
    for (size_t i = 0; i < ctx->count; i++) {
        free(ctx->items[i].file);
        free(ctx->items[i].field);
        free(ctx->items[i].message);
    }
    ctx->count = 0;
}

void scrutin_ctx_free(scrutin_ctx *ctx)
{
    if (!ctx)
        return;
    scrutin_ctx_clear(ctx);
    free(ctx->items);
    free(ctx);
}

size_t scrutin_ctx_count(const scrutin_ctx *ctx) { return ctx ? ctx->count : 0; }

const scrutin_diag *scrutin_ctx_get(const scrutin_ctx *ctx, size_t i)
{
    if (!ctx || i >= ctx->count)
        return NULL;
    return &ctx->items[i].pub;
}

int scrutin_ctx_format(const scrutin_ctx *ctx, size_t i, char *buf, size_t size)
{
    const scrutin_diag *d = scrutin_ctx_get(ctx, i);
    if (!d)
        return snprintf(buf, size, "%s", "");
    char where[64] = "";
    if (d->line)
        snprintf(where, sizeof where, ":%u", d->line);
    return snprintf(buf, size, "%s%s%s%s%s%s", d->file ? d->file : "", where,
                    d->file ? ": " : "", d->field ? d->field : "", d->field ? ": " : "",
                    d->message ? d->message : "");
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

int ctx_verror(scrutin_ctx *ctx, int status, const char *file, unsigned line, const char *field,
               const char *fmt, va_list ap)
{
    if (!ctx)
        return status;
    if (ctx->count == ctx->capacity) {
        size_t cap = ctx->capacity ? 2 * ctx->capacity : 8;
        diag_store *items = realloc(ctx->items, cap * sizeof *items);
        if (!items)
            return SCRUTIN_ENOMEM; /* the problem cannot be told: say why, not "bad input" */
        ctx->items = items;
        ctx->capacity = cap;
    }
    /* The message whole, however long (a path, a cell of a megabyte): never cut. */
    va_list measure;
    va_copy(measure, ap);
    int len = vsnprintf(NULL, 0, fmt, measure);
    va_end(measure);
    char *msg = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (msg)
        vsnprintf(msg, (size_t)len + 1, fmt, ap);
    diag_store *d = &ctx->items[ctx->count];
    d->file = dup_or_null(file);
    d->field = dup_or_null(field);
    d->message = msg;
    if (!msg || (file && !d->file) || (field && !d->field)) {
        free(d->file);
        free(d->field);
        free(msg);
        return SCRUTIN_ENOMEM;
    }
    d->pub = (scrutin_diag){status, d->file, line, d->field, d->message};
    ctx->count++;
    return status;
}

int scrutin_ctx_error(scrutin_ctx *ctx, int status, const char *file, unsigned line,
                      const char *field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int recorded = ctx_verror(ctx, status, file, line, field, fmt, ap);
    va_end(ap);
    return recorded;
}
