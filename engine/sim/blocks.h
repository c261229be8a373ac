/*
 * How the parallel drivers (scrutin_sim_run, the paired comparison) share
 * out the simulation indices: blocks of BLOCK indices, each thread taking the
 * next block until none is left. Not an `omp for`: a worksharing loop cannot
 * be left early, and skipping millions of blocks one by one after a stop
 * takes seconds; this loop is left at once.
 */
#ifndef SCRUTIN_SIM_BLOCKS_H
#define SCRUTIN_SIM_BLOCKS_H

#include <stdint.h>
#include <time.h>

#include "scrutin/error.h"
#include "scrutin/sim.h"
#include "scrutin/tally.h"

#ifdef _OPENMP
#include <omp.h>
#endif

/* Simulations per block: large enough to amortise the bookkeeping, small enough to stop fast. */
enum { SIM_BLOCK = 256 };

/* How many blocks @p count simulations make. */
static inline uint64_t sim_blocks(uint64_t count) { return (count + SIM_BLOCK - 1) / SIM_BLOCK; }

/*
 * The next block for this thread, or 0 when the loop must end: every block is
 * taken, a thread failed (*failed), or a stop was asked (*stop: then
 * *stopped is set). On 1, [*begin, *end) are the block's indices (from 0).
 */
static inline int sim_block_take(uint64_t *next, uint64_t count, const int *failed,
                                 const volatile int *stop, int *stopped, uint64_t *begin,
                                 uint64_t *end)
{
    uint64_t b;
#pragma omp atomic capture
    b = (*next)++;
    if (b >= sim_blocks(count))
        return 0;
    int give_up;
#pragma omp atomic read
    give_up = *failed;
    if (give_up)
        return 0;
    if (stop && *stop) {
#pragma omp atomic write
        *stopped = 1;
        return 0;
    }
    *begin = b * SIM_BLOCK;
    *end = *begin + SIM_BLOCK < count ? *begin + SIM_BLOCK : count;
    return 1;
}

/* Seconds on a monotonic clock, for progress reports. */
static inline double sim_now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/*
 * Count a finished block of @p n simulations in *done and, from the first
 * thread only and at most four times a second, report the progress of
 * @p total simulations through @p o's callback.
 */
static inline void sim_block_done(uint64_t *done, uint64_t n, uint64_t total, double *last_report,
                                  const scrutin_sim_options *o)
{
    uint64_t now_done;
#pragma omp atomic capture
    now_done = *done += n;
#ifdef _OPENMP
    int reporter = omp_get_thread_num() == 0;
#else
    int reporter = 1;
#endif
    if (!o->progress || !reporter)
        return;
    double t = sim_now_seconds();
    if (t - *last_report >= 0.25) {
        *last_report = t;
        o->progress(now_done, total, o->progress_data);
    }
}

/* What the threads of a parallel driver share: the blocks taken and done, and how it went. */
typedef struct sim_loop {
    const scrutin_sim_options *o;
    uint64_t next, done;
    int failed;   /* a thread could not start (out of memory) */
    int stopped;  /* o->stop was seen */
    int unmerged; /* a thread's counts could not be added (never expected) */
    double last_report;
} sim_loop;

static inline sim_loop sim_loop_start(const scrutin_sim_options *o)
{
    return (sim_loop){o, 0, 0, 0, 0, 0, sim_now_seconds()};
}

/* One simulation of a driver: index @p index of the run, into the thread's @p data. */
typedef void (*sim_one_fn)(void *data, uint64_t index);

/*
 * A thread's share of the loop: the next block until none is left, @p one run for each of
 * its simulations. The stop flag is read before every simulation, not only between
 * blocks: however large the scenario, no more than one simulation runs after a signal.
 * Inlined, so that @p one is a direct call.
 */
static inline void sim_loop_run(sim_loop *l, sim_one_fn one, void *data)
{
    const scrutin_sim_options *o = l->o;
    uint64_t begin, end;
    while (sim_block_take(&l->next, o->count, &l->failed, o->stop, &l->stopped, &begin, &end)) {
        for (uint64_t i = begin; i < end; i++) {
            if (o->stop && *o->stop) {
#pragma omp atomic write
                l->stopped = 1;
                end = i;
                break;
            }
            one(data, o->first + i);
        }
        sim_block_done(&l->done, end - begin, o->count, &l->last_report, o);
    }
}

/* A thread's failure to start: the loop ends for every thread. */
static inline void sim_loop_fail(sim_loop *l)
{
#pragma omp atomic write
    l->failed = 1;
}

/* Add a thread's tally to the run's, one thread at a time; a failure is recorded in *unmerged. */
static inline void sim_merge_tally(int *unmerged, scrutin_tally *into, const scrutin_tally *mine)
{
    int merged;
#pragma omp critical(scrutin_merge)
    merged = scrutin_tally_merge(into, mine);
    /* Checked before the run, so never expected: but a count lost is never silent. */
    if (merged != SCRUTIN_OK) {
#pragma omp atomic write
        *unmerged = 1;
    }
}

/*
 * After the threads joined: a thread that could not start (@p failed) or whose counts
 * were lost (@p unmerged), said of @p what ("simulation"). @return 0 or the failure
 */
static inline int sim_threads_failure(int failed, int unmerged, const char *what,
                                      scrutin_ctx *ctx)
{
    if (failed)
        return scrutin_ctx_error(ctx, SCRUTIN_ENOMEM, NULL, 0, NULL,
                                 "out of memory for the %s's workspaces", what);
    if (unmerged)
        return scrutin_ctx_error(ctx, SCRUTIN_EINTERNAL, NULL, 0, NULL,
                                 "a thread's counts could not be added to the %s's tally", what);
    return SCRUTIN_OK;
}

/* After a loop without failure: the last progress report. @return 0, or SCRUTIN_EINTR if stopped */
static inline int sim_loop_end(const sim_loop *l)
{
    if (l->o->progress)
        l->o->progress(l->done, l->o->count, l->o->progress_data);
    return l->stopped ? SCRUTIN_EINTR : SCRUTIN_OK;
}

/* The threads a driver runs on: @p requested, or with 0 OpenMP's default; 1 without OpenMP. */
static inline int sim_thread_count(int requested)
{
#ifdef _OPENMP
    return requested > 0 ? requested : omp_get_max_threads();
#else
    (void)requested;
    return 1;
#endif
}

#endif
