/*
 * The scenario file's schema, for libcyaml. Strict: an unknown key is an
 * error. Optional numbers with a non-zero default are pointers, so that a
 * missing key (NULL) is told apart from an explicit zero.
 */
#include "scenario_types.h"

#include <cyaml/cyaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cyaml_schema_field_t named_fields[] = {
    CYAML_FIELD_STRING_PTR("id", CYAML_FLAG_POINTER, scn_named, id, 1, CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("name", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_named, name, 0,
                           CYAML_UNLIMITED),
    CYAML_FIELD_END};
static const cyaml_schema_value_t named_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, scn_named, named_fields)};

/*
 * Booleans are read strictly: libcyaml's own boolean takes any word other
 * than false/no/off as true, so `independent: maybe` would pass unnoticed.
 */
static const cyaml_strval_t bool_strings[] = {
    {"true", 1}, {"false", 0}, {"yes", 1}, {"no", 0},
};

static const cyaml_schema_field_t party_fields[] = {
    CYAML_FIELD_STRING_PTR("id", CYAML_FLAG_POINTER, scn_party, id, 1, CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("name", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_party, name, 0,
                           CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("coalition", CYAML_FLAG_POINTER, scn_party, coalition, 1,
                           CYAML_UNLIMITED),
    CYAML_FIELD_ENUM("independent", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT, scn_party, independent,
                     bool_strings, CYAML_ARRAY_LEN(bool_strings)),
    CYAML_FIELD_END};
static const cyaml_schema_value_t party_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, scn_party, party_fields)};

static const cyaml_schema_field_t list_ref_fields[] = {
    CYAML_FIELD_STRING_PTR("district", CYAML_FLAG_POINTER, scn_list_ref, district, 1,
                           CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("list", CYAML_FLAG_POINTER, scn_list_ref, list, 1, CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("date", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_list_ref, date, 0,
                           CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("source", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_list_ref,
                           source, 0, CYAML_UNLIMITED),
    CYAML_FIELD_END};
static const cyaml_schema_value_t list_ref_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, scn_list_ref, list_ref_fields)};

static const cyaml_strval_t action_strings[] = {
    {"strike", SCN_ACTION_STRIKE},
    {"rerun", SCN_ACTION_RERUN},
};

static const cyaml_schema_field_t annulment_fields[] = {
    CYAML_FIELD_STRING_PTR("district", CYAML_FLAG_POINTER, scn_annulment, district, 1,
                           CYAML_UNLIMITED),
    CYAML_FIELD_UINT("round", CYAML_FLAG_DEFAULT, scn_annulment, round),
    CYAML_FIELD_ENUM("action", CYAML_FLAG_STRICT, scn_annulment, action, action_strings,
                     CYAML_ARRAY_LEN(action_strings)),
    CYAML_FIELD_FLOAT("struck_votes", CYAML_FLAG_OPTIONAL, scn_annulment, struck_votes),
    CYAML_FIELD_STRING_PTR("source", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_annulment,
                           source, 0, CYAML_UNLIMITED),
    CYAML_FIELD_END};
static const cyaml_schema_value_t annulment_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, scn_annulment, annulment_fields)};

#define OPT_DOUBLE(key, type, member) CYAML_FIELD_FLOAT_PTR(key, CYAML_FLAG_OPTIONAL, type, member)

static const cyaml_schema_field_t reject_fields[] = {
    OPT_DOUBLE("party", scn_reject_rates, party),
    OPT_DOUBLE("joint", scn_reject_rates, joint),
    OPT_DOUBLE("independent", scn_reject_rates, independent),
    CYAML_FIELD_END};

static const cyaml_schema_field_t annul_fields[] = {
    OPT_DOUBLE("base", scn_annul_rate, base),
    OPT_DOUBLE("scale", scn_annul_rate, scale),
    CYAML_FIELD_END};

static const cyaml_schema_field_t court_model_fields[] = {
    CYAML_FIELD_ENUM_PTR("enabled", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT, scn_court_model,
                         enabled, bool_strings, CYAML_ARRAY_LEN(bool_strings)),
    CYAML_FIELD_MAPPING_PTR("reject", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_court_model,
                            reject, reject_fields),
    CYAML_FIELD_MAPPING_PTR("round1", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_court_model,
                            round1, annul_fields),
    CYAML_FIELD_MAPPING_PTR("round2", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_court_model,
                            round2, annul_fields),
    OPT_DOUBLE("strike_a", scn_court_model, strike_a),
    OPT_DOUBLE("strike_b", scn_court_model, strike_b),
    OPT_DOUBLE("rerun", scn_court_model, rerun),
    CYAML_FIELD_END};

static const cyaml_schema_field_t region_value_fields[] = {
    CYAML_FIELD_STRING_PTR("region", CYAML_FLAG_POINTER, scn_region_value, region, 1,
                           CYAML_UNLIMITED),
    CYAML_FIELD_FLOAT("value", CYAML_FLAG_DEFAULT, scn_region_value, value),
    CYAML_FIELD_END};
static const cyaml_schema_value_t region_value_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, scn_region_value, region_value_fields)};

static const cyaml_schema_field_t coalition_value_fields[] = {
    CYAML_FIELD_STRING_PTR("coalition", CYAML_FLAG_POINTER, scn_coalition_value, coalition, 1,
                           CYAML_UNLIMITED),
    CYAML_FIELD_FLOAT("value", CYAML_FLAG_DEFAULT, scn_coalition_value, value),
    CYAML_FIELD_END};
static const cyaml_schema_value_t coalition_value_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, scn_coalition_value, coalition_value_fields)};

static const cyaml_schema_field_t affinity_fields[] = {
    CYAML_FIELD_STRING_PTR("from", CYAML_FLAG_POINTER, scn_affinity, from, 1, CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("to", CYAML_FLAG_POINTER, scn_affinity, to, 1, CYAML_UNLIMITED),
    CYAML_FIELD_FLOAT("weight", CYAML_FLAG_DEFAULT, scn_affinity, weight),
    CYAML_FIELD_END};
static const cyaml_schema_value_t affinity_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, scn_affinity, affinity_fields)};

static const cyaml_schema_field_t turnout_fields[] = {
    OPT_DOUBLE("sd_national", scn_turnout_model, sd_national),
    OPT_DOUBLE("sd_region", scn_turnout_model, sd_region),
    OPT_DOUBLE("sd_district", scn_turnout_model, sd_district),
    CYAML_FIELD_END};

static const cyaml_schema_field_t runoff_fields[] = {
    OPT_DOUBLE("retention", scn_runoff_model, retention),
    CYAML_FIELD_SEQUENCE("retention_by_region", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                         scn_runoff_model, retention_by_region, &region_value_schema, 0,
                         CYAML_UNLIMITED),
    OPT_DOUBLE("abstention", scn_runoff_model, abstention),
    CYAML_FIELD_SEQUENCE("abstention_by_coalition", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                         scn_runoff_model, abstention_by_coalition, &coalition_value_schema, 0,
                         CYAML_UNLIMITED),
    OPT_DOUBLE("sd_abstention", scn_runoff_model, sd_abstention),
    OPT_DOUBLE("affinity_same", scn_runoff_model, affinity_same),
    OPT_DOUBLE("affinity_other", scn_runoff_model, affinity_other),
    CYAML_FIELD_SEQUENCE("affinity", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_runoff_model,
                         affinity, &affinity_schema, 0, CYAML_UNLIMITED),
    OPT_DOUBLE("sd_affinity", scn_runoff_model, sd_affinity),
    OPT_DOUBLE("sd_mobilisation", scn_runoff_model, sd_mobilisation),
    CYAML_FIELD_END};

static const cyaml_schema_field_t model_fields[] = {
    OPT_DOUBLE("sd_party", scn_model, sd_party),
    OPT_DOUBLE("sd_coalition", scn_model, sd_coalition),
    OPT_DOUBLE("sd_region", scn_model, sd_region),
    OPT_DOUBLE("sd_list", scn_model, sd_list),
    OPT_DOUBLE("sd_independent", scn_model, sd_independent),
    OPT_DOUBLE("tails_df", scn_model, tails_df),
    CYAML_FIELD_MAPPING_PTR("turnout", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_model,
                            turnout, turnout_fields),
    CYAML_FIELD_MAPPING_PTR("runoff", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_model, runoff,
                            runoff_fields),
    CYAML_FIELD_END};

static const cyaml_schema_field_t court_fields[] = {
    CYAML_FIELD_SEQUENCE("rejected_lists", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_court,
                         rejected_lists, &list_ref_schema, 0, CYAML_UNLIMITED),
    CYAML_FIELD_SEQUENCE("annulments", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_court,
                         annulments, &annulment_schema, 0, CYAML_UNLIMITED),
    CYAML_FIELD_MAPPING_PTR("model", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_court, model,
                            court_model_fields),
    CYAML_FIELD_END};



static const cyaml_schema_field_t rules_fields[] = {
    CYAML_FIELD_STRING_PTR("id", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_rules, id, 1,
                           CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("system", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_rules, system,
                           1, CYAML_UNLIMITED),
    CYAML_FIELD_FLOAT_PTR("round1_majority", CYAML_FLAG_OPTIONAL, scn_rules, round1_majority),
    CYAML_FIELD_UINT_PTR("round2_lists", CYAML_FLAG_OPTIONAL, scn_rules, round2_lists),
    CYAML_FIELD_FLOAT_PTR("round2_registered", CYAML_FLAG_OPTIONAL, scn_rules, round2_registered),
    CYAML_FIELD_FLOAT_PTR("threshold", CYAML_FLAG_OPTIONAL, scn_rules, threshold),
    CYAML_FIELD_FLOAT_PTR("winner_share", CYAML_FLAG_OPTIONAL, scn_rules, winner_share),
    CYAML_FIELD_END};
static const cyaml_schema_value_t rules_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, scn_rules, rules_fields)};

static const cyaml_schema_field_t doc_fields[] = {
    CYAML_FIELD_UINT("format", CYAML_FLAG_DEFAULT, scn_doc, format),
    CYAML_FIELD_STRING_PTR("name", CYAML_FLAG_POINTER, scn_doc, name, 1, CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("title", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_doc, title, 0,
                           CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("description", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_doc,
                           description, 0, CYAML_UNLIMITED),
    CYAML_FIELD_UINT("seats", CYAML_FLAG_DEFAULT, scn_doc, seats),
    CYAML_FIELD_UINT_PTR("majority", CYAML_FLAG_OPTIONAL, scn_doc, majority),
    CYAML_FIELD_UINT_PTR("supermajority", CYAML_FLAG_OPTIONAL, scn_doc, supermajority),
    CYAML_FIELD_SEQUENCE("coalitions", CYAML_FLAG_POINTER, scn_doc, coalitions, &named_schema, 1,
                         CYAML_UNLIMITED),
    CYAML_FIELD_SEQUENCE("parties", CYAML_FLAG_POINTER, scn_doc, parties, &party_schema, 1,
                         CYAML_UNLIMITED),
    CYAML_FIELD_SEQUENCE("regions", CYAML_FLAG_POINTER, scn_doc, regions, &named_schema, 1,
                         CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("districts", CYAML_FLAG_POINTER, scn_doc, districts, 1,
                           CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("lists", CYAML_FLAG_POINTER, scn_doc, lists, 1, CYAML_UNLIMITED),
    CYAML_FIELD_MAPPING_PTR("rules", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_doc, rules,
                            rules_fields),
    CYAML_FIELD_SEQUENCE("systems", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_doc, systems,
                         &rules_schema, 1, CYAML_UNLIMITED),
    CYAML_FIELD_MAPPING_PTR("court", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_doc, court,
                            court_fields),
    CYAML_FIELD_MAPPING_PTR("model", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_doc, model,
                            model_fields),
    CYAML_FIELD_SEQUENCE("changes", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_doc, changes,
                         &scn_change_schema, 0, CYAML_UNLIMITED),
    CYAML_FIELD_STRING_PTR("other_votes_coalition", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                           scn_doc, other_votes_coalition, 1, CYAML_UNLIMITED),
    CYAML_FIELD_END};

const cyaml_schema_value_t scn_doc_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, scn_doc, doc_fields)};

/*
 * libcyaml reports through a log callback, several lines per error: the
 * error itself, then a backtrace whose lines carry "(line: N, column: M)".
 * We keep them and turn them into one diagnostic with the deepest line.
 */
typedef struct cyaml_log_sink {
    char text[2048];
    unsigned line;
    char field[64]; /* the innermost "mapping field 'X'" of the backtrace */
} cyaml_log_sink;

static void on_cyaml_log(cyaml_log_t level, void *data, const char *fmt, va_list args)
{
    cyaml_log_sink *sink = data;
    if (!sink || level < CYAML_LOG_ERROR)
        return;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, args);
    const char *key = strstr(msg, "mapping field '");
    if (key && !sink->field[0]) {
        key += strlen("mapping field '");
        const char *end = strchr(key, '\'');
        if (end)
            snprintf(sink->field, sizeof sink->field, "%.*s", (int)(end - key), key);
    }
    const char *at = strstr(msg, "(line: ");
    if (at) {
        unsigned line = (unsigned)strtoul(at + 7, NULL, 10);
        if (line && !sink->line)
            sink->line = line;
    }
    /* Keep the first sentence (the error proper) as the message. */
    if (sink->text[0] == 0) {
        const char *body = strncmp(msg, "Load: ", 6) == 0 ? msg + 6 : msg;
        snprintf(sink->text, sizeof sink->text, "%s", body);
        size_t n = strlen(sink->text);
        while (n && (sink->text[n - 1] == '\n' || sink->text[n - 1] == ' '))
            sink->text[--n] = 0;
    }
}

static const cyaml_config_t base_config = {
    .log_fn = on_cyaml_log,
    .mem_fn = cyaml_mem,
    .log_level = CYAML_LOG_ERROR,
    .flags = CYAML_CFG_DEFAULT,
};

int scn_yaml_load(scrutin_scenario *s, scrutin_ctx *ctx)
{
    cyaml_log_sink sink = {.text = "", .line = 0, .field = ""};
    cyaml_config_t config = base_config;
    config.log_ctx = &sink;
    scn_doc *doc = NULL;
    /* The bytes read once (scn_yaml_lines_load): a pipe cannot be read a second time. */
    cyaml_err_t err = cyaml_load_data((const uint8_t *)s->bytes.data, s->bytes.len, &config,
                                      &scn_doc_schema, (cyaml_data_t **)&doc, NULL);
    if (err == CYAML_ERR_OOM)
        return SCRUTIN_ENOMEM;
    if (err != CYAML_OK) {
        /*
         * libcyaml's own words. Its line is that of the parser's position,
         * which can be one past the culprit: the token it names (the key, or
         * the quoted value) is looked up in the document for the exact line,
         * nearest that position. When it names no token (a node of the wrong
         * kind), the node's own line is the one libcyaml gives.
         */
        char token[256] = "";
        const char *q = strchr(sink.text, '\'');
        const char *colon = strrchr(sink.text, ':');
        if (q && strchr(q + 1, '\''))
            snprintf(token, sizeof token, "%.*s", (int)(strchr(q + 1, '\'') - q - 1), q + 1);
        else if (colon)
            snprintf(token, sizeof token, "%s", colon + 1 + (colon[1] == ' '));
        unsigned line = scn_yaml_find_scalar(s, token, sink.line + 1);
        char words[1024];
        scn_cyaml_words(sink.text[0] ? sink.text : cyaml_strerror(err), sink.field, words,
                        sizeof words);
        return scrutin_ctx_error(ctx, SCRUTIN_EINPUT, s->path, line ? line : sink.line,
                                 sink.field[0] ? sink.field : NULL, "%s", words);
    }
    s->doc = doc;
    return SCRUTIN_OK;
}

void scn_yaml_free(scrutin_scenario *s)
{
    if (s->doc)
        cyaml_free(&base_config, &scn_doc_schema, s->doc, 0);
    s->doc = NULL;
}

int scn_yaml_load_buffer(scrutin_scenario *s, const char *text, size_t len, char *message,
                         size_t size, unsigned *line)
{
    cyaml_log_sink sink = {.text = "", .line = 0};
    cyaml_config_t config = base_config;
    config.log_ctx = &sink;
    scn_doc *doc = NULL;
    cyaml_err_t err = cyaml_load_data((const uint8_t *)text, len, &config, &scn_doc_schema,
                                      (cyaml_data_t **)&doc, NULL);
    if (err == CYAML_ERR_OOM)
        return SCRUTIN_ENOMEM;
    if (err != CYAML_OK) {
        snprintf(message, size, "%s", sink.text[0] ? sink.text : cyaml_strerror(err));
        *line = sink.line;
        return SCRUTIN_EINPUT;
    }
    s->doc = doc;
    return SCRUTIN_OK;
}
