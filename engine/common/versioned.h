/*
 * The one rule of the structs a caller hands to the library (scrutin/version.h):
 * read only if their version is exactly the library's own.
 */
#ifndef SCRUTIN_COMMON_VERSIONED_H
#define SCRUTIN_COMMON_VERSIONED_H

#include "scrutin/error.h"

/*
 * @return 0 if @p given is @p expected, else SCRUTIN_EINVAL with a diagnostic naming
 *         @p function, the struct @p type and the macro @p init that sets its version
 */
int versioned_check(unsigned given, unsigned expected, const char *function, const char *type,
                    const char *init, scrutin_ctx *ctx);

/* versioned_check() of the struct @p s, of type TYPE, whose macros are PREFIX_VERSION and
   PREFIX_INIT: VERSIONED_CHECK(o, "scrutin_sim_run", scrutin_sim_options, SCRUTIN_SIM_OPTIONS, ctx) */
#define VERSIONED_CHECK(s, function, type, prefix, ctx)                                        \
    versioned_check((s)->version, prefix##_VERSION, function, #type, #prefix "_INIT", ctx)

#endif
