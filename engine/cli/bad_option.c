/* An option getopt did not know: "did you mean ..." among the command's long options. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "scrutin/text.h"

int cli_bad_option(const char *command, const struct option *options, int argc, char **argv)
{
    /* getopt_long has named the option already; optind is past it. */
    const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : NULL;
    if (!arg || strncmp(arg, "--", 2) != 0)
        return cli_usage_error(command, "bad option");
    char word[64];
    size_t len = strcspn(arg + 2, "=");
    if (len >= sizeof word)
        return cli_usage_error(command, "bad option");
    memcpy(word, arg + 2, len);
    word[len] = 0;
    const char *names[64];
    size_t n = 0;
    for (const struct option *o = options; o->name && n < 64; o++)
        names[n++] = o->name;
    const char *near = scrutin_suggest(word, names, n);
    if (near)
        return cli_usage_error(command, "bad option \"--%s\": did you mean \"--%s\"?", word, near);
    return cli_usage_error(command, "bad option \"--%s\"", word);
}
