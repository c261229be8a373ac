/*
 * What-ifs (docs/whatifs.md): a file inherits a base and overrides it, its
 * changes alter exactly what they name, comparisons run in pairs with common
 * random numbers, and sweeps step through values. The scenarios are in
 * tests/data/whatif/, over the small teaching scenario of tests/data/small/.
 */
#include "test_support.h"

#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "model/model_types.h"
#include "sim/paired.h"
#include "tally/tally_types.h"
#include "scrutin.h"

#define SMALL SOURCE_PATH("tests/data/small/scenario.yaml")
#define WHATIF(name) SOURCE_PATH("tests/data/whatif/" name)

static scrutin_ctx *ctx;

static int setup(void **state)
{
    (void)state;
    return scrutin_ctx_new(&ctx);
}

static int teardown(void **state)
{
    (void)state;
    scrutin_ctx_free(ctx);
    return 0;
}

/* Print the diagnostics, for a failing test to say why. */
static void show_diagnostics(void)
{
    char buf[1024];
    for (size_t i = 0; i < scrutin_ctx_count(ctx); i++) {
        scrutin_ctx_format(ctx, i, buf, sizeof buf);
        print_message("  %s\n", buf);
    }
}

static scrutin_model *load(const char *path)
{
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    scrutin_ctx_clear(ctx);
    int status = scrutin_scenario_load(&s, path, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_model_compile(&m, s, ctx);
    if (status != SCRUTIN_OK)
        show_diagnostics();
    assert_int_equal(status, SCRUTIN_OK);
    scrutin_scenario_free(s);
    return m;
}

/* The first diagnostic of loading (and compiling) @p path, which must fail with @p want. */
static const scrutin_diag *load_fails(const char *path, int want)
{
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    scrutin_ctx_clear(ctx);
    int status = scrutin_scenario_load(&s, path, ctx);
    if (status == SCRUTIN_OK)
        status = scrutin_model_compile(&m, s, ctx);
    assert_int_equal(status, want);
    assert_null(m);
    scrutin_scenario_free(s);
    assert_true(scrutin_ctx_count(ctx) >= 1);
    return scrutin_ctx_get(ctx, 0);
}

/* ------------------------------------------------------------------------ */
/* Comparing two compiled models field by field                               */

typedef struct diff {
    char names[1024];
} diff;

static void differ(diff *d, const char *name)
{
    size_t used = strlen(d->names);
    snprintf(d->names + used, sizeof d->names - used, "%s%s", used ? "," : "", name);
}

/* Arrays compared bitwise, so that NaN equals the same NaN. */
#define SAME_ARRAY(d, a, b, field, n)                                                          \
    do {                                                                                       \
        if (memcmp((a)->field, (b)->field, (n) * sizeof *(a)->field) != 0)                     \
            differ(d, #field);                                                                 \
    } while (0)
#define SAME_VALUE(d, a, b, field)                                                             \
    do {                                                                                       \
        if (memcmp(&(a)->field, &(b)->field, sizeof (a)->field) != 0)                          \
            differ(d, #field);                                                                 \
    } while (0)

static void diff_ids(diff *d, char **a, char **b, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(a[i], b[i]) != 0) {
            differ(d, name);
            return;
        }
}

/* The names of the fields in which @p a and @p b differ, "," between them; "" if none. */
static const char *model_diff(diff *d, const scrutin_model *a, const scrutin_model *b)
{
    d->names[0] = '\0';
    if (strcmp(a->name, b->name) != 0)
        differ(d, "name");
    SAME_VALUE(d, a, b, seats);
    SAME_VALUE(d, a, b, majority);
    SAME_VALUE(d, a, b, supermajority);
    SAME_VALUE(d, a, b, rules.system);
    SAME_VALUE(d, a, b, rules.round1_majority);
    SAME_VALUE(d, a, b, rules.round2_lists);
    SAME_VALUE(d, a, b, rules.round2_registered);
    SAME_VALUE(d, a, b, rules.threshold);
    SAME_VALUE(d, a, b, rules.winner_share);
    size_t counts_a[] = {a->n_parties, a->n_coalitions, a->n_regions, a->n_districts, a->n_lists};
    size_t counts_b[] = {b->n_parties, b->n_coalitions, b->n_regions, b->n_districts, b->n_lists};
    if (memcmp(counts_a, counts_b, sizeof counts_a) != 0) {
        differ(d, "counts");
        return d->names;
    }
    diff_ids(d, a->party_id, b->party_id, a->n_parties, "party_id");
    diff_ids(d, a->coalition_id, b->coalition_id, a->n_coalitions, "coalition_id");
    diff_ids(d, a->region_id, b->region_id, a->n_regions, "region_id");
    diff_ids(d, a->district_id, b->district_id, a->n_districts, "district_id");
    diff_ids(d, a->list_id, b->list_id, a->n_lists, "list_id");
    SAME_ARRAY(d, a, b, party_coalition, a->n_parties);
    SAME_VALUE(d, a, b, independent_party);
    SAME_ARRAY(d, a, b, district_region, a->n_districts);
    SAME_ARRAY(d, a, b, district_seats, a->n_districts);
    SAME_ARRAY(d, a, b, district_first_list, a->n_districts + 1);
    SAME_ARRAY(d, a, b, registered, a->n_districts);
    SAME_ARRAY(d, a, b, voters, a->n_districts);
    SAME_ARRAY(d, a, b, invalid, a->n_districts);
    SAME_ARRAY(d, a, b, voters_r2, a->n_districts);
    SAME_ARRAY(d, a, b, invalid_r2, a->n_districts);
    SAME_ARRAY(d, a, b, list_district, a->n_lists);
    SAME_ARRAY(d, a, b, list_kind, a->n_lists);
    SAME_ARRAY(d, a, b, list_rejected, a->n_lists);
    SAME_ARRAY(d, a, b, list_out, a->n_lists);
    SAME_ARRAY(d, a, b, votes_r1, a->n_lists);
    SAME_ARRAY(d, a, b, votes_r2, a->n_lists);
    SAME_ARRAY(d, a, b, list_first_candidate, a->n_lists + 1);
    SAME_ARRAY(d, a, b, candidate_party, a->list_first_candidate[a->n_lists]);
    SAME_ARRAY(d, a, b, list_first_weight, a->n_lists + 1);
    size_t weights = a->list_first_weight[a->n_lists];
    if (weights == b->list_first_weight[b->n_lists]) {
        SAME_ARRAY(d, a, b, weight_party, weights);
        SAME_ARRAY(d, a, b, weight_value, weights);
        SAME_ARRAY(d, a, b, weight_pair, weights);
    }
    SAME_VALUE(d, a, b, n_annulments);
    SAME_ARRAY(d, a, b, annulments, a->n_annulments);
    const model_params *p = &a->params, *q = &b->params;
    SAME_VALUE(d, p, q, sd_party);
    SAME_VALUE(d, p, q, sd_coalition);
    SAME_VALUE(d, p, q, sd_region);
    SAME_VALUE(d, p, q, sd_list);
    SAME_VALUE(d, p, q, sd_independent);
    SAME_VALUE(d, p, q, tails_df);
    SAME_VALUE(d, p, q, sd_turnout_national);
    SAME_VALUE(d, p, q, sd_turnout_region);
    SAME_VALUE(d, p, q, sd_turnout_district);
    SAME_ARRAY(d, p, q, retention, a->n_regions);
    SAME_ARRAY(d, p, q, abstention_logit, a->n_coalitions);
    SAME_VALUE(d, p, q, sd_abstention);
    SAME_ARRAY(d, p, q, affinity, a->n_coalitions * a->n_coalitions);
    SAME_VALUE(d, p, q, sd_affinity);
    SAME_VALUE(d, p, q, sd_mobilisation);
    SAME_VALUE(d, p, q, court_enabled);
    SAME_VALUE(d, p, q, reject);
    SAME_VALUE(d, p, q, annul_base);
    SAME_VALUE(d, p, q, annul_scale);
    SAME_VALUE(d, p, q, strike_a);
    SAME_VALUE(d, p, q, strike_b);
    SAME_VALUE(d, p, q, rerun);
    SAME_ARRAY(d, a, b, log_baseline, a->n_lists);
    SAME_ARRAY(d, a, b, list_coalition, a->n_lists);
    SAME_VALUE(d, a, b, n_pairs);
    if (a->n_pairs == b->n_pairs)
        SAME_ARRAY(d, a, b, pair_party, a->n_pairs);
    SAME_ARRAY(d, a, b, turnout_logit, a->n_districts);
    SAME_ARRAY(d, a, b, invalid_share, a->n_districts);
    SAME_VALUE(d, a, b, max_lists);
    return d->names;
}

/* The model index of list @p list of district @p district. */
static size_t list_index(const scrutin_model *m, const char *district, const char *list)
{
    for (size_t l = 0; l < m->n_lists; l++)
        if (strcmp(m->district_id[m->list_district[l]], district) == 0 &&
            strcmp(m->list_id[l], list) == 0)
            return l;
    fail_msg("no list %s in district %s", list, district);
    return 0;
}

/* Baseline shares of the lists of district @p d (exp of log_baseline, normalised). */
static void district_shares(const scrutin_model *m, size_t d, double *share)
{
    double total = 0.0;
    for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
        total += share[l] = exp(m->log_baseline[l]);
    for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
        share[l] /= total;
}

/* ------------------------------------------------------------------------ */
/* Inheritance                                                                */

static void test_override_changes_exactly_what_it_names(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("override.yaml"));
    diff d;
    /* The name: a what-if without one is named after its file. */
    assert_string_equal(model_diff(&d, base, whatif), "name,sd_list");
    assert_string_equal(whatif->name, "override");
    assert_close(whatif->params.sd_list, 0.4, 0.0);
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

static void test_party_moved_to_another_coalition_by_id(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("move-party.yaml"));
    diff d;
    /* B changes coalition, and so do the lists most of whose candidates are B's (D3's B). */
    assert_string_equal(model_diff(&d, base, whatif), "name,party_coalition,list_coalition");
    assert_int_equal(whatif->n_parties, 4);
    assert_string_equal(whatif->party_id[1], "B");
    assert_string_equal(whatif->coalition_id[whatif->party_coalition[1]], "RIGHT");
    assert_string_equal(whatif->coalition_id[whatif->party_coalition[0]], "LEFT");
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

static void test_chain_of_three_bases_resolves(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *m = load(WHATIF("chain-3.yaml"));
    diff d;
    assert_string_equal(model_diff(&d, base, m), "name,majority,rules.round2_lists,sd_list");
    assert_string_equal(m->name, "chain-three");
    assert_close(m->params.sd_list, 0.3, 0.0);      /* from chain-1 */
    assert_int_equal(m->rules.round2_lists, 3);     /* from chain-2 */
    assert_int_equal(m->majority, 5);               /* its own */
    scrutin_model_free(m);
    /* A link of the chain without a name of its own is named after its file. */
    m = load(WHATIF("chain-2.yaml"));
    assert_string_equal(m->name, "chain-2");
    scrutin_model_free(m);
    scrutin_model_free(base);
}

static void test_changes_of_a_chain_apply_base_first(void **state)
{
    (void)state;
    scrutin_model *chain = load(WHATIF("shift-withdraw.yaml"));
    scrutin_model *flat = load(WHATIF("both-changes.yaml"));
    diff d;
    assert_string_equal(model_diff(&d, chain, flat), "name");
    scrutin_model_free(flat);
    scrutin_model_free(chain);
}

static void test_cycle_of_bases_is_reported_naming_the_files(void **state)
{
    (void)state;
    const scrutin_diag *e = load_fails(WHATIF("cycle-a.yaml"), SCRUTIN_EINPUT);
    assert_non_null(strstr(e->file, "cycle-b.yaml"));
    assert_int_equal(e->line, 1);
    assert_string_equal(e->field, "base");
    assert_non_null(strstr(e->message, "cycle"));
    assert_non_null(strstr(e->message, "cycle-a.yaml -> "));
    assert_non_null(strstr(e->message, "cycle-b.yaml -> "));
}

static void test_missing_base_is_reported_at_its_line(void **state)
{
    (void)state;
    const scrutin_diag *e = load_fails(WHATIF("missing-base.yaml"), SCRUTIN_ENOENT);
    assert_non_null(strstr(e->file, "missing-base.yaml"));
    assert_int_equal(e->line, 2);
    assert_non_null(strstr(e->message, "no-such-scenario.yaml"));
}

static void test_errors_name_the_whatif_file_and_line(void **state)
{
    (void)state;
    /* libcyaml's error, read from the merged document, mapped back to the what-if file. */
    const scrutin_diag *e = load_fails(WHATIF("bad-key.yaml"), SCRUTIN_EINPUT);
    assert_non_null(strstr(e->file, "bad-key.yaml"));
    assert_int_equal(e->line, 4);
    assert_non_null(strstr(e->message, "sd_lst"));
    /* The compiler's, at the value's own file and line. */
    e = load_fails(WHATIF("bad-value.yaml"), SCRUTIN_EINPUT);
    assert_non_null(strstr(e->file, "bad-value.yaml"));
    assert_int_equal(e->line, 5);
    assert_string_equal(e->field, "model.sd_list");
}

static void test_settings_set_values_by_path(void **state)
{
    (void)state;
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    /* The small scenario has no model section: the keys on the way are created. */
    const scrutin_scenario_setting set[] = {{"model.runoff.retention", "0.5"},
                                            {"rules.round2_lists", "3"}};
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_scenario_load_with(&s, SMALL, set, 2, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_model_compile(&m, s, ctx), SCRUTIN_OK);
    assert_close(m->params.retention[0], 0.5, 0.0);
    assert_int_equal(m->rules.round2_lists, 3);
    assert_string_equal(m->name, "small"); /* a setting is not a what-if file */
    scrutin_model_free(m);
    scrutin_scenario_free(s);
    /* A path through a value that is not a mapping. */
    const scrutin_scenario_setting bad = {"seats.x", "1"};
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_scenario_load_with(&s, SMALL, &bad, 1, ctx), SCRUTIN_EINPUT);
    assert_null(s);
    assert_string_equal(scrutin_ctx_get(ctx, 0)->file, "seats.x=1");
    /* A bad value is reported as coming from the setting. */
    const scrutin_scenario_setting negative = {"model.sd_list", "-1"};
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_scenario_load_with(&s, SMALL, &negative, 1, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_model_compile(&m, s, ctx), SCRUTIN_EINPUT);
    assert_string_equal(scrutin_ctx_get(ctx, 0)->file, "model.sd_list=-1");
    assert_int_equal(scrutin_ctx_get(ctx, 0)->line, 0);
    scrutin_scenario_free(s);
}

/* ------------------------------------------------------------------------ */
/* Changes                                                                    */

/* Party C's baseline share in district @p d. */
static double c_share(const scrutin_model *m, size_t d)
{
    double share[16];
    district_shares(m, d, share);
    for (size_t l = m->district_first_list[d]; l < m->district_first_list[d + 1]; l++)
        if (strcmp(m->list_id[l], "C") == 0)
            return share[l];
    return 0.0;
}

static void test_shift_in_points_moves_the_party_share_by_that_much(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("shift.yaml"));
    diff d;
    assert_string_equal(model_diff(&d, base, whatif), "name,log_baseline");
    double before[16], after[16];
    for (size_t dist = 0; dist < base->n_districts; dist++) {
        district_shares(base, dist, before);
        district_shares(whatif, dist, after);
        int north = strcmp(base->region_id[base->district_region[dist]], "North") == 0;
        for (size_t l = base->district_first_list[dist]; l < base->district_first_list[dist + 1];
             l++) {
            if (!isfinite(base->log_baseline[l]))
                continue;
            int is_c = strcmp(base->list_id[l], "C") == 0;
            if (!north) /* South is not touched, to the bit */
                assert_memory_equal(&base->log_baseline[l], &whatif->log_baseline[l],
                                    sizeof(double));
            else if (is_c) /* C's lists are C's alone: their share falls by 5 points */
                assert_close(after[l], before[l] - 0.05, 1e-12);
            else /* the others share the 5 points in proportion to their size */
                assert_close(after[l], before[l] * (1.0 - (c_share(base, dist) - 0.05)) /
                                           (1.0 - c_share(base, dist)),
                             1e-12);
        }
    }
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

static void test_turnout_points_raise_turnout_by_that_much(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("turnout.yaml"));
    diff d;
    assert_string_equal(model_diff(&d, base, whatif), "name,turnout_logit");
    for (size_t dist = 0; dist < base->n_districts; dist++) {
        double t0 = 1.0 / (1.0 + exp(-base->turnout_logit[dist]));
        double t1 = 1.0 / (1.0 + exp(-whatif->turnout_logit[dist]));
        double want = strcmp(base->district_id[dist], "D3") == 0 ? t0 + 0.1 : t0;
        assert_close(t1, want, 1e-12);
    }
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

static void test_merge_of_lists_sums_their_baselines(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("merge.yaml"));
    size_t a = list_index(base, "D2", "A"), c = list_index(base, "D2", "C");
    size_t d2 = base->list_district[a];
    double before[16], after[16];
    district_shares(base, d2, before);
    district_shares(whatif, d2, after);
    /* The joint list takes A's place, its baseline the sum of A's and C's. */
    assert_string_equal(whatif->list_id[a], "A-C");
    assert_close(exp(whatif->log_baseline[a]), exp(base->log_baseline[a]) + exp(base->log_baseline[c]),
                 1e-12);
    assert_close(after[a], before[a] + before[c], 1e-12);
    assert_close(whatif->votes_r1[a], 1800.0 + 1500.0, 0.0);
    /* C's list no longer runs; it keeps its place so that every list keeps its shocks. */
    assert_int_equal(whatif->list_rejected[c], 1);
    assert_true(whatif->log_baseline[c] == -INFINITY);
    /* Kept as merged, not as the court's, with the ids the two lists had. */
    assert_int_equal(whatif->list_out[c], LIST_OUT_MERGED);
    assert_int_equal(whatif->list_out[a], LIST_RUNS);
    assert_int_equal(whatif->n_merges, 1);
    assert_string_equal(whatif->merges[0].into, "A-C");
    assert_int_equal(whatif->merges[0].n_from, 2);
    assert_string_equal(whatif->merges[0].from[0], "A");
    assert_string_equal(whatif->merges[0].from[1], "C");
    assert_int_equal(whatif->list_out[list_index(base, "D3", "ind-d3")], LIST_OUT_COURT);
    assert_int_equal(whatif->n_lists, base->n_lists);
    /* Two seats by largest remainder of 1800 and 1500 votes: one each, A first. */
    const uint32_t *cand = whatif->candidate_party + whatif->list_first_candidate[a];
    assert_string_equal(whatif->party_id[cand[0]], "A");
    assert_string_equal(whatif->party_id[cand[1]], "C");
    assert_int_equal(whatif->list_kind[a], LIST_JOINT);
    /* Nothing else moved: the other districts' lists are as they were. */
    for (size_t l = 0; l < base->n_lists; l++)
        if (base->list_district[l] != d2)
            assert_memory_equal(&base->log_baseline[l], &whatif->log_baseline[l], sizeof(double));
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

static void test_withdrawn_list_sends_its_voters_by_affinity(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("withdraw.yaml"));
    diff d;
    assert_string_equal(model_diff(&d, base, whatif),
                        "name,list_rejected,list_out,log_baseline,turnout_logit");
    size_t ind = list_index(base, "D2", "ind"), a = list_index(base, "D2", "A");
    size_t c = list_index(base, "D2", "C"), d2 = base->list_district[ind];
    assert_int_equal(whatif->list_rejected[ind], 1);
    assert_int_equal(whatif->list_out[ind], LIST_OUT_WITHDRAWN);
    double before[16], after[16];
    district_shares(base, d2, before);
    district_shares(whatif, d2, after);
    /* Independents have no affinity for either bloc over the other (0.3 each by default), so
       the voters who still vote split in proportion to size; 15% (the default) stay home. */
    double kept = 0.85 * before[ind];
    double remaining = 1.0 - before[ind] + kept;
    assert_close(after[a], (before[a] + kept * before[a] / (before[a] + before[c])) / remaining,
                 1e-12);
    assert_close(after[a] + after[c], 1.0, 1e-12);
    double t0 = 1.0 / (1.0 + exp(-base->turnout_logit[d2]));
    double t1 = 1.0 / (1.0 + exp(-whatif->turnout_logit[d2]));
    assert_close(t1, t0 * remaining, 1e-12);
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

/* ------------------------------------------------------------------------ */
/* Comparing and sweeping                                                     */

static scrutin_compare *compare(const scrutin_model *base, const scrutin_model *whatif,
                                uint64_t n, int threads)
{
    const scrutin_model *models[] = {base, whatif};
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.seed = 11;
    o.count = n;
    o.threads = threads;
    scrutin_compare *c = NULL;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_compare_run(&c, models, 2, &o, ctx), SCRUTIN_OK);
    assert_int_equal(c->simulations, n);
    return c;
}

static void test_compare_of_a_scenario_with_itself_is_exactly_zero(void **state)
{
    (void)state;
    scrutin_model *a = load(SMALL), *b = load(SMALL);
    scrutin_compare *c = compare(a, b, 3000, 2);
    assert_int_equal(c->n_rows, 2 * (4 + 3)); /* two stages, four parties, three coalitions */
    for (size_t r = 0; r < c->n_rows; r++) {
        const scrutin_compare_row *x = &c->rows[r];
        assert_true(x->in_base && x->in_whatif);
        assert_true(x->mean_diff == 0.0 && x->mean_diff_se == 0.0);
        assert_true(x->p_majority_diff == 0.0 && x->p_majority_diff_se == 0.0);
        for (int q = 0; q < SCRUTIN_COMPARE_QUANTILES; q++)
            assert_int_equal(x->q_diff[q], 0);
        assert_true(x->mean_base == x->mean_whatif);
    }
    scrutin_compare_free(c);
    scrutin_model_free(b);
    scrutin_model_free(a);
}

static void test_compare_base_tally_is_that_of_a_plain_run(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("merge.yaml"));
    scrutin_compare *c = compare(base, whatif, 2000, 2);
    scrutin_tally *t = NULL;
    assert_int_equal(scrutin_tally_new(&t, base), SCRUTIN_OK);
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.seed = 11;
    o.count = 2000;
    assert_int_equal(scrutin_sim_run(t, base, &o, ctx), SCRUTIN_OK);
    assert_true(scrutin_tally_equal(t, c->tallies[0]));
    /* The paired mean difference is the difference of the two means, to rounding. */
    for (size_t r = 0; r < c->n_rows; r++)
        assert_close(c->rows[r].mean_diff, c->rows[r].mean_whatif - c->rows[r].mean_base, 1e-9);
    scrutin_tally_free(t);
    scrutin_compare_free(c);
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

static void test_compare_is_the_same_for_one_and_two_threads(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("shift.yaml"));
    scrutin_compare *one = compare(base, whatif, 3000, 1), *two = compare(base, whatif, 3000, 2);
    assert_int_equal(one->n_rows, two->n_rows);
    for (size_t r = 0; r < one->n_rows; r++) {
        const scrutin_compare_row *x = &one->rows[r], *y = &two->rows[r];
        assert_string_equal(x->group, y->group);
        assert_memory_equal(&x->mean_diff, &y->mean_diff, sizeof x->mean_diff);
        assert_memory_equal(&x->mean_diff_se, &y->mean_diff_se, sizeof x->mean_diff_se);
        assert_memory_equal(&x->p_majority_diff, &y->p_majority_diff, sizeof x->p_majority_diff);
        assert_memory_equal(&x->p_majority_diff_se, &y->p_majority_diff_se,
                            sizeof x->p_majority_diff_se);
        assert_memory_equal(x->q_diff, y->q_diff, sizeof x->q_diff);
    }
    for (size_t k = 0; k < 2; k++)
        assert_true(scrutin_tally_equal(one->tallies[k], two->tallies[k]));
    scrutin_compare_free(two);
    scrutin_compare_free(one);
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

static void test_compare_counts_a_group_missing_from_a_model_as_no_seat(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("new-coalition.yaml"));
    scrutin_compare *c = compare(base, whatif, 1000, 2);
    size_t found = 0;
    for (size_t r = 0; r < c->n_rows; r++) {
        const scrutin_compare_row *x = &c->rows[r];
        if (strcmp(x->group, "CENTRE") != 0)
            continue;
        found++;
        assert_false(x->in_base);
        assert_true(x->in_whatif);
        assert_close(x->mean_base, 0.0, 0.0);
        assert_close(x->mean_diff, x->mean_whatif, 1e-12);
    }
    assert_int_equal(found, 2); /* provisional and final */
    scrutin_compare_free(c);
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

static void test_sweep_steps_values_and_rows(void **state)
{
    (void)state;
    const double want[] = {0.1, 0.2, 0.3, 0.4, 0.5};
    for (unsigned k = 0; k < 5; k++)
        assert_true(scrutin_sweep_value(0.1, 0.5, 5, k) == want[k]);
    assert_true(scrutin_sweep_value(2.0, 9.0, 1, 0) == 2.0);
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = 500;
    o.threads = 2;
    scrutin_sweep *s = NULL;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_sweep_run(&s, SMALL, "model.sd_list", 0.1, 0.5, 5, &o, ctx),
                     SCRUTIN_OK);
    assert_int_equal(s->n_steps, 5);
    assert_int_equal(s->n_rows, 5 * 3); /* three coalitions per step */
    for (size_t r = 0; r < s->n_rows; r++) {
        assert_int_equal(s->rows[r].step, r / 3);
        assert_true(s->rows[r].value == want[r / 3]);
    }
    assert_string_equal(s->rows[0].coalition, "LEFT");
    /* The step at the scenario's own value is the scenario's own run (same seed). */
    scrutin_model *m = load(SMALL);
    scrutin_tally *t = NULL;
    scrutin_summary *sum = NULL;
    assert_int_equal(scrutin_tally_new(&t, m), SCRUTIN_OK);
    assert_int_equal(scrutin_sim_run(t, m, &o, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_summary_compute(&sum, m, t, ctx), SCRUTIN_OK);
    scrutin_sweep_free(s);
    s = NULL;
    assert_int_equal(scrutin_sweep_run(&s, SMALL, "model.sd_list", 0.25, 0.25, 1, &o, ctx),
                     SCRUTIN_OK); /* 0.25: the default */
    assert_true(s->rows[0].mean_seats ==
                sum->groups[SCRUTIN_STAGE_FINAL][SCRUTIN_GROUP_COALITION][0].mean);
    scrutin_summary_free(sum);
    scrutin_tally_free(t);
    scrutin_model_free(m);
    scrutin_sweep_free(s);
}

/* ------------------------------------------------------------------------ */
/* The split API: integers first, added across processes, results at the end */

/* Rows of two comparisons, bit for bit. */
static void assert_same_rows(const scrutin_compare *a, const scrutin_compare *b)
{
    assert_int_equal(a->simulations, b->simulations);
    assert_int_equal(a->n_rows, b->n_rows);
    for (size_t r = 0; r < a->n_rows; r++) {
        const scrutin_compare_row *x = &a->rows[r], *y = &b->rows[r];
        assert_string_equal(x->group, y->group);
        assert_memory_equal(&x->mean_diff, &y->mean_diff, sizeof x->mean_diff);
        assert_memory_equal(&x->mean_diff_se, &y->mean_diff_se, sizeof x->mean_diff_se);
        assert_memory_equal(&x->p_majority_diff, &y->p_majority_diff, sizeof x->p_majority_diff);
        assert_memory_equal(&x->p_majority_diff_se, &y->p_majority_diff_se,
                            sizeof x->p_majority_diff_se);
        assert_memory_equal(&x->mean_base, &y->mean_base, sizeof x->mean_base);
        assert_memory_equal(&x->mean_whatif, &y->mean_whatif, sizeof x->mean_whatif);
        assert_memory_equal(x->q_diff, y->q_diff, sizeof x->q_diff);
    }
    for (size_t k = 0; k < a->n_models; k++)
        assert_true(scrutin_tally_equal(a->tallies[k], b->tallies[k]));
}

static void test_compare_blocks_added_as_ranks_would_give_the_one_call_comparison(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *shift = load(WHATIF("shift.yaml")),
                  *moved = load(WHATIF("new-coalition.yaml"));
    const scrutin_model *models[] = {base, shift, moved};
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.seed = 11;
    o.count = 3000;
    o.threads = 2;
    scrutin_compare *whole = NULL;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_compare_run(&whole, models, 3, &o, ctx), SCRUTIN_OK);
    /* Three "ranks", each with its block of indices and its own tally. */
    const uint64_t first[3] = {0, 1000, 2500}, count[3] = {1000, 1500, 500};
    scrutin_compare_tally *rank[3];
    for (int r = 0; r < 3; r++) {
        assert_int_equal(scrutin_compare_tally_new(&rank[r], models, 3, ctx), SCRUTIN_OK);
        scrutin_sim_options block = o;
        block.first = first[r];
        block.count = count[r];
        block.threads = 1 + r % 2;
        assert_int_equal(scrutin_compare_tally_run(rank[r], &block, ctx), SCRUTIN_OK);
        assert_int_equal(scrutin_compare_tally_simulations(rank[r]), count[r]);
    }
    /* The reduction: every part's counters summed element by element onto rank 0's. */
    assert_int_equal(scrutin_compare_tally_parts(rank[0]), 4);
    for (size_t part = 0; part < scrutin_compare_tally_parts(rank[0]); part++) {
        size_t n0 = 0;
        int64_t *into = scrutin_compare_tally_counters(rank[0], part, &n0);
        assert_non_null(into);
        for (int r = 1; r < 3; r++) {
            size_t n = 0;
            const int64_t *from = scrutin_compare_tally_counters(rank[r], part, &n);
            assert_int_equal(n, n0);
            for (size_t i = 0; i < n; i++)
                into[i] += from[i];
        }
    }
    scrutin_compare *summed = NULL;
    assert_int_equal(scrutin_compare_compute(&summed, rank[0], ctx), SCRUTIN_OK);
    assert_same_rows(whole, summed);
    /* Merging within one process is the same sum. */
    scrutin_compare_tally *merged = NULL;
    assert_int_equal(scrutin_compare_tally_new(&merged, models, 3, ctx), SCRUTIN_OK);
    for (int r = 1; r < 3; r++)
        assert_int_equal(scrutin_compare_tally_merge(merged, rank[r]), SCRUTIN_OK);
    assert_int_equal(scrutin_compare_tally_simulations(merged), 2000);
    /* The models' own tallies are those of plain runs of the same indices. */
    scrutin_tally *plain = NULL;
    assert_int_equal(scrutin_tally_new(&plain, shift), SCRUTIN_OK);
    scrutin_sim_options block = o;
    block.first = 1000;
    block.count = 2000;
    assert_int_equal(scrutin_sim_run(plain, shift, &block, ctx), SCRUTIN_OK);
    assert_true(scrutin_tally_equal(plain, paired_tally_model(merged, 1)));
    assert_null(paired_tally_model(merged, 3));
    size_t n = 99;
    assert_null(scrutin_compare_tally_counters(merged, 4, &n));
    assert_int_equal(n, 0);
    scrutin_tally_free(plain);
    scrutin_compare_tally_free(merged);
    scrutin_compare_free(summed);
    for (int r = 0; r < 3; r++)
        scrutin_compare_tally_free(rank[r]);
    scrutin_compare_free(whole);
    scrutin_model_free(moved);
    scrutin_model_free(shift);
    scrutin_model_free(base);
}

static void test_compare_tally_refuses_what_does_not_add_up(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("merge.yaml")),
                  *other = load(WHATIF("new-coalition.yaml"));
    const scrutin_model *models[] = {base, whatif}, *others[] = {base, other};
    scrutin_compare_tally *t = NULL, *u = NULL;
    scrutin_compare *c = NULL;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_compare_tally_new(&t, models, 1, ctx), SCRUTIN_EINVAL);
    assert_null(t);
    assert_int_equal(scrutin_compare_tally_new(&t, models, 2, ctx), SCRUTIN_OK);
    /* Nothing simulated: nothing to compare. */
    assert_int_equal(scrutin_compare_compute(&c, t, ctx), SCRUTIN_EINVAL);
    assert_null(c);
    /* Zero simulations are allowed (a rank with no block), and change nothing. */
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = 0;
    assert_int_equal(scrutin_compare_tally_run(t, &o, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_compare_tally_simulations(t), 0);
    o.count = 100;
    assert_int_equal(scrutin_compare_tally_run(t, &o, ctx), SCRUTIN_OK);
    /* Another shape (a what-if with a coalition more) does not merge, and t is unchanged. */
    assert_int_equal(scrutin_compare_tally_new(&u, others, 2, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_compare_tally_run(u, &o, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_compare_tally_merge(t, u), SCRUTIN_EINVAL);
    assert_int_equal(scrutin_compare_tally_simulations(t), 100);
    /* Parts added unevenly (one part of a rank left out) are refused. */
    size_t n = 0;
    scrutin_compare_tally_counters(t, 2, &n)[0] += 100;
    assert_int_equal(scrutin_compare_compute(&c, t, ctx), SCRUTIN_EINVAL);
    assert_null(c);
    scrutin_compare_tally_free(u);
    scrutin_compare_tally_free(t);
    scrutin_model_free(other);
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

static void test_compare_stopped_before_any_simulation_keeps_nothing(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("merge.yaml"));
    const scrutin_model *models[] = {base, whatif};
    volatile int stop = 1;
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = 5000;
    o.stop = &stop;
    scrutin_compare *c = NULL;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_compare_run(&c, models, 2, &o, ctx), SCRUTIN_EINTR);
    assert_null(c);
    scrutin_compare_tally *t = NULL;
    assert_int_equal(scrutin_compare_tally_new(&t, models, 2, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_compare_tally_run(t, &o, ctx), SCRUTIN_EINTR);
    assert_int_equal(scrutin_compare_tally_simulations(t), 0);
    scrutin_compare_tally_free(t);
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

static void test_sweep_step_by_step_is_the_one_call_sweep(void **state)
{
    (void)state;
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = 500;
    o.seed = 4;
    o.threads = 2;
    scrutin_sweep *whole = NULL, *s = NULL;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_sweep_run(&whole, SMALL, "model.sd_list", 0.1, 0.5, 3, &o, ctx),
                     SCRUTIN_OK);
    assert_false(scrutin_sweep_partial(whole));
    assert_int_equal(whole->n_done, 3);
    assert_int_equal(scrutin_sweep_new(&s, "model.sd_list", 0.1, 0.5, 3, 500, ctx), SCRUTIN_OK);
    assert_int_equal(s->n_done, 0);
    assert_int_equal(s->n_rows, 0);
    assert_true(scrutin_sweep_partial(s));
    for (size_t k = 0; k < 3; k++) {
        scrutin_model *m = NULL;
        assert_int_equal(scrutin_sweep_load_step(&m, s, SMALL, k, ctx), SCRUTIN_OK);
        /* Two "ranks": [0, 200) and [200, 500), added up. */
        scrutin_tally *t0 = NULL, *t1 = NULL;
        assert_int_equal(scrutin_tally_new(&t0, m), SCRUTIN_OK);
        assert_int_equal(scrutin_tally_new(&t1, m), SCRUTIN_OK);
        scrutin_sim_options block = o;
        block.count = 200;
        assert_int_equal(scrutin_sim_run(t0, m, &block, ctx), SCRUTIN_OK);
        block.first = 200;
        block.count = 300;
        assert_int_equal(scrutin_sim_run(t1, m, &block, ctx), SCRUTIN_OK);
        /* Steps go in order: the next one only, and never an empty tally. */
        assert_int_equal(scrutin_sweep_add_step(s, k + 1, m, t1, ctx), SCRUTIN_EINVAL);
        assert_int_equal(scrutin_tally_merge(t0, t1), SCRUTIN_OK);
        tally_clear(t1);
        assert_int_equal(scrutin_sweep_add_step(s, k, m, t1, ctx), SCRUTIN_EINVAL);
        assert_int_equal(scrutin_sweep_add_step(s, k, m, t0, ctx), SCRUTIN_OK);
        scrutin_tally_free(t1);
        scrutin_tally_free(t0);
        scrutin_model_free(m);
    }
    scrutin_model *m = NULL;
    assert_int_equal(scrutin_sweep_load_step(&m, s, SMALL, 3, ctx), SCRUTIN_EINVAL);
    assert_null(m);
    assert_false(scrutin_sweep_partial(s));
    assert_string_equal(s->scenario_name, whole->scenario_name);
    assert_int_equal(s->n_rows, whole->n_rows);
    for (size_t r = 0; r < s->n_rows; r++) {
        const scrutin_sweep_row *x = &s->rows[r], *y = &whole->rows[r];
        assert_int_equal(x->step, y->step);
        assert_string_equal(x->coalition, y->coalition);
        assert_memory_equal(&x->p_majority, &y->p_majority, sizeof x->p_majority);
        assert_memory_equal(&x->p_majority_se, &y->p_majority_se, sizeof x->p_majority_se);
        assert_memory_equal(&x->mean_seats, &y->mean_seats, sizeof x->mean_seats);
        assert_memory_equal(&x->mean_se, &y->mean_se, sizeof x->mean_se);
    }
    for (size_t k = 0; k < 3; k++)
        assert_int_equal(s->completed[k], 500);
    scrutin_sweep_free(s);
    scrutin_sweep_free(whole);
}

static void test_sweep_stopped_keeps_the_steps_done(void **state)
{
    (void)state;
    scrutin_sweep *s = NULL;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_sweep_new(&s, "model.sd_list", 0.1, 0.5, 3, 400, ctx), SCRUTIN_OK);
    /* Step 0 whole, step 1 stopped after 150 of its 400 simulations, step 2 never run. */
    const uint64_t done[2] = {400, 150};
    for (size_t k = 0; k < 2; k++) {
        scrutin_model *m = NULL;
        scrutin_tally *t = NULL;
        assert_int_equal(scrutin_sweep_load_step(&m, s, SMALL, k, ctx), SCRUTIN_OK);
        assert_int_equal(scrutin_tally_new(&t, m), SCRUTIN_OK);
        scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
        o.count = done[k];
        assert_int_equal(scrutin_sim_run(t, m, &o, ctx), SCRUTIN_OK);
        assert_int_equal(scrutin_sweep_add_step(s, k, m, t, ctx), SCRUTIN_OK);
        assert_true(scrutin_sweep_partial(s));
        scrutin_tally_free(t);
        scrutin_model_free(m);
    }
    assert_int_equal(s->n_done, 2);
    assert_int_equal(s->n_rows, 2 * 3);
    assert_int_equal(s->completed[0], 400);
    assert_int_equal(s->completed[1], 150);
    assert_int_equal(s->completed[2], 0);
    /* The plot leaves the step not done empty; sweep.json says how far the sweep went. */
    char dir[] = "/tmp/scrutin-whatif-XXXXXX";
    assert_non_null(mkdtemp(dir));
    scrutin_sweep_info info = SCRUTIN_SWEEP_INFO_INIT;
    assert_int_equal(scrutin_sweep_write(dir, s, &info, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_sweep_plot(dir, s, ctx), SCRUTIN_OK);
    char path[256];
    snprintf(path, sizeof path, "%s/sweep.json", dir);
    json_error_t error;
    json_t *j = json_load_file(path, 0, &error);
    assert_non_null(j);
    assert_true(json_is_true(json_object_get(j, "partial")));
    json_t *completed = json_object_get(j, "completed");
    assert_int_equal(json_integer_value(json_object_get(completed, "steps")), 2);
    json_t *sims = json_object_get(completed, "simulations");
    assert_int_equal(json_array_size(sims), 2);
    assert_int_equal(json_integer_value(json_array_get(sims, 1)), 150);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "execution"), "ranks")),
                     1);
    json_decref(j);
    snprintf(path, sizeof path, "%s/plots/sweep_majority.csv", dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    /* A row per coalition and value: the value not done (0.5) is NaN for each of the three. */
    char line[256] = "";
    size_t empty = 0, rows = 0;
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "x,group,probability,probability_se\n");
    while (fgets(line, sizeof line, f)) {
        rows++;
        if (strncmp(line, "0.5,", 4) == 0) {
            assert_non_null(strstr(line, ",NaN,NaN\n"));
            empty++;
        }
    }
    assert_int_equal(rows, 3 * 3);
    assert_int_equal(empty, 3);
    fclose(f);
    const char *files[] = {"sweep.csv", "sweep.json", "plots/sweep_majority.csv",
                           "plots/sweep_majority.gp", "plots"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        assert_int_equal(remove(path), 0);
    }
    assert_int_equal(rmdir(dir), 0);
    scrutin_sweep_free(s);
    /* Stopped before the first simulation: nothing kept. */
    volatile int stop = 1;
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.stop = &stop;
    assert_int_equal(scrutin_sweep_run(&s, SMALL, "model.sd_list", 0.1, 0.5, 3, &o, ctx),
                     SCRUTIN_EINTR);
    assert_null(s);
}

static void test_compare_plots_four_whatifs_a_page_and_refuses_another_info_version(void **state)
{
    (void)state;
    scrutin_model *base = load(SMALL), *whatif = load(WHATIF("new-coalition.yaml"));
    const scrutin_model *models[] = {base, whatif, whatif, whatif, whatif, whatif};
    scrutin_sim_options o = SCRUTIN_SIM_OPTIONS_INIT;
    o.count = 200;
    scrutin_compare *c = NULL;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_compare_run(&c, models, 6, &o, ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_compare_plot_count(c), 2);
    char name[64];
    assert_int_equal(scrutin_compare_plot_name(name, sizeof name, 0), SCRUTIN_OK);
    assert_string_equal(name, "compare_coalitions");
    assert_int_equal(scrutin_compare_plot_name(name, sizeof name, 1), SCRUTIN_OK);
    assert_string_equal(name, "compare_coalitions_2");
    assert_int_equal(scrutin_compare_plot_name(name, 5, 1), SCRUTIN_EINVAL);
    char dir[] = "/tmp/scrutin-whatif-XXXXXX";
    assert_non_null(mkdtemp(dir));
    assert_int_equal(scrutin_compare_plot(dir, c, ctx), SCRUTIN_OK);
    /* An info of another version (version 1 ended before `ranks`) is refused, never read
       past its end (docs/architecture.md, "Versions"); nothing is written. */
    scrutin_compare_info info = SCRUTIN_COMPARE_INFO_INIT;
    info.version = 1;
    scrutin_ctx_clear(ctx);
    assert_int_equal(scrutin_compare_write(dir, c, &info, ctx), SCRUTIN_EINVAL);
    assert_non_null(strstr(scrutin_ctx_get(ctx, 0)->message, "SCRUTIN_COMPARE_INFO_INIT"));
    char path[256];
    snprintf(path, sizeof path, "%s/compare.json", dir);
    assert_int_equal(access(path, F_OK), -1);
    info = (scrutin_compare_info)SCRUTIN_COMPARE_INFO_INIT;
    info.ranks = 7;
    assert_int_equal(scrutin_compare_write(dir, c, &info, ctx), SCRUTIN_OK);
    json_error_t error;
    json_t *j = json_load_file(path, 0, &error);
    assert_non_null(j);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "execution"), "ranks")),
                     7);
    json_decref(j);
    /* Page 1: the base and four what-ifs; page 2: the base and the fifth. A row per panel
       (LEFT, RIGHT, IND, CENTRE: the what-ifs' own), curve and seat total: 4 * 5 curves, then
       4 * 2, of seats + 1 rows each. */
    const size_t curves[2] = {4 * 5, 4 * 2};
    const char *files[] = {"compare_coalitions", "compare_coalitions_2"};
    for (int page = 0; page < 2; page++) {
        snprintf(path, sizeof path, "%s/plots/%s.csv", dir, files[page]);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        char line[8192];
        assert_non_null(fgets(line, sizeof line, f));
        assert_string_equal(line, "group,scenario,side,seats,probability\n");
        size_t rows = 0, fifth = 0;
        while (fgets(line, sizeof line, f)) {
            rows++;
            fifth += strstr(line, ",whatif5,") != NULL;
        }
        fclose(f);
        assert_int_equal(rows, curves[page] * (c->seats[0] + 1));
        /* Each curve's side says which what-if it is: the fifth is on page 2 alone. */
        assert_int_equal(fifth, page == 1 ? 4 * (c->seats[0] + 1) : 0);
        assert_int_equal(remove(path), 0);
        snprintf(path, sizeof path, "%s/plots/%s.gp", dir, files[page]);
        assert_int_equal(remove(path), 0);
    }
    const char *others[] = {"compare.csv", "compare_districts.csv", "compare.json", "plots"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, others[i]);
        assert_int_equal(remove(path), 0);
    }
    assert_int_equal(rmdir(dir), 0);
    scrutin_compare_free(c);
    scrutin_model_free(whatif);
    scrutin_model_free(base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_override_changes_exactly_what_it_names),
        cmocka_unit_test(test_party_moved_to_another_coalition_by_id),
        cmocka_unit_test(test_chain_of_three_bases_resolves),
        cmocka_unit_test(test_changes_of_a_chain_apply_base_first),
        cmocka_unit_test(test_cycle_of_bases_is_reported_naming_the_files),
        cmocka_unit_test(test_missing_base_is_reported_at_its_line),
        cmocka_unit_test(test_errors_name_the_whatif_file_and_line),
        cmocka_unit_test(test_settings_set_values_by_path),
        cmocka_unit_test(test_shift_in_points_moves_the_party_share_by_that_much),
        cmocka_unit_test(test_turnout_points_raise_turnout_by_that_much),
        cmocka_unit_test(test_merge_of_lists_sums_their_baselines),
        cmocka_unit_test(test_withdrawn_list_sends_its_voters_by_affinity),
        cmocka_unit_test(test_compare_of_a_scenario_with_itself_is_exactly_zero),
        cmocka_unit_test(test_compare_base_tally_is_that_of_a_plain_run),
        cmocka_unit_test(test_compare_is_the_same_for_one_and_two_threads),
        cmocka_unit_test(test_compare_counts_a_group_missing_from_a_model_as_no_seat),
        cmocka_unit_test(test_sweep_steps_values_and_rows),
        cmocka_unit_test(test_compare_blocks_added_as_ranks_would_give_the_one_call_comparison),
        cmocka_unit_test(test_compare_tally_refuses_what_does_not_add_up),
        cmocka_unit_test(test_compare_stopped_before_any_simulation_keeps_nothing),
        cmocka_unit_test(test_sweep_step_by_step_is_the_one_call_sweep),
        cmocka_unit_test(test_sweep_stopped_keeps_the_steps_done),
        cmocka_unit_test(test_compare_plots_four_whatifs_a_page_and_refuses_another_info_version),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
