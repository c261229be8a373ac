/*
 * The synthetic-election generator. Its elections look like Mali's where it
 * matters to the cost of a simulation: party, joint and independent lists in
 * Mali's proportions, lognormal vote shares, five coalitions, nine regions,
 * and the Mali 2007 uncertainty model and court.
 */
#include "synth.h"

#include <errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* One or two seats a district: 5,500 districts then stay under the 10,000 seats a scenario
   may have (Mali has 2.7 a district; seats hardly change the cost of a simulation). */
enum { N_PARTIES = 23, N_COALITIONS = 4, N_REGIONS = 9, MAX_SEATS = 2 };

/* Parties P01..P23 in coalitions C1..C4; party p's size falls as 1 / (p + 1), as in Mali. */
static unsigned pick_party(gsl_rng *r, const double *cumulative)
{
    double u = gsl_rng_uniform(r) * cumulative[N_PARTIES - 1];
    unsigned p = 0;
    while (p + 1 < N_PARTIES && cumulative[p] <= u)
        p++;
    return p;
}

static int write_yaml(const char *dir, unsigned districts, unsigned lists, unsigned seats)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/scenario.yaml", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "# Written by scrutin-bench (bench/synth.c): a synthetic election.\n"
               "format: 1\nname: synthetic-%ux%u\n"
               "title: \"Synthetic election: %u districts, %u lists each\"\n"
               "seats: %u\ncoalitions:\n",
            districts, lists, districts, lists, seats);
    for (unsigned k = 0; k < N_COALITIONS; k++)
        fprintf(f, "  - {id: C%u, name: \"Coalition %u\"}\n", k + 1, k + 1);
    fprintf(f, "  - {id: IND, name: Independents}\nparties:\n");
    for (unsigned p = 0; p < N_PARTIES; p++)
        fprintf(f, "  - {id: P%02u, name: \"Party %u\", coalition: C%u}\n", p + 1, p + 1,
                p % N_COALITIONS + 1);
    fprintf(f, "  - {id: IND, name: Independents, coalition: IND, independent: true}\nregions:\n");
    for (unsigned g = 0; g < N_REGIONS; g++)
        fprintf(f, "  - {id: R%u, name: \"Region %u\"}\n", g + 1, g + 1);
    /* The Mali 2007 model and court (scenarios/mali-2007/scenario.yaml). */
    fprintf(f,
            "districts: districts.csv\nlists: lists.csv\n"
            "rules: {system: two-round-list, round1_majority: 0.5, round2_lists: 2}\n"
            "court:\n  model:\n    enabled: true\n"
            "    reject: {party: 0.002, joint: 0.016, independent: 0.023}\n"
            "    round1: {base: 0.005, scale: 0.02}\n    round2: {base: 0.7, scale: 0.03}\n"
            "    strike_a: 2\n    strike_b: 12\n    rerun: 0.05\n"
            "model:\n  sd_party: 0.15\n  sd_coalition: 0.10\n  sd_region: 0.10\n"
            "  sd_list: 0.25\n  sd_independent: 0.40\n  tails_df: 0\n"
            "  turnout: {sd_national: 0.10, sd_region: 0.10, sd_district: 0.15}\n"
            "  runoff:\n    retention: 0.95\n    abstention: 0.15\n    sd_abstention: 0.5\n"
            "    affinity_same: 1.0\n    affinity_other: 0.3\n    sd_affinity: 0.5\n"
            "    sd_mobilisation: 0.15\n");
    return fclose(f) == 0 ? 0 : -1;
}

/* One list's candidates: the parties of its first seats (at least two for a joint list). */
static void write_candidates(FILE *f, gsl_rng *r, const double *cumulative, unsigned seats,
                             double u)
{
    if (u < 0.52) { /* a party list: Mali 2007 had 278 of 535 */
        unsigned p = pick_party(r, cumulative);
        for (unsigned s = 0; s < seats; s++)
            fprintf(f, "%sP%02u", s ? ";" : "", p + 1);
    } else if (u < 0.75) { /* a joint list: 125 of 535 */
        unsigned a = pick_party(r, cumulative), b = pick_party(r, cumulative);
        if (b == a)
            b = (a + 1) % N_PARTIES;
        unsigned n = seats < 2 ? 2 : seats;
        for (unsigned s = 0; s < n; s++)
            fprintf(f, "%sP%02u", s ? ";" : "", (s % 2 ? b : a) + 1);
    } else { /* an independent list: 132 of 535 */
        for (unsigned s = 0; s < seats; s++)
            fprintf(f, "%sIND", s ? ";" : "");
    }
}

static const char *kind_of(double u)
{
    return u < 0.52 ? "party" : u < 0.75 ? "joint" : "independent";
}

int bench_synth_write(const char *dir, unsigned districts, unsigned lists, uint64_t seed)
{
    char path[4096];
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    double *share = malloc((lists ? lists : 1) * sizeof *share);
    FILE *fd = NULL, *fl = NULL;
    int status = -1;
    if (!r || !share)
        goto done;
    gsl_rng_set(r, (unsigned long)seed);
    double cumulative[N_PARTIES], sum = 0.0;
    for (unsigned p = 0; p < N_PARTIES; p++)
        cumulative[p] = sum += 1.0 / (p + 1.0);
    snprintf(path, sizeof path, "%s/districts.csv", dir);
    fd = fopen(path, "w");
    snprintf(path, sizeof path, "%s/lists.csv", dir);
    fl = fopen(path, "w");
    if (!fd || !fl)
        goto done;
    fprintf(fd, "district,region,seats,registered,voters,invalid,source\n");
    fprintf(fl, "district,list,kind,candidates,votes_r1,source\n");
    unsigned total_seats = 0;
    for (unsigned d = 0; d < districts; d++) {
        unsigned seats = 1 + (unsigned)gsl_rng_uniform_int(r, MAX_SEATS);
        total_seats += seats;
        long registered = 40000 + (long)gsl_rng_uniform_int(r, 160000);
        long voters = lround((double)registered * (0.25 + 0.2 * gsl_rng_uniform(r)));
        long invalid = lround((double)voters * (0.03 + 0.05 * gsl_rng_uniform(r)));
        long valid = voters - invalid;
        fprintf(fd, "D%05u,R%u,%u,%ld,%ld,%ld,synthetic\n", d + 1, d % N_REGIONS + 1, seats,
                registered, voters, invalid);
        /* Lognormal shares; whole votes that add up to the valid votes, at least one each. */
        double total = 0.0;
        for (unsigned i = 0; i < lists; i++)
            total += share[i] = exp(gsl_ran_gaussian(r, 1.0));
        long given = 0;
        for (unsigned i = 0; i < lists; i++) {
            long v = (long)floor((double)(valid - (long)lists) * share[i] / total) + 1;
            given += v;
            share[i] = (double)v;
        }
        share[0] += (double)(valid - given);
        for (unsigned i = 0; i < lists; i++) {
            double u = gsl_rng_uniform(r);
            fprintf(fl, "D%05u,L%02u,%s,", d + 1, i + 1, kind_of(u));
            write_candidates(fl, r, cumulative, seats, u);
            fprintf(fl, ",%.0f,synthetic\n", share[i]);
        }
    }
    if (ferror(fd) || ferror(fl))
        goto done;
    status = write_yaml(dir, districts, lists, total_seats);
done:
    if (fd && fclose(fd) != 0)
        status = -1;
    if (fl && fclose(fl) != 0)
        status = -1;
    if (status != 0 && errno == 0)
        errno = EIO;
    free(share);
    gsl_rng_free(r);
    return status;
}
