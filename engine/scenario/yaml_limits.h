/* Limits and strictness of a YAML file, checked around its loading (yaml_limits.c). */
#ifndef SCRUTIN_YAML_LIMITS_H
#define SCRUTIN_YAML_LIMITS_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "scrutin/error.h"

/* Documented in docs/scenario.md ("Limits"). */
#define SCN_YAML_MAX_DEPTH 64        /* levels of nesting (a scenario uses five) */
#define SCN_YAML_MAX_VALUES 200000   /* values, aliases expanded (a scenario has thousands) */
#define SCN_YAML_MAX_ANCHORS 1000
#define SCN_YAML_STR_(x) #x
#define SCN_YAML_STR(x) SCN_YAML_STR_(x)

/*
 * The event pre-pass over @p text (the file @p path): nesting depth, alias expansion, one
 * document. A syntax error is left to the loader. @return 0, SCRUTIN_EINPUT (reported), ENOMEM
 */
int scn_yaml_check_events(const char *path, const char *text, size_t len, scrutin_ctx *ctx);

/*
 * After loading @p doc from @p path: a key given twice in a mapping; for a what-if
 * (@p whatif), an id given twice in a sequence of entities. @return 0, SCRUTIN_EINPUT, ENOMEM
 */
int scn_yaml_check_twice(const char *path, yaml_document_t *doc, bool whatif, scrutin_ctx *ctx);

#endif
