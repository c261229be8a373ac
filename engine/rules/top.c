/* The lists with the most votes, with ties at the boundary drawn by lot. */
#include "scrutin/rules.h"

size_t scrutin_rules_top(const double *votes, size_t n, size_t k, gsl_rng *lot, size_t *top,
                         int *tie)
{
    *tie = 0;
    if (k == 0)
        return 0;
    /*
     * One pass of insertion into a short sorted array (k is 2 or 3, n a few
     * dozen): a list enters only with strictly more votes than the one it
     * passes, so equal lists keep their index order. `left_out` is the most
     * votes of a running list not kept, to know below whether a tie is possible.
     */
    size_t m = 0;
    double left_out = -1.0;
    for (size_t i = 0; i < n; i++) {
        double v = votes[i];
        if (v < 0)
            continue;
        size_t pos = m;
        if (m == k) {
            double last = votes[top[k - 1]];
            if (!(v > last)) {
                left_out = v > left_out ? v : left_out;
                continue;
            }
            left_out = last > left_out ? last : left_out;
            pos = k - 1;
        } else {
            m++;
        }
        while (pos > 0 && votes[top[pos - 1]] < v) {
            top[pos] = top[pos - 1];
            pos--;
        }
        top[pos] = i;
    }
    if (m == 0)
        return 0;
    /*
     * The boundary value is the last one kept. If no list left out has as
     * many votes, every list that has them is kept: no tie. Otherwise, if more
     * lists share it than there are places left, the places go by lot:
     * selection sampling over the tied lists in index order gives each subset
     * the same chance.
     */
    double boundary = votes[top[m - 1]];
    if (left_out < boundary)
        return m;
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
