/**
 * @file scrutin/reduce.h
 * @brief Spreading a study's simulations over several processes: the hooks a
 *        program gives the library (the scrutin command does under MPI) so that
 *        a sweep runs its steps the same way on one process or on many.
 *
 * Every process calls the library with the same arguments. Each runs its own
 * block of every step's simulations; the integer counts of all are summed onto
 * one process, the root, which alone holds the results. The library calls the
 * hooks in the same order on every process, whatever fails where, so that
 * collective calls (MPI_Allreduce, MPI_Reduce) match. SCRUTIN_REDUCE_INIT is
 * one process alone: every hook NULL.
 */
#ifndef SCRUTIN_REDUCE_H
#define SCRUTIN_REDUCE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SCRUTIN_REDUCE_VERSION 1

/** The hooks. Initialise with SCRUTIN_REDUCE_INIT, then set fields. */
typedef struct scrutin_reduce {
    unsigned version; /**< SCRUTIN_REDUCE_VERSION (scrutin/version.h) */
    void *data;       /**< passed to every hook */
    /** This process's block [*first, *first + *count) of @p total simulations;
        NULL: all of them. */
    void (*block)(void *data, uint64_t total, uint64_t *first, uint64_t *count);
    /** Every process passes its status: the one they all act on, the first failure of
        any process or 0; NULL: the process's own. */
    int (*agree)(void *data, int status);
    /** Sum every process's @p n counters element-wise onto the root's @p counters (the
        others' are left as they were). @return 0 or a negative status; NULL: nothing to sum */
    int (*sum)(void *data, int64_t *counters, size_t n);
    int root;         /**< 1 on the process that receives the sums and keeps the results */
} scrutin_reduce;

#define SCRUTIN_REDUCE_INIT {SCRUTIN_REDUCE_VERSION, NULL, NULL, NULL, NULL, 1}

#ifdef __cplusplus
}
#endif
#endif
