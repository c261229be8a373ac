/*
 * scrutin show: a scenario's entities after inheritance and what-if changes,
 * with the ids one writes in a what-if or a --given. One row shape for every
 * kind; the CSV is one tidy table of them, the JSON an array per kind, the
 * terminal table and Markdown a section per kind with that kind's columns.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "json_doc.h"
#include "run_tables.h"
#include "scrutin/report.h"
#include "table_file.h"

/* The fields of a row, in the CSV's order. */
enum { F_KIND, F_ID, F_NAME, F_DISTRICT, F_REGION, F_SEATS, F_COALITION, F_PARTIES, F_LIST_KIND,
       F_RUNS, SHOW_FIELDS };
static const char *const show_columns[SHOW_FIELDS] = {
    "kind", "id", "name", "district", "region", "seats", "coalition", "parties", "list_kind",
    "runs"};

/* The sections: a kind of entity and the fields its rows have, the name last (it is long). */
typedef struct section {
    const char *kind;  /* the CSV's kind, singular */
    const char *title; /* the JSON key and the section's title, plural */
    int fields[8];
    size_t n_fields;
} section;

enum { S_PARTY, S_COALITION, S_REGION, S_DISTRICT, S_LIST, S_SYSTEM, SECTIONS };
static const section sections[SECTIONS] = {
    {"party", "parties", {F_ID, F_COALITION, F_NAME}, 3},
    {"coalition", "coalitions", {F_ID, F_NAME}, 2},
    {"region", "regions", {F_ID, F_NAME}, 2},
    {"district", "districts", {F_ID, F_REGION, F_SEATS, F_NAME}, 4},
    {"list", "lists", {F_DISTRICT, F_ID, F_LIST_KIND, F_COALITION, F_PARTIES, F_RUNS, F_NAME}, 7},
    {"system", "systems", {F_ID}, 1},
};

static const scrutin_entity section_entity[SECTIONS - 1] = {
    SCRUTIN_ENTITY_PARTY, SCRUTIN_ENTITY_COALITION, SCRUTIN_ENTITY_REGION,
    SCRUTIN_ENTITY_DISTRICT, SCRUTIN_ENTITY_LIST};

static size_t section_count(const scrutin_model *m, int s)
{
    return s == S_SYSTEM ? scrutin_model_systems(m) : scrutin_model_count(m, section_entity[s]);
}

/* Row @p i of section @p s as cells (@p parties: room for report_list_parties_size()). */
static int make_row(const scrutin_model *m, int s, size_t i, char *parties, size_t size,
                    cell row[SHOW_FIELDS])
{
    for (int f = 0; f < SHOW_FIELDS; f++)
        row[f] = cell_empty();
    row[F_KIND] = cell_text(sections[s].kind);
    if (s == S_SYSTEM) {
        row[F_ID] = cell_text(scrutin_model_system_id(m, i));
        return SCRUTIN_OK;
    }
    scrutin_entity e = section_entity[s];
    row[F_ID] = cell_text(scrutin_model_id(m, e, i));
    const char *name = scrutin_model_entity_name(m, e, i);
    if (name)
        row[F_NAME] = cell_text(name);
    switch (s) {
    case S_PARTY:
        row[F_COALITION] = cell_text(scrutin_model_id(m, SCRUTIN_ENTITY_COALITION,
                                                      scrutin_model_party_coalition(m, i)));
        break;
    case S_DISTRICT:
        row[F_REGION] = cell_text(scrutin_model_id(m, SCRUTIN_ENTITY_REGION,
                                                   scrutin_model_district_region(m, i)));
        row[F_SEATS] = cell_int(scrutin_model_district_seats(m, i));
        break;
    case S_LIST: {
        size_t d = scrutin_model_list_district(m, i);
        row[F_DISTRICT] = cell_text(scrutin_model_id(m, SCRUTIN_ENTITY_DISTRICT, d));
        row[F_COALITION] = cell_text(scrutin_model_id(m, SCRUTIN_ENTITY_COALITION,
                                                      scrutin_model_list_coalition(m, i)));
        int status = report_list_parties(m, i, parties, size);
        if (status != SCRUTIN_OK)
            return status;
        row[F_PARTIES] = cell_text(parties);
        row[F_LIST_KIND] = cell_text(scrutin_model_list_kind(m, i));
        row[F_RUNS] = cell_text(scrutin_model_list_runs(m, i) ? "yes" : "no");
        break;
    }
    default: break;
    }
    return SCRUTIN_OK;
}

/* Every row of every section, handed to @p sink with its section. */
typedef int (*show_sink)(void *self, int s, const cell row[SHOW_FIELDS]);

static int each_row(const scrutin_model *m, show_sink sink, void *self)
{
    size_t size = report_list_parties_size(m);
    char *parties = malloc(size);
    if (!parties)
        return SCRUTIN_ENOMEM;
    int status = SCRUTIN_OK;
    cell row[SHOW_FIELDS];
    for (int s = 0; s < SECTIONS && status == SCRUTIN_OK; s++)
        for (size_t i = 0; i < section_count(m, s) && status == SCRUTIN_OK; i++) {
            status = make_row(m, s, i, parties, size, row);
            if (status == SCRUTIN_OK)
                status = sink(self, s, row);
        }
    free(parties);
    return status;
}

/* ---- CSV: one table, a row per entity ---- */

static int csv_row(void *self, int s, const cell row[SHOW_FIELDS])
{
    (void)s;
    FILE *f = self;
    for (int k = 0; k < SHOW_FIELDS; k++) {
        if (k)
            fputc(',', f);
        if (row[k].kind == CELL_TEXT)
            table_csv_text(f, row[k].text);
        else if (row[k].kind == CELL_INT)
            fprintf(f, "%lld", (long long)row[k].i);
    }
    fputc('\n', f);
    return ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

static int write_csv(FILE *f, const scrutin_model *m)
{
    for (int k = 0; k < SHOW_FIELDS; k++)
        fprintf(f, "%s%s", k ? "," : "", show_columns[k]);
    fputc('\n', f);
    return each_row(m, csv_row, f);
}

/* ---- JSON: the counts, and an array of objects per kind ---- */

static json_t *cell_json(const cell *c)
{
    return c->kind == CELL_TEXT ? json_doc_string(c->text)
           : c->kind == CELL_INT ? json_integer((json_int_t)c->i)
                                 : json_null();
}

static int json_row(void *self, int s, const cell row[SHOW_FIELDS])
{
    json_t *root = self, *array = json_object_get(root, sections[s].title);
    json_t *o = json_object();
    if (!o || json_array_append_new(array, o) != 0)
        return SCRUTIN_ENOMEM;
    for (size_t k = 0; k < sections[s].n_fields; k++) {
        int f = sections[s].fields[k];
        json_t *v;
        if (f == F_PARTIES) {
            /* An array of ids rather than the CSV's joined text. */
            v = json_array();
            char *copy = strdup(row[f].text);
            for (char *save = NULL, *id = copy ? strtok_r(copy, ";", &save) : NULL; v && id;
                 id = strtok_r(NULL, ";", &save))
                json_array_append_new(v, json_doc_string(id));
            if (!copy)
                v = NULL;
            free(copy);
        } else if (f == F_RUNS) {
            v = json_boolean(strcmp(row[f].text, "yes") == 0);
        } else {
            v = cell_json(&row[f]);
        }
        if (!v || json_object_set_new(o, show_columns[f], v) != 0)
            return SCRUTIN_ENOMEM;
    }
    return SCRUTIN_OK;
}

static int write_json(FILE *f, const scrutin_model *m)
{
    json_t *root = json_pack("{s:s, s:i, s:i, s:i}", "scenario", scrutin_model_name(m), "seats",
                             (int)scrutin_model_seats(m), "majority",
                             (int)scrutin_model_majority(m), "supermajority",
                             (int)scrutin_model_supermajority(m));
    json_t *counts = json_object();
    int status = root && counts && json_object_set_new(root, "counts", counts) == 0
                     ? SCRUTIN_OK
                     : SCRUTIN_ENOMEM;
    for (int s = 0; s < SECTIONS && status == SCRUTIN_OK; s++)
        if (json_object_set_new(root, sections[s].title, json_array()) != 0 ||
            json_object_set_new(counts, sections[s].title,
                                json_integer((json_int_t)section_count(m, s))) != 0)
            status = SCRUTIN_ENOMEM;
    if (status == SCRUTIN_OK)
        status = each_row(m, json_row, root);
    if (status == SCRUTIN_OK)
        status = report_json_stream(f, root);
    json_decref(root);
    return status;
}

/* ---- Terminal table and Markdown: a section per kind ---- */

/* Characters on a terminal: UTF-8 continuation bytes take no column. */
static size_t display_width(const char *text)
{
    size_t w = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        w += (*c & 0xC0) != 0x80;
    return w;
}

static const char *cell_string(const cell *c, char *buf, size_t size)
{
    if (c->kind == CELL_TEXT)
        return c->text;
    if (c->kind == CELL_INT) {
        snprintf(buf, size, "%lld", (long long)c->i);
        return buf;
    }
    return "";
}

typedef struct text_sink {
    FILE *f;
    int markdown;
    int pass;                   /* 0: measure the columns; 1: write */
    int section;                /* the section being written, -1 before the first */
    size_t width[SECTIONS][SHOW_FIELDS];
    const scrutin_model *m;
} text_sink;

static void text_header(text_sink *t, int s)
{
    const section *sec = &sections[s];
    fprintf(t->f, "\n%s%s (%zu)\n%s", t->markdown ? "### " : "", sec->title,
            section_count(t->m, s), t->markdown ? "\n|" : "");
    for (size_t k = 0; k < sec->n_fields; k++) {
        const char *name = show_columns[sec->fields[k]];
        if (t->markdown)
            fprintf(t->f, " %s |", name);
        else
            fprintf(t->f, "%s%-*s", k ? "  " : "",
                    k + 1 < sec->n_fields ? (int)t->width[s][k] : 0, name);
    }
    fputc('\n', t->f);
    if (t->markdown) {
        fputc('|', t->f);
        for (size_t k = 0; k < sec->n_fields; k++)
            fputs(sec->fields[k] == F_SEATS ? "---:|" : "---|", t->f);
        fputc('\n', t->f);
    }
}

static int text_row(void *self, int s, const cell row[SHOW_FIELDS])
{
    text_sink *t = self;
    const section *sec = &sections[s];
    char number[32];
    if (t->pass == 0) {
        for (size_t k = 0; k < sec->n_fields; k++) {
            size_t w = display_width(cell_string(&row[sec->fields[k]], number, sizeof number));
            if (t->width[s][k] < w)
                t->width[s][k] = w;
        }
        return SCRUTIN_OK;
    }
    if (t->section != s) {
        t->section = s;
        text_header(t, s);
    }
    if (t->markdown)
        fputc('|', t->f);
    for (size_t k = 0; k < sec->n_fields; k++) {
        const char *text = cell_string(&row[sec->fields[k]], number, sizeof number);
        if (t->markdown) {
            /* A '|' of a name would end its cell, and a line break its row. */
            fputc(' ', t->f);
            for (const char *c = text; *c; c++)
                if (*c == '|')
                    fputs("\\|", t->f);
                else
                    fputc(*c == '\n' || *c == '\r' ? ' ' : *c, t->f);
            fputs(" |", t->f);
            continue;
        }
        fprintf(t->f, "%s%s", k ? "  " : "", text);
        if (k + 1 < sec->n_fields)
            for (size_t pad = display_width(text); pad < t->width[s][k]; pad++)
                fputc(' ', t->f);
    }
    fputc('\n', t->f);
    return ferror(t->f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

static int write_text(FILE *f, const scrutin_model *m, int markdown)
{
    text_sink t = {f, markdown, 0, -1, {{0}}, m};
    for (int s = 0; s < SECTIONS; s++)
        for (size_t k = 0; k < sections[s].n_fields; k++)
            t.width[s][k] = strlen(show_columns[sections[s].fields[k]]);
    fprintf(f, "%s%s: %u seats, a majority is %u; %zu parties, %zu coalitions, %zu regions, "
               "%zu districts, %zu lists, %zu system%s\n",
            markdown ? "## " : "", scrutin_model_name(m), scrutin_model_seats(m),
            scrutin_model_majority(m), section_count(m, S_PARTY), section_count(m, S_COALITION),
            section_count(m, S_REGION), section_count(m, S_DISTRICT), section_count(m, S_LIST),
            section_count(m, S_SYSTEM), section_count(m, S_SYSTEM) == 1 ? "" : "s");
    int status = each_row(m, text_row, &t);
    t.pass = 1;
    if (status == SCRUTIN_OK)
        status = each_row(m, text_row, &t);
    return status;
}

int scrutin_report_show(FILE *f, const scrutin_model *model, scrutin_format format,
                        scrutin_ctx *ctx)
{
    if (!f || !model)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_report_show: an argument is NULL");
    int status;
    switch (format) {
    case SCRUTIN_FORMAT_CSV: status = write_csv(f, model); break;
    case SCRUTIN_FORMAT_JSON: status = write_json(f, model); break;
    case SCRUTIN_FORMAT_MD: status = write_text(f, model, 1); break;
    case SCRUTIN_FORMAT_TABLE:
    default: status = write_text(f, model, 0); break;
    }
    if (status == SCRUTIN_OK && ferror(f))
        status = SCRUTIN_EIO;
    if (status != SCRUTIN_OK)
        return scrutin_ctx_error(ctx, status, NULL, 0, NULL, "cannot write the scenario's "
                                 "entities: %s", scrutin_strerror(status));
    return SCRUTIN_OK;
}
