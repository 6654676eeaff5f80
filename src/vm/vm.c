// smallpy: the VM's state and services around the eval loop: the data stack,
// per-code preparation, frame set-up and tear-down, start-up, sp_eval_code,
// the class statement (__build_class__), zero-argument super(), locals().
// Counterpart: CPython 3.11 Python/pystate.c (data stack), Python/ceval.c
// (frame set-up), Python/bltinmodule.c (builtin___build_class__),
// Objects/typeobject.c (super_init_without_args).
#define SP_VM_INTERNAL 1
#include "vm/frame.h"

#include <string.h>

#include "core/abstract.h"
#include "core/mem.h"
#include "core/runtime.h"
#include "modules/sys.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/vm.h"

// ---------------------------------------------------------------------------
// The data stack.

SpObject **sp_datastack_top;
SpObject **sp_datastack_limit;
SpStackChunk *sp_datastack_chunk;

// A chunk remembers the top of the chunk below, to return to it when its
// first frame is popped.
static SpStackChunk *chunk_new(size_t nslots, SpStackChunk *previous) {
    SpStackChunk *c = sp_mem_alloc(sizeof(SpStackChunk) + nslots * sizeof(SpObject *));
    if (c == NULL) {
        return NULL;
    }
    c->previous = previous;
    c->saved_top = sp_datastack_top;
    c->limit = c->data + nslots;
    return c;
}

// One big chunk up front: malloc of that size maps pages lazily, so only
// the depth actually used costs memory.
static int datastack_init(void) {
    if (sp_datastack_chunk != NULL) {
        return 0;
    }
    SpStackChunk *c = chunk_new(SP_CFG_DATASTACK_SLOTS, NULL);
    if (c == NULL) {
        sp_err_no_memory();
        return -1;
    }
    sp_datastack_chunk = c;
    sp_datastack_top = c->data;
    sp_datastack_limit = c->limit;
    return 0;
}

// The slow half of sp_datastack_push: chain on a new chunk, at least a
// quarter of the first one, so deep recursion does not allocate per frame.
SpFrame *sp_datastack_push_chunk(int nslots) {
    if (sp_datastack_chunk == NULL && datastack_init() < 0) {
        return NULL;
    }
    SpObject **top = sp_datastack_top;
    if (nslots <= sp_datastack_limit - top) {
        sp_datastack_top = top + nslots;
        return (SpFrame *)top;
    }
    size_t want = SP_CFG_DATASTACK_SLOTS / 4;
    if ((size_t)nslots > want) {
        want = (size_t)nslots;
    }
    SpStackChunk *c = chunk_new(want, sp_datastack_chunk);
    if (c == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    sp_datastack_chunk = c;
    sp_datastack_limit = c->limit;
    sp_datastack_top = c->data + nslots;
    return (SpFrame *)c->data;
}

// The first frame of a chained chunk was popped: back to the previous chunk.
void sp_datastack_pop_chunk(void) {
    SpStackChunk *c = sp_datastack_chunk;
    sp_datastack_chunk = c->previous;
    sp_datastack_top = c->saved_top;
    sp_datastack_limit = c->previous->limit;
    sp_mem_free(c);
}

// ---------------------------------------------------------------------------
// Per-code preparation.

static void code_extra_free(void *p) { sp_mem_free(p); }

// Does this instruction get an inline cache entry?
// Instructions that own an inline cache entry in SpCodeExtra.cache.
static int has_cache(int op) {
    return op == SP_OP_LOAD_GLOBAL || op == SP_OP_LOAD_ATTR || op == SP_OP_LOAD_METHOD ||
           op == SP_OP_STORE_ATTR;
}

// Check one instruction's argument against the code object's tables, so a
// miscompiled code object raises SystemError instead of reading wild memory.
static int check_arg(SpCodeObject *co, int op, uint32_t arg) {
    switch (sp_opcode_argkinds[op]) {
    case SP_ARG_CONST:
        return arg < (uint32_t)SP_TUPLE_SIZE(co->co_consts);
    case SP_ARG_NAME:
        return co->co_names != NULL && arg < (uint32_t)SP_TUPLE_SIZE(co->co_names);
    case SP_ARG_LOCAL:
        return arg < (uint32_t)co->co_nlocalsplus;
    case SP_ARG_DEREF:
        // The slot must hold a cell at run time.
        return arg < (uint32_t)co->co_nlocalsplus &&
               (co->co_localspluskinds[arg] & (SP_FAST_CELL | SP_FAST_FREE)) != 0;
    case SP_ARG_JUMP:
        return arg <= (uint32_t)co->co_ncode;
    default:
        return 1;
    }
}

// Rewrite frequent pairs of instructions in the private copy into the
// fused VM-private ones (see frame.h). Patterns are tried in order at each
// position; `LOAD_FAST; LOAD_CONST` yields to a following `LOAD_CONST;
// BINARY_OP` or `LOAD_CONST; COMPARE_OP`, which saves more.
static void fuse_pairs(SpCodeObject *co, SpInstr *instrs) {
    ssize_t n = co->co_ncode;
    for (ssize_t i = 0; i + 1 < n; i++) {
        int a = SP_INSTR_OP(co->co_code[i]);
        int b = SP_INSTR_OP(co->co_code[i + 1]);
        int c = i + 2 < n ? SP_INSTR_OP(co->co_code[i + 2]) : -1;
        int fused = -1;
        if (a == SP_OP_LOAD_CONST && b == SP_OP_BINARY_OP) {
            fused = SP_OP_BINARY_OP_CONST;
        } else if (a == SP_OP_LOAD_CONST && b == SP_OP_COMPARE_OP) {
            fused = SP_OP_COMPARE_OP_CONST;
        } else if (a == SP_OP_LOAD_FAST && b == SP_OP_LOAD_FAST) {
            fused = SP_OP_LOAD_FAST__LOAD_FAST;
        } else if (a == SP_OP_LOAD_FAST && b == SP_OP_LOAD_CONST &&
                   c != SP_OP_BINARY_OP && c != SP_OP_COMPARE_OP) {
            fused = SP_OP_LOAD_FAST__LOAD_CONST;
        } else if (a == SP_OP_STORE_FAST && b == SP_OP_LOAD_FAST) {
            fused = SP_OP_STORE_FAST__LOAD_FAST;
        } else if (a == SP_OP_FOR_ITER && b == SP_OP_STORE_FAST) {
            fused = SP_OP_FOR_ITER__STORE_FAST;
        } else if (a == SP_OP_PUSH_NULL && b == SP_OP_LOAD_GLOBAL) {
            fused = SP_OP_PUSH_NULL__LOAD_GLOBAL;
        } else if (a == SP_OP_LOAD_FAST && b == SP_OP_LOAD_ATTR) {
            fused = SP_OP_LOAD_FAST__LOAD_ATTR;
        } else if (a == SP_OP_LOAD_FAST && b == SP_OP_LOAD_METHOD) {
            fused = SP_OP_LOAD_FAST__LOAD_METHOD;
        }
        if (fused >= 0) {
            instrs[i] = SP_INSTR(fused, SP_INSTR_ARG(instrs[i]));
        }
    }
}

// Everything the loop needs from a code object, computed once: checks of
// every instruction (so bad bytecode raises instead of crashing), the cell
// slots, the frame size, the private instruction copy with cache indexes
// and fused pairs, and the cache entries (names and their hashes).
SpCodeExtra *sp_code_prepare(SpCodeObject *co) {
    ssize_t n = co->co_ncode;
    int ncache = 0, ncells = 0, nfree = 0;
    for (ssize_t i = 0; i < n; i++) {
        int op = SP_INSTR_OP(co->co_code[i]);
        if (op >= SP_OP_COUNT_ || !check_arg(co, op, SP_INSTR_ARG(co->co_code[i]))) {
            sp_err_format(&SpExc_SystemError, "bad instruction %d (opcode %d) in code object %U",
                          (int)i, op, co->co_name);
            return NULL;
        }
        ncache += has_cache(op);
    }
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        ncells += (co->co_localspluskinds[i] & SP_FAST_CELL) != 0;
        nfree += (co->co_localspluskinds[i] & SP_FAST_FREE) != 0;
    }
    for (ssize_t i = 0; i < co->co_nexcept; i++) {
        SpExceptEntry *e = &co->co_exceptiontable[i];
        if (e->target >= (uint32_t)n || e->depth > co->co_stacksize) {
            sp_err_format(&SpExc_SystemError, "bad exception table in code object %U",
                          co->co_name);
            return NULL;
        }
    }
    // One block: header, caches, the instruction copy (+1 sentinel), cells.
    size_t size = sizeof(SpCodeExtra) + (size_t)ncache * sizeof(SpCacheEntry) +
                  (size_t)(n + 1) * sizeof(SpInstr) + (size_t)ncells * sizeof(int);
    SpCodeExtra *x = sp_mem_calloc(size);
    if (x == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    x->cache = (SpCacheEntry *)(x + 1);
    x->instrs = (SpInstr *)(x->cache + ncache);
    x->cells = (int *)(x->instrs + n + 1);
    x->ncache = ncache;
    x->ncells = ncells;
    x->nfree = nfree;
    x->simple = !(co->co_flags & (SP_CO_VARARGS | SP_CO_VARKEYWORDS)) &&
                co->co_kwonlyargcount == 0;
    // Two spare slots above co_stacksize guard against a miscounted depth.
    x->nslots = SP_FRAME_HEADER_SLOTS + co->co_nlocalsplus + co->co_stacksize + 2;
    int c = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (co->co_localspluskinds[i] & SP_FAST_CELL) {
            x->cells[c++] = i;
        }
    }
    int k = 0;
    for (ssize_t i = 0; i < n; i++) {
        SpInstr w = co->co_code[i];
        int op = SP_INSTR_OP(w);
        if (has_cache(op)) {
            SpCacheEntry *e = &x->cache[k];
            e->name = SP_TUPLE_GET_ITEM(co->co_names, SP_INSTR_ARG(w));
            e->hash = sp_object_hash(e->name);
            if (e->hash == -1) {
                sp_mem_free(x);
                return NULL;
            }
            w = SP_INSTR(op, k);
            k++;
        }
        x->instrs[i] = w;
    }
    fuse_pairs(co, x->instrs);
    // Running off the end executes the sentinel, which raises SystemError.
    x->instrs[n] = SP_INSTR(SP_OP_END_OF_CODE, 0);
    co->co_extra = x;
    return x;
}

// ---------------------------------------------------------------------------
// Frames.

// Function frames borrow globals and builtins from the function, which
// the frame keeps alive (func_globals and func_builtins never change).
void sp_frame_init(SpFrame *f, SpFunctionObject *fn, SpCodeObject *co, SpObject *locals) {
    SpCodeExtra *x = co->co_extra;
    f->code = (SpCodeObject *)SP_NEWREF_OF(co);
    f->func = SP_NEWREF_OF(fn);
    f->globals = fn->func_globals;
    f->builtins = fn->func_builtins;
    f->locals = locals;
    SP_XINCREF(locals);
    f->previous = NULL;
    f->next_instr = x->instrs;
    f->stacktop = f->localsplus + co->co_nlocalsplus;
    f->lasti = -1;
    f->state = SP_FRAME_CREATED;
    f->owner = SP_FRAME_OWNED_BY_STACK;
    f->entry = 0;
    memset(f->localsplus, 0, (size_t)co->co_nlocalsplus * sizeof(SpObject *));
}

int sp_recursion_error(void) {
    sp_err_set_string(&SpExc_RecursionError, "maximum recursion depth exceeded");
    return -1;
}

// ---------------------------------------------------------------------------
// The handled-exception stack.

static SpExcSlot exc_base;
SpExcSlot *sp_exc_top = &exc_base;

// Recompute sp_tstate.exc_info after a slot changed: the innermost
// non-empty slot, as CPython's _PyErr_GetTopmostException.
void sp_exc_refresh(void) {
    SpExcSlot *s = sp_exc_top;
    while (s != NULL && s->value == NULL) {
        s = s->previous;
    }
    sp_tstate.exc_info = s ? s->value : NULL;
}

// ---------------------------------------------------------------------------
// Start-up.

static SpObject *builtins_module;
static SpObject *builtins_dict;
SpObject *sp_builtins_dict_borrow(void) { return builtins_dict; }

static SpMethodDef vm_builtin_methods[] = {
    {"__build_class__", SP_METH(sp_vm_build_class), SP_METH_FASTCALL,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", SP_METH(sp_builtin_import), SP_METH_FASTCALL,
     "__import__(name, globals=None, locals=None, fromlist=(), level=0) -> module"},
    {NULL, NULL, 0, NULL},
};

extern SpTypeObject SpFrameObject_Type;

// Start-up: the data stack, the VM's types, sys.modules, builtins (made by
// builtins.c, completed with __build_class__ and __import__ if it lacks
// them) and sys (made by modules/sys.c), both registered as modules.
int sp_vm_init(void) {
    sp_code_extra_free = code_extra_free;
    if (datastack_init() < 0) {
        return -1;
    }
    SpTypeObject *types[] = {&SpFunction_Type, &SpCell_Type, &SpMethod_Type, &SpGenerator_Type,
                             &SpModule_Type, &SpFrameObject_Type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (sp_type_ready(types[i]) < 0) {
            return -1;
        }
    }
    if (sp_import_init() < 0) {
        return -1;
    }
    SpObject *modules = sp_sys_modules_borrow();
    builtins_module = sp_builtins_module_init();
    if (builtins_module == NULL) {
        return -1;
    }
    builtins_dict = sp_module_dict_borrow(builtins_module);
    // __build_class__ and __import__ live here; add them unless builtins.c did.
    for (SpMethodDef *ml = vm_builtin_methods; ml->ml_name; ml++) {
        if (sp_dict_getitem_str_borrow(builtins_dict, ml->ml_name) == NULL) {
            SpObject *fn = sp_cfunction_new(ml, builtins_module, NULL);
            if (fn == NULL || sp_dict_setitem_str(builtins_dict, ml->ml_name, fn) < 0) {
                SP_XDECREF(fn);
                return -1;
            }
            SP_DECREF(fn);
        }
    }
    if (sp_import_register_startup("builtins", builtins_module) < 0) {
        return -1;
    }
    SpObject *sys = sp_sys_module_init(sp_runtime_argc, sp_runtime_argv);
    if (sys == NULL) {
        return -1;
    }
    int r = sp_import_register_startup("sys", sys);
    if (r == 0 && sp_dict_getitem_str_borrow(sp_module_dict_borrow(sys), "modules") == NULL) {
        r = sp_module_add_object(sys, "modules", modules);
    }
    SP_DECREF(sys);
    return r;
}

void sp_vm_fini(void) {
    while (sp_exc_top != &exc_base) {
        sp_exc_top = sp_exc_top->previous;
    }
    SP_CLEAR(exc_base.value);
    sp_tstate.exc_info = NULL;
    sp_import_fini();
    builtins_dict = NULL;
    SP_CLEAR(builtins_module);
}

// The builtins namespace for code run in `globals`: globals['__builtins__']
// (a module's dict or a dict), else the interpreter's. Borrowed.
static SpObject *builtins_from_globals(SpObject *globals) {
    SpObject *b = sp_dict_getitem_borrow(globals, sp_id(__builtins__));
    if (b != NULL) {
        if (SP_MODULE_CHECK(b)) {
            return sp_module_dict_borrow(b);
        }
        if (SP_DICT_CHECK(b)) {
            return b;
        }
    }
    return builtins_dict;
}

SpObject *sp_vm_builtins_from_globals_borrow(SpObject *globals) {
    return builtins_from_globals(globals);
}

// A module (or exec'd) code object: an entry frame without a function,
// which therefore owns references to its globals and builtins.
SpObject *sp_eval_code(SpObject *code, SpObject *globals, SpObject *locals) {
    if (code == NULL || !SP_CODE_CHECK(code) || globals == NULL || !SP_DICT_CHECK(globals)) {
        return sp_err_bad_internal_call("sp_eval_code");
    }
    SpCodeObject *co = (SpCodeObject *)code;
    if (sp_dict_getitem_borrow(globals, sp_id(__builtins__)) == NULL) {
        if (sp_err_occurred() ||
            sp_dict_setitem(globals, sp_id(__builtins__), builtins_module) < 0) {
            return NULL;
        }
    }
    SpCodeExtra *x = sp_code_extra(co);
    if (x == NULL || sp_recursion_check() < 0) {
        return NULL;
    }
    SpFrame *f = sp_datastack_push(x->nslots);
    if (f == NULL) {
        sp_tstate.recursion_depth--;
        return NULL;
    }
    SpObject *builtins = builtins_from_globals(globals);
    f->code = (SpCodeObject *)SP_NEWREF_OF(co);
    f->func = NULL;
    f->globals = SP_NEWREF_OF(globals);
    f->builtins = SP_NEWREF_OF(builtins);
    f->locals = locals;
    SP_XINCREF(locals);
    f->previous = NULL;
    f->next_instr = x->instrs;
    f->stacktop = f->localsplus + co->co_nlocalsplus;
    f->lasti = -1;
    f->state = SP_FRAME_CREATED;
    f->owner = SP_FRAME_OWNED_BY_STACK;
    f->entry = 1;
    memset(f->localsplus, 0, (size_t)co->co_nlocalsplus * sizeof(SpObject *));
    if (sp_frame_finish_setup(f, NULL, x) < 0) {
        sp_frame_clear(f);
        sp_datastack_pop(f);
        sp_tstate.recursion_depth--;
        return NULL;
    }
    SpObject *res = sp_eval_frame(f, 0);
    sp_datastack_pop(f);
    return res;
}

SpObject *sp_vm_current_globals_borrow(void) {
    SpFrame *f = sp_tstate.frame;
    return f ? f->globals : NULL;
}

SpObject *sp_vm_current_locals(void) {
    SpFrame *f = sp_tstate.frame;
    if (f == NULL) {
        sp_err_set_string(&SpExc_SystemError, "frame does not exist");
        return NULL;
    }
    SpCodeObject *co = f->code;
    if (!(co->co_flags & SP_CO_OPTIMIZED) && f->locals != NULL) {
        return sp_newref(f->locals);
    }
    // A function: its fast locals, cells and free variables copied into a
    // dict that the frame keeps, so that (as in CPython 3.11) names exec()
    // added to it survive the next locals() call.
    SpObject *d = f->locals;
    if (d == NULL) {
        d = f->locals = sp_dict_new();
        if (d == NULL) {
            return NULL;
        }
    }
    SP_INCREF(d);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        SpObject *v = f->localsplus[i];
        int kind = co->co_localspluskinds[i];
        if (v != NULL && (kind & (SP_FAST_CELL | SP_FAST_FREE)) && SP_TYPE(v) == &SpCell_Type) {
            v = ((SpCellObject *)v)->ob_ref;
        }
        SpObject *name = SP_TUPLE_GET_ITEM(co->co_localsplusnames, i);
        if (v == NULL) {
            // Deleted since the last snapshot: drop it from the dict too.
            if (sp_dict_getitem_borrow(d, name) != NULL && sp_dict_delitem(d, name) < 0) {
                SP_DECREF(d);
                return NULL;
            }
            continue;
        }
        if (sp_dict_setitem(d, name, v) < 0) {
            SP_DECREF(d);
            return NULL;
        }
    }
    return d;
}

// super() without arguments: the first argument of the running function
// (through its cell if an inner function captured it) and the class from
// the __class__ free variable the compiler adds to methods that use super
// or __class__.
int sp_vm_super_args(SpTypeObject **type, SpObject **obj) {
    SpFrame *f = sp_tstate.frame;
    if (f == NULL) {
        sp_err_set_string(&SpExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    SpCodeObject *co = f->code;
    if (co->co_argcount == 0) {
        sp_err_set_string(&SpExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    SpObject *first = f->localsplus[0];
    if (first != NULL && (co->co_localspluskinds[0] & SP_FAST_CELL) &&
        SP_TYPE(first) == &SpCell_Type) {
        first = ((SpCellObject *)first)->ob_ref;
    }
    if (first == NULL) {
        sp_err_set_string(&SpExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
        if (i < 0 || !(co->co_localspluskinds[i] & SP_FAST_FREE)) {
            continue;
        }
        if (!sp_str_eq_cstr(SP_TUPLE_GET_ITEM(co->co_localsplusnames, i), "__class__")) {
            continue;
        }
        SpObject *cell = f->localsplus[i];
        SpObject *cls = cell ? ((SpCellObject *)cell)->ob_ref : NULL;
        if (cls == NULL) {
            sp_err_set_string(&SpExc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!SP_TYPE_CHECK(cls)) {
            sp_err_format(&SpExc_RuntimeError, "super(): __class__ is not a type (%s)",
                          sp_object_type_name(cls));
            return -1;
        }
        *type = (SpTypeObject *)cls;
        *obj = first;
        return 0;
    }
    sp_err_set_string(&SpExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

// ---------------------------------------------------------------------------
// The class statement.

// PEP 560: replace bases that are not types but have __mro_entries__.
// Returns bases itself (new reference) when nothing changed.
static SpObject *update_bases(SpObject *bases) {
    ssize_t n = SP_TUPLE_SIZE(bases);
    SpObject *list = NULL;
    for (ssize_t i = 0; i < n; i++) {
        SpObject *base = SP_TUPLE_GET_ITEM(bases, i);
        if (SP_TYPE_CHECK(base)) {
            if (list && sp_list_append(list, base) < 0) {
                goto fail;
            }
            continue;
        }
        SpObject *meth = sp_object_lookup_attr(base, sp_id(__mro_entries__));
        if (meth == NULL) {
            if (sp_err_occurred()) {
                goto fail;
            }
            if (list && sp_list_append(list, base) < 0) {
                goto fail;
            }
            continue;
        }
        SpObject *entries = sp_call_one_arg(meth, bases);
        SP_DECREF(meth);
        if (entries == NULL) {
            goto fail;
        }
        if (!SP_TUPLE_CHECK(entries)) {
            sp_err_set_string(&SpExc_TypeError, "__mro_entries__ must return a tuple");
            SP_DECREF(entries);
            goto fail;
        }
        if (list == NULL) {
            list = sp_list_new(0);
            if (list == NULL) {
                SP_DECREF(entries);
                goto fail;
            }
            for (ssize_t j = 0; j < i; j++) {
                if (sp_list_append(list, SP_TUPLE_GET_ITEM(bases, j)) < 0) {
                    SP_DECREF(entries);
                    goto fail;
                }
            }
        }
        int r = sp_list_extend(list, entries);
        SP_DECREF(entries);
        if (r < 0) {
            goto fail;
        }
    }
    if (list == NULL) {
        return sp_newref(bases);
    }
    SpObject *t = sp_list_as_tuple(list);
    SP_DECREF(list);
    return t;
fail:
    SP_XDECREF(list);
    return NULL;
}

// The most derived metaclass of meta and the bases' types.
static SpTypeObject *calculate_metaclass(SpTypeObject *meta, SpObject *bases) {
    SpTypeObject *winner = meta;
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(bases); i++) {
        SpTypeObject *t = SP_TYPE(SP_TUPLE_GET_ITEM(bases, i));
        if (sp_type_is_subtype(winner, t)) {
            continue;
        }
        if (sp_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        sp_err_set_string(&SpExc_TypeError,
                          "metaclass conflict: the metaclass of a derived class must be a "
                          "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

// The class statement, as CPython's builtin___build_class__: resolve
// __mro_entries__ bases, pick the most derived metaclass, get the namespace
// from __prepare__, run the body in it, then call the metaclass with the
// other class keywords. The body returns its __class__ cell (or None); the
// cell must end up holding the new class.
SpObject *sp_vm_build_class(SpObject *self, SpObject *const *args, ssize_t nargs,
                            SpObject *kwnames) {
    SpObject *orig_bases = NULL, *bases = NULL, *meta = NULL, *ns = NULL, *cell = NULL;
    SpObject *cls = NULL, *kwvalues_names = NULL, *result = NULL;
    SpObject *kwcall[64];
    ssize_t nkw = kwnames ? SP_TUPLE_SIZE(kwnames) : 0;
    if (nargs < 2) {
        sp_err_set_string(&SpExc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    SpObject *func = args[0], *name = args[1];
    if (!SP_FUNCTION_CHECK(func)) {
        sp_err_set_string(&SpExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (!SP_STR_CHECK(name)) {
        sp_err_set_string(&SpExc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    if (nkw > 60) {
        sp_err_set_string(&SpExc_TypeError, "__build_class__: too many keyword arguments");
        return NULL;
    }
    orig_bases = sp_tuple_from_array(args + 2, nargs - 2);
    if (orig_bases == NULL) {
        return NULL;
    }
    bases = update_bases(orig_bases);
    if (bases == NULL) {
        goto done;
    }
    // Split metaclass= from the other class keywords.
    ssize_t nrest = 0;
    SpObject *restnames[64];
    for (ssize_t i = 0; i < nkw; i++) {
        SpObject *k = SP_TUPLE_GET_ITEM(kwnames, i);
        if (sp_str_eq_cstr(k, "metaclass")) {
            SP_XDECREF(meta);
            meta = sp_newref(args[nargs + i]);
        } else {
            restnames[nrest] = k;
            kwcall[3 + nrest] = args[nargs + i];
            nrest++;
        }
    }
    int isclass = 1;
    if (meta == NULL) {
        meta = SP_TUPLE_SIZE(bases) == 0
                   ? SP_NEWREF_OF(&SpType_Type)
                   : SP_NEWREF_OF(SP_TYPE(SP_TUPLE_GET_ITEM(bases, 0)));
    } else {
        isclass = SP_TYPE_CHECK(meta);
    }
    if (isclass) {
        SpTypeObject *winner = calculate_metaclass((SpTypeObject *)meta, bases);
        if (winner == NULL) {
            goto done;
        }
        SP_SETREF(meta, SP_NEWREF_OF(winner));
    }
    if (nrest) {
        kwvalues_names = sp_tuple_from_array(restnames, nrest);
        if (kwvalues_names == NULL) {
            goto done;
        }
    }
    // ns = meta.__prepare__(name, bases, **kwds), or a fresh dict.
    SpObject *prep = sp_object_lookup_attr(meta, sp_id(__prepare__));
    if (prep == NULL) {
        if (sp_err_occurred()) {
            goto done;
        }
        ns = sp_dict_new();
    } else {
        kwcall[1] = name;
        kwcall[2] = bases;
        ns = sp_vectorcall(prep, kwcall + 1, 2, kwvalues_names);
        SP_DECREF(prep);
    }
    if (ns == NULL) {
        goto done;
    }
    if (!SP_DICT_CHECK(ns) &&
        (SP_TYPE(ns)->tp_as_mapping == NULL || SP_TYPE(ns)->tp_as_mapping->mp_subscript == NULL)) {
        sp_err_format(&SpExc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                      isclass ? sp_type_name((SpTypeObject *)meta) : "<metaclass>",
                      sp_object_type_name(ns));
        goto done;
    }
    cell = sp_vm_run_class_body((SpFunctionObject *)func, ns);
    if (cell == NULL) {
        goto done;
    }
    if (bases != orig_bases &&
        sp_object_setitem(ns, sp_id(__orig_bases__), orig_bases) < 0) {
        goto done;
    }
    kwcall[0] = name;
    kwcall[1] = bases;
    kwcall[2] = ns;
    // The values of the class keywords already sit at kwcall[3..].
    cls = sp_vectorcall(meta, kwcall, 3, kwvalues_names);
    if (cls != NULL && SP_TYPE_CHECK(cls) && SP_TYPE(cell) == &SpCell_Type) {
        SpObject *cell_cls = ((SpCellObject *)cell)->ob_ref;
        if (cell_cls == NULL) {
            // type.__new__ fills the cell from __classcell__; do it here if
            // the metaclass chain did not.
            ((SpCellObject *)cell)->ob_ref = sp_newref(cls);
        } else if (cell_cls != cls) {
            sp_err_format(&SpExc_TypeError, "__class__ set to %R defining %R as %R", cell_cls,
                          name, cls);
            SP_CLEAR(cls);
        }
    }
    result = cls;
done:
    SP_XDECREF(cell);
    SP_XDECREF(ns);
    SP_XDECREF(meta);
    SP_XDECREF(kwvalues_names);
    SP_XDECREF(bases);
    SP_XDECREF(orig_bases);
    return result;
}
