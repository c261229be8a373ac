/*
 * The observed result of a scenario, as the report and the plots mark it on the
 * distributions: its observed votes and the court's actual decisions replayed
 * (scrutin replay) under each of its electoral systems. A system whose replay the
 * data cannot support (a list in round 2 without round-2 votes) has none, and nothing
 * is marked for it.
 */
#ifndef SCRUTIN_REPORT_RUN_OBSERVED_H
#define SCRUTIN_REPORT_RUN_OBSERVED_H

#include <stddef.h>

#include "scrutin/model.h"
#include "scrutin/replay.h"
#include "scrutin/tally.h"

/* The seed of the lots that break exact ties: scrutin replay's default. */
#define RUN_OBSERVED_SEED 1

typedef struct run_observed {
    size_t n_systems;
    scrutin_replay **replays; /* [n_systems] NULL where the system cannot be replayed */
} run_observed;

/*
 * Replay every system of @p model. Why one cannot be replayed is not an error of the
 * report and goes into no context (scrutin validate and scrutin replay say it).
 * @return 0 or SCRUTIN_ENOMEM
 */
int run_observed_make(run_observed *o, const scrutin_model *model);
void run_observed_free(run_observed *o);

/* @return whether any system has an observed result */
int run_observed_any(const run_observed *o);

/* The observed final seats of group @p group of kind @p kind under system @p system; -1: none. */
long run_observed_seats(const run_observed *o, size_t system, scrutin_group_kind kind,
                        size_t group);

#endif
