/*
 * A scenario's content hash: XXH3 (128 bits) of its YAML file and of the two
 * tables it names, combined. xxHash is fast and well tested; this hash
 * identifies inputs, it does not defend against someone forging them.
 */
#include <errno.h>
#include <stdlib.h>
#include <xxhash.h>

#include "../scenario/scenario_types.h"
#include "output_files.h"
#include "scrutin/report.h"

static int hash_file(XXH128_canonical_t *out, const char *path, XXH3_state_t *state,
                     unsigned char *buf, size_t size, scrutin_ctx *ctx)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        char text[128];
        return scrutin_ctx_error(ctx, SCRUTIN_EIO, path, 0, NULL, "cannot be read to hash it: %s",
                                 report_errno_text(errno, text, sizeof text));
    }
    int status = XXH3_128bits_reset(state) == XXH_OK ? SCRUTIN_OK : SCRUTIN_EINTERNAL;
    size_t n;
    while (status == SCRUTIN_OK && (n = fread(buf, 1, size, f)) > 0)
        if (XXH3_128bits_update(state, buf, n) != XXH_OK)
            status = SCRUTIN_EINTERNAL;
    if (status == SCRUTIN_OK && ferror(f))
        status = scrutin_ctx_error(ctx, SCRUTIN_EIO, path, 0, NULL, "cannot be read to hash it");
    fclose(f);
    if (status == SCRUTIN_OK)
        XXH128_canonicalFromHash(out, XXH3_128bits_digest(state));
    return status;
}

int scrutin_report_scenario_hash(char *out, size_t size, const scrutin_scenario *scenario,
                                 scrutin_ctx *ctx)
{
    if (!out || size < SCRUTIN_SCENARIO_HASH_SIZE || !scenario)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_report_scenario_hash: needs a scenario and %d bytes",
                                 SCRUTIN_SCENARIO_HASH_SIZE);
    out[0] = '\0';
    const char *paths[3] = {scenario->path, scenario->districts_path, scenario->lists_path};
    /* Digests in canonical (big-endian) form: the same hash on every machine. */
    XXH128_canonical_t digests[3];
    enum { CHUNK = 1 << 16 };
    unsigned char *buf = malloc(CHUNK);
    XXH3_state_t *state = XXH3_createState();
    int status = buf && state ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    for (int i = 0; i < 3 && status == SCRUTIN_OK; i++)
        status = paths[i] ? hash_file(&digests[i], paths[i], state, buf, CHUNK, ctx)
                          : scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                              "the scenario names no file to hash");
    /* A what-if is its file and its bases: the YAML digest is then that of all their digests. */
    const char *const *chain;
    size_t n_chain = scn_yaml_files(scenario, &chain);
    XXH128_canonical_t *layers = n_chain > 1 ? calloc(n_chain, sizeof *layers) : NULL;
    if (status == SCRUTIN_OK && n_chain > 1 && !layers)
        status = SCRUTIN_ENOMEM;
    for (size_t i = 0; layers && i < n_chain && status == SCRUTIN_OK; i++)
        status = hash_file(&layers[i], chain[i], state, buf, CHUNK, ctx);
    if (layers && status == SCRUTIN_OK)
        XXH128_canonicalFromHash(&digests[0], XXH3_128bits(layers, n_chain * sizeof *layers));
    free(layers);
    XXH3_freeState(state);
    free(buf);
    if (status != SCRUTIN_OK)
        return status;
    XXH128_canonical_t total;
    XXH128_canonicalFromHash(&total, XXH3_128bits(digests, sizeof digests));
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof total.digest; i++) {
        out[2 * i] = hex[total.digest[i] >> 4];
        out[2 * i + 1] = hex[total.digest[i] & 15];
    }
    out[2 * sizeof total.digest] = '\0';
    return SCRUTIN_OK;
}
