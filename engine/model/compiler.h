/* State shared by the steps of compiling a scenario into a model. */
#ifndef SCRUTIN_COMPILER_H
#define SCRUTIN_COMPILER_H

#include "../scenario/scenario_types.h"
#include "id_index.h"
#include "model_types.h"

typedef struct compiler {
    const scrutin_scenario *s;
    scrutin_model *m;
    scrutin_ctx *ctx;
    int status;
    id_index parties, coalitions, regions, districts, lists;
    size_t *list_row; /* model list -> row of lists.csv */
} compiler;

/* Record a problem in the YAML file at the given path (keys and "#N" indices, NULL-terminated). */
#define YAML_ERROR(c, field, fmt, ...)                                                        \
    ((c)->status = scrutin_ctx_error((c)->ctx, SCRUTIN_EINPUT, (c)->s->path,                  \
                                     scn_yaml_line_path((c)->s, field), field, fmt, __VA_ARGS__))

int compile_lists(compiler *c);
int compile_court(compiler *c);
int compile_params(compiler *c);
int compile_derived(compiler *c);
void *compile_alloc(compiler *c, size_t n, size_t size);

#endif
