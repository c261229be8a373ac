/*
 * Building a JSON document (run.json, compare.json, sweep.json) with
 * jansson without checking every call: the first failure sticks in the
 * document and is checked once, when it is written.
 */
#ifndef SCRUTIN_REPORT_JSON_DOC_H
#define SCRUTIN_REPORT_JSON_DOC_H

#include <jansson.h>
#include <stdint.h>

/* A document under construction: ok falls to 0 at the first failure to allocate or attach. */
typedef struct json_doc {
    int ok;
} json_doc;

/* object[key] = value, taking value's reference even on failure (NULL object or value). */
void json_doc_put(json_doc *d, json_t *object, const char *key, json_t *value);
/* Append @p value to @p array, taking its reference even on failure. */
void json_doc_append(json_doc *d, json_t *array, json_t *value);
/* A number, or null for NaN and the infinities, which JSON cannot write. */
json_t *json_doc_real(double x);
/* A count of simulations. */
json_t *json_doc_count(uint64_t n);
/*
 * A seed: an integer up to 2^53, beyond it a decimal string, since integers
 * beyond 2^53 lose digits in many JSON readers (JavaScript's numbers are doubles).
 */
json_t *json_doc_seed(uint64_t seed);
/*
 * A string, or null for a NULL pointer. Text that is not UTF-8 (a path, a table's name in
 * Latin-1) has each stray byte written as the text \xHH: JSON is UTF-8, and jansson refuses it.
 */
json_t *json_doc_string(const char *text);

#endif
