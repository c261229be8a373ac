/*
 * YAML documents merged node by node (libyaml's document API), each node
 * remembering the file it came from, so that a what-if merged over its base
 * still reports problems at the right file and line (docs/whatifs.md).
 */
#ifndef SCRUTIN_YAML_MERGE_H
#define SCRUTIN_YAML_MERGE_H

#include <stddef.h>
#include <yaml.h>

/* A document under construction and the file of each of its nodes. */
typedef struct ydoc {
    yaml_document_t doc;
    int *file;      /* [node id - 1]: index of the file the node came from, -1 if made up */
    size_t n_file, cap_file;
} ydoc;

/* An empty document. @return 0 or SCRUTIN_ENOMEM */
int ydoc_init(ydoc *d);
/* Free the document and the files of its nodes. */
void ydoc_free(ydoc *d);

/*
 * Copy node @p id of @p src, and everything under it, into @p d. The copies
 * keep the original's marks (lines), and their file is @p src_file[id - 1]
 * if @p src_file is not NULL, else @p file.
 * @return the new node's id, 0 if out of memory
 */
int ydoc_copy(ydoc *d, yaml_document_t *src, int id, const int *src_file, int file);

/*
 * Merge the mapping @p id of @p src (from file @p file) into the mapping
 * @p into of @p d: keys absent from @p d are added; mappings merge key by
 * key, recursively; sequences whose items are all mappings with an `id`
 * (parties, coalitions, regions) are updated by id, an item with a new id
 * appended; any other value replaces the one in @p d. At the top level
 * (@p top), the key `base` is skipped and the sequences of `changes` are
 * concatenated, the base's first.
 * @return 0 or SCRUTIN_ENOMEM
 */
int ydoc_merge(ydoc *d, int into, yaml_document_t *src, int id, int file, int top);

/* The value of @p key in mapping @p mapping of @p doc: its node id, 0 if absent. */
int ydoc_value(yaml_document_t *doc, int mapping, const char *key);

/*
 * Set the scalar @p key of the root mapping to @p text (file @p file, at
 * @p mark), replacing any value. @return 0 or SCRUTIN_ENOMEM
 */
int ydoc_set_root_scalar(ydoc *d, const char *key, const char *text, int file, yaml_mark_t mark);

/*
 * Set the value at @p path ("model.sd_list", "changes[0].points") to the
 * plain scalar @p value, from file @p file; missing keys on the way are
 * created as mappings.
 * @return 0, SCRUTIN_ENOMEM, or SCRUTIN_EINPUT with a sentence in @p why
 */
int ydoc_set_path(ydoc *d, const char *path, const char *value, int file, char *why,
                  size_t why_size);

#endif
