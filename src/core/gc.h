// smallpy: the 16-byte header in front of container objects and the list of
// tracked containers the cycle collector walks. Counterpart: CPython 3.11
// Modules/gcmodule.c and Include/internal/pycore_gc.h.
#ifndef SP_CORE_GC_H
#define SP_CORE_GC_H

#include "core/object.h"

// Lives *before* the object address, as CPython's PyGC_Head: sys.getsizeof
// counts it, id() does not include it.
typedef struct SpGCHead {
    struct SpGCHead *gc_next;
    struct SpGCHead *gc_prev;
} SpGCHead;

#define SP_GC_HEAD(op) ((SpGCHead *)(op) - 1)
#define SP_GC_OBJECT(g) ((SpObject *)((SpGCHead *)(g) + 1))
#define SP_TYPE_IS_GC(t) sp_type_has_flag((t), SP_TPFLAGS_HAVE_GC)
#define SP_OBJECT_IS_GC(o) SP_TYPE_IS_GC(SP_TYPE(o))

// sp_gc_track(op): link a fully initialised container into the tracked list.
SP_FUNC void sp_gc_track(SpObject *op);
// sp_gc_untrack(op): unlink it (first thing in tp_dealloc). Safe if untracked.
SP_FUNC void sp_gc_untrack(SpObject *op);
// sp_gc_is_tracked(op): 1 if linked.
SP_FUNC int sp_gc_is_tracked(SpObject *op);

#endif  // SP_CORE_GC_H
