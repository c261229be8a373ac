/* The small pieces every JSON output of a run is made of (json_doc.h). */
#include "json_doc.h"

#include <math.h>
#include <stdio.h>

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

json_t *json_doc_string(const char *text) { return text ? json_string(text) : json_null(); }
