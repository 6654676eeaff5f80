// smallpy: the one gate all memory passes through. Allocation strategies
// (core/alloc*.c) plug in behind it; statistics, limits and fault injection
// hook here only. Counterpart: CPython 3.11 Objects/obmalloc.c (PyMem_*,
// PyObject_Malloc).
#ifndef SP_CORE_MEM_H
#define SP_CORE_MEM_H

#include <stddef.h>

#include "core/object.h"

// sp_mem_alloc(n): n bytes, uninitialised; NULL on failure *without* an
// exception set (callers raise with sp_err_no_memory()).
SP_FUNC void *sp_mem_alloc(size_t n);
// sp_mem_calloc(n): n zeroed bytes; NULL on failure, no exception.
SP_FUNC void *sp_mem_calloc(size_t n);
// sp_mem_realloc(p, n): resize; NULL on failure (p is still valid then).
SP_FUNC void *sp_mem_realloc(void *p, size_t n);
// sp_mem_free(p): release p (NULL is fine).
SP_FUNC void sp_mem_free(void *p);

// Objects. sp_object_alloc(type, nitems) allocates tp_basicsize +
// nitems * tp_itemsize bytes (plus the GC header when the type has
// SP_TPFLAGS_HAVE_GC), zeroes the header fields, sets refcount 1, ob_type
// (increfing heap types) and, for nitems > 0 or itemsize > 0, ob_size = nitems.
// Returns a new reference or NULL with MemoryError set.
SP_FUNC SP_MAY_RAISE SpObject *sp_object_alloc(SpTypeObject *type, ssize_t nitems);
// sp_object_alloc_size(type, size): as above with an explicit byte size
// (without the GC header). ob_size is left 0.
SP_FUNC SP_MAY_RAISE SpObject *sp_object_alloc_size(SpTypeObject *type, size_t size);
// sp_object_resize(op, size): reallocate a non-GC variable object to `size`
// bytes. Returns the new address or NULL with MemoryError (op untouched).
SP_FUNC SP_MAY_RAISE SpObject *sp_object_resize(SpObject *op, size_t size);
// sp_object_free(op): release the memory of an object whose tp_dealloc has
// finalised it (handles the GC header). Suitable as tp_free.
SP_FUNC void sp_object_free(SpObject *op);

// Statistics of the gate (one struct, printed by core/stats.c).
typedef struct SpMemStats {
    size_t allocs, frees, reallocs;
    size_t bytes_live, bytes_peak;  // only tracked where the size is known
} SpMemStats;
extern SpMemStats sp_mem_stats;

#endif  // SP_CORE_MEM_H
