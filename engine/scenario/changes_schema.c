/*
 * The schema of the `changes` section, for libcyaml (docs/whatifs.md).
 * Strict like the rest of the scenario: an unknown key is an error. Which
 * keys go together (party or coalition, points or logit) is checked by the
 * model compiler, which can name the item at fault.
 */
#include "changes_types.h"

#define OPT_DOUBLE(key, type, member) CYAML_FIELD_FLOAT_PTR(key, CYAML_FLAG_OPTIONAL, type, member)
#define OPT_STRING(key, type, member)                                                          \
    CYAML_FIELD_STRING_PTR(key, CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, type, member, 1,      \
                           CYAML_UNLIMITED)
#define OPT_IDS(key, type, member)                                                             \
    CYAML_FIELD_SEQUENCE(key, CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, type, member, &id_schema, \
                         0, CYAML_UNLIMITED)

static const cyaml_schema_value_t id_schema = {
    CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 1, CYAML_UNLIMITED)};

static const cyaml_schema_field_t shift_fields[] = {
    OPT_STRING("party", scn_shift, party),
    OPT_STRING("coalition", scn_shift, coalition),
    OPT_DOUBLE("points", scn_shift, points),
    OPT_DOUBLE("logit", scn_shift, logit),
    OPT_IDS("regions", scn_shift, regions),
    OPT_IDS("districts", scn_shift, districts),
    CYAML_FIELD_END};

static const cyaml_schema_field_t turnout_fields[] = {
    OPT_DOUBLE("points", scn_turnout_change, points),
    OPT_DOUBLE("logit", scn_turnout_change, logit),
    OPT_IDS("regions", scn_turnout_change, regions),
    OPT_IDS("districts", scn_turnout_change, districts),
    CYAML_FIELD_END};

static const cyaml_schema_field_t merge_fields[] = {
    CYAML_FIELD_SEQUENCE("parties", CYAML_FLAG_POINTER, scn_merge_lists, parties, &id_schema, 1,
                         CYAML_UNLIMITED),
    OPT_IDS("districts", scn_merge_lists, districts),
    OPT_STRING("id", scn_merge_lists, id),
    OPT_STRING("name", scn_merge_lists, name),
    CYAML_FIELD_END};

static const cyaml_schema_field_t withdraw_fields[] = {
    OPT_STRING("district", scn_withdraw_lists, district),
    OPT_STRING("list", scn_withdraw_lists, list),
    OPT_STRING("party", scn_withdraw_lists, party),
    OPT_IDS("districts", scn_withdraw_lists, districts),
    CYAML_FIELD_END};

static const cyaml_schema_field_t change_fields[] = {
    CYAML_FIELD_MAPPING_PTR("shift", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_change, shift,
                            shift_fields),
    CYAML_FIELD_MAPPING_PTR("turnout", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_change,
                            turnout, turnout_fields),
    CYAML_FIELD_MAPPING_PTR("merge_lists", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_change,
                            merge_lists, merge_fields),
    CYAML_FIELD_MAPPING_PTR("withdraw_lists", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                            scn_change, withdraw_lists, withdraw_fields),
    CYAML_FIELD_STRING_PTR("note", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, scn_change, note, 0,
                           CYAML_UNLIMITED),
    CYAML_FIELD_END};

const cyaml_schema_value_t scn_change_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, scn_change, change_fields)};
