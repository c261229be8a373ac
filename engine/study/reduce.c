/* The reduction hooks as the studies call them (reduce.h): one process alone when NULL. */
#include "reduce.h"

#include "../common/versioned.h"

const scrutin_reduce *study_reduce_hooks(const scrutin_reduce *given, const char *function,
                                         int *status, scrutin_ctx *ctx)
{
    static const scrutin_reduce alone = SCRUTIN_REDUCE_INIT;
    *status = SCRUTIN_OK;
    if (!given)
        return &alone;
    if (VERSIONED_CHECK(given, function, scrutin_reduce, SCRUTIN_REDUCE, ctx) != SCRUTIN_OK) {
        *status = SCRUTIN_EINVAL;
        return NULL;
    }
    return given;
}

int study_agree(const scrutin_reduce *r, int status)
{
    return r->agree ? r->agree(r->data, status) : status;
}

void study_block(const scrutin_reduce *r, const scrutin_sim_options *o, uint64_t *first,
                 uint64_t *count)
{
    uint64_t at = 0;
    *count = o->count;
    if (r->block)
        r->block(r->data, o->count, &at, count);
    *first = o->first + at;
}

int study_sum(const scrutin_reduce *r, int64_t *counters, size_t n)
{
    return r->sum ? r->sum(r->data, counters, n) : SCRUTIN_OK;
}

int study_settle(const scrutin_reduce *r, int status, int here_stopped, int *stopped)
{
    /* Two agreements, in this order on every process: whether any stopped, then any failure. */
    *stopped = study_agree(r, here_stopped ? SCRUTIN_EINTR : SCRUTIN_OK) == SCRUTIN_EINTR;
    return study_agree(r, status == SCRUTIN_EINTR ? SCRUTIN_OK : status);
}
