// smallpy: the inside of dict, shared by dict.c (the table) and dictview.c
// (views and iterators). Private to the container files.
// Counterpart: CPython 3.11 Include/internal/pycore_dict.h.
#ifndef SP_OBJECTS_DICTIMPL_H
#define SP_OBJECTS_DICTIMPL_H

#include <stdint.h>

#include "core/object.h"
#include "objects/dict.h"

// Layout (Raymond Hettinger's compact dict, CPython 3.6+): a sparse index
// table of 2**k small integers points into a dense array of entries kept
// in insertion order. Iteration walks the dense array, so order is free
// and the sparse part costs 1-8 bytes a slot instead of a 24-byte entry.
// Invariants: an index slot holds DKIX_EMPTY (never used), DKIX_DUMMY
// (its entry was deleted; probing must continue past it) or an entry
// position 0 <= ix < dk_nentries. Entries are only appended: deletion
// leaves a NULL-key hole at the entry and a dummy in the index, both
// reclaimed only when the table is rebuilt (the next resize).
// dk_usable + dk_nentries == USABLE_FRACTION(size) except in the shared
// empty table (usable 0): at least a third of the index slots stay empty,
// so every probe sequence ends.
// One entry of the dense array. A deleted entry has key == NULL.
typedef struct {
    SpHash hash;
    SpObject *key;
    SpObject *value;
} DictEntry;

enum { DICT_KEYS_GENERAL = 0, DICT_KEYS_UNICODE = 1 };

// The table: a header, then 2**dk_log2_index_bytes bytes of index slots
// (int8/16/32/64 each, by table size), then the entries. CPython stores
// 16-byte entries when every key is a str; we always store the hash, but
// report CPython's sizes in __sizeof__ (dk_kind tracks the kind).
typedef struct SpDictKeysObject {
    // Kept for CPython's layout and sizes: a table belongs to one dict (the
    // static empty table to every empty dict, and it is never freed).
    ssize_t dk_refcnt;
    uint8_t dk_log2_size;
    uint8_t dk_log2_index_bytes;
    uint8_t dk_kind;
    // CPython's keys version for its inline caches; always 0 here.
    uint32_t dk_version;
    ssize_t dk_usable;    // entries that can still be appended
    ssize_t dk_nentries;  // entries used (including deleted ones)
    int8_t dk_indices[8]; // really 2**dk_log2_index_bytes bytes
} SpDictKeysObject;

// sizeof(PyDictKeysObject) in CPython 3.11, for __sizeof__.
#define DICT_KEYS_HEADER_SIZE 32

// Index slot values below 0 are markers; DKIX_ERROR is only ever returned
// by lookups, never stored.
#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define PERTURB_SHIFT 5
#define DICT_LOG_MINSIZE 3
#define DICT_MINSIZE 8
// Two thirds of the slots may hold entries.
#define USABLE_FRACTION(n) (((n) << 1) / 3)

#define DK_SIZE(dk) ((size_t)1 << (dk)->dk_log2_size)
#define DK_MASK(dk) (DK_SIZE(dk) - 1)

static inline DictEntry *dk_entries(SpDictKeysObject *dk) {
    return (DictEntry *)((char *)dk->dk_indices + ((size_t)1 << dk->dk_log2_index_bytes));
}

static inline ssize_t dk_get_index(const SpDictKeysObject *dk, size_t i) {
    uint8_t log2 = dk->dk_log2_size;
    if (log2 < 8) {
        return ((const int8_t *)dk->dk_indices)[i];
    }
    if (log2 < 16) {
        return ((const int16_t *)(const void *)dk->dk_indices)[i];
    }
    if (log2 < 32) {
        return ((const int32_t *)(const void *)dk->dk_indices)[i];
    }
    return (ssize_t)((const int64_t *)(const void *)dk->dk_indices)[i];
}

static inline void dk_set_index(SpDictKeysObject *dk, size_t i, ssize_t ix) {
    uint8_t log2 = dk->dk_log2_size;
    if (log2 < 8) {
        ((int8_t *)dk->dk_indices)[i] = (int8_t)ix;
    } else if (log2 < 16) {
        ((int16_t *)(void *)dk->dk_indices)[i] = (int16_t)ix;
    } else if (log2 < 32) {
        ((int32_t *)(void *)dk->dk_indices)[i] = (int32_t)ix;
    } else {
        ((int64_t *)(void *)dk->dk_indices)[i] = (int64_t)ix;
    }
}

// The global mutation counter behind ma_version_tag.
extern uint64_t sp_dict_version_counter;

// dictview.c: the keys()/values()/items() methods, reversed(d), and
// iterator construction (type is one of the SpDictIter*_Type).
SP_FUNC SpObject *sp_dictview_keys_meth(SpObject *d, SpObject *unused);
SP_FUNC SpObject *sp_dictview_values_meth(SpObject *d, SpObject *unused);
SP_FUNC SpObject *sp_dictview_items_meth(SpObject *d, SpObject *unused);
SP_FUNC SpObject *sp_dict_reversed_meth(SpObject *d, SpObject *unused);
SP_FUNC SP_MAY_RAISE SpObject *sp_dictiter_new(SpObject *d, SpTypeObject *type);

#endif  // SP_OBJECTS_DICTIMPL_H
