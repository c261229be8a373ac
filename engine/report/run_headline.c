/*
 * A run's headline numbers for standard output: every coalition and the
 * largest parties, provisional and final, as a terminal table, Markdown,
 * CSV or JSON. The files of scrutin_run_write() hold everything; this is
 * what an analyst reads first.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../common/number_format.h"
#include "../common/versioned.h"
#include "json_doc.h"
#include "run_json.h"
#include "run_tables.h"
#include "scrutin/report.h"

/* Parties shown besides the coalitions: the largest by mean final seats. */
#define HEADLINE_PARTIES 10

typedef struct pick {
    scrutin_group_kind kind;
    size_t group;
} pick;

/* Coalitions in the model's order, then up to HEADLINE_PARTIES parties, largest first. */
static size_t pick_groups(const scrutin_summary *s, pick *out)
{
    size_t n = 0;
    for (size_t c = 0; c < s->n_groups[SCRUTIN_GROUP_COALITION]; c++)
        out[n++] = (pick){SCRUTIN_GROUP_COALITION, c};
    size_t parties[HEADLINE_PARTIES];
    size_t n_parties = scrutin_summary_largest_parties(s, parties, HEADLINE_PARTIES);
    for (size_t k = 0; k < n_parties; k++)
        out[n++] = (pick){SCRUTIN_GROUP_PARTY, parties[k]};
    return n;
}

static const scrutin_entity group_entity[SCRUTIN_GROUP_KINDS] = {SCRUTIN_ENTITY_PARTY,
                                                                 SCRUTIN_ENTITY_COALITION};

static const char *const headline_columns[] = {"stage",     "group_kind", "group",
                                               "mean",      "p05",        "p95",
                                               "p_majority", "p_majority_se", "p_largest"};

static int headline_rows(const run_data *d, const row_sink *sink)
{
    const scrutin_summary *s = d->summary;
    pick *picks = malloc((s->n_groups[SCRUTIN_GROUP_COALITION] + HEADLINE_PARTIES) * sizeof *picks);
    if (!picks)
        return SCRUTIN_ENOMEM;
    size_t n = pick_groups(s, picks);
    int status = SCRUTIN_OK;
    for (size_t i = 0; i < n && status == SCRUTIN_OK; i++)
        for (int st = 0; st < SCRUTIN_STAGES && status == SCRUTIN_OK; st++) {
            const scrutin_group_summary *g = &s->groups[st][picks[i].kind][picks[i].group];
            cell row[] = {cell_text(scrutin_stage_name((scrutin_stage)st)),
                          cell_text(scrutin_group_kind_name(picks[i].kind)),
                          cell_text(scrutin_model_id(d->model, group_entity[picks[i].kind],
                                                     picks[i].group)),
                          cell_real(g->mean),
                          cell_int(g->p05),
                          cell_int(g->p95),
                          cell_real(g->majority.p),
                          cell_real(g->majority.se),
                          cell_real(g->largest.p)};
            status = sink->row(sink->self, row, sizeof row / sizeof row[0]);
        }
    free(picks);
    return status;
}

const run_table report_headline_table = {"headline", headline_columns,
                                         sizeof headline_columns / sizeof headline_columns[0],
                                         headline_rows};

/* The terminal table and Markdown draw the same rows, from cells in headline_columns' order. */
typedef struct text_sink {
    FILE *f;
    int markdown;
    int width; /* of the group column */
    const scrutin_model *model; /* for the groups' names, at the end of the terminal rows */
} text_sink;

/* The UTF-8 name of the group of kind @p kind and id @p id, "" if it has none but its id. */
static const char *group_name(const scrutin_model *m, const char *kind, const char *id)
{
    for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++) {
        if (strcmp(scrutin_group_kind_name((scrutin_group_kind)k), kind) != 0)
            continue;
        for (size_t g = 0; g < scrutin_model_count(m, group_entity[k]); g++)
            if (strcmp(scrutin_model_id(m, group_entity[k], g), id) == 0) {
                const char *name = scrutin_model_entity_name(m, group_entity[k], g);
                return name && strcmp(name, id) != 0 ? name : "";
            }
    }
    return "";
}

static int text_row(void *self, const cell *c, size_t n)
{
    text_sink *t = self;
    if (n != report_headline_table.n_columns)
        return SCRUTIN_EINTERNAL;
    char interval[48];
    snprintf(interval, sizeof interval, "%lld-%lld", (long long)c[4].i, (long long)c[5].i);
    if (t->markdown)
        fprintf(t->f, "| %s | %s | %s | %.2f | %s | %.3f ± %.3f | %.3f |\n", c[2].text, c[1].text,
                c[0].text, c[3].x, interval, c[6].x, c[7].x, c[8].x);
    else {
        const char *name = group_name(t->model, c[1].text, c[2].text);
        fprintf(t->f, "%-9s  %-*s  %-11s  %7.2f  %12s  %11.3f  %5.3f  %10.3f%s%s\n", c[1].text,
                t->width, c[2].text, c[0].text, c[3].x, interval, c[6].x, c[7].x, c[8].x,
                name[0] ? "  " : "", name);
    }
    return ferror(t->f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

static int widest_id(const run_data *d)
{
    size_t w = 5; /* "group" */
    for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++)
        for (size_t g = 0; g < d->summary->n_groups[k]; g++) {
            size_t len = strlen(scrutin_model_id(d->model, group_entity[k], g));
            w = len > w ? len : w;
        }
    return (int)(w < 40 ? w : 40);
}

/* The table of one system (or of the only one), under the run's title line. */
static int write_text_table(FILE *f, const run_data *d, int markdown)
{
    text_sink t = {f, markdown, widest_id(d), d->model};
    if (markdown)
        fputs("| group | kind | stage | mean seats | 90% interval | P(majority) | P(largest) |\n"
              "|---|---|---|---:|---:|---:|---:|\n",
              f);
    else
        fprintf(f, "%-9s  %-*s  %-11s  %7s  %12s  %11s  %5s  %10s  %s\n", "kind", t.width, "group",
                "stage", "mean", "90% interval", "P(majority)", "se", "P(largest)", "name");
    row_sink sink = {text_row, &t};
    return report_headline_table.rows(d, &sink);
}

/* Before the title (table and Markdown): the results given, and how many simulations match. */
static void write_given_line(FILE *f, const run_data *d, const scrutin_run_info *given)
{
    uint64_t matched = d->summary->simulations, simulated = given->simulated;
    fputs("Given", f);
    for (size_t i = 0; i < given->n_given; i++)
        fprintf(f, " %s%s", given->given[i], i + 1 < given->n_given ? "," : "");
    fprintf(f, " (system %s): %llu of %llu simulations match (%.2f%%); every figure below is "
               "conditional on them, its standard error from those %llu.\n\n",
            given->given_system ? given->given_system : scrutin_model_system_id(d->model, 0),
            (unsigned long long)matched, (unsigned long long)simulated,
            simulated ? 100.0 * (double)matched / (double)simulated : 0.0,
            (unsigned long long)matched);
}

/* The title line, then a table per system, each under its id, when there are several. */
static int write_text(FILE *f, const run_data *d, const scrutin_run_info *given, int markdown)
{
    const scrutin_summary *s = d->summary;
    if (given)
        write_given_line(f, d, given);
    fprintf(f, "%s%s: %llu simulations; %u seats, a majority is %u, a supermajority %u\n\n",
            markdown ? "## " : "", scrutin_model_name(d->model),
            (unsigned long long)s->simulations, s->seats, s->majority, s->supermajority);
    if (!table_has_system(d))
        return write_text_table(f, d, markdown);
    int status = SCRUTIN_OK;
    for (size_t k = 0; k < d->n_systems && status == SCRUTIN_OK; k++) {
        fprintf(f, "%ssystem %s\n%s", k ? "\n" : "", d->systems[k].system_id,
                markdown ? "\n" : "");
        status = write_text_table(f, &d->systems[k], markdown);
    }
    return status;
}

static int write_json(FILE *f, const run_data *d, const scrutin_run_info *given)
{
    json_t *rows = NULL;
    int status = table_json(&rows, &report_headline_table, d);
    if (status != SCRUTIN_OK)
        return status;
    json_t *root = json_pack("{s:s, s:I, s:i, s:i, s:i, s:o}", "scenario",
                             scrutin_model_name(d->model), "simulations",
                             (json_int_t)d->summary->simulations, "seats", (int)d->summary->seats,
                             "majority", (int)d->summary->majority, "supermajority",
                             (int)d->summary->supermajority, "rows", rows);
    if (!root)
        return SCRUTIN_ENOMEM;
    json_doc doc = {1};
    if (given)
        json_doc_put(&doc, root, "given", report_run_given(&doc, given, d->summary->simulations));
    if (!doc.ok)
        status = SCRUTIN_ENOMEM;
    else if (json_dumpf(root, f, JSON_INDENT(2) | JSON_SORT_KEYS | JSON_REAL_PRECISION(17)) != 0 ||
        fputc('\n', f) == EOF)
        status = SCRUTIN_EIO;
    json_decref(root);
    return status;
}

/* With known results, every row says how many simulations it counts, of how many run. */
static int write_csv(FILE *f, const run_data *d, const scrutin_run_info *given)
{
    if (!given)
        return table_csv_write(f, &report_headline_table, d);
    static const char *const columns[] = {"matched", "simulated"};
    const cell counts[] = {cell_int((int64_t)d->summary->simulations),
                           cell_int((int64_t)given->simulated)};
    return table_csv_write_extra(f, &report_headline_table, d, columns, counts, 2);
}

/* @p given: the run's info if results were given (run --given), else NULL. */
static int write_headline(FILE *f, const run_data *d, const scrutin_run_info *given,
                          scrutin_format format)
{
    report_locale c_numbers;
    int status = report_locale_enter(&c_numbers);
    if (status == SCRUTIN_OK) {
        switch (format) {
        case SCRUTIN_FORMAT_CSV: status = write_csv(f, d, given); break;
        case SCRUTIN_FORMAT_JSON: status = write_json(f, d, given); break;
        case SCRUTIN_FORMAT_MD: status = write_text(f, d, given, 1); break;
        case SCRUTIN_FORMAT_TABLE:
        default: status = write_text(f, d, given, 0); break;
        }
    }
    report_locale_leave(&c_numbers);
    return status;
}

int report_printed(FILE *f, int status, const char *what, scrutin_ctx *ctx)
{
    if (status == SCRUTIN_OK && ferror(f))
        status = SCRUTIN_EIO;
    if (status != SCRUTIN_OK)
        return scrutin_ctx_error(ctx, status, NULL, 0, NULL, "cannot write %s: %s", what,
                                 scrutin_strerror(status));
    return SCRUTIN_OK;
}

int scrutin_run_print(FILE *f, const scrutin_model *model, const scrutin_tally *tally,
                      const scrutin_summary *summary, scrutin_format format,
                      scrutin_ctx *ctx)
{
    return scrutin_run_print_info(f, model, tally, summary, NULL, format, ctx);
}

int scrutin_run_print_info(FILE *f, const scrutin_model *model, const scrutin_tally *tally,
                           const scrutin_summary *summary, const scrutin_run_info *info,
                           scrutin_format format, scrutin_ctx *ctx)
{
    if (!f || !model || !tally || !summary)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_run_print: an argument is NULL");
    if (info && VERSIONED_CHECK(info, "scrutin_run_print_info", scrutin_run_info,
                                SCRUTIN_RUN_INFO, ctx) != SCRUTIN_OK)
        return SCRUTIN_EINVAL;
    int status = scrutin_tally_check(tally, model, "scrutin_run_print", ctx);
    if (status != SCRUTIN_OK)
        return status;
    run_systems rs;
    status = run_systems_make(&rs, model, tally, summary, "scrutin_run_print", ctx);
    if (status != SCRUTIN_OK)
        return status;
    const scrutin_run_info *given = info && info->n_given ? info : NULL;
    status = write_headline(f, &rs.data, given, format);
    run_systems_free(&rs);
    return report_printed(f, status, "the run's table", ctx);
}

int run_table_print(FILE *f, const scrutin_model *model, const scrutin_summary *summary,
                    scrutin_format format, scrutin_ctx *ctx)
{
    if (!f || !model || !summary)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "scrutin_run_print: an argument is NULL");
    run_data d = {model, NULL, summary, NULL, 0, NULL};
    int status = write_headline(f, &d, NULL, format);
    return report_printed(f, status, "the run's table", ctx);
}
