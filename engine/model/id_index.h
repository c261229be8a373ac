/* Names to indices at compile time: a sorted array searched with bsearch. */
#ifndef SCRUTIN_ID_INDEX_H
#define SCRUTIN_ID_INDEX_H

#include <stddef.h>

typedef struct id_entry {
    const char *scope; /* for ids unique within a scope (list ids in a district); NULL otherwise */
    const char *id;
    size_t index;
} id_entry;

typedef struct id_index {
    id_entry *entries;
    size_t count;
} id_index;

/* Build from @p n (scope, id) pairs. Equal keys end up adjacent: see id_index_same(). */
int id_index_build(id_index *ix, size_t n, const char *const *scopes, const char *const *ids);
/* @return the index of (scope, id), or (size_t)-1. */
size_t id_index_find(const id_index *ix, const char *scope, const char *id);
/* 1 if sorted entries k-1 and k have the same key (a duplicate id). */
int id_index_same(const id_index *ix, size_t k);
void id_index_free(id_index *ix);
/* 1 if @p id is a well-formed identifier: ASCII letter first, then letters, digits, - _ . */
int id_is_valid(const char *id);

#endif
