/* The scenario a results table makes (import_build.c), and writing it (import_write.c). */
#ifndef SCRUTIN_IMPORT_BUILD_H
#define SCRUTIN_IMPORT_BUILD_H

#include "import_types.h"

typedef struct imp_district {
    const char *id;
    size_t first_row, last_row;
    size_t row_of[IMP_COLUMNS]; /* the row that gives each district column, (size_t)-1 if none */
} imp_district;

typedef struct imp_scenario {
    const imp_table *t;
    char **cell;                /* [row][column]: counts as whole numbers, the rest as read */
    imp_district *districts;    /* in the order of their first rows */
    size_t n_districts;
    char **regions, **parties;  /* in order of appearance */
    size_t n_regions, n_parties, n_party_kinds;
    unsigned char *party_kinds; /* [party]: 1 on a party or joint list, 2 on an independent one */
    unsigned long seats;
    scrutin_ctx *ctx;
    int status;
} imp_scenario;

static inline const char *imp_out(const imp_scenario *s, size_t row, imp_column c)
{
    return s->cell[row * IMP_COLUMNS + c];
}

/* Check the rows of @p t and gather the scenario; every problem reported at its input row. */
int imp_build(imp_scenario *s, const imp_table *t, scrutin_ctx *ctx);
void imp_scenario_free(imp_scenario *s);

/*
 * Write scenario.yaml, districts.csv and lists.csv of @p s into the folder @p dir (which exists),
 * the scenario named @p name. @return 0, or SCRUTIN_EIO / SCRUTIN_ENOMEM (reported)
 */
int imp_write(const imp_scenario *s, const char *dir, const char *name, scrutin_ctx *ctx);

#endif
