// smallpy: the bytecode interpreter loop. One C function runs frames: a call
// of a Python function pushes a frame on the data stack and continues in the
// same loop, a return pops it, so Python-to-Python recursion never grows the
// C stack. Dispatch is computed goto (SP_CFG_COMPUTED_GOTO) or a switch.
// Slow paths live in vm/ops.c. Counterpart: CPython 3.11 Python/ceval.c.
#define SP_VM_INTERNAL 1
#include "vm/ops.h"

// Keep every instruction's own dispatch jump: GCC would otherwise merge
// their identical tails ("push and dispatch") into one shared indirect
// jump, which costs extra jumps and defeats branch prediction.
#if SP_CFG_COMPUTED_GOTO && defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-crossjumping")
#endif

#include "core/abstract.h"
#include "modules/sys.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/none.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/vm.h"

// ---------------------------------------------------------------------------
// Small helpers the loop inlines (forced: GCC declines for the big ones,
// and a call per arithmetic instruction costs more than the copies).

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

// The first exception-table entry covering instruction `index`, or NULL.
static SpExceptEntry *find_handler(SpCodeObject *co, int index) {
    SpExceptEntry *e = co->co_exceptiontable, *end = e + co->co_nexcept;
    for (; e < end; e++) {
        if ((uint32_t)index >= e->start && (uint32_t)index < e->end) {
            return e;
        }
    }
    return NULL;
}

static ALWAYS_INLINE int compare_longs(long a, long b, int op) {
    switch (op) {
    case SP_LT: return a < b;
    case SP_LE: return a <= b;
    case SP_EQ: return a == b;
    case SP_NE: return a != b;
    case SP_GT: return a > b;
    default: return a >= b;
    }
}

static ALWAYS_INLINE int compare_doubles(double a, double b, int op) {
    switch (op) {
    case SP_LT: return a < b;
    case SP_LE: return a <= b;
    case SP_EQ: return a == b;
    case SP_NE: return a != b;
    case SP_GT: return a > b;
    default: return a >= b;
    }
}

// a <op> b on two values of compact ints (|v| < 2**30), so that no result
// can overflow a long. 1 with *r set, or 0 to leave it to the generic path
// (division by zero, negative or large shifts, powers).
static ALWAYS_INLINE int int_binop(int op, long a, long b, long *r) {
    switch (op) {
    case SP_NB_ADD:
    case SP_NB_INPLACE_ADD:
        *r = a + b;
        return 1;
    case SP_NB_SUBTRACT:
    case SP_NB_INPLACE_SUBTRACT:
        *r = a - b;
        return 1;
    case SP_NB_MULTIPLY:
    case SP_NB_INPLACE_MULTIPLY:
        *r = a * b;
        return 1;
    case SP_NB_FLOOR_DIVIDE:
    case SP_NB_INPLACE_FLOOR_DIVIDE: {
        if (b == 0) {
            return 0;
        }
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) {
            q--;  // C truncates toward zero, Python floors
        }
        *r = q;
        return 1;
    }
    case SP_NB_REMAINDER:
    case SP_NB_INPLACE_REMAINDER: {
        if (b == 0) {
            return 0;
        }
        long m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) {
            m += b;  // the result takes the divisor's sign
        }
        *r = m;
        return 1;
    }
    case SP_NB_AND:
    case SP_NB_INPLACE_AND:
        *r = a & b;
        return 1;
    case SP_NB_OR:
    case SP_NB_INPLACE_OR:
        *r = a | b;
        return 1;
    case SP_NB_XOR:
    case SP_NB_INPLACE_XOR:
        *r = a ^ b;
        return 1;
    case SP_NB_LSHIFT:
    case SP_NB_INPLACE_LSHIFT:
        if (b < 0 || b > 32) {
            return 0;
        }
        *r = a * (1L << b);
        return 1;
    case SP_NB_RSHIFT:
    case SP_NB_INPLACE_RSHIFT:
        if (b < 0) {
            return 0;
        }
        *r = b >= 62 ? (a < 0 ? -1 : 0) : (a >> b);  // arithmetic shift (GCC, Clang)
        return 1;
    default:
        return 0;
    }
}

// The same for floats: + - * / (nonzero divisor). 1 with *r set, else 0.
static ALWAYS_INLINE int float_binop(int op, double a, double b, double *r) {
    switch (op) {
    case SP_NB_ADD:
    case SP_NB_INPLACE_ADD:
        *r = a + b;
        return 1;
    case SP_NB_SUBTRACT:
    case SP_NB_INPLACE_SUBTRACT:
        *r = a - b;
        return 1;
    case SP_NB_MULTIPLY:
    case SP_NB_INPLACE_MULTIPLY:
        *r = a * b;
        return 1;
    case SP_NB_TRUE_DIVIDE:
    case SP_NB_INPLACE_TRUE_DIVIDE:
        if (b == 0.0) {
            return 0;
        }
        *r = a / b;
        return 1;
    default:
        return 0;
    }
}

// A double for an exact float or a compact int operand (exactly
// representable), else 0.
static ALWAYS_INLINE int as_fast_double(SpObject *o, double *d) {
    if (SP_FLOAT_CHECK_EXACT(o)) {
        *d = SP_FLOAT_VALUE(o);
        return 1;
    }
    if (SP_INT_CHECK_EXACT(o) && SP_INT_IS_COMPACT(o)) {
        *d = (double)sp_int_compact_value(o);
        return 1;
    }
    return 0;
}

// Truth of the common condition values without a call: 1, 0, or -1 for
// "ask sp_object_is_true".
static ALWAYS_INLINE int truth_fast(SpObject *v) {
    if (v == sp_True) {
        return 1;
    }
    if (v == sp_False || v == sp_None) {
        return 0;
    }
    if (SP_INT_CHECK_EXACT(v)) {
        return SP_SIZE(v) != 0;
    }
    return -1;
}

// The fast paths of BINARY_OP: compact ints and floats. Returns 1 when it
// handled the operation, with *res the result (new reference, or NULL with
// MemoryError set); 0 leaves it to the generic path. A left float operand
// that only the value stack holds is reused for the result; its count is
// raised so the caller's decref of lhs balances.
static ALWAYS_INLINE int binary_fast(int op, SpObject *lhs, SpObject *rhs, SpObject **res) {
    if (SP_INT_CHECK_EXACT(lhs) && SP_INT_CHECK_EXACT(rhs) && SP_INT_IS_COMPACT(lhs) &&
        SP_INT_IS_COMPACT(rhs)) {
        long a = sp_int_compact_value(lhs), b = sp_int_compact_value(rhs), r;
        if (int_binop(op, a, b, &r)) {
            *res = sp_int_from_long(r);
            return 1;
        }
        if ((op == SP_NB_TRUE_DIVIDE || op == SP_NB_INPLACE_TRUE_DIVIDE) && b != 0) {
            // Both exact in a double, so one division rounds correctly.
            *res = sp_float_from_double((double)a / (double)b);
            return 1;
        }
        return 0;
    }
    double a, b, r;
    if (as_fast_double(lhs, &a) && as_fast_double(rhs, &b) &&
        (SP_FLOAT_CHECK_EXACT(lhs) || SP_FLOAT_CHECK_EXACT(rhs)) && float_binop(op, a, b, &r)) {
        if (SP_REFCNT(lhs) == 1 && SP_FLOAT_CHECK_EXACT(lhs)) {
            SP_FLOAT_VALUE(lhs) = r;
            SP_INCREF(lhs);
            *res = lhs;
            return 1;
        }
        *res = sp_float_from_double(r);
        return 1;
    }
    return 0;
}

// The fast paths of COMPARE_OP: 1 with *t the truth of lhs <op> rhs, or 0.
static ALWAYS_INLINE int compare_fast(int op, SpObject *lhs, SpObject *rhs, int *t) {
    if (SP_INT_CHECK_EXACT(lhs) && SP_INT_CHECK_EXACT(rhs) && SP_INT_IS_COMPACT(lhs) &&
        SP_INT_IS_COMPACT(rhs)) {
        *t = compare_longs(sp_int_compact_value(lhs), sp_int_compact_value(rhs), op);
        return 1;
    }
    if (SP_FLOAT_CHECK_EXACT(lhs) && SP_FLOAT_CHECK_EXACT(rhs)) {
        *t = compare_doubles(SP_FLOAT_VALUE(lhs), SP_FLOAT_VALUE(rhs), op);
        return 1;
    }
    if ((op == SP_EQ || op == SP_NE) && SP_STR_CHECK_EXACT(lhs) && SP_STR_CHECK_EXACT(rhs)) {
        *t = sp_str_eq(lhs, rhs) == (op == SP_EQ);
        return 1;
    }
    return 0;
}

// SP_CFG_TRACE_VM (default off, a debugging knob): print every instruction
// executed to stderr (code name, index, opcode, argument, stack depth).
#ifndef SP_CFG_TRACE_VM
#define SP_CFG_TRACE_VM 0
#endif
#if SP_CFG_TRACE_VM
#include <stdio.h>
static void trace_instr(SpFrame *f, SpInstr *next_instr, SpObject **sp, SpInstr w) {
    SpCodeExtra *x = f->code->co_extra;
    int op = SP_INSTR_OP(w);
    const char *name = op < SP_OP_COUNT_ ? sp_opcode_names[op] : "(fused)";
    const char *code = sp_str_as_utf8(f->code->co_name, NULL);
    fprintf(stderr, "%s:%d %s %u depth=%d\n", code ? code : "?",
            (int)(next_instr - x->instrs) - 1, name, SP_INSTR_ARG(w),
            (int)(sp - SP_FRAME_STACK_BASE(f)));
}
#define TRACE(w) trace_instr(frame, next_instr, stack_pointer, (w))
#else
#define TRACE(w) ((void)0)
#endif

// ---------------------------------------------------------------------------
// The loop.
//
// Registers: `frame` (the executing frame), `next_instr` (the instruction
// after the one executing), `stack_pointer` (one above the value stack's
// top), `consts` and `extra` (the code's constants and prepared data). They
// are reloaded from the frame (LOAD_FRAME_REGISTERS) whenever the loop
// switches frames; before it leaves a frame (a call, a yield) it stores
// next_instr and the stack top back into it.
//
// Ownership: every non-NULL item of the value stack is an owned reference;
// NULL items are the empty "self" slots of calls. An instruction that pops
// items owns them and must release them on every path, errors included, so
// the unwinder only ever has to drop what is still on the stack.
//
// Entry frames: sp_eval_frame runs one frame that a C caller set up (a
// function called from C, a module, a generator being resumed); it returns
// when that frame returns or yields. Frames pushed by CALL inside the loop
// are not entry frames: returning from one continues the caller here.
//
// Errors: every failure jumps to `error`, which adds this frame's traceback
// entry and unwinds through the exception table; `exception_unwind` skips
// the traceback entry (re-raises). The instruction that failed is always
// next_instr - 1 (fused instructions step next_instr before their second
// half can fail), so the position needs no saving before each operation;
// instructions that call out still store next_instr in the frame first, so
// code inspecting running frames (locals(), super(), sys._getframe) sees
// where each frame is.

// s += t (or s = s + t) on two exact str, CPython's unicode_concatenate:
// when the next instruction stores the result back into the variable that
// holds s, that variable's reference is dropped first, so s is unshared and
// sp_str_append can grow it in place; a loop of appends is then linear
// instead of quadratic. Steals lhs; returns the result, or NULL with an
// exception. The store is read from co_code (the private copy may have fused
// it with the next instruction).
static SpObject *str_concat_in_place(SpFrame *frame, SpCodeExtra *extra, SpInstr *next_instr,
                                     SpObject *lhs, SpObject *rhs) {
    SpCodeObject *co = frame->code;
    SpInstr next = co->co_code[next_instr - extra->instrs];
    uint32_t arg = SP_INSTR_ARG(next);
    switch (SP_INSTR_OP(next)) {
    case SP_OP_STORE_FAST:
        if (frame->localsplus[arg] == lhs) {
            frame->localsplus[arg] = NULL;
            SP_DECREF(lhs);
        }
        break;
    case SP_OP_STORE_NAME: {
        SpObject *locals = frame->locals;
        if (locals != NULL && SP_DICT_CHECK_EXACT(locals)) {
            SpObject *name = SP_TUPLE_GET_ITEM(co->co_names, arg);
            SpObject *w = sp_dict_getitem_borrow(locals, name);
            if ((w == lhs && sp_dict_delitem(locals, name) < 0) ||
                (w == NULL && sp_err_occurred())) {
                SP_DECREF(lhs);
                return NULL;
            }
        }
        break;
    }
    default:
        break;
    }
    sp_str_append(&lhs, rhs);
    return lhs;
}

SpObject *sp_eval_frame(SpFrame *frame, int throwflag) {
    SpInstr *next_instr;
    SpObject **stack_pointer;
    SpObject *const *consts;
    SpCodeExtra *extra;
    int oparg;  // 24 bits: fits an int, and negates safely in PEEK
    SpObject *kwnames = NULL;  // set by KW_NAMES for the next CALL (borrowed)
    int cmp_result;            // shared by COMPARE_OP and COMPARE_OP_CONST

#if SP_CFG_COMPUTED_GOTO
    // Generated from the opcode list, in enum order, then the VM-private
    // instructions of frame.h.
    static void *const dispatch_table[SP_OP_ALL_COUNT_] = {
#define SP_LABEL_(name, kind, effect) &&TARGET_##name,
        SP_OPCODES(SP_LABEL_)
#undef SP_LABEL_
#define SP_LABEL_(name) &&TARGET_##name,
        SP_VM_PRIVATE_OPS(SP_LABEL_)
#undef SP_LABEL_
    };
#define TARGET(op) TARGET_##op:
#define DISPATCH()                                    \
    do {                                              \
        SpInstr w_ = *next_instr++;                   \
        oparg = (int)SP_INSTR_ARG(w_);                \
        TRACE(w_);                                    \
        goto *dispatch_table[SP_INSTR_OP(w_)];        \
    } while (0)
#else
// The labels serve the fused instructions' jumps into their second half.
#define TARGET(op) case SP_OP_##op: TARGET_##op: __attribute__((unused));
#define DISPATCH() goto dispatch
#endif
// A fused instruction's second half: take the argument of instruction i+1
// and step past it, so errors there are reported at i+1.
#define NEXT_HALF() (oparg = (int)SP_INSTR_ARG(*next_instr), next_instr++)

#define PUSH(v) (*stack_pointer++ = (v))
#define POP() (*--stack_pointer)
#define TOP() (stack_pointer[-1])
#define SECOND() (stack_pointer[-2])
#define PEEK(n) (stack_pointer[-(ssize_t)(n)])
#define SET_TOP(v) (stack_pointer[-1] = (v))
#define SET_SECOND(v) (stack_pointer[-2] = (v))
#define STACK_SHRINK(n) (stack_pointer -= (n))
#define GETLOCAL(i) (frame->localsplus[i])
#define CODE() (frame->code)
#define INSTR_INDEX() ((int)(next_instr - extra->instrs) - 1)
#define NAME(i) (SP_TUPLE_GET_ITEM(CODE()->co_names, (i)))
// The name of a cached instruction: its argument is the cache index.
#define CACHE(i) (&extra->cache[i])
#define LOAD_FRAME_REGISTERS()                                       \
    do {                                                             \
        extra = (SpCodeExtra *)frame->code->co_extra;                \
        consts = &SP_TUPLE_GET_ITEM(frame->code->co_consts, 0);      \
        next_instr = frame->next_instr;                              \
        stack_pointer = frame->stacktop;                             \
    } while (0)
// Jumps to lower addresses are loop back edges: poll for Ctrl-C there.
#define JUMP_TO(target)                                                        \
    do {                                                                       \
        SpInstr *dest_ = extra->instrs + (target);                             \
        if (dest_ < next_instr && SP_UNLIKELY(sp_tstate.signal_pending)) {     \
            goto handle_signal;                                                \
        }                                                                      \
        next_instr = dest_;                                                    \
    } while (0)

    frame->previous = sp_tstate.frame;
    sp_tstate.frame = frame;
    frame->state = SP_FRAME_EXECUTING;
    LOAD_FRAME_REGISTERS();
    if (throwflag) {
        goto error;
    }
    DISPATCH();

#if !SP_CFG_COMPUTED_GOTO
dispatch : {
    SpInstr w_ = *next_instr++;
    oparg = (int)SP_INSTR_ARG(w_);
    TRACE(w_);
    switch (SP_INSTR_OP(w_)) {
#endif

    // ------------------------------------------------------------ stack
    // -- : nothing.
    TARGET(NOP) {
        DISPATCH();
    }

    // x -- : drop TOS (may be the NULL of a call slot).
    TARGET(POP_TOP) {
        SpObject *v = POP();
        SP_XDECREF(v);
        DISPATCH();
    }

    // -- NULL : the empty "self" slot below a plain call's callable.
    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    // x_n ... x_1 -- x_n ... x_1 x_n : a new reference to the n-th item.
    TARGET(COPY) {
        SpObject *v = PEEK(oparg);
        SP_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    // x_n ... x_1 -- x_1 ... x_n : exchange TOS and the n-th item.
    TARGET(SWAP) {
        SpObject *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    // ------------------------------------------------------------ locals
    // -- v : consts[n]; constants live as long as the code object.
    TARGET(LOAD_CONST) {
        SpObject *v = consts[oparg];
        SP_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    // -- v : local slot n; an empty slot is an unbound local.
    TARGET(LOAD_FAST) {
        SpObject *v = GETLOCAL(oparg);
        if (SP_UNLIKELY(v == NULL)) {
            sp_op_unbound_local(CODE(), oparg);
            goto error;
        }
        SP_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    // v -- : into local slot n, dropping the old value after the store
    // (its __del__ may run and must see the new binding).
    TARGET(STORE_FAST) {
        SpObject *v = POP();
        SpObject *old = GETLOCAL(oparg);
        GETLOCAL(oparg) = v;
        SP_XDECREF(old);
        DISPATCH();
    }

    // -- : empty local slot n.
    TARGET(DELETE_FAST) {
        SpObject *old = GETLOCAL(oparg);
        if (old == NULL) {
            sp_op_unbound_local(CODE(), oparg);
            goto error;
        }
        GETLOCAL(oparg) = NULL;
        SP_DECREF(old);
        DISPATCH();
    }

    // -- cell : the cell object itself, for MAKE_FUNCTION's closure tuple.
    TARGET(LOAD_CLOSURE) {
        SpObject *cell = GETLOCAL(oparg);
        SP_INCREF(cell);
        PUSH(cell);
        DISPATCH();
    }

    // -- v : the contents of the cell in slot n.
    TARGET(LOAD_DEREF) {
        SpObject *v = ((SpCellObject *)GETLOCAL(oparg))->ob_ref;
        if (SP_UNLIKELY(v == NULL)) {
            sp_op_unbound_deref(CODE(), oparg);
            goto error;
        }
        SP_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    // -- v : a class body's free variable: its namespace first, then the cell.
    TARGET(LOAD_CLASSDEREF) {
        SpObject *v = sp_op_load_classderef(frame, oparg);
        if (v == NULL) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    // v -- : into the cell in slot n.
    TARGET(STORE_DEREF) {
        SpCellObject *cell = (SpCellObject *)GETLOCAL(oparg);
        SpObject *old = cell->ob_ref;
        cell->ob_ref = POP();
        SP_XDECREF(old);
        DISPATCH();
    }

    // -- : empty the cell in slot n.
    TARGET(DELETE_DEREF) {
        SpCellObject *cell = (SpCellObject *)GETLOCAL(oparg);
        SpObject *old = cell->ob_ref;
        if (old == NULL) {
            sp_op_unbound_deref(CODE(), oparg);
            goto error;
        }
        cell->ob_ref = NULL;
        SP_DECREF(old);
        DISPATCH();
    }

    // ------------------------------------------------------------ globals, names
    // -- v : globals, then builtins. The entry's value stays valid while
    // neither dict changes: ma_version_tag comes from one global counter, so
    // equal tags mean an unchanged dict.
    TARGET(LOAD_GLOBAL) {
        SpCacheEntry *e = CACHE(oparg);
        SpDictObject *g = (SpDictObject *)frame->globals;
        SpObject *v;
        if (SP_LIKELY(e->u.g.globals == (SpObject *)g && e->u.g.gver == g->ma_version_tag &&
                      e->u.g.bver == ((SpDictObject *)frame->builtins)->ma_version_tag)) {
            v = e->u.g.value;
        } else {
            v = sp_op_load_global(frame, e);
            if (v == NULL) {
                goto error;
            }
        }
        SP_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    // v -- : globals[name] = v.
    TARGET(STORE_GLOBAL) {
        SpObject *v = POP();
        int err = sp_dict_setitem(frame->globals, NAME(oparg), v);
        SP_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // -- : del globals[name]; NameError if absent.
    TARGET(DELETE_GLOBAL) {
        if (sp_op_delete_global(frame, NAME(oparg)) < 0) {
            goto error;
        }
        DISPATCH();
    }

    // -- v : locals mapping, globals, builtins (module and class bodies).
    TARGET(LOAD_NAME) {
        SpObject *v = sp_op_load_name(frame, NAME(oparg));
        if (v == NULL) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    // v -- : locals[name] = v.
    TARGET(STORE_NAME) {
        SpObject *v = POP();
        int err = sp_op_store_name(frame, NAME(oparg), v);
        SP_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // -- : del locals[name]; NameError if absent.
    TARGET(DELETE_NAME) {
        if (sp_op_delete_name(frame, NAME(oparg)) < 0) {
            goto error;
        }
        DISPATCH();
    }

    // ------------------------------------------------------------ attributes
    // obj -- v : obj.name. Instances of classes hit the two-way cache: an
    // attribute the type does not define is read from the instance dict
    // directly; module attributes come straight from the module dict.
    TARGET(LOAD_ATTR) {
        SpCacheEntry *e = CACHE(oparg);
        SpObject *owner = TOP();
        SpTypeObject *tp = SP_TYPE(owner);
        SpObject *v;
        SpAttrCache *ac = sp_attr_cache_find(e, tp);
        if (SP_LIKELY(ac != NULL) && ac->kind == SP_ATTR_INSTANCE) {
            // An instance attribute: one lookup in the instance dict.
            SpObject *dict = *(SpObject **)((char *)owner + tp->tp_dictoffset);
            if (dict != NULL) {
                v = sp_dict_getitem_known_hash_borrow(dict, e->name, e->hash);
                if (v != NULL) {
                    SP_INCREF(v);
                    SET_TOP(v);
                    SP_DECREF(owner);
                    DISPATCH();
                }
            }
        } else if (tp == &SpModule_Type) {
            v = sp_dict_getitem_known_hash_borrow(((SpModuleObject *)owner)->md_dict, e->name,
                                                  e->hash);
            if (v != NULL) {
                SP_INCREF(v);
                SET_TOP(v);
                SP_DECREF(owner);
                DISPATCH();
            }
        } else {
            frame->next_instr = next_instr;
            if (ac == NULL) {
                ac = sp_op_fill_attr_cache(e, tp, 0);
            }
            if (ac != NULL) {
                v = sp_op_attr_from_cache(ac, e, owner, 0, NULL);
                if (v != NULL) {
                    SET_TOP(v);
                    SP_DECREF(owner);
                    DISPATCH();
                }
                if (sp_err_occurred()) {
                    goto error;
                }
            }
        }
        frame->next_instr = next_instr;
        v = sp_object_getattr(owner, e->name);
        if (v == NULL) {
            goto error;
        }
        SET_TOP(v);
        SP_DECREF(owner);
        DISPATCH();
    }

    // obj -- meth_or_NULL self_or_attr : as LOAD_ATTR, but a function found
    // on the type is pushed unbound with obj after it, so CALL needs no
    // bound-method object.
    TARGET(LOAD_METHOD) {
        SpCacheEntry *e = CACHE(oparg);
        SpObject *owner = TOP();
        SpTypeObject *tp = SP_TYPE(owner);
        SpObject *v;
        SpAttrCache *ac = sp_attr_cache_find(e, tp);
        if (SP_LIKELY(ac != NULL) && ac->kind == SP_ATTR_METHOD) {
            // The common case: a function on the class, not shadowed by
            // the instance. Push (function, self) without binding.
            SpObject *dict = tp->tp_dictoffset > 0
                                 ? *(SpObject **)((char *)owner + tp->tp_dictoffset)
                                 : NULL;
            if (dict != NULL && SP_DICT_SIZE(dict) != 0) {
                v = sp_dict_getitem_known_hash_borrow(dict, e->name, e->hash);
                if (v != NULL) {
                    SP_INCREF(v);
                    SET_TOP(NULL);
                    PUSH(v);
                    SP_DECREF(owner);
                    DISPATCH();
                }
                if (sp_err_occurred()) {
                    goto error;
                }
            }
            v = ac->descr;
            SP_INCREF(v);
            SET_TOP(v);
            PUSH(owner);
            DISPATCH();
        }
        if (tp == &SpModule_Type) {
            v = sp_dict_getitem_known_hash_borrow(((SpModuleObject *)owner)->md_dict, e->name,
                                                  e->hash);
            if (v != NULL) {
                SP_INCREF(v);
                SET_TOP(NULL);
                PUSH(v);
                SP_DECREF(owner);
                DISPATCH();
            }
        } else {
            frame->next_instr = next_instr;
            if (ac == NULL) {
                ac = sp_op_fill_attr_cache(e, tp, 0);
            }
            if (ac != NULL) {
                int is_method = 0;
                v = sp_op_attr_from_cache(ac, e, owner, 1, &is_method);
                if (v != NULL) {
                    if (is_method) {
                        SET_TOP(v);
                        PUSH(owner);
                    } else {
                        SET_TOP(NULL);
                        PUSH(v);
                        SP_DECREF(owner);
                    }
                    DISPATCH();
                }
                if (sp_err_occurred()) {
                    goto error;
                }
            }
        }
        frame->next_instr = next_instr;
        int r = sp_object_get_method(owner, e->name, &v);
        if (r < 0) {
            goto error;
        }
        if (r == 1) {
            SET_TOP(v);
            PUSH(owner);
        } else {
            SET_TOP(NULL);
            PUSH(v);
            SP_DECREF(owner);
        }
        DISPATCH();
    }

    // v obj -- : obj.name = v.
    TARGET(STORE_ATTR) {
        SpCacheEntry *e = CACHE(oparg);
        SpObject *owner = TOP();
        SpObject *v = SECOND();
        SpTypeObject *tp = SP_TYPE(owner);
        int err;
        frame->next_instr = next_instr;
        SpAttrCache *ac = sp_attr_cache_find(e, tp);
        if (ac == NULL && tp != &SpModule_Type) {
            ac = sp_op_fill_attr_cache(e, tp, 1);
        }
        if (ac != NULL && ac->kind != SP_ATTR_NONE) {
            // Nothing on the type intercepts the store: straight into the
            // instance's __dict__ (made here on the first store, as the
            // generic setattr would).
            SpObject **dictptr = (SpObject **)((char *)owner + tp->tp_dictoffset);
            if (*dictptr == NULL) {
                *dictptr = sp_dict_new();
            }
            err = *dictptr ? sp_dict_setitem(*dictptr, e->name, v) : -1;
        } else {
            err = sp_object_setattr(owner, e->name, v);
        }
        STACK_SHRINK(2);
        SP_DECREF(owner);
        SP_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // obj -- : del obj.name.
    TARGET(DELETE_ATTR) {
        SpObject *owner = POP();
        int err = sp_object_setattr(owner, SP_TUPLE_GET_ITEM(CODE()->co_names, oparg), NULL);
        SP_DECREF(owner);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // ------------------------------------------------------------ calls
    // -- : remember the keyword names (a const tuple) for the next CALL.
    TARGET(KW_NAMES) {
        kwnames = consts[oparg];
        DISPATCH();
    }

    // a b arg_1 ... arg_n -- result : call b(args) when a is NULL, else a(b,
    // args). Python functions run in this loop: their frame is pushed on the
    // data stack and the loop continues in it (no C recursion).
    TARGET(CALL) {
        // Layout: [NULL, callable, args...] or [callable, self, args...].
        SpObject **base = stack_pointer - oparg - 2;
        SpObject **args = base + 2;
        ssize_t nargs = oparg;
        SpObject *callable = base[1];
        if (base[0] != NULL) {
            callable = base[0];
            args = base + 1;
            nargs++;
        } else if (SP_TYPE(callable) == &SpMethod_Type) {
            // A bound method: unpack it into the method layout.
            SpMethodObject *m = (SpMethodObject *)callable;
            base[0] = SP_NEWREF_OF(m->im_func);
            base[1] = SP_NEWREF_OF(m->im_self);
            SP_DECREF(callable);
            callable = base[0];
            args = base + 1;
            nargs++;
        }
        SpObject *kw = kwnames;
        kwnames = NULL;
        frame->next_instr = next_instr;
        // From here on, callable is args[-1] in both layouts: args[-1] is a
        // writable slot, which vectorcall's ARGUMENTS_OFFSET lends out.
        if (SP_TYPE(callable) == &SpFunction_Type) {
            SpFunctionObject *fn = (SpFunctionObject *)callable;
            SpCodeObject *co = (SpCodeObject *)fn->func_code;
            SpCodeExtra *x = co->co_extra;
            if (SP_UNLIKELY(x == NULL) && (x = sp_code_prepare(co)) == NULL) {
                goto error;
            }
            if (!(co->co_flags & (SP_CO_GENERATOR | SP_CO_COROUTINE))) {
                // Push the callee's frame and continue in this loop.
                if (SP_UNLIKELY(sp_tstate.recursion_depth >= sp_tstate.recursion_limit)) {
                    sp_recursion_error();
                    goto error;
                }
                SpFrame *nf = sp_datastack_push(x->nslots);
                if (nf == NULL) {
                    goto error;
                }
                sp_tstate.recursion_depth++;
                int nl = co->co_nlocalsplus;
                SpObject **lp = nf->localsplus;
                SP_INCREF(co);
                nf->code = co;
                nf->globals = fn->func_globals;
                nf->builtins = fn->func_builtins;
                nf->locals = NULL;
                nf->previous = frame;
                nf->next_instr = x->instrs;
                nf->stacktop = lp + nl;  // the value stack starts empty
                nf->lasti = -1;
                nf->state = SP_FRAME_EXECUTING;
                nf->owner = SP_FRAME_OWNED_BY_STACK;
                nf->entry = 0;
                if (kw == NULL && x->simple && nargs == co->co_argcount) {
                    // Exact positional call: the arguments and the function
                    // move from the caller's stack into the frame as they are.
                    ssize_t i = 0;
                    for (; i < nargs; i++) {
                        lp[i] = args[i];
                    }
                    for (; i < nl; i++) {
                        lp[i] = NULL;
                    }
                    nf->func = callable;
                    stack_pointer = base;
                    if ((x->ncells | x->nfree) && sp_frame_finish_setup(nf, fn, x) < 0) {
                        goto call_setup_failed;
                    }
                } else {
                    for (int i = 0; i < nl; i++) {
                        lp[i] = NULL;
                    }
                    nf->func = SP_NEWREF_OF(callable);
                    ssize_t nkw = kw ? SP_TUPLE_SIZE(kw) : 0;
                    if (sp_frame_bind(nf, fn, args, nargs - nkw, kw) < 0) {
                        goto call_setup_failed;
                    }
                    while (stack_pointer > base) {
                        SpObject *o = POP();
                        SP_XDECREF(o);
                    }
                }
                // Switch: the caller resumes at next_instr with the result
                // pushed at `base` when the callee returns.
                frame->stacktop = stack_pointer;
                sp_tstate.frame = nf;
                frame = nf;
                LOAD_FRAME_REGISTERS();
                DISPATCH();
            call_setup_failed:
                // Binding raised: the callee never ran, so no traceback entry
                // of its own; the error is the caller's, at this CALL.
                sp_frame_clear(nf);
                sp_datastack_pop(nf);
                sp_tstate.recursion_depth--;
                goto error;
            }
        }
        // Everything else (built-ins, types, bound methods in the method
        // layout, callable objects, generator functions) goes through the
        // vector call protocol; the stack's references are released after.
        ssize_t nkw = kw ? SP_TUPLE_SIZE(kw) : 0;
        SpObject *res = sp_vectorcall(
            callable, args, (size_t)(nargs - nkw) | SP_VECTORCALL_ARGUMENTS_OFFSET, kw);
        while (stack_pointer > base) {
            SpObject *o = POP();
            SP_XDECREF(o);
        }
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    // NULL callable args [kwargs] -- result : f(*args, **kwargs).
    TARGET(CALL_FUNCTION_EX) {
        SpObject *kwargs = (oparg & 1) ? POP() : NULL;
        SpObject *callargs = POP();
        SpObject *func = TOP();
        frame->next_instr = next_instr;
        if (SP_TYPE(func) == &SpFunction_Type && SP_TUPLE_CHECK_EXACT(callargs) &&
            (kwargs == NULL || SP_DICT_CHECK_EXACT(kwargs)) &&
            !(((SpCodeObject *)((SpFunctionObject *)func)->func_code)->co_flags &
              (SP_CO_GENERATOR | SP_CO_COROUTINE))) {
            // f(*args, **kwargs) of a plain Python function (a decorator's
            // wrapper calling the wrapped one): a frame in this loop too.
            SpFrame *nf = sp_vm_push_frame_ex((SpFunctionObject *)func, callargs, kwargs);
            SP_XDECREF(kwargs);
            SP_DECREF(callargs);
            STACK_SHRINK(1);
            SP_DECREF(func);
            SpObject *null = POP();
            SP_XDECREF(null);
            if (nf == NULL) {
                goto error;
            }
            nf->previous = frame;
            frame->stacktop = stack_pointer;
            sp_tstate.frame = nf;
            frame = nf;
            LOAD_FRAME_REGISTERS();
            DISPATCH();
        }
        SpObject *res = sp_op_call_function_ex(func, callargs, kwargs);
        SP_XDECREF(kwargs);
        SP_DECREF(callargs);
        SP_DECREF(func);
        STACK_SHRINK(1);
        SpObject *null = POP();
        SP_XDECREF(null);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    // v -- : leave the frame. An entry frame returns to C; an inline
    // frame pops itself and pushes v onto its caller's stack.
    TARGET(RETURN_VALUE) {
        SpObject *retval = POP();
        // The frame leaves the thread state before it is cleared: a __del__
        // run by the clearing must not see it as the running frame. Its
        // memory stays reserved until after the clearing, so frames pushed
        // meanwhile land above it.
        frame->stacktop = stack_pointer;
        sp_tstate.frame = frame->previous;
        sp_tstate.recursion_depth--;
        if (frame->entry) {
            sp_frame_clear(frame);
            frame->previous = NULL;
            return retval;
        }
        SpFrame *prev = frame->previous;
        sp_frame_clear(frame);
        sp_datastack_pop(frame);
        frame = prev;
        LOAD_FRAME_REGISTERS();
        PUSH(retval);
        DISPATCH();
    }

    // [defaults] [kwdefaults] [annotations] [closure] code -- func
    TARGET(MAKE_FUNCTION) {
        SpObject *code = POP();
        int n = ((oparg & 1) != 0) + ((oparg & 2) != 0) + ((oparg & 4) != 0) + ((oparg & 8) != 0);
        STACK_SHRINK(n);
        SpObject *fn = sp_op_make_function(code, frame->globals, oparg, stack_pointer);
        if (fn == NULL) {
            goto error;
        }
        PUSH(fn);
        DISPATCH();
    }

    // ------------------------------------------------------------ operators
    // a b -- a_op_b : inline for compact ints and floats, else number protocol.
    TARGET(BINARY_OP) {
        SpObject *rhs = TOP();
        SpObject *lhs = SECOND();
        SpObject *res;
        if (!binary_fast(oparg, lhs, rhs, &res)) {
            frame->next_instr = next_instr;
            if ((oparg == SP_NB_INPLACE_ADD || oparg == SP_NB_ADD) && SP_STR_CHECK_EXACT(lhs) &&
                SP_STR_CHECK_EXACT(rhs)) {
                STACK_SHRINK(1);
                res = str_concat_in_place(frame, extra, next_instr, lhs, rhs);
                SP_DECREF(rhs);
                if (res == NULL) {
                    STACK_SHRINK(1);
                    goto error;
                }
                SET_TOP(res);
                DISPATCH();
            }
            res = sp_op_binary(oparg, lhs, rhs);
        }
        STACK_SHRINK(1);
        SP_DECREF(lhs);
        SP_DECREF(rhs);
        if (res == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(res);
        DISPATCH();
    }

    // a -- a_op_c : fused LOAD_CONST c; BINARY_OP op.
    TARGET(BINARY_OP_CONST) {
        // LOAD_CONST c; BINARY_OP op: the constant never touches the stack.
        SpObject *rhs = consts[oparg];
        SpObject *lhs = TOP();
        SpObject *res;
        NEXT_HALF();
        if (!binary_fast(oparg, lhs, rhs, &res)) {
            frame->next_instr = next_instr;
            if ((oparg == SP_NB_INPLACE_ADD || oparg == SP_NB_ADD) && SP_STR_CHECK_EXACT(lhs) &&
                SP_STR_CHECK_EXACT(rhs)) {
                res = str_concat_in_place(frame, extra, next_instr, lhs, rhs);
                if (res == NULL) {
                    STACK_SHRINK(1);
                    goto error;
                }
                SET_TOP(res);
                DISPATCH();
            }
            res = sp_op_binary(oparg, lhs, rhs);
        }
        SP_DECREF(lhs);
        if (res == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(res);
        DISPATCH();
    }

    // a -- +a
    TARGET(UNARY_POSITIVE) {
        SpObject *v = TOP();
        SpObject *res = sp_number_positive(v);
        SP_DECREF(v);
        if (res == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(res);
        DISPATCH();
    }

    // a -- -a
    TARGET(UNARY_NEGATIVE) {
        SpObject *v = TOP();
        SpObject *res;
        if (SP_INT_CHECK_EXACT(v) && SP_INT_IS_COMPACT(v)) {
            res = sp_int_from_long(-sp_int_compact_value(v));
        } else {
            res = sp_number_negative(v);
        }
        SP_DECREF(v);
        if (res == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(res);
        DISPATCH();
    }

    // a -- not a
    TARGET(UNARY_NOT) {
        SpObject *v = TOP();
        int t = truth_fast(v);
        if (t < 0) {
            t = sp_object_is_true(v);
        }
        SP_DECREF(v);
        if (t < 0) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(sp_bool_from_long(!t));
        DISPATCH();
    }

    // a -- ~a
    TARGET(UNARY_INVERT) {
        SpObject *v = TOP();
        SpObject *res = sp_number_invert(v);
        SP_DECREF(v);
        if (res == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(res);
        DISPATCH();
    }

    // a b -- bool_or_result : rich comparison; an inline int, float or str
    // comparison followed by POP_JUMP_IF_* jumps without pushing a bool.
    TARGET(COMPARE_OP) {
        SpObject *rhs = TOP();
        SpObject *lhs = SECOND();
        if (compare_fast(oparg, lhs, rhs, &cmp_result)) {
            STACK_SHRINK(2);
            SP_DECREF(lhs);
            SP_DECREF(rhs);
            goto compare_result;
        }
        frame->next_instr = next_instr;
        SpObject *res = sp_object_richcompare(lhs, rhs, oparg);
        STACK_SHRINK(1);
        SP_DECREF(lhs);
        SP_DECREF(rhs);
        if (res == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(res);
        DISPATCH();
    compare_result: {
        // Fuse with a following conditional jump: no bool is pushed.
        SpInstr w = *next_instr;
        int op = SP_INSTR_OP(w);
        if (op == SP_OP_POP_JUMP_IF_FALSE || op == SP_OP_POP_JUMP_IF_TRUE) {
            next_instr++;
            if (cmp_result == (op == SP_OP_POP_JUMP_IF_TRUE)) {
                JUMP_TO(SP_INSTR_ARG(w));
            }
            DISPATCH();
        }
        PUSH(sp_bool_from_long(cmp_result));
        DISPATCH();
    }
    }

    // a -- a_cmp_c : fused LOAD_CONST c; COMPARE_OP op.
    TARGET(COMPARE_OP_CONST) {
        SpObject *rhs = consts[oparg];
        SpObject *lhs = TOP();
        NEXT_HALF();
        if (compare_fast(oparg, lhs, rhs, &cmp_result)) {
            STACK_SHRINK(1);
            SP_DECREF(lhs);
            goto compare_result;
        }
        frame->next_instr = next_instr;
        SpObject *res = sp_object_richcompare(lhs, rhs, oparg);
        SP_DECREF(lhs);
        if (res == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(res);
        DISPATCH();
    }

    // a b -- bool : identity (n = 1: `is not`).
    TARGET(IS_OP) {
        SpObject *rhs = POP();
        SpObject *lhs = TOP();
        int t = (lhs == rhs) ^ (oparg != 0);
        SP_DECREF(lhs);
        SP_DECREF(rhs);
        SET_TOP(sp_bool_from_long(t));
        DISPATCH();
    }

    // a b -- bool : a in b (n = 1: `not in`).
    TARGET(CONTAINS_OP) {
        SpObject *rhs = POP();
        SpObject *lhs = TOP();
        frame->next_instr = next_instr;
        int t = sp_sequence_contains(rhs, lhs);
        SP_DECREF(lhs);
        SP_DECREF(rhs);
        if (t < 0) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(sp_bool_from_long(t ^ (oparg != 0)));
        DISPATCH();
    }

    // ------------------------------------------------------------ subscripts
    // container key -- item : list/tuple with a small int index inline.
    TARGET(BINARY_SUBSCR) {
        SpObject *key = TOP();
        SpObject *container = SECOND();
        SpObject *res;
        if (SP_INT_CHECK_EXACT(key) && SP_INT_IS_COMPACT(key) &&
            (SP_LIST_CHECK_EXACT(container) || SP_TUPLE_CHECK_EXACT(container))) {
            long i = sp_int_compact_value(key);
            ssize_t n = SP_SIZE(container);
            if (i < 0) {
                i += n;
            }
            if (i >= 0 && i < n) {
                res = SP_LIST_CHECK_EXACT(container) ? SP_LIST_GET_ITEM(container, i)
                                                     : SP_TUPLE_GET_ITEM(container, i);
                SP_INCREF(res);
                goto subscr_done;
            }
        }
        frame->next_instr = next_instr;
        res = sp_object_getitem(container, key);
    subscr_done:
        STACK_SHRINK(1);
        SP_DECREF(container);
        SP_DECREF(key);
        if (res == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(res);
        DISPATCH();
    }

    // v container key -- : list[i] = v inline, else __setitem__.
    TARGET(STORE_SUBSCR) {
        SpObject *key = TOP();
        SpObject *container = SECOND();
        SpObject *v = PEEK(3);
        int err;
        if (SP_LIST_CHECK_EXACT(container) && SP_INT_CHECK_EXACT(key) && SP_INT_IS_COMPACT(key)) {
            long i = sp_int_compact_value(key);
            ssize_t n = SP_LIST_SIZE(container);
            if (i < 0) {
                i += n;
            }
            if (i >= 0 && i < n) {
                SpObject *old = SP_LIST_GET_ITEM(container, i);
                SP_LIST_SET_ITEM(container, i, v);  // takes the stack's reference
                STACK_SHRINK(3);
                SP_DECREF(old);
                SP_DECREF(container);
                SP_DECREF(key);
                DISPATCH();
            }
        }
        frame->next_instr = next_instr;
        err = sp_object_setitem(container, key, v);
        STACK_SHRINK(3);
        SP_DECREF(v);
        SP_DECREF(container);
        SP_DECREF(key);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // container key -- : del container[key].
    TARGET(DELETE_SUBSCR) {
        SpObject *key = POP();
        SpObject *container = POP();
        int err = sp_object_delitem(container, key);
        SP_DECREF(container);
        SP_DECREF(key);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // ------------------------------------------------------------ building
    // start stop [step] -- slice
    TARGET(BUILD_SLICE) {
        SpObject *step = oparg == 3 ? POP() : NULL;
        SpObject *stop = POP();
        SpObject *start = TOP();
        SpObject *slice = sp_slice_new(start, stop, step);
        SP_DECREF(start);
        SP_DECREF(stop);
        SP_XDECREF(step);
        if (slice == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(slice);
        DISPATCH();
    }

    // x_1 ... x_n -- tuple : the stack's references move into it.
    TARGET(BUILD_TUPLE) {
        STACK_SHRINK(oparg);
        SpObject *t = sp_tuple_from_array_steal(stack_pointer, oparg);
        if (t == NULL) {
            goto error;
        }
        PUSH(t);
        DISPATCH();
    }

    // x_1 ... x_n -- list : likewise.
    TARGET(BUILD_LIST) {
        SpObject *l = sp_list_new(oparg);
        if (l == NULL) {
            goto error;
        }
        STACK_SHRINK(oparg);
        for (int i = 0; i < oparg; i++) {
            SP_LIST_SET_ITEM(l, i, stack_pointer[i]);
        }
        PUSH(l);
        DISPATCH();
    }

    // x_1 ... x_n -- set
    TARGET(BUILD_SET) {
        SpObject *s = sp_op_build_set(stack_pointer - oparg, oparg);
        while (oparg--) {
            SpObject *o = POP();
            SP_DECREF(o);
        }
        if (s == NULL) {
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    // k_1 v_1 ... k_n v_n -- dict
    TARGET(BUILD_MAP) {
        SpObject *d = sp_op_build_map(stack_pointer - 2 * oparg, oparg);
        for (int i = 0; i < 2 * oparg; i++) {
            SpObject *o = POP();
            SP_DECREF(o);
        }
        if (d == NULL) {
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }

    // v_1 ... v_n keys -- dict
    TARGET(BUILD_CONST_KEY_MAP) {
        SpObject *keys = TOP();
        SpObject *d = sp_op_build_const_key_map(stack_pointer - 1 - oparg, oparg, keys);
        for (int i = 0; i <= oparg; i++) {
            SpObject *o = POP();
            SP_DECREF(o);
        }
        if (d == NULL) {
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }

    // s_1 ... s_n -- str : concatenation (f-strings).
    TARGET(BUILD_STRING) {
        SpObject *s = sp_op_build_string(stack_pointer - oparg, oparg);
        while (oparg--) {
            SpObject *o = POP();
            SP_DECREF(o);
        }
        if (s == NULL) {
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    // list ... v -- list ... : comprehension append; list is PEEK(n) after the pop.
    TARGET(LIST_APPEND) {
        SpObject *v = POP();
        int err = sp_list_append(PEEK(oparg), v);
        SP_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // set ... v -- set ...
    TARGET(SET_ADD) {
        SpObject *v = POP();
        int err = sp_set_add(PEEK(oparg), v);
        SP_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // dict ... k v -- dict ...
    TARGET(MAP_ADD) {
        SpObject *v = POP();
        SpObject *k = POP();
        int err = sp_dict_setitem(PEEK(oparg), k, v);
        SP_DECREF(k);
        SP_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // list ... iterable -- list ... : [*a, *b].
    TARGET(LIST_EXTEND) {
        SpObject *it = POP();
        int err = sp_op_list_extend(PEEK(oparg), it);
        SP_DECREF(it);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // set ... iterable -- set ...
    TARGET(SET_UPDATE) {
        SpObject *it = POP();
        int err = sp_set_update(PEEK(oparg), it);
        SP_DECREF(it);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // dict ... mapping -- dict ... : {**a}.
    TARGET(DICT_UPDATE) {
        SpObject *m = POP();
        int err = sp_op_dict_update(PEEK(oparg), m);
        SP_DECREF(m);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // dict ... mapping -- dict ... : f(**a) (duplicate keys raise).
    TARGET(DICT_MERGE) {
        SpObject *m = POP();
        int err = sp_op_dict_merge(PEEK(oparg), m, PEEK(oparg + 2));
        SP_DECREF(m);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // list -- tuple
    TARGET(LIST_TO_TUPLE) {
        SpObject *l = TOP();
        SpObject *t = sp_list_as_tuple(l);
        SP_DECREF(l);
        if (t == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(t);
        DISPATCH();
    }

    // v [spec] -- str : f-string field, with !s/!r/!a conversion.
    TARGET(FORMAT_VALUE) {
        SpObject *spec = (oparg & 4) ? POP() : NULL;
        SpObject *v = TOP();
        SpObject *s = sp_op_format_value(v, spec, (int)(oparg & 3));
        SP_DECREF(v);
        SP_XDECREF(spec);
        if (s == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(s);
        DISPATCH();
    }

    // seq -- x_n ... x_1 : exact-size tuples and lists inline.
    TARGET(UNPACK_SEQUENCE) {
        SpObject *seq = POP();
        ssize_t n = oparg;
        if ((SP_TUPLE_CHECK_EXACT(seq) || SP_LIST_CHECK_EXACT(seq)) && SP_SIZE(seq) == n) {
            SpObject **items = SP_TUPLE_CHECK_EXACT(seq) ? ((SpTupleObject *)seq)->ob_item
                                                         : ((SpListObject *)seq)->ob_item;
            while (n--) {
                SpObject *o = items[n];
                SP_INCREF(o);
                PUSH(o);
            }
            SP_DECREF(seq);
            DISPATCH();
        }
        frame->next_instr = next_instr;
        int err = sp_op_unpack(seq, oparg, -1, stack_pointer + oparg);
        SP_DECREF(seq);
        if (err < 0) {
            goto error;
        }
        stack_pointer += oparg;
        DISPATCH();
    }

    // seq -- after... list before... : a, *b, c = seq.
    TARGET(UNPACK_EX) {
        int before = (int)(oparg & 0xff), after = (int)(oparg >> 8);
        SpObject *seq = POP();
        frame->next_instr = next_instr;
        int err = sp_op_unpack(seq, before, after, stack_pointer + before + after + 1);
        SP_DECREF(seq);
        if (err < 0) {
            goto error;
        }
        stack_pointer += before + after + 1;
        DISPATCH();
    }

    // obj -- obj len : for match statements.
    TARGET(GET_LEN) {
        ssize_t n = sp_object_length(TOP());
        if (n < 0) {
            goto error;
        }
        SpObject *v = sp_int_from_ssize(n);
        if (v == NULL) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    // ------------------------------------------------------------ jumps, loops
    // -- : to instruction n (backward: poll for Ctrl-C).
    TARGET(JUMP) {
        JUMP_TO(oparg);
        DISPATCH();
    }

    // cond -- : jump if not cond.
    TARGET(POP_JUMP_IF_FALSE) {
        SpObject *cond = POP();
        int t = truth_fast(cond);
        if (SP_UNLIKELY(t < 0)) {
            t = sp_object_is_true(cond);
            if (t < 0) {
                SP_DECREF(cond);
                goto error;
            }
        }
        SP_DECREF(cond);
        if (!t) {
            JUMP_TO(oparg);
        }
        DISPATCH();
    }

    // cond -- : jump if cond.
    TARGET(POP_JUMP_IF_TRUE) {
        SpObject *cond = POP();
        int t = truth_fast(cond);
        if (SP_UNLIKELY(t < 0)) {
            t = sp_object_is_true(cond);
            if (t < 0) {
                SP_DECREF(cond);
                goto error;
            }
        }
        SP_DECREF(cond);
        if (t) {
            JUMP_TO(oparg);
        }
        DISPATCH();
    }

    // v -- : jump if v is None.
    TARGET(POP_JUMP_IF_NONE) {
        SpObject *v = POP();
        int none = v == sp_None;
        SP_DECREF(v);
        if (none) {
            JUMP_TO(oparg);
        }
        DISPATCH();
    }

    // v -- : jump if v is not None.
    TARGET(POP_JUMP_IF_NOT_NONE) {
        SpObject *v = POP();
        int none = v == sp_None;
        SP_DECREF(v);
        if (!none) {
            JUMP_TO(oparg);
        }
        DISPATCH();
    }

    // cond -- [cond] : `and`: keep cond and jump if false.
    TARGET(JUMP_IF_FALSE_OR_POP) {
        SpObject *cond = TOP();
        int t = truth_fast(cond);
        if (t < 0) {
            t = sp_object_is_true(cond);
        }
        if (t < 0) {
            goto error;
        }
        if (!t) {
            JUMP_TO(oparg);
        } else {
            STACK_SHRINK(1);
            SP_DECREF(cond);
        }
        DISPATCH();
    }

    // cond -- [cond] : `or`: keep cond and jump if true.
    TARGET(JUMP_IF_TRUE_OR_POP) {
        SpObject *cond = TOP();
        int t = truth_fast(cond);
        if (t < 0) {
            t = sp_object_is_true(cond);
        }
        if (t < 0) {
            goto error;
        }
        if (t) {
            JUMP_TO(oparg);
        } else {
            STACK_SHRINK(1);
            SP_DECREF(cond);
        }
        DISPATCH();
    }

    // iterable -- iterator
    TARGET(GET_ITER) {
        SpObject *v = TOP();
        SpObject *it = sp_object_get_iter(v);
        SP_DECREF(v);
        if (it == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(it);
        if (SP_TYPE(it)->tp_iternext == NULL) {
            sp_err_format(&SpExc_TypeError, "iter() returned non-iterator of type '%s'",
                          sp_object_type_name(it));
            goto error;
        }
        DISPATCH();
    }

    // it -- it next : or, exhausted, pop it and jump to n. A StopIteration
    // from a Python __next__ counts as exhaustion.
    TARGET(FOR_ITER) {
        SpObject *it = TOP();
        SpObject *v = SP_TYPE(it)->tp_iternext(it);
        if (SP_LIKELY(v != NULL)) {
            PUSH(v);
            DISPATCH();
        }
    for_iter_end:
        // Exhausted (or failed): oparg is still FOR_ITER's target.
        if (sp_err_occurred()) {
            if (!sp_err_matches_type(&SpExc_StopIteration)) {
                goto error;
            }
            sp_err_clear();
        }
        it = POP();
        SP_DECREF(it);
        next_instr = extra->instrs + oparg;
        DISPATCH();
    }

    // it -- it : fused FOR_ITER; STORE_FAST x: next item into x.
    TARGET(FOR_ITER__STORE_FAST) {
        SpObject *it = TOP();
        SpObject *v = SP_TYPE(it)->tp_iternext(it);
        if (SP_UNLIKELY(v == NULL)) {
            goto for_iter_end;
        }
        NEXT_HALF();
        SpObject *old = GETLOCAL(oparg);
        GETLOCAL(oparg) = v;
        SP_XDECREF(old);
        DISPATCH();
    }

    // The other fused pairs: the first half here, then straight into the
    // second instruction's body. LOAD_FAST's half is shared by four pairs.
#define LOAD_FAST_FIRST_HALF()                      \
    do {                                            \
        SpObject *v_ = GETLOCAL(oparg);             \
        if (SP_UNLIKELY(v_ == NULL)) {              \
            sp_op_unbound_local(CODE(), oparg);     \
            goto error;                             \
        }                                           \
        SP_INCREF(v_);                              \
        PUSH(v_);                                   \
        NEXT_HALF();                                \
    } while (0)

    // -- a b
    TARGET(LOAD_FAST__LOAD_FAST) {
        LOAD_FAST_FIRST_HALF();
        goto TARGET_LOAD_FAST;
    }

    // -- a c
    TARGET(LOAD_FAST__LOAD_CONST) {
        LOAD_FAST_FIRST_HALF();
        goto TARGET_LOAD_CONST;
    }

    // -- a.name
    TARGET(LOAD_FAST__LOAD_ATTR) {
        LOAD_FAST_FIRST_HALF();
        goto TARGET_LOAD_ATTR;
    }

    // -- meth_or_NULL a_or_attr
    TARGET(LOAD_FAST__LOAD_METHOD) {
        LOAD_FAST_FIRST_HALF();
        goto TARGET_LOAD_METHOD;
    }
#undef LOAD_FAST_FIRST_HALF

    // v -- b
    TARGET(STORE_FAST__LOAD_FAST) {
        SpObject *v = POP();
        SpObject *old = GETLOCAL(oparg);
        GETLOCAL(oparg) = v;
        SP_XDECREF(old);
        NEXT_HALF();
        goto TARGET_LOAD_FAST;
    }

    // -- NULL g
    TARGET(PUSH_NULL__LOAD_GLOBAL) {
        PUSH(NULL);
        NEXT_HALF();
        goto TARGET_LOAD_GLOBAL;
    }

    // ------------------------------------------------------------ classes, modules
    // -- __build_class__ (from builtins)
    TARGET(LOAD_BUILD_CLASS) {
        SpObject *bc = sp_dict_getitem_borrow(frame->builtins, sp_id(__build_class__));
        if (bc == NULL) {
            if (!sp_err_occurred()) {
                sp_err_set_string(&SpExc_NameError, "__build_class__ not found");
            }
            goto error;
        }
        SP_INCREF(bc);
        PUSH(bc);
        DISPATCH();
    }

    // -- AssertionError
    TARGET(LOAD_ASSERTION_ERROR) {
        SpObject *t = (SpObject *)&SpExc_AssertionError;
        SP_INCREF(t);
        PUSH(t);
        DISPATCH();
    }

    // -- : locals['__annotations__'] = {} unless present.
    TARGET(SETUP_ANNOTATIONS) {
        if (sp_op_setup_annotations(frame) < 0) {
            goto error;
        }
        DISPATCH();
    }

    // level fromlist -- module : through builtins.__import__.
    TARGET(IMPORT_NAME) {
        SpObject *fromlist = POP();
        SpObject *level = TOP();
        frame->next_instr = next_instr;
        SpObject *m = sp_vm_import_name(frame, NAME(oparg), fromlist, level);
        SP_DECREF(level);
        SP_DECREF(fromlist);
        if (m == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(m);
        DISPATCH();
    }

    // module -- module attr : from module import name.
    TARGET(IMPORT_FROM) {
        frame->next_instr = next_instr;
        SpObject *v = sp_vm_import_from(TOP(), NAME(oparg));
        if (v == NULL) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    // module -- : from module import *.
    TARGET(IMPORT_STAR) {
        SpObject *m = POP();
        frame->next_instr = next_instr;
        int err = sp_vm_import_star(frame, m);
        SP_DECREF(m);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // v -- : sys.displayhook(v) (interactive statements).
    TARGET(PRINT_EXPR) {
        SpObject *v = POP();
        int err = sp_sys_displayhook(v);
        SP_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }

    // ------------------------------------------------------------ exceptions
    // [exc] [cause] -- : raise / raise exc / raise exc from cause. A bare
    // re-raise adds no traceback entry for this frame (it has one already).
    TARGET(RAISE_VARARGS) {
        SpObject *cause = NULL, *exc = NULL;
        if (oparg == 2) {
            cause = POP();
        }
        if (oparg >= 1) {
            exc = POP();
        }
        frame->next_instr = next_instr;
        if (sp_op_do_raise(exc, cause)) {
            frame->lasti = INSTR_INDEX();
            goto exception_unwind;
        }
        goto error;
    }

    // exc -- : re-raise exc unchanged; with n, restore lasti from the int
    // at PEEK(n + 1) first so an outer handler's lasti is the original one.
    TARGET(RERAISE) {
        if (oparg) {
            SpObject *lasti = PEEK(oparg + 1);
            if (SP_INT_CHECK_EXACT(lasti) && SP_INT_IS_COMPACT(lasti)) {
                frame->lasti = (int)sp_int_compact_value(lasti);
            } else if (SP_INT_CHECK(lasti)) {
                frame->lasti = (int)sp_int_as_long(lasti);
            }
        } else {
            frame->lasti = INSTR_INDEX();
        }
        SpObject *exc = POP();
        sp_err_restore_raw(exc);
        goto exception_unwind;
    }

    // exc -- prev_exc exc : entering a handler: exc becomes the handled
    // exception of the innermost slot (sys.exc_info()); the previous value
    // (None for none) is kept on the stack for POP_EXCEPT.
    TARGET(PUSH_EXC_INFO) {
        SpObject *exc = TOP();
        SpExcSlot *slot = sp_exc_top;
        SpObject *prev = slot->value ? slot->value : SP_NEWREF_OF(sp_None);
        SP_INCREF(exc);
        slot->value = exc;
        sp_tstate.exc_info = exc;
        SET_TOP(prev);
        PUSH(exc);
        DISPATCH();
    }

    // prev_exc -- : leaving a handler: restore the slot's previous value.
    TARGET(POP_EXCEPT) {
        SpObject *prev = POP();
        SpExcSlot *slot = sp_exc_top;
        SpObject *old = slot->value;
        if (prev == sp_None) {
            SP_DECREF(prev);
            prev = NULL;
        }
        slot->value = prev;
        sp_exc_refresh();
        SP_XDECREF(old);
        DISPATCH();
    }

    // exc type -- exc bool : `except type:`.
    TARGET(CHECK_EXC_MATCH) {
        SpObject *type = POP();
        SpObject *exc = TOP();
        if (sp_op_check_except_type(type) < 0) {
            SP_DECREF(type);
            goto error;
        }
        int t = sp_exception_matches(exc, type);
        SP_DECREF(type);
        PUSH(sp_bool_from_long(t));
        DISPATCH();
    }

    // mgr -- exit enter_result
    TARGET(BEFORE_WITH) {
        SpObject *mgr = TOP();
        SpObject *exit = NULL;
        frame->next_instr = next_instr;
        SpObject *res = sp_op_before_with(mgr, &exit);
        if (res == NULL) {
            goto error;
        }
        SET_TOP(exit);
        SP_DECREF(mgr);
        PUSH(res);
        DISPATCH();
    }

    // exit lasti prev_exc exc -- ... exc result : exit(type, exc, tb).
    TARGET(WITH_EXCEPT_START) {
        frame->next_instr = next_instr;
        SpObject *res = sp_op_with_except_start(PEEK(4), TOP());
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }

    // ------------------------------------------------------------ generators
    // x -- : drop the value the first send() pushed.
    TARGET(GEN_START) {
        SpObject *v = POP();
        SP_XDECREF(v);
        DISPATCH();
    }

    // v -- sent : suspend. Generator frames are always entry frames, so
    // this returns v to sp_gen_resume; the value sent later is pushed there.
    TARGET(YIELD_VALUE) {
        SpObject *v = POP();
        SP_ASSERT(frame->entry, "yield in a frame that was not entered from C");
        frame->next_instr = next_instr;
        frame->stacktop = stack_pointer;
        frame->state = SP_FRAME_SUSPENDED;
        sp_tstate.frame = frame->previous;
        sp_tstate.recursion_depth--;
        frame->previous = NULL;
        return v;
    }

    // it v -- result : send v to it; while it yields, yield the same value
    // and re-run this instruction on resumption; when it returns, push its
    // return value.
    TARGET(YIELD_FROM) {
        SpObject *v = POP();
        SpObject *it = TOP();
        SpObject *out = NULL;
        frame->next_instr = next_instr;
        int r = sp_op_send(it, v, &out);
        SP_DECREF(v);
        if (r < 0) {
            goto error;
        }
        if (r == 0) {
            // The sub-iterator finished: its return value replaces it.
            SET_TOP(out);
            SP_DECREF(it);
            DISPATCH();
        }
        // It yielded: pass the value out and re-run this instruction when
        // resumed (the sent value is pushed above the sub-iterator then).
        frame->next_instr = next_instr - 1;
        frame->stacktop = stack_pointer;
        frame->state = SP_FRAME_SUSPENDED;
        sp_tstate.frame = frame->previous;
        sp_tstate.recursion_depth--;
        frame->previous = NULL;
        return out;
    }

    // iterable -- iterator : generators are kept as they are.
    TARGET(GET_YIELD_FROM_ITER) {
        SpObject *v = TOP();
        SpObject *it = sp_op_get_yield_from_iter(v);
        SP_DECREF(v);
        if (it == NULL) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(it);
        DISPATCH();
    }

    // the sentinel after the last instruction: a miscompiled code object.
    TARGET(END_OF_CODE) {
        sp_err_format(&SpExc_SystemError, "code object %U ran past its last instruction",
                      CODE()->co_name);
        goto error;
    }

#if !SP_CFG_COMPUTED_GOTO
    default:
        sp_err_set_string(&SpExc_SystemError, "unknown opcode");
        goto error;
    }  // switch
}
#endif

handle_signal:
    sp_tstate.signal_pending = 0;
    sp_err_set_none(&SpExc_KeyboardInterrupt);
    goto error;

error:
    // An exception is set. Record this frame in its traceback. A pending
    // KW_NAMES belongs to a CALL that will not run now.
    kwnames = NULL;
    if (SP_UNLIKELY(!sp_err_occurred())) {
        sp_err_set_string(&SpExc_SystemError, "error return without exception set");
    }
    frame->lasti = INSTR_INDEX();
    sp_traceback_add((SpObject *)frame->code, frame->lasti < 0 ? 0 : frame->lasti);

exception_unwind : {
    // The handler is looked up for the instruction that failed (not for
    // frame->lasti, which RERAISE may have set to an older position); the
    // handler's stack is cut to its depth, then gets lasti (if it asks) and
    // the exception.
    SpExceptEntry *h = find_handler(frame->code, INSTR_INDEX());
    SpObject **base = SP_FRAME_STACK_BASE(frame);
    if (h != NULL) {
        SpObject **target = base + h->depth;
        while (stack_pointer > target) {
            SpObject *o = POP();
            SP_XDECREF(o);
        }
        if (h->lasti) {
            SpObject *li = sp_int_from_long(frame->lasti);
            if (li == NULL) {
                goto exception_unwind;
            }
            PUSH(li);
        }
        PUSH(sp_err_fetch());
        next_instr = extra->instrs + h->target;
        DISPATCH();
    }
    // No handler here: the frame ends and the exception moves to its caller.
    // It is held aside while the frame is cleared, since finalizers run by
    // the clearing may raise and clear exceptions of their own.
    SpObject *exc = sp_err_fetch();
    frame->stacktop = stack_pointer;
    sp_tstate.frame = frame->previous;
    sp_tstate.recursion_depth--;
    sp_frame_clear(frame);
    sp_err_restore_raw(exc);
    if (frame->entry) {
        frame->previous = NULL;
        return NULL;
    }
    // An inline frame: continue unwinding in the caller, whose traceback
    // entry points at its CALL (its saved next_instr - 1).
    SpFrame *prev = frame->previous;
    sp_datastack_pop(frame);
    frame = prev;
    LOAD_FRAME_REGISTERS();
    goto error;
}

#undef TARGET
#undef DISPATCH
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef PEEK
#undef SET_TOP
#undef SET_SECOND
#undef STACK_SHRINK
#undef GETLOCAL
#undef CODE
#undef INSTR_INDEX
#undef NAME
#undef CACHE
#undef LOAD_FRAME_REGISTERS
#undef JUMP_TO
#undef NEXT_HALF
#undef TRACE
}
