/* The plots folder, the files of a plot, and what every gnuplot script begins and ends with. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/number_format.h"
#include "output_files.h"
#include "plot_files.h"
#include "scrutin/plot.h"

const char *const plot_colours[PLOT_COLOURS] = {"#4477aa", "#ee6677", "#228833",
                                               "#ccbb44", "#66ccee", "#aa3377"};

int plot_folder(char **out, const char *out_dir, scrutin_ctx *ctx)
{
    *out = NULL;
    int status = report_make_folder(out_dir, ctx);
    if (status != SCRUTIN_OK)
        return status;
    size_t size = strlen(out_dir) + sizeof "/" SCRUTIN_PLOT_DIR;
    char *dir = malloc(size);
    if (!dir)
        return SCRUTIN_ENOMEM;
    snprintf(dir, size, "%s/%s", out_dir, SCRUTIN_PLOT_DIR);
    status = report_make_folder(dir, ctx);
    if (status != SCRUTIN_OK) {
        free(dir);
        return status;
    }
    *out = dir;
    return SCRUTIN_OK;
}

int plot_check_name(const char *name, scrutin_ctx *ctx)
{
    int ok = name && name[0] && name[0] != '.' && strlen(name) < 64;
    for (const char *c = name; ok && *c; c++)
        ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
             *c == '-' || *c == '_' || *c == '.';
    if (!ok)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL,
                                 "a plot's name must be 1 to 63 letters, digits, '-', '_' or '.', "
                                 "not starting with '.': \"%s\"", name ? name : "(null)");
    return SCRUTIN_OK;
}

int plot_write_file(const char *dir, const char *name, const char *ext, plot_writer write,
                    const void *data, scrutin_ctx *ctx)
{
    char file[80];
    snprintf(file, sizeof file, "%s.%s", name, ext);
    atomic_file af;
    int status = atomic_file_open(&af, dir, file, ctx);
    if (status != SCRUTIN_OK)
        return status;
    report_locale c_numbers;
    status = report_locale_enter(&c_numbers);
    errno = 0;
    if (status == SCRUTIN_OK)
        status = write(af.f, data);
    int err = errno;
    report_locale_leave(&c_numbers);
    if (status == SCRUTIN_OK && ferror(af.f))
        status = SCRUTIN_EIO;
    if (status != SCRUTIN_OK)
        return atomic_file_fail(&af, status, err, dir, file, ctx);
    return atomic_file_commit(&af, ctx);
}

static void remove_files(const char *dir, const char *name, size_t n_ext)
{
    static const char *const ext[] = {"svg", "png", "gp", "csv"};
    for (size_t i = 0; i < n_ext; i++) {
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s.%s", dir, name, ext[i]) < (int)sizeof path)
            unlink(path); /* ENOENT is the usual case, and any other failure only leaves a file */
    }
}

void plot_forget_images(const char *dir, const char *name)
{
    remove_files(dir, name, 2);
}

void plot_remove(const char *dir, const char *name)
{
    remove_files(dir, name, 4);
}

size_t gp_title(FILE *f, const char *text, size_t width)
{
    /* Double quotes: gnuplot reads "\n" in them as a line break; '\' and '"' escaped, and '`'
       written as its octal escape, since gnuplot runs `...` inside double quotes as a shell
       command: a name is text, never a command. */
    if (f)
        fputc('"', f);
    size_t column = 0, lines = 1;
    for (const char *c = text; *c; c++) {
        if (*c == ' ' && column >= width / 2) {
            /* Break here if the next word would pass the width. */
            size_t word = strcspn(c + 1, " ");
            if (column + 1 + word > width) {
                if (f)
                    fputs("\\n", f);
                column = 0;
                lines++;
                continue;
            }
        }
        column++;
        if (!f)
            continue;
        if (*c == '\n' || *c == '\r')
            fputc(' ', f);
        else if (*c == '"' || *c == '\\')
            fprintf(f, "\\%c", *c);
        else if (*c == '`')
            fputs("\\140", f);
        else
            fputc(*c, f);
    }
    if (f)
        fputc('"', f);
    return lines;
}

void gp_quote(FILE *f, const char *text)
{
    fputc('\'', f);
    for (const char *c = text; *c; c++) {
        /* A line break would end the command: a label is one line. */
        if (*c == '\n' || *c == '\r')
            fputc(' ', f);
        else if (*c == '\'')
            fputs("''", f);
        else
            fputc(*c, f);
    }
    fputc('\'', f);
}

void csv_header_field(FILE *f, const char *text)
{
    for (const char *c = text; *c; c++)
        fputc(strchr(",\"\r\n", *c) ? ' ' : *c, f);
}

void gp_begin(FILE *f, const char *name, const char *what, unsigned width, unsigned height)
{
    fprintf(f, "# scrutin: %s\n", what);
    fprintf(f, "# Reads %s.csv beside this script and writes %s.svg and %s.png beside it.\n"
               "# Render it from any folder with: gnuplot path/to/%s.gp (gnuplot 5.4 or later).\n"
               "# Change what you like: this script is written again by each run.\n\n",
            name, name, name, name);
    /* ARG0 is the script's path as given to gnuplot; everything before its last '/' is the folder. */
    fputs("dir = ''\n"
          "rest = ARG0\n"
          "while (strstrt(rest, '/') > 0) {\n"
          "    dir = dir . rest[1:strstrt(rest, '/')]\n"
          "    rest = rest[strstrt(rest, '/') + 1:]\n"
          "}\n",
          f);
    fprintf(f, "data = dir . '%s.csv'\n\n", name);
    fputs("do for [format in 'svg png'] {\n"
          "    reset\n",
          f);
    fprintf(f,
            "    if (format eq 'svg') {\n"
            "        set terminal svg size %u,%u fixed noenhanced font 'DejaVu Sans,12' "
            "background '#ffffff'\n"
            "    } else {\n"
            "        set terminal pngcairo size %u,%u noenhanced font 'DejaVu Sans,11' "
            "background '#ffffff'\n"
            "    }\n",
            width, height, width, height);
    fprintf(f, "    set output dir . '%s.' . format\n", name);
    fputs("    set encoding utf8\n", f);
    fputs("    set datafile separator comma\n"
          "    set datafile columnheaders\n"
          "    set border 3 lw 1 lc '#444444'\n"
          "    set tics nomirror out\n"
          "    set grid ytics lc '#dddddd' lw 1 dt 1\n"
          "    set key top right noautotitle samplen 2\n",
          f);
}

void gp_end(FILE *f)
{
    fputs("    set output\n"
          "}\n",
          f);
}
