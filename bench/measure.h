/* Clocks, medians and child processes for the benchmark. */
#ifndef SCRUTIN_BENCH_MEASURE_H
#define SCRUTIN_BENCH_MEASURE_H

#include <stddef.h>

/* Seconds on the monotonic clock. */
double bench_now(void);

/* CPU seconds used by this process so far, all threads together. */
double bench_cpu_now(void);

/* The median of @p x[0..n) (the mean of the middle two when n is even); @p x is sorted. */
double bench_median(double *x, size_t n);

/* What a child process did: its exit status (-1 if it did not exit normally), wall time,
   CPU time (user and system, all its threads) and peak resident memory. */
typedef struct bench_child {
    int status;
    double seconds;
    double cpu_seconds;
    long peak_kib;
} bench_child;

/*
 * Run @p argv (argv[0] a path, or a name looked up in PATH) with standard output and
 * error sent to @p log_path (or /dev/null if NULL), wait for it, and measure it: wall time
 * from fork to exit, and the child's own peak resident set (wait4's ru_maxrss, the same
 * figure as getrusage(RUSAGE_CHILDREN) but for this child alone).
 * @return 0, or -1 if it could not be started.
 */
int bench_spawn(const char *const argv[], const char *log_path, bench_child *out);

#endif
