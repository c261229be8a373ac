/*
 * Writing the scenario a results table makes: scenario.yaml through libyaml's
 * emitter (after a comment that says what is left to the user), the two
 * tables through libcsv's csv_fwrite (quoting a cell only when it needs it),
 * each under a temporary name renamed over the final one once complete.
 */
#include "import_build.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct out_file {
    char path[4096], tmp[4200];
    FILE *f;
} out_file;

static int out_open(out_file *o, const char *dir, const char *name, scrutin_ctx *ctx)
{
    snprintf(o->path, sizeof o->path, "%s/%s", dir, name);
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp", o->path);
    o->f = fopen(o->tmp, "w");
    if (!o->f)
        return scrutin_ctx_error(ctx, SCRUTIN_EIO, o->path, 0, NULL, "cannot be written: %s",
                                 strerror(errno));
    return SCRUTIN_OK;
}

/* Close, and rename over the final name if @p status is 0; say why a write failed, with its
   cause (a full disk, a file-size limit: flushing again after a failed write gives it). */
static int out_close(out_file *o, int status, scrutin_ctx *ctx)
{
    int err = ferror(o->f) ? (fflush(o->f) != 0 && errno ? errno : EIO) : 0;
    if (fclose(o->f) != 0 && !err)
        err = errno;
    if (status == SCRUTIN_OK && !err && rename(o->tmp, o->path) != 0)
        err = errno;
    if (err && (status == SCRUTIN_OK || status == SCRUTIN_EIO))
        status = scrutin_ctx_error(ctx, SCRUTIN_EIO, o->path, 0, NULL, "cannot be written: %s",
                                   strerror(err));
    else if (status == SCRUTIN_EIO)
        status = scrutin_ctx_error(ctx, SCRUTIN_EIO, o->path, 0, NULL, "cannot be written");
    if (status != SCRUTIN_OK)
        remove(o->tmp);
    return status;
}

/* One CSV cell: as it is, or quoted by libcsv when it holds a comma, a quote or a line end. */
static void cell(FILE *f, const char *v, int last)
{
    size_t n = strlen(v);
    if (strpbrk(v, ",\"\r\n") || (n && (v[0] == ' ' || v[n - 1] == ' ')))
        csv_fwrite(f, v, n);
    else
        fputs(v, f);
    fputc(last ? '\n' : ',', f);
}

static int write_districts(const imp_scenario *s, const char *dir, scrutin_ctx *ctx)
{
    out_file o;
    int status = out_open(&o, dir, "districts.csv", ctx);
    if (status != SCRUTIN_OK)
        return status;
    static const imp_column cols[] = {IMP_DISTRICT, IMP_DISTRICT_NAME, IMP_REGION, IMP_SEATS,
                                      IMP_REGISTERED, IMP_VOTERS, IMP_INVALID, IMP_VOTERS_R2,
                                      IMP_INVALID_R2, IMP_OTHER_VOTES, IMP_WINNER_R2};
    fputs("district,name,region,seats,registered,voters,invalid,voters_r2,invalid_r2,"
          "other_votes,winner_r2,source,note\n", o.f);
    for (size_t k = 0; k < s->n_districts; k++) {
        const imp_district *d = &s->districts[k];
        for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
            size_t row = cols[i] == IMP_DISTRICT ? d->first_row : d->row_of[cols[i]];
            cell(o.f, row == (size_t)-1 ? "" : imp_out(s, row, cols[i]), 0);
        }
        /* Its district_source, else its first row's source, else the input's line. */
        size_t given = d->row_of[IMP_DISTRICT_SOURCE];
        const char *source = given != (size_t)-1 ? imp_out(s, given, IMP_DISTRICT_SOURCE)
                                                 : imp_out(s, d->first_row, IMP_SOURCE);
        char where[512];
        snprintf(where, sizeof where, "%s line %u", s->t->path, s->t->line[d->first_row]);
        cell(o.f, source[0] ? source : where, 0);
        size_t note = d->row_of[IMP_DISTRICT_NOTE];
        cell(o.f, note != (size_t)-1 ? imp_out(s, note, IMP_DISTRICT_NOTE) : "", 1);
    }
    return out_close(&o, SCRUTIN_OK, ctx);
}

/* The candidates as the scenario writes them: party ids separated by ';'. */
static void candidates(FILE *f, const char *v)
{
    char buf[1024], out[1024] = "";
    snprintf(buf, sizeof buf, "%s", v);
    size_t used = 0;
    char *save = NULL;
    for (char *p = imp_next_party(buf, &save); p; p = imp_next_party(NULL, &save)) {
        int k = snprintf(out + used, sizeof out - used, "%s%s", used ? ";" : "", p);
        used += k > 0 ? (size_t)k : 0;
        if (used >= sizeof out)
            break;
    }
    cell(f, out, 0);
}

static int write_lists(const imp_scenario *s, const char *dir, scrutin_ctx *ctx)
{
    out_file o;
    int status = out_open(&o, dir, "lists.csv", ctx);
    if (status != SCRUTIN_OK)
        return status;
    fputs("district,list,name,kind,candidates,votes_r1,votes_r2,source,note\n", o.f);
    for (size_t row = 0; row < s->t->n_rows; row++) {
        cell(o.f, imp_out(s, row, IMP_DISTRICT), 0);
        cell(o.f, imp_out(s, row, IMP_LIST), 0);
        cell(o.f, imp_out(s, row, IMP_NAME), 0);
        cell(o.f, imp_out(s, row, IMP_KIND), 0);
        candidates(o.f, imp_out(s, row, IMP_CANDIDATES));
        cell(o.f, imp_out(s, row, IMP_VOTES_R1), 0);
        cell(o.f, imp_out(s, row, IMP_VOTES_R2), 0);
        const char *source = imp_out(s, row, IMP_SOURCE);
        char where[512];
        snprintf(where, sizeof where, "%s line %u", s->t->path, s->t->line[row]);
        cell(o.f, source[0] ? source : where, 0);
        cell(o.f, imp_out(s, row, IMP_NOTE), 1);
    }
    return out_close(&o, SCRUTIN_OK, ctx);
}

/* libyaml's emitter, event by event; the first failure sticks. */
typedef struct emit {
    yaml_emitter_t e;
    int ok;
} emit;

static void ev(emit *m, yaml_event_t *event, int made)
{
    if (!made || !m->ok || !yaml_emitter_emit(&m->e, event))
        m->ok = 0;
}

static void scalar(emit *m, const char *v)
{
    yaml_event_t e;
    ev(m, &e, yaml_scalar_event_initialize(&e, NULL, NULL, (yaml_char_t *)(uintptr_t)v,
                                           (int)strlen(v), 1, 1, YAML_ANY_SCALAR_STYLE));
}

static void pair(emit *m, const char *key, const char *value)
{
    scalar(m, key);
    scalar(m, value);
}

static void mapping(emit *m, int flow)
{
    yaml_event_t e;
    ev(m, &e, yaml_mapping_start_event_initialize(&e, NULL, NULL, 1,
                                                  flow ? YAML_FLOW_MAPPING_STYLE
                                                       : YAML_BLOCK_MAPPING_STYLE));
}

static void mapping_end(emit *m)
{
    yaml_event_t e;
    ev(m, &e, yaml_mapping_end_event_initialize(&e));
}

static void sequence(emit *m, const char *key)
{
    yaml_event_t e;
    scalar(m, key);
    ev(m, &e, yaml_sequence_start_event_initialize(&e, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE));
}

static void sequence_end(emit *m)
{
    yaml_event_t e;
    ev(m, &e, yaml_sequence_end_event_initialize(&e));
}

static int write_yaml(const imp_scenario *s, const char *dir, const char *name, scrutin_ctx *ctx)
{
    out_file o;
    int status = out_open(&o, dir, "scenario.yaml", ctx);
    if (status != SCRUTIN_OK)
        return status;
    fprintf(o.f,
            "# Made by `scrutin import` from %s (%zu rows, %zu districts).\n"
            "# Left to you: the COALITIONS. Each party is in a coalition of its own, named\n"
            "# after it, until you group them: edit `coalitions` and each party's\n"
            "# `coalition` (majorities are counted, and round-2 transfers weighed, by\n"
            "# coalition). The parties' names are their ids: give them their full names.\n"
            "# Then: scrutin validate scenario.yaml (docs/scenario-format.md).\n",
            s->t->path, s->t->n_rows, s->n_districts);
    emit m = {.ok = 1};
    if (!yaml_emitter_initialize(&m.e)) {
        out_close(&o, SCRUTIN_ENOMEM, ctx);
        return SCRUTIN_ENOMEM;
    }
    yaml_emitter_set_output_file(&m.e, o.f);
    yaml_emitter_set_unicode(&m.e, 1);
    yaml_emitter_set_width(&m.e, 100);
    yaml_event_t e;
    ev(&m, &e, yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING));
    ev(&m, &e, yaml_document_start_event_initialize(&e, NULL, NULL, NULL, 1));
    mapping(&m, 0);
    char text[512];
    pair(&m, "format", "1");
    pair(&m, "name", name);
    snprintf(text, sizeof text, "Imported from %s", s->t->path);
    pair(&m, "title", text);
    snprintf(text, sizeof text, "%lu", s->seats);
    pair(&m, "seats", text);
    sequence(&m, "coalitions");
    for (size_t i = 0; i < s->n_parties; i++) {
        mapping(&m, 1);
        pair(&m, "id", s->parties[i]);
        snprintf(text, sizeof text, "%s (a coalition of its own until you set the coalitions)",
                 s->parties[i]);
        pair(&m, "name", text);
        mapping_end(&m);
    }
    sequence_end(&m);
    sequence(&m, "parties");
    int independent_marked = 0;
    for (size_t i = 0; i < s->n_parties; i++) {
        mapping(&m, 1);
        pair(&m, "id", s->parties[i]);
        pair(&m, "name", s->parties[i]);
        pair(&m, "coalition", s->parties[i]);
        /* The pseudo-party of independent lists: named only by them (at most one). */
        if (s->party_kinds[i] == 2 && !independent_marked) {
            pair(&m, "independent", "true");
            independent_marked = 1;
        }
        mapping_end(&m);
    }
    sequence_end(&m);
    sequence(&m, "regions");
    for (size_t i = 0; i < s->n_regions; i++) {
        mapping(&m, 1);
        pair(&m, "id", s->regions[i]);
        mapping_end(&m);
    }
    sequence_end(&m);
    pair(&m, "districts", "districts.csv");
    pair(&m, "lists", "lists.csv");
    mapping_end(&m);
    ev(&m, &e, yaml_document_end_event_initialize(&e, 1));
    ev(&m, &e, yaml_stream_end_event_initialize(&e));
    int ok = m.ok && yaml_emitter_flush(&m.e);
    yaml_emitter_delete(&m.e);
    return out_close(&o, ok ? SCRUTIN_OK : SCRUTIN_EIO, ctx);
}

int imp_write(const imp_scenario *s, const char *dir, const char *name, scrutin_ctx *ctx)
{
    int status = write_districts(s, dir, ctx);
    if (status == SCRUTIN_OK)
        status = write_lists(s, dir, ctx);
    if (status == SCRUTIN_OK)
        status = write_yaml(s, dir, name, ctx);
    return status;
}
