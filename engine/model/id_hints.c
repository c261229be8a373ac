/* Hints for messages about ids (id_hints.h). */
#include "id_hints.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scrutin/text.h"

const char *id_hint_near(char *buf, size_t size, const id_index *ix, const char *scope,
                         const char *word)
{
    buf[0] = 0;
    if (!ix || !ix->count || !word)
        return buf;
    const char **ids = malloc(ix->count * sizeof *ids);
    if (!ids)
        return buf; /* a hint is a courtesy: without memory the message goes without it */
    size_t n = 0;
    for (size_t i = 0; i < ix->count; i++)
        if (!scope || (ix->entries[i].scope && strcmp(ix->entries[i].scope, scope) == 0))
            ids[n++] = ix->entries[i].id;
    const char *near = scrutin_suggest(word, ids, n);
    if (near)
        snprintf(buf, size, ": did you mean \"%s\"?", near);
    free(ids);
    return buf;
}

const char *id_hint_bad(char *buf, size_t size, const char *bad, const char *name)
{
    /* The bad id is most often the name written as an id: it comes first. */
    char id[128];
    const char *from = bad;
    size_t n = scrutin_id_from_name(bad, id, sizeof id);
    if (n == 0 && name && name[0])
        n = scrutin_id_from_name(from = name, id, sizeof id);
    if (n == 0 || strcmp(id, bad ? bad : "") == 0)
        snprintf(buf, size, " (%s)", ID_RULE);
    else if (from == bad)
        snprintf(buf, size, " (%s; try \"%s\", and keep \"%s\" as its name)", ID_RULE, id, bad);
    else
        snprintf(buf, size, " (%s; try \"%s\", made from its name)", ID_RULE, id);
    return buf;
}
