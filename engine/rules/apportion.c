/*
 * Apportionment shared by the electoral systems. Every method here gives one
 * seat at a time to the list of highest score, so that one routine, award(),
 * holds the only tie-breaking by lot; the methods differ only in the score.
 */
#include "apportion.h"

#include <math.h>

/* What award() ranks the lists by. */
typedef enum score_kind { SCORE_DHONDT, SCORE_SAINTE_LAGUE, SCORE_REMAINDER } score_kind;

typedef struct scoring {
    score_kind kind;
    double seats; /* seats shared by largest remainders */
    double total; /* votes of the pool, for largest remainders */
} scoring;

/*
 * The score of a list with @p votes that has won @p won seats so far. The
 * remainder is kept as a numerator, votes x seats - won x total (the
 * remainder times the pool's votes): with whole vote counts every term is an
 * exact integer in a double, so equal remainders compare equal, which
 * votes / quota - won would not guarantee. Once a list has taken its
 * remainder seat its score is negative, below every list still waiting.
 */
static double score(const scoring *s, double votes, unsigned won)
{
    switch (s->kind) {
    case SCORE_DHONDT:
        return votes / ((double)won + 1.0);
    case SCORE_SAINTE_LAGUE:
        return votes / (2.0 * (double)won + 1.0);
    case SCORE_REMAINDER:
    default:
        return votes * s->seats - (double)won * s->total;
    }
}

size_t apportion_valid(const double *votes, size_t n, double *valid)
{
    /* Summed in a local: through *valid, which may alias votes, every addition
       waited on the store of the one before. */
    size_t running = 0;
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        if (votes[i] >= 0) {
            sum += votes[i];
            running++;
        }
    *valid = sum;
    return running;
}

int apportion_in_pool(const apportion_pool *pool, size_t i)
{
    double v = pool->votes[i];
    return v >= 0 && v >= pool->min_votes && i != pool->excluded;
}

size_t apportion_pool_init(apportion_pool *pool, const double *votes, size_t n, double min_votes,
                           size_t excluded)
{
    *pool = (apportion_pool){votes, n, min_votes, excluded};
    size_t size = 0;
    for (size_t i = 0; i < n; i++)
        size += (size_t)apportion_in_pool(pool, i);
    return size;
}

size_t apportion_leader(const double *votes, size_t n, const double *age, gsl_rng *lot, int *tie)
{
    *tie = 0;
    double best = -1.0;
    size_t tied = 0;
    for (size_t i = 0; i < n; i++) {
        if (votes[i] < 0)
            continue;
        if (votes[i] > best) {
            best = votes[i];
            tied = 1;
        } else if (votes[i] == best) {
            tied++;
        }
    }
    if (tied == 0)
        return APPORTION_NONE;
    /* Age decides between lists tied on votes only if every one of them has a known age. */
    int by_age = tied > 1 && age != NULL;
    for (size_t i = 0; by_age && i < n; i++)
        if (votes[i] == best && isnan(age[i]))
            by_age = 0;
    double oldest = -INFINITY;
    if (by_age) {
        tied = 0;
        for (size_t i = 0; i < n; i++) {
            if (votes[i] != best)
                continue;
            if (age[i] > oldest) {
                oldest = age[i];
                tied = 1;
            } else if (age[i] == oldest) {
                tied++;
            }
        }
    }
    size_t pick = 0;
    if (tied > 1) {
        *tie = 1;
        pick = (size_t)gsl_rng_uniform_int(lot, tied);
    }
    for (size_t i = 0; i < n; i++) {
        if (votes[i] != best || (by_age && age[i] != oldest))
            continue;
        if (pick-- == 0)
            return i;
    }
    return APPORTION_NONE; /* not reached */
}

unsigned apportion_share(double share, unsigned seats, apportion_rounding rounding)
{
    const double tolerance = 1e-9;
    if (seats == 0)
        return 0;
    double x = share * (double)seats;
    double r = rounding == APPORTION_UP ? ceil(x - tolerance) : floor(x + 0.5 + tolerance);
    if (!(r >= 1.0)) /* also a NaN share */
        return 1;
    if (r >= (double)seats)
        return seats;
    return (unsigned)r;
}

/*
 * Give @p seats seats, one at a time, to the list of the pool with the
 * highest score. When several lists share the highest score and there are
 * seats for all of them, each takes one (the order among them changes
 * nothing, since a list's score falls once it is served). When there are
 * fewer seats than tied lists, selection sampling over the tied lists in
 * index order chooses which ones take them: every subset of the right size is
 * equally likely, and the lot is drawn from only then. Without a lot (@p lot
 * NULL: an allotment made once, when a scenario is compiled) the next seat
 * goes to the tied list with the most votes, the first of them on equal votes.
 */
static void award(const apportion_pool *pool, const scoring *sc, unsigned seats, gsl_rng *lot,
                  unsigned *seats_out, int *tie)
{
    const double *votes = pool->votes;
    while (seats > 0) {
        double best = -INFINITY;
        size_t tied = 0;
        for (size_t i = 0; i < pool->n; i++) {
            if (!apportion_in_pool(pool, i))
                continue;
            double s = score(sc, votes[i], seats_out[i]);
            if (s > best) {
                best = s;
                tied = 1;
            } else if (s == best) {
                tied++;
            }
        }
        if (tied == 0)
            return; /* an empty pool: the caller's error */
        if (tied <= seats) {
            for (size_t i = 0; i < pool->n; i++)
                if (apportion_in_pool(pool, i) && score(sc, votes[i], seats_out[i]) == best)
                    seats_out[i]++;
            seats -= (unsigned)tied;
            continue;
        }
        *tie = 1;
        if (!lot) {
            size_t first = pool->n;
            for (size_t i = 0; i < pool->n; i++)
                if (apportion_in_pool(pool, i) && score(sc, votes[i], seats_out[i]) == best &&
                    (first == pool->n || votes[i] > votes[first]))
                    first = i;
            seats_out[first]++;
            seats--;
            continue;
        }
        size_t left = tied;
        for (size_t i = 0; i < pool->n && seats > 0; i++) {
            if (!apportion_in_pool(pool, i) || score(sc, votes[i], seats_out[i]) != best)
                continue;
            if (gsl_rng_uniform_int(lot, left) < seats) {
                seats_out[i]++;
                seats--;
            }
            left--;
        }
    }
}

void apportion_highest_averages(const apportion_pool *pool, apportion_divisors divisors,
                                unsigned seats, gsl_rng *lot, unsigned *seats_out, int *tie)
{
    scoring sc = {divisors == APPORTION_SAINTE_LAGUE ? SCORE_SAINTE_LAGUE : SCORE_DHONDT, 0.0, 0.0};
    award(pool, &sc, seats, lot, seats_out, tie);
}

void apportion_largest_remainder(const apportion_pool *pool, unsigned seats, gsl_rng *lot,
                                 unsigned *seats_out, int *tie)
{
    scoring sc = {SCORE_REMAINDER, (double)seats, 0.0};
    for (size_t i = 0; i < pool->n; i++)
        if (apportion_in_pool(pool, i))
            sc.total += pool->votes[i];
    /*
     * Whole quotas: floor(votes / (total / seats)) = floor(votes x seats / total),
     * computed as (q - fmod(q, total)) / total, exact for whole vote counts.
     * If every list of the pool has no vote, there is no quota and all the
     * seats go through the lot below.
     */
    unsigned left = seats;
    if (sc.total > 0) {
        for (size_t i = 0; i < pool->n; i++) {
            if (!apportion_in_pool(pool, i))
                continue;
            double q = pool->votes[i] * sc.seats;
            double whole = (q - fmod(q, sc.total)) / sc.total;
            /* The whole quotas never exceed the seats; the bound guards against rounding. */
            unsigned w = whole < (double)left ? (unsigned)whole : left;
            seats_out[i] += w;
            left -= w;
        }
    }
    award(pool, &sc, left, lot, seats_out, tie);
}

size_t apportion_first(const double *votes, size_t n, const unsigned *seats_out)
{
    size_t first = APPORTION_NONE;
    for (size_t i = 0; i < n; i++) {
        if (votes[i] < 0)
            continue;
        if (first == APPORTION_NONE || votes[i] > votes[first] ||
            (votes[i] == votes[first] && seats_out[i] > seats_out[first]))
            first = i;
    }
    return first;
}
