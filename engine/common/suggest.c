/*
 * "Did you mean ...": the nearest known word to a mistyped one, by the
 * optimal-string-alignment distance (Levenshtein plus swaps of neighbours),
 * counted in halves so that a difference of case alone is half an edit.
 */
#include <string.h>

#include "scrutin/text.h"

/* Words longer than this are not compared (ids and options are short). */
enum { MAX_WORD = 64 };

static char fold(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

/* The cost of putting b where a was, in halves of an edit. */
static unsigned cost(char a, char b) { return a == b ? 0 : fold(a) == fold(b) ? 1 : 2; }

static unsigned min3(unsigned a, unsigned b, unsigned c)
{
    unsigned m = a < b ? a : b;
    return m < c ? m : c;
}

/* Distance between @p a and @p b in halves of an edit. */
static unsigned distance(const char *a, size_t na, const char *b, size_t nb)
{
    unsigned d[MAX_WORD + 1][MAX_WORD + 1];
    for (size_t i = 0; i <= na; i++)
        d[i][0] = (unsigned)(2 * i);
    for (size_t j = 0; j <= nb; j++)
        d[0][j] = (unsigned)(2 * j);
    for (size_t i = 1; i <= na; i++)
        for (size_t j = 1; j <= nb; j++) {
            unsigned v = min3(d[i - 1][j] + 2, d[i][j - 1] + 2,
                              d[i - 1][j - 1] + cost(a[i - 1], b[j - 1]));
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 2 < v)
                v = d[i - 2][j - 2] + 2;
            d[i][j] = v;
        }
    return d[na][nb];
}

const char *scrutin_suggest(const char *word, const char *const *candidates, size_t n)
{
    if (!word || !candidates)
        return NULL;
    size_t nw = strlen(word);
    if (nw == 0 || nw > MAX_WORD)
        return NULL;
    /* Whole edits allowed, in halves: a slip or two, never a different word. */
    unsigned limit = nw <= 6 ? 2 : 4;
    const char *best = NULL;
    unsigned best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        const char *c = candidates[i];
        if (!c)
            continue;
        size_t nc = strlen(c);
        if (nc > MAX_WORD || nc == 0)
            continue;
        if (strcmp(c, word) == 0)
            return NULL;
        unsigned dist = distance(word, nw, c, nc);
        if (dist < best_d) {
            best_d = dist;
            best = c;
        }
    }
    return best;
}
