/*
 * scrutin run --draws, --given, --target-se and --min-matches: the
 * simulations in chunks of fixed boundaries, each shared out over the ranks
 * (and by the library over the threads). Everything that decides (whether to
 * go on) is computed from the tallies summed over the ranks, at boundaries
 * fixed by the options alone, so the result is the same for any thread or
 * rank count. The draws database is written by rank 0, chunk by chunk, the
 * other ranks' rows gathered to it in rank order, which is index order.
 */
#include "run_query.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "distributed.h"
#include "job.h"

int run_query_option(int c, const char *arg, run_query_args *q)
{
    switch (c) {
    case RUN_OPT_DRAWS:
        if (!arg[0])
            return cli_usage_error("run", "the draws file's name is empty");
        q->draws = arg;
        return -1;
    case RUN_OPT_DRAWS_DISTRICTS: q->draws_districts = 1; return -1;
    case RUN_OPT_GIVEN:
        if (q->n_given == RUN_MAX_GIVEN)
            return cli_usage_error("run", "at most %d --given", RUN_MAX_GIVEN);
        q->given[q->n_given++] = arg;
        return -1;
    case RUN_OPT_GIVEN_SYSTEM: q->given_system = arg; return -1;
    case RUN_OPT_MIN_MATCHES:
        if (cli_parse_seed(arg, &q->min_matches) != 0 || q->min_matches == 0 ||
            q->min_matches > INT64_MAX)
            return cli_usage_error("run", "\"%s\" is not a number of matches (a whole number "
                                          ">= 1)", arg);
        return -1;
    case RUN_OPT_MAX_N:
        if (cli_parse_seed(arg, &q->max_n) != 0 || q->max_n == 0 || q->max_n > INT64_MAX)
            return cli_usage_error("run", "\"%s\" is not a number of simulations (a whole "
                                          "number >= 1)", arg);
        return -1;
    case RUN_OPT_TARGET_SE:
        if (cli_parse_real(arg, &q->target_se) != 0 ||
            !(q->target_se > 0.0 && q->target_se < 0.5))
            return cli_usage_error("run", "\"%s\" is not a standard error (a number above 0 "
                                          "and below 0.5, such as 0.005)", arg);
        return -1;
    default: return CLI_NOT_SHARED;
    }
}

int run_query_check(const run_query_args *q)
{
    if (q->draws_districts && !q->draws)
        return cli_usage_error("run", "--draws-districts needs --draws FILE");
    if (q->given_system && !q->n_given)
        return cli_usage_error("run", "--given-system needs --given");
    if (q->min_matches && !q->n_given)
        return cli_usage_error("run", "--min-matches needs --given: it counts the simulations "
                                      "that match");
    if (run_query_adaptive(q) && !q->max_n)
        return cli_usage_error("run", "--%s needs --max-n M, the most simulations to run",
                               q->target_se > 0.0 ? "target-se" : "min-matches");
    if (q->max_n && !run_query_adaptive(q))
        return cli_usage_error("run", "--max-n goes with --target-se or --min-matches (for a "
                                      "fixed number of simulations, use -n)");
    return -1;
}

/* Rows of the draws database are flushed after this many simulations at most. */
enum { DRAWS_CHUNK = 1 << 16 };

typedef struct loop {
    const scrutin_model *m;
    const run_query_args *q;
    scrutin_draws *draws;      /* rank 0, with --draws */
    int pack;                  /* several ranks: rows are packed, then gathered */
    unsigned char *packed;     /* this rank's rows of the chunk */
    size_t packed_size, packed_cap, row_size;
    size_t groups, n_seats, n_won, n_round;
    uint64_t end;              /* one past the last simulation of this rank's chunk done */
    cli_progress *bar;
    uint64_t progress_offset, progress_total;
} loop;

static void progress(uint64_t done, uint64_t total, void *data)
{
    loop *l = data;
    (void)total;
    cli_progress_report(l->progress_offset + done, l->progress_total, l->bar);
}

/* One simulation's rows, packed: index, seats, and with districts winners and rounds. */
static void pack_row(loop *l, const scrutin_outcomes *b, size_t k)
{
    const scrutin_model *m = l->m;
    size_t systems = scrutin_model_systems(m);
    size_t districts = scrutin_model_count(m, SCRUTIN_ENTITY_DISTRICT);
    unsigned char *at = l->packed + l->packed_size;
    uint64_t index = scrutin_outcomes_index(b, k);
    memcpy(at, &index, sizeof index);
    at += sizeof index;
    for (int s = 0; s < SCRUTIN_STAGES; s++)
        for (size_t sys = 0; sys < systems; sys++) {
            memcpy(at, scrutin_outcomes_seats(b, k, (scrutin_stage)s, sys),
                   l->groups * sizeof(unsigned));
            at += l->groups * sizeof(unsigned);
        }
    if (l->n_won) {
        for (int s = 0; s < SCRUTIN_STAGES; s++)
            for (size_t sys = 0; sys < systems; sys++)
                for (size_t d = 0; d < districts; d++) {
                    uint64_t w = scrutin_outcomes_winner(b, k, (scrutin_stage)s, sys, d);
                    memcpy(at, &w, sizeof w);
                    at += sizeof w;
                }
        for (size_t sys = 0; sys < systems; sys++)
            for (size_t d = 0; d < districts; d++) {
                int32_t r = scrutin_outcomes_round(b, k, sys, d);
                memcpy(at, &r, sizeof r);
                at += sizeof r;
            }
    }
    l->packed_size += l->row_size;
}

/* Rows gathered from every rank into the database, in the order they come. */
static int unpack_rows(loop *l, const unsigned char *rows, size_t size)
{
    unsigned *seats = malloc(l->n_seats * sizeof *seats + 1);
    size_t *won = malloc(l->n_won * sizeof *won + 1);
    int *round = malloc(l->n_round * sizeof *round + 1);
    int status = seats && won && round ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    for (size_t at = 0; at + l->row_size <= size && status == SCRUTIN_OK; at += l->row_size) {
        const unsigned char *p = rows + at;
        uint64_t index;
        memcpy(&index, p, sizeof index);
        p += sizeof index;
        memcpy(seats, p, l->n_seats * sizeof *seats);
        p += l->n_seats * sizeof *seats;
        for (size_t i = 0; i < l->n_won; i++, p += sizeof(uint64_t)) {
            uint64_t w;
            memcpy(&w, p, sizeof w);
            won[i] = w == UINT64_MAX ? SIZE_MAX : (size_t)w;
        }
        for (size_t i = 0; i < l->n_round; i++, p += sizeof(int32_t)) {
            int32_t r;
            memcpy(&r, p, sizeof r);
            round[i] = r;
        }
        status = scrutin_draws_add_rows(l->draws, index, seats, l->n_won ? won : NULL, round);
    }
    free(seats);
    free(won);
    free(round);
    return status;
}

/* The library's outcomes callback: into the database, or packed for gathering. */
static int on_block(const scrutin_outcomes *b, void *data)
{
    loop *l = data;
    l->end = scrutin_outcomes_end(b);
    if (l->pack) {
        for (size_t k = 0; k < scrutin_outcomes_count(b); k++)
            pack_row(l, b, k);
        return SCRUTIN_OK;
    }
    return l->draws ? scrutin_draws_add(b, l->draws) : SCRUTIN_OK;
}

/*
 * Counts every headline probability needs, summed over the ranks: the
 * simulations, then per system, stage and group (parties, then coalitions)
 * the simulations with a majority and those in which it was the largest.
 */
static size_t decision_size(const scrutin_model *m, size_t groups)
{
    return 1 + scrutin_model_systems(m) * SCRUTIN_STAGES * groups * 2;
}

static int decision_counts(const scrutin_tally *tally, const scrutin_model *m, size_t groups,
                           int64_t *v)
{
    size_t parties = scrutin_model_count(m, SCRUTIN_ENTITY_PARTY), k = 1;
    unsigned majority = scrutin_model_majority(m), seats = scrutin_model_seats(m);
    v[0] = (int64_t)scrutin_tally_simulations(tally);
    for (size_t sys = 0; sys < scrutin_model_systems(m); sys++) {
        const scrutin_tally *t = scrutin_tally_system(tally, sys);
        for (int st = 0; st < SCRUTIN_STAGES; st++)
            for (size_t g = 0; g < groups; g++) {
                scrutin_group_kind kind = g < parties ? SCRUTIN_GROUP_PARTY
                                                      : SCRUTIN_GROUP_COALITION;
                size_t i = g < parties ? g : g - parties;
                const int64_t *hist = scrutin_tally_seat_histogram(t, (scrutin_stage)st, kind, i);
                int64_t with = 0;
                for (unsigned s = majority; s <= seats; s++)
                    with += hist[s];
                v[k++] = with;
                v[k++] = scrutin_tally_largest(t, (scrutin_stage)st, kind, i);
            }
    }
    return dist_allreduce_counters(v, k);
}

/* The largest standard error of a headline probability, from the summed counts. */
static double worst_se(const int64_t *v, size_t n)
{
    if (v[0] <= 0)
        return INFINITY;
    double worst = 0.0, sims = (double)v[0];
    for (size_t k = 1; k < n; k++) {
        double p = (double)v[k] / sims, se = sqrt(p * (1.0 - p) / sims);
        worst = se > worst ? se : worst;
    }
    return worst;
}

static int resolve_given(const scrutin_model *m, const run_query_args *q,
                         scrutin_given_item *items, size_t *system, scrutin_ctx *ctx)
{
    *system = 0;
    if (q->given_system) {
        *system = SIZE_MAX;
        for (size_t s = 0; s < scrutin_model_systems(m); s++)
            if (strcmp(scrutin_model_system_id(m, s), q->given_system) == 0)
                *system = s;
        if (*system == SIZE_MAX)
            return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given-system", 0, NULL,
                                     "the scenario has no electoral system \"%s\" (its first "
                                     "is \"%s\"; scrutin show lists them)",
                                     q->given_system, scrutin_model_system_id(m, 0));
    }
    int status = SCRUTIN_OK;
    for (size_t i = 0; i < q->n_given; i++) {
        int one = scrutin_given_parse(&items[i], m, q->given[i], *system, ctx);
        if (one != SCRUTIN_OK)
            status = one;
    }
    /* Results that cannot hold together are said now, instead of "none matches, simulate
       more" after every simulation --max-n allows. */
    if (status == SCRUTIN_OK)
        status = scrutin_given_check(items, q->n_given, m, ctx);
    return status;
}

/* Draws' meta: what a reader needs to know which run the rows are. */
static int draws_meta(scrutin_draws *d, const scrutin_model *m, const run_query_args *q,
                      const cli_common_args *c, const char *hash, uint64_t simulated,
                      int partial)
{
    char number[32];
    int status = scrutin_draws_meta(d, "scenario", scrutin_model_name(m));
    if (status == SCRUTIN_OK)
        status = scrutin_draws_meta(d, "scenario_hash", hash);
    snprintf(number, sizeof number, "%llu", (unsigned long long)c->seed);
    if (status == SCRUTIN_OK)
        status = scrutin_draws_meta(d, "seed", number);
    snprintf(number, sizeof number, "%llu", (unsigned long long)simulated);
    if (status == SCRUTIN_OK)
        status = scrutin_draws_meta(d, "simulations", number);
    snprintf(number, sizeof number, "%u", scrutin_model_majority(m));
    if (status == SCRUTIN_OK)
        status = scrutin_draws_meta(d, "majority", number);
    snprintf(number, sizeof number, "%u", scrutin_model_seats(m));
    if (status == SCRUTIN_OK)
        status = scrutin_draws_meta(d, "seats", number);
    if (status == SCRUTIN_OK)
        status = scrutin_draws_meta(d, "partial", partial ? "1" : "0");
    for (size_t i = 0; i < q->n_given && status == SCRUTIN_OK; i++) {
        char key[32];
        snprintf(key, sizeof key, "given_%zu", i + 1);
        status = scrutin_draws_meta(d, key, q->given[i]);
    }
    if (status == SCRUTIN_OK)
        status = scrutin_draws_meta(d, "version", SCRUTIN_VERSION);
    return status;
}

/* One chunk [at, end): this rank's share, then its rows to rank 0. */
static int run_chunk(loop *l, scrutin_tally *tally, scrutin_sim_options *opt, uint64_t at,
                     uint64_t end, scrutin_ctx *ctx)
{
    uint64_t first, count;
    dist_block(end - at, &first, &count);
    opt->first = at + first;
    opt->count = count;
    l->end = opt->first;
    l->packed_size = 0;
    int status = count ? scrutin_sim_run(tally, l->m, opt, ctx) : SCRUTIN_OK;
    if (!opt->outcomes)
        l->end = status == SCRUTIN_OK ? opt->first + count : l->end;
    if (l->pack) {
        unsigned char *rows = NULL;
        size_t size = 0;
        int gathered = dist_gather_bytes(l->packed, l->packed_size, &rows, &size);
        if (gathered == SCRUTIN_OK && l->draws)
            gathered = unpack_rows(l, rows, size);
        free(rows);
        if (status == SCRUTIN_OK || status == SCRUTIN_EINTR)
            status = gathered != SCRUTIN_OK ? gathered : status;
    }
    return status;
}

int run_query_simulate(scrutin_tally *tally, const scrutin_model *m, const run_query_args *q,
                       const cli_common_args *c, const char *hash, run_query_result *out,
                       scrutin_ctx *ctx)
{
    *out = (run_query_result){0, 0, 0.0, 0};
    scrutin_given_item items[RUN_MAX_GIVEN];
    int status = resolve_given(m, q, items, &out->given_system, ctx);
    loop l = {.m = m, .q = q, .pack = dist_size() > 1 && q->draws};
    l.groups = scrutin_model_count(m, SCRUTIN_ENTITY_PARTY) +
               scrutin_model_count(m, SCRUTIN_ENTITY_COALITION);
    size_t systems = scrutin_model_systems(m);
    size_t districts = scrutin_model_count(m, SCRUTIN_ENTITY_DISTRICT);
    l.n_seats = SCRUTIN_STAGES * systems * l.groups;
    l.n_won = q->draws_districts ? SCRUTIN_STAGES * systems * districts : 0;
    l.n_round = q->draws_districts ? systems * districts : 0;
    l.row_size = sizeof(uint64_t) + l.n_seats * sizeof(unsigned) + l.n_won * sizeof(uint64_t) +
                 l.n_round * sizeof(int32_t);
    if (status == SCRUTIN_OK && l.pack) {
        l.packed_cap = ((size_t)DRAWS_CHUNK / (size_t)dist_size() + 1) * l.row_size;
        if (!(l.packed = malloc(l.packed_cap)))
            status = SCRUTIN_ENOMEM;
    }
    if (status == SCRUTIN_OK && q->draws && dist_is_root())
        status = scrutin_draws_open(&l.draws, q->draws, m, q->draws_districts, ctx);
    int reporter = 0;
    status = dist_agree(status, &reporter);
    if (status != SCRUTIN_OK) {
        scrutin_draws_abort(l.draws);
        free(l.packed);
        return status;
    }

    int adaptive = run_query_adaptive(q);
    uint64_t total = adaptive ? q->max_n : c->simulations;
    uint64_t step = adaptive ? c->simulations : total;
    uint64_t chunk = q->draws ? DRAWS_CHUNK : step;
    scrutin_sim_options opt = SCRUTIN_SIM_OPTIONS_INIT;
    /* The job's options, progress bar and signals (job.h), the bar counting over every step. */
    cli_job_sim sim;
    cli_job_sim_begin(&sim, c, &opt);
    if (opt.progress) {
        l.bar = &sim.bar;
        l.progress_total = total;
        opt.progress = progress;
        opt.progress_data = &l;
    }
    opt.given = q->n_given ? items : NULL;
    opt.n_given = q->n_given;
    if (q->draws || q->n_given) {
        opt.outcomes = on_block;
        opt.outcomes_data = &l;
    }
    size_t n_counts = decision_size(m, l.groups);
    int64_t *counts = malloc(n_counts * sizeof *counts);
    if (!counts)
        status = SCRUTIN_ENOMEM;
    uint64_t at = 0;
    int64_t done_here = 0;
    while (status == SCRUTIN_OK && at < total) {
        uint64_t step_end = at + step < total ? at + step : total;
        while (status == SCRUTIN_OK && at < step_end) {
            uint64_t end = at + chunk < step_end ? at + chunk : step_end;
            l.progress_offset = at;
            status = run_chunk(&l, tally, &opt, at, end, ctx);
            done_here += (int64_t)(l.end - opt.first);
            /* Stopped or failed anywhere: every rank stops here, with the same status. */
            int stopped = dist_agree(status == SCRUTIN_EINTR ? SCRUTIN_EINTR : SCRUTIN_OK,
                                     &reporter);
            status = dist_agree(status == SCRUTIN_EINTR ? SCRUTIN_OK : status, &reporter);
            if (status == SCRUTIN_OK)
                status = stopped;
            at = end;
        }
        if (status != SCRUTIN_OK || !adaptive)
            break;
        int decided = decision_counts(tally, m, l.groups, counts);
        if (decided != SCRUTIN_OK) {
            status = decided;
            break;
        }
        out->worst_se = worst_se(counts, n_counts);
        int se_met = q->target_se <= 0.0 || out->worst_se <= q->target_se;
        int matches_met = q->min_matches == 0 || (uint64_t)counts[0] >= q->min_matches;
        if (se_met && matches_met) {
            out->met = 1;
            break;
        }
    }
    cli_job_sim_end(&sim);
    free(counts);
    /* The simulations run, over every rank. */
    if (dist_allreduce_counters(&done_here, 1) != SCRUTIN_OK && status == SCRUTIN_OK)
        status = SCRUTIN_EMPI;
    out->simulated = (uint64_t)done_here;
    /* The simulations counted, over every rank: with none (none matched, or stopped before
       the first), the run writes nothing, and neither does the database. */
    int64_t counted = (int64_t)scrutin_tally_simulations(tally);
    if (dist_allreduce_counters(&counted, 1) != SCRUTIN_OK && status == SCRUTIN_OK)
        status = SCRUTIN_EMPI;
    if (l.draws && counted == 0) {
        scrutin_draws_abort(l.draws);
        l.draws = NULL;
    }
    if (l.draws) {
        int interrupted = status == SCRUTIN_EINTR;
        int written = status == SCRUTIN_OK || interrupted ? SCRUTIN_OK : status;
        if (written == SCRUTIN_OK)
            written = draws_meta(l.draws, m, q, c, hash, out->simulated, interrupted);
        if (written == SCRUTIN_OK) {
            written = scrutin_draws_commit(l.draws);
            if (written != SCRUTIN_OK && (status == SCRUTIN_OK || interrupted))
                status = written;
        } else {
            scrutin_draws_abort(l.draws);
            if (status == SCRUTIN_OK || interrupted)
                status = written;
        }
        l.draws = NULL;
    }
    free(l.packed);
    return status;
}
