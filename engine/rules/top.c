/* The lists with the most votes, with ties at the boundary drawn by lot. */
#include "scrutin/rules.h"

size_t scrutin_rules_top(const double *votes, size_t n, size_t k, gsl_rng *lot, size_t *top,
                         int *tie)
{
    *tie = 0;
    /* Insertion into a short sorted array: k is 2 or 3, n a few dozen. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (votes[i] < 0)
            continue;
        size_t pos = m < k ? m : k;
        while (pos > 0 && votes[top[pos - 1]] < votes[i])
            pos--;
        if (pos >= k)
            continue;
        size_t last = m < k ? m : k - 1;
        for (size_t j = last; j > pos; j--)
            top[j] = top[j - 1];
        top[pos] = i;
        if (m < k)
            m++;
    }
    if (m == 0)
        return 0;
    /*
     * The boundary value is the last one kept. If more lists share it than
     * there are places left, the places go by lot: selection sampling over
     * the tied lists in index order gives each subset the same chance.
     */
    double boundary = votes[top[m - 1]];
    size_t above = 0, equal = 0;
    for (size_t i = 0; i < n; i++) {
        if (votes[i] < 0)
            continue;
        above += votes[i] > boundary;
        equal += votes[i] == boundary;
    }
    size_t places = m - above;
    if (equal <= places)
        return m;
    *tie = 1;
    size_t chosen = above;
    size_t left = equal;
    for (size_t i = 0; i < n && chosen < m; i++) {
        if (votes[i] != boundary)
            continue;
        size_t need = m - chosen;
        if (gsl_rng_uniform_int(lot, left) < need)
            top[chosen++] = i;
        left--;
    }
    return m;
}
