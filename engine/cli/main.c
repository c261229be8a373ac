/* scrutin: the command line, a thin client of the library's public API. */
#include <errno.h>
#include <string.h>

#include "cli.h"
#include "distributed.h"
#include "scrutin/text.h"

static const char main_help[] =
    "Usage: scrutin COMMAND [OPTIONS] SCENARIO\n"
    "\n"
    "A Monte Carlo engine for two-round list elections.\n"
    "\n"
    "Commands:\n"
    "  compare    run what-ifs against their base with common random numbers\n"
    "  import     make a scenario from a results table (one row per district and list)\n"
    "  init       write a small commented scenario to edit\n"
    "  replay     apply the rules to the observed votes and the court's decisions\n"
    "  run        simulate the election many times and write the probability tables\n"
    "  sweep      vary one parameter and write each coalition's P(majority)\n"
    "  validate   check a scenario and report every problem in it\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help; 'scrutin COMMAND --help' for a command's\n"
    "  -V, --version  show the version, and the kernel's vector path\n"
    "\n"
    "Environment: SCRUTIN_SIMD=avx512|avx2|portable forces the kernel's vector path\n"
    "(the results are the same on every path; unset: the fastest this CPU runs).\n"
    "\n"
    "Exit status: 0 success, 1 failure while running, 2 bad input (nothing is\n"
    "then written), 130 or 143 interrupted by SIGINT (Ctrl-C) or SIGTERM (run, compare\n"
    "and sweep: the completed simulations are written, marked partial).\n"
    "Documentation: docs/ in the source tree, and the scrutin(1) man page.\n";

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"compare", cmd_compare},
    {"import", cmd_import},
    {"init", cmd_init},
    {"replay", cmd_replay},
    {"run", cmd_run},
    {"show", cmd_show},
    {"sweep", cmd_sweep},
    {"validate", cmd_validate},
};

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        fputs(main_help, stderr);
        return EXIT_BAD_INPUT;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fputs(main_help, stdout);
        return EXIT_OK;
    }
    int rc = cli_simd_read();
    if (rc >= 0)
        return rc;
    if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
#ifdef SCRUTIN_WITH_MPI
        printf("scrutin %s (MPI)\n", scrutin_version());
#else
        printf("scrutin %s\n", scrutin_version());
#endif
        /* The kernel's vector path a run takes here (SCRUTIN_SIMD forces one). */
        printf("kernel: %s (SCRUTIN_SIMD=avx512|avx2|portable; results are the same on every "
               "path)\n", scrutin_simd_name(cli_simd()));
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    const char *names[sizeof commands / sizeof commands[0]];
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        names[i] = commands[i].name;
    const char *near = scrutin_suggest(argv[1], names, sizeof names / sizeof names[0]);
    if (near)
        fprintf(stderr, "scrutin: unknown command \"%s\": did you mean \"%s\"?\n", argv[1], near);
    else
        fprintf(stderr, "scrutin: unknown command \"%s\"\n", argv[1]);
    fprintf(stderr, "Try 'scrutin --help'.\n");
    return EXIT_BAD_INPUT;
}

int main(int argc, char **argv)
{
    if (dist_init(&argc, &argv) != SCRUTIN_OK) {
        fprintf(stderr, "scrutin: MPI could not start\n");
        return EXIT_FAILURE_RUN;
    }
    /* Under MPI only rank 0 speaks; the others agree on the outcome and keep quiet. */
    if (!dist_is_root() && (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)))
        return EXIT_FAILURE_RUN;
    int rc = cli_command_line_set(argc, argv) == 0
                 ? dispatch(argc, argv)
                 : cli_out_of_memory(argc > 1 ? argv[1] : "", "starting");
    /* Output lost on a full disk or a closed pipe is a failure, even when it fitted in the
       buffer until now: check the last flush (the error indicator keeps any earlier one). */
    if ((fflush(stdout) != 0 || ferror(stdout)) && rc == EXIT_OK) {
        fprintf(stderr, "scrutin: standard output cannot be written: %s\n", strerror(errno));
        rc = EXIT_FAILURE_RUN;
    }
    dist_finalize();
    return rc;
}
