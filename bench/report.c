/*
 * The benchmark's verdicts on the targets, and its Markdown report,
 * both computed from the JSON results.
 */
#include "bench.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static double number(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

static json_t *target(const char *name, double value, const char *unit, double limit,
                      int at_most, const char *how)
{
    json_t *met = isnan(value) ? json_null()
                               : json_boolean(at_most ? value <= limit : value >= limit);
    return json_pack("{s:s, s:f, s:s, s:f, s:s, s:o, s:s}", "target", name, "value",
                     isnan(value) ? -1.0 : value, "unit", unit, "limit", limit, "comparison",
                     at_most ? "at most" : "at least", "met", met, "how", how);
}

/* The largest deviation of the fits against lists a district, NaN if there are none. */
static double worst_fit(json_t *fits)
{
    double worst = NAN;
    const char *key;
    json_t *fit;
    json_object_foreach(json_object_get(fits, "by_lists_per_district"), key, fit) {
        double d = number(fit, "max_relative_deviation");
        worst = isnan(worst) || d > worst ? d : worst;
    }
    return worst;
}

json_t *bench_targets(json_t *results)
{
    json_t *out = json_array();
    json_t *throughput = json_object_get(results, "throughput");
    json_t *runs = json_object_get(throughput, "runs");
    double million = NAN, speedup = NAN, idle_speedup = NAN;
    const char *how = "projected from the throughput runs at the most threads (quick mode)";
    json_t *memory_runs = json_object_get(json_object_get(results, "memory"), "runs");
    size_t i;
    json_t *row;
    json_array_foreach(memory_runs, i, row)
        if (number(row, "simulations") == 1e6) {
            million = number(row, "median_wall_seconds");
            how = "scrutin run -n 1000000 on every thread, wall time end to end (median)";
        }
    /* The runs of every vector path (section million): the first is the best the CPU has. */
    json_t *paths = json_object_get(json_object_get(results, "million"), "runs");
    if (json_array_size(paths) > 0) {
        million = number(json_array_get(paths, 0), "median_wall_seconds");
        const char *best = json_string_value(json_object_get(json_array_get(paths, 0), "simd"));
        how = best && strcmp(best, "avx512") == 0
                  ? "SCRUTIN_SIMD=avx512 scrutin run -n 1000000 on every thread, wall time end "
                    "to end (median)"
                  : "SCRUTIN_SIMD=avx2 scrutin run -n 1000000 on every thread, wall time end to "
                    "end (median)";
    }
    json_array_foreach(runs, i, row) {
        if (isnan(million) && i + 1 == json_array_size(runs))
            million = 1e6 / number(row, "simulations_per_second");
        if (number(row, "threads") == 2) {
            speedup = number(row, "speedup");
            idle_speedup = number(row, "speedup_on_idle_cores");
        }
    }
    json_array_append_new(out, target("1,000,000 simulations of Mali 2007, wall time", million,
                                      "s", 5.0, 1, how));
    json_array_append_new(out, target("1,000,000 simulations of Mali 2007, simulations a second",
                                      1e6 / million, "1/s", 200000.0, 0, how));
    json_array_append_new(out, target("2 threads against 1, speedup", speedup, "x", 1.8, 0,
                                      "median simulations per second, 2 threads over 1"));
    json_array_append_new(out, target("2 threads against 1, speedup on idle cores", idle_speedup,
                                      "x", 1.8, 0,
                                      "from CPU time per simulation: 2 x one thread's over two "
                                      "threads'; holds on a busy machine"));
    json_t *scaling = json_object_get(results, "scaling");
    json_array_append_new(out, target("cost per simulation against lists a district (CPU time), "
                                      "largest deviation from a straight line",
                                      worst_fit(json_object_get(scaling, "fits")), "fraction",
                                      0.20, 1,
                                      "relative least squares over 5, 10 and 20 lists, at 55, "
                                      "550 and 5,500 districts; the worst of the three"));
    json_t *counted = json_object_get(scaling, "instructions");
    if (counted)
        json_array_append_new(out, target("cost per simulation against lists a district "
                                          "(instructions), largest deviation from a straight line",
                                          worst_fit(json_object_get(counted, "fits")), "fraction",
                                          0.20, 1,
                                          "the same, in callgrind's instruction counts, which "
                                          "no load on the machine disturbs"));
    json_array_append_new(
        out, target("peak memory, largest N over smallest N",
                    number(json_object_get(results, "memory"), "peak_ratio_largest_to_smallest"),
                    "ratio", 1.10, 1, "median peak resident set of scrutin run"));
    json_t *draws = json_object_get(results, "draws");
    if (json_object_get(draws, "seats_extra_over_plain_at_largest"))
        json_array_append_new(
            out, target("the draws database's seats table: its CPU time over the simulation's",
                        number(draws, "seats_extra_over_plain_at_largest"), "ratio", 1.0, 1,
                        "scrutin run --draws against the run without it, one thread, median "
                        "CPU time, at the largest N"));
    json_t *same = json_object_get(throughput, "identical_across_threads");
    json_array_append_new(out, target("tallies identical for every thread count",
                                      json_is_boolean(same) ? (double)json_is_true(same) : NAN,
                                      "boolean", 1.0, 0,
                                      "scrutin_tally_equal on the first repeat's tallies"));
    return out;
}

static void write_machine(FILE *f, json_t *mc)
{
    fprintf(f, "| | |\n|---|---|\n");
    static const char *const keys[] = {"date", "cpu", "cores", "memory", "os",
                                       "load_average_at_start", "compiler", "build_type",
                                       "library_flags", "gsl", "glibc", "scrutin_version"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        json_t *v = json_object_get(mc, keys[i]);
        if (json_is_string(v))
            fprintf(f, "| %s | %s |\n", keys[i], json_string_value(v));
        else if (json_is_integer(v))
            fprintf(f, "| %s | %lld |\n", keys[i], (long long)json_integer_value(v));
    }
}

static void write_targets(FILE *f, json_t *targets)
{
    fprintf(f, "| target | measured | limit | met | how |\n|---|---|---|---|---|\n");
    size_t i;
    json_t *t;
    json_array_foreach(targets, i, t) {
        json_t *met = json_object_get(t, "met");
        fprintf(f, "| %s | %.3g %s | %s %.3g | %s | %s |\n",
                json_string_value(json_object_get(t, "target")), number(t, "value"),
                json_string_value(json_object_get(t, "unit")),
                json_string_value(json_object_get(t, "comparison")), number(t, "limit"),
                json_is_null(met) ? "not measured" : json_is_true(met) ? "yes" : "**no**",
                json_string_value(json_object_get(t, "how")));
    }
}

static void write_throughput(FILE *f, json_t *tp)
{
    fprintf(f, "Scenario %s, %.0f simulations a run, seed 1; tallies identical for every "
               "thread count: %s. CPU share: CPU time over wall time and threads (below 1, the "
               "threads waited for a CPU the rest of the machine held). Speedup on idle cores: "
               "threads times one thread's CPU time per simulation over this one's, the speedup "
               "the same work would give with a free core for every thread.\n\n",
            json_string_value(json_object_get(tp, "scenario")), number(tp, "simulations"),
            json_is_true(json_object_get(tp, "identical_across_threads")) ? "yes" : "**no**");
    fprintf(f, "| threads | simulations/s | us per simulation per thread | speedup | CPU share | "
               "CPU us per simulation | speedup on idle cores | runs (s) |\n"
               "|---:|---:|---:|---:|---:|---:|---:|---|\n");
    size_t i, j;
    json_t *row, *s;
    json_array_foreach(json_object_get(tp, "runs"), i, row) {
        fprintf(f, "| %.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f |", number(row, "threads"),
                number(row, "simulations_per_second"),
                number(row, "microseconds_per_simulation_per_thread"), number(row, "speedup"),
                number(row, "median_cpu_share"), number(row, "cpu_microseconds_per_simulation"),
                number(row, "speedup_on_idle_cores"));
        json_array_foreach(json_object_get(row, "seconds"), j, s)
            fprintf(f, " %.3f", json_number_value(s));
        fprintf(f, " |\n");
    }
}

static void write_fits(FILE *f, json_t *fits, const char *unit)
{
    const char *key;
    json_t *fit;
    fprintf(f, "\nStraight lines fitted with relative residuals (cost = a + b x, in %s):\n\n"
               "| against | at | a | b | largest deviation |\n|---|---|---:|---:|---:|\n", unit);
    json_object_foreach(json_object_get(fits, "by_lists_per_district"), key, fit)
        fprintf(f, "| lists a district | %s districts | %.2f | %.3f | %.1f%% |\n", key,
                number(fit, "intercept"), number(fit, "slope"),
                100 * number(fit, "max_relative_deviation"));
    json_object_foreach(json_object_get(fits, "by_districts"), key, fit)
        fprintf(f, "| districts | %s lists each | %.2f | %.3f | %.1f%% |\n", key,
                number(fit, "intercept"), number(fit, "slope"),
                100 * number(fit, "max_relative_deviation"));
    fit = json_object_get(fits, "by_total_lists");
    if (fit)
        fprintf(f, "| lists in all | all nine sizes | %.2f | %.4f | %.1f%% |\n",
                number(fit, "intercept"), number(fit, "slope"),
                100 * number(fit, "max_relative_deviation"));
}

static void write_scaling(FILE *f, json_t *sc)
{
    fprintf(f, "One thread; microseconds of CPU per simulation (median), and in brackets "
               "nanoseconds per list and simulation.\n\n"
               "| districts | 5 lists | 10 lists | 20 lists |\n|---:|---:|---:|---:|\n");
    size_t i;
    json_t *row;
    json_array_foreach(json_object_get(sc, "sizes"), i, row) {
        if (i % 3 == 0)
            fprintf(f, "| %.0f |", number(row, "districts"));
        fprintf(f, " %.1f (%.0f) |", number(row, "microseconds_per_simulation"),
                number(row, "nanoseconds_per_list"));
        if (i % 3 == 2)
            fprintf(f, "\n");
    }
    write_fits(f, json_object_get(sc, "fits"), "us");
    json_t *counted = json_object_get(sc, "instructions");
    if (!counted)
        return;
    if (json_object_get(counted, "error")) {
        fprintf(f, "\nInstruction counts: %s\n",
                json_string_value(json_object_get(counted, "error")));
        return;
    }
    fprintf(f, "\nThe same sizes in instructions per simulation (callgrind, exact), and in "
               "brackets per list:\n\n| districts | 5 lists | 10 lists | 20 lists |\n"
               "|---:|---:|---:|---:|\n");
    json_array_foreach(json_object_get(counted, "sizes"), i, row) {
        if (i % 3 == 0)
            fprintf(f, "| %.0f |", number(row, "districts"));
        fprintf(f, " %.0f (%.0f) |", number(row, "instructions_per_simulation"),
                number(row, "instructions_per_list"));
        if (i % 3 == 2)
            fprintf(f, "\n");
    }
    write_fits(f, json_object_get(counted, "fits"), "instructions");
}

static void write_memory(FILE *f, json_t *mem)
{
    fprintf(f, "`%s`, %.0f threads; peak resident set of the process (median).\n\n"
               "| N | peak (MiB) | wall (s) | simulating (s) |\n|---:|---:|---:|---:|\n",
            json_string_value(json_object_get(mem, "command")), number(mem, "threads"));
    size_t i;
    json_t *row;
    json_array_foreach(json_object_get(mem, "runs"), i, row)
        fprintf(f, "| %.0f | %.2f | %.2f | %.2f |\n", number(row, "simulations"),
                number(row, "median_peak_kib") / 1024.0, number(row, "median_wall_seconds"),
                number(row, "median_simulate_seconds"));
    if (json_object_get(mem, "error"))
        fprintf(f, "\nError: %s\n", json_string_value(json_object_get(mem, "error")));
}

static void write_million(FILE *f, json_t *mi)
{
    fprintf(f, "`%s`, %.0f threads, the paths in turn: median wall time, and the CPU time of "
               "the whole command per simulation (median).\n\n"
               "| path | wall (s) | simulations/s | CPU us per simulation | runs (s) |\n"
               "|---|---:|---:|---:|---|\n",
            json_string_value(json_object_get(mi, "command")), number(mi, "threads"));
    size_t i, j;
    json_t *row, *s;
    json_array_foreach(json_object_get(mi, "runs"), i, row) {
        fprintf(f, "| %s | %.2f | %.0f | %.2f |", json_string_value(json_object_get(row, "simd")),
                number(row, "median_wall_seconds"), number(row, "simulations_per_second"),
                number(row, "cpu_microseconds_per_simulation"));
        json_array_foreach(json_object_get(row, "wall_seconds"), j, s)
            fprintf(f, " %.2f", json_number_value(s));
        fprintf(f, " |\n");
    }
}

static void write_versus(FILE *f, json_t *vs)
{
    if (json_object_get(vs, "error")) {
        fprintf(f, "Error: %s\n", json_string_value(json_object_get(vs, "error")));
        return;
    }
    fprintf(f, "`%s`, end to end, the variants in turn (median wall time).\n\n"
               "| variant | wall (s) | simulations/s |\n|---|---:|---:|\n",
            json_string_value(json_object_get(vs, "command")));
    size_t i;
    json_t *row;
    json_array_foreach(json_object_get(vs, "runs"), i, row)
        fprintf(f, "| %s | %.2f | %.0f |\n", json_string_value(json_object_get(row, "variant")),
                number(row, "median_wall_seconds"), number(row, "simulations_per_second"));
    if (json_object_get(vs, "old_over_new"))
        fprintf(f, "\nThe old kernel takes %.2f times the new one's time.\n",
                number(vs, "old_over_new"));
    if (json_object_get(vs, "tails_2_01_over_normal"))
        fprintf(f, "Student-t tails cost %.2f (tails_df 2.01) and %.2f (2.00001) times normal "
                   "shocks.\n",
                number(vs, "tails_2_01_over_normal"), number(vs, "tails_2_00001_over_normal"));
}

static void write_draws(FILE *f, json_t *dr)
{
    if (json_object_get(dr, "error")) {
        fprintf(f, "Error: %s\n", json_string_value(json_object_get(dr, "error")));
        return;
    }
    fprintf(f, "`%s`, the variants in turn; median CPU time of the process (user and "
               "system). Extra: the CPU time the database adds, over the run without it.\n\n"
               "| N | variant | CPU (s) | wall (s) | database (MB) | extra |\n"
               "|---:|---|---:|---:|---:|---:|\n",
            json_string_value(json_object_get(dr, "command")));
    size_t i;
    json_t *row;
    json_array_foreach(json_object_get(dr, "runs"), i, row) {
        fprintf(f, "| %.0f | %s | %.2f | %.2f | %.1f |", number(row, "simulations"),
                json_string_value(json_object_get(row, "variant")),
                number(row, "median_cpu_seconds"), number(row, "median_wall_seconds"),
                number(row, "database_bytes") / 1e6);
        if (json_object_get(row, "extra_cpu_over_plain"))
            fprintf(f, " %+.0f%% |\n", 100 * number(row, "extra_cpu_over_plain"));
        else
            fprintf(f, " |\n");
    }
}

static void write_kernel(FILE *f, json_t *kernel)
{
    fprintf(f, "\n## Kernel: instructions\n\n");
    if (json_object_get(kernel, "error")) {
        fprintf(f, "`%s`: %s\n", json_string_value(json_object_get(kernel, "tool")),
                json_string_value(json_object_get(kernel, "error")));
        return;
    }
    fprintf(f, "`%s`: **%.0f instructions per simulation** (%.0f simulations of Mali 2007).\n\n"
               "Calls per simulation from the library:",
            json_string_value(json_object_get(kernel, "tool")),
            number(kernel, "instructions_per_simulation"), number(kernel, "simulations"));
    const char *key;
    json_t *v;
    json_object_foreach(json_object_get(kernel, "calls_per_simulation"), key, v)
        fprintf(f, " %s %.1f;", key, json_number_value(v));
    fprintf(f, "\n");
}

int bench_write_markdown(const char *path, json_t *results)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "# scrutin benchmark (%s mode, median of %.0f runs)\n\n",
            json_string_value(json_object_get(results, "mode")), number(results, "repeats"));
    fprintf(f, "Written by scrutin-bench (scripts/bench.sh); the method is in "
               "docs/performance.md.\n\n## Machine\n\n");
    write_machine(f, json_object_get(results, "machine"));
    fprintf(f, "\n## Targets of the issue\n\n");
    write_targets(f, json_object_get(results, "targets"));
    /* Every section measured (scrutin-bench --only may leave some out), in this order. */
    static const struct {
        const char *key, *title;
        void (*write)(FILE *, json_t *);
    } sections[] = {{"million", "1,000,000 simulations, each vector path", write_million},
                    {"throughput", "Throughput", write_throughput},
                    {"versus", "The new kernel against the old, and Student-t tails", write_versus},
                    {"draws", "The draws database (`scrutin run --draws`)", write_draws},
                    {"scaling", "Cost per simulation as the election grows", write_scaling},
                    {"memory", "Peak memory", write_memory}};
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        json_t *section = json_object_get(results, sections[i].key);
        if (!section)
            continue;
        fprintf(f, "\n## %s\n\n", sections[i].title);
        sections[i].write(f, section);
    }
    json_t *kernel = json_object_get(results, "kernel");
    if (kernel)
        write_kernel(f, kernel);
    return fclose(f) == 0 ? 0 : -1;
}
