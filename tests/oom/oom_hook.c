/*
 * Allocation failure at any point (docs/testing.md, "Hostile input and faults"): the command
 * line linked with -Wl,--wrap for every allocator scrutin's own code calls (the library's and
 * the CLI's objects, statically), so that the K-th of their allocations fails, K taken from
 * SCRUTIN_OOM_AT. Libraries linked as shared objects (libyaml, libcyaml, libcsv, jansson,
 * GSL, the OpenMP runtime) allocate through libc directly and are outside: some of them abort
 * on a failed allocation by design (libgomp), which no caller can prevent.
 * At exit, SCRUTIN_OOM_REPORT (a file) receives "failed K" or "reached N" (N allocations seen,
 * K never reached), so that tests/oom/test_oom.sh knows when to stop.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
int __real_posix_memalign(void **p, size_t alignment, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
int __wrap_posix_memalign(void **p, size_t alignment, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static long fail_at = -1; /* 0: not read yet */
static long seen;
static int failed;

static void report(void)
{
    const char *path = getenv("SCRUTIN_OOM_REPORT");
    FILE *f = path ? fopen(path, "w") : NULL;
    if (!f)
        return;
    if (failed)
        fprintf(f, "failed %ld\n", fail_at);
    else
        fprintf(f, "reached %ld\n", seen);
    fclose(f);
}

/* 1 if this allocation is the one to fail. */
static int fails(void)
{
    if (fail_at < 0) {
        const char *at = getenv("SCRUTIN_OOM_AT");
        fail_at = at ? atol(at) : 0;
        atexit(report);
    }
    seen++;
    if (fail_at > 0 && seen == fail_at) {
        failed = 1;
        return 1;
    }
    return 0;
}

void *__wrap_malloc(size_t n) { return fails() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return fails() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return fails() ? NULL : __real_realloc(p, n); }
int __wrap_posix_memalign(void **p, size_t alignment, size_t n)
{
    return fails() ? 12 /* ENOMEM */ : __real_posix_memalign(p, alignment, n);
}
char *__wrap_strdup(const char *s) { return fails() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return fails() ? NULL : __real_strndup(s, n); }
