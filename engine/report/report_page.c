/*
 * What every section of report.html shares: an entity as the page shows it, a percentage,
 * and what a system whose counts the page lacks says.
 */
#include <string.h>

#include "html_embed.h"
#include "report_page.h"

/*
 * An entity as the page shows it: its id, and its name (UTF-8, as the scenario gives it)
 * where it has one that says more.
 */
void html_named(FILE *f, const scrutin_model *m, scrutin_entity kind, size_t i)
{
    const char *id = scrutin_model_id(m, kind, i), *name = scrutin_model_entity_name(m, kind, i);
    html_escape(f, id);
    if (name && name[0] && strcmp(name, id) != 0) {
        fputs(" <span class=\"name\">", f);
        html_escape(f, name);
        fputs("</span>", f);
    }
}

const scrutin_entity report_group_entity[SCRUTIN_GROUP_KINDS] = {SCRUTIN_ENTITY_PARTY,
                                                                  SCRUTIN_ENTITY_COALITION};

void html_percent(FILE *f, double p)
{
    fprintf(f, "%.1f%%", 100.0 * p);
}

void html_percent_cells(FILE *f, const double *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs("</td><td>", f);
        html_percent(f, p[i]);
    }
}

const char report_no_counts[] = "<p class=\"missing\">Its counts were not given to the page: see "
                                "the run's tables, whose <code>system</code> column holds every "
                                "system.</p>\n";
