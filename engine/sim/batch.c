/* The plan of a simulation's batch of draws (batch.h), made once per workspace. */
#include "batch.h"

#include <math.h>
#include <stdlib.h>

#include "draws.h"
#include "scrutin/error.h"
#include "stream.h"

void sim_batch_free(sim_batch *b)
{
    free(b->c2);
    free(b->c3);
    for (int i = 0; i < 4; i++)
        free(b->words[i]);
    free(b->z);
    free(b->list);
    free(b->runoff);
    free(b->other);
    free(b->court_before);
    free(b->court_after);
    free(b->court_u);
    free(b->utility);
    free(b->utility_exp);
    free(b->runoff_x);
    free(b->runoff_exp);
}

/* Append the blocks of @p n normals of stream (@p component, @p district) at *@p j. */
static size_t add(sim_batch *b, size_t *j, uint32_t component, uint32_t district, size_t n)
{
    size_t at = 2 * *j;
    for (size_t k = 0; k < (n + 1) / 2; k++, (*j)++) {
        if (b->c2) {
            b->c2[*j] = component | district << 8;
            b->c3[*j] = (uint32_t)k;
        }
    }
    return at;
}

/* Lay the batch out; with b->c2 NULL only count its blocks. */
static void plan(sim_batch *b, const scrutin_model *m)
{
    size_t j = 0;
    b->party = add(b, &j, STREAM_PARTY, 0, m->n_parties);
    b->coalition = add(b, &j, STREAM_COALITION, 0, m->n_coalitions);
    b->region = add(b, &j, STREAM_REGION, 0, m->n_pairs);
    b->turnout = add(b, &j, STREAM_TURNOUT, 0, 1 + m->n_regions);
    for (size_t d = 0; d < m->n_districts; d++) {
        size_t n = m->district_first_list[d + 1] - m->district_first_list[d];
        size_t at = add(b, &j, STREAM_LIST, (uint32_t)d + 1, 1 + n);
        if (b->list)
            b->list[d] = at;
    }
    for (size_t d = 0; d < m->n_districts; d++) {
        size_t at = add(b, &j, STREAM_RUNOFF, (uint32_t)d + 1, b->runoff_normals);
        if (b->runoff)
            b->runoff[d] = at;
    }
    for (size_t d = 0; d < m->n_districts; d++) {
        if (!isfinite(m->other_log_baseline[d])) {
            if (b->other)
                b->other[d] = SIZE_MAX;
            continue;
        }
        size_t at = add(b, &j, STREAM_OTHER, (uint32_t)d + 1, 1);
        if (b->other)
            b->other[d] = at;
    }
    b->normal_blocks = j;
    if (m->params.court_enabled)
        for (size_t d = 0; d < m->n_districts; d++) {
            uint32_t c[2] = {STREAM_COURT_BEFORE, STREAM_COURT_AFTER};
            size_t *at[2] = {b->court_before, b->court_after};
            for (int k = 0; k < 2; k++, j++) {
                if (b->c2) {
                    b->c2[j] = c[k] | ((uint32_t)d + 1) << 8;
                    b->c3[j] = STREAM_SCALAR_FIRST;
                    at[k][d] = j;
                }
            }
        }
    b->court_blocks = j - b->normal_blocks;
}

int sim_batch_init(sim_batch *b, const scrutin_model *m)
{
    *b = (sim_batch){0};
    /* Round 2 draws 1 + 2 x its finalists' normals; the batch holds them for the most
       finalists any system asks for (more, after a tie, are drawn alone). */
    unsigned finalists = 2;
    for (size_t s = 0; s < m->n_systems; s++)
        finalists = m->systems[s].round2_lists > finalists ? m->systems[s].round2_lists : finalists;
    b->runoff_normals = 1 + 2 * (size_t)finalists;
    plan(b, m);
    size_t blocks = b->normal_blocks + b->court_blocks + 1, districts = m->n_districts + 1;
    b->c2 = calloc(blocks, sizeof *b->c2);
    b->c3 = calloc(blocks, sizeof *b->c3);
    for (int i = 0; i < 4; i++)
        b->words[i] = calloc(b->court_blocks + 1, sizeof *b->words[i]);
    b->z = calloc(2 * blocks, sizeof *b->z);
    b->list = calloc(districts, sizeof *b->list);
    b->runoff = calloc(districts, sizeof *b->runoff);
    b->other = calloc(districts, sizeof *b->other);
    b->court_before = calloc(districts, sizeof *b->court_before);
    b->court_after = calloc(districts, sizeof *b->court_after);
    b->court_u = calloc(b->court_blocks + 1, sizeof *b->court_u);
    b->utilities = draws_padded(m->n_lists + m->n_districts);
    b->utility = calloc(b->utilities + 1, sizeof *b->utility);
    b->utility_exp = calloc(b->utilities + 1, sizeof *b->utility_exp);
    b->runoff_exps = draws_padded((b->runoff_normals - 1) * m->n_districts);
    b->runoff_x = calloc(b->runoff_exps + 1, sizeof *b->runoff_x);
    b->runoff_exp = calloc(b->runoff_exps + 1, sizeof *b->runoff_exp);
    if (!b->court_u || !b->utility || !b->utility_exp || !b->runoff_x || !b->runoff_exp ||
        !b->c2 || !b->c3 || !b->words[0] || !b->words[1] || !b->words[2] || !b->words[3] ||
        !b->z || !b->list || !b->runoff || !b->other || !b->court_before || !b->court_after) {
        sim_batch_free(b);
        *b = (sim_batch){0};
        return SCRUTIN_ENOMEM;
    }
    plan(b, m);
    return SCRUTIN_OK;
}
