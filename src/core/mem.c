// smallpy: the memory gate. Every allocation of the interpreter passes here,
// so statistics, limits and (later) pluggable allocators hook in one place.
// Counterpart: CPython 3.11 Objects/obmalloc.c (PyMem_*, PyObject_*).
#include "core/mem.h"

#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/gc.h"

SpMemStats sp_mem_stats;

void *sp_mem_alloc(size_t n) {
    sp_mem_stats.allocs++;
    // malloc(0) may return NULL legitimately; never hand that out.
    return malloc(n ? n : 1);
}

void *sp_mem_calloc(size_t n) {
    sp_mem_stats.allocs++;
    return calloc(1, n ? n : 1);
}

void *sp_mem_realloc(void *p, size_t n) {
    sp_mem_stats.reallocs++;
    return realloc(p, n ? n : 1);
}

void sp_mem_free(void *p) {
    if (p != NULL) {
        sp_mem_stats.frees++;
        free(p);
    }
}

// ---------------------------------------------------------------------------
// Objects

// Common tail of the two allocation entry points: zero the memory, place the
// GC header when the type wants one, and fill the object header.
static SpObject *object_init(SpTypeObject *type, char *mem) {
    SpObject *op;
    if (SP_TYPE_IS_GC(type)) {
        SpGCHead *g = (SpGCHead *)mem;
        g->gc_next = g->gc_prev = NULL;
        op = SP_GC_OBJECT(g);
    } else {
        op = (SpObject *)mem;
    }
    op->ob_refcnt = 1;
    op->ob_type = type;
    if (type->tp_flags & SP_TPFLAGS_HEAPTYPE) {
        SP_INCREF(type);  // instances keep their class alive
    }
    return op;
}

SpObject *sp_object_alloc_size(SpTypeObject *type, size_t size) {
    size_t pre = SP_TYPE_IS_GC(type) ? sizeof(SpGCHead) : 0;
    char *mem = sp_mem_calloc(pre + size);
    if (mem == NULL) {
        return sp_err_no_memory();
    }
    return object_init(type, mem);
}

SpObject *sp_object_alloc(SpTypeObject *type, ssize_t nitems) {
    if (nitems < 0) {
        return sp_err_bad_internal_call("sp_object_alloc");
    }
    size_t itemsize = (size_t)type->tp_itemsize;
    if (itemsize && (size_t)nitems > (SIZE_MAX - (size_t)type->tp_basicsize) / itemsize / 2) {
        return sp_err_no_memory();
    }
    size_t size = (size_t)type->tp_basicsize + (size_t)nitems * itemsize;
    SpObject *op = sp_object_alloc_size(type, size);
    if (op != NULL && itemsize) {
        SP_SET_SIZE(op, nitems);
    }
    return op;
}

SpObject *sp_object_resize(SpObject *op, size_t size) {
    SP_ASSERT(!SP_OBJECT_IS_GC(op), "resize of a GC object");
    SpObject *n = sp_mem_realloc(op, size);
    if (n == NULL) {
        return sp_err_no_memory();
    }
    return n;
}

void sp_object_free(SpObject *op) {
    if (SP_OBJECT_IS_GC(op)) {
        sp_mem_free(SP_GC_HEAD(op));
    } else {
        sp_mem_free(op);
    }
}
