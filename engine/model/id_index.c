#include "id_index.h"

#include <stdlib.h>
#include <string.h>

#include "scrutin/error.h"

static int compare(const void *a, const void *b)
{
    const id_entry *x = a, *y = b;
    int c = strcmp(x->scope ? x->scope : "", y->scope ? y->scope : "");
    if (c)
        return c;
    c = strcmp(x->id, y->id);
    if (c)
        return c;
    return (x->index > y->index) - (x->index < y->index);
}

static int compare_key(const void *a, const void *b)
{
    const id_entry *x = a, *y = b;
    int c = strcmp(x->scope ? x->scope : "", y->scope ? y->scope : "");
    return c ? c : strcmp(x->id, y->id);
}

int id_index_build(id_index *ix, size_t n, const char *const *scopes, const char *const *ids)
{
    ix->count = 0; /* an empty index if out of memory: finds nothing, safely */
    ix->entries = malloc((n ? n : 1) * sizeof *ix->entries);
    if (!ix->entries)
        return SCRUTIN_ENOMEM;
    ix->count = n;
    for (size_t i = 0; i < n; i++)
        ix->entries[i] = (id_entry){scopes ? scopes[i] : NULL, ids[i] ? ids[i] : "", i};
    qsort(ix->entries, n, sizeof *ix->entries, compare);
    return SCRUTIN_OK;
}

int id_index_same(const id_index *ix, size_t k)
{
    return k > 0 && k < ix->count && compare_key(&ix->entries[k - 1], &ix->entries[k]) == 0;
}

size_t id_index_find(const id_index *ix, const char *scope, const char *id)
{
    if (ix->count == 0 || !ix->entries)
        return (size_t)-1; /* empty, or not built (out of memory): bsearch wants an array */
    id_entry key = {scope, id ? id : "", 0};
    const id_entry *hit = bsearch(&key, ix->entries, ix->count, sizeof key, compare_key);
    return hit ? hit->index : (size_t)-1;
}

void id_index_free(id_index *ix)
{
    free(ix->entries);
    ix->entries = NULL;
    ix->count = 0;
}

int id_is_valid(const char *id)
{
    if (!id || !((id[0] >= 'A' && id[0] <= 'Z') || (id[0] >= 'a' && id[0] <= 'z')))
        return 0;
    for (const char *p = id; *p; p++) {
        char c = *p;
        int ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.';
        if (!ok)
            return 0;
    }
    return 1;
}
