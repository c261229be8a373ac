/*
 * Apportionment shared by the electoral systems: valid votes, the leading
 * list, highest averages, largest remainders, and the lot among exact ties
 * that they all use. Nothing here allocates: seats are counted in the
 * caller's seats_out, and each loop rescans the lists instead of sorting them
 * (districts have at most a few hundred seats and lists).
 */
#ifndef SCRUTIN_APPORTION_H
#define SCRUTIN_APPORTION_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

/* No list: an index no district reaches. */
#define APPORTION_NONE SIZE_MAX

/*
 * The lists that take part in one allocation: those that ran (votes >= 0)
 * with at least min_votes votes, except the list `excluded` (Djibouti's
 * leader) when it is not APPORTION_NONE.
 */
typedef struct apportion_pool {
    const double *votes;
    size_t n;
    double min_votes;
    size_t excluded;
} apportion_pool;

/* The divisors of a highest-averages method. */
typedef enum apportion_divisors {
    APPORTION_DHONDT,      /* 1, 2, 3, ... */
    APPORTION_SAINTE_LAGUE /* 1, 3, 5, ... */
} apportion_divisors;

/* How a share of the seats is rounded to whole seats. */
typedef enum apportion_rounding {
    APPORTION_NEAREST, /* half up */
    APPORTION_UP
} apportion_rounding;

/* Sum of the votes of the lists that ran into *valid; returns how many ran. */
size_t apportion_valid(const double *votes, size_t n, double *valid);

/* Fill *pool and return how many lists are in it. */
size_t apportion_pool_init(apportion_pool *pool, const double *votes, size_t n, double min_votes,
                           size_t excluded);

/* 1 if list i takes part in the allocation of @p pool. */
int apportion_in_pool(const apportion_pool *pool, size_t i);

/*
 * The list with the most votes. Among lists tied on votes, the one with the
 * highest @p age when @p age is not NULL and all their ages are known (not
 * NaN); the lists still tied are drawn by lot, each equally likely, and *tie
 * is then set (it is cleared otherwise). APPORTION_NONE if no list ran.
 */
size_t apportion_leader(const double *votes, size_t n, const double *age, gsl_rng *lot, int *tie);

/*
 * @p share of @p seats, rounded as asked, and kept between 1 and @p seats
 * (0 if @p seats is 0). A tolerance of 1e-9 seat absorbs the floating-point
 * error of the product, so that 0.6 x 5 is 3 seats and not 4 when rounding up.
 */
unsigned apportion_share(double share, unsigned seats, apportion_rounding rounding);

/*
 * Highest averages: each of @p seats seats in turn goes to the list of the
 * pool with the highest votes / divisor(seats it has won so far). Lists
 * tied for the last seats share them by lot (every subset of the tied lists
 * equally likely) and *tie is set; it is left alone otherwise.
 * seats_out of the pool's lists must be 0 on entry; other lists are not
 * touched. The pool must not be empty.
 */
void apportion_highest_averages(const apportion_pool *pool, apportion_divisors divisors,
                                unsigned seats, gsl_rng *lot, unsigned *seats_out, int *tie);

/*
 * Largest remainders with the Hare quota of the pool: quota = (votes of the
 * lists of the pool) / @p seats; each list takes the whole part of its votes
 * / quota, and the seats left go to the largest remainders, one each. Ties
 * for the last seats, seats_out and *tie as in apportion_highest_averages;
 * with @p lot NULL (no random stream: a scenario's joint lists, compiled once)
 * the next of those seats goes to the tied list with the most votes, the
 * first of them on equal votes.
 */
void apportion_largest_remainder(const apportion_pool *pool, unsigned seats, gsl_rng *lot,
                                 unsigned *seats_out, int *tie);

/*
 * The leading list of an allocation already made, for reporting: the most
 * votes, then the most seats, then the lowest index. It decides nothing, so
 * it draws no lot. APPORTION_NONE if no list ran.
 */
size_t apportion_first(const double *votes, size_t n, const unsigned *seats_out);

#endif
