/*
 * What a what-if changes, for its report.html (docs/cli.md, "report.html"): its base, its own
 * `changes` in words, and every parameter and entity whose value after inheritance differs
 * from the base's, from what to what. The base is read and compiled again to know them.
 */
#ifndef SCRUTIN_REPORT_WHATIF_CHANGES_H
#define SCRUTIN_REPORT_WHATIF_CHANGES_H

#include <stdio.h>

#include "scrutin/model.h"

/*
 * The section "What this what-if changes" into @p f, if @p model is a what-if; nothing if not.
 * A base that cannot be read again is said in the section, not an error of the report.
 * @return 0 or SCRUTIN_ENOMEM
 */
int whatif_changes_html(FILE *f, const scrutin_model *model);

#endif
