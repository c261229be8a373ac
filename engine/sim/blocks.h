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

#include "scrutin/sim.h"

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
