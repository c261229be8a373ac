/* Names of the electoral systems, generated from SCRUTIN_SYSTEM_MAP. */
#include "scrutin/error.h"
#include "scrutin/rules.h"

#include <string.h>

static const char *const names[] = {
#define SCRUTIN_SYSTEM_NAME_(id, value, name) [value] = name,
    SCRUTIN_SYSTEM_MAP(SCRUTIN_SYSTEM_NAME_)
#undef SCRUTIN_SYSTEM_NAME_
};

const char *scrutin_system_name(scrutin_system system)
{
    if ((size_t)system >= sizeof names / sizeof names[0])
        return NULL;
    return names[system];
}

int scrutin_system_parse(scrutin_system *out, const char *name)
{
    if (!name)
        return SCRUTIN_EINVAL;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i], name) == 0) {
            *out = (scrutin_system)i;
            return SCRUTIN_OK;
        }
    return SCRUTIN_EINVAL;
}
