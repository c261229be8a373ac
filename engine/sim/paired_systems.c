/*
 * Which electoral system of a what-if faces which of the base (docs/whatifs.md,
 * "Several electoral systems"): the one rule for compare.csv (paired_plan.c) and
 * compare_districts.csv (paired_districts.c), so that both show the same systems.
 */
#include <string.h>

#include "paired.h"

size_t paired_systems(const scrutin_model *base, const scrutin_model *whatif, paired_system *out)
{
    size_t nb = scrutin_model_systems(base), nk = scrutin_model_systems(whatif), n = 0;
    if (nb == 1) {
        for (size_t j = 0; j < nk; j++)
            out[n++] = (paired_system){0, (long)j, scrutin_model_system_id(whatif, j)};
        return n;
    }
    if (nk == 1) {
        for (size_t i = 0; i < nb; i++)
            out[n++] = (paired_system){(long)i, 0, scrutin_model_system_id(base, i)};
        return n;
    }
    for (size_t i = 0; i < nb; i++) {
        const char *id = scrutin_model_system_id(base, i);
        long match = -1;
        for (size_t j = 0; j < nk && match < 0; j++)
            if (strcmp(scrutin_model_system_id(whatif, j), id) == 0)
                match = (long)j;
        out[n++] = (paired_system){(long)i, match, id};
    }
    for (size_t j = 0; j < nk; j++) {
        const char *id = scrutin_model_system_id(whatif, j);
        int found = 0;
        for (size_t i = 0; i < nb && !found; i++)
            found = strcmp(scrutin_model_system_id(base, i), id) == 0;
        if (!found)
            out[n++] = (paired_system){-1, (long)j, id};
    }
    return n;
}
