/*
 * The `changes` section of a scenario (docs/whatifs.md): what a what-if does
 * that is not a plain override of a value. Each item names exactly one kind
 * of change; the model compiler checks that and applies them in order
 * (engine/model/compile_changes.c). Pointers are NULL where a key is absent.
 */
#ifndef SCRUTIN_CHANGES_TYPES_H
#define SCRUTIN_CHANGES_TYPES_H

#include <cyaml/cyaml.h>

/*
 * Shift the round-1 support of a party or of a coalition's parties. Where a change
 * applies: the districts named, and those of the regions named; every district if neither.
 */
typedef struct scn_shift {
    char *party;
    char *coalition;
    double *points; /* percentage points of the district's round-1 share */
    double *logit;  /* added to the log-share utility, weighted by the party's share of candidates */
    char **regions;
    unsigned regions_count;
    char **districts;
    unsigned districts_count;
} scn_shift;

/* Change round-1 turnout. */
typedef struct scn_turnout_change {
    double *points; /* percentage points of the registered voters */
    double *logit;  /* added to logit(turnout) */
    char **regions;
    unsigned regions_count;
    char **districts;
    unsigned districts_count;
} scn_turnout_change;

/* Joint lists: in each district, the lists made only of these parties become one. */
typedef struct scn_merge_lists {
    char **parties;
    unsigned parties_count;
    char **districts; /* none: every district */
    unsigned districts_count;
    char *id;         /* the joint list's id; default: the parties' ids joined by '-' */
    char *name;       /* display name, for the reader of the scenario (not in the outputs) */
} scn_merge_lists;

/* Lists that do not run: one list ({district, list}) or a party's lists ({party, districts?}). */
typedef struct scn_withdraw_lists {
    char *district;
    char *list;
    char *party;
    char **districts;
    unsigned districts_count;
} scn_withdraw_lists;

typedef struct scn_change {
    scn_shift *shift;
    scn_turnout_change *turnout;
    scn_merge_lists *merge_lists;
    scn_withdraw_lists *withdraw_lists;
    char *note; /* free text: why this change */
} scn_change;

/* The schema of one item of `changes`, for yaml_schema.c. */
extern const cyaml_schema_value_t scn_change_schema;

#endif
