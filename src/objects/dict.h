// smallpy: dict, insertion-ordered (a compact index table over an entries
// array, as CPython 3.6+). Counterpart: CPython 3.11 Objects/dictobject.c.
#ifndef SP_OBJECTS_DICT_H
#define SP_OBJECTS_DICT_H

#include <stdint.h>

#include "core/object.h"

struct SpDictKeysObject;  // private to dict.c

typedef struct SpDictObject {
    SP_OBJECT_HEAD;
    ssize_t ma_used;                  // number of items, offset 16
    uint64_t ma_version_tag;          // changes on every mutation, offset 24
    struct SpDictKeysObject *ma_keys; // offset 32
    SpObject **ma_values;             // split tables: unused (NULL), offset 40
} SpDictObject;

extern SpTypeObject SpDict_Type;

#define SP_DICT_CHECK(o) sp_type_has_flag(SP_TYPE(o), SP_TPFLAGS_DICT_SUBCLASS)
#define SP_DICT_CHECK_EXACT(o) (SP_TYPE(o) == &SpDict_Type)
#define SP_DICT_SIZE(o) (((SpDictObject *)(o))->ma_used)

SP_FUNC SP_MAY_RAISE SpObject *sp_dict_new(void);
// d[key], borrowed (valid until d is next changed), or NULL. NULL means
// absent *or* an error (unhashable key, failing __eq__): check
// sp_err_occurred() where the key may be arbitrary.
SP_FUNC SP_MAY_RAISE SpObject *sp_dict_getitem_borrow(SpObject *d, SpObject *key);
// Lookup by a C string key (no error possible but MemoryError).
SP_FUNC SpObject *sp_dict_getitem_str_borrow(SpObject *d, const char *key);
// Lookup with a precomputed hash (globals/builtins fast path).
SP_FUNC SP_MAY_RAISE SpObject *sp_dict_getitem_known_hash_borrow(SpObject *d, SpObject *key,
                                                               SpHash hash);
// d[key] = value (both borrowed, increfed). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_dict_setitem(SpObject *d, SpObject *key, SpObject *value);
SP_FUNC SP_MAY_RAISE int sp_dict_setitem_str(SpObject *d, const char *key, SpObject *value);
// del d[key]: -1 with KeyError(key) if absent.
SP_FUNC SP_MAY_RAISE int sp_dict_delitem(SpObject *d, SpObject *key);
// key in d: 1, 0, -1.
SP_FUNC SP_MAY_RAISE int sp_dict_contains(SpObject *d, SpObject *key);
// Iterate: int pos = 0; while (sp_dict_next(d, &pos, &k, &v)) {...}; k, v
// borrowed; the dict must not change meanwhile. Either pointer may be NULL.
SP_FUNC int sp_dict_next(SpObject *d, ssize_t *pos, SpObject **key, SpObject **value);
SP_FUNC void sp_dict_clear(SpObject *d);
SP_FUNC SP_MAY_RAISE SpObject *sp_dict_copy(SpObject *d);
// d.update(other): other a mapping (keys() + []) or dict. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_dict_update(SpObject *d, SpObject *other);
// Merge dict b into a; override = 0 keeps existing keys; override = 2
// raises TypeError for duplicates ("got multiple values for keyword
// argument 'x'" is built by the caller from the KeyError). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_dict_merge(SpObject *a, SpObject *b, int override);
// New lists of keys / values / (key, value) tuples.
SP_FUNC SP_MAY_RAISE SpObject *sp_dict_keys(SpObject *d);
SP_FUNC SP_MAY_RAISE SpObject *sp_dict_values(SpObject *d);
SP_FUNC SP_MAY_RAISE SpObject *sp_dict_items(SpObject *d);
// d.pop(key) returning a new reference, or NULL with no exception if absent.
SP_FUNC SP_MAY_RAISE SpObject *sp_dict_pop(SpObject *d, SpObject *key);

#endif  // SP_OBJECTS_DICT_H
