/*
 * The hints of messages about ids: what an id may contain and one made from the
 * name, and "did you mean ..." for an id that is not declared.
 */
#ifndef SCRUTIN_ID_HINTS_H
#define SCRUTIN_ID_HINTS_H

#include <stddef.h>

#include "id_index.h"

/* What an id may contain, for messages. */
#define ID_RULE "an id is ASCII: a letter, then letters, digits, '-', '_' or '.'"

/*
 * ": did you mean \"X\"?" when @p ix holds an id (within @p scope, NULL for all) near
 * @p word, "" otherwise; written into @p buf, which is returned.
 */
const char *id_hint_near(char *buf, size_t size, const id_index *ix, const char *scope,
                         const char *word);
/*
 * The hint for the bad id @p bad: ID_RULE, and an id made from @p bad by taking the
 * accents off (or from @p name, when @p bad has no letter or digit): " (ID_RULE; try
 * \"Segou\", and keep \"Ségou\" as its name)". Written into @p buf, which is returned.
 */
const char *id_hint_bad(char *buf, size_t size, const char *bad, const char *name);

/* The two as expressions, each in a buffer of its own statement. */
#define ID_NEAR(ix, scope, word) id_hint_near((char[128]){0}, 128, (ix), (scope), (word))
#define ID_BAD(bad, name) id_hint_bad((char[320]){0}, 320, (bad), (name))

#endif
