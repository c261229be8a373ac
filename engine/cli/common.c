#include <errno.h>
#include <string.h>
#include <math.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdlib.h>

#include "cli.h"

void cli_print_diagnostics(const scrutin_ctx *ctx)
{
    /* Printed piece by piece (as scrutin_ctx_format joins them): never cut to a buffer. */
    for (size_t i = 0; i < scrutin_ctx_count(ctx); i++) {
        const scrutin_diag *d = scrutin_ctx_get(ctx, i);
        fputs("scrutin: ", stderr);
        if (d->file)
            fputs(d->file, stderr);
        if (d->line)
            fprintf(stderr, ":%u", d->line);
        if (d->file)
            fputs(": ", stderr);
        if (d->field)
            fprintf(stderr, "%s: ", d->field);
        fprintf(stderr, "%s\n", d->message ? d->message : "");
    }
}

int cli_exit_status(int status)
{
    if (status == SCRUTIN_OK)
        return EXIT_OK;
    return scrutin_status_is_input_error(status) ? EXIT_BAD_INPUT : EXIT_FAILURE_RUN;
}

int cli_out_of_memory(const char *command, const char *doing)
{
    fprintf(stderr, "scrutin %s: out of memory while %s\n", command, doing);
    return EXIT_FAILURE_RUN;
}

int cli_fail(const char *command, int status, const scrutin_ctx *ctx, const char *doing)
{
    cli_print_diagnostics(ctx);
    if (status == SCRUTIN_ENOMEM)
        return cli_out_of_memory(command, doing);
    if (scrutin_ctx_count(ctx) == 0)
        fprintf(stderr, "scrutin %s: %s while %s\n", command, scrutin_strerror(status), doing);
    return cli_exit_status(status);
}

int cli_load_model(const char *path, scrutin_scenario **scenario, scrutin_model **model,
                   scrutin_ctx *ctx)
{
    *scenario = NULL;
    *model = NULL;
    int status = scrutin_scenario_load(scenario, path, ctx);
    if (*scenario) {
        /* Compile even a scenario with bad cells, to report every problem at once. */
        int compiled = scrutin_model_compile(model, *scenario, ctx);
        if (status == SCRUTIN_OK)
            status = compiled;
    }
    if (status != SCRUTIN_OK) {
        cli_print_diagnostics(ctx);
        if (status == SCRUTIN_ENOMEM)
            fprintf(stderr, "scrutin: %s: out of memory while %s the scenario\n", path,
                    *scenario ? "compiling" : "loading");
        else if (scrutin_ctx_count(ctx) == 0)
            fprintf(stderr, "scrutin: %s: %s\n", path, scrutin_strerror(status));
        scrutin_model_free(*model);
        scrutin_scenario_free(*scenario);
        *model = NULL;
        *scenario = NULL;
        return cli_exit_status(status);
    }
    return EXIT_OK;
}

static scrutin_simd simd_chosen = SCRUTIN_SIMD_AUTO;

int cli_simd_read(void)
{
    const char *name = getenv("SCRUTIN_SIMD");
    scrutin_simd simd = SCRUTIN_SIMD_AUTO;
    if (name && *name && (scrutin_simd_parse(name, &simd) != SCRUTIN_OK || simd == SCRUTIN_SIMD_AUTO)) {
        fprintf(stderr, "scrutin: SCRUTIN_SIMD=\"%s\": expected avx512, avx2 or portable (or leave "
                        "it unset for the best this CPU runs)\n", name);
        return EXIT_BAD_INPUT;
    }
    if (!scrutin_simd_available(simd)) {
        fprintf(stderr, "scrutin: SCRUTIN_SIMD=%s: this CPU or this build cannot run that path "
                        "(best here: %s); unset SCRUTIN_SIMD or choose another\n",
                scrutin_simd_name(simd), scrutin_simd_name(scrutin_simd_best()));
        return EXIT_BAD_INPUT;
    }
    simd_chosen = simd == SCRUTIN_SIMD_AUTO ? scrutin_simd_best() : simd;
    return -1;
}

scrutin_simd cli_simd(void) { return simd_chosen; }

int cli_parse_seed(const char *text, uint64_t *seed)
{
    /* Digits only, as the scenario's whole numbers: strtoull would take " -1" as 2^64 - 1. */
    if (text[0] == 0 || strspn(text, "0123456789") != strlen(text))
        return -1;
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || *end)
        return -1;
    *seed = (uint64_t)v;
    return 0;
}

int cli_parse_real(const char *text, double *out)
{
    /* A decimal number as the scenario's: no spaces, no hexadecimal, nothing after it. */
    const char *p = text + (text[0] == '-' || text[0] == '+');
    if (!((*p >= '0' && *p <= '9') || *p == '.') || strpbrk(text, "xX"))
        return -1;
    char *end = NULL;
    errno = 0;
    double x = strtod(text, &end);
    if (end == text || *end || errno == ERANGE || !isfinite(x))
        return -1;
    *out = x;
    return 0;
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "scrutin %s: ", command);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'scrutin %s --help'.\n", command);
    va_end(ap);
    return EXIT_BAD_INPUT;
}

int cli_shared_option(const char *command, int c, const char *arg, cli_common_args *a)
{
    /* Threads beyond this make libgomp abort: refuse them as bad input. */
    enum { MAX_THREADS = 1024 };
    uint64_t number;
    switch (c) {
    case 'n':
        /* The tally counts in int64_t. */
        if (cli_parse_seed(arg, &a->simulations) != 0 || a->simulations == 0 ||
            a->simulations > INT64_MAX)
            return cli_usage_error(command, "\"%s\" is not a number of simulations (a whole "
                                            "number >= 1)", arg);
        return -1;
    case 's':
        if (cli_parse_seed(arg, &a->seed) != 0)
            return cli_usage_error(command, "\"%s\" is not a seed (a whole number >= 0)", arg);
        return -1;
    case 't':
        if (cli_parse_seed(arg, &number) != 0 || number > MAX_THREADS)
            return cli_usage_error(command, "\"%s\" is not a number of threads (a whole number "
                                            "from 0 to %d; 0: OpenMP's default)",
                                   arg, MAX_THREADS);
        a->threads = (int)number;
        return -1;
    case 'o':
        if (!arg[0])
            return cli_usage_error(command, "the output folder's name is empty");
        a->out = arg;
        return -1;
    case 'f':
        if (scrutin_format_parse(&a->format, arg) != SCRUTIN_OK)
            return cli_usage_error(command, "unknown format \"%s\" (table, csv, json or md)", arg);
        return -1;
    case CLI_OPT_NO_PROGRESS:
        a->progress = 0;
        return -1;
    case CLI_OPT_PLOTS:
        a->plots = 1;
        return -1;
    case 'q':
        a->quiet = 1;
        return -1;
    default:
        return CLI_NOT_SHARED;
    }
}
