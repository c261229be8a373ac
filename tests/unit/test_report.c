/* The outputs of a run: number formatting, atomic files, the tables' columns and values. */
#include "test_support.h"

#include <dirent.h>
#include <jansson.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/number_format.h"
#include "report/output_files.h"
#include "report/run_tables.h"
#include "scrutin.h"
#include "scrutin/summary.h"
#include "scrutin/tally.h"
#include "tally/tally_types.h"

/* ---- helpers ------------------------------------------------------------ */

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* The whole file, NUL-terminated; freed by the caller. */
static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static char *first_line(const char *path)
{
    char *text = read_text(path);
    char *nl = strchr(text, '\n');
    assert_non_null(nl);
    *nl = '\0';
    return text;
}

/* 1 if @p path's text has a line equal to @p line. */
static int has_line(const char *path, const char *line)
{
    char *text = read_text(path);
    size_t n = strlen(line);
    int found = 0;
    for (char *p = text; *p && !found; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p))
        found = strncmp(p, line, n) == 0 && (p[n] == '\n' || p[n] == '\0');
    free(text);
    return found;
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char child[1024];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            remove_tree(child);
        }
        closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void path_in(char *buf, size_t size, const char *dir, const char *name)
{
    int n = snprintf(buf, size, "%s/%s", dir, name);
    assert_true(n > 0 && (size_t)n < size);
}

/*
 * The test assembly: 18 seats (majority 10, supermajority 12) in two districts
 * of 9; parties A (coalition L) and B (coalition R); two lists per district.
 */
static const char scenario_yaml[] = "format: 1\n"
                                    "name: synthetic\n"
                                    "seats: 18\n"
                                    "coalitions:\n"
                                    "  - {id: L}\n"
                                    "  - {id: R}\n"
                                    "parties:\n"
                                    "  - {id: A, coalition: L}\n"
                                    "  - {id: B, coalition: R}\n"
                                    "regions:\n"
                                    "  - {id: North}\n"
                                    "  - {id: South}\n"
                                    "districts: districts.csv\n"
                                    "lists: lists.csv\n";
static const char districts_csv[] = "district,region,seats,registered,voters,invalid,source\n"
                                    "D1,North,9,10000,5000,0,test\n"
                                    "D2,South,9,10000,5000,0,test\n";
static const char lists_csv[] = "district,list,kind,candidates,votes_r1,source\n"
                                "D1,LA,party,A;A;A;A;A;A;A;A;A,3000,test\n"
                                "D1,LB,party,B;B;B;B;B;B;B;B;B,2000,test\n"
                                "D2,LA,party,A;A;A;A;A;A;A;A;A,2000,test\n"
                                "D2,LB,party,B;B;B;B;B;B;B;B;B,3000,test\n";

typedef struct fixture {
    char dir[64]; /* a fresh temporary folder */
    scrutin_ctx *ctx;
    scrutin_scenario *scenario;
    scrutin_model *model;
    scrutin_tally *tally;
    scrutin_summary *summary;
} fixture;

static void write_scenario(const char *dir)
{
    char path[256];
    path_in(path, sizeof path, dir, "scenario.yaml");
    write_text(path, scenario_yaml);
    path_in(path, sizeof path, dir, "districts.csv");
    write_text(path, districts_csv);
    path_in(path, sizeof path, dir, "lists.csv");
    write_text(path, lists_csv);
}

/* Groups are parties then coalitions: A, B, L, R. */
enum { A, B, L, R, GROUPS };

/* One simulated election with seats [A, B] provisional and final, and the seats the court moved. */
static void add_election(scrutin_tally *t, unsigned a_prov, unsigned a_final, unsigned moved)
{
    unsigned prov[GROUPS] = {a_prov, 18 - a_prov, a_prov, 18 - a_prov};
    unsigned final[GROUPS] = {a_final, 18 - a_final, a_final, 18 - a_final};
    const unsigned *const seats[SCRUTIN_STAGES] = {prov, final};
    tally_add_seats(t, seats, moved);
}

/*
 * 1000 elections: in 500, A holds 0 seats and B 18; in the other 500, A holds
 * 10 provisionally and 8 after the court, which moves 2 seats to B. D1 is
 * decided in round 1 in 250 of them; the court changes D2's winner in the 500.
 */
static void fill_half_and_half(scrutin_tally *t, int from, int to)
{
    for (int i = from; i < to; i++) {
        if (i % 2 == 0) {
            add_election(t, 0, 0, 0);
        } else {
            add_election(t, 10, 8, 2);
            tally_district(t, SCRUTIN_DISTRICT_COURT_FLIP)[1]++;
            tally_list(t, SCRUTIN_LIST_WIN_PROVISIONAL)[2]++;
            tally_list(t, SCRUTIN_LIST_WIN_FINAL)[3]++;
        }
        if (i % 4 == 0)
            tally_district(t, SCRUTIN_DISTRICT_ROUND1)[0]++;
    }
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    strcpy(f->dir, "/tmp/scrutin-test-report-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    write_scenario(f->dir);
    char path[256];
    path_in(path, sizeof path, f->dir, "scenario.yaml");
    assert_int_equal(scrutin_ctx_new(&f->ctx), 0);
    assert_int_equal(scrutin_scenario_load(&f->scenario, path, f->ctx), 0);
    assert_int_equal(scrutin_model_compile(&f->model, f->scenario, f->ctx), 0);
    assert_int_equal(scrutin_tally_new(&f->tally, f->model), 0);
    fill_half_and_half(f->tally, 0, 1000);
    assert_int_equal(scrutin_summary_compute(&f->summary, f->model, f->tally, f->ctx), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    scrutin_summary_free(f->summary);
    scrutin_tally_free(f->tally);
    scrutin_model_free(f->model);
    scrutin_scenario_free(f->scenario);
    scrutin_ctx_free(f->ctx);
    remove_tree(f->dir);
    free(f);
    return 0;
}

static scrutin_run_info info_for(uint64_t seed)
{
    scrutin_run_info info = SCRUTIN_RUN_INFO_INIT;
    info.scenario_hash = "0123456789abcdef0123456789abcdef";
    info.scenario_path = "somewhere/scenario.yaml";
    info.seed = seed;
    info.requested = 1000;
    info.threads = 3;
    info.load_seconds = 0.25;
    info.simulate_seconds = 1.5;
    return info;
}

/* Write the fixture's run into DIR/NAME; @p out receives that folder. */
static int report_into(fixture *f, const char *name, char *out, size_t size)
{
    path_in(out, size, f->dir, name);
    scrutin_run_info info = info_for(7);
    return scrutin_run_write(out, f->model, f->tally, f->summary, &info, f->ctx);
}

/* ---- number formatting -------------------------------------------------- */

static void expect_number(double v, const char *text)
{
    char buf[REPORT_NUMBER_SIZE];
    report_format_double(buf, v);
    assert_string_equal(buf, text);
}

static void test_numbers_are_shortest_round_trip(void **state)
{
    (void)state;
    expect_number(0.1, "0.1");
    expect_number(1.0 / 3.0, "0.3333333333333333");
    expect_number(2.0 / 3.0, "0.6666666666666666");
    expect_number(0.1 + 0.2, "0.30000000000000004");
    expect_number(1e-300, "1e-300");
    expect_number(0.0, "0");
    expect_number(-0.0, "0");
    expect_number(5.0, "5");
    expect_number(0.5, "0.5");
    expect_number(-2.25, "-2.25");
    expect_number(1e21, "1e+21");
    expect_number(5e-324, "4.94065645841247e-324"); /* 15 digits suffice for the smallest subnormal */
    expect_number(NAN, "");
    expect_number(INFINITY, "");
}

/* Many doubles: each reads back exactly, and no shorter of the three precisions would have. */
static void test_numbers_round_trip_exactly(void **state)
{
    (void)state;
    uint64_t x = 88172645463325252u;
    char buf[REPORT_NUMBER_SIZE], shorter[REPORT_NUMBER_SIZE];
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17; /* xorshift64: any bit pattern */
        double v;
        uint64_t bits = x;
        memcpy(&v, &bits, sizeof v);
        if (!isfinite(v))
            continue;
        if (i % 2)
            v = (double)(x >> 11) / 9007199254740992.0; /* a probability-like value */
        report_format_double(buf, v);
        assert_true(strtod(buf, NULL) == v || (v == 0.0 && strcmp(buf, "0") == 0));
        for (int d = 15; d < 17; d++) {
            snprintf(shorter, sizeof shorter, "%.*g", d, v);
            if (strtod(shorter, NULL) == v) {
                assert_true(strlen(buf) <= strlen(shorter));
                break;
            }
        }
    }
}

/*
 * A locale whose decimal point is a comma: an installed one, or one compiled
 * with localedef into @p dir (LOCPATH is read by every setlocale call).
 */
static const char *comma_locale(const char *dir)
{
    static const char *const installed[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "fr_FR"};
    for (size_t i = 0; i < 4; i++)
        if (setlocale(LC_NUMERIC, installed[i]))
            return installed[i];
    char command[512];
    snprintf(command, sizeof command,
             "localedef -c -i de_DE -f UTF-8 '%s/de_DE.UTF-8' >/dev/null 2>&1", dir);
    if (system(command) == -1)
        return NULL;
    setenv("LOCPATH", dir, 1);
    return setlocale(LC_NUMERIC, "de_DE.UTF-8") ? "de_DE.UTF-8 (compiled)" : NULL;
}

/* A program that embeds the library may set a locale with a decimal comma. */
static void test_numbers_ignore_the_program_locale(void **state)
{
    fixture *f = *state;
    const char *name = comma_locale(f->dir);
    if (!name) {
        print_message("no locale with a decimal comma could be found or compiled: skipped\n");
        skip();
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%.2f", 0.25);
    assert_string_equal(buf, "0,25"); /* the locale is in effect */
    report_locale c;
    assert_int_equal(report_locale_enter(&c), 0);
    expect_number(0.25, "0.25");
    report_locale_leave(&c);
    /* The whole run's files too. */
    char out[256], path[512];
    path_in(out, sizeof out, f->dir, "comma");
    scrutin_run_info info = SCRUTIN_RUN_INFO_INIT;
    assert_int_equal(scrutin_run_write(out, f->model, f->tally, f->summary, &info, f->ctx), 0);
    path_in(path, sizeof path, out, "seats_distribution.csv");
    assert_true(has_line(path, "provisional,party,A,0,500,0.5"));
    snprintf(buf, sizeof buf, "%.2f", 0.25);
    assert_string_equal(buf, "0,25"); /* and the program's locale is left as it was */
    setlocale(LC_NUMERIC, "C");
    unsetenv("LOCPATH");
}

/* ---- atomic files ------------------------------------------------------- */

static void test_atomic_write_leaves_no_temporary_file(void **state)
{
    fixture *f = *state;
    char dir[256], path[256];
    path_in(dir, sizeof dir, f->dir, "atomic");
    assert_int_equal(report_make_folder(dir, f->ctx), 0);
    atomic_file af;
    assert_int_equal(atomic_file_open(&af, dir, "table.csv", f->ctx), 0);
    fputs("a,b\n1,2\n", af.f);
    path_in(path, sizeof path, dir, "table.csv");
    assert_int_equal(access(path, F_OK), -1); /* not there until complete */
    assert_int_equal(count_entries(dir), 1);  /* the temporary file */
    assert_int_equal(atomic_file_commit(&af, f->ctx), 0);
    assert_int_equal(count_entries(dir), 1); /* only the final file */
    char *text = read_text(path);
    assert_string_equal(text, "a,b\n1,2\n");
    free(text);
}

static void test_atomic_write_replaces_an_existing_file(void **state)
{
    fixture *f = *state;
    char path[256];
    path_in(path, sizeof path, f->dir, "replaced.csv");
    write_text(path, "old contents, longer than the new ones\n");
    atomic_file af;
    assert_int_equal(atomic_file_open(&af, f->dir, "replaced.csv", f->ctx), 0);
    fputs("new\n", af.f);
    assert_int_equal(atomic_file_commit(&af, f->ctx), 0);
    char *text = read_text(path);
    assert_string_equal(text, "new\n");
    free(text);
}

static void test_aborted_write_keeps_the_old_file(void **state)
{
    fixture *f = *state;
    char dir[256], path[256];
    path_in(dir, sizeof dir, f->dir, "aborted");
    assert_int_equal(report_make_folder(dir, f->ctx), 0);
    path_in(path, sizeof path, dir, "kept.csv");
    write_text(path, "old\n");
    atomic_file af;
    assert_int_equal(atomic_file_open(&af, dir, "kept.csv", f->ctx), 0);
    fputs("half a fi", af.f);
    atomic_file_abort(&af);
    assert_int_equal(count_entries(dir), 1);
    char *text = read_text(path);
    assert_string_equal(text, "old\n");
    free(text);
}

/* ---- the files of a run ------------------------------------------------- */

static void test_csv_headers_are_the_contract(void **state)
{
    fixture *f = *state;
    char out[256], path[512];
    assert_int_equal(report_into(f, "headers", out, sizeof out), 0);
    static const char *const expected[][2] = {
        {"seats_distribution.csv", "stage,group_kind,group,seats,count,probability"},
        {"seats_summary.csv",
         "stage,group_kind,group,mean,sd,p05,p25,p50,p75,p95,p_majority,p_majority_se,"
         "p_supermajority,p_largest,mean_se,p_supermajority_se,p_largest_se,court_shift_mean,"
         "court_shift_se,p_majority_changed,p_majority_changed_se"},
        {"districts.csv", "district,region,seats,p_decided_round1,p_court_flip,p_tie,"
                          "p_decided_round1_se,p_court_flip_se,p_tie_se,p_rerun,p_rerun_se"},
        {"district_lists.csv", "district,list,p_round2,p_win_provisional,p_win_final,p_rejected,"
                               "p_round2_se,p_win_provisional_se,p_win_final_se,p_rejected_se,"
                               "parties,coalition"},
        {"district_leverage.csv",
         "district,group_kind,group,p_seat,p_majority_if_seat,p_majority_if_no_seat,leverage,"
         "p_seat_se,p_majority_if_seat_se,p_majority_if_no_seat_se,leverage_se"},
        {"district_runoffs.csv",
         "district,list_a,list_b,p_meet,p_a_wins_if_meet,p_meet_se,p_a_wins_if_meet_se"},
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        path_in(path, sizeof path, out, expected[i][0]);
        char *line = first_line(path);
        assert_string_equal(line, expected[i][1]);
        free(line);
    }
    assert_int_equal(count_entries(out), 7); /* the six tables and run.json, no temporary file */
}

static void test_half_zero_half_ten_seats_has_mean_five(void **state)
{
    fixture *f = *state;
    const scrutin_group_summary *a = &f->summary->groups[SCRUTIN_STAGE_PROVISIONAL][SCRUTIN_GROUP_PARTY][A];
    assert_close(a->mean, 5.0, 1e-12);
    /* Sample sd of 500 zeros and 500 tens: 5 * sqrt(1000 / 999). */
    assert_close(a->sd, 5.0 * sqrt(1000.0 / 999.0), 1e-12);
    assert_close(a->majority.p, 0.5, 1e-12); /* 10 >= majority 10 */
    assert_close(a->majority.se, sqrt(0.25 / 1000.0), 1e-15);
    assert_close(a->supermajority.p, 0.0, 0.0); /* 10 < 12 */

    char out[256], path[512];
    assert_int_equal(report_into(f, "values", out, sizeof out), 0);
    path_in(path, sizeof path, out, "seats_distribution.csv");
    assert_true(has_line(path, "provisional,party,A,0,500,0.5"));
    assert_true(has_line(path, "provisional,party,A,10,500,0.5"));
    assert_true(has_line(path, "final,party,A,8,500,0.5"));
    assert_true(has_line(path, "final,coalition,R,10,500,0.5"));
    assert_false(has_line(path, "provisional,party,A,1,0,0")); /* zero counts are left out */

    path_in(path, sizeof path, out, "seats_summary.csv");
    char expected[512];
    /* Quantiles: P(X <= 0) = 0.5 exactly, so the median is 0; the court columns are empty. */
    char sd[REPORT_NUMBER_SIZE], p_se[REPORT_NUMBER_SIZE], mean_se[REPORT_NUMBER_SIZE];
    report_format_double(sd, a->sd);
    report_format_double(p_se, a->majority.se);
    report_format_double(mean_se, a->mean_se);
    snprintf(expected, sizeof expected,
             "provisional,party,A,5,%s,0,0,0,10,10,0.5,%s,0,0.5,%s,0,%s,,,,", sd, p_se, mean_se,
             p_se);
    assert_true(has_line(path, expected));
    /* Final: A's shift is -2 in half the elections (mean -1); its majority changes in those. */
    const scrutin_court_summary *c = &f->summary->court[SCRUTIN_GROUP_PARTY][A];
    assert_close(c->shift_mean, -1.0, 1e-12);
    assert_close(c->majority_changed.p, 0.5, 1e-12);
    assert_close(f->summary->court_moved_mean, 1.0, 1e-12);
    char *text = read_text(path);
    assert_non_null(strstr(text, "\nfinal,party,A,4,"));
    free(text);

    path_in(path, sizeof path, out, "districts.csv");
    char r1_se[REPORT_NUMBER_SIZE], flip_se[REPORT_NUMBER_SIZE];
    report_format_double(r1_se, sqrt(0.25 * 0.75 / 1000.0));
    report_format_double(flip_se, sqrt(0.25 / 1000.0));
    snprintf(expected, sizeof expected, "D1,North,9,0.25,0,0,%s,0,0,0,0", r1_se);
    assert_true(has_line(path, expected));
    snprintf(expected, sizeof expected, "D2,South,9,0,0.5,0,0,%s,0,0,0", flip_se);
    assert_true(has_line(path, expected));

    path_in(path, sizeof path, out, "district_lists.csv");
    assert_true(has_line(path, "D1,LA,0,0,0,0,0,0,0,0,A,L"));
    snprintf(expected, sizeof expected, "D2,LA,0,0.5,0,0,0,%s,0,0,A,L", flip_se);
    assert_true(has_line(path, expected));
    snprintf(expected, sizeof expected, "D2,LB,0,0,0.5,0,0,0,%s,0,B,R", flip_se);
    assert_true(has_line(path, expected));
}

static json_t *load_json(const char *dir)
{
    char path[512];
    path_in(path, sizeof path, dir, "run.json");
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    if (!root)
        fail_msg("run.json: line %d: %s", err.line, err.text);
    return root;
}

static void test_run_json_holds_tables_and_metadata(void **state)
{
    fixture *f = *state;
    char out[256];
    assert_int_equal(report_into(f, "json", out, sizeof out), 0);
    json_t *root = load_json(out);
    const char *version = json_string_value(json_object_get(root, "scrutin_version"));
    assert_non_null(version);
    assert_true(version[0] >= '0' && version[0] <= '9');
    json_t *scenario = json_object_get(root, "scenario");
    assert_string_equal(json_string_value(json_object_get(scenario, "name")), "synthetic");
    assert_string_equal(json_string_value(json_object_get(scenario, "hash")),
                        "0123456789abcdef0123456789abcdef");
    assert_int_equal(json_integer_value(json_object_get(root, "seed")), 7);
    json_t *sims = json_object_get(root, "simulations");
    assert_int_equal(json_integer_value(json_object_get(sims, "requested")), 1000);
    assert_int_equal(json_integer_value(json_object_get(sims, "completed")), 1000);
    assert_true(json_is_false(json_object_get(root, "partial")));
    json_t *moved = json_object_get(root, "court_seats_moved");
    assert_close(json_real_value(json_object_get(moved, "mean")), 1.0, 1e-12);
    json_t *exec = json_object_get(root, "execution");
    assert_int_equal(json_integer_value(json_object_get(exec, "threads")), 3);
    assert_int_equal(json_integer_value(json_object_get(exec, "ranks")), 1);
    json_t *timings = json_object_get(exec, "timings");
    assert_close(json_real_value(json_object_get(timings, "simulate_seconds")), 1.5, 0.0);
    assert_true(json_real_value(json_object_get(timings, "write_seconds")) >= 0.0);
    /* The tables, row for row: the provisional court columns are null. */
    assert_int_equal(json_array_size(json_object_get(root, "seats_summary")), 2 * 4);
    assert_int_equal(json_array_size(json_object_get(root, "districts")), 2);
    assert_int_equal(json_array_size(json_object_get(root, "district_lists")), 4);
    assert_true(json_is_array(json_object_get(root, "district_leverage")));
    assert_true(json_is_array(json_object_get(root, "district_runoffs")));
    json_t *first = json_array_get(json_object_get(root, "seats_summary"), 0);
    assert_string_equal(json_string_value(json_object_get(first, "group")), "A");
    assert_close(json_real_value(json_object_get(first, "mean")), 5.0, 0.0);
    assert_true(json_is_null(json_object_get(first, "court_shift_mean")));
    json_t *dist = json_array_get(json_object_get(root, "seats_distribution"), 0);
    assert_int_equal(json_integer_value(json_object_get(dist, "count")), 500);
    json_decref(root);
}

/* The bytes depend on the counts only: a tally merged in another order writes the same files. */
static void test_same_counts_write_the_same_bytes(void **state)
{
    fixture *f = *state;
    scrutin_tally *first = NULL, *second = NULL, *merged = NULL;
    assert_int_equal(scrutin_tally_new(&first, f->model), 0);
    assert_int_equal(scrutin_tally_new(&second, f->model), 0);
    assert_int_equal(scrutin_tally_new(&merged, f->model), 0);
    fill_half_and_half(first, 0, 333);
    fill_half_and_half(second, 333, 1000);
    assert_int_equal(scrutin_tally_merge(merged, second), 0);
    assert_int_equal(scrutin_tally_merge(merged, first), 0);
    assert_true(scrutin_tally_equal(merged, f->tally));
    scrutin_summary *summary = NULL;
    assert_int_equal(scrutin_summary_compute(&summary, f->model, merged, f->ctx), 0);

    char one[256], two[256];
    assert_int_equal(report_into(f, "one", one, sizeof one), 0);
    path_in(two, sizeof two, f->dir, "two");
    scrutin_run_info info = info_for(7);
    info.threads = 16; /* execution details differ */
    info.simulate_seconds = 0.1;
    info.scenario_path = "elsewhere.yaml";
    assert_int_equal(scrutin_run_write(two, f->model, merged, summary, &info, f->ctx), 0);
    static const char *const tables[] = {"seats_distribution.csv", "seats_summary.csv",
                                         "districts.csv", "district_lists.csv",
                                         "district_leverage.csv", "district_runoffs.csv"};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char p1[512], p2[512];
        path_in(p1, sizeof p1, one, tables[i]);
        path_in(p2, sizeof p2, two, tables[i]);
        char *a = read_text(p1), *b = read_text(p2);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    /* run.json: everything but "execution" is equal. */
    json_t *j1 = load_json(one), *j2 = load_json(two);
    assert_false(json_equal(j1, j2));
    json_object_del(j1, "execution");
    json_object_del(j2, "execution");
    assert_true(json_equal(j1, j2));
    json_decref(j1);
    json_decref(j2);
    scrutin_summary_free(summary);
    scrutin_tally_free(first);
    scrutin_tally_free(second);
    scrutin_tally_free(merged);
}

static void test_partial_run_says_so(void **state)
{
    fixture *f = *state;
    char out[256];
    path_in(out, sizeof out, f->dir, "partial");
    scrutin_run_info info = info_for(7);
    info.requested = 5000;
    info.completed = 1000;
    info.partial = 1;
    assert_int_equal(scrutin_run_write(out, f->model, f->tally, f->summary, &info, f->ctx), 0);
    json_t *root = load_json(out);
    assert_true(json_is_true(json_object_get(root, "partial")));
    json_t *sims = json_object_get(root, "simulations");
    assert_int_equal(json_integer_value(json_object_get(sims, "requested")), 5000);
    assert_int_equal(json_integer_value(json_object_get(sims, "completed")), 1000);
    json_decref(root);
    /* A count that contradicts the tally is refused. */
    info.completed = 999;
    assert_int_equal(scrutin_run_write(out, f->model, f->tally, f->summary, &info, f->ctx),
                     SCRUTIN_EINVAL);
}

static void test_output_folder_is_created_with_parents(void **state)
{
    fixture *f = *state;
    char out[256];
    assert_int_equal(report_into(f, "a/b//c/", out, sizeof out), 0);
    char path[512];
    path_in(path, sizeof path, f->dir, "a/b/c/run.json");
    assert_int_equal(access(path, F_OK), 0);
}

/* The message names the folder. (As root, a folder's permissions do not stop writes: a path
   through a regular file fails for everyone.) */
static void test_unwritable_output_folder_is_named(void **state)
{
    fixture *f = *state;
    char file[256], out[256];
    path_in(file, sizeof file, f->dir, "plain-file");
    write_text(file, "not a folder\n");
    path_in(out, sizeof out, file, "results");
    scrutin_run_info info = info_for(7);
    scrutin_ctx_clear(f->ctx);
    assert_int_equal(scrutin_run_write(out, f->model, f->tally, f->summary, &info, f->ctx),
                     SCRUTIN_EINVAL);
    assert_true(scrutin_status_is_input_error(SCRUTIN_EINVAL));
    assert_int_equal(scrutin_ctx_count(f->ctx), 1);
    char msg[1024];
    scrutin_ctx_format(f->ctx, 0, msg, sizeof msg);
    assert_non_null(strstr(msg, out));
    assert_non_null(strstr(msg, "output folder"));
    /* An existing regular file as the folder. */
    scrutin_ctx_clear(f->ctx);
    assert_int_equal(scrutin_run_write(file, f->model, f->tally, f->summary, &info, f->ctx),
                     SCRUTIN_EINVAL);
    scrutin_ctx_format(f->ctx, 0, msg, sizeof msg);
    assert_non_null(strstr(msg, file));
    scrutin_ctx_clear(f->ctx);
}

/* ---- the scenario's hash ------------------------------------------------ */

static void hash_of(fixture *f, const char *dir, char hash[SCRUTIN_SCENARIO_HASH_SIZE])
{
    char path[256];
    path_in(path, sizeof path, dir, "scenario.yaml");
    scrutin_scenario *s = NULL;
    assert_int_equal(scrutin_scenario_load(&s, path, f->ctx), 0);
    assert_int_equal(scrutin_report_scenario_hash(hash, SCRUTIN_SCENARIO_HASH_SIZE, s, f->ctx), 0);
    scrutin_scenario_free(s);
}

static void test_scenario_hash_follows_the_contents(void **state)
{
    fixture *f = *state;
    char h1[SCRUTIN_SCENARIO_HASH_SIZE], h2[SCRUTIN_SCENARIO_HASH_SIZE];
    hash_of(f, f->dir, h1);
    assert_int_equal(strlen(h1), 32);
    assert_int_equal(strspn(h1, "0123456789abcdef"), 32);
    /* A copy elsewhere: same hash. */
    char copy[256];
    path_in(copy, sizeof copy, f->dir, "copy");
    assert_int_equal(mkdir(copy, 0777), 0);
    write_scenario(copy);
    hash_of(f, copy, h2);
    assert_string_equal(h1, h2);
    /* One vote more in a table: another hash. */
    char path[512];
    path_in(path, sizeof path, copy, "lists.csv");
    char *text = read_text(path);
    char *at = strstr(text, "3000");
    at[3] = '1';
    write_text(path, text);
    free(text);
    hash_of(f, copy, h2);
    assert_string_not_equal(h1, h2);
}

/* ---- standard output ---------------------------------------------------- */

static char *printed_table(fixture *f, scrutin_format format)
{
    char path[256];
    path_in(path, sizeof path, f->dir, "stdout.txt");
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    assert_int_equal(run_table_print(out, f->model, f->summary, format, f->ctx), 0);
    fclose(out);
    return read_text(path);
}

static void test_headline_table_in_every_format(void **state)
{
    fixture *f = *state;
    char *csv = printed_table(f, SCRUTIN_FORMAT_CSV);
    assert_non_null(strstr(csv, "stage,group_kind,group,mean,p05,p95,p_majority,p_majority_se,"
                                "p_largest\n"));
    assert_non_null(strstr(csv, "\nprovisional,coalition,L,5,0,10,0.5,"));
    /* Coalitions first, then the largest party first: B (mean 13) before A (mean 5). */
    assert_true(strstr(csv, "party,B") < strstr(csv, "party,A"));
    assert_true(strstr(csv, "coalition,R") < strstr(csv, "party,B"));
    free(csv);
    char *json = printed_table(f, SCRUTIN_FORMAT_JSON);
    json_error_t err;
    json_t *root = json_loads(json, 0, &err);
    assert_non_null(root);
    assert_int_equal(json_array_size(json_object_get(root, "rows")), 2 * 4);
    json_decref(root);
    free(json);
    char *md = printed_table(f, SCRUTIN_FORMAT_MD);
    assert_non_null(strstr(md, "| group | kind | stage | mean seats | 90% interval |"));
    assert_non_null(strstr(md, "| L | coalition | provisional | 5.00 | 0-10 | 0.500 ± 0.016 | 0.500 |"));
    free(md);
    char *table = printed_table(f, SCRUTIN_FORMAT_TABLE);
    assert_non_null(strstr(table, "P(majority)"));
    assert_non_null(strstr(table, "synthetic: 1000 simulations"));
    free(table);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers_are_shortest_round_trip),
        cmocka_unit_test(test_numbers_round_trip_exactly),
        cmocka_unit_test_setup_teardown(test_atomic_write_leaves_no_temporary_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_atomic_write_replaces_an_existing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_aborted_write_keeps_the_old_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_headers_are_the_contract, setup, teardown),
        cmocka_unit_test_setup_teardown(test_half_zero_half_ten_seats_has_mean_five, setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_json_holds_tables_and_metadata, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_counts_write_the_same_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_partial_run_says_so, setup, teardown),
        cmocka_unit_test_setup_teardown(test_output_folder_is_created_with_parents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable_output_folder_is_named, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scenario_hash_follows_the_contents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_headline_table_in_every_format, setup, teardown),
        cmocka_unit_test_setup_teardown(test_numbers_ignore_the_program_locale, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
