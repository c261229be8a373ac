/* The command line of this run, as a shell would read it, for the provenance in run.json. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static char *line;

/* Bytes @p word takes as one shell word: as it is if it needs no quoting, else in single quotes. */
static size_t quoted_size(const char *word, int *plain)
{
    *plain = word[0] && word[strspn(word, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                          "0123456789._/-+,:=@%")] == '\0';
    if (*plain)
        return strlen(word);
    size_t n = 2;
    for (const char *c = word; *c; c++)
        n += *c == '\'' ? 4 : 1;
    return n;
}

int cli_command_line_set(int argc, char **argv)
{
    size_t size = strlen("scrutin") + 1;
    int plain;
    for (int i = 1; i < argc; i++)
        size += 1 + quoted_size(argv[i], &plain);
    free(line);
    line = malloc(size);
    if (!line)
        return -1; /* out of memory at the start: said, as anywhere else */
    char *p = line + strlen(strcpy(line, "scrutin"));
    for (int i = 1; i < argc; i++) {
        *p++ = ' ';
        quoted_size(argv[i], &plain);
        if (plain) {
            p = stpcpy(p, argv[i]);
            continue;
        }
        *p++ = '\'';
        for (const char *c = argv[i]; *c; c++) {
            if (*c == '\'')
                p = stpcpy(p, "'\\''"); /* close, an escaped quote, reopen */
            else
                *p++ = *c;
        }
        *p++ = '\'';
    }
    *p = '\0';
    return 0;
}

const char *cli_command_line(void) { return line; }
