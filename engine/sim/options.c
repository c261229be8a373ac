/* The one check of a caller's scrutin_sim_options (options.h). */
#include "options.h"

#include "../common/versioned.h"
#include "draws.h"

int sim_options_check(const scrutin_sim_options *o, const char *function, scrutin_ctx *ctx)
{
    if (!o)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "%s: no options: initialise a scrutin_sim_options with "
                                 "SCRUTIN_SIM_OPTIONS_INIT",
                                 function);
    if (VERSIONED_CHECK(o, function, scrutin_sim_options, SCRUTIN_SIM_OPTIONS, ctx) != SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    if (o->threads < 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "%s: threads is %d: 0 (OpenMP's default) or more", function,
                                 o->threads);
    if (!scrutin_simd_available(o->simd))
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "%s: the vector path \"%s\" is not available on this machine or "
                                 "in this build (available: %s)",
                                 function, scrutin_simd_name(o->simd) ? scrutin_simd_name(o->simd) : "?",
                                 sim_simd_list());
    return SCRUTIN_OK;
}
