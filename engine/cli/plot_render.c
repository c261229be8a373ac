/*
 * Drawing the plots: the library writes each plot's data and gnuplot script
 * and never runs a program; running gnuplot is the command's business. It is
 * started directly (posix_spawnp, no shell), so that no folder name is ever
 * read by a shell, and is found on the PATH like any command the user types.
 */
#include "plot_render.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "scrutin/plot.h"

extern char **environ;

/* OUT/plots/NAME.gp, into @p buf. @return 0, or -1 if it does not fit. */
static int script_path(char *buf, size_t size, const char *out_dir, const char *name)
{
    int n = snprintf(buf, size, "%s/%s/%s.gp", out_dir, SCRUTIN_PLOT_DIR, name);
    return n > 0 && (size_t)n < size ? 0 : -1;
}

/* Run gnuplot on one script. @return its exit status, -1 if killed, or -errno if it did not start. */
static int run_gnuplot(const char *script)
{
    char *argv[] = {(char *)"gnuplot", (char *)script, NULL};
    pid_t pid;
    int err = posix_spawnp(&pid, "gnuplot", NULL, NULL, argv, environ);
    if (err != 0)
        return -err;
    int wstatus;
    while (waitpid(pid, &wstatus, 0) < 0) {
        if (errno != EINTR)
            return -errno;
    }
    return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
}

/* @p text as one shell word: as it is if it needs no quoting, else in single quotes. */
static void print_shell_word(const char *text)
{
    if (text[strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/-+,:=@")] ==
        '\0') {
        fputs(text, stderr);
        return;
    }
    fputc('\'', stderr);
    for (const char *c = text; *c; c++) {
        if (*c == '\'')
            fputs("'\\''", stderr);
        else
            fputc(*c, stderr);
    }
    fputc('\'', stderr);
}

/* The command that draws the plots, for the user to copy into a shell. */
static void print_later_command(const char *out_dir, const char *const *names, size_t n)
{
    fputs("  gnuplot", stderr);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        if (script_path(path, sizeof path, out_dir, names[i]) != 0)
            continue;
        fputc(' ', stderr);
        print_shell_word(path);
    }
    fputc('\n', stderr);
}

cli_render_result cli_render_plots(const char *command, const char *out_dir,
                                   const char *const *names, size_t n)
{
    const char **drawn = malloc((n ? n : 1) * sizeof *drawn);
    if (!drawn) {
        fprintf(stderr, "scrutin %s: out of memory while drawing the plots\n", command);
        return CLI_RENDER_FAILED;
    }
    size_t n_drawn = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        struct stat st;
        /* A plot with nothing to draw (no party ever won a seat, say) has no script. */
        if (script_path(path, sizeof path, out_dir, names[i]) == 0 && stat(path, &st) == 0)
            drawn[n_drawn++] = names[i];
    }
    cli_render_result result = CLI_RENDER_DONE;
    for (size_t i = 0; i < n_drawn && result == CLI_RENDER_DONE; i++) {
        char path[4096];
        script_path(path, sizeof path, out_dir, drawn[i]);
        int status = run_gnuplot(path);
        if (status == -ENOENT) {
            fprintf(stderr,
                    "scrutin %s: gnuplot was not found on the PATH, so the plots were not drawn.\n"
                    "Their data (.csv) and gnuplot scripts (.gp) are in %s/%s/; to draw them as SVG\n"
                    "and PNG, install gnuplot (Debian: apt-get install gnuplot-nox) and run:\n",
                    command, out_dir, SCRUTIN_PLOT_DIR);
            print_later_command(out_dir, drawn, n_drawn);
            result = CLI_RENDER_NO_GNUPLOT;
        } else if (status != 0) {
            if (status < -1)
                fprintf(stderr, "scrutin %s: gnuplot could not be started: %s\n", command,
                        strerror(-status));
            else
                fprintf(stderr, "scrutin %s: gnuplot failed on %s (%s %d)\n", command, path,
                        status < 0 ? "killed, status" : "exit status", status);
            fprintf(stderr, "scrutin %s: the plots' data and scripts are in %s/%s/; draw them "
                            "later with:\n", command, out_dir, SCRUTIN_PLOT_DIR);
            print_later_command(out_dir, drawn, n_drawn);
            result = CLI_RENDER_FAILED;
        }
    }
    free(drawn);
    return result;
}
