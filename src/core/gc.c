// smallpy: the list of tracked container objects. The cycle collector that
// walks it comes later; for now tracking keeps the header honest (it is
// counted by sys.getsizeof and used by id-independent bookkeeping).
// Counterpart: CPython 3.11 Modules/gcmodule.c.
#include "core/gc.h"

// A circular list with a sentinel; untracked objects have gc_next NULL.
static SpGCHead gc_list = {&gc_list, &gc_list};

void sp_gc_track(SpObject *op) {
    SpGCHead *g = SP_GC_HEAD(op);
    SP_ASSERT(g->gc_next == NULL, "object tracked twice");
    g->gc_prev = gc_list.gc_prev;
    g->gc_next = &gc_list;
    gc_list.gc_prev->gc_next = g;
    gc_list.gc_prev = g;
}

void sp_gc_untrack(SpObject *op) {
    SpGCHead *g = SP_GC_HEAD(op);
    if (g->gc_next == NULL) {
        return;
    }
    g->gc_prev->gc_next = g->gc_next;
    g->gc_next->gc_prev = g->gc_prev;
    g->gc_next = g->gc_prev = NULL;
}

int sp_gc_is_tracked(SpObject *op) { return SP_GC_HEAD(op)->gc_next != NULL; }
