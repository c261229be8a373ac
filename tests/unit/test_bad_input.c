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

/*
 * The quote that closes the open one ends its line: libyaml trips only on the next line
 * (7), one below the quoted value's last (6). Still named where the value opens (5).
 */
static void test_quote_closed_at_a_line_end_is_named_where_it_opens(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "  - {id: LEFT}\n  - {id: RIGHT}\n",
                         "  - {id: LEFT, name: \"Left}\n" /* 5 */
                         "  - {id: RIGHT, title: \"\n"    /* 6 */
                         "  - {id: CENTRE}\n");          /* 7 */
    assert_unclosed_quote_at(yaml, 5, "coalitions[0].name", "runs on to line");
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

/* ------------------------------------------------------------------------ */
/* Numbers read whole, names that are ids, majorities, tables, files          */

/* @p yaml (a variant of good_yaml) is refused with one diagnostic at @p line, about @p field. */
static void assert_one_problem(const char *yaml, unsigned line, const char *field,
                               const char *says)
{
    variant v;
    run_variant(&v, yaml, good_districts, good_lists);
    if (v.status != SCRUTIN_EINPUT || scrutin_ctx_count(v.ctx) != 1) {
        for (size_t i = 0; i < scrutin_ctx_count(v.ctx); i++) {
            char buf[1024];
            scrutin_ctx_format(v.ctx, i, buf, sizeof buf);
            print_error("reported: %s\n", buf);
        }
        fail_msg("%s: status %d, %zu diagnostics; wanted one, at line %u", yaml, v.status,
                 scrutin_ctx_count(v.ctx), line);
    }
    const scrutin_diag *d = assert_reported(&v, "scenario.yaml", line, field);
    if (!strstr(d->message, says))
        fail_msg("\"%s\" does not say \"%s\"", d->message, says);
    cleanup(&v);
}

/* @p from in good_yaml replaced with @p to: refused as assert_one_problem says. */
static void assert_replaced_refused(const char *from, const char *to, unsigned line,
                                    const char *field, const char *says)
{
    char *yaml = replace(good_yaml, from, to);
    assert_one_problem(yaml, line, field, says);
    free(yaml);
}

/* @p from in good_yaml replaced with @p to: valid. */
static void assert_replaced_valid(const char *from, const char *to)
{
    char *yaml = replace(good_yaml, from, to);
    variant v;
    run_variant(&v, yaml, good_districts, good_lists);
    if (v.status != SCRUTIN_OK)
        fail_msg("%s: status %d, wanted valid", to, v.status);
    cleanup(&v);
    free(yaml);
}

/*
 * libcyaml alone reads "6abc", "6.9", "0x6" and "6 seats" as 6 and "010" as 8 (octal): an
 * integer is base-10 digits, the whole value.
 */
static void test_whole_numbers_are_read_whole_in_base_10(void **state)
{
    (void)state;
    const char *const bad_seats[] = {"seats: 6abc\n", "seats: 6.9\n", "seats: 0x6\n",
                                     "seats: 6 seats\n", "seats: \" 6\"\n", "seats: 6e0\n"};
    for (size_t i = 0; i < sizeof bad_seats / sizeof *bad_seats; i++)
        assert_replaced_refused("seats: 6\n", bad_seats[i], 3, "seats", "is not a whole number");
    assert_replaced_refused("seats: 6\n", "seats: 6\nmajority: 010\n", 4, "majority",
                            "\"010\" is not a whole number: expected base-10 digits without a "
                            "leading zero: write 10");
    assert_replaced_refused("seats: 6\n", "seats: 6\nsupermajority: 4.5\n", 4, "supermajority",
                            "\"4.5\" is not a whole number");
    assert_replaced_refused("format: 1\n", "format: 1.0\n", 1, "format", "is not a whole number");
    assert_replaced_refused("lists: lists.csv\n", "lists: lists.csv\nrules: {round2_lists: 2.5}\n",
                            14, "rules.round2_lists", "\"2.5\" is not a whole number");
    assert_replaced_refused("lists: lists.csv\n",
                            "lists: lists.csv\nsystems:\n  - {system: two-round-list, "
                            "round2_lists: 3x}\n",
                            15, "systems[0].round2_lists", "\"3x\" is not a whole number");
    assert_replaced_refused("lists: lists.csv\n",
                            "lists: lists.csv\ncourt:\n  annulments:\n    - {district: D1, "
                            "round: 1st, action: strike, struck_votes: 10}\n",
                            16, "court.annulments[0].round", "\"1st\" is not a whole number");
    /* A '+' is allowed, as in C; the value is the same. */
    assert_replaced_valid("seats: 6\n", "seats: +6\nmajority: 4\n");
}

static void test_real_numbers_are_read_whole_in_decimal(void **state)
{
    (void)state;
    const char *const bad_sd[] = {"0.3abc", "0.3.5", "0x0.4p0", "\"0.3 \"", "'0,3'", "1e"};
    char to[64];
    for (size_t i = 0; i < sizeof bad_sd / sizeof *bad_sd; i++) {
        snprintf(to, sizeof to, "lists: lists.csv\nmodel: {sd_list: %s}\n", bad_sd[i]);
        assert_replaced_refused("lists: lists.csv\n", to, 14, "model.sd_list", "is not a number");
    }
    /* Every real of the schema, deep in sequences and in changes too. */
    assert_replaced_refused("lists: lists.csv\n",
                            "lists: lists.csv\nmodel:\n  runoff:\n    retention_by_region:\n"
                            "      - {region: North, value: 0.9x}\n",
                            17, "model.runoff.retention_by_region[0].value", "\"0.9x\"");
    assert_replaced_refused("lists: lists.csv\n",
                            "lists: lists.csv\ncourt:\n  annulments:\n    - {district: D1, "
                            "round: 1, action: strike, struck_votes: 10 votes}\n",
                            16, "court.annulments[0].struck_votes", "is not a number");
    assert_replaced_refused("lists: lists.csv\n",
                            "lists: lists.csv\ncourt:\n  model:\n    round1: {base: 0.1, "
                            "scale: 2%}\n",
                            16, "court.model.round1.scale", "\"2%\" is not a number");
    assert_replaced_refused("lists: lists.csv\n",
                            "lists: lists.csv\nchanges:\n  - shift: {party: A, points: 5pts}\n",
                            15, "changes[0].shift.points", "\"5pts\" is not a number");
    /* Decimal forms are read as before; nan and inf keep the compiler's own message. */
    assert_replaced_valid("lists: lists.csv\n",
                          "lists: lists.csv\nmodel: {sd_list: .25, sd_party: 1e-1, "
                          "sd_region: +0.1, sd_coalition: 2.}\n");
    assert_replaced_refused("lists: lists.csv\n", "lists: lists.csv\nmodel: {sd_list: nan}\n", 14,
                            "model.sd_list", "nan is not a finite number >= 0");
}

/* A bad number in the base of a what-if is named in the base. */
static void test_a_bad_number_in_a_base_is_named_in_the_base(void **state)
{
    (void)state;
    char *yaml = replace(good_yaml, "seats: 6\n", "seats: 6\nmajority: 4 seats\n");
    variant v;
    run_variant(&v, yaml, good_districts, good_lists);
    scrutin_ctx_clear(v.ctx);
    write_file(v.dir, "whatif.yaml", "base: scenario.yaml\nname: w\nmodel: {sd_list: 0.3}\n");
    char whatif[160];
    snprintf(whatif, sizeof whatif, "%s/whatif.yaml", v.dir);
    scrutin_scenario *s = NULL;
    assert_int_equal(scrutin_scenario_load(&s, whatif, v.ctx), SCRUTIN_EINPUT);
    assert_null(s);
    assert_int_equal(scrutin_ctx_count(v.ctx), 1);
    assert_reported(&v, "/scenario.yaml", 4, "majority");
    unlink(whatif);
    cleanup(&v);
    free(yaml);
}

/*
 * scrutin sweep sets its values as nodes of the merged document: they are read as strictly,
 * so that step 2.5 of rules.round2_lists is refused rather than run as 2.
 */
static void test_a_setting_is_read_as_strictly_as_the_file(void **state)
{
    (void)state;
    variant v;
    run_variant(&v, good_yaml, good_districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_OK);
    scrutin_scenario *s = NULL;
    const scrutin_scenario_setting half = {"rules.round2_lists", "2.5"};
    assert_int_equal(scrutin_scenario_load_with(&s, v.path, &half, 1, v.ctx), SCRUTIN_EINPUT);
    assert_null(s);
    assert_int_equal(scrutin_ctx_count(v.ctx), 1);
    const scrutin_diag *d = scrutin_ctx_get(v.ctx, 0);
    assert_string_equal(d->file, "rules.round2_lists=2.5");
    assert_int_equal(d->line, 0);
    assert_string_equal(d->field, "rules.round2_lists");
    assert_non_null(strstr(d->message, "\"2.5\" is not a whole number"));
    const scrutin_scenario_setting three = {"rules.round2_lists", "3"};
    scrutin_ctx_clear(v.ctx);
    assert_int_equal(scrutin_scenario_load_with(&s, v.path, &three, 1, v.ctx), SCRUTIN_OK);
    scrutin_scenario_free(s);
    /* The sweep of the review: 2, 2.5, 3; its middle step is bad input, the others load. */
    scrutin_sweep *sweep = NULL;
    assert_int_equal(scrutin_sweep_new(&sweep, "rules.round2_lists", 2.0, 3.0, 3, 10, v.ctx),
                     SCRUTIN_OK);
    for (size_t step = 0; step < 3; step++) {
        scrutin_model *m = NULL;
        int status = scrutin_sweep_load_step(&m, sweep, v.path, step, v.ctx);
        assert_int_equal(status, step == 1 ? SCRUTIN_EINPUT : SCRUTIN_OK);
        assert_true(scrutin_status_is_input_error(status) || status == SCRUTIN_OK);
        scrutin_model_free(m);
    }
    scrutin_sweep_free(sweep);
    cleanup(&v);
}

/* The name names the output folder results/NAME: "../../../tmp/evil dir" must not pass. */
static void test_the_name_is_an_id(void **state)
{
    (void)state;
    assert_replaced_refused("name: small\n", "name: \"../../../tmp/evil dir\"\n", 2, "name",
                            "\"../../../tmp/evil dir\" is not a valid id");
    assert_replaced_refused("name: small\n", "name: 2007\n", 2, "name", "is not a valid id");
    assert_replaced_valid("name: small\n", "name: mali-2007_v1.2\n");
}

/* A what-if without a name takes its file's stem, which must be an id too. */
static void test_a_whatif_named_after_a_file_that_is_no_id_is_refused(void **state)
{
    (void)state;
    variant v;
    run_variant(&v, good_yaml, good_districts, good_lists);
    assert_int_equal(v.status, SCRUTIN_OK);
    const char *text = "# no name: named after the file\nbase: scenario.yaml\n";
    write_file(v.dir, "what if.yaml", text);
    char whatif[160];
    snprintf(whatif, sizeof whatif, "%s/what if.yaml", v.dir);
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    assert_int_equal(scrutin_scenario_load(&s, whatif, v.ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_model_compile(&m, s, v.ctx), SCRUTIN_EINPUT);
    scrutin_scenario_free(s);
    assert_int_equal(scrutin_ctx_count(v.ctx), 1);
    const scrutin_diag *d = assert_reported(&v, "/what if.yaml", 2, "name");
    assert_non_null(strstr(d->message, "its file's name \"what if\" is not a valid id"));
    /* With a name of its own, or a file name that is an id, it is valid. */
    scrutin_ctx_clear(v.ctx);
    write_file(v.dir, "what if.yaml", "base: scenario.yaml\nname: what-if\n");
    assert_int_equal(scrutin_scenario_load(&s, whatif, v.ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_model_compile(&m, s, v.ctx), SCRUTIN_OK);
    scrutin_model_free(m);
    scrutin_scenario_free(s);
    unlink(whatif);
    char named[160];
    snprintf(named, sizeof named, "%s/what-if.yaml", v.dir);
    write_file(v.dir, "what-if.yaml", text);
    assert_int_equal(scrutin_scenario_load(&s, named, v.ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_model_compile(&m, s, v.ctx), SCRUTIN_OK);
    assert_string_equal(scrutin_model_name(m), "what-if");
    scrutin_model_free(m);
    scrutin_scenario_free(s);
    unlink(named);
    cleanup(&v);
}

/* No diagnostic of @p v is about @p field. */
static void assert_not_reported(const variant *v, const char *field)
{
    for (size_t i = 0; i < scrutin_ctx_count(v->ctx); i++) {
        const scrutin_diag *d = scrutin_ctx_get(v->ctx, i);
        if (d->field && strcmp(d->field, field) == 0)
            fail_msg("%s reported: %s", field, d->message);
    }
}

/*
 * With bad seats, the majorities are not checked against them: no message about keys that are
 * not in the file; a majority given in the file is checked against valid seats, at its line.
 */
static void test_majorities_are_checked_only_against_valid_seats(void **state)
{
    (void)state;
    const char *const bad_seats[] = {"seats: 0\n", "seats: 4294967295\n", "seats: 10001\n"};
    for (size_t i = 0; i < sizeof bad_seats / sizeof *bad_seats; i++) {
        char *yaml = replace(good_yaml, "seats: 6\n", bad_seats[i]);
        variant v;
        run_variant(&v, yaml, good_districts, good_lists);
        assert_int_equal(v.status, SCRUTIN_EINPUT);
        assert_reported(&v, "scenario.yaml", 3, "seats");
        assert_not_reported(&v, "majority");
        assert_not_reported(&v, "supermajority");
        cleanup(&v);
        free(yaml);
    }
    assert_replaced_refused("seats: 6\n", "seats: 6\nmajority: 7\n", 4, "majority",
                            "majority 7 is not between 1 and the 6 seats");
    assert_replaced_refused("seats: 6\n", "seats: 6\nsupermajority: 0\n", 4, "supermajority",
                            "supermajority 0 is not between 1 and the 6 seats");
}

/* A file of @p dir named @p name holds "\xEF\xBB\xBF" and then the file at @p source. */
static void write_with_bom(const char *dir, const char *name, const char *source)
{
    FILE *in = fopen(source, "rb");
    assert_non_null(in);
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    fputs("\xEF\xBB\xBF", out);
    int ch;
    while ((ch = fgetc(in)) != EOF)
        fputc(ch, out);
    fclose(in);
    fclose(out);
}

/* Spreadsheets save "CSV UTF-8" with a byte-order mark: it is no part of the first column. */
static void test_tables_with_a_byte_order_mark_are_read(void **state)
{
    (void)state;
    variant v;
    run_variant(&v, NULL, NULL, NULL);
    scrutin_ctx_clear(v.ctx);
    FILE *in = fopen(SOURCE_PATH("tests/data/small/scenario.yaml"), "rb");
    assert_non_null(in);
    char yaml[4096];
    size_t n = fread(yaml, 1, sizeof yaml - 1, in);
    fclose(in);
    yaml[n] = '\0';
    write_file(v.dir, "scenario.yaml", yaml);
    write_with_bom(v.dir, "districts.csv", SOURCE_PATH("tests/data/small/districts.csv"));
    write_with_bom(v.dir, "lists.csv", SOURCE_PATH("tests/data/small/lists.csv"));
    scrutin_scenario *s = NULL;
    scrutin_model *m = NULL;
    assert_int_equal(scrutin_scenario_load(&s, v.path, v.ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_model_compile(&m, s, v.ctx), SCRUTIN_OK);
    assert_int_equal(scrutin_ctx_count(v.ctx), 0);
    assert_int_equal(scrutin_model_count(m, SCRUTIN_ENTITY_DISTRICT), 3);
    scrutin_model_free(m);
    scrutin_scenario_free(s);
    cleanup(&v);
}

/* Load @p path: refused with one diagnostic, which says @p says. @return it */
static const scrutin_diag *assert_cannot_open(variant *v, const char *path, int status,
                                              const char *says)
{
    scrutin_ctx_clear(v->ctx);
    scrutin_scenario *s = NULL;
    assert_int_equal(scrutin_scenario_load(&s, path, v->ctx), status);
    assert_null(s);
    if (scrutin_ctx_count(v->ctx) != 1)
        fail_msg("%zu diagnostics, wanted one", scrutin_ctx_count(v->ctx));
    const scrutin_diag *d = scrutin_ctx_get(v->ctx, 0);
    if (!strstr(d->message, says))
        fail_msg("\"%s\" does not say \"%s\"", d->message, says);
    return d;
}

/* A file that cannot be opened is named once, at the key that names it, with the cause. */
static void test_a_file_that_cannot_be_opened_is_named_with_its_cause(void **state)
{
    (void)state;
    variant v;
    run_variant(&v, good_yaml, good_districts, NULL);
    const scrutin_diag *d = assert_cannot_open(&v, v.path, SCRUTIN_ENOENT,
                                               "the lists table \"lists.csv\" cannot be opened");
    assert_non_null(strstr(d->message, "No such file or directory"));
    assert_reported(&v, "scenario.yaml", 13, "lists");
    /* A folder where a table should be. */
    char *yaml = replace(good_yaml, "districts: districts.csv\n", "districts: /tmp\n");
    write_file(v.dir, "scenario.yaml", yaml);
    write_file(v.dir, "lists.csv", good_lists);
    assert_cannot_open(&v, v.path, SCRUTIN_ENOENT, "it is a folder");
    assert_reported(&v, "scenario.yaml", 12, "districts");
    /* A folder, or nothing, where the scenario file should be. */
    d = assert_cannot_open(&v, v.dir, SCRUTIN_ENOENT, "cannot open the scenario file: it is a "
                                                      "folder");
    assert_string_equal(d->file, v.dir);
    char nowhere[160];
    snprintf(nowhere, sizeof nowhere, "%s/nowhere.yaml", v.dir);
    assert_cannot_open(&v, nowhere, SCRUTIN_ENOENT,
                       "cannot open the scenario file: No such file or directory");
    /* A folder named as a base: at the what-if's base line. */
    char whatif[160];
    snprintf(whatif, sizeof whatif, "%s/whatif.yaml", v.dir);
    write_file(v.dir, "whatif.yaml", "name: w\nbase: /tmp\n");
    assert_cannot_open(&v, whatif, SCRUTIN_ENOENT,
                       "the base scenario \"/tmp\" cannot be opened (/tmp): it is a folder");
    assert_reported(&v, "whatif.yaml", 2, "base");
    unlink(whatif);
    cleanup(&v);
    free(yaml);
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
        cmocka_unit_test(test_quote_closed_at_a_line_end_is_named_where_it_opens),
        cmocka_unit_test(test_unclosed_quote_in_a_base_is_named_in_the_base),
        cmocka_unit_test(test_every_log_scale_spread_above_5_is_refused),
        cmocka_unit_test(test_a_spread_of_50_is_refused_at_its_line),
        cmocka_unit_test(test_spreads_of_0_and_5_are_accepted),
        cmocka_unit_test(test_negative_spread_is_still_refused),
        cmocka_unit_test(test_mobilisation_spread_above_2_is_refused),
        cmocka_unit_test(test_tails_of_2_degrees_of_freedom_are_refused),
        cmocka_unit_test(test_whole_numbers_are_read_whole_in_base_10),
        cmocka_unit_test(test_real_numbers_are_read_whole_in_decimal),
        cmocka_unit_test(test_a_bad_number_in_a_base_is_named_in_the_base),
        cmocka_unit_test(test_a_setting_is_read_as_strictly_as_the_file),
        cmocka_unit_test(test_the_name_is_an_id),
        cmocka_unit_test(test_a_whatif_named_after_a_file_that_is_no_id_is_refused),
        cmocka_unit_test(test_majorities_are_checked_only_against_valid_seats),
        cmocka_unit_test(test_tables_with_a_byte_order_mark_are_read),
        cmocka_unit_test(test_a_file_that_cannot_be_opened_is_named_with_its_cause),
    };
    return cmocka_run_group_tests_name("bad input", tests, NULL, NULL);
}
