/*
 * The six tables of a run (docs/cli.md, "Output files"). The columns of the
 * contract (docs/architecture.md) come first, in its order; the
 * standard errors added since come after them, so that scripts that read
 * columns by position keep working.
 */
#include "run_tables.h"

#include <stdlib.h>
#include <string.h>

#include "scrutin/error.h"

#define COLUMNS(array) array, sizeof array / sizeof array[0]
#define ROW(sink, cells) (sink)->row((sink)->self, cells, sizeof cells / sizeof cells[0])

static const scrutin_entity group_entity[SCRUTIN_GROUP_KINDS] = {SCRUTIN_ENTITY_PARTY,
                                                                 SCRUTIN_ENTITY_COALITION};

/* seats_distribution: every seat total with a non-zero count. */
static const char *const distribution_columns[] = {"stage", "group_kind", "group",
                                                   "seats", "count",      "probability"};

static int distribution_rows(const run_data *d, const row_sink *sink)
{
    double n = (double)scrutin_tally_simulations(d->tally);
    unsigned seats = scrutin_tally_seats(d->tally);
    for (int st = 0; st < SCRUTIN_STAGES; st++)
        for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++)
            for (size_t g = 0; g < d->summary->n_groups[k]; g++) {
                const int64_t *hist = scrutin_tally_seat_histogram(
                    d->tally, (scrutin_stage)st, (scrutin_group_kind)k, g);
                for (unsigned s = 0; s <= seats; s++) {
                    if (hist[s] == 0)
                        continue;
                    cell row[] = {cell_text(scrutin_stage_name((scrutin_stage)st)),
                                  cell_text(scrutin_group_kind_name((scrutin_group_kind)k)),
                                  cell_text(scrutin_model_id(d->model, group_entity[k], g)),
                                  cell_int(s),
                                  cell_int(hist[s]),
                                  cell_real((double)hist[s] / n)};
                    int status = ROW(sink, row);
                    if (status != SCRUTIN_OK)
                        return status;
                }
            }
    return SCRUTIN_OK;
}

/* seats_summary: one row per stage and group; the court's effect on the final rows. */
static const char *const summary_columns[] = {
    "stage", "group_kind", "group", "mean", "sd", "p05", "p25", "p50", "p75", "p95",
    "p_majority", "p_majority_se", "p_supermajority", "p_largest",
    /* added to the contract: */
    "mean_se", "p_supermajority_se", "p_largest_se", "court_shift_mean", "court_shift_se",
    "p_majority_changed", "p_majority_changed_se"};

static int summary_rows(const run_data *d, const row_sink *sink)
{
    const scrutin_summary *s = d->summary;
    for (int st = 0; st < SCRUTIN_STAGES; st++)
        for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++)
            for (size_t g = 0; g < s->n_groups[k]; g++) {
                const scrutin_group_summary *gs = &s->groups[st][k][g];
                const scrutin_court_summary *c = &s->court[k][g];
                /* The court acts between the stages: its effect belongs to the final rows. */
                int final = st == SCRUTIN_STAGE_FINAL;
                cell row[] = {cell_text(scrutin_stage_name((scrutin_stage)st)),
                              cell_text(scrutin_group_kind_name((scrutin_group_kind)k)),
                              cell_text(scrutin_model_id(d->model, group_entity[k], g)),
                              cell_real(gs->mean),
                              cell_real(gs->sd),
                              cell_int(gs->p05),
                              cell_int(gs->p25),
                              cell_int(gs->p50),
                              cell_int(gs->p75),
                              cell_int(gs->p95),
                              cell_real(gs->majority.p),
                              cell_real(gs->majority.se),
                              cell_real(gs->supermajority.p),
                              cell_real(gs->largest.p),
                              cell_real(gs->mean_se),
                              cell_real(gs->supermajority.se),
                              cell_real(gs->largest.se),
                              final ? cell_real(c->shift_mean) : cell_empty(),
                              final ? cell_real(c->shift_se) : cell_empty(),
                              final ? cell_real(c->majority_changed.p) : cell_empty(),
                              final ? cell_real(c->majority_changed.se) : cell_empty()};
                int status = ROW(sink, row);
                if (status != SCRUTIN_OK)
                    return status;
            }
    return SCRUTIN_OK;
}

/* districts: how each district was decided. */
static const char *const district_columns[] = {
    "district", "region", "seats", "p_decided_round1", "p_court_flip", "p_tie",
    /* added to the contract: */
    "p_decided_round1_se", "p_court_flip_se", "p_tie_se", "p_rerun", "p_rerun_se"};

static int district_rows(const run_data *d, const row_sink *sink)
{
    for (size_t i = 0; i < d->summary->n_districts; i++) {
        const scrutin_district_summary *ds = &d->summary->districts[i];
        size_t region = scrutin_model_district_region(d->model, i);
        cell row[] = {cell_text(scrutin_model_id(d->model, SCRUTIN_ENTITY_DISTRICT, i)),
                      cell_text(scrutin_model_id(d->model, SCRUTIN_ENTITY_REGION, region)),
                      cell_int(scrutin_model_district_seats(d->model, i)),
                      cell_real(ds->round1.p),
                      cell_real(ds->court_flip.p),
                      cell_real(ds->tie.p),
                      cell_real(ds->round1.se),
                      cell_real(ds->court_flip.se),
                      cell_real(ds->tie.se),
                      cell_real(ds->rerun.p),
                      cell_real(ds->rerun.se)};
        int status = ROW(sink, row);
        if (status != SCRUTIN_OK)
            return status;
    }
    return SCRUTIN_OK;
}

/* district_lists: what became of each list. */
static const char *const list_columns[] = {
    "district", "list", "p_round2", "p_win_provisional", "p_win_final",
    /* added to the contract: */
    "p_rejected", "p_round2_se", "p_win_provisional_se", "p_win_final_se", "p_rejected_se",
    "parties", "coalition"};

int report_list_parties(const scrutin_model *m, size_t list, char *buf, size_t size)
{
    size_t n = scrutin_model_list_parties(m, list, NULL, 0), used = 0;
    size_t *parties = malloc((n ? n : 1) * sizeof *parties);
    if (!parties)
        return SCRUTIN_ENOMEM;
    scrutin_model_list_parties(m, list, parties, n);
    int status = SCRUTIN_OK;
    if (size)
        buf[0] = 0;
    for (size_t k = 0; k < n && status == SCRUTIN_OK; k++) {
        const char *id = scrutin_model_id(m, SCRUTIN_ENTITY_PARTY, parties[k]);
        int w = snprintf(buf + used, size - used, "%s%s", k ? ";" : "", id);
        if (w < 0 || (size_t)w >= size - used)
            status = SCRUTIN_EINTERNAL; /* the buffer is sized by report_list_parties_size() */
        else
            used += (size_t)w;
    }
    free(parties);
    return status;
}

size_t report_list_parties_size(const scrutin_model *m)
{
    size_t longest = 0;
    for (size_t p = 0; p < scrutin_model_count(m, SCRUTIN_ENTITY_PARTY); p++) {
        size_t len = strlen(scrutin_model_id(m, SCRUTIN_ENTITY_PARTY, p));
        longest = len > longest ? len : longest;
    }
    size_t most = 0;
    for (size_t l = 0; l < scrutin_model_count(m, SCRUTIN_ENTITY_LIST); l++) {
        size_t n = scrutin_model_list_parties(m, l, NULL, 0);
        most = n > most ? n : most;
    }
    return most * (longest + 1) + 1;
}

static int list_rows(const run_data *d, const row_sink *sink)
{
    size_t size = report_list_parties_size(d->model);
    char *parties = malloc(size);
    if (!parties)
        return SCRUTIN_ENOMEM;
    int status = SCRUTIN_OK;
    for (size_t i = 0; i < d->summary->n_lists && status == SCRUTIN_OK; i++) {
        const scrutin_list_summary *ls = &d->summary->lists[i];
        size_t district = scrutin_model_list_district(d->model, i);
        status = report_list_parties(d->model, i, parties, size);
        if (status != SCRUTIN_OK)
            break;
        cell row[] = {cell_text(scrutin_model_id(d->model, SCRUTIN_ENTITY_DISTRICT, district)),
                      cell_text(scrutin_model_id(d->model, SCRUTIN_ENTITY_LIST, i)),
                      cell_real(ls->round2.p),
                      cell_real(ls->win[SCRUTIN_STAGE_PROVISIONAL].p),
                      cell_real(ls->win[SCRUTIN_STAGE_FINAL].p),
                      cell_real(ls->rejected.p),
                      cell_real(ls->round2.se),
                      cell_real(ls->win[SCRUTIN_STAGE_PROVISIONAL].se),
                      cell_real(ls->win[SCRUTIN_STAGE_FINAL].se),
                      cell_real(ls->rejected.se),
                      cell_text(parties),
                      cell_text(scrutin_model_id(d->model, SCRUTIN_ENTITY_COALITION,
                                                 scrutin_model_list_coalition(d->model, i)))};
        status = ROW(sink, row);
    }
    free(parties);
    return status;
}

/*
 * district_leverage: which districts decide each group's majority. One row per
 * district and group that held some of the district's final seats in at
 * least one simulation.
 */
static const char *const leverage_columns[] = {
    "district", "group_kind", "group", "p_seat", "p_majority_if_seat", "p_majority_if_no_seat",
    "leverage", "p_seat_se", "p_majority_if_seat_se", "p_majority_if_no_seat_se", "leverage_se"};

static int leverage_rows(const run_data *d, const row_sink *sink)
{
    const scrutin_summary *s = d->summary;
    for (size_t i = 0; i < s->n_districts; i++)
        for (int k = 0; k < SCRUTIN_GROUP_KINDS; k++)
            for (size_t g = 0; g < s->n_groups[k]; g++) {
                const scrutin_district_group_summary *x =
                    &s->district_groups[k][i * s->n_groups[k] + g];
                if (x->held == 0)
                    continue;
                cell row[] = {cell_text(scrutin_model_id(d->model, SCRUTIN_ENTITY_DISTRICT, i)),
                              cell_text(scrutin_group_kind_name((scrutin_group_kind)k)),
                              cell_text(scrutin_model_id(d->model, group_entity[k], g)),
                              cell_real(x->seat.p),
                              cell_real(x->majority_if_seat.p),
                              cell_real(x->majority_if_no_seat.p),
                              cell_real(x->leverage.p),
                              cell_real(x->seat.se),
                              cell_real(x->majority_if_seat.se),
                              cell_real(x->majority_if_no_seat.se),
                              cell_real(x->leverage.se)};
                int status = ROW(sink, row);
                if (status != SCRUTIN_OK)
                    return status;
            }
    return SCRUTIN_OK;
}

/* district_runoffs: who meets whom in round 2, and who wins it. */
static const char *const runoff_columns[] = {"district",   "list_a",           "list_b",
                                             "p_meet",     "p_a_wins_if_meet", "p_meet_se",
                                             "p_a_wins_if_meet_se"};

static int runoff_rows(const run_data *d, const row_sink *sink)
{
    const scrutin_summary *s = d->summary;
    for (size_t i = 0; i < s->n_runoffs; i++) {
        const scrutin_runoff_summary *r = &s->runoffs[i];
        size_t district = scrutin_model_list_district(d->model, r->list_a);
        cell row[] = {cell_text(scrutin_model_id(d->model, SCRUTIN_ENTITY_DISTRICT, district)),
                      cell_text(scrutin_model_id(d->model, SCRUTIN_ENTITY_LIST, r->list_a)),
                      cell_text(scrutin_model_id(d->model, SCRUTIN_ENTITY_LIST, r->list_b)),
                      cell_real(r->meet.p),
                      cell_real(r->a_wins_if_meet.p),
                      cell_real(r->meet.se),
                      cell_real(r->a_wins_if_meet.se)};
        int status = ROW(sink, row);
        if (status != SCRUTIN_OK)
            return status;
    }
    return SCRUTIN_OK;
}

const run_table report_run_tables[REPORT_RUN_TABLES] = {
    {"seats_distribution", COLUMNS(distribution_columns), distribution_rows},
    {"seats_summary", COLUMNS(summary_columns), summary_rows},
    {"districts", COLUMNS(district_columns), district_rows},
    {"district_lists", COLUMNS(list_columns), list_rows},
    {"district_leverage", COLUMNS(leverage_columns), leverage_rows},
    {"district_runoffs", COLUMNS(runoff_columns), runoff_rows},
};

/* A sink that puts the system's id in front of every row it passes on. */
typedef struct system_sink {
    const row_sink *inner;
    const char *system;
} system_sink;

static int system_row(void *self, const cell *cells, size_t n)
{
    const system_sink *s = self;
    cell row[64];
    if (n + 1 > sizeof row / sizeof row[0])
        return SCRUTIN_EINTERNAL;
    row[0] = cell_text(s->system);
    for (size_t i = 0; i < n; i++)
        row[i + 1] = cells[i];
    return s->inner->row(s->inner->self, row, n + 1);
}

int table_rows(const run_table *table, const run_data *data, const row_sink *sink)
{
    if (!table_has_system(data))
        return table->rows(data, sink);
    int status = SCRUTIN_OK;
    for (size_t k = 0; k < data->n_systems && status == SCRUTIN_OK; k++) {
        system_sink s = {sink, data->systems[k].system_id};
        row_sink prefixed = {system_row, &s};
        status = table->rows(&data->systems[k], &prefixed);
    }
    return status;
}

int run_systems_make(run_systems *rs, const scrutin_model *model, const scrutin_tally *tally,
                     const scrutin_summary *summary, const char *caller, scrutin_ctx *ctx)
{
    memset(rs, 0, sizeof *rs);
    rs->data = (run_data){model, tally, summary, NULL, 0, NULL};
    size_t n = tally ? scrutin_tally_systems(tally) : 1;
    if (n <= 1)
        return SCRUTIN_OK;
    if (n > REPORT_MAX_SYSTEMS)
        return scrutin_ctx_error(ctx, SCRUTIN_EINVAL, NULL, 0, NULL, "%s: %zu systems, at most %d",
                                 caller, n, REPORT_MAX_SYSTEMS);
    /* The first system is @p summary's; the others are summarised from their views. */
    for (size_t k = 0; k < n; k++) {
        const scrutin_tally *view = scrutin_tally_system(tally, k);
        if (k > 0) {
            int status = scrutin_summary_compute(&rs->own[k], model, view, ctx);
            if (status != SCRUTIN_OK) {
                run_systems_free(rs);
                return status;
            }
        }
        rs->systems[k] = (run_data){model, view, k ? rs->own[k] : summary, NULL, 0,
                                    scrutin_model_system_id(model, k)};
    }
    rs->data.systems = rs->systems;
    rs->data.n_systems = n;
    return SCRUTIN_OK;
}

void run_systems_free(run_systems *rs)
{
    for (size_t k = 0; k < REPORT_MAX_SYSTEMS; k++) {
        scrutin_summary_free(rs->own[k]);
        rs->own[k] = NULL;
    }
}
