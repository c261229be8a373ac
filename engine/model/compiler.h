/* State shared by the steps of compiling a scenario into a model. */
#ifndef SCRUTIN_COMPILER_H
#define SCRUTIN_COMPILER_H

#include <stdbool.h>

#include "../scenario/scenario_types.h"
#include "id_index.h"
#include "model_types.h"

typedef struct compiler {
    const scrutin_scenario *s;
    scrutin_model *m;
    scrutin_ctx *ctx;
    int status;
    /* Out of memory at some point: sticky, so that a later problem's status does not hide it. */
    bool oom;
    id_index parties, coalitions, regions, districts, lists;
    size_t *list_row; /* model list -> row of lists.csv */
} compiler;

/*
 * Record a problem in the YAML file at the given path ("parties[3].coalition"). A what-if's
 * value may come from one of its bases: the file is the one the value came from.
 */
#define YAML_ERROR(c, field, fmt, ...)                                                        \
    ((c)->status = scrutin_ctx_error((c)->ctx, SCRUTIN_EINPUT, scn_yaml_file_path((c)->s, field), \
                                     scn_yaml_line_path((c)->s, field), field, fmt, __VA_ARGS__))

int compile_lists(compiler *c);
/* other_votes, other_votes_coalition and winner_r2 (compile_partial.c), after the lists. */
int compile_partial(compiler *c);
/* The coalition of other_votes' voters, once the parameters are known (compile_partial.c). */
void compile_partial_params(compiler *c);
int compile_court(compiler *c);
int compile_params(compiler *c);
void compile_systems(compiler *c);
int compile_derived(compiler *c);
/* The scenario's `changes`, applied in order to the compiled model (compile_changes.c). */
int compile_changes(compiler *c);
/* A what-if's base and its changes in words, for its report (compile_words.c). */
void compile_words(compiler *c);
/* The entities' names, after the changes (compile_names.c). */
void compile_names(compiler *c);
void *compile_alloc(compiler *c, size_t n, size_t size);

/*
 * The (region, party) pairs that regional shocks apply to (weight_pair, pair_party).
 * compile_pair_map(): the map region * n_parties + party -> pair, every entry -1 (no pair
 * yet), or NULL out of memory. compile_pair(): the pair of @p party in @p region, made
 * the next pair (*n_pairs, its party written into @p pair_party) if it has none, so that
 * a new pair draws after the others and the existing ones keep their draws.
 */
int32_t *compile_pair_map(compiler *c);
uint32_t compile_pair(int32_t *map, const scrutin_model *m, size_t region, uint32_t party,
                      uint32_t *pair_party, size_t *n_pairs);

#endif
