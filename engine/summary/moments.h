/*
 * The mean of a quantity over n simulations, its sample standard deviation and the
 * Monte Carlo standard error of the mean, from the exact integer sums of the quantity
 * and of its square: the one formula every summary and comparison uses.
 */
#ifndef SCRUTIN_SUMMARY_MOMENTS_H
#define SCRUTIN_SUMMARY_MOMENTS_H

#include <stdint.h>

typedef struct moments {
    double mean;
    double sd; /* sample standard deviation (n - 1 in the denominator; 0 when n is 1) */
    double se; /* standard error of the mean: sd / sqrt(n) */
} moments;

/* @p sum and @p squares over @p n >= 1 simulations. */
moments moments_of_sums(int64_t sum, int64_t squares, uint64_t n);

#endif
