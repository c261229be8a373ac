/*
 * What a what-if is, in words, for its report (docs/cli.md, "report.html"): the file of its
 * base, and each item of its `changes` said as an analyst would say it. The model keeps
 * them so that the report need not read the scenario again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"

/* " in every district", " in region R, S" or " in districts D, E" (and both). */
static void put_where(FILE *f, char **regions, unsigned n_regions, char **districts,
                      unsigned n_districts)
{
    if (n_regions == 0 && n_districts == 0) {
        fputs(" in every district", f);
        return;
    }
    if (n_regions > 0) {
        fprintf(f, " in region%s ", n_regions > 1 ? "s" : "");
        for (unsigned i = 0; i < n_regions; i++)
            fprintf(f, "%s%s", i ? ", " : "", regions[i]);
    }
    if (n_districts > 0) {
        fprintf(f, "%s district%s ", n_regions > 0 ? " and in" : " in", n_districts > 1 ? "s" : "");
        for (unsigned i = 0; i < n_districts; i++)
            fprintf(f, "%s%s", i ? ", " : "", districts[i]);
    }
}

static void put_amount(FILE *f, const double *points, const double *logit, const char *of)
{
    if (points)
        fprintf(f, " by %+g percentage points%s", *points, of);
    else if (logit)
        fprintf(f, " by %+g on the logit scale", *logit);
}

static void put_change(FILE *f, const scn_change *x)
{
    if (x->shift) {
        const scn_shift *s = x->shift;
        if (s->party)
            fprintf(f, "round-1 support of party %s shifted", s->party);
        else
            fprintf(f, "round-1 support of the parties of coalition %s shifted",
                    s->coalition ? s->coalition : "?");
        put_amount(f, s->points, s->logit, " of the district's votes");
        put_where(f, s->regions, s->regions_count, s->districts, s->districts_count);
    } else if (x->turnout) {
        const scn_turnout_change *t = x->turnout;
        fputs("round-1 turnout shifted", f);
        put_amount(f, t->points, t->logit, " of the registered voters");
        put_where(f, t->regions, t->regions_count, t->districts, t->districts_count);
    } else if (x->merge_lists) {
        const scn_merge_lists *m = x->merge_lists;
        fputs("lists merged: the lists of ", f);
        for (unsigned i = 0; i < m->parties_count; i++)
            fprintf(f, "%s%s", i == 0 ? "" : i + 1 == m->parties_count ? " and " : ", ",
                    m->parties[i]);
        fputs(" run as one joint list", f);
        if (m->id)
            fprintf(f, " %s", m->id);
        put_where(f, NULL, 0, m->districts, m->districts_count);
    } else if (x->withdraw_lists) {
        const scn_withdraw_lists *w = x->withdraw_lists;
        if (w->list)
            fprintf(f, "list withdrawn: %s in district %s", w->list, w->district ? w->district : "?");
        else {
            fprintf(f, "lists withdrawn: those of party %s", w->party ? w->party : "?");
            put_where(f, NULL, 0, w->districts, w->districts_count);
        }
    } else
        fputs("a change", f);
    if (x->note)
        fprintf(f, " (%s)", x->note);
}

void compile_words(compiler *c)
{
    const char *const *chain = NULL;
    size_t n_chain = scn_yaml_files(c->s, &chain);
    scrutin_model *m = c->m;
    if (n_chain > 1 && chain[1] && !(m->base_path = strdup(chain[1]))) {
        c->status = SCRUTIN_ENOMEM, c->oom = true;
        return;
    }
    const scn_doc *doc = c->s->doc;
    if (doc->changes_count == 0)
        return;
    m->change_words = calloc(doc->changes_count, sizeof *m->change_words);
    if (!m->change_words) {
        c->status = SCRUTIN_ENOMEM, c->oom = true;
        return;
    }
    for (unsigned i = 0; i < doc->changes_count; i++) {
        size_t size = 0;
        FILE *f = open_memstream(&m->change_words[i], &size);
        if (!f) {
            c->status = SCRUTIN_ENOMEM, c->oom = true;
            return;
        }
        /* Counted from the open: the stream's buffer is ours to free even if fclose fails. */
        m->n_change_words = i + 1;
        put_change(f, &doc->changes[i]);
        if (fclose(f) != 0) {
            c->status = SCRUTIN_ENOMEM, c->oom = true;
            return;
        }
    }
}
