/*
 * The manifest of an output folder: each file a run wrote there, its size
 * and its XXH3 128-bit checksum (the digest `xxhsum -H2` prints), and what
 * is read back of an earlier run's manifest to remove its stale files.
 */
#ifndef SCRUTIN_REPORT_OUTPUT_MANIFEST_H
#define SCRUTIN_REPORT_OUTPUT_MANIFEST_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

/* Hexadecimal digits of a checksum, and a NUL. */
#define MANIFEST_HASH_SIZE 33

typedef struct manifest_entry {
    char *name; /* relative to the folder: "run.json", "plots/party_seats.svg" */
    uint64_t bytes;
    char xxh128[MANIFEST_HASH_SIZE];
} manifest_entry;

typedef struct manifest {
    manifest_entry *entries;
    size_t n, cap;
} manifest;

/* Size and checksum of the file @p path. @return 0 or an errno value. */
int manifest_hash_file(const char *path, uint64_t *bytes, char xxh128[MANIFEST_HASH_SIZE]);

/* Add @p name (or replace its entry), with a size and checksum (NULL: none). @return 0 or ENOMEM. */
int manifest_put(manifest *m, const char *name, uint64_t bytes, const char *xxh128);

/* @return 1 if @p m lists @p name. */
int manifest_has(const manifest *m, const char *name);

/* The entries sorted by name, as a JSON array of {"file", "bytes", "xxh128"}; NULL if out of memory. */
json_t *manifest_json(const manifest *m);

void manifest_free(manifest *m);

/*
 * 1 if @p name is one a scrutin run may have written: a plain name, or one in
 * `plots/`, of letters, digits, '.', '-' and '_', not starting with '.'. Names
 * read from an earlier manifest are trusted only so far: no path leaves the folder.
 */
int manifest_name_ok(const char *name);

/*
 * What the folder @p dir holds of earlier runs, into @p old (names only):
 * the files listed in the manifest of each index document there (run.json,
 * compare.json, sweep.json) and the index itself; and, when @p legacy is set
 * or an index has no manifest (written before manifests), the names scrutin
 * writes (its tables, documents and report; in `plots/`, the files of each
 * plot whose gnuplot script is there). @p replaces gets the first index found.
 * @return 0 or ENOMEM
 */
int manifest_read_earlier(manifest *old, const char *dir, int legacy, const char **replaces);

/*
 * Remove the temporary files a killed run left in @p dir and its plots/ (the
 * names atomic_file_open() and the output folder check give them). Called
 * with the folder's lock held, when no other run can be writing them.
 * @return 0, or -1 out of memory
 */
int manifest_remove_temporaries(const char *dir);

/* Remove each file of @p old that @p now does not list, but @p keep. */
void manifest_remove_stale(const char *dir, const manifest *old, const manifest *now,
                           const char *keep);

#endif
