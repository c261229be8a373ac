/*
 * An ASCII id from a UTF-8 name, by a fixed table of the Latin letters'
 * decompositions (made from Unicode's canonical decompositions, plus the
 * letters that have none: Æ, Ø, ß, Đ, Ł, Œ, Þ, ...). A table rather than
 * iconv's //TRANSLIT, whose output depends on the locale.
 */
#include <string.h>

#include "scrutin/text.h"

/* U+00C0 to U+024F: the ASCII letters of each, "" for a sign that is not a letter. */
static const char *const latin[] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", "D", "N",
    "O", "O", "O", "O", "O", "", "O", "U", "U", "U", "U", "Y", "TH", "ss", "a", "a", "a", "a",
    "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o",
    "o", "", "o", "u", "u", "u", "u", "y", "th", "y", "A", "a", "A", "a", "A", "a", "C", "c",
    "C", "c", "C", "c", "C", "c", "D", "d", "D", "d", "E", "e", "E", "e", "E", "e", "E", "e",
    "E", "e", "G", "g", "G", "g", "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i",
    "I", "i", "I", "i", "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L",
    "l", "L", "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s", "S", "s",
    "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u", "U", "u",
    "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s", "b", "B", "", "", "", "", "O",
    "C", "c", "D", "D", "", "", "", "", "", "E", "F", "f", "G", "G", "", "", "I", "K", "k", "",
    "", "", "N", "", "O", "O", "o", "", "", "P", "p", "", "", "", "", "", "", "T", "t", "", "U",
    "u", "", "V", "Y", "y", "", "", "Z", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
    "", "", "", "", "", "", "", "A", "a", "I", "i", "O", "o", "U", "u", "U", "u", "U", "u", "U",
    "u", "U", "u", "", "A", "a", "A", "a", "", "", "G", "g", "G", "g", "K", "k", "O", "o", "O",
    "o", "", "", "j", "", "", "", "G", "g", "", "", "N", "n", "A", "a", "", "", "", "", "A",
    "a", "A", "a", "E", "e", "E", "e", "I", "i", "I", "i", "O", "o", "O", "o", "R", "r", "R",
    "r", "U", "u", "U", "u", "S", "s", "T", "t", "", "", "H", "h", "", "", "", "", "", "", "A",
    "a", "E", "e", "O", "o", "O", "o", "O", "o", "O", "o", "Y", "y", "", "", "", "", "", "",
    "A", "C", "c", "", "", "", "", "", "", "", "", "", "E", "e", "J", "j", "", "", "R", "r",
    "Y", "y",};
enum { LATIN_FIRST = 0xC0, LATIN_COUNT = sizeof latin / sizeof latin[0] };

/* The code point at @p s (UTF-8) and its length in *len; 0xFFFD for a malformed byte. */
static unsigned long decode(const unsigned char *s, size_t *len)
{
    unsigned long c = s[0];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0) {
        *len = 1;
        return 0xFFFD;
    }
    if (n > 1)
        c &= 0x3FUL >> (n - 1);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = i;
            return 0xFFFD;
        }
        c = c << 6 | (s[i] & 0x3F);
    }
    *len = n;
    return c;
}

static int is_id_char(unsigned long c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.';
}

size_t scrutin_id_from_name(const char *name, char *out, size_t size)
{
    if (!out || size == 0)
        return 0;
    out[0] = 0;
    if (!name)
        return 0;
    char buf[256];
    size_t n = 0;
    int pending_dash = 0, any = 0;
    const unsigned char *p = (const unsigned char *)name;
    while (*p && n + 4 < sizeof buf) {
        size_t len;
        unsigned long c = decode(p, &len);
        p += len;
        const char *ascii = NULL;
        char one[2] = {0, 0};
        if (is_id_char(c)) {
            one[0] = (char)c;
            ascii = one;
        } else if (c >= LATIN_FIRST && c - LATIN_FIRST < LATIN_COUNT && latin[c - LATIN_FIRST][0])
            ascii = latin[c - LATIN_FIRST];
        if (!ascii) {
            pending_dash = n > 0;
            continue;
        }
        if (pending_dash && buf[n - 1] != '-' && ascii[0] != '-')
            buf[n++] = '-';
        pending_dash = 0;
        for (const char *a = ascii; *a && n + 1 < sizeof buf; a++) {
            any |= *a != '-' && *a != '_' && *a != '.';
            buf[n++] = *a;
        }
    }
    if (!any)
        return 0;
    buf[n] = 0;
    const char *prefix = (buf[0] >= 'A' && buf[0] <= 'Z') || (buf[0] >= 'a' && buf[0] <= 'z')
                             ? ""
                             : "x";
    size_t total = strlen(prefix) + n;
    size_t i = 0;
    for (const char *a = prefix; *a && i + 1 < size; a++)
        out[i++] = *a;
    for (size_t k = 0; k < n && i + 1 < size; k++)
        out[i++] = buf[k];
    out[i] = 0;
    return total < size ? total : size - 1;
}
