/**
 * @file scrutin.h
 * @brief scrutin: a Monte Carlo engine for two-round list elections.
 *        Include this one header; it includes every module's.
 */
#ifndef SCRUTIN_H
#define SCRUTIN_H

#include "scrutin/version.h"
#include "scrutin/error.h"
#include "scrutin/format.h"
#include "scrutin/text.h"
#include "scrutin/scenario.h"
#include "scrutin/import.h"
#include "scrutin/model.h"
#include "scrutin/rules.h"
#include "scrutin/replay.h"
#include "scrutin/outcomes.h"
#include "scrutin/sim.h"
#include "scrutin/summary.h"
#include "scrutin/tally.h"
#include "scrutin/paired.h"
#include "scrutin/reduce.h"
#include "scrutin/report.h"
#include "scrutin/draws.h"
#include "scrutin/compare.h"
#include "scrutin/sweep.h"
#include "scrutin/plot.h"
#include "scrutin/output.h"

#endif
