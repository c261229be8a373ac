/* The small pieces every JSON output of a run is made of (json_doc.h). */
#include "json_doc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_doc_put(json_doc *d, json_t *object, const char *key, json_t *value)
{
    /* json_object_set_new takes the reference even on failure, and fails on a NULL value. */
    if (!object || json_object_set_new(object, key, value) != 0)
        d->ok = 0;
}

void json_doc_append(json_doc *d, json_t *array, json_t *value)
{
    if (!array) {
        json_decref(value);
        d->ok = 0;
    } else if (json_array_append_new(array, value) != 0) {
        d->ok = 0;
    }
}

json_t *json_doc_real(double x) { return isfinite(x) ? json_real(x) : json_null(); }

json_t *json_doc_count(uint64_t n) { return json_integer((json_int_t)n); }

json_t *json_doc_seed(uint64_t seed)
{
    if (seed <= (UINT64_C(1) << 53))
        return json_integer((json_int_t)seed);
    char text[24];
    snprintf(text, sizeof text, "%llu", (unsigned long long)seed);
    return json_string(text);
}

/* Bytes of the UTF-8 sequence at @p p, 0 if it is not one (overlong, surrogate, > U+10FFFF). */
static size_t utf8_sequence(const unsigned char *p)
{
    if (p[0] < 0x80)
        return 1;
    size_t n = p[0] >= 0xC2 && p[0] <= 0xDF ? 2 : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
             : p[0] >= 0xF0 && p[0] <= 0xF4                                  ? 4
                                                                              : 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    if ((n == 3 && p[0] == 0xE0 && p[1] < 0xA0) || (n == 3 && p[0] == 0xED && p[1] >= 0xA0) ||
        (n == 4 && p[0] == 0xF0 && p[1] < 0x90) || (n == 4 && p[0] == 0xF4 && p[1] >= 0x90))
        return 0;
    return n;
}

json_t *json_doc_string(const char *text)
{
    if (!text)
        return json_null();
    size_t len = strlen(text), bad = 0;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_sequence((const unsigned char *)text + i);
        bad += n == 0;
        i += n ? n : 1;
    }
    if (bad == 0)
        return json_string(text);
    /*
     * JSON is UTF-8: a path or a name that is not (a file name in Latin-1, say) is written with
     * each byte that is not part of UTF-8 as the text \xHH, rather than failing the whole file.
     */
    char *out = malloc(len + 3 * bad + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_sequence((const unsigned char *)text + i);
        if (n) {
            memcpy(out + o, text + i, n);
            o += n;
            i += n;
        } else {
            o += (size_t)sprintf(out + o, "\\x%02X", (unsigned char)text[i]);
            i++;
        }
    }
    out[o] = '\0';
    json_t *j = json_string(out);
    free(out);
    return j;
}
