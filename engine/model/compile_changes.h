/*
 * Applying a scenario's `changes` to the compiled model (docs/whatifs.md).
 * Changes alter what the simulation starts from: the lists' baselines
 * (log_baseline), the districts' round-1 turnout (turnout_logit), which lists
 * run, and the lists merged into joint ones. The observed figures that replay
 * reads (votes, ballots) are left as they are, but for a merged list, whose
 * round-1 votes are its members' sum.
 */
#ifndef SCRUTIN_COMPILE_CHANGES_H
#define SCRUTIN_COMPILE_CHANGES_H

#include <stdint.h>

#include "compiler.h"

/*
 * Mark in @p selected (one byte per district) the districts named in
 * @p districts and those of the regions named in @p regions; every district
 * if both are empty. Unknown ids are reported at FIELD.regions[i] or
 * FIELD.districts[i]. @return how many districts are selected.
 */
size_t changes_select_districts(compiler *c, const char *field, char **regions, unsigned n_regions,
                                char **districts, unsigned n_districts, uint8_t *selected);

/*
 * Mark in @p in_set (one byte per party) the party @p party, or the parties of
 * coalition @p coalition; unknown ids are reported at FIELD.party or
 * FIELD.coalition. @return 0 if nothing is marked.
 */
int changes_party_set(compiler *c, const char *field, const char *party, const char *coalition,
                      uint8_t *in_set);

/* The share of list @p l's candidates that belong to the parties in @p in_set. */
double changes_list_weight(const scrutin_model *m, size_t l, const uint8_t *in_set);

/* 1 if list @p l runs in the simulation: not rejected, with a baseline. */
int changes_list_runs(const scrutin_model *m, size_t l);

/*
 * The baseline shares of the lists of district @p d (those that run), into
 * @p share [lists of d], summing to 1; zeros for the others. @return 0 if no list runs.
 */
int changes_district_shares(const scrutin_model *m, size_t d, double *share);

/* logit and its inverse. */
double changes_logit(double p);
double changes_logistic(double x);

/* The changes that change which lists run. */
void changes_withdraw(compiler *c, unsigned i, const scn_withdraw_lists *w, double *share);
void changes_merge(compiler *c, unsigned i, const scn_merge_lists *g, double *share);

#endif
