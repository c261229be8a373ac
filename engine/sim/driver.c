/*
 * The parallel driver: OpenMP over blocks of simulation indices, a tally and
 * a workspace per thread allocated before the loop, merged by addition
 * after it. Which thread runs which block changes nothing in the result.
 */
#include <math.h>
#include <stdlib.h>
#include <time.h>


#include "scrutin/sim.h"
#include "blocks.h"
#include "draws.h"
#include "driver_recorded.h"
#include "kernel.h"
#include "options.h"


/*
 * The simulation needs every district's registered voters and round-1 ballots
 * (replay does without them, so compiling accepts their absence): each district
 * without them is reported at its row of the districts table.
 */
static int check_model(const scrutin_model *m, scrutin_ctx *ctx)
{
    int status = SCRUTIN_OK;
    size_t reported = 0;
    for (size_t d = 0; d < m->n_districts; d++) {
        if (!isnan(m->turnout_logit[d]) && !isnan(m->invalid_share[d]))
            continue;
        status = SCRUTIN_EINPUT;
        if (reported++ >= 10)
            continue;
        const char *field = isnan(m->registered[d]) || m->registered[d] <= 0 ? "registered"
                                                                              : "voters";
        const char *why = isnan(m->registered[d])   ? "has no registered voters"
                          : m->registered[d] <= 0   ? "has 0 registered voters"
                          : isnan(m->voters[d])     ? "has no voters and invalid"
                                                    : "has 0 ballots cast (voters)";
        scrutin_ctx_error(ctx, SCRUTIN_EINPUT, m->districts_path, m->district_line[d], field,
                          "district \"%s\" %s: the simulation models turnout from voters / "
                          "registered, both above 0, and needs invalid",
                          m->district_id[d], why);
    }
    if (reported > 10)
        scrutin_ctx_error(ctx, SCRUTIN_EINPUT, m->districts_path, 0, NULL,
                          "and %zu more districts like these", reported - 10);
    return status;
}

/* What a thread of scrutin_sim_run simulates with. */
typedef struct one_thread {
    const scrutin_model *m;
    sim_workspace *w;
    uint64_t seed;
} one_thread;

/* A sim_one_fn: simulation @p index into the thread's tally. */
static void simulate(void *data, uint64_t index)
{
    const one_thread *t = data;
    sim_one(t->m, t->w, t->seed, index);
}

int scrutin_sim_run(scrutin_tally *tally, const scrutin_model *m, const scrutin_sim_options *o,
                    scrutin_ctx *ctx)
{
    int status = sim_options_check(o, "scrutin_sim_run", ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_tally_check(tally, m, "scrutin_sim_run", ctx);
    if (status == SCRUTIN_OK)
        status = check_model(m, ctx);
    if (status != SCRUTIN_OK)
        return status;
    if (o->outcomes || o->n_given)
        return sim_run_recorded(tally, m, o, ctx);
    sim_loop loop = sim_loop_start(o);

#pragma omp parallel num_threads(sim_thread_count(o->threads)) default(none) \
    shared(m, o, tally, loop)
    {
        scrutin_tally *mine = NULL;
        one_thread thread = {m, NULL, o->seed};
        int ok = scrutin_tally_new(&mine, m) == SCRUTIN_OK &&
                 sim_workspace_new(&thread.w, m, mine) == SCRUTIN_OK &&
                 sim_workspace_simd(thread.w, o->simd) == SCRUTIN_OK;
        if (!ok)
            sim_loop_fail(&loop);
        /* Each thread takes the next block until none is left (blocks.h says why not omp for). */
        if (ok)
            sim_loop_run(&loop, simulate, &thread);
        if (ok)
            sim_merge_tally(&loop.unmerged, tally, mine);
        sim_workspace_free(thread.w);
        scrutin_tally_free(mine);
    }
    status = sim_threads_failure(loop.failed, loop.unmerged, "simulation", ctx);
    return status == SCRUTIN_OK ? sim_loop_end(&loop) : status;
}
