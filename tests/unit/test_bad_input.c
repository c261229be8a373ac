/*
 * Bad scenario files: each problem is reported with its file, line and field,
 * nothing crashes, and validation goes on to report every problem at once.
 * Each test writes a variant of the small scenario into a fresh folder.
 */
#include "test_support.h"

#include <stdlib.h>
#include <unistd.h>

#include "scrutin.h"

static const char good_yaml[] =
    "format: 1\n"                                         /* 1 */
    "name: small\n"                                       /* 2 */
    "seats: 6\n"                                          /* 3 */
    "coalitions:\n"                                       /* 4 */
    "  - {id: LEFT}\n"                                    /* 5 */
    "  - {id: RIGHT}\n"                                   /* 6 */
    "parties:\n"                                          /* 7 */
    "  - {id: A, coalition: LEFT}\n"                      /* 8 */
    "  - {id: C, coalition: RIGHT}\n"                     /* 9 */
    "regions:\n"                                          /* 10 */
    "  - {id: North}\n"                                   /* 11 */
    "districts: districts.csv\n"                          /* 12 */
    "lists: lists.csv\n";                                 /* 13 */

static const char good_districts[] =
    "district,region,seats,registered,voters,invalid,source\n"
    "D1,North,3,10000,5000,100,test\n"
    "D2,North,3,8000,4000,0,test\n";

static const char good_lists[] =
    "district,list,kind,candidates,votes_r1,votes_r2,source\n" /* 1 */
    "D1,A,party,A;A;A,2600,,test\n"                            /* 2 */
    "D1,C,party,C;C;C,2300,,test\n"                            /* 3 */
    "D2,A,party,A;A;A,3000,,test\n"                            /* 4 */
    "D2,C,party,C;C;C,1000,,test\n";                           /* 5 */

typedef struct variant {
    char dir[64];
    char path[128];
    scrutin_ctx *ctx;
    int status;
} variant;

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Write the three files (NULL: leave the file out) and load and compile them. */
static void run_variant(variant *v, const char *yaml, const char *districts, const char *lists)
{
    snprintf(v->dir, sizeof v->dir, "/tmp/scrutin-test-XXXXXX");
    assert_non_null(mkdtemp(v->dir));
    if (yaml)
        write_file(v->dir, "scenario.yaml", yaml);
    if (districts)
        write_file(v->dir, "districts.csv", districts);
    if (lists)
        write_file(v->dir, "lists.csv", lists);
    snprintf(v->path, sizeof v->path, "%s/scenario.yaml", v->dir);
    assert_int_equal(scrutin_ctx_new(&v->ctx), 0);
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    v->status = scrutin_scenario_load(&s, v->path, v->ctx);
    if (s) {
        int compiled = scrutin_model_compile(&m, s, v->ctx);
        if (v->status == SCRUTIN_OK)
            v->status = compiled;
    }
    scrutin_model_free(m);
    scrutin_scenario_free(s);
}

static void cleanup(variant *v)
{
    const char *names[] = {"scenario.yaml", "districts.csv", "lists.csv"};
    char path[256];
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", v->dir, names[i]);
        unlink(path);
    }
    rmdir(v->dir);
    scrutin_ctx_free(v->ctx);
}

/*
 * Some diagnostic is in a file ending in @p file, at @p line, about @p field (NULL: any).
 * @return the first such diagnostic.
 */
static const scrutin_diag *assert_reported(const variant *v, const char *file, unsigned line,
                                           const char *field)
{
    for (size_t i = 0; i < scrutin_ctx_count(v->ctx); i++) {
        const scrutin_diag *d = scrutin_ctx_get(v->ctx, i);
        size_t n = d->file ? strlen(d->file) : 0, k = strlen(file);
        if (n >= k && strcmp(d->file + n - k, file) == 0 && d->line == line &&
            (!field || (d->field && strcmp(d->field, field) == 0)))
            return d;
    }
    for (size_t i = 0; i < scrutin_ctx_count(v->ctx); i++) {
        char buf[1024];
        scrutin_ctx_format(v->ctx, i, buf, sizeof buf);
        print_error("reported: %s\n", buf);
    }
    fail_msg("nothing reported at %s:%u (%s)", file, line, field ? field : "any field");
    return NULL;
}

static char *replace(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    assert_non_null(at);
    size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *out = malloc(n);
    assert_non_null(out);
    snprintf(out, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    return out;
}

static void test_the_good_variant_is_valid(void **state)
{
    (void)state;
    variant v;
    run_variant(&v, good_yaml, good_districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_OK);
    assert_int_equal(scrutin_ctx_count(v.ctx), 0);
    cleanup(&v);
}

static void test_yaml_syntax_error_names_its_line(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "  - {id: C, coalition: RIGHT}\n", "  - {id: C, coalition: RIGHT\n");
    variant v;
    run_variant(&v, yaml, good_districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_ESYNTAX);
    assert_true(scrutin_status_is_input_error(v.status));
    /* libyaml finds the missing brace where the next line starts. */
    assert_reported(&v, "scenario.yaml", 10, NULL);
    cleanup(&v);
    free(yaml);
}

static void test_unknown_key_is_an_error(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "seats: 6\n", "seats: 6\ncolour: red\n");
    variant v;
    run_variant(&v, yaml, good_districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "scenario.yaml", 4, NULL);
    assert_non_null(strstr(scrutin_ctx_get(v.ctx, 0)->message, "colour"));
    cleanup(&v);
    free(yaml);
}

static void test_list_naming_an_undeclared_party(void **state)
{
    (void)state;
    char *lists = replace(good_lists, "D2,C,party,C;C;C", "D2,C,party,C;MRP;C");
    variant v;
    run_variant(&v, good_yaml, good_districts, lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "lists.csv", 5, "candidates");
    assert_non_null(strstr(scrutin_ctx_get(v.ctx, 0)->message, "\"MRP\""));
    cleanup(&v);
    free(lists);
}

static void test_seats_that_do_not_add_up(void **state)
{
    (void)state;
    char *districts = replace(good_districts, "D2,North,3", "D2,North,4");
    variant v;
    run_variant(&v, good_yaml, districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "scenario.yaml", 3, "seats");
    cleanup(&v);
    free(districts);
}

static void test_missing_csv_file(void **state)
{
    (void)state;
    variant v;
    run_variant(&v, good_yaml, good_districts, NULL);
    assert_int_equal(v.status, SCRUTIN_ENOENT);
    assert_true(scrutin_status_is_input_error(v.status));
    assert_reported(&v, "scenario.yaml", 13, "lists");
    cleanup(&v);
}

static void test_negative_vote_count(void **state)
{
    (void)state;
    char *lists = replace(good_lists, "D1,C,party,C;C;C,2300", "D1,C,party,C;C;C,-2300");
    variant v;
    run_variant(&v, good_yaml, good_districts, lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "lists.csv", 3, "votes_r1");
    cleanup(&v);
    free(lists);
}

/* Three problems in three places: all three are reported by one call. */
static void test_every_problem_is_reported_not_just_the_first(void **state)
{
    (void)state;
    char *lists1 = replace(good_lists, "D1,C,party,C;C;C,2300", "D1,C,party,C;C;C,-2300");
    char *lists = replace(lists1, "D2,C,party,C;C;C", "D2,C,party,C;MRP;C");
    char *yaml = replace(good_yaml, "coalition: RIGHT}", "coalition: RGHT}");
    variant v;
    run_variant(&v, yaml, good_districts, lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "lists.csv", 3, "votes_r1");
    assert_reported(&v, "lists.csv", 5, "candidates");
    assert_reported(&v, "scenario.yaml", 9, "parties[1].coalition");
    cleanup(&v);
    free(lists1);
    free(lists);
    free(yaml);
}

static void test_duplicate_district_is_reported_at_its_second_row(void **state)
{
    (void)state;
    char *districts = replace(good_districts, "D2,North,3", "D1,North,3");
    variant v;
    run_variant(&v, good_yaml, districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "districts.csv", 3, "district");
    cleanup(&v);
    free(districts);
}

static void test_district_without_lists(void **state)
{
    (void)state;
    char *lists1 = replace(good_lists, "D2,A,party,A;A;A,3000,,test\n", "");
    char *lists = replace(lists1, "D2,C,party,C;C;C,1000,,test\n", "");
    variant v;
    run_variant(&v, good_yaml, good_districts, lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "districts.csv", 3, "district");
    assert_non_null(strstr(scrutin_ctx_get(v.ctx, 0)->message, "no list"));
    cleanup(&v);
    free(lists1);
    free(lists);
}

static void test_list_with_fewer_candidates_than_seats(void **state)
{
    (void)state;
    char *lists = replace(good_lists, "D1,A,party,A;A;A", "D1,A,party,A;A");
    variant v;
    run_variant(&v, good_yaml, good_districts, lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "lists.csv", 2, "candidates");
    cleanup(&v);
    free(lists);
}

static void test_nan_and_infinite_cells(void **state)
{
    (void)state;
    char *lists = replace(good_lists, "D1,C,party,C;C;C,2300", "D1,C,party,C;C;C,nan");
    char *districts = replace(good_districts, "D1,North,3,10000", "D1,North,3,inf");
    variant v;
    run_variant(&v, good_yaml, districts, lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "lists.csv", 3, "votes_r1");
    assert_reported(&v, "districts.csv", 2, "registered");
    cleanup(&v);
    free(lists);
    free(districts);
}

static void test_district_seats_beyond_any_parliament(void **state)
{
    (void)state;
    char *districts = replace(good_districts, "D2,North,3", "D2,North,4000000000");
    variant v;
    run_variant(&v, good_yaml, districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "districts.csv", 3, "seats");
    cleanup(&v);
    free(districts);
}

static void test_probability_above_one(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "lists: lists.csv\n",
                         "lists: lists.csv\nmodel:\n  runoff:\n    retention: 1.5\n");
    variant v;
    run_variant(&v, yaml, good_districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "scenario.yaml", 16, "model.runoff.retention");
    cleanup(&v);
    free(yaml);
}

static void test_zero_scale_where_a_positive_one_is_needed(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "lists: lists.csv\n",
                         "lists: lists.csv\ncourt:\n  model:\n    round1: {base: 0.1, scale: 0}\n");
    variant v;
    run_variant(&v, yaml, good_districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_EINPUT);
    assert_reported(&v, "scenario.yaml", 16, "court.model.round1.scale");
    cleanup(&v);
    free(yaml);
}

/* The quote opens on line 3 and is never closed: line 3 is named, not the end of the file. */
static void test_unclosed_quote_names_the_row_it_opens_on(void **state)
{
    (void)state;
    char *lists = replace(good_lists, "D1,C,party", "D1,\"C,party");
    variant v;
    run_variant(&v, good_yaml, good_districts, lists);
    assert_int_equal(v.status, SCRUTIN_ESYNTAX);
    assert_reported(&v, "lists.csv", 3, NULL);
    cleanup(&v);
    free(lists);
}

/* Load @p yaml (with the good tables); exactly one syntax error, at @p line about @p field. */
static void assert_unclosed_quote_at(const char *yaml, unsigned line, const char *field,
                                     const char *says)
{
    variant v;
    run_variant(&v, yaml, good_districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_ESYNTAX);
    assert_int_equal(scrutin_ctx_count(v.ctx), 1);
    const scrutin_diag *d = assert_reported(&v, "scenario.yaml", line, field);
    if (!strstr(d->message, says))
        fail_msg("\"%s\" does not say \"%s\"", d->message, says);
    cleanup(&v);
}

/*
 * A quote never closed runs on to the end of the file, where libyaml notices it: the line
 * named is the one the quote opens on (2), not the end of the file (14), and the field is the
 * key whose value it is.
 */
static void test_unclosed_double_quote_is_named_where_it_opens(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "name: small\n", "name: \"small\n");
    assert_unclosed_quote_at(yaml, 2, "name", "never closed: the file ends inside it");
    free(yaml);
}

static void test_unclosed_single_quote_is_named_where_it_opens(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "name: small\n", "name: 'small\n");
    assert_unclosed_quote_at(yaml, 2, "name", "never closed: the file ends inside it");
    free(yaml);
}

static void test_unclosed_quote_in_a_nested_mapping_names_the_whole_path(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "lists: lists.csv\n",
                         "lists: lists.csv\n"                     /* 13 */
                         "model:\n"                               /* 14 */
                         "  sd_list: 0.25\n"                      /* 15 */
                         "  runoff:\n"                            /* 16 */
                         "    retention: 0.9\n"                   /* 17 */
                         "    sd_affinity: \"0.5\n"               /* 18 */
                         "    sd_mobilisation: 0.15\n");          /* 19 */
    assert_unclosed_quote_at(yaml, 18, "model.runoff.sd_affinity", "never closed");
    free(yaml);
}

static void test_unclosed_quote_in_a_sequence_names_its_item(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "regions:\n  - {id: North}\n",
                         "regions:\n  - North\n  - 'South\n");
    assert_unclosed_quote_at(yaml, 12, "regions[1]", "never closed");
    free(yaml);
}

/* libyaml stops at a document marker: the quote is still named where it opens. */
static void test_unclosed_quote_before_a_document_marker(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "seats: 6\n", "seats: \"6\n---\n");
    assert_unclosed_quote_at(yaml, 3, "seats", "runs on to the document marker on line 4");
    free(yaml);
}

/*
 * The usual case in a real file: the next quote of the file closes the one left open, and
 * libyaml trips on what follows it, a line or more below. The line named is where the quoted
 * value opens (5), not where libyaml tripped (6).
 */
static void test_quote_closed_by_the_next_one_is_named_where_it_opens(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "  - {id: LEFT}\n  - {id: RIGHT}\n",
                         "  - {id: LEFT, name: \"Left}\n"  /* 5 */
                         "  - {id: RIGHT, name: \"Right\"}\n"); /* 6 */
    assert_unclosed_quote_at(yaml, 5, "coalitions[0].name", "runs on to line 6");
    free(yaml);
}

/* A syntax error in the base of a what-if is named in the base, where the quote opens. */
static void test_unclosed_quote_in_a_base_is_named_in_the_base(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "name: small\n", "name: \"small\n");
    variant v;
    run_variant(&v, yaml, good_districts, good_lists);
    scrutin_ctx_clear(v.ctx);
    char whatif[160];
    snprintf(whatif, sizeof whatif, "%s/whatif.yaml", v.dir);
    FILE *f = fopen(whatif, "w");
    assert_non_null(f);
    fputs("base: scenario.yaml\nname: whatif\nmodel: {sd_list: 0.3}\n", f);
    fclose(f);
    scrutin_scenario *s = NULL;
    assert_int_equal(scrutin_scenario_load(&s, whatif, v.ctx), SCRUTIN_ESYNTAX);
    assert_null(s);
    assert_reported(&v, "/scenario.yaml", 2, "name");
    unlink(whatif);
    cleanup(&v);
    free(yaml);
}

/* A model parameter set to @p value in @p yaml_tail; one error at @p line about @p field. */
typedef struct model_value {
    const char *yaml_tail; /* appended after "lists: lists.csv\n" (line 13) */
    unsigned line;
    const char *field;
} model_value;

static void assert_model_value(const model_value *c, int want_status, const char *says)
{
    char *yaml = replace(good_yaml, "lists: lists.csv\n", "");
    size_t n = strlen(yaml) + strlen("lists: lists.csv\n") + strlen(c->yaml_tail) + 1;
    char *text = malloc(n);
    assert_non_null(text);
    snprintf(text, n, "%slists: lists.csv\n%s", yaml, c->yaml_tail);
    variant v;
    run_variant(&v, text, good_districts, good_lists);
    if (v.status != want_status) {
        for (size_t i = 0; i < scrutin_ctx_count(v.ctx); i++) {
            char buf[1024];
            scrutin_ctx_format(v.ctx, i, buf, sizeof buf);
            print_error("reported: %s\n", buf);
        }
        fail_msg("%s: status %d, wanted %d", c->yaml_tail, v.status, want_status);
    }
    if (want_status != SCRUTIN_OK) {
        assert_int_equal(scrutin_ctx_count(v.ctx), 1);
        const scrutin_diag *d = assert_reported(&v, "scenario.yaml", c->line, c->field);
        if (!strstr(d->message, says))
            fail_msg("\"%s\" does not say \"%s\"", d->message, says);
    }
    cleanup(&v);
    free(text);
    free(yaml);
}

/*
 * Every spread of the model acts on a log or logit scale, where a standard deviation above 5
 * makes every election a lottery: each is refused above 5, with the range in the message;
 * 5 itself and 0 are accepted.
 */
static const model_value log_scale_spreads[] = {
    {"model:\n  sd_party: 5.5\n", 15, "model.sd_party"},
    {"model:\n  sd_coalition: 5.5\n", 15, "model.sd_coalition"},
    {"model:\n  sd_region: 5.5\n", 15, "model.sd_region"},
    {"model:\n  sd_list: 5.5\n", 15, "model.sd_list"},
    {"model:\n  sd_independent: 5.5\n", 15, "model.sd_independent"},
    {"model:\n  turnout:\n    sd_national: 5.5\n", 16, "model.turnout.sd_national"},
    {"model:\n  turnout:\n    sd_region: 5.5\n", 16, "model.turnout.sd_region"},
    {"model:\n  turnout:\n    sd_district: 5.5\n", 16, "model.turnout.sd_district"},
    {"model:\n  runoff:\n    sd_abstention: 5.5\n", 16, "model.runoff.sd_abstention"},
    {"model:\n  runoff:\n    sd_affinity: 5.5\n", 16, "model.runoff.sd_affinity"},
};

static void test_every_log_scale_spread_above_5_is_refused(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof log_scale_spreads / sizeof *log_scale_spreads; i++)
        assert_model_value(&log_scale_spreads[i], SCRUTIN_EINPUT,
                           "5.5 is not a finite number >= 0 and <= 5");
}

static void test_a_spread_of_50_is_refused_at_its_line(void **state)
{
    (void)state;
    const model_value c = {"model:\n  sd_party: 0.15\n  sd_list: 50\n", 16, "model.sd_list"};
    assert_model_value(&c, SCRUTIN_EINPUT, "50 is not a finite number >= 0 and <= 5");
    const model_value huge = {"model:\n  turnout: {sd_national: 1e300}\n", 15,
                              "model.turnout.sd_national"};
    assert_model_value(&huge, SCRUTIN_EINPUT, "1e+300 is not a finite number >= 0 and <= 5");
}

static void test_spreads_of_0_and_5_are_accepted(void **state)
{
    (void)state;
    const model_value zero = {
        "model:\n  sd_party: 0\n  sd_list: 0\n  runoff: {sd_mobilisation: 0}\n", 0, NULL};
    assert_model_value(&zero, SCRUTIN_OK, NULL);
    const model_value five = {"model:\n  sd_party: 5\n  sd_independent: 5\n"
                              "  turnout: {sd_district: 5}\n  runoff: {sd_affinity: 5}\n",
                              0, NULL};
    assert_model_value(&five, SCRUTIN_OK, NULL);
}

static void test_negative_spread_is_still_refused(void **state)
{
    (void)state;
    const model_value c = {"model:\n  sd_region: -0.1\n", 15, "model.sd_region"};
    assert_model_value(&c, SCRUTIN_EINPUT, "-0.1 is not a finite number >= 0");
}

/* The mobilisation factor exp(delta - sd^2/2) has median exp(-sd^2/2): at most 2. */
static void test_mobilisation_spread_above_2_is_refused(void **state)
{
    (void)state;
    const model_value c = {"model:\n  runoff:\n    sd_mobilisation: 2.5\n", 16,
                           "model.runoff.sd_mobilisation"};
    assert_model_value(&c, SCRUTIN_EINPUT, "2.5 is not a finite number >= 0 and <= 2");
    const model_value two = {"model:\n  runoff:\n    sd_mobilisation: 2\n", 0, NULL};
    assert_model_value(&two, SCRUTIN_OK, NULL);
}

/* Student-t shocks need more than 2 degrees of freedom for their spread to exist. */
static void test_tails_of_2_degrees_of_freedom_are_refused(void **state)
{
    (void)state;
    const model_value c = {"model:\n  tails_df: 2\n", 15, "model.tails_df"};
    assert_model_value(&c, SCRUTIN_EINPUT, "2 is not 0 (normal shocks) or more than 2");
    const model_value ok = {"model:\n  tails_df: 2.5\n", 0, NULL};
    assert_model_value(&ok, SCRUTIN_OK, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_good_variant_is_valid),
        cmocka_unit_test(test_yaml_syntax_error_names_its_line),
        cmocka_unit_test(test_unknown_key_is_an_error),
        cmocka_unit_test(test_list_naming_an_undeclared_party),
        cmocka_unit_test(test_seats_that_do_not_add_up),
        cmocka_unit_test(test_missing_csv_file),
        cmocka_unit_test(test_negative_vote_count),
        cmocka_unit_test(test_every_problem_is_reported_not_just_the_first),
        cmocka_unit_test(test_duplicate_district_is_reported_at_its_second_row),
        cmocka_unit_test(test_district_without_lists),
        cmocka_unit_test(test_list_with_fewer_candidates_than_seats),
        cmocka_unit_test(test_nan_and_infinite_cells),
        cmocka_unit_test(test_district_seats_beyond_any_parliament),
        cmocka_unit_test(test_probability_above_one),
        cmocka_unit_test(test_zero_scale_where_a_positive_one_is_needed),
        cmocka_unit_test(test_unclosed_quote_names_the_row_it_opens_on),
        cmocka_unit_test(test_unclosed_double_quote_is_named_where_it_opens),
        cmocka_unit_test(test_unclosed_single_quote_is_named_where_it_opens),
        cmocka_unit_test(test_unclosed_quote_in_a_nested_mapping_names_the_whole_path),
        cmocka_unit_test(test_unclosed_quote_in_a_sequence_names_its_item),
        cmocka_unit_test(test_unclosed_quote_before_a_document_marker),
        cmocka_unit_test(test_quote_closed_by_the_next_one_is_named_where_it_opens),
        cmocka_unit_test(test_unclosed_quote_in_a_base_is_named_in_the_base),
        cmocka_unit_test(test_every_log_scale_spread_above_5_is_refused),
        cmocka_unit_test(test_a_spread_of_50_is_refused_at_its_line),
        cmocka_unit_test(test_spreads_of_0_and_5_are_accepted),
        cmocka_unit_test(test_negative_spread_is_still_refused),
        cmocka_unit_test(test_mobilisation_spread_above_2_is_refused),
        cmocka_unit_test(test_tails_of_2_degrees_of_freedom_are_refused),
    };
    return cmocka_run_group_tests_name("bad input", tests, NULL, NULL);
}
