/* The manifest of an output folder, and the files of earlier runs it lets a run remove (output_manifest.h). */
#include "output_manifest.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "output_files.h"
#include "run_tables.h"
#include "scrutin/plot.h"

int manifest_hash_file(const char *path, uint64_t *bytes, char xxh128[MANIFEST_HASH_SIZE])
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    enum { CHUNK = 1 << 16 };
    unsigned char *buf = malloc(CHUNK);
    XXH3_state_t *state = XXH3_createState();
    int err = buf && state ? 0 : ENOMEM;
    if (!err && XXH3_128bits_reset(state) != XXH_OK)
        err = EINVAL;
    uint64_t total = 0;
    size_t n;
    while (!err && (n = fread(buf, 1, CHUNK, f)) > 0) {
        total += n;
        if (XXH3_128bits_update(state, buf, n) != XXH_OK)
            err = EINVAL;
    }
    if (!err && ferror(f))
        err = EIO;
    if (!err) {
        /* The canonical (big-endian) form: the digits xxhsum -H2 prints, on every machine. */
        XXH128_canonical_t c;
        XXH128_canonicalFromHash(&c, XXH3_128bits_digest(state));
        static const char hex[] = "0123456789abcdef";
        for (size_t i = 0; i < sizeof c.digest; i++) {
            xxh128[2 * i] = hex[c.digest[i] >> 4];
            xxh128[2 * i + 1] = hex[c.digest[i] & 15];
        }
        xxh128[2 * sizeof c.digest] = '\0';
        *bytes = total;
    }
    XXH3_freeState(state);
    free(buf);
    fclose(f);
    return err;
}

static manifest_entry *find(const manifest *m, const char *name)
{
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->entries[i].name, name) == 0)
            return &m->entries[i];
    return NULL;
}

int manifest_has(const manifest *m, const char *name) { return find(m, name) != NULL; }

int manifest_put(manifest *m, const char *name, uint64_t bytes, const char *xxh128)
{
    manifest_entry *e = find(m, name);
    if (!e) {
        if (m->n == m->cap) {
            size_t cap = m->cap ? 2 * m->cap : 16;
            manifest_entry *grown = realloc(m->entries, cap * sizeof *grown);
            if (!grown)
                return ENOMEM;
            m->entries = grown;
            m->cap = cap;
        }
        e = &m->entries[m->n];
        if (!(e->name = strdup(name)))
            return ENOMEM;
        m->n++;
    }
    e->bytes = bytes;
    snprintf(e->xxh128, sizeof e->xxh128, "%s", xxh128 ? xxh128 : "");
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const manifest_entry *)a)->name, ((const manifest_entry *)b)->name);
}

json_t *manifest_json(const manifest *m)
{
    /* Sorted, so that the same files give the same bytes whatever order they were written in. */
    if (m->n)
        qsort(m->entries, m->n, sizeof *m->entries, by_name);
    json_t *files = json_array();
    for (size_t i = 0; files && i < m->n; i++) {
        json_t *e = json_pack("{s:s, s:I, s:s}", "file", m->entries[i].name, "bytes",
                              (json_int_t)m->entries[i].bytes, "xxh128", m->entries[i].xxh128);
        if (!e || json_array_append_new(files, e) != 0) {
            json_decref(files);
            return NULL;
        }
    }
    return files;
}

void manifest_free(manifest *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->entries[i].name);
    free(m->entries);
    *m = (manifest){NULL, 0, 0};
}

static int plain_name(const char *c, size_t n)
{
    if (n == 0 || c[0] == '.')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((c[i] >= 'a' && c[i] <= 'z') || (c[i] >= 'A' && c[i] <= 'Z') ||
              (c[i] >= '0' && c[i] <= '9') || c[i] == '-' || c[i] == '_' || c[i] == '.'))
            return 0;
    return 1;
}

int manifest_name_ok(const char *name)
{
    const char *slash = strchr(name, '/');
    if (!slash)
        return plain_name(name, strlen(name));
    return (size_t)(slash - name) == strlen(SCRUTIN_PLOT_DIR) &&
           strncmp(name, SCRUTIN_PLOT_DIR, (size_t)(slash - name)) == 0 &&
           plain_name(slash + 1, strlen(slash + 1)) && !strchr(slash + 1, '/');
}

/* @return 1 if @p name is a regular file of @p dir, 0 if not, ENOMEM (never "not there") */
static int exists(const char *dir, const char *name)
{
    char *path = report_path_join(dir, name);
    if (!path)
        return ENOMEM;
    struct stat st;
    int yes = lstat(path, &st) == 0 && S_ISREG(st.st_mode);
    free(path);
    return yes;
}

/* The index documents of run, compare and sweep: the last file each writes. */
static const char *const index_names[] = {"run.json", "compare.json", "sweep.json"};

/* The files of an index's manifest into @p old. @return 0, ENOMEM, or -1 if it has no manifest. */
static int read_manifest(manifest *old, const char *dir, const char *index)
{
    char *path = report_path_join(dir, index);
    if (!path)
        return ENOMEM;
    json_t *root = json_load_file(path, 0, NULL);
    free(path);
    json_t *files = json_object_get(root, "manifest");
    int err = json_is_array(files) ? 0 : -1;
    size_t i;
    json_t *e;
    json_array_foreach(files, i, e) {
        const char *name = json_string_value(json_object_get(e, "file"));
        if (!err && name && manifest_name_ok(name))
            err = manifest_put(old, name, 0, NULL);
    }
    json_decref(root);
    return err;
}

/* Before manifests: the names scrutin writes at the top of a folder, and each plot of plots/. */
static int add_legacy(manifest *old, const char *dir)
{
    static const char *const documents[] = {"run.json", "compare.json", "sweep.json", "compare.csv",
                                            "sweep.csv", "report.html"};
    int err = 0;
    for (size_t i = 0; i < sizeof documents / sizeof *documents && !err; i++) {
        int there = exists(dir, documents[i]);
        err = there == ENOMEM ? ENOMEM : there ? manifest_put(old, documents[i], 0, NULL) : 0;
    }
    for (size_t i = 0; i < REPORT_RUN_TABLES && !err; i++) {
        char name[80];
        snprintf(name, sizeof name, "%s.csv", report_run_tables[i].name);
        int there = exists(dir, name);
        err = there == ENOMEM ? ENOMEM : there ? manifest_put(old, name, 0, NULL) : 0;
    }
    char *plots = report_path_join(dir, SCRUTIN_PLOT_DIR);
    if (!plots && !err)
        err = ENOMEM;
    DIR *d = plots ? opendir(plots) : NULL;
    struct dirent *ent;
    while (!err && d && (ent = readdir(d)) != NULL) {
        /* NAME.gp is a plot's script: its data and images are NAME.csv, .svg and .png. */
        size_t n = strlen(ent->d_name);
        if (n < 4 || n > 200 || strcmp(ent->d_name + n - 3, ".gp") != 0 ||
            !plain_name(ent->d_name, n))
            continue;
        static const char *const exts[] = {".gp", ".csv", ".svg", ".png"};
        for (size_t k = 0; k < 4 && !err; k++) {
            char file[256], name[300];
            snprintf(file, sizeof file, "%.*s%s", (int)(n - 3), ent->d_name, exts[k]);
            snprintf(name, sizeof name, "%s/%s", SCRUTIN_PLOT_DIR, file);
            int there = exists(plots, file);
            if (there == ENOMEM)
                err = ENOMEM;
            else if (there)
                err = manifest_put(old, name, 0, NULL);
        }
    }
    if (d)
        closedir(d);
    free(plots);
    return err;
}

int manifest_read_earlier(manifest *old, const char *dir, int legacy, const char **replaces)
{
    *replaces = NULL;
    int err = 0;
    for (size_t i = 0; i < sizeof index_names / sizeof *index_names && !err; i++) {
        int there = exists(dir, index_names[i]);
        if (there == ENOMEM)
            return ENOMEM;
        if (!there)
            continue;
        if (!*replaces)
            *replaces = index_names[i];
        err = manifest_put(old, index_names[i], 0, NULL);
        if (!err) {
            err = read_manifest(old, dir, index_names[i]);
            if (err == -1) {
                legacy = 1;
                err = 0;
            }
        }
    }
    if (!err && legacy)
        err = add_legacy(old, dir);
    return err;
}

/* ".NAME.PID.N.tmp" (atomic_file_open) or ".scrutin-probe.PID.tmp" (the folder check). */
static int is_temporary(const char *name)
{
    size_t n = strlen(name);
    if (n < 8 || name[0] != '.' || strcmp(name + n - 4, ".tmp") != 0)
        return 0;
    size_t end = n - 4, digits_groups = 0;
    while (digits_groups < 2) {
        size_t start = end;
        while (start > 1 && name[start - 1] >= '0' && name[start - 1] <= '9')
            start--;
        if (start == end || start < 2 || name[start - 1] != '.')
            break;
        end = start - 1;
        digits_groups++;
    }
    if (digits_groups == 2)
        return end > 1;
    return digits_groups == 1 && end == strlen(".scrutin-probe") &&
           strncmp(name, ".scrutin-probe", end) == 0;
}

/* @return 0, or -1 out of memory (a temporary then left: said, not hidden) */
static int remove_temporaries_in(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *ent;
    int status = 0;
    while (d && (ent = readdir(d)) != NULL) {
        if (!is_temporary(ent->d_name))
            continue;
        char *path = report_path_join(dir, ent->d_name);
        struct stat st;
        if (!path)
            status = -1;
        else if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
            unlink(path);
        free(path);
    }
    if (d)
        closedir(d);
    return status;
}

int manifest_remove_temporaries(const char *dir)
{
    int status = remove_temporaries_in(dir);
    char *plots = report_path_join(dir, SCRUTIN_PLOT_DIR);
    if (!plots || remove_temporaries_in(plots) != 0)
        status = -1;
    free(plots);
    return status;
}

void manifest_remove_stale(const char *dir, const manifest *old, const manifest *now,
                           const char *keep)
{
    int in_plots = 0;
    for (size_t i = 0; i < old->n; i++) {
        const char *name = old->entries[i].name;
        if (manifest_has(now, name) || (keep && strcmp(name, keep) == 0) || !manifest_name_ok(name))
            continue;
        char *path = report_path_join(dir, name);
        struct stat st;
        /* Files only: a folder or a link of that name is not what scrutin wrote. */
        if (path && lstat(path, &st) == 0 && S_ISREG(st.st_mode) && unlink(path) == 0)
            in_plots |= strchr(name, '/') != NULL;
        free(path);
    }
    if (in_plots) {
        char *plots = report_path_join(dir, SCRUTIN_PLOT_DIR);
        if (plots)
            rmdir(plots); /* only if it is now empty */
        free(plots);
    }
}
