// smallpy: frames, the value stack they live on, and the per-code data the
// VM prepares on first execution (a private instruction copy and inline
// caches). Private to src/vm. Counterpart: CPython 3.11
// Include/internal/pycore_frame.h, Python/pystate.c (the data stack).
#ifndef SP_VM_FRAME_H
#define SP_VM_FRAME_H

#ifndef SP_VM_INTERNAL
#error "vm/frame.h is private to src/vm"
#endif

#include <stdint.h>

#include "core/err.h"
#include "core/object.h"
#include "objects/code.h"
#include "objects/func.h"

// ---------------------------------------------------------------------------
// VM-private instructions. They appear only in the private instruction copy
// (never in co_code): END_OF_CODE follows the last instruction, and the
// others fuse a pair i, i+1 into one dispatch. A fused instruction at i
// keeps i's own argument and reads i+1's argument from the copy; i+1 stays
// intact, so jumps to it still work, and errors in the second half are
// reported at i+1.
#define SP_VM_PRIVATE_OPS(X)                                                           \
    X(END_OF_CODE)           /* raise SystemError: ran past the last instruction */    \
    X(BINARY_OP_CONST)       /* LOAD_CONST c; BINARY_OP op: TOS op c */                \
    X(COMPARE_OP_CONST)      /* LOAD_CONST c; COMPARE_OP op */                         \
    X(LOAD_FAST__LOAD_FAST)                                                            \
    X(LOAD_FAST__LOAD_CONST)                                                           \
    X(STORE_FAST__LOAD_FAST)                                                           \
    X(FOR_ITER__STORE_FAST)  /* the next item goes straight into the local */          \
    X(PUSH_NULL__LOAD_GLOBAL)                                                          \
    X(LOAD_FAST__LOAD_ATTR)                                                            \
    X(LOAD_FAST__LOAD_METHOD)

enum {
    SP_OP_PRIVATE_BASE_ = SP_OP_COUNT_ - 1,
#define SP_VM_OP_ENUM_(name) SP_OP_##name,
    SP_VM_PRIVATE_OPS(SP_VM_OP_ENUM_)
#undef SP_VM_OP_ENUM_
    SP_OP_ALL_COUNT_
};

// ---------------------------------------------------------------------------
// Inline caches. Each LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD and STORE_ATTR owns
// one entry; the private instruction copy carries the entry's index in the
// argument word, the original argument stays in co_code.

typedef struct SpGlobalCache {
    SpObject *globals;      // the globals dict the entry was filled for
    uint64_t gver, bver;    // ma_version_tag of globals and builtins then
    SpObject *value;        // borrowed: valid while both versions match
} SpGlobalCache;

// What an attribute cache entry found on the type.
enum {
    SP_ATTR_NONE = 0,       // not filled / not cacheable
    SP_ATTR_INSTANCE,       // nothing on the type: instance dict only
    SP_ATTR_CLASS_PLAIN,    // a non-descriptor class attribute (shadowable)
    SP_ATTR_METHOD,         // a function or method descriptor on the type (unbound call)
    SP_ATTR_DATA_DESCR,     // a data descriptor (property, slot): call its __get__
};

typedef struct SpAttrCache {
    SpTypeObject *type;     // exact type of the object (borrowed)
    unsigned int version;   // its tp_version_tag then (0: entry empty)
    int kind;               // SP_ATTR_*
    SpObject *descr;        // borrowed from the type's dict (valid while version matches)
} SpAttrCache;

// Attribute sites keep two types (way 0 the most recent), so a call site
// that sees two classes (a method inherited by a subclass) stays cached.
typedef struct SpCacheEntry {
    SpObject *name;         // the name (borrowed from co_names)
    SpHash hash;            // its hash
    union {
        SpGlobalCache g;
        SpAttrCache a[2];
    } u;
} SpCacheEntry;

static inline SpAttrCache *sp_attr_cache_find(SpCacheEntry *e, SpTypeObject *tp) {
    unsigned int v = tp->tp_version_tag;
    if (e->u.a[0].type == tp && e->u.a[0].version == v) {
        return &e->u.a[0];
    }
    if (e->u.a[1].type == tp && e->u.a[1].version == v) {
        return &e->u.a[1];
    }
    return NULL;
}

// Prepared once per code object, hung on co_extra, freed with the code.
typedef struct SpCodeExtra {
    SpInstr *instrs;        // private copy of co_code: cache indexes in arguments
    int nslots;             // frame size in SpObject* slots (header + locals + stack)
    int ncells;             // number of SP_FAST_CELL slots
    int *cells;             // their slot indexes
    int nfree;              // SP_FAST_FREE slots: the last nfree of localsplus
    int simple;             // positional-only binding possible (no *, **, kw-only)
    int ncache;
    SpCacheEntry *cache;
} SpCodeExtra;

// ---------------------------------------------------------------------------
// Frames.

enum {
    SP_FRAME_CREATED = 0,    // set up, not started (generators)
    SP_FRAME_SUSPENDED = 1,  // stopped at a yield
    SP_FRAME_EXECUTING = 2,
    SP_FRAME_COMPLETED = 3,  // returned or raised; localsplus cleared
};

enum {
    SP_FRAME_OWNED_BY_STACK = 0,  // on the data stack
    SP_FRAME_OWNED_BY_GEN = 1,    // inside a generator object
};

typedef struct SpFrame {
    SpCodeObject *code;         // strong
    SpObject *func;             // strong, or NULL for code run by sp_eval_code
    SpObject *globals;          // borrowed from func (or from sp_eval_code's caller)
    SpObject *builtins;         // borrowed likewise
    SpObject *locals;           // strong or NULL: the mapping of LOAD_NAME (modules, classes)
    struct SpFrame *previous;   // the frame below this one while executing, else NULL
    SpInstr *next_instr;        // where to continue; saved when the loop leaves the frame
    SpObject **stacktop;        // top of the value stack while not executing
    int lasti;                  // the instruction that raised (for tracebacks / RERAISE)
    uint8_t state;              // SP_FRAME_*
    uint8_t owner;              // SP_FRAME_OWNED_BY_*
    uint8_t entry;              // returning from it returns from the C-level eval call
    SpObject *localsplus[];     // co_nlocalsplus slots, then the value stack
} SpFrame;

#define SP_FRAME_HEADER_SLOTS ((int)(sizeof(SpFrame) / sizeof(SpObject *)))
#define SP_FRAME_STACK_BASE(f) ((f)->localsplus + (f)->code->co_nlocalsplus)

// ---------------------------------------------------------------------------
// The data stack: frames are carved from it, LIFO. One big chunk is made at
// start-up; when a frame does not fit, a further chunk is chained on.

typedef struct SpStackChunk {
    struct SpStackChunk *previous;
    SpObject **saved_top;       // top of the previous chunk when this one was entered
    SpObject **limit;
    SpObject *data[];
} SpStackChunk;

extern SpObject **sp_datastack_top;
extern SpObject **sp_datastack_limit;
extern SpStackChunk *sp_datastack_chunk;

// The handled exception (sys.exc_info()) is a stack of slots, as CPython's
// _PyErr_StackItem: one base slot plus one per running generator, so a
// generator's `except` state travels with it. sp_tstate.exc_info mirrors
// the innermost non-NULL value (borrowed).
typedef struct SpExcSlot {
    SpObject *value;            // owned, NULL = none
    struct SpExcSlot *previous;
} SpExcSlot;
extern SpExcSlot *sp_exc_top;
void sp_exc_refresh(void);

// ---------------------------------------------------------------------------
// Shared between vm/*.c.

// The per-code data, prepared on first use. NULL with an exception.
SpCodeExtra *sp_code_prepare(SpCodeObject *co);
static inline SpCodeExtra *sp_code_extra(SpCodeObject *co) {
    SpCodeExtra *x = co->co_extra;
    return x != NULL ? x : sp_code_prepare(co);
}
// Carve a frame of nslots from the data stack (MemoryError on failure).
// Only the header fields are uninitialised; the caller fills them.
SpFrame *sp_datastack_push_chunk(int nslots);
void sp_datastack_pop_chunk(void);
static inline SpFrame *sp_datastack_push(int nslots) {
    SpObject **top = sp_datastack_top;
    if (SP_UNLIKELY(top == NULL || nslots > sp_datastack_limit - top)) {
        return sp_datastack_push_chunk(nslots);
    }
    sp_datastack_top = top + nslots;
    return (SpFrame *)top;
}
// Release frame f and everything above it.
static inline void sp_datastack_pop(SpFrame *f) {
    SpObject **p = (SpObject **)f;
    if (SP_UNLIKELY(p == sp_datastack_chunk->data && sp_datastack_chunk->previous != NULL)) {
        sp_datastack_pop_chunk();
        return;
    }
    sp_datastack_top = p;
}

// Fill in a frame for func (code co): header, NULL locals. Takes new
// references to func and code.
void sp_frame_init(SpFrame *f, SpFunctionObject *func, SpCodeObject *co, SpObject *locals);
// Bind arguments (borrowed) into f's slots with CPython's TypeErrors, then
// make the cells and copy the closure. 0 or -1 (the caller clears f).
int sp_frame_bind(SpFrame *f, SpFunctionObject *func, SpObject *const *args, ssize_t npos,
                  SpObject *kwnames);
// Make cells and copy the closure after the arguments are in place. 0 or -1.
int sp_frame_finish_setup(SpFrame *f, SpFunctionObject *func, SpCodeExtra *x);

// Release everything f holds (locals, stack items up to f->stacktop, func,
// code, locals mapping). The memory stays; f->state becomes COMPLETED.
static inline void sp_frame_clear(SpFrame *f) {
    SpObject **p = f->localsplus, **end = f->stacktop;
    f->stacktop = f->localsplus;
    f->state = SP_FRAME_COMPLETED;
    for (; p < end; p++) {
        SpObject *o = *p;
        if (o != NULL) {
            *p = NULL;
            SP_DECREF(o);
        }
    }
    if (SP_UNLIKELY(f->locals != NULL)) {
        SP_CLEAR(f->locals);
    }
    if (f->func == NULL) {
        // Frames of sp_eval_code own their namespaces.
        SP_XDECREF(f->globals);
        SP_XDECREF(f->builtins);
    } else {
        SP_CLEAR(f->func);
    }
    f->globals = f->builtins = NULL;
    SP_CLEAR(f->code);
}

// Make exc (stolen) the current exception as it is: no context chaining,
// for re-raising and for passing an exception on to the caller.
static inline void sp_err_restore_raw(SpObject *exc) {
    SpObject *old = sp_tstate.curexc;
    sp_tstate.curexc = exc;
    SP_XDECREF(old);
}

// Run f (already set up) to completion or to its next yield. With throwflag
// the current exception is raised at f's resumption point. New reference or
// NULL. On return f->state tells SUSPENDED (yield) from COMPLETED.
SpObject *sp_eval_frame(SpFrame *f, int throwflag);
// Check the Python recursion limit before pushing a frame and count the
// frame: 0, or -1 with RecursionError.
int sp_recursion_error(void);
static inline int sp_recursion_check(void) {
    if (SP_UNLIKELY(sp_tstate.recursion_depth >= sp_tstate.recursion_limit)) {
        return sp_recursion_error();
    }
    sp_tstate.recursion_depth++;
    return 0;
}

// Generators (vm/gen.c).
// Make a generator for a call of func (a CO_GENERATOR code); arguments
// borrowed. New reference or NULL.
SpObject *sp_gen_new_from_call(SpFunctionObject *func, SpObject *const *args, ssize_t npos,
                               SpObject *kwnames);
// Resume gen with `arg` sent (borrowed; NULL with throwing). Returns 1 with
// *result the yielded value, 0 with *result the returned value, -1 on error.
int sp_gen_resume(SpObject *gen, SpObject *arg, int throwing, SpObject **result);

// The value inside a StopIteration (or None), new reference; clears it.
SpObject *sp_stopiteration_take_value(void);

// Calls (vm/call.c).
// A description of a callable for messages: "f()", "__main__.f()", "len()",
// "'int' object". New str or NULL.
SpObject *sp_function_str(SpObject *callable);
// A frame for func(*args, **kwargs) (args an exact tuple, kwargs an exact
// dict or NULL; both borrowed), pushed on the data stack, bound and
// counted against the recursion limit, ready for the loop (not an entry
// frame; previous left for the caller to set). func must not be a
// generator function. NULL with an exception.
SpFrame *sp_vm_push_frame_ex(SpFunctionObject *func, SpObject *args, SpObject *kwargs);
// Run func's code as a class body with locals `ns`. New reference or NULL.
SpObject *sp_vm_run_class_body(SpFunctionObject *func, SpObject *ns);

// Imports (vm/import.c).
SpObject *sp_vm_import_name(SpFrame *f, SpObject *name, SpObject *fromlist, SpObject *level);
SpObject *sp_vm_import_from(SpObject *module, SpObject *name);
int sp_vm_import_star(SpFrame *f, SpObject *module);
int sp_import_init(void);
// Register a module made at start-up (sys, builtins) in sys.modules and keep
// it for re-import. 0 or -1.
int sp_import_register_startup(const char *name, SpObject *m);
void sp_import_fini(void);
SpObject *sp_builtin_import(SpObject *self, SpObject *const *args, ssize_t nargs,
                            SpObject *kwnames);

#endif  // SP_VM_FRAME_H
