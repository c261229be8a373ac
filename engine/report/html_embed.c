/* Base64 data URIs and HTML escaping for the report page. */
#include "html_embed.h"

#include <errno.h>

#include "scrutin/error.h"

static const char base64_digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Three bytes (or the last one or two, padded with '=') as four digits. */
static void put_group(FILE *f, const unsigned char *in, size_t n)
{
    unsigned long v = (unsigned long)in[0] << 16;
    if (n > 1)
        v |= (unsigned long)in[1] << 8;
    if (n > 2)
        v |= in[2];
    fputc(base64_digits[(v >> 18) & 63], f);
    fputc(base64_digits[(v >> 12) & 63], f);
    fputc(n > 1 ? base64_digits[(v >> 6) & 63] : '=', f);
    fputc(n > 2 ? base64_digits[v & 63] : '=', f);
}

int html_embed_data_uri(FILE *f, const char *path, const char *mime)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return errno == ENOENT ? 1 : SCRUTIN_EIO;
    fprintf(f, "data:%s;base64,", mime);
    /* A multiple of 3, so that only the file's last chunk can end in a partial group. */
    unsigned char buf[3 * 1024];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        for (size_t i = 0; i < n; i += 3)
            put_group(f, buf + i, n - i < 3 ? n - i : 3);
    int failed = ferror(in);
    fclose(in);
    return failed || ferror(f) ? SCRUTIN_EIO : SCRUTIN_OK;
}

void html_escape(FILE *f, const char *text)
{
    for (const char *c = text; *c; c++) {
        switch (*c) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*c, f); break;
        }
    }
}
