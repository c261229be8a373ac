/*
 * A scenario's content hash, computed by the loader from the bytes it read (each file is read
 * once: input_file.c keeps an XXH3-128 digest of each). The digests of the YAML file and of the
 * two tables, in that order, are hashed again, so that moving bytes from one file to another
 * changes the hash; a what-if's YAML digest is that of the digests of its file and its bases.
 * xxHash is fast and well tested; this hash identifies inputs, it does not defend against
 * someone forging them.
 */
#include <string.h>
#include <xxhash.h>

#include "scenario_types.h"

int scn_hash_compute(scrutin_scenario *s)
{
    XXH128_canonical_t digests[3];
    const unsigned char(*chain)[16];
    size_t n_chain = scn_yaml_digests(s, &chain);
    if (n_chain > 1)
        XXH128_canonicalFromHash(&digests[0], XXH3_128bits(chain, n_chain * sizeof *chain));
    else
        memcpy(digests[0].digest, s->bytes.digest, sizeof digests[0].digest);
    memcpy(digests[1].digest, s->districts_digest, sizeof digests[1].digest);
    memcpy(digests[2].digest, s->lists_digest, sizeof digests[2].digest);
    XXH128_canonical_t total;
    XXH128_canonicalFromHash(&total, XXH3_128bits(digests, sizeof digests));
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof total.digest; i++) {
        s->hash[2 * i] = hex[total.digest[i] >> 4];
        s->hash[2 * i + 1] = hex[total.digest[i] & 15];
    }
    s->hash[2 * sizeof total.digest] = '\0';
    return SCRUTIN_OK;
}

const char *scrutin_scenario_hash(const scrutin_scenario *s) { return s ? s->hash : ""; }
