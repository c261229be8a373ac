/**
 * @file scrutin/text.h
 * @brief Helping people type ids: the nearest known word to a mistyped one, and an
 *        ASCII id made from a UTF-8 name.
 *
 * Both are independent of the locale: the comparison is of ASCII letters (case folded),
 * the decomposition a fixed table of the Latin letters (U+00C0 to U+024F).
 */
#ifndef SCRUTIN_TEXT_H
#define SCRUTIN_TEXT_H

#include <stddef.h>

#include "scrutin/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The candidate nearest to @p word by edit distance (insertions, deletions, substitutions
 * and swaps of two neighbours; a difference of case alone counts less than one), if it is
 * near enough to be a typing slip: at most 1 edit for words of up to 6 characters, 2 for
 * longer ones. Ties go to the first candidate.
 * @param candidates @p n words (NULL entries are skipped)
 * @return one of @p candidates, or NULL if none is near, or @p word is one of them
 */
SCRUTIN_API const char *scrutin_suggest(const char *word, const char *const *candidates,
                                        size_t n);

/**
 * An id made from @p name (UTF-8): Latin letters lose their accents (`Ségou` -> `Segou`,
 * `Œ` -> `OE`), ASCII letters, digits, '-', '_' and '.' are kept, every other run of
 * characters becomes one '-', and an id that would not start with a letter is prefixed
 * with `x`. Independent of the locale.
 * @param[out] out  the id, NUL-terminated (truncated to @p size - 1 bytes)
 * @return the length of the id, 0 if @p name has no letter or digit at all
 */
SCRUTIN_API size_t scrutin_id_from_name(const char *name, char *out, size_t size);

#ifdef __cplusplus
}
#endif
#endif
