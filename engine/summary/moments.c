/* Mean, standard deviation and standard error from integer sums (moments.h). */
#include "moments.h"

#include <math.h>

moments moments_of_sums(int64_t sum, int64_t squares, uint64_t n)
{
    moments m;
    m.mean = (double)sum / (double)n;
    /* sum(x^2) - sum(x) mean: the integers are exact, so only the last steps round. */
    double var = n > 1 ? ((double)squares - (double)sum * m.mean) / (double)(n - 1) : 0.0;
    m.sd = sqrt(var > 0.0 ? var : 0.0);
    m.se = m.sd / sqrt((double)n);
    return m;
}
