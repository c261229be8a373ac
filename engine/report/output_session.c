#define _DEFAULT_SOURCE /* flock() */
/*
 * An output folder held by one run (scrutin/output.h): its lock, the
 * manifest of what the run writes there, its index document held back until
 * the end, and the clean-up of what earlier runs left.
 *
 * The writers take a folder's name, not a handle: open folders are kept in a
 * small registry, under a mutex, that atomic_file_commit() consults. A run
 * holds one or two folders at most, so a list does.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/number_format.h"
#include "../common/versioned.h"
#include "output_files.h"
#include "output_inputs.h"
#include "output_manifest.h"
#include "output_session.h"
#include "table_file.h"
#include "scrutin/output.h"

struct scrutin_output {
    char *dir;         /* as given */
    size_t dir_len;    /* without trailing slashes */
    char *lock_path;
    int lock_fd;
    int created;       /* the folder did not exist before */
    int stale_lock;    /* the lock file was left by a killed or abandoned run */
    manifest written;  /* this run's files */
    manifest earlier;  /* names of an earlier run's files */
    const char *replaces;
    char *index_name;  /* the held index document, or NULL */
    json_t *index;
    struct scrutin_output *next;
};

static pthread_mutex_t registry_mutex = PTHREAD_MUTEX_INITIALIZER;
static scrutin_output *registry;

/* The open folder that @p path lies in (directly or in plots/), and the name relative to it. */
static scrutin_output *holder(const char *path, const char **relative)
{
    for (scrutin_output *o = registry; o; o = o->next) {
        if (strncmp(path, o->dir, o->dir_len) != 0 || path[o->dir_len] != '/')
            continue;
        const char *rest = path + o->dir_len;
        while (*rest == '/')
            rest++;
        *relative = rest;
        return o;
    }
    return NULL;
}

static void unregister(scrutin_output *o)
{
    pthread_mutex_lock(&registry_mutex);
    for (scrutin_output **p = &registry; *p; p = &(*p)->next)
        if (*p == o) {
            *p = o->next;
            break;
        }
    pthread_mutex_unlock(&registry_mutex);
}

static int record_locked(scrutin_output *o, const char *path, const char *name, scrutin_ctx *ctx)
{
    uint64_t bytes = 0;
    char sum[MANIFEST_HASH_SIZE];
    int err = manifest_hash_file(path, &bytes, sum);
    if (!err)
        err = manifest_put(&o->written, name, bytes, sum);
    if (err == ENOMEM)
        return SCRUTIN_ENOMEM;
    if (err) {
        char text[128];
        return scrutin_ctx_error(ctx, SCRUTIN_EIO, path, 0, NULL,
                                 "cannot be read back for the folder's manifest: %s",
                                 report_errno_text(err, text, sizeof text));
    }
    return SCRUTIN_OK;
}

int report_output_record(const char *path, scrutin_ctx *ctx)
{
    pthread_mutex_lock(&registry_mutex);
    const char *name = NULL;
    scrutin_output *o = holder(path, &name);
    int status = o ? record_locked(o, path, name, ctx) : SCRUTIN_OK;
    pthread_mutex_unlock(&registry_mutex);
    return status;
}

int report_index_file(const char *out_dir, const char *name, json_t *root, scrutin_ctx *ctx)
{
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/%s", out_dir, name);
    pthread_mutex_lock(&registry_mutex);
    const char *relative = NULL;
    scrutin_output *o = holder(probe, &relative);
    int status = SCRUTIN_OK;
    if (o) {
        char *copy = strdup(name);
        if (copy) {
            free(o->index_name);
            json_decref(o->index);
            o->index_name = copy;
            o->index = json_incref(root);
        } else {
            status = SCRUTIN_ENOMEM;
        }
    }
    pthread_mutex_unlock(&registry_mutex);
    if (o)
        return status;
    return report_json_file(out_dir, name, root, ctx);
}

/* ------------------------------------------------------------------------ */
/* The lock                                                                   */

/* The process id written in a held lock file, or 0 if it cannot be read yet. */
static long lock_owner(int fd)
{
    char text[32] = {0};
    ssize_t n = pread(fd, text, sizeof text - 1, 0);
    return n > 0 ? strtol(text, NULL, 10) : 0;
}

/*
 * Take the folder's lock. A lock file that exists but is not locked was left
 * by a run that was killed or abandoned: @p *stale is then set. The lock file
 * is removed when a run closes its folder, so the file locked must be checked
 * to still be the one at that name (else it was removed meanwhile: try again).
 */
static int take_lock(scrutin_output *o, int *stale, scrutin_ctx *ctx)
{
    char text[128];
    for (int attempt = 0; attempt < 20; attempt++) {
        int existed = 0;
        int fd = open(o->lock_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno == EEXIST) {
            existed = 1;
            fd = open(o->lock_path, O_RDWR | O_CLOEXEC);
            if (fd < 0 && errno == ENOENT)
                continue;
        }
        if (fd < 0)
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, o->dir, 0, NULL,
                                     "the output folder cannot be written: %s",
                                     report_errno_text(errno, text, sizeof text));
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int err = errno;
            long pid = err == EWOULDBLOCK ? lock_owner(fd) : 0;
            close(fd);
            if (err != EWOULDBLOCK)
                return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, o->dir, 0, NULL,
                                         "the output folder cannot be locked: %s",
                                         report_errno_text(err, text, sizeof text));
            if (pid > 0)
                return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, o->dir, 0, NULL,
                                         "another scrutin run (process %ld) is writing into this "
                                         "folder; wait for it to end, or choose another output "
                                         "folder", pid);
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, o->dir, 0, NULL,
                                     "another scrutin run is writing into this folder; wait for "
                                     "it to end, or choose another output folder");
        }
        struct stat held, named;
        if (fstat(fd, &held) != 0 || stat(o->lock_path, &named) != 0 ||
            held.st_dev != named.st_dev || held.st_ino != named.st_ino) {
            close(fd);
            continue;
        }
        char pid[32];
        int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
        if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n) {
            int err = errno;
            close(fd);
            return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, o->dir, 0, NULL,
                                     "the output folder cannot be written: %s",
                                     report_errno_text(err, text, sizeof text));
        }
        o->lock_fd = fd;
        *stale = existed;
        return SCRUTIN_OK;
    }
    return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, o->dir, 0, NULL,
                             "the output folder's lock keeps changing hands; try again");
}

/* ------------------------------------------------------------------------ */
/* Opening and closing                                                        */

static void release(scrutin_output *o)
{
    if (o->lock_fd >= 0)
        close(o->lock_fd); /* releases the flock */
    manifest_free(&o->written);
    manifest_free(&o->earlier);
    json_decref(o->index);
    free(o->index_name);
    free(o->lock_path);
    free(o->dir);
    free(o);
}

int scrutin_output_open(scrutin_output **out, const char *dir,
                        const scrutin_output_options *options, scrutin_ctx *ctx)
{
    if (out)
        *out = NULL;
    if (!out || !dir || !dir[0])
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_output_open: no folder");
    if (options && VERSIONED_CHECK(options, "scrutin_output_open", scrutin_output_options,
                                   SCRUTIN_OUTPUT_OPTIONS, ctx) != SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    int status = options ? output_check_inputs(dir, options->inputs, options->n_inputs, ctx)
                         : SCRUTIN_OK;
    if (status != SCRUTIN_OK)
        return status;
    scrutin_output *o = calloc(1, sizeof *o);
    if (!o)
        return SCRUTIN_ENOMEM;
    o->lock_fd = -1;
    o->dir = strdup(dir);
    size_t size = strlen(dir) + sizeof "/" SCRUTIN_OUTPUT_LOCK;
    o->lock_path = malloc(size);
    if (!o->dir || !o->lock_path) {
        release(o);
        return SCRUTIN_ENOMEM;
    }
    snprintf(o->lock_path, size, "%s/%s", dir, SCRUTIN_OUTPUT_LOCK);
    o->dir_len = strlen(dir);
    while (o->dir_len > 1 && dir[o->dir_len - 1] == '/')
        o->dir_len--;
    struct stat st;
    o->created = stat(dir, &st) != 0;
    if (!o->created && !S_ISDIR(st.st_mode)) {
        char text[128];
        release(o);
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, dir, 0, NULL,
                                 "the output folder cannot be written: %s",
                                 report_errno_text(ENOTDIR, text, sizeof text));
    }
    status = report_make_folder(dir, ctx);
    int stale = 0;
    if (status == SCRUTIN_OK)
        status = take_lock(o, &stale, ctx);
    if (status != SCRUTIN_OK) {
        if (o->created)
            rmdir(dir);
        release(o);
        return status;
    }
    /* Held: no other run writes here now, so a temporary file is a killed run's. */
    if (manifest_remove_temporaries(dir) != 0 ||
        manifest_read_earlier(&o->earlier, dir, stale, &o->replaces) != 0) {
        scrutin_output_abandon(o);
        return SCRUTIN_ENOMEM;
    }
    pthread_mutex_lock(&registry_mutex);
    const char *ignored;
    int taken = holder(o->lock_path, &ignored) != NULL;
    if (!taken) {
        o->next = registry;
        registry = o;
    }
    pthread_mutex_unlock(&registry_mutex);
    if (taken) {
        /* Another handle of this process holds it under another spelling: flock did not see it. */
        release(o);
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, dir, 0, NULL,
                                 "the output folder is already open in this process");
    }
    o->stale_lock = stale;
    *out = o;
    return SCRUTIN_OK;
}

const char *scrutin_output_dir(const scrutin_output *output) { return output ? output->dir : NULL; }

const char *scrutin_output_replaces(const scrutin_output *output)
{
    return output ? output->replaces : NULL;
}

int scrutin_output_add(scrutin_output *output, const char *name, scrutin_ctx *ctx)
{
    if (!output || !name || !manifest_name_ok(name))
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_output_add: \"%s\" is not a file name in the folder",
                                 name ? name : "(null)");
    size_t size = strlen(output->dir) + strlen(name) + 2;
    char *path = malloc(size);
    if (!path)
        return SCRUTIN_ENOMEM;
    snprintf(path, size, "%s/%s", output->dir, name);
    pthread_mutex_lock(&registry_mutex);
    int status = record_locked(output, path, name, ctx);
    pthread_mutex_unlock(&registry_mutex);
    free(path);
    return status;
}

/* The index document with the manifest in it, written last. */
static int write_index(scrutin_output *o, scrutin_ctx *ctx)
{
    json_t *files = manifest_json(&o->written);
    if (!files || json_object_set_new(o->index, "manifest", files) != 0)
        return SCRUTIN_ENOMEM;
    report_locale c_numbers;
    int status = report_locale_enter(&c_numbers);
    if (status == SCRUTIN_OK)
        status = report_json_file(o->dir, o->index_name, o->index, ctx);
    report_locale_leave(&c_numbers);
    return status;
}

int scrutin_output_close(scrutin_output *output, scrutin_ctx *ctx)
{
    if (!output)
        return SCRUTIN_OK;
    unregister(output);
    if (!output->index) {
        scrutin_output_abandon(output);
        return SCRUTIN_OK;
    }
    int status = write_index(output, ctx);
    if (status != SCRUTIN_OK) {
        scrutin_output_abandon(output);
        return status;
    }
    manifest_remove_stale(output->dir, &output->earlier, &output->written, output->index_name);
    /* Removed while still held: a run waiting on this file sees it is gone and makes its own. */
    unlink(output->lock_path);
    release(output);
    return SCRUTIN_OK;
}

void scrutin_output_abandon(scrutin_output *output)
{
    if (!output)
        return;
    unregister(output);
    /* Nothing written: the folder is as it was (or gone, if this run made it). */
    if (output->written.n == 0 && !output->stale_lock) {
        unlink(output->lock_path);
        if (output->created)
            rmdir(output->dir);
    }
    release(output);
}
