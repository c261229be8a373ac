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
    uint64_t done = 0, next = 0;
    int failed = 0, stopped = 0, unmerged = 0;
    double last_report = sim_now_seconds();

#pragma omp parallel num_threads(sim_thread_count(o->threads)) default(none) \
    shared(m, o, tally, done, next, failed, stopped, unmerged, last_report)
    {
        scrutin_tally *mine = NULL;
        sim_workspace *w = NULL;
        int ok = scrutin_tally_new(&mine, m) == SCRUTIN_OK &&
                 sim_workspace_new(&w, m, mine) == SCRUTIN_OK &&
                 sim_workspace_simd(w, o->simd) == SCRUTIN_OK;
        if (!ok) {
#pragma omp atomic write
            failed = 1;
        }
        /* Each thread takes the next block until none is left (blocks.h says why not omp for). */
        uint64_t begin, end;
        while (ok && sim_block_take(&next, o->count, &failed, o->stop, &stopped, &begin, &end)) {
            /*
             * The stop flag is read before every simulation, not only between blocks: however
             * large the scenario, no more than one simulation runs after a signal.
             */
            for (uint64_t i = begin; i < end; i++) {
                if (o->stop && *o->stop) {
#pragma omp atomic write
                    stopped = 1;
                    end = i;
                    break;
                }
                sim_one(m, w, o->seed, o->first + i);
            }
            sim_block_done(&done, end - begin, o->count, &last_report, o);
        }
        if (ok) {
            int merged;
#pragma omp critical(scrutin_merge)
            merged = scrutin_tally_merge(tally, mine);
            /* Checked above, so never expected: but a count lost is never silent. */
            if (merged != SCRUTIN_OK) {
#pragma omp atomic write
                unmerged = 1;
            }
        }
        sim_workspace_free(w);
        scrutin_tally_free(mine);
    }
    if (failed)
        return scrutin_ctx_error(ctx, SCRUTIN_ENOMEM, NULL, 0, NULL,
                                 "out of memory for the simulation's workspaces");
    if (unmerged)
        return scrutin_ctx_error(ctx, SCRUTIN_EINTERNAL, NULL, 0, NULL,
                                 "scrutin_sim_run: a thread's counts could not be added to the "
                                 "tally");
    if (o->progress)
        o->progress(done, o->count, o->progress_data);
    if (stopped)
        return SCRUTIN_EINTR;
    return SCRUTIN_OK;
}
