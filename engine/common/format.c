/* The names of the output formats (scrutin/format.h). */
#include "scrutin/format.h"

#include <string.h>

#include "scrutin/error.h"

int scrutin_format_parse(scrutin_format *out, const char *text)
{
    static const char *const names[] = {"table", "csv", "json", "md"};
    for (int i = 0; i < 4; i++)
        if (strcmp(text, names[i]) == 0) {
            *out = (scrutin_format)i;
            return SCRUTIN_OK;
        }
    return SCRUTIN_EINVAL;
}
