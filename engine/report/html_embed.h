/* Putting an image file inside an HTML page, so that the page stands alone. */
#ifndef SCRUTIN_REPORT_HTML_EMBED_H
#define SCRUTIN_REPORT_HTML_EMBED_H

#include <stdio.h>

/*
 * Write the contents of @p path as a data URI (`data:MIME;base64,...`, RFC 2397
 * and RFC 4648) to @p f. An <img> whose src is this URI needs no other file.
 * @return 0; 1 if @p path does not exist (nothing written); SCRUTIN_EIO
 */
int html_embed_data_uri(FILE *f, const char *path, const char *mime);

/* @p text with &, <, >, " and ' escaped for HTML text and attribute values. */
void html_escape(FILE *f, const char *text);

#endif
