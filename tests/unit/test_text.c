/*
 * scrutin/text.h: ids made from UTF-8 names by a fixed table, whatever the locale, and
 * "did you mean" suggestions that catch slips and nothing else.
 */
#include <locale.h>

#include "test_support.h"

#include "scrutin/text.h"

static void assert_id(const char *name, const char *want)
{
    char out[64];
    size_t n = scrutin_id_from_name(name, out, sizeof out);
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
}

static void test_accents_come_off(void **state)
{
    (void)state;
    assert_id("Ségou", "Segou");
    assert_id("Nörd1", "Nord1");
    assert_id("Kéniéba", "Kenieba");
    assert_id("Diré", "Dire");
    assert_id("Œuvre", "OEuvre");
    assert_id("Straße", "Strasse");
    assert_id("Łódź", "Lodz");
    assert_id("Ménaka", "Menaka");
}

static void test_other_characters_become_one_dash(void **state)
{
    (void)state;
    assert_id("Commune I", "Commune-I");
    assert_id("Parti de l'Avenir", "Parti-de-l-Avenir");
    assert_id("  Bloc  du   Progrès ", "Bloc-du-Progres");
    assert_id("RPM-ADP-Maliba", "RPM-ADP-Maliba");
    assert_id("1er arrondissement", "x1er-arrondissement"); /* an id starts with a letter */
    char out[8] = "unset";
    assert_int_equal(scrutin_id_from_name("§ ¶ —", out, sizeof out), 0); /* nothing to keep */
    assert_string_equal(out, "");
    assert_int_equal(scrutin_id_from_name("\xff\xfe", out, sizeof out), 0); /* not UTF-8 */
}

static void test_truncated_to_the_buffer(void **state)
{
    (void)state;
    char out[6];
    assert_int_equal(scrutin_id_from_name("Tombouctou", out, sizeof out), 5);
    assert_string_equal(out, "Tombo");
}

/* The same ids in any locale: the table is the library's, not iconv's. */
static void test_independent_of_the_locale(void **state)
{
    (void)state;
    char c[32], other[32];
    scrutin_id_from_name("Ségou Œuvre", c, sizeof c);
    if (setlocale(LC_ALL, "C.UTF-8") || setlocale(LC_ALL, "fr_FR.UTF-8")) {
        scrutin_id_from_name("Ségou Œuvre", other, sizeof other);
        assert_string_equal(c, other);
    }
    setlocale(LC_ALL, "C");
    assert_string_equal(c, "Segou-OEuvre");
}

static void test_suggestions_are_slips(void **state)
{
    (void)state;
    const char *const regions[] = {"North", "South", "Bamako", "Kayes"};
    assert_string_equal(scrutin_suggest("south", regions, 4), "South");   /* case */
    assert_string_equal(scrutin_suggest("bamako", regions, 4), "Bamako");
    assert_string_equal(scrutin_suggest("Bamkao", regions, 4), "Bamako"); /* a swap */
    assert_string_equal(scrutin_suggest("Kaye", regions, 4), "Kayes");    /* a letter */
    assert_null(scrutin_suggest("North", regions, 4));                     /* known */
    assert_null(scrutin_suggest("Mopti", regions, 4));                     /* another word */
    assert_null(scrutin_suggest("Nord", regions, 4)); /* two edits of a short word: too far */
    const char *const options[] = {"format", "seed", "threads", "simulations"};
    assert_string_equal(scrutin_suggest("fromat", options, 4), "format");
    assert_string_equal(scrutin_suggest("simulation", options, 4), "simulations");
    assert_null(scrutin_suggest("colour", options, 4));
    assert_null(scrutin_suggest(NULL, options, 4));
    assert_null(scrutin_suggest("", options, 4));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accents_come_off),
        cmocka_unit_test(test_other_characters_become_one_dash),
        cmocka_unit_test(test_truncated_to_the_buffer),
        cmocka_unit_test(test_independent_of_the_locale),
        cmocka_unit_test(test_suggestions_are_slips),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
