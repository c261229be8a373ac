/*
 * The skeleton of the commands that simulate (run, compare, sweep), in one
 * place so that they take their folder, simulate, write and end alike: the
 * output folder taken before simulating, the progress bar and the stop
 * signal around the simulations, the write phase under deferred signals
 * ended by the manifest, and the exit status (docs/cli.md). Each command
 * keeps only what is its own: its arguments, its simulation call and its
 * files. And the opening of the commands that read one scenario and report
 * on it (replay, validate, show).
 */
#ifndef SCRUTIN_CLI_JOB_H
#define SCRUTIN_CLI_JOB_H

#include <stdint.h>

#include "cli.h"
#include "plot_render.h"
#include "progress.h"
#include "stop_signal.h"

/* One simulating command from its folder to its exit status. */
typedef struct cli_job {
    const char *command;           /* "run", "compare", "sweep": the prefix of its messages */
    const cli_common_args *common; /* the shared options */
    const char *out;               /* the output folder: --out, else the default */
    char *default_out;             /* the default folder's name, owned (NULL with --out) */
    scrutin_output *output;        /* rank 0's hold on the folder; NULL elsewhere and once ended */
    int status;                    /* the library status, agreed by every rank */
    int reporter;                  /* the rank whose diagnostics say why it failed */
    int interrupted;               /* a stop signal ended the simulations early */
    cli_render_result drawn;       /* what became of the plots asked for */
    const char *doing;             /* the step a failure names; NULL: "running" */
} cli_job;

/* The last rows of a simulating command's getopt_long() table: --help, then the end. */
#define CLI_JOB_OPTIONS_END {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}

/* The lines of --help on the progress bar, --quiet and --help, as run and compare say them. */
#define CLI_JOB_HELP_QUIET                                                                         \
    "      --no-progress    no progress bar (drawn on standard error only when it is\n"           \
    "                       a terminal)\n"                                                        \
    "  -q, --quiet          print nothing on standard output, and no progress bar\n"             \
    "  -h, --help           show this help\n"

/* cli_job_option(): a shared option had a bad value; the exit status is in *exit_status. */
#define CLI_OPT_EXIT (-3)

/*
 * The next option of the command line (getopt_long() over @p options and
 * CLI_SHARED_SHORT_OPTIONS "h", from optind: set it to 1 first), the shared
 * ones stored in @p common and passed over. @return the getopt_long() value
 * of the next option that is not shared, -1 at the end, or CLI_OPT_EXIT
 */
int cli_job_option(const char *command, int argc, char **argv, const struct option *options,
                   cli_common_args *common, int *exit_status);

/*
 * A job of @p command with the options @p common, into --out or, without it,
 * @p default_out (the default folder's name, malloc'd: the job frees it; NULL
 * out of memory, which cli_job_open() reports).
 */
void cli_job_start(cli_job *job, const char *command, const cli_common_args *common,
                   char *default_out);

/*
 * Take the output folder (cli_output_open()) before simulating, so that a
 * folder refused or held by another run is said at once: SCRUTIN_ENOMEM if
 * there is no folder name. @return a library status (not yet agreed by the ranks)
 */
int cli_job_open(cli_job *job, const scrutin_scenario *const *inputs, size_t n, scrutin_ctx *ctx);

/*
 * Every rank's load of its scenarios (@p rc, an exit status) agreed: all stop
 * if one failed; rank 0 names another failing rank ("could not load @p what").
 * @return the agreed exit status
 */
int cli_job_agree_loaded(const char *command, int rc, const char *what);

/* What is around one simulation call: the progress bar and the stop signal caught. */
typedef struct cli_job_sim {
    cli_progress bar;
    int drawing; /* the bar is drawn */
    cli_stop_saved saved;
} cli_job_sim;

/*
 * Before simulating: @p opt's seed, threads, vector path and stop flag from
 * @p common; a progress bar on standard error (rank 0, a terminal, neither
 * --no-progress nor --quiet) as @p opt's progress callback; SIGINT and SIGTERM
 * caught until cli_job_sim_end(). The block of simulations is the caller's.
 */
void cli_job_sim_begin(cli_job_sim *sim, const cli_common_args *common, scrutin_sim_options *opt);
/* After simulating: the signals' actions put back, the bar erased. */
void cli_job_sim_end(cli_job_sim *sim);

/* A study of the library spread over processes by @p ranks (scrutin/reduce.h). */
typedef int (*cli_job_study_fn)(void *study, const scrutin_sim_options *opt,
                                const scrutin_reduce *ranks, scrutin_ctx *ctx);

/*
 * Run @p fn on every rank with the ranks' hooks (dist_reduce_hooks(): the
 * rank that reports a failure into job->reporter) and options of --simulations
 * simulations from 0, as cli_job_sim_begin() sets them. @return @p fn's status
 */
int cli_job_spread(cli_job *job, cli_job_study_fn fn, void *study, scrutin_ctx *ctx);

/* A command's files, written by rank 0 into job->out. @return a library status */
typedef int (*cli_job_write_fn)(cli_job *job, void *data, scrutin_ctx *ctx);

/*
 * The write phase, after job->status and job->interrupted say how the
 * simulations went: interrupted before any was completed (!@p any_completed),
 * say that nothing is written; else, if they succeeded or were interrupted,
 * rank 0 alone (it holds every rank's sum) writes with @p write while signals
 * wait for the writes to finish whole, then the manifest, and reports a
 * failure of its own. @return 1 if the partial results of an interrupted run
 * were written (the command then says where), else 0
 */
int cli_job_write(cli_job *job, int any_completed, cli_job_write_fn write, void *data,
                  scrutin_ctx *ctx);

/*
 * "scrutin COMMAND: interrupted after C of N simulations; their WHAT in OUT/
 * (FILE: "partial": true)", on standard error.
 */
void cli_job_say_partial(const cli_job *job, uint64_t completed, uint64_t requested,
                         const char *what, const char *file);

/*
 * With --plots: draw the plots @p names the library wrote (cli_render_plots())
 * and record their images in the manifest. @return a library status
 */
int cli_job_draw(cli_job *job, const char *const *names, size_t n, scrutin_ctx *ctx);

/*
 * After the headline on standard output: where the files are (table: the
 * list @p files, then, when the plots were drawn, "@p noun drawn in ...:" and
 * their @p names; Markdown: the folder). Other formats: nothing.
 */
void cli_job_say_files(const cli_job *job, const char *files, const char *noun,
                       const char *const *names, size_t n);

/*
 * The end: the folder left as it was if nothing was written into it, a
 * failure reported by the rank that knows why, the job's memory freed.
 * @return the exit status (cli_finish())
 */
int cli_job_finish(cli_job *job, const scrutin_ctx *ctx);

/* A command's work once its arguments are read: @p args, and the context to report into. */
typedef int (*cli_command_fn)(const void *args, scrutin_ctx *ctx);

/*
 * After the arguments were read (@p parsed: -1 to go on, else the exit status
 * already decided, returned as is), run @p fn on @p args in a context of its
 * own (out of memory at the start: said, exit status 1). @return the exit status
 */
int cli_with_context(int parsed, const char *command, cli_command_fn fn, const void *args);

/*
 * What replay, validate and show do with their scenario: called with the
 * loaded model and EXIT_OK, or with NULL and the exit status after the load
 * failed (cli_load_model() has reported why). @return the exit status
 */
typedef int (*cli_scenario_fn)(const char *path, const scrutin_model *model, int rc, void *data,
                               scrutin_ctx *ctx);

/*
 * Load and compile the scenario at @p path in a context of its own, hand it
 * to @p fn, free it. @return @p fn's exit status, or 1 out of memory at the start
 */
int cli_with_scenario(const char *command, const char *path, cli_scenario_fn fn, void *data);

#endif
