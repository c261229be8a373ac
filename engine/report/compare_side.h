/*
 * Which scenario of a comparison a row or curve is, told apart even when one scenario is given
 * twice (`scrutin compare A B B`), where the names are the same: the side, "base" for model 0
 * and "whatifK" for the K-th what-if of the command line (docs/cli.md, "compare.csv").
 * compare.csv, compare_districts.csv, compare.json and the compare plot's CSV all say it so.
 */
#ifndef SCRUTIN_REPORT_COMPARE_SIDE_H
#define SCRUTIN_REPORT_COMPARE_SIDE_H

#include <stddef.h>
#include <stdio.h>

/* Room for any side's name. */
#define COMPARE_SIDE_SIZE 32

/* The side of model @p k (0: the base) into @p buf, of COMPARE_SIDE_SIZE bytes. */
static inline void compare_side(char buf[COMPARE_SIDE_SIZE], size_t k)
{
    if (k == 0)
        snprintf(buf, COMPARE_SIDE_SIZE, "base");
    else
        snprintf(buf, COMPARE_SIDE_SIZE, "whatif%zu", k);
}

#endif
