/*
 * The scenario as loaded: named entities exactly as the files give them.
 * The YAML part is filled by libcyaml from the schema in yaml_schema.c; the
 * tables by the CSV readers. Nothing here is resolved to indices yet: that is
 * the model compiler's job.
 */
#ifndef SCRUTIN_SCENARIO_TYPES_H
#define SCRUTIN_SCENARIO_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "changes_types.h"
#include "input_file.h"
#include "scrutin/scenario.h"

typedef struct scn_named {
    char *id;
    char *name;
} scn_named;

typedef struct scn_party {
    char *id;
    char *name;
    char *coalition;
    bool independent;
} scn_party;

typedef struct scn_list_ref {
    char *district;
    char *list;
    char *date;
    char *source;
} scn_list_ref;

typedef enum scn_court_action { SCN_ACTION_STRIKE, SCN_ACTION_RERUN } scn_court_action;

typedef struct scn_annulment {
    char *district;
    unsigned round;
    scn_court_action action;
    double struck_votes;
    char *source;
} scn_annulment;

/* The random court (docs/model.md). Pointers are NULL where a key is absent. */
typedef struct scn_reject_rates {
    double *party, *joint, *independent;
} scn_reject_rates;

typedef struct scn_annul_rate {
    double *base;  /* probability that a petition is upheld when the margin is zero */
    double *scale; /* margin (share of valid votes) over which that probability falls by e */
} scn_annul_rate;

typedef struct scn_court_model {
    bool *enabled;
    scn_reject_rates *reject;
    scn_annul_rate *round1, *round2;
    double *strike_a, *strike_b; /* Beta(a, b) share of the winner's votes struck */
    double *rerun;               /* share of upheld petitions that annul the district whole */
} scn_court_model;

typedef struct scn_court {
    scn_list_ref *rejected_lists;
    unsigned rejected_lists_count;
    scn_annulment *annulments;
    unsigned annulments_count;
    scn_court_model *model;
} scn_court;

/* The uncertainty model (docs/model.md). */
typedef struct scn_region_value {
    char *region;
    double value;
} scn_region_value;

typedef struct scn_coalition_value {
    char *coalition;
    double value;
} scn_coalition_value;

typedef struct scn_affinity {
    char *from, *to;
    double weight;
} scn_affinity;

typedef struct scn_turnout_model {
    double *sd_national, *sd_region, *sd_district;
} scn_turnout_model;

typedef struct scn_runoff_model {
    double *retention;
    scn_region_value *retention_by_region;
    unsigned retention_by_region_count;
    double *abstention;
    scn_coalition_value *abstention_by_coalition;
    unsigned abstention_by_coalition_count;
    double *sd_abstention;
    double *affinity_same, *affinity_other;
    scn_affinity *affinity;
    unsigned affinity_count;
    double *sd_affinity;
    double *sd_mobilisation;
} scn_runoff_model;

typedef struct scn_model {
    double *sd_party, *sd_coalition, *sd_region, *sd_list, *sd_independent;
    double *tails_df;
    scn_turnout_model *turnout;
    scn_runoff_model *runoff;
} scn_model;

typedef struct scn_rules {
    char *id;     /* in `systems`: the system's id in outputs; default its system name */
    char *system; /* a name of scrutin_system_parse(); the compiler checks it */
    double *round1_majority;
    unsigned *round2_lists;
    double *round2_registered;
    double *threshold;
    double *winner_share;
} scn_rules;

/* The document as libcyaml maps it. Pointers are NULL where a key is absent. */
typedef struct scn_doc {
    unsigned format;
    char *name;
    char *title;
    char *description;
    unsigned seats;
    unsigned *majority;
    unsigned *supermajority;
    scn_named *coalitions;
    unsigned coalitions_count;
    scn_party *parties;
    unsigned parties_count;
    scn_named *regions;
    unsigned regions_count;
    char *districts;
    char *lists;
    scn_rules *rules;
    scn_rules *systems; /* several systems on the same simulated votes (instead of rules) */
    unsigned systems_count;
    scn_court *court;
    scn_model *model;
    scn_change *changes; /* applied in order, after the base's (docs/whatifs.md) */
    unsigned changes_count;
    /* The coalition whose round-2 behaviour the voters of other_votes follow (NULL: OTHER). */
    char *other_votes_coalition;
} scn_doc;

/* A value read from a CSV cell that may be empty. */
typedef struct scn_number {
    double value;
    bool present;
    bool bad; /* the cell held something that is not an acceptable number (already reported) */
} scn_number;

typedef struct scn_district {
    char *id;
    char *name;
    char *region;
    scn_number seats;
    scn_number registered, voters, invalid, voters_r2, invalid_r2;
    char *source;
    char *note;
    unsigned line;
    /* Partial results (docs/scenario-format.md): */
    scn_number other_votes; /* round-1 votes of lists the scenario does not describe */
    char *winner_r2;        /* the published round-2 winner, when its votes are not */
} scn_district;

typedef enum scn_list_kind { SCN_KIND_PARTY, SCN_KIND_JOINT, SCN_KIND_INDEPENDENT } scn_list_kind;

typedef struct scn_list {
    char *district;
    char *id;
    char *name;
    scn_list_kind kind;
    char **candidates;
    size_t candidates_count;
    scn_number votes_r1, votes_r2;
    char *source;
    char *note;
    unsigned line;
} scn_list;

struct scrutin_scenario {
    char *path;           /* the YAML file as given */
    char *dir;            /* its folder, for relative CSV paths ("" if it is not a regular file) */
    input_bytes bytes;    /* the YAML file, read once (input_file.h) */
    scn_doc *doc;         /* owned by libcyaml: free with cyaml_free */
    yaml_document_t yaml; /* the same file as a libyaml document, to find lines */
    bool has_yaml;
    char *districts_path; /* resolved paths of the tables */
    char *lists_path;
    scn_district *districts;
    size_t districts_count;
    scn_list *lists;
    size_t lists_count;
    /* A what-if (inherit.c): the files its document was merged from; NULL for one file. */
    struct scn_layers *layers;
    /* A what-if without a `name`: named after its file's stem (inherit.c). */
    bool name_from_file;
    /* Content hash (scenario_hash.c): digests of the tables as read, then the whole. */
    unsigned char districts_digest[16], lists_digest[16];
    char hash[33]; /* hex; "" until both tables are read */
};

/* The scenario file's schema, for libcyaml (yaml_schema.c). */
extern const cyaml_schema_value_t scn_doc_schema;

/* Reading the parts. Each reports every problem it finds into ctx. */
int scn_yaml_load(scrutin_scenario *s, scrutin_ctx *ctx);
/*
 * Check every number of the document libcyaml has read (yaml_numbers.c): libcyaml reads
 * "6abc" as 6 and "010" as 8, so each integer and real of the schema is checked again, as
 * written, against the libyaml document (the merged one for a what-if or a setting).
 * @return 0, or SCRUTIN_EINPUT with every bad number reported at its file and line
 */
int scn_yaml_check_numbers(const scrutin_scenario *s, scrutin_ctx *ctx);
/*
 * libcyaml over YAML text in memory (a merged what-if): on failure SCRUTIN_EINPUT, libcyaml's
 * message in @p message and its 0-based line in that text in *line.
 */
int scn_yaml_load_buffer(scrutin_scenario *s, const char *text, size_t len, char *message,
                         size_t size, unsigned *line);
void scn_yaml_free(scrutin_scenario *s);
int scn_yaml_lines_load(scrutin_scenario *s, scrutin_ctx *ctx);
/*
 * Report the syntax error of @p parser, which failed on the file at @p path, into @p ctx: at
 * libyaml's line, except a quoted value never closed, named at the line its quote opens, with
 * the key whose value it is. @return SCRUTIN_ESYNTAX.
 */
int scn_yaml_syntax_error(const char *path, const char *text, size_t len,
                          const yaml_parser_t *parser, scrutin_ctx *ctx);
/*
 * Report why the file at @p path could not be read (input_file_read's @p status and @p p),
 * @p what being "the scenario file" or the like; a folder is told to give its scenario.yaml,
 * if it holds one. @return the status
 */
int scn_input_error(scrutin_ctx *ctx, int status, const char *path, const char *what,
                    const input_problem *p);
/* @return 1 if @p path ends with '/' (a folder's scenario.yaml is then joined without one). */
int scn_ends_with_slash(const char *path);
/* The scenario's content hash from the digests of its files (scenario_hash.c). */
int scn_hash_compute(scrutin_scenario *s);
void scn_yaml_lines_free(scrutin_scenario *s);
/*
 * libcyaml's message @p text about the value of key @p field (NULL or "" if unknown) in the
 * user's terms, into @p out (cyaml_words.c): "expected a list here, but found a single
 * value", "unknown key \"coalitons\": did you mean \"coalitions\"?".
 */
void scn_cyaml_words(const char *text, const char *field, char *out, size_t size);
int scn_districts_read(scrutin_scenario *s, scrutin_ctx *ctx);
int scn_lists_read(scrutin_scenario *s, scrutin_ctx *ctx);

/*
 * Line (1-based) of the value at a path in the YAML file, 0 if not found.
 * The path is a sequence of keys and indices: keys as strings, indices as
 * "#N" strings, terminated by NULL. Example: yaml_line(s, "parties", "#3", "coalition", NULL).
 */
unsigned scn_yaml_line(const scrutin_scenario *s, ...);
/* The same for a path written "parties[3].coalition" (0-based indices). */
unsigned scn_yaml_line_path(const scrutin_scenario *s, const char *path);
/* Line of the scalar equal to @p text nearest to line @p near, 0 if none. */
unsigned scn_yaml_find_scalar(const scrutin_scenario *s, const char *text, unsigned near);

/*
 * What-ifs (inherit.c, yaml_lines.c). A scenario whose file names a `base`,
 * or that is loaded with settings, is the merge of its chain of files: `yaml`
 * is then the merged document, and each of its nodes remembers its file.
 */
int scn_yaml_names_base(const scrutin_scenario *s);
int scn_inherit_load(scrutin_scenario *s, const scrutin_scenario_setting *settings,
                     size_t n_settings, scrutin_ctx *ctx);
void scn_layers_free(struct scn_layers *layers);
/* The node at @p path (as scn_yaml_line_path): the deepest found, its id; 0 if none. */
int scn_yaml_node_path(const scrutin_scenario *s, const char *path);
/* The file the value at @p path (as scn_yaml_line_path) came from: s->path for one file. */
const char *scn_yaml_file_path(const scrutin_scenario *s, const char *path);
/* The same, by keys as scn_yaml_line (one key: a top-level key). */
const char *scn_yaml_file_key(const scrutin_scenario *s, const char *key);
/* The folder of that file, for the paths it names ("" for the current folder). */
const char *scn_yaml_folder_key(const scrutin_scenario *s, const char *key);
/* The YAML files the scenario was read from: its own, then its bases'. @return how many. */
size_t scn_yaml_files(const scrutin_scenario *s, const char *const **paths);
/* Their digests as read, in the same order (inherit.c). @return how many. */
size_t scn_yaml_digests(const scrutin_scenario *s, const unsigned char (**digests)[16]);

#endif
