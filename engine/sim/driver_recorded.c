/*
 * The driver when outcomes are recorded (a callback wants them, or known
 * results select the simulations counted). The indices are simulated in
 * rounds of consecutive blocks: in a round, the threads take its blocks as
 * scrutin_sim_run() does, and each simulation's outcome goes to its own slot
 * of one buffer allocated before the loop (slot = index - round's first);
 * after the round, one thread hands the round's outcomes to the callback, in
 * index order. So the callback sees the same outcomes in the same order for
 * any thread count, and nothing is allocated or printed in a simulation.
 *
 * Known results: a simulation is first run into a scratch tally, its
 * outcome matched against them, and if it matches run again into the
 * thread's tally. Its streams depend on its index only, so the second run is
 * the first one again: only the matching simulations are counted.
 */
#include <stdlib.h>

#include "blocks.h"
#include "driver_recorded.h"
#include "kernel.h"
#include "outcomes.h"

/* Blocks per round per thread: larger amortises the barrier, smaller keeps the buffer small. */
enum { ROUND_BLOCKS_PER_THREAD = 4 };
/* The buffer is kept under this many bytes, down to one block per thread. */
#define ROUND_MAX_BYTES ((size_t)64 << 20)

typedef struct round_state {
    const scrutin_model *m;
    const scrutin_sim_options *o;
    outcome_layout layout;
    unsigned char *slots;        /* [capacity * layout.size] */
    uint8_t *matched;            /* [capacity] */
    const unsigned char **view;  /* [capacity] the matching slots, in order */
    uint64_t round_blocks;       /* blocks per round */
    uint64_t first, end;         /* the round's indices, from 0: [first, end) */
    uint64_t next;               /* the next block of the round to take, from its first */
    uint64_t done;
    int failed, stopped, finished, status, unmerged;
    double last_report;
} round_state;

/* One simulation into its slot; with known results, counted only if it meets them. */
static void simulate(round_state *r, sim_workspace *w, scrutin_tally *mine, scrutin_tally *scratch,
                     uint64_t i)
{
    const scrutin_sim_options *o = r->o;
    unsigned char *slot = r->slots + (i - r->first) * r->layout.size;
    w->outcome = slot;
    uint64_t index = o->first + i;
    if (o->n_given == 0) {
        sim_one(r->m, w, o->seed, index);
        sim_outcome_finish(slot, &r->layout, index, w->seats);
        r->matched[i - r->first] = 1;
        return;
    }
    w->tally = scratch;
    sim_one(r->m, w, o->seed, index);
    sim_outcome_finish(slot, &r->layout, index, w->seats);
    const unsigned char *one[1] = {slot};
    scrutin_outcomes view = {r->m, &r->layout, one, 1, index + 1};
    int match = scrutin_given_match(o->given, o->n_given, &view, 0);
    r->matched[i - r->first] = (uint8_t)match;
    w->tally = mine;
    if (match)
        sim_one(r->m, w, o->seed, index);
}

/* Between rounds, on one thread: hand the round over, then set up the next one. */
static void end_round(round_state *r)
{
    const scrutin_sim_options *o = r->o;
    size_t n = 0;
    for (uint64_t i = r->first; i < r->end; i++)
        if (r->matched[i - r->first])
            r->view[n++] = r->slots + (i - r->first) * r->layout.size;
    if (o->outcomes && !r->failed) {
        scrutin_outcomes block = {r->m, &r->layout, r->view, n, o->first + r->end};
        int status = o->outcomes(&block, o->outcomes_data);
        if (status != SCRUTIN_OK) {
            r->status = status;
            r->finished = 1;
        }
    }
    r->done = r->end;
    if (o->progress) {
        double t = sim_now_seconds();
        if (t - r->last_report >= 0.25) {
            r->last_report = t;
            o->progress(r->done, o->count, o->progress_data);
        }
    }
    /* The stop is looked at after every round, the last one too: a call whose simulations fit
       in one round (the short steps of --min-matches and --target-se) would otherwise never
       see it, and its caller would go on to the next step. */
    if (r->failed)
        r->finished = 1;
    else if (o->stop && *o->stop)
        r->finished = r->stopped = 1;
    else if (r->end >= o->count)
        r->finished = 1;
    r->first = r->end;
    uint64_t left = o->count - r->first, room = r->round_blocks * SIM_BLOCK;
    r->end = r->first + (left < room ? left : room);
    r->next = 0;
}

static int state_new(round_state *r, const scrutin_model *m, const scrutin_sim_options *o,
                     int threads)
{
    *r = (round_state){.m = m, .o = o, .last_report = sim_now_seconds()};
    outcome_layout_make(&r->layout, m);
    r->round_blocks = (uint64_t)threads * ROUND_BLOCKS_PER_THREAD;
    while (r->round_blocks > (uint64_t)threads &&
           r->round_blocks * SIM_BLOCK * r->layout.size > ROUND_MAX_BYTES)
        r->round_blocks /= 2;
    size_t capacity = (size_t)r->round_blocks * SIM_BLOCK;
    r->slots = malloc(capacity * r->layout.size);
    r->matched = malloc(capacity);
    r->view = malloc(capacity * sizeof *r->view);
    if (!r->slots || !r->matched || !r->view)
        return SCRUTIN_ENOMEM;
    r->end = o->count < capacity ? o->count : capacity;
    return SCRUTIN_OK;
}

static void state_free(round_state *r)
{
    free(r->slots);
    free(r->matched);
    free(r->view);
}

int sim_run_recorded(scrutin_tally *tally, const scrutin_model *m, const scrutin_sim_options *o,
                     scrutin_ctx *ctx)
{
    int threads = sim_thread_count(o->threads);
    round_state r;
    if (state_new(&r, m, o, threads) != SCRUTIN_OK) {
        state_free(&r);
        return scrutin_ctx_error(ctx, SCRUTIN_ENOMEM, NULL, 0, NULL,
                                 "out of memory for the buffer of the simulations' outcomes");
    }
    if (o->count == 0)
        r.finished = 1;

#pragma omp parallel num_threads(threads) default(none) shared(m, o, tally, r)
    {
        scrutin_tally *mine = NULL, *scratch = NULL;
        sim_workspace *w = NULL;
        int ok = scrutin_tally_new(&mine, m) == SCRUTIN_OK &&
                 (o->n_given == 0 || scrutin_tally_new(&scratch, m) == SCRUTIN_OK) &&
                 sim_workspace_new(&w, m, mine) == SCRUTIN_OK &&
                 sim_workspace_simd(w, o->simd) == SCRUTIN_OK;
        if (!ok) {
#pragma omp atomic write
            r.failed = 1;
        }
        if (w)
            w->outcome_layout = &r.layout;
#pragma omp barrier
        while (!r.finished) {
            uint64_t blocks = (r.end - r.first + SIM_BLOCK - 1) / SIM_BLOCK;
            while (ok) {
                uint64_t b;
#pragma omp atomic capture
                b = r.next++;
                if (b >= blocks)
                    break;
                uint64_t begin = r.first + b * SIM_BLOCK;
                uint64_t end = begin + SIM_BLOCK < r.end ? begin + SIM_BLOCK : r.end;
                for (uint64_t i = begin; i < end; i++)
                    simulate(&r, w, mine, scratch, i);
            }
#pragma omp barrier
#pragma omp single
            end_round(&r);
            /* the implicit barrier of single: every thread sees the next round */
        }
        if (ok)
            sim_merge_tally(&r.unmerged, tally, mine);
        sim_workspace_free(w);
        scrutin_tally_free(scratch);
        scrutin_tally_free(mine);
    }
    int status = r.status, failed = r.failed, stopped = r.stopped, unmerged = r.unmerged;
    uint64_t done = r.done;
    state_free(&r);
    int failure = sim_threads_failure(failed, unmerged, "simulation", ctx);
    if (failure != SCRUTIN_OK)
        return failure;
    if (status != SCRUTIN_OK)
        return status;
    if (o->progress)
        o->progress(done, o->count, o->progress_data);
    return stopped ? SCRUTIN_EINTR : SCRUTIN_OK;
}
