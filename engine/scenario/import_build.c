/*
 * From the rows of a results table to a scenario's districts, lists, regions
 * and parties (scrutin import), checking what the scenario's loader would
 * refuse, at the input's own rows: ids, kinds, whole numbers (decimal commas
 * read in a ';' table), a district's columns that two rows give differently,
 * and votes that do not add up.
 */
#include "import_build.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number_text.h"
#include "scrutin/text.h"

/* The columns of a district rather than of a list: given once, on any of its rows. */
static const imp_column district_columns[] = {IMP_REGION, IMP_SEATS, IMP_REGISTERED,
                                              IMP_VOTERS, IMP_INVALID, IMP_VOTERS_R2,
                                              IMP_INVALID_R2, IMP_OTHER_VOTES, IMP_WINNER_R2,
                                              IMP_DISTRICT_NAME, IMP_DISTRICT_SOURCE,
                                              IMP_DISTRICT_NOTE};
enum { N_DISTRICT_COLUMNS = sizeof district_columns / sizeof district_columns[0] };

static int is_number_column(imp_column c)
{
    return c == IMP_SEATS || c == IMP_REGISTERED || c == IMP_VOTERS || c == IMP_INVALID ||
           c == IMP_VOTES_R1 || c == IMP_VOTES_R2 || c == IMP_VOTERS_R2 || c == IMP_INVALID_R2 ||
           c == IMP_OTHER_VOTES;
}

static int row_error(imp_scenario *s, size_t row, imp_column c, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int row_error(imp_scenario *s, size_t row, imp_column c, const char *fmt, ...)
{
    char msg[640];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    s->status = scrutin_ctx_error(s->ctx, SCRUTIN_EINPUT, s->t->path, s->t->line[row],
                                  imp_column_names[c], "%s", msg);
    return s->status;
}

/*
 * A count as the scenario writes it (base-10 digits) into @p out; in a ';' table a decimal
 * comma is read ("4500,0" is 4500). @return 1 if the cell is a count (or empty), 0 if reported.
 */
static int count_text(imp_scenario *s, size_t row, imp_column c, char *out, size_t size)
{
    const char *v = imp_cell(s->t, row, c);
    out[0] = 0;
    if (!v[0])
        return 1;
    char text[64], want[160] = "";
    if (strlen(v) >= sizeof text)
        return !row_error(s, row, c, "\"%.20s...\" is not a count: expected a whole number", v);
    snprintf(text, sizeof text, "%s", v);
    char *comma = strchr(text, ',');
    double x;
    if (comma && s->t->delimiter == ';') {
        *comma = '.';
        if (number_text_read(text, strlen(text), false, &x, want, sizeof want) != NUMBER_OK ||
            x < 0 || x != (double)(long long)x || x > 9007199254740992.0)
            return !row_error(s, row, c, "\"%s\" is not a whole number of votes >= 0", v);
    } else if (number_text_read(text, strlen(text), true, &x, want, sizeof want) != NUMBER_OK) {
        const char *hint = strchr(v, ',') ? ": a decimal comma is read only in a table separated "
                                            "by ';'"
                           : strchr(v, ' ') ? ": write the digits without spaces between them"
                                            : "";
        return !row_error(s, row, c, "\"%s\" is not a whole number >= 0 (%s)%s", v, want, hint);
    }
    snprintf(out, size, "%.0f", x);
    return 1;
}

/* The canonical text of every cell: counts rewritten, the rest as read. */
static int normalise(imp_scenario *s)
{
    size_t n = s->t->n_rows * IMP_COLUMNS;
    s->cell = calloc(n ? n : 1, sizeof *s->cell);
    if (!s->cell)
        return SCRUTIN_ENOMEM;
    for (size_t row = 0; row < s->t->n_rows; row++)
        for (int c = 0; c < IMP_COLUMNS; c++) {
            char buf[64];
            const char *v = imp_cell(s->t, row, (imp_column)c);
            if (is_number_column((imp_column)c) && count_text(s, row, (imp_column)c, buf,
                                                              sizeof buf))
                v = buf;
            if (!(s->cell[row * IMP_COLUMNS + (size_t)c] = strdup(v)))
                return SCRUTIN_ENOMEM;
        }
    return SCRUTIN_OK;
}

/* An id cell: well formed, or reported with one made from it. */
static void check_id(imp_scenario *s, size_t row, imp_column c, const char *id, const char *what)
{
    int ok = (id[0] >= 'A' && id[0] <= 'Z') || (id[0] >= 'a' && id[0] <= 'z');
    for (const char *p = id; ok && *p; p++)
        ok = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
             *p == '-' || *p == '_' || *p == '.';
    if (ok)
        return;
    char suggestion[128];
    if (!id[0])
        row_error(s, row, c, "a %s is required", what);
    else if (scrutin_id_from_name(id, suggestion, sizeof suggestion))
        row_error(s, row, c,
                  "\"%s\" is not a valid %s id (an id is ASCII: a letter, then letters, digits, "
                  "'-', '_' or '.'; try \"%s\", and keep \"%s\" in the name column)",
                  id, what, suggestion, id);
    else
        row_error(s, row, c,
                  "\"%s\" is not a valid %s id (an id is ASCII: a letter, then letters, digits, "
                  "'-', '_' or '.')",
                  id, what);
}

/* Add @p id to the set @p ids (of *n), once. @return its index, or (size_t)-1 without memory. */
static size_t add_name(char ***ids, size_t *n, const char *id)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*ids)[i], id) == 0)
            return i;
    char **grown = realloc(*ids, (*n + 1) * sizeof *grown);
    if (!grown)
        return (size_t)-1;
    *ids = grown;
    if (!(grown[*n] = strdup(id)))
        return (size_t)-1;
    return (*n)++;
}

/* A district's own columns: the first row that gives each; a different one later is an error. */
static void district_values(imp_scenario *s, imp_district *d, size_t row)
{
    for (size_t k = 0; k < N_DISTRICT_COLUMNS; k++) {
        imp_column c = district_columns[k];
        const char *v = imp_out(s, row, c);
        if (!v[0])
            continue;
        if (d->row_of[c] == (size_t)-1) {
            d->row_of[c] = row;
            continue;
        }
        const char *before = imp_out(s, d->row_of[c], c);
        if (strcmp(before, v) != 0)
            row_error(s, row, c,
                      "district \"%s\" has %s \"%s\" here but \"%s\" on line %u: a district's "
                      "own columns are given on its first row (the later rows may leave them "
                      "blank) and must agree",
                      d->id, imp_column_names[c], v, before, s->t->line[d->row_of[c]]);
    }
}

static void check_list(imp_scenario *s, size_t row)
{
    check_id(s, row, IMP_LIST, imp_out(s, row, IMP_LIST), "list");
    const char *kind = imp_out(s, row, IMP_KIND);
    if (strcmp(kind, "party") && strcmp(kind, "joint") && strcmp(kind, "independent"))
        row_error(s, row, IMP_KIND, "\"%s\" is not a list kind: expected party, joint or "
                  "independent", kind);
    if (!imp_out(s, row, IMP_VOTES_R1)[0])
        row_error(s, row, IMP_VOTES_R1, "a list's round-1 votes are required");
    /* Its parties, from the candidates (';' or '+' between them). */
    const char *v = imp_out(s, row, IMP_CANDIDATES);
    if (!v[0])
        row_error(s, row, IMP_CANDIDATES, "the candidates' parties are required (one party id "
                  "for every seat, or the party alone)");
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", v);
    char *save = NULL;
    for (char *p = imp_next_party(buf, &save); p; p = imp_next_party(NULL, &save)) {
        check_id(s, row, IMP_CANDIDATES, p, "party");
        size_t i = add_name(&s->parties, &s->n_parties, p);
        if (i == (size_t)-1) {
            s->status = SCRUTIN_ENOMEM;
            return;
        }
        if (s->n_parties > s->n_party_kinds) {
            unsigned char *flags = realloc(s->party_kinds, s->n_parties);
            if (!flags) {
                s->status = SCRUTIN_ENOMEM;
                return;
            }
            memset(flags + s->n_party_kinds, 0, s->n_parties - s->n_party_kinds);
            s->party_kinds = flags;
            s->n_party_kinds = s->n_parties;
        }
        s->party_kinds[i] |= strcmp(kind, "independent") == 0 ? 2 : 1;
    }
}

/* Valid votes against the lists' votes and other_votes, at the district's first row. */
static void check_sums(imp_scenario *s, const imp_district *d)
{
    double sum = 0.0;
    for (size_t row = 0; row < s->t->n_rows; row++)
        if (strcmp(imp_out(s, row, IMP_DISTRICT), d->id) == 0)
            sum += atof(imp_out(s, row, IMP_VOTES_R1));
    const char *voters = d->row_of[IMP_VOTERS] != (size_t)-1
                             ? imp_out(s, d->row_of[IMP_VOTERS], IMP_VOTERS) : "";
    const char *invalid = d->row_of[IMP_INVALID] != (size_t)-1
                              ? imp_out(s, d->row_of[IMP_INVALID], IMP_INVALID) : "";
    const char *other = d->row_of[IMP_OTHER_VOTES] != (size_t)-1
                            ? imp_out(s, d->row_of[IMP_OTHER_VOTES], IMP_OTHER_VOTES) : "";
    if (!voters[0] || !invalid[0])
        return;
    double valid = atof(voters) - atof(invalid), total = sum + atof(other);
    if (valid != total)
        row_error(s, d->first_row, IMP_VOTERS,
                  "district \"%s\": voters - invalid = %.0f valid votes, but its lists' "
                  "votes_r1%s add up to %.0f%s",
                  d->id, valid, other[0] ? " and other_votes" : "", total,
                  other[0] ? "" : " (the votes of lists not given one by one go in other_votes)");
}

int imp_build(imp_scenario *s, const imp_table *t, scrutin_ctx *ctx)
{
    memset(s, 0, sizeof *s);
    s->t = t;
    s->ctx = ctx;
    s->status = SCRUTIN_OK;
    int status = normalise(s);
    if (status != SCRUTIN_OK)
        return status;
    for (size_t row = 0; row < t->n_rows && s->status != SCRUTIN_ENOMEM; row++) {
        const char *id = imp_out(s, row, IMP_DISTRICT);
        check_id(s, row, IMP_DISTRICT, id, "district");
        size_t k = 0;
        while (k < s->n_districts && strcmp(s->districts[k].id, id) != 0)
            k++;
        if (k == s->n_districts) {
            imp_district *grown = realloc(s->districts, (k + 1) * sizeof *grown);
            if (!grown)
                return s->status = SCRUTIN_ENOMEM;
            s->districts = grown;
            imp_district *d = &grown[k];
            d->id = id;
            d->first_row = row;
            for (int c = 0; c < IMP_COLUMNS; c++)
                d->row_of[c] = (size_t)-1;
            s->n_districts++;
        } else if (s->districts[k].last_row + 1 != row) {
            /* The rows of a district together: the lists are written in their order. */
            row_error(s, row, IMP_DISTRICT,
                      "district \"%s\" appears again after other districts' rows (its first "
                      "row is on line %u): keep the rows of a district together",
                      id, t->line[s->districts[k].first_row]);
        }
        s->districts[k].last_row = row;
        district_values(s, &s->districts[k], row);
        check_list(s, row);
        for (size_t j = s->districts[k].first_row; j < row; j++)
            if (strcmp(imp_out(s, j, IMP_LIST), imp_out(s, row, IMP_LIST)) == 0)
                row_error(s, row, IMP_LIST, "list \"%s\" appears twice in district \"%s\" (also "
                          "on line %u)", imp_out(s, row, IMP_LIST), id, t->line[j]);
    }
    for (size_t k = 0; k < s->n_districts && s->status != SCRUTIN_ENOMEM; k++) {
        imp_district *d = &s->districts[k];
        for (size_t i = 0; i < 2; i++) {
            imp_column c = i ? IMP_SEATS : IMP_REGION;
            if (d->row_of[c] == (size_t)-1)
                row_error(s, d->first_row, c, "district \"%s\" has no %s on any of its rows",
                          d->id, imp_column_names[c]);
        }
        if (d->row_of[IMP_REGION] != (size_t)-1) {
            const char *region = imp_out(s, d->row_of[IMP_REGION], IMP_REGION);
            check_id(s, d->row_of[IMP_REGION], IMP_REGION, region, "region");
            if (add_name(&s->regions, &s->n_regions, region) == (size_t)-1)
                return s->status = SCRUTIN_ENOMEM;
        }
        if (d->row_of[IMP_SEATS] != (size_t)-1)
            s->seats += strtoul(imp_out(s, d->row_of[IMP_SEATS], IMP_SEATS), NULL, 10);
        check_sums(s, d);
    }
    return s->status;
}

void imp_scenario_free(imp_scenario *s)
{
    for (size_t i = 0; s->cell && s->t && i < s->t->n_rows * IMP_COLUMNS; i++)
        free(s->cell[i]);
    free(s->cell);
    free(s->districts);
    for (size_t i = 0; i < s->n_regions; i++)
        free(s->regions[i]);
    free(s->regions);
    for (size_t i = 0; i < s->n_parties; i++)
        free(s->parties[i]);
    free(s->parties);
    free(s->party_kinds);
    memset(s, 0, sizeof *s);
}
