/*
 * The districts and lists tables: one row each, cells checked for type and
 * range as they are read (references between them are the compiler's job).
 */
#include "../common/ctx_verror.h"
#include "csv_table.h"
#include "number_text.h"
#include "scenario_types.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Seats of a district, at most: the assembly's bound (compile.c), well above any parliament's. */
enum { MAX_SEATS = 10000 };

typedef struct cell_reader {
    const csv_table *t;
    size_t row;
    scrutin_ctx *ctx;
    int status;
} cell_reader;

static const char *cell(cell_reader *r, size_t col) { return csv_table_cell(r->t, r->row, col); }

static void bad(cell_reader *r, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void bad(cell_reader *r, const char *field, const char *fmt, ...)
{
    /* A cell may be a megabyte long: ctx_verror never cuts the message. */
    va_list ap;
    va_start(ap, fmt);
    int status = ctx_verror(r->ctx, SCRUTIN_EINPUT, r->t->path, r->t->line[r->row], field, fmt, ap);
    va_end(ap);
    if (r->status != SCRUTIN_ENOMEM)
        r->status = status;
}

/* A text cell: the spaces and tabs around it are no part of it (libcsv keeps them: numbers). */
static char *text(cell_reader *r, size_t col, const char *field, int required)
{
    const char *v = cell(r, col);
    v += strspn(v, " \t");
    size_t len = strlen(v);
    while (len && (v[len - 1] == ' ' || v[len - 1] == '\t'))
        len--;
    if (required && !len)
        bad(r, field, "a value is required");
    char *copy = strndup(v, len);
    if (!copy)
        r->status = SCRUTIN_ENOMEM;
    return copy;
}

/*
 * A non-negative finite number; if @p integer, a whole one. Empty cells are
 * "not present" (an error only if @p required).
 */
static scn_number number(cell_reader *r, size_t col, const char *field, int required, int integer)
{
    scn_number n = {0.0, false, true};
    const char *v = cell(r, col);
    if (!v[strspn(v, " \t")]) { /* empty, or blank: no value */
        n.bad = required;
        if (required)
            bad(r, field, "a number is required");
        return n;
    }
    /* The reader of the YAML file's numbers too (number_text.c): as strict here as there. */
    char want[128];
    double x = 0.0;
    switch (number_text_read(v, strlen(v), integer, &x, want, sizeof want)) {
    case NUMBER_OK: break;
    case NUMBER_NOT_A_NUMBER:
        bad(r, field, "\"%s\" is not a number: %s", v,
            integer ? "expected a whole number >= 0" : "expected a number >= 0");
        return n;
    case NUMBER_NOT_FINITE:
        bad(r, field, "\"%s\" is not a finite number: %s", v, want);
        return n;
    case NUMBER_NEGATIVE:
        bad(r, field, "\"%s\" is negative: %s (a count cannot be negative)", v, want);
        return n;
    default:
        bad(r, field, "\"%s\" is not %s: %s", v, integer ? "a whole number" : "a number", want);
        return n;
    }
    if (!isfinite(x)) {
        bad(r, field, "\"%s\" is not a finite number: expected a number >= 0", v);
        return n;
    }
    if (x < 0) {
        bad(r, field, "\"%s\" is negative: expected a number >= 0", v);
        return n;
    }
    n.value = x;
    n.present = true;
    n.bad = false;
    return n;
}

enum { D_DISTRICT, D_NAME, D_REGION, D_SEATS, D_REGISTERED, D_VOTERS, D_INVALID, D_VOTERS_R2,
       D_INVALID_R2, D_SOURCE, D_NOTE, D_OTHER_VOTES, D_WINNER_R2 };
static const char *const district_columns[] = {"district", "name", "region", "seats", "registered",
                                               "voters", "invalid", "voters_r2", "invalid_r2",
                                               "source", "note", "other_votes", "winner_r2",
                                               NULL};
static const int district_required[] = {1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0};

int scn_districts_read(scrutin_scenario *s, scrutin_ctx *ctx)
{
    csv_table t;
    csv_origin origin = {scn_yaml_file_key(s, "districts"), scn_yaml_line(s, "districts", NULL),
                         "districts", s->doc ? s->doc->districts : s->districts_path};
    int status = csv_table_read(&t, s->districts_path, &origin, district_columns,
                                district_required, ctx);
    if (status != SCRUTIN_OK)
        return status;
    memcpy(s->districts_digest, t.digest, sizeof s->districts_digest);
    s->districts = calloc(t.n_rows + 1, sizeof *s->districts);
    if (!s->districts) {
        csv_table_free(&t);
        return SCRUTIN_ENOMEM;
    }
    s->districts_count = t.n_rows;
    cell_reader r = {&t, 0, ctx, SCRUTIN_OK};
    for (r.row = 0; r.row < t.n_rows; r.row++) {
        scn_district *d = &s->districts[r.row];
        d->line = t.line[r.row];
        d->id = text(&r, D_DISTRICT, "district", 1);
        d->name = text(&r, D_NAME, "name", 0);
        d->region = text(&r, D_REGION, "region", 1);
        d->seats = number(&r, D_SEATS, "seats", 1, 1);
        if (d->seats.present && d->seats.value < 1)
            bad(&r, "seats", "a district has at least one seat");
        /* Bounded like the assembly (the compiler's check), before anything is sized by it. */
        if (d->seats.present && d->seats.value > MAX_SEATS) {
            bad(&r, "seats", "%.0f seats: expected at most %d", d->seats.value, MAX_SEATS);
            d->seats.present = false;
            d->seats.bad = true;
            d->seats.value = 0.0;
        }
        /* Replay needs only votes; the simulation checks these are present when it needs them. */
        d->registered = number(&r, D_REGISTERED, "registered", 0, 1);
        d->voters = number(&r, D_VOTERS, "voters", 0, 1);
        d->invalid = number(&r, D_INVALID, "invalid", 0, 1);
        d->voters_r2 = number(&r, D_VOTERS_R2, "voters_r2", 0, 1);
        d->invalid_r2 = number(&r, D_INVALID_R2, "invalid_r2", 0, 1);
        d->source = text(&r, D_SOURCE, "source", 1);
        d->note = text(&r, D_NOTE, "note", 0);
        /* Partial results: votes of lists not described, a round-2 winner without votes. */
        d->other_votes = number(&r, D_OTHER_VOTES, "other_votes", 0, 1);
        d->winner_r2 = text(&r, D_WINNER_R2, "winner_r2", 0);
        if (d->voters.present && d->registered.present && d->voters.value > d->registered.value)
            bad(&r, "voters", "more ballots cast than registered voters");
        if (d->voters.present && d->invalid.present && d->invalid.value > d->voters.value)
            bad(&r, "invalid", "more invalid ballots than ballots cast");
        if (d->voters_r2.present && d->registered.present &&
            d->voters_r2.value > d->registered.value)
            bad(&r, "voters_r2", "more round-2 ballots than registered voters");
        if (d->voters.present != d->invalid.present)
            bad(&r, d->voters.present ? "invalid" : "voters",
                "voters and invalid go together: give both or neither");
        if (d->voters_r2.present != d->invalid_r2.present)
            bad(&r, d->voters_r2.present ? "invalid_r2" : "voters_r2",
                "voters_r2 and invalid_r2 go together: give both or neither");
        else if (d->voters_r2.present && d->invalid_r2.value > d->voters_r2.value)
            bad(&r, "invalid_r2", "more invalid round-2 ballots than ballots cast");
    }
    csv_table_free(&t);
    return r.status;
}

enum { L_DISTRICT, L_LIST, L_NAME, L_KIND, L_CANDIDATES, L_VOTES_R1, L_VOTES_R2, L_SOURCE, L_NOTE };
static const char *const list_columns[] = {"district", "list", "name", "kind", "candidates",
                                           "votes_r1", "votes_r2", "source", "note", NULL};
static const int list_required[] = {1, 1, 0, 1, 1, 1, 0, 1, 0};

/*
 * Split "A;B;C" (or "A+B+C", so that a semicolon-separated file needs no quotes) into owned
 * strings; empty items are errors. One party alone stands for every seat (the compiler).
 */
static int split_candidates(cell_reader *r, scn_list *l)
{
    const char *v = cell(r, L_CANDIDATES);
    size_t n = 1;
    for (const char *p = v; *p; p++)
        n += *p == ';' || *p == '+';
    l->candidates = calloc(n, sizeof *l->candidates);
    if (!l->candidates)
        return SCRUTIN_ENOMEM;
    const char *start = v;
    for (size_t i = 0; i < n; i++) {
        const char *end = start + strcspn(start, ";+");
        if (!*end)
            end = NULL;
        size_t len = end ? (size_t)(end - start) : strlen(start);
        while (len && start[0] == ' ')
            start++, len--;
        while (len && start[len - 1] == ' ')
            len--;
        if (len == 0) {
            bad(r, "candidates", "an empty candidate party: write party ids separated by ';' or '+'");
        }
        l->candidates[i] = strndup(start, len);
        if (!l->candidates[i])
            return SCRUTIN_ENOMEM;
        l->candidates_count++;
        start = end ? end + 1 : start + len;
    }
    return SCRUTIN_OK;
}

int scn_lists_read(scrutin_scenario *s, scrutin_ctx *ctx)
{
    csv_table t;
    csv_origin origin = {scn_yaml_file_key(s, "lists"), scn_yaml_line(s, "lists", NULL), "lists",
                         s->doc ? s->doc->lists : s->lists_path};
    int status = csv_table_read(&t, s->lists_path, &origin, list_columns, list_required, ctx);
    if (status != SCRUTIN_OK)
        return status;
    memcpy(s->lists_digest, t.digest, sizeof s->lists_digest);
    s->lists = calloc(t.n_rows + 1, sizeof *s->lists);
    if (!s->lists) {
        csv_table_free(&t);
        return SCRUTIN_ENOMEM;
    }
    s->lists_count = t.n_rows;
    cell_reader r = {&t, 0, ctx, SCRUTIN_OK};
    for (r.row = 0; r.row < t.n_rows; r.row++) {
        scn_list *l = &s->lists[r.row];
        l->line = t.line[r.row];
        l->district = text(&r, L_DISTRICT, "district", 1);
        l->id = text(&r, L_LIST, "list", 1);
        l->name = text(&r, L_NAME, "name", 0);
        char *kind = text(&r, L_KIND, "kind", 0);
        if (!kind) {
            r.status = SCRUTIN_ENOMEM;
            break;
        }
        if (strcmp(kind, "party") == 0)
            l->kind = SCN_KIND_PARTY;
        else if (strcmp(kind, "joint") == 0)
            l->kind = SCN_KIND_JOINT;
        else if (strcmp(kind, "independent") == 0)
            l->kind = SCN_KIND_INDEPENDENT;
        else
            bad(&r, "kind", "\"%s\" is not a list kind: expected party, joint or independent",
                kind);
        free(kind);
        if (split_candidates(&r, l) != SCRUTIN_OK) {
            r.status = SCRUTIN_ENOMEM;
            break;
        }
        /* Whether votes_r1 may be empty depends on the court's rejections: the compiler checks. */
        l->votes_r1 = number(&r, L_VOTES_R1, "votes_r1", 0, 1);
        l->votes_r2 = number(&r, L_VOTES_R2, "votes_r2", 0, 1);
        l->source = text(&r, L_SOURCE, "source", 1);
        l->note = text(&r, L_NOTE, "note", 0);
    }
    csv_table_free(&t);
    return r.status;
}
