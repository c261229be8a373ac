/* A scenario's content hash, as the loader computed it from the bytes it read (content_hash.c). */
#include <string.h>

#include "output_files.h"
#include "scrutin/report.h"

int scrutin_report_scenario_hash(char *out, size_t size, const scrutin_scenario *scenario,
                                 scrutin_ctx *ctx)
{
    if (!out || size < SCRUTIN_SCENARIO_HASH_SIZE || !scenario)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_report_scenario_hash: needs a scenario and %d bytes",
                                 SCRUTIN_SCENARIO_HASH_SIZE);
    const char *hash = scrutin_scenario_hash(scenario);
    if (strlen(hash) != SCRUTIN_SCENARIO_HASH_SIZE - 1)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_report_scenario_hash: the scenario's tables were not "
                                 "read, so it has no hash");
    memcpy(out, hash, SCRUTIN_SCENARIO_HASH_SIZE);
    return SCRUTIN_OK;
}
