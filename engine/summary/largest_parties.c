/* The parties a headline or a plot shows besides the coalitions (scrutin_summary_largest_parties). */
#include <stdint.h>

#include "scrutin/summary.h"

size_t scrutin_summary_largest_parties(const scrutin_summary *s, size_t *out, size_t max)
{
    if (!s || !out)
        return 0;
    const scrutin_group_summary *final = s->groups[SCRUTIN_STAGE_FINAL][SCRUTIN_GROUP_PARTY];
    const scrutin_group_summary *prov = s->groups[SCRUTIN_STAGE_PROVISIONAL][SCRUTIN_GROUP_PARTY];
    size_t n = 0;
    /* A selection, not a sort: a few passes over the parties; ties go to the first declared. */
    while (n < max) {
        size_t best = SIZE_MAX;
        for (size_t p = 0; p < s->n_groups[SCRUTIN_GROUP_PARTY]; p++) {
            int taken = 0;
            for (size_t i = 0; i < n && !taken; i++)
                taken = out[i] == p;
            if (taken || (final[p].mean <= 0.0 && prov[p].mean <= 0.0))
                continue;
            if (best == SIZE_MAX || final[p].mean > final[best].mean)
                best = p;
        }
        if (best == SIZE_MAX)
            break;
        out[n++] = best;
    }
    return n;
}
