/* Reading recorded outcomes (scrutin/outcomes.h). */
#include "outcomes.h"

static size_t align8(size_t n) { return (n + 7) / 8 * 8; }

void outcome_layout_make(outcome_layout *l, const scrutin_model *m)
{
    l->groups = m->n_parties + m->n_coalitions;
    l->systems = m->n_systems;
    l->lists = m->n_lists;
    l->districts = m->n_districts;
    l->seats_at = sizeof(uint64_t);
    l->list_seats_at = align8(l->seats_at + SCRUTIN_STAGES * l->systems * l->groups * sizeof(unsigned));
    l->round_at = align8(l->list_seats_at + SCRUTIN_STAGES * l->systems * l->lists * sizeof(uint16_t));
    l->size = align8(l->round_at + l->systems * l->districts);
}

/* The slots are written by the driver only: reading them through the view is read-only. */
static unsigned char *slot_of(const scrutin_outcomes *b, size_t k)
{
    return (unsigned char *)(uintptr_t)b->slots[k];
}

size_t scrutin_outcomes_count(const scrutin_outcomes *b) { return b->n; }
uint64_t scrutin_outcomes_end(const scrutin_outcomes *b) { return b->end; }

uint64_t scrutin_outcomes_index(const scrutin_outcomes *b, size_t k)
{
    return *outcome_index(slot_of(b, k));
}

const unsigned *scrutin_outcomes_seats(const scrutin_outcomes *b, size_t k, scrutin_stage stage,
                                       size_t system)
{
    return outcome_seats(slot_of(b, k), b->layout, (int)stage, system);
}

unsigned scrutin_outcomes_list_seats(const scrutin_outcomes *b, size_t k, scrutin_stage stage,
                                     size_t system, size_t list)
{
    return outcome_list_seats(slot_of(b, k), b->layout, (int)stage, system)[list];
}

size_t scrutin_outcomes_winner(const scrutin_outcomes *b, size_t k, scrutin_stage stage,
                               size_t system, size_t district)
{
    const scrutin_model *m = b->model;
    const uint16_t *seats = outcome_list_seats(slot_of(b, k), b->layout, (int)stage, system);
    size_t best = SIZE_MAX;
    for (size_t l = m->district_first_list[district]; l < m->district_first_list[district + 1];
         l++)
        if (seats[l] > 0 && (best == SIZE_MAX || seats[l] > seats[best]))
            best = l;
    return best;
}

int scrutin_outcomes_round(const scrutin_outcomes *b, size_t k, size_t system, size_t district)
{
    return outcome_rounds(slot_of(b, k), b->layout, system)[district];
}

int scrutin_outcomes_holds(const scrutin_outcomes *b, size_t k, scrutin_stage stage,
                           size_t system, size_t district, scrutin_group_kind kind, size_t group)
{
    const scrutin_model *m = b->model;
    const uint16_t *seats = outcome_list_seats(slot_of(b, k), b->layout, (int)stage, system);
    for (size_t l = m->district_first_list[district]; l < m->district_first_list[district + 1];
         l++) {
        /* The list's first `seats` candidates are the ones elected (docs/model.md). */
        const uint32_t *party = m->candidate_party + m->list_first_candidate[l];
        unsigned n = m->list_first_candidate[l + 1] - m->list_first_candidate[l];
        for (unsigned c = 0; c < seats[l] && c < n; c++) {
            size_t g = kind == SCRUTIN_GROUP_PARTY ? party[c] : m->party_coalition[party[c]];
            if (g == group)
                return 1;
        }
    }
    return 0;
}
