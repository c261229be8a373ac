/* The folder of a new scenario (scrutin init, scrutin import). */
#ifndef SCRUTIN_NEW_FOLDER_H
#define SCRUTIN_NEW_FOLDER_H

#include "scrutin/error.h"

/*
 * Make @p dir ready for a new scenario: created with its parents if missing; refused
 * (SCRUTIN_EINPUT) if it is not a folder, or holds anything and @p force is 0.
 */
int new_folder_prepare(const char *dir, int force, scrutin_ctx *ctx);

/* Write @p text to @p dir/@p name, under a temporary name renamed once complete. */
int new_folder_write(const char *dir, const char *name, const char *text, scrutin_ctx *ctx);

#endif
