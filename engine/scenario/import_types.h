/*
 * scrutin import (docs/scenario-format.md, "Importing a results table"): the
 * rows of a results table, one per (district, list), read with libcsv, and the
 * scenario they make.
 */
#ifndef SCRUTIN_IMPORT_TYPES_H
#define SCRUTIN_IMPORT_TYPES_H

#include <stddef.h>
#include <string.h>

#include "scrutin/error.h"

/* The columns of a results table; the first IMP_REQUIRED are required. */
typedef enum imp_column {
    IMP_REGION, IMP_DISTRICT, IMP_SEATS, IMP_LIST, IMP_KIND, IMP_CANDIDATES, IMP_VOTES_R1,
    IMP_REGISTERED, IMP_VOTERS, IMP_INVALID, IMP_VOTES_R2, IMP_NAME, IMP_VOTERS_R2,
    IMP_INVALID_R2, IMP_OTHER_VOTES, IMP_WINNER_R2, IMP_DISTRICT_NAME, IMP_SOURCE, IMP_NOTE,
    IMP_DISTRICT_SOURCE, IMP_DISTRICT_NOTE, IMP_COLUMNS
} imp_column;
enum { IMP_REQUIRED = IMP_VOTES_R1 + 1 };
extern const char *const imp_column_names[IMP_COLUMNS];

typedef struct imp_table {
    const char *path;
    char delimiter;       /* ',' or ';' (then decimal commas are read too) */
    size_t n_rows;
    char **cells;         /* [n_rows][IMP_COLUMNS], "" where absent */
    unsigned *line;       /* line of each row */
} imp_table;

/* Read @p path: the delimiter from its header, every row's cells by column. */
int imp_table_read(imp_table *t, const char *path, scrutin_ctx *ctx);
void imp_table_free(imp_table *t);
static inline const char *imp_cell(const imp_table *t, size_t row, imp_column c)
{
    return t->cells[row * IMP_COLUMNS + c];
}

/*
 * The next party id of a candidates cell copied into @p buf (between ';' or '+', the
 * spaces around it trimmed): strtok_r over @p buf (NULL after the first call) with @p save.
 * @return the id, in @p buf, or NULL after the last
 */
static inline char *imp_next_party(char *buf, char **save)
{
    char *p = strtok_r(buf, ";+", save);
    if (!p)
        return NULL;
    while (*p == ' ')
        p++;
    size_t len = strlen(p);
    while (len && p[len - 1] == ' ')
        p[--len] = 0;
    return p;
}

#endif
