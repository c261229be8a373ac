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

/* Some diagnostic is in a file ending in @p file, at @p line, about @p field (NULL: any). */
static void assert_reported(const variant *v, const char *file, unsigned line, const char *field)
{
    for (size_t i = 0; i < scrutin_ctx_count(v->ctx); i++) {
        const scrutin_diag *d = scrutin_ctx_get(v->ctx, i);
        size_t n = d->file ? strlen(d->file) : 0, k = strlen(file);
        if (n >= k && strcmp(d->file + n - k, file) == 0 && d->line == line &&
            (!field || (d->field && strcmp(d->field, field) == 0)))
            return;
    }
    for (size_t i = 0; i < scrutin_ctx_count(v->ctx); i++) {
        char buf[1024];
        scrutin_ctx_format(v->ctx, i, buf, sizeof buf);
        print_error("reported: %s\n", buf);
    }
    fail_msg("nothing reported at %s:%u (%s)", file, line, field ? field : "any field");
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
    };
    return cmocka_run_group_tests_name("bad input", tests, NULL, NULL);
}
