/* MPI, or its one-process stand-in. */
#include "distributed.h"

#include <stdlib.h>
#include <string.h>

#ifdef SCRUTIN_WITH_MPI
#include <mpi.h>
#include <stdlib.h>
#include <string.h>

/* MPI was started: otherwise this process runs alone, as a build without MPI. */
static int mpi_on;

/*
 * Whether a launcher (mpirun, mpiexec, srun) started this process: OpenMPI,
 * PMIx and the PMI of MPICH and Slurm leave these in the environment.
 * SCRUTIN_MPI=1 or 0 forces the answer (docs/distributed.md).
 */
static int launched_by_mpi(void)
{
    const char *force = getenv("SCRUTIN_MPI");
    if (force && (strcmp(force, "0") == 0 || strcmp(force, "1") == 0))
        return force[0] == '1';
    static const char *const vars[] = {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK",
                                       "PMI_SIZE"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
        if (getenv(vars[i]))
            return 1;
    return 0;
}

int dist_init(int *argc, char ***argv)
{
    /* Started by hand, the command does not start MPI at all: OpenMPI's singleton start
       needs its launcher helper and ssh or rsh, which a laptop or container may lack. */
    if (!launched_by_mpi())
        return SCRUTIN_OK;
    int provided = 0;
    if (MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
        return SCRUTIN_EMPI;
    mpi_on = 1;
    /* One failing call must not hang the others: errors come back as codes. */
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    return SCRUTIN_OK;
}

void dist_finalize(void)
{
    if (mpi_on)
        MPI_Finalize();
}

int dist_rank(void)
{
    int rank = 0;
    if (mpi_on)
        MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    return rank;
}

int dist_size(void)
{
    int size = 1;
    if (mpi_on)
        MPI_Comm_size(MPI_COMM_WORLD, &size);
    return size;
}

int dist_agree(int status, int *reporter)
{
    if (!mpi_on) {
        *reporter = 0;
        return status;
    }
    /* The lowest rank that failed reports; its status becomes everyone's. */
    int size = dist_size(), mine = status != SCRUTIN_OK ? dist_rank() : size, first = size;
    if (MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD) != MPI_SUCCESS)
        return SCRUTIN_EMPI;
    *reporter = first;
    if (first == size)
        return SCRUTIN_OK;
    int agreed = status;
    if (MPI_Bcast(&agreed, 1, MPI_INT, first, MPI_COMM_WORLD) != MPI_SUCCESS)
        return SCRUTIN_EMPI;
    return agreed;
}

int dist_reduce_tally(scrutin_tally *tally)
{
    size_t n = 0;
    int64_t *counters = scrutin_tally_counters(tally, &n);
    return dist_reduce_counters(counters, n);
}

int dist_reduce_counters(int64_t *counters, size_t n)
{
    if (!mpi_on)
        return SCRUTIN_OK;
    int root = dist_rank() == 0;
    /* MPI counts are int: reduce in chunks so that any array fits. */
    const size_t chunk = 1u << 28;
    for (size_t at = 0; at < n; at += chunk) {
        int len = (int)(n - at < chunk ? n - at : chunk);
        int rc = MPI_Reduce(root ? MPI_IN_PLACE : counters + at, counters + at, len, MPI_INT64_T,
                            MPI_SUM, 0, MPI_COMM_WORLD);
        if (rc != MPI_SUCCESS)
            return SCRUTIN_EMPI;
    }
    return SCRUTIN_OK;
}

double dist_max(double x)
{
    double out = x;
    if (mpi_on)
        MPI_Allreduce(&x, &out, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    return out;
}

int dist_allreduce_counters(int64_t *counters, size_t n)
{
    if (!mpi_on)
        return SCRUTIN_OK;
    if (n > INT32_MAX)
        return SCRUTIN_EMPI;
    return MPI_Allreduce(MPI_IN_PLACE, counters, (int)n, MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD) ==
                   MPI_SUCCESS
               ? SCRUTIN_OK
               : SCRUTIN_EMPI;
}

int dist_gather_bytes(const void *mine, size_t n, unsigned char **all, size_t *total)
{
    *all = NULL;
    *total = 0;
    int root = dist_rank() == 0, size = dist_size();
    if (!mpi_on) {
        if (!(*all = malloc(n ? n : 1)))
            return SCRUTIN_ENOMEM;
        memcpy(*all, mine, n);
        *total = n;
        return SCRUTIN_OK;
    }
    /* MPI counts are int: the callers gather blocks of bounded size. */
    if (n > INT32_MAX)
        return SCRUTIN_EMPI;
    int count = (int)n;
    int *counts = root ? calloc((size_t)size, sizeof *counts) : NULL;
    int *displs = root ? calloc((size_t)size, sizeof *displs) : NULL;
    int status = !root || (counts && displs) ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    /* Every rank takes part in the collective calls, whatever happened on rank 0. */
    if (MPI_Gather(&count, 1, MPI_INT, counts, 1, MPI_INT, 0, MPI_COMM_WORLD) != MPI_SUCCESS)
        status = SCRUTIN_EMPI;
    size_t sum = 0;
    for (int r = 0; root && counts && displs && r < size; r++) {
        displs[r] = (int)sum;
        sum += (size_t)counts[r];
    }
    if (root && status == SCRUTIN_OK && (sum > INT32_MAX || !(*all = malloc(sum ? sum : 1))))
        status = sum > INT32_MAX ? SCRUTIN_EMPI : SCRUTIN_ENOMEM;
    if (MPI_Gatherv(mine, count, MPI_BYTE, *all, counts, displs, MPI_BYTE, 0, MPI_COMM_WORLD) !=
        MPI_SUCCESS)
        status = SCRUTIN_EMPI;
    free(counts);
    free(displs);
    if (status != SCRUTIN_OK) {
        free(*all);
        *all = NULL;
        return status;
    }
    *total = root ? sum : 0;
    return SCRUTIN_OK;
}

#else

int dist_init(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return SCRUTIN_OK;
}
void dist_finalize(void) {}
int dist_rank(void) { return 0; }
int dist_size(void) { return 1; }
int dist_agree(int status, int *reporter)
{
    *reporter = 0;
    return status;
}
int dist_reduce_tally(scrutin_tally *tally)
{
    (void)tally;
    return SCRUTIN_OK;
}
int dist_reduce_counters(int64_t *counters, size_t n)
{
    (void)counters;
    (void)n;
    return SCRUTIN_OK;
}
double dist_max(double x) { return x; }
int dist_allreduce_counters(int64_t *counters, size_t n)
{
    (void)counters;
    (void)n;
    return SCRUTIN_OK;
}
int dist_gather_bytes(const void *mine, size_t n, unsigned char **all, size_t *total)
{
    *total = 0;
    if (!(*all = malloc(n ? n : 1)))
        return SCRUTIN_ENOMEM;
    memcpy(*all, mine, n);
    *total = n;
    return SCRUTIN_OK;
}

#endif

void dist_block(uint64_t total, uint64_t *first, uint64_t *count)
{
    /* Contiguous blocks, the first (total mod size) ranks one simulation longer. */
    uint64_t size = (uint64_t)dist_size(), rank = (uint64_t)dist_rank();
    uint64_t base = total / size, extra = total % size;
    *first = rank * base + (rank < extra ? rank : extra);
    *count = base + (rank < extra ? 1 : 0);
}

/* The hooks of scrutin/reduce.h over dist_*: one code path with or without MPI. */
static void hook_block(void *data, uint64_t total, uint64_t *first, uint64_t *count)
{
    (void)data;
    dist_block(total, first, count);
}

static int hook_agree(void *data, int status) { return dist_agree(status, data); }

static int hook_sum(void *data, int64_t *counters, size_t n)
{
    (void)data;
    return dist_reduce_counters(counters, n);
}

void dist_reduce_hooks(scrutin_reduce *hooks, int *reporter)
{
    *hooks = (scrutin_reduce)SCRUTIN_REDUCE_INIT;
    hooks->data = reporter;
    hooks->block = hook_block;
    hooks->agree = hook_agree;
    hooks->sum = hook_sum;
    hooks->root = dist_is_root();
}
