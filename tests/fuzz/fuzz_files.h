/*
 * What the fuzz targets share: a private folder for the files an input is
 * written to (the loaders read paths, not memory), created on first use and
 * removed at exit, and the entry point that libFuzzer (or fuzz_replay.c) calls.
 */
#ifndef SCRUTIN_FUZZ_FILES_H
#define SCRUTIN_FUZZ_FILES_H

#include <stddef.h>
#include <stdint.h>

/* The libFuzzer entry point: one input, every byte of it untrusted. Always returns 0. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* @return the path of @p name in the private folder (a static buffer per call site), or NULL. */
const char *fuzz_path(const char *name, char *buf, size_t size);
/* Write @p size bytes at @p data into the file @p path, replacing it. @return 0 or -1. */
int fuzz_write(const char *path, const void *data, size_t size);

#endif
