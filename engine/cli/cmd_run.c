/* scrutin run: simulate a scenario many times and write the probability tables. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "distributed.h"
#include "job.h"
#include "out_dir.h"
#include "run_query.h"
#include "scrutin/plot.h"
#include "scrutin/sim.h"
#include "scrutin/summary.h"
#include "scrutin/tally.h"

static const char run_help[] =
    "Usage: scrutin run SCENARIO [-n N] [--seed S] [--threads T] [--out DIR]\n"
    "                   [--format table|csv|json|md] [--plots] [--report]\n"
    "                   [--draws FILE [--draws-districts]]\n"
    "                   [--given RESULT]... [--given-system ID] [--min-matches K]\n"
    "                   [--target-se X] [--max-n M] [--no-progress] [-q|--quiet]\n"
    "\n"
    "Simulate the scenario's election N times under its uncertainty model, and\n"
    "write the distributions of seats per party and coalition, provisional (before\n"
    "the court's decisions after the vote) and final, with the districts' and the\n"
    "lists' probabilities. Prints the headline numbers on standard output.\n"
    "\n"
    "  -n, --simulations N  number of simulated elections (default 10000; >= 1)\n"
    "  -s, --seed S         seed of the random streams, 0 to 2^64-1 (default 1). The\n"
    "                       same scenario, seed and N give the same files, whatever\n"
    "                       the number of threads\n"
    "  -t, --threads T      threads (default 0: OpenMP's default, OMP_NUM_THREADS)\n"
    "  -o, --out DIR        output folder, created if missing (default results/NAME,\n"
    "                       NAME being the scenario's name)\n"
    "  -f, --format FMT     standard output: table (default), csv, json or md\n"
    "      --plots          also write the plots into DIR/plots/ (data and gnuplot\n"
    "                       scripts) and draw them as SVG and PNG with gnuplot, if\n"
    "                       it is on the PATH (else say how to draw them later)\n"
    "      --report         also write DIR/report.html, one self-contained page with\n"
    "                       the headline numbers, the plots and the tables (implies\n"
    "                       --plots)\n"
    "      --draws FILE     also write every simulation into the SQLite database\n"
    "                       FILE: table seats, a row per simulation, stage and system,\n"
    "                       a column per party (party_ID) and coalition (coalition_ID)\n"
    "                       with its seats. Replaces FILE only if it is such a database.\n"
    "                       FILE's folder must exist (it is not created, as DIR is)\n"
    "      --draws-districts  and table districts: each district's winning list and\n"
    "                       deciding round, per simulation, stage and system\n"
    "      --given RESULT   count only the simulations that agree with a known result\n"
    "                       (repeatable: all of them): DISTRICT=LIST, the list won the\n"
    "                       district; DISTRICT:PARTY, the party (or coalition) won at\n"
    "                       least one of its seats. Final results unless prefixed\n"
    "                       provisional: (before the court). Every table is then\n"
    "                       conditional on them; run.json says how many matched. A\n"
    "                       result no simulation can match (a list that does not run,\n"
    "                       a party that cannot win a seat there) is refused at once\n"
    "      --given-system ID  the electoral system the results are known under\n"
    "                       (default the scenario's first)\n"
    "      --min-matches K  with --given: simulate steps of N until K simulations\n"
    "                       match, at most --max-n\n"
    "      --target-se X    simulate steps of N until the standard error of every\n"
    "                       P(majority) and P(largest), of every party and coalition,\n"
    "                       stage and system, is at most X, at most --max-n\n"
    "      --max-n M        the most simulations --target-se or --min-matches may run.\n"
    "                       They decide after each step of N only: the same files for\n"
    "                       any number of threads or ranks\n"
    CLI_JOB_HELP_QUIET
    "\n"
    "Files written into DIR (docs/cli.md describes every column):\n"
    "  seats_distribution.csv  stage,group_kind,group,seats,count,probability\n"
    "  seats_summary.csv       stage,group_kind,group,mean,sd,p05..p95,p_majority,...\n"
    "  districts.csv           district,region,seats,p_decided_round1,p_court_flip,...\n"
    "  district_lists.csv      district,list,p_round2,p_win_provisional,p_win_final,...\n"
    "  district_leverage.csv   district,group_kind,group,p_seat,p_majority_if_seat,\n"
    "                          p_majority_if_no_seat,leverage,...: the districts that\n"
    "                          decide each majority\n"
    "  district_runoffs.csv    district,list_a,list_b,p_meet,p_a_wins_if_meet,...: who\n"
    "                          meets whom in round 2, and who wins it\n"
    "  run.json                all of the above, the scenario's name and content hash,\n"
    "                          seed, simulations; threads and timings under \"execution\"\n"
    "  plots/NAME.{csv,gp,svg,png}  with --plots: coalition_seats, party_seats,\n"
    "                          district_outcomes\n"
    "  report.html             with --report\n"
    "Each file is written under a temporary name and renamed when complete.\n"
    "\n"
    "Interrupting (Ctrl-C, SIGTERM) stops the simulations: the completed ones are\n"
    "written, with \"partial\": true in run.json. A second Ctrl-C quits at once.\n"
    "\n"
    "Exit status: 0 success (also when gnuplot is missing: the plots then wait to be\n"
    "drawn), 1 failure while running (gnuplot failing included), 2 bad input\n"
    "(scenario or options), 130 interrupted by SIGINT, 143 by SIGTERM.\n";

typedef struct run_args {
    const char *scenario;
    cli_common_args common; /* common.plots: --plots, or --report */
    int report;             /* --report */
    run_query_args query;   /* --draws, --given, --target-se, ... (run_query.h) */
} run_args;

/* @return -1 to go on, or the exit status. */
static int parse_args(int argc, char **argv, run_args *a)
{
    enum { OPT_REPORT = CLI_OPT_OWN };
    static const struct option options[] = {CLI_SHARED_LONG_OPTIONS,
                                            RUN_QUERY_LONG_OPTIONS,
                                            {"report", no_argument, NULL, OPT_REPORT},
                                            CLI_JOB_OPTIONS_END};
    *a = (run_args){NULL, CLI_COMMON_ARGS_INIT, 0, RUN_QUERY_ARGS_INIT};
    int c, rc = -1;
    optind = 1;
    while ((c = cli_job_option("run", argc, argv, options, &a->common, &rc)) != -1) {
        if (c == CLI_OPT_EXIT)
            return rc;
        int query = run_query_option(c, optarg, &a->query);
        if (query >= 0)
            return query;
        if (query != CLI_NOT_SHARED)
            continue;
        switch (c) {
        case OPT_REPORT: a->report = a->common.plots = 1; break;
        case 'h': fputs(run_help, stdout); return EXIT_OK;
        default: return cli_bad_option("run", options, argc, argv);
        }
    }
    if (optind != argc - 1)
        return cli_usage_error("run", "expected one scenario file");
    a->scenario = argv[optind];
    return run_query_check(&a->query);
}

/* Run the simulations into @p tally; @return the library's status (SCRUTIN_EINTR if stopped). */
static int simulate(scrutin_tally *tally, const scrutin_model *model, const run_args *a,
                    scrutin_ctx *ctx)
{
    scrutin_sim_options opt = SCRUTIN_SIM_OPTIONS_INIT;
    /* Under MPI each rank runs its own contiguous block, with the streams of those indices. */
    dist_block(a->common.simulations, &opt.first, &opt.count);
    cli_job_sim sim;
    cli_job_sim_begin(&sim, &a->common, &opt);
    int status = scrutin_sim_run(tally, model, &opt, ctx);
    cli_job_sim_end(&sim);
    return status;
}

/* With --plots: write the plots' files, then draw them. @return a library status. */
static int write_plots(cli_job *job, const scrutin_model *model, const scrutin_tally *tally,
                       const scrutin_summary *summary, scrutin_ctx *ctx)
{
    int status = scrutin_run_plot(job->out, model, tally, summary, NULL, ctx);
    if (status == SCRUTIN_OK) {
        size_t n;
        const char *const *names = scrutin_run_plot_names(&n);
        status = cli_job_draw(job, names, n, ctx);
    }
    return status;
}

/* Where the files are, after the headline table (table and Markdown formats only). */
static void print_files(const cli_job *job, const run_args *a)
{
    size_t n;
    const char *const *names = scrutin_run_plot_names(&n);
    cli_job_say_files(job, "seats_distribution.csv, seats_summary.csv, districts.csv, "
                           "district_lists.csv, district_leverage.csv, district_runoffs.csv, "
                           "run.json",
                      "Plots", names, n);
    if (a->common.format == SCRUTIN_FORMAT_TABLE && a->report)
        printf("Report: %s/report.html\n", job->out);
}

/* What the write phase needs of a run. */
typedef struct run_state {
    const run_args *a;
    const scrutin_model *model;
    const scrutin_tally *tally;
    scrutin_run_info info;
    const char *hash;
    run_query_result result;
} run_state;

/*
 * Summarise, write the files, the plots and the report, print the headline
 * numbers. @return a library status.
 */
static int write_results(cli_job *job, run_state *r, scrutin_ctx *ctx)
{
    const run_args *a = r->a;
    double start = cli_now_seconds();
    scrutin_summary *summary = NULL;
    int status = scrutin_summary_compute(&summary, r->model, r->tally, ctx);
    if (status == SCRUTIN_OK) {
        r->info.write_seconds = cli_now_seconds() - start;
        status = scrutin_run_write(job->out, r->model, r->tally, summary, &r->info, ctx);
    }
    if (status == SCRUTIN_OK && a->common.plots)
        status = write_plots(job, r->model, r->tally, summary, ctx);
    /* After the plots: the page takes in the images that were drawn. */
    if (status == SCRUTIN_OK && a->report)
        status = scrutin_report_html(job->out, r->model, r->tally, summary, &r->info, ctx);
    if (status == SCRUTIN_OK && !a->common.quiet) {
        /* With --given, it says how many simulations match, in every format. */
        status = scrutin_run_print_info(stdout, r->model, r->tally, summary, &r->info,
                                        a->common.format, ctx);
        if (status == SCRUTIN_OK)
            print_files(job, a);
    }
    if (status == SCRUTIN_OK)
        cli_note_published_winners("run", r->model, summary);
    scrutin_summary_free(summary);
    return status;
}

/* What run.json records of this run, besides the timings. */
static void describe_run(scrutin_run_info *info, const run_args *a, const scrutin_model *model,
                         const char *hash, uint64_t completed, int interrupted)
{
    info->scenario_name = scrutin_model_name(model);
    info->scenario_path = a->scenario;
    info->scenario_hash = hash;
    info->seed = a->common.seed;
    info->requested = a->common.simulations;
    info->completed = completed;
    info->partial = interrupted;
    info->threads = a->common.threads;
    info->ranks = dist_size();
    info->simd = scrutin_simd_name(cli_simd());
    info->command_line = cli_command_line();
}

/* Whether the run needs run_query_simulate(): draws, known results or a stopping rule. */
static int query_used(const run_query_args *q)
{
    return q->draws || q->n_given || run_query_adaptive(q);
}

/* What run.json says of the draws, the known results and the stopping rule. */
static void describe_query(scrutin_run_info *info, const run_args *a, const scrutin_model *model,
                           const run_query_result *r)
{
    const run_query_args *q = &a->query;
    if (q->n_given) {
        info->given = q->given;
        info->n_given = q->n_given;
        info->given_system = scrutin_model_system_id(model, r->given_system);
        info->simulated = r->simulated;
    }
    if (run_query_adaptive(q)) {
        info->requested = q->max_n;
        info->target_se = q->target_se;
        info->min_matches = q->min_matches;
        info->max_n = q->max_n;
        info->stop_met = r->met;
        if (!r->met && !info->partial)
            fprintf(stderr, "scrutin run: the %s not reached within --max-n %llu simulations%s\n",
                    q->target_se > 0.0 ? "--target-se" : "--min-matches",
                    (unsigned long long)q->max_n,
                    q->target_se > 0.0 ? " (run.json: \"stopping\": {\"met\": false})" : "");
    }
}

/* The write phase (cli_job_write_fn): what run.json records, then the files. */
static int write_run(cli_job *job, void *data, scrutin_ctx *ctx)
{
    run_state *r = data;
    describe_run(&r->info, r->a, r->model, r->hash, scrutin_tally_simulations(r->tally),
                 job->interrupted);
    describe_query(&r->info, r->a, r->model, &r->result);
    int status = write_results(job, r, ctx);
    /* The draws database, if it is in the folder, is one of the run's files. */
    if (status == SCRUTIN_OK && r->a->query.draws)
        status = cli_output_add_path(job->output, r->a->query.draws, ctx);
    return status;
}

/*
 * Simulate on every rank, the tallies summed onto rank 0's. Interrupted
 * anywhere: every rank's completed simulations are kept. @return 0,
 * SCRUTIN_EINTR, or the first failure of any rank (job->reporter: the rank
 * that says why).
 */
static int simulate_everywhere(cli_job *job, run_state *r, scrutin_tally *tally, scrutin_ctx *ctx)
{
    const run_args *a = r->a;
    int status = query_used(&a->query) ? run_query_simulate(tally, r->model, &a->query, &a->common,
                                                            r->hash, &r->result, ctx)
                                       : simulate(tally, r->model, a, ctx);
    int stopped = dist_agree(status == SCRUTIN_EINTR ? SCRUTIN_EINTR : SCRUTIN_OK, &job->reporter);
    status = dist_agree(status == SCRUTIN_EINTR ? SCRUTIN_OK : status, &job->reporter);
    if (status == SCRUTIN_OK)
        status = dist_reduce_tally(tally);
    return status == SCRUTIN_OK ? stopped : status;
}

/* Load, simulate, write (a cli_command_fn). @return the exit status. */
static int run(const void *args, scrutin_ctx *ctx)
{
    const run_args *a = args;
    run_state r = {a, NULL, NULL, SCRUTIN_RUN_INFO_INIT, NULL, {0, 0, 0.0, 0}};
    double start = cli_now_seconds();
    scrutin_scenario *scenario;
    scrutin_model *model;
    int rc = cli_load_model(a->scenario, &scenario, &model, ctx);
    if (rc != EXIT_OK)
        return rc;
    r.model = model;
    if (dist_is_root())
        cli_warn_other_votes("run", a->scenario, model);
    char hash[SCRUTIN_SCENARIO_HASH_SIZE];
    r.hash = hash;
    cli_job job;
    cli_job_start(&job, "run", &a->common, a->common.out ? NULL : cli_default_out_dir(model, ""));
    job.doing = "preparing the output folder";
    scrutin_tally *tally = NULL;
    int status = job.out ? scrutin_report_scenario_hash(hash, sizeof hash, scenario, ctx)
                         : SCRUTIN_ENOMEM;
    if (status == SCRUTIN_OK)
        status = cli_job_open(&job, (const scrutin_scenario *const *)&scenario, 1, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_tally_new(&tally, model);
    r.tally = tally;
    /* Every rank stops if any rank failed; the first failing one is the one that reports. */
    status = dist_agree(status, &job.reporter);
    r.info.load_seconds = dist_max(cli_now_seconds() - start);
    if (status == SCRUTIN_OK) {
        job.doing = "simulating";
        start = cli_now_seconds();
        status = simulate_everywhere(&job, &r, tally, ctx);
        r.info.simulate_seconds = dist_max(cli_now_seconds() - start);
    }
    job.status = status;
    job.interrupted = status == SCRUTIN_EINTR;
    uint64_t completed = tally ? scrutin_tally_simulations(tally) : 0;
    if (status == SCRUTIN_OK && completed == 0 && a->query.n_given) {
        /* Nothing to be conditional on: say so rather than write empty tables. */
        job.status = scrutin_ctx_error(ctx, SCRUTIN_EINPUT, "--given", 0, NULL,
                                       "none of the %llu simulations matches the results given: "
                                       "check them (scrutin show lists the ids), or simulate more "
                                       "(-n, or --min-matches K --max-n M)",
                                       (unsigned long long)r.result.simulated);
        job.reporter = 0;
    }
    if (job.status == SCRUTIN_OK || job.interrupted)
        job.doing = "writing the results";
    /* Rank 0 holds the sum of every rank's tally: it alone writes. */
    if (cli_job_write(&job, completed > 0, write_run, &r, ctx))
        /* As run.json says them: with known results, the simulations run, matching or not;
           under a stopping rule, of --max-n. */
        cli_job_say_partial(&job, r.info.n_given ? r.info.simulated : completed,
                            r.info.requested, "results are", "run.json");
    rc = cli_job_finish(&job, ctx);
    scrutin_tally_free(tally);
    scrutin_model_free(model);
    scrutin_scenario_free(scenario);
    return rc;
}

int cmd_run(int argc, char **argv)
{
    run_args a;
    return cli_with_context(parse_args(argc, argv, &a), "run", run, &a);
}
