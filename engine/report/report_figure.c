/* A plot in report.html: the image inside the page, or what to do to draw it. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "html_embed.h"
#include "report_page.h"
#include "scrutin/plot.h"

/* A plot, embedded if it was drawn; else what to do to draw it. */
int page_write_figure(FILE *f, const page *pg, const char *name, const char *what,
                      const char *more)
{
    char caption[1024];
    snprintf(caption, sizeof caption, "%s%s", what, more);
    size_t size = strlen(pg->out_dir) + strlen(name) + sizeof "/" SCRUTIN_PLOT_DIR "/.svg";
    char *path = malloc(size);
    if (!path)
        return SCRUTIN_ENOMEM;
    int status = SCRUTIN_OK;
    struct stat st;
    snprintf(path, size, "%s/%s/%s.svg", pg->out_dir, SCRUTIN_PLOT_DIR, name);
    if (stat(path, &st) == 0) {
        fputs("<figure>\n<img alt=\"", f);
        html_escape(f, caption);
        fputs("\" src=\"", f);
        status = html_embed_data_uri(f, path, "image/svg+xml");
        fputs("\">\n<figcaption>", f);
        html_escape(f, caption);
        fprintf(f, " Data: <code>%s/%s.csv</code>.</figcaption>\n</figure>\n", SCRUTIN_PLOT_DIR,
                name);
    } else {
        snprintf(path, size, "%s/%s/%s.gp", pg->out_dir, SCRUTIN_PLOT_DIR, name);
        fputs("<p class=\"missing\">", f);
        html_escape(f, caption);
        if (stat(path, &st) == 0)
            fprintf(f, " This plot has not been drawn: gnuplot was not available. Draw it with "
                       "<code>gnuplot %s/%s.gp</code> (from this page's folder) and open "
                       "<code>%s/%s.svg</code>, or run scrutin again with gnuplot installed.",
                    SCRUTIN_PLOT_DIR, name, SCRUTIN_PLOT_DIR, name);
        else
            fputs(" This plot was not written: run scrutin with <code>--plots</code>.", f);
        fputs("</p>\n", f);
    }
    free(path);
    return status == 1 ? SCRUTIN_EIO : status; /* 1: the image vanished while it was read */
}
