/*
 * The draws database (scrutin/draws.h): SQLite, one transaction, prepared
 * statements bound column by column. Written under a temporary name next to
 * the final one and renamed when committed, so that a reader never sees half
 * a database and a failed run leaves the old file as it was.
 */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../model/model_types.h"
#include "output_files.h"
#include "scrutin/draws.h"
#include "scrutin/tally.h"

struct scrutin_draws {
    sqlite3 *db;
    sqlite3_stmt *seats, *districts, *meta;
    const scrutin_model *m;
    size_t groups;
    char *path, *tmp;
    scrutin_ctx *ctx;
};

/* Diagnostics name the file and what SQLite said. */
static int db_error(scrutin_draws *d, const char *what)
{
    /* SQLite's "disk I/O error" hides the cause ("File too large", "No space left on
       device"): the errno of the failing system call, which SQLite's own record
       (sqlite3_system_errno) loses on a write, is said after it. */
    int err = errno;
    int code = d->db ? sqlite3_errcode(d->db) & 0xff : SQLITE_CANTOPEN;
    if (d->db && sqlite3_system_errno(d->db))
        err = sqlite3_system_errno(d->db);
    if (code != SQLITE_IOERR && code != SQLITE_FULL && code != SQLITE_CANTOPEN)
        err = 0;
    char text[128];
    return scrutin_ctx_error(d->ctx, SCRUTIN_EIO, d->path, 0, NULL, "draws database: %s: %s%s%s",
                             what, d->db ? sqlite3_errmsg(d->db) : "cannot open",
                             err ? ": " : "", err ? report_errno_text(err, text, sizeof text) : "");
}

static int exec(scrutin_draws *d, const char *sql)
{
    return sqlite3_exec(d->db, sql, NULL, NULL, NULL) == SQLITE_OK ? SCRUTIN_OK
                                                                    : db_error(d, sql);
}

/*
 * 1 if @p path is a draws database of scrutin (so it may be replaced), 0 if
 * it is something else, -1 if there is no file there.
 */
static int is_draws_file(const char *path)
{
    if (access(path, F_OK) != 0)
        return -1;
    sqlite3 *db = NULL;
    int yes = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'format'", -1, &st,
                               NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW) {
            const unsigned char *v = sqlite3_column_text(st, 0);
            yes = v && strcmp((const char *)v, SCRUTIN_DRAWS_FORMAT) == 0;
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return yes;
}

/* A temporary name beside @p path, unused: PATH.PID.N.tmp. */
static char *temporary_name(const char *path)
{
    size_t n = strlen(path) + 48;
    char *tmp = malloc(n);
    for (unsigned k = 0; tmp && k < 100; k++) {
        snprintf(tmp, n, "%s.%ld.%u.tmp", path, (long)getpid(), k);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            close(fd);
            return tmp;
        }
        if (errno != EEXIST)
            break;
    }
    free(tmp);
    return NULL;
}

/* The tables, and the statements that fill them. */
static int create_schema(scrutin_draws *d, int districts)
{
    const scrutin_model *m = d->m;
    static const char *const kinds[2] = {"party", "coalition"};
    char **ids[2] = {m->party_id, m->coalition_id};
    size_t counts[2] = {m->n_parties, m->n_coalitions};
    /* SQLite's column names ignore ASCII case, and ids are ASCII: two ids of one kind that
       differ only by case would be one column, refused by SQLite in its own words. */
    for (int k = 0; k < 2; k++)
        for (size_t g = 0; g < counts[k]; g++)
            for (size_t h = g + 1; h < counts[k]; h++)
                if (strcasecmp(ids[k][g], ids[k][h]) == 0)
                    return scrutin_ctx_error(d->ctx, SCRUTIN_EINPUT, d->path, 0, NULL,
                                             "draws database: the %s ids \"%s\" and \"%s\" "
                                             "would be one column (SQLite's column names "
                                             "ignore case): rename one of them in the "
                                             "scenario to write --draws",
                                             kinds[k], ids[k][g], ids[k][h]);
    /* Room for every column's name and its placeholder. */
    size_t size = 256;
    for (int k = 0; k < 2; k++)
        for (size_t g = 0; g < counts[k]; g++)
            size += strlen(ids[k][g]) + 32;
    char *create = malloc(size), *insert = malloc(size);
    if (!create || !insert) {
        free(create);
        free(insert);
        return SCRUTIN_ENOMEM;
    }
    size_t c = (size_t)snprintf(create, size, "CREATE TABLE seats (sim INTEGER NOT NULL, "
                                              "stage TEXT NOT NULL, system TEXT NOT NULL");
    size_t i = (size_t)snprintf(insert, size, "INSERT INTO seats VALUES (?, ?, ?");
    for (int k = 0; k < 2; k++)
        for (size_t g = 0; g < counts[k]; g++) {
            c += (size_t)snprintf(create + c, size - c, ", \"%s_%s\" INTEGER NOT NULL", kinds[k],
                                  ids[k][g]);
            i += (size_t)snprintf(insert + i, size - i, ", ?");
        }
    snprintf(create + c, size - c, ")");
    snprintf(insert + i, size - i, ")");
    int status = exec(d, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)");
    if (status == SCRUTIN_OK)
        status = exec(d, "CREATE TABLE groups (column_name TEXT PRIMARY KEY, kind TEXT NOT NULL, "
                         "id TEXT NOT NULL)");
    if (status == SCRUTIN_OK)
        status = exec(d, create);
    if (status == SCRUTIN_OK && sqlite3_prepare_v2(d->db, insert, -1, &d->seats, NULL) != SQLITE_OK)
        status = db_error(d, "preparing the rows of seats");
    free(create);
    free(insert);
    if (status == SCRUTIN_OK && districts) {
        status = exec(d, "CREATE TABLE districts (sim INTEGER NOT NULL, stage TEXT NOT NULL, "
                         "system TEXT NOT NULL, district TEXT NOT NULL, list TEXT, "
                         "round INTEGER NOT NULL)");
        if (status == SCRUTIN_OK &&
            sqlite3_prepare_v2(d->db, "INSERT INTO districts VALUES (?, ?, ?, ?, ?, ?)", -1,
                               &d->districts, NULL) != SQLITE_OK)
            status = db_error(d, "preparing the rows of districts");
    }
    if (status == SCRUTIN_OK &&
        sqlite3_prepare_v2(d->db, "INSERT OR REPLACE INTO meta VALUES (?, ?)", -1, &d->meta,
                           NULL) != SQLITE_OK)
        status = db_error(d, "preparing meta");
    sqlite3_stmt *group = NULL;
    if (status == SCRUTIN_OK &&
        sqlite3_prepare_v2(d->db, "INSERT INTO groups VALUES (?, ?, ?)", -1, &group, NULL) !=
            SQLITE_OK)
        status = db_error(d, "preparing groups");
    char column[256];
    for (int k = 0; k < 2 && status == SCRUTIN_OK; k++)
        for (size_t g = 0; g < counts[k] && status == SCRUTIN_OK; g++) {
            snprintf(column, sizeof column, "%s_%s", kinds[k], ids[k][g]);
            sqlite3_reset(group);
            sqlite3_bind_text(group, 1, column, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(group, 2, kinds[k], -1, SQLITE_STATIC);
            sqlite3_bind_text(group, 3, ids[k][g], -1, SQLITE_STATIC);
            if (sqlite3_step(group) != SQLITE_DONE)
                status = db_error(d, "writing groups");
        }
    sqlite3_finalize(group);
    return status;
}

static void release(scrutin_draws *d)
{
    sqlite3_finalize(d->seats);
    sqlite3_finalize(d->districts);
    sqlite3_finalize(d->meta);
    sqlite3_close(d->db);
    free(d->path);
    free(d->tmp);
    free(d);
}

void scrutin_draws_abort(scrutin_draws *d)
{
    if (!d)
        return;
    char *tmp = d->tmp;
    d->tmp = NULL;
    sqlite3_finalize(d->seats);
    sqlite3_finalize(d->districts);
    sqlite3_finalize(d->meta);
    d->seats = d->districts = d->meta = NULL;
    sqlite3_close(d->db);
    d->db = NULL;
    if (tmp) {
        unlink(tmp);
        /* SQLite's journal, if it left one (journal_mode OFF writes none). */
        size_t n = strlen(tmp) + 16;
        char *journal = malloc(n);
        if (journal) {
            snprintf(journal, n, "%s-journal", tmp);
            unlink(journal);
            free(journal);
        }
    }
    free(tmp);
    release(d);
}

int scrutin_draws_open(scrutin_draws **out, const char *path, const scrutin_model *m,
                       int districts, scrutin_ctx *ctx)
{
    *out = NULL;
    if (!path || !path[0] || !m)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_draws_open: no path or no model");
    /* Where the database goes is checked before any simulation: only --out makes folders. */
    int where = report_check_folder_of(path, "--draws", ctx);
    if (where != SCRUTIN_OK)
        return where;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, path, 0, NULL,
                                 "it is a folder: give --draws the name of a file, such as "
                                 "%s%sdraws.db",
                                 path, path[strlen(path) - 1] == '/' ? "" : "/");
    if (is_draws_file(path) == 0)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, path, 0, NULL,
                                 "a file that is not a draws database of scrutin is already "
                                 "there: it is not overwritten (remove it, or choose another "
                                 "name for --draws)");
    scrutin_draws *d = calloc(1, sizeof *d);
    if (!d)
        return SCRUTIN_ENOMEM;
    d->m = m;
    d->ctx = ctx;
    d->groups = m->n_parties + m->n_coalitions;
    d->path = strdup(path);
    d->tmp = d->path ? temporary_name(path) : NULL;
    if (!d->tmp) {
        int err = errno;
        char why[128];
        int status = scrutin_ctx_error(ctx, SCRUTIN_EINVAL, path, 0, NULL,
                                       "cannot write the draws database beside it: %s",
                                       report_errno_text(err, why, sizeof why));
        release(d);
        return status;
    }
    int status = SCRUTIN_OK;
    /* No mutex on the connection: one thread at a time writes to it (the driver's callback,
       between rounds of simulations), and in a profile the mutexes took 1.6% of a run's CPU
       time, of the 10 to 12% the seats table costs. */
    if (sqlite3_open_v2(d->tmp, &d->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK)
        status = db_error(d, "opening");
    /* A temporary file renamed at the end: no journal or sync is needed to stay whole. */
    if (status == SCRUTIN_OK)
        status = exec(d, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN");
    if (status == SCRUTIN_OK)
        status = create_schema(d, districts);
    if (status == SCRUTIN_OK)
        status = scrutin_draws_meta(d, "format", SCRUTIN_DRAWS_FORMAT);
    if (status != SCRUTIN_OK) {
        scrutin_draws_abort(d);
        return status;
    }
    *out = d;
    return SCRUTIN_OK;
}

int scrutin_draws_meta(scrutin_draws *d, const char *key, const char *value)
{
    sqlite3_reset(d->meta);
    sqlite3_bind_text(d->meta, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(d->meta, 2, value, -1, SQLITE_TRANSIENT);
    return sqlite3_step(d->meta) == SQLITE_DONE ? SCRUTIN_OK : db_error(d, "writing meta");
}

static const char *stage_name(int s) { return scrutin_stage_name((scrutin_stage)s); }

int scrutin_draws_add_rows(scrutin_draws *d, uint64_t index, const unsigned *seats,
                           const size_t *winner, const int *round)
{
    const scrutin_model *m = d->m;
    for (int s = 0; s < SCRUTIN_STAGES; s++)
        for (size_t sys = 0; sys < m->n_systems; sys++) {
            const unsigned *row = seats + ((size_t)s * m->n_systems + sys) * d->groups;
            sqlite3_reset(d->seats);
            sqlite3_bind_int64(d->seats, 1, (sqlite3_int64)index);
            sqlite3_bind_text(d->seats, 2, stage_name(s), -1, SQLITE_STATIC);
            sqlite3_bind_text(d->seats, 3, m->system_id[sys], -1, SQLITE_STATIC);
            for (size_t g = 0; g < d->groups; g++)
                sqlite3_bind_int(d->seats, (int)g + 4, (int)row[g]);
            if (sqlite3_step(d->seats) != SQLITE_DONE)
                return db_error(d, "writing seats");
            if (!d->districts || !winner)
                continue;
            const size_t *won = winner + ((size_t)s * m->n_systems + sys) * m->n_districts;
            for (size_t k = 0; k < m->n_districts; k++) {
                sqlite3_reset(d->districts);
                sqlite3_bind_int64(d->districts, 1, (sqlite3_int64)index);
                sqlite3_bind_text(d->districts, 2, stage_name(s), -1, SQLITE_STATIC);
                sqlite3_bind_text(d->districts, 3, m->system_id[sys], -1, SQLITE_STATIC);
                sqlite3_bind_text(d->districts, 4, m->district_id[k], -1, SQLITE_STATIC);
                if (won[k] == SIZE_MAX)
                    sqlite3_bind_null(d->districts, 5);
                else
                    sqlite3_bind_text(d->districts, 5, m->list_id[won[k]], -1, SQLITE_STATIC);
                sqlite3_bind_int(d->districts, 6, round[sys * m->n_districts + k]);
                if (sqlite3_step(d->districts) != SQLITE_DONE)
                    return db_error(d, "writing districts");
            }
        }
    return SCRUTIN_OK;
}

int scrutin_draws_add(const scrutin_outcomes *b, void *data)
{
    scrutin_draws *d = data;
    const scrutin_model *m = d->m;
    size_t n_seats = SCRUTIN_STAGES * m->n_systems * d->groups;
    size_t n_won = SCRUTIN_STAGES * m->n_systems * m->n_districts;
    /* One block's scratch, outside the simulations (this runs between them). */
    unsigned *seats = malloc(n_seats * sizeof *seats);
    size_t *won = d->districts ? malloc(n_won * sizeof *won) : NULL;
    int *round = d->districts ? malloc(m->n_systems * m->n_districts * sizeof *round) : NULL;
    int status = seats && (!d->districts || (won && round)) ? SCRUTIN_OK : SCRUTIN_ENOMEM;
    for (size_t k = 0; k < scrutin_outcomes_count(b) && status == SCRUTIN_OK; k++) {
        for (int s = 0; s < SCRUTIN_STAGES; s++)
            for (size_t sys = 0; sys < m->n_systems; sys++) {
                memcpy(seats + ((size_t)s * m->n_systems + sys) * d->groups,
                       scrutin_outcomes_seats(b, k, (scrutin_stage)s, sys),
                       d->groups * sizeof *seats);
                for (size_t i = 0; won && i < m->n_districts; i++) {
                    won[((size_t)s * m->n_systems + sys) * m->n_districts + i] =
                        scrutin_outcomes_winner(b, k, (scrutin_stage)s, sys, i);
                    round[sys * m->n_districts + i] = scrutin_outcomes_round(b, k, sys, i);
                }
            }
        status = scrutin_draws_add_rows(d, scrutin_outcomes_index(b, k), seats, won, round);
    }
    free(seats);
    free(won);
    free(round);
    return status;
}

int scrutin_draws_commit(scrutin_draws *d)
{
    int status = exec(d, "COMMIT");
    sqlite3_finalize(d->seats);
    sqlite3_finalize(d->districts);
    sqlite3_finalize(d->meta);
    d->seats = d->districts = d->meta = NULL;
    if (status == SCRUTIN_OK && sqlite3_close(d->db) != SQLITE_OK)
        status = db_error(d, "closing");
    else if (status != SCRUTIN_OK)
        sqlite3_close(d->db);
    d->db = NULL;
    if (status == SCRUTIN_OK && rename(d->tmp, d->path) != 0) {
        char why[128];
        status = scrutin_ctx_error(d->ctx, SCRUTIN_EIO, d->path, 0, NULL,
                                   "cannot rename the draws database into place: %s",
                                   report_errno_text(errno, why, sizeof why));
    }
    if (status != SCRUTIN_OK) {
        scrutin_draws_abort(d);
        return status;
    }
    free(d->tmp);
    d->tmp = NULL;
    release(d);
    return SCRUTIN_OK;
}

const char *scrutin_draws_path(const scrutin_draws *d) { return d->tmp ? d->tmp : d->path; }
