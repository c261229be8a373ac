/* The library's version, and the one check of a versioned struct (scrutin/version.h). */
#include "scrutin/version.h"

#include "scrutin/error.h"
#include "versioned.h"

const char *scrutin_version(void)
{
    return SCRUTIN_VERSION;
}

int versioned_check(unsigned given, unsigned expected, const char *function, const char *type,
                    const char *init, scrutin_ctx *ctx)
{
    if (given == expected)
        return SCRUTIN_OK;
    return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                             "%s: the %s is of version %u, this library (scrutin %s) reads "
                             "version %u only: initialise it with %s and build the program "
                             "against this library's headers",
                             function, type, given, SCRUTIN_VERSION, expected, init);
}
