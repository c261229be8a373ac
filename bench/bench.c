/*
 * scrutin-bench: the benchmark program (scripts/bench.sh builds and runs it).
 *
 *   scrutin-bench [--quick] [--repeats R] [--threads T] [--simulations N]
 *                 [--scenario PATH] [--cli PATH] [--old-cli PATH] [--callgrind]
 *                 [--only SECTION,...] [--json FILE] [--md FILE]
 *   scrutin-bench --child-sim SCENARIO N [T] (N simulations on T threads, 1 by default;
 *                                             for callgrind, and as a quick timer)
 *
 * It measures, each several times with the median reported: simulations per
 * second on Mali 2007 for 1, 2, ... threads; the cost per simulation of
 * synthetic elections of 55, 550 and 5,500 districts with 5, 10 and 20 lists
 * each; the peak memory of `scrutin run` for N = 10^4, 10^5, 10^6; what the draws
 * database (--draws) adds to `scrutin run` at 10^5 and 10^6 simulations; in full
 * mode, `scrutin run -n 1000000` for each vector path the CPU has; and, with
 * --callgrind, the kernel's instructions per simulation. It reports; it never
 * fails on a timing.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include "bench.h"

#include <errno.h>
#include <ftw.h>
#include <gsl/gsl_version.h>
#include <gnu/libc-version.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "measure.h"

scrutin_model *bench_load(const char *path)
{
    scrutin_ctx *ctx = NULL;
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK)
        return NULL;
    int status = scrutin_scenario_load(&s, path, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_model_compile(&m, s, ctx);
    for (size_t i = 0; status != SCRUTIN_OK && i < scrutin_ctx_count(ctx) && i < 10; i++) {
        char buf[1024];
        scrutin_ctx_format(ctx, i, buf, sizeof buf);
        fprintf(stderr, "scrutin-bench: %s\n", buf);
    }
    scrutin_scenario_free(s);
    scrutin_ctx_free(ctx);
    return status == SCRUTIN_OK ? m : NULL;
}

double bench_time_run(const scrutin_model *m, uint64_t n, int threads, scrutin_tally **keep)
{
    scrutin_ctx *ctx = NULL;
    scrutin_tally *t = NULL;
    if (scrutin_ctx_new(&ctx) != SCRUTIN_OK || scrutin_tally_new(&t, m) != SCRUTIN_OK) {
        scrutin_ctx_free(ctx);
        return -1.0;
    }
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = n;
    o.threads = threads;
    o.seed = 1;
    double start = bench_now();
    int status = scrutin_sim_run(t, m, &o, ctx);
    double seconds = bench_now() - start;
    scrutin_ctx_free(ctx);
    if (keep && status == SCRUTIN_OK)
        *keep = t;
    else
        scrutin_tally_free(t);
    return status == SCRUTIN_OK ? seconds : -1.0;
}

/*
 * The child under callgrind, and a quick timer: load, then N simulations on T threads (1 by
 * default); prints the times taken.
 */
static int child_sim(const char *scenario, const char *count, const char *threads)
{
    scrutin_model *m = bench_load(scenario);
    if (!m)
        return 1;
    uint64_t n = strtoull(count, NULL, 10);
    int t = threads ? atoi(threads) : 1;
    double cpu = bench_cpu_now();
    double seconds = bench_time_run(m, n, t, NULL);
    cpu = bench_cpu_now() - cpu;
    scrutin_model_free(m);
    if (seconds < 0)
        return 1;
    printf("%llu simulations on %d thread%s: %.3f s wall (%.0f/s), %.3f s CPU, "
           "%.2f us per simulation (CPU)\n",
           (unsigned long long)n, t, t > 1 ? "s" : "", seconds, (double)n / seconds, cpu,
           1e6 * cpu / (double)n);
    return 0;
}

static void read_first_line(const char *path, const char *prefix, char *out, size_t size)
{
    FILE *f = fopen(path, "r");
    char line[512];
    size_t n = strlen(prefix);
    out[0] = '\0';
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, prefix, n) == 0) {
            const char *v = line + n;
            while (*v == ' ' || *v == '\t' || *v == ':')
                v++;
            snprintf(out, size, "%s", v);
            out[strcspn(out, "\n")] = '\0';
            break;
        }
    if (f)
        fclose(f);
}

static json_t *machine(const bench_config *c)
{
    char cpu[256], mem[128], load[128] = "";
    read_first_line("/proc/cpuinfo", "model name", cpu, sizeof cpu);
    read_first_line("/proc/meminfo", "MemTotal", mem, sizeof mem);
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (!fgets(load, sizeof load, f))
            load[0] = '\0';
        load[strcspn(load, "\n")] = '\0';
        fclose(f);
    }
    struct utsname u;
    char os[400] = "";
    if (uname(&u) == 0)
        snprintf(os, sizeof os, "%s %s %s", u.sysname, u.release, u.machine);
    char date[32];
    time_t now = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    return json_pack("{s:s, s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i}", "date",
                     date, "cpu", cpu, "cores", (json_int_t)sysconf(_SC_NPROCESSORS_ONLN),
                     "memory", mem, "os", os, "load_average_at_start", load, "compiler",
                     __VERSION__, "build_type", SCRUTIN_BENCH_BUILD_TYPE, "library_flags",
                     SCRUTIN_BENCH_LIBRARY_FLAGS, "gsl", GSL_VERSION, "glibc",
                     gnu_get_libc_version(), "scrutin_version", SCRUTIN_BENCH_VERSION,
                     "max_threads", c->max_threads);
}

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

/* Whether section @p name is to be measured: all of them unless --only named some. */
static int wanted(const char *only, const char *name)
{
    if (!only)
        return 1;
    size_t n = strlen(name);
    for (const char *p = only; (p = strstr(p, name)) != NULL; p += n)
        if ((p == only || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
            return 1;
    return 0;
}

static void usage(FILE *f)
{
    fprintf(f, "Usage: scrutin-bench [--quick] [--repeats R] [--threads T] [--simulations N]\n"
               "                     [--scenario PATH] [--cli PATH] [--callgrind]\n"
               "                     [--only SECTION,...] [--json FILE] [--md FILE]\n"
               "Measures throughput (Mali 2007, 1..T threads), the cost per simulation of\n"
               "synthetic elections (55, 550, 5,500 districts x 5, 10, 20 lists), the peak\n"
               "memory of `scrutin run` (N = 10^4, 10^5, 10^6), the CPU time the draws\n"
               "database adds (`scrutin run --draws`, N = 10^5, 10^6) and, with --callgrind,\n"
               "the kernel's instructions per simulation. Medians of R runs (default 3).\n"
               "Full mode also runs `scrutin run -n 1000000` on T threads for each vector\n"
               "path the CPU has (SCRUTIN_SIMD=avx512, avx2; section million).\n"
               "--quick: the CI mode, under a minute. --only: some of the sections memory,\n"
               "kernel, throughput, million, versus, draws, scaling. See docs/performance.md.\n");
}

int main(int argc, char **argv)
{
    if ((argc == 4 || argc == 5) && strcmp(argv[1], "--child-sim") == 0)
        return child_sim(argv[2], argv[3], argc == 5 ? argv[4] : NULL);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    bench_config c = {.repeats = 3, .max_threads = cores > 0 ? (int)cores : 1,
                      .scenario = SCRUTIN_BENCH_SOURCE_DIR "/scenarios/mali-2007/scenario.yaml",
                      .cli = SCRUTIN_BENCH_CLI, .self = "/proc/self/exe"};
    const char *json_path = "bench-results.json", *md_path = "bench-results.md", *only = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--quick") == 0)
            c.quick = 1;
        else if (strcmp(a, "--callgrind") == 0)
            c.callgrind = 1;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (v && strcmp(a, "--repeats") == 0 && (i++, atoi(v) > 0))
            c.repeats = atoi(v);
        else if (v && strcmp(a, "--threads") == 0 && (i++, atoi(v) > 0))
            c.max_threads = atoi(v);
        else if (v && strcmp(a, "--simulations") == 0 && (i++, strtoull(v, NULL, 10) > 0))
            c.simulations = strtoull(v, NULL, 10);
        else if (v && strcmp(a, "--scenario") == 0 && ++i)
            c.scenario = v;
        else if (v && strcmp(a, "--cli") == 0 && ++i)
            c.cli = v;
        else if (v && strcmp(a, "--old-cli") == 0 && ++i)
            c.old_cli = v;
        else if (v && strcmp(a, "--only") == 0 && ++i)
            only = v;
        else if (v && strcmp(a, "--json") == 0 && ++i)
            json_path = v;
        else if (v && strcmp(a, "--md") == 0 && ++i)
            md_path = v;
        else {
            fprintf(stderr, "scrutin-bench: bad option \"%s\"\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (!c.simulations)
        c.simulations = c.quick ? 20000 : 200000;
    /* The callgrind child re-executes this program: resolve our own path now. */
    static char self[4096];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len > 0) {
        self[len] = '\0';
        c.self = self;
    }
    const char *base = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/scrutin-bench-XXXXXX", base);
    if (!mkdtemp(tmp)) {
        fprintf(stderr, "scrutin-bench: cannot create a folder in %s: %s\n", base, strerror(errno));
        return 1;
    }
    c.tmp = tmp;

    json_t *results = json_object();
    json_object_set_new(results, "mode", json_string(c.quick ? "quick" : "full"));
    json_object_set_new(results, "repeats", json_integer(c.repeats));
    json_object_set_new(results, "machine", machine(&c));
    /*
     * Peak memory first: a child forked from this program starts with its resident pages
     * (Linux counts the forked image's peak in the child's ru_maxrss, even after exec), and
     * the scaling section below holds elections of 5,500 districts.
     */
    json_t *memory = wanted(only, "memory") ? bench_memory(&c) : NULL;
    json_t *kernel = c.callgrind && wanted(only, "kernel") ? bench_kernel(&c) : NULL;
    if (kernel)
        json_object_set_new(results, "kernel", kernel);
    if (wanted(only, "throughput"))
        json_object_set_new(results, "throughput", bench_throughput(&c));
    if (!c.quick && wanted(only, "million"))
        json_object_set_new(results, "million", bench_million(&c));
    if (wanted(only, "versus"))
        json_object_set_new(results, "versus", bench_versus(&c));
    if (wanted(only, "draws"))
        json_object_set_new(results, "draws", bench_draws(&c));
    if (wanted(only, "scaling"))
        json_object_set_new(results, "scaling", bench_scaling(&c));
    if (memory)
        json_object_set_new(results, "memory", memory);
    json_object_set_new(results, "targets", bench_targets(results));
    nftw(tmp, remove_entry, 16, FTW_DEPTH | FTW_PHYS);

    int status = 0;
    size_t flags = JSON_INDENT(2) | JSON_SORT_KEYS | JSON_REAL_PRECISION(6);
    if (json_dump_file(results, json_path, flags) != 0) {
        fprintf(stderr, "scrutin-bench: cannot write %s\n", json_path);
        status = 1;
    }
    if (bench_write_markdown(md_path, results) != 0) {
        fprintf(stderr, "scrutin-bench: cannot write %s\n", md_path);
        status = 1;
    }
    json_decref(results);
    return status;
}
