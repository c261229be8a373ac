/* The skeleton of run, compare and sweep (job.h): one way to take the folder, simulate, write, end. */
#include <getopt.h>
#include <stdlib.h>
#include <unistd.h>

#include "distributed.h"
#include "job.h"
#include "out_dir.h"
#include "outcome.h"

int cli_job_option(const char *command, int argc, char **argv, const struct option *options,
                   cli_common_args *common, int *exit_status)
{
    int c;
    while ((c = getopt_long(argc, argv, CLI_SHARED_SHORT_OPTIONS "h", options, NULL)) != -1) {
        int shared = cli_shared_option(command, c, optarg, common);
        if (shared == CLI_NOT_SHARED)
            return c;
        if (shared >= 0) {
            *exit_status = shared;
            return CLI_OPT_EXIT;
        }
    }
    return -1;
}

void cli_job_start(cli_job *job, const char *command, const cli_common_args *common,
                   char *default_out)
{
    *job = (cli_job){command, common, common->out ? common->out : default_out, default_out,
                     NULL, SCRUTIN_OK, 0, 0, CLI_RENDER_DONE, NULL};
}

int cli_job_open(cli_job *job, const scrutin_scenario *const *inputs, size_t n, scrutin_ctx *ctx)
{
    if (!job->out)
        return SCRUTIN_ENOMEM;
    return cli_output_open(&job->output, job->out, inputs, n, ctx);
}

int cli_job_agree_loaded(const char *command, int rc, const char *what)
{
    int reporter = 0;
    int agreed = dist_agree(rc, &reporter);
    if (agreed != EXIT_OK && reporter != dist_rank() && dist_is_root())
        fprintf(stderr, "scrutin %s: rank %d could not load %s\n", command, reporter, what);
    return agreed < 0 ? EXIT_FAILURE_RUN : agreed;
}

void cli_job_sim_begin(cli_job_sim *sim, const cli_common_args *common, scrutin_sim_options *opt)
{
    opt->seed = common->seed;
    opt->threads = common->threads;
    opt->simd = cli_simd();
    opt->stop = cli_stop_flag();
    sim->drawing = common->progress && !common->quiet && dist_is_root() && isatty(STDERR_FILENO);
    if (sim->drawing) {
        cli_progress_start(&sim->bar, stderr);
        opt->progress = cli_progress_report;
        opt->progress_data = &sim->bar;
    }
    cli_stop_catch(&sim->saved);
}

void cli_job_sim_end(cli_job_sim *sim)
{
    cli_stop_release(&sim->saved);
    if (sim->drawing)
        cli_progress_clear(&sim->bar);
}

int cli_job_spread(cli_job *job, cli_job_study_fn fn, void *study, scrutin_ctx *ctx)
{
    scrutin_sim_options opt = SCRUTIN_SIM_OPTIONS_INIT;
    opt.count = job->common->simulations;
    scrutin_reduce ranks;
    dist_reduce_hooks(&ranks, &job->reporter);
    cli_job_sim sim;
    cli_job_sim_begin(&sim, job->common, &opt);
    int status = fn(study, &opt, &ranks, ctx);
    cli_job_sim_end(&sim);
    return status;
}

int cli_job_write(cli_job *job, int any_completed, cli_job_write_fn write, void *data,
                  scrutin_ctx *ctx)
{
    if (job->interrupted && !any_completed) {
        /* Rank 0 alone speaks for the job: another rank's own count says nothing of the
           results rank 0 writes. */
        if (dist_is_root())
            cli_say_nothing_written(job->command);
        return 0;
    }
    if ((job->status != SCRUTIN_OK && !job->interrupted) || !dist_is_root())
        return 0;
    cli_stop_saved writing; /* a signal now waits for the writes (cli_stop_defer) */
    cli_stop_defer(&writing);
    int status = write(job, data, ctx);
    /* The index and its manifest last, then an earlier run's stale files removed. */
    job->status = cli_output_end(job->output, job->command, status, ctx);
    cli_stop_release(&writing);
    job->output = NULL;
    job->reporter = 0; /* rank 0 holds the sums: a failure now is its own, and it says why */
    return job->status == SCRUTIN_OK && job->interrupted;
}

void cli_job_say_partial(const cli_job *job, uint64_t completed, uint64_t requested,
                         const char *what, const char *file)
{
    fprintf(stderr, "scrutin %s: interrupted after %llu of %llu simulations; their %s in %s/ "
                    "(%s: \"partial\": true)\n",
            job->command, (unsigned long long)completed, (unsigned long long)requested, what,
            job->out, file);
}

int cli_job_draw(cli_job *job, const char *const *names, size_t n, scrutin_ctx *ctx)
{
    job->drawn = cli_render_plots(job->command, job->out, names, n);
    return cli_output_add_images(job->output, names, n, ctx);
}

void cli_job_say_files(const cli_job *job, const char *files, const char *noun,
                       const char *const *names, size_t n)
{
    if (job->common->format == SCRUTIN_FORMAT_TABLE) {
        printf("\nFiles written to %s/: %s\n", job->out, files);
        if (job->common->plots && job->drawn == CLI_RENDER_DONE) {
            printf("%s drawn in %s/%s/:", noun, job->out, SCRUTIN_PLOT_DIR);
            for (size_t i = 0; i < n; i++)
                printf("%s %s", i ? "," : "", names[i]);
            printf(" (.svg, .png)\n");
        }
    } else if (job->common->format == SCRUTIN_FORMAT_MD) {
        printf("\nFiles written to `%s/`.\n", job->out);
    }
}

int cli_job_finish(cli_job *job, const scrutin_ctx *ctx)
{
    scrutin_output_abandon(job->output); /* not written into: left as it was */
    job->output = NULL;
    int rc = cli_finish(job->command, &(cli_outcome){job->status, job->reporter,
                                                     job->interrupted, job->drawn, job->doing},
                        ctx);
    free(job->default_out);
    job->default_out = NULL;
    return rc;
}
