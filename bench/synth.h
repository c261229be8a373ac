/*
 * Synthetic elections for the benchmark: any number of districts and lists
 * a district, written as an ordinary scenario (scenario.yaml, districts.csv,
 * lists.csv) that the public loader reads, with the Mali 2007 model and
 * court, so that only the size of the election changes between them.
 */
#ifndef SCRUTIN_BENCH_SYNTH_H
#define SCRUTIN_BENCH_SYNTH_H

#include <stdint.h>

/*
 * Write a two-round list election of @p districts districts with @p lists
 * lists each into the existing folder @p dir. The same arguments always
 * write the same files (the figures come from GSL's mt19937 seeded with
 * @p seed). @return 0, or -1 if a file cannot be written (errno is set).
 */
int bench_synth_write(const char *dir, unsigned districts, unsigned lists, uint64_t seed);

#endif
