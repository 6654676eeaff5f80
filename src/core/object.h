// smallpy: the object header, type objects and their slots, reference counts.
// Every object starts with SpObject; every type is an SpTypeObject whose slots
// say how its instances behave. Counterpart: CPython 3.11 Include/object.h and
// Include/cpython/object.h (slot names and meanings are kept, so a reader can
// map each slot to its CPython twin).
#ifndef SP_CORE_OBJECT_H
#define SP_CORE_OBJECT_H

#include <assert.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/config.h"

// ---------------------------------------------------------------------------
// Annotations (empty markers; they document ownership and failure in
// prototypes and can be grepped).

#define SP_MAY_RAISE  // result is NULL / -1 with an exception set on failure
#define SP_NEWREF     // the returned object is a new reference
#define SP_BORROWED   // the returned object is borrowed (comment says how long)
#define SP_STEALS     // the parameter's reference is taken over by the callee

#if defined(__GNUC__)
#define SP_FUNC __attribute__((visibility("hidden")))
#define SP_LIKELY(x) __builtin_expect(!!(x), 1)
#define SP_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define SP_NORETURN __attribute__((noreturn))
#define SP_UNUSED __attribute__((unused))
#define SP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SP_FUNC
#define SP_LIKELY(x) (x)
#define SP_UNLIKELY(x) (x)
#define SP_NORETURN
#define SP_UNUSED
#define SP_PRINTF(f, a)
#endif

// SP_ASSERT(cond, "why"): an invariant, checked in debug builds only.
#if SP_CFG_DEBUG
#define SP_ASSERT(cond, why) assert((cond) && why)
#else
#define SP_ASSERT(cond, why) ((void)0)
#endif

// Hash values are signed machine words, as Py_hash_t; -1 means "error".
typedef ssize_t SpHash;

// ---------------------------------------------------------------------------
// The header. Offsets are part of the contract (ctypes experiments read them):
// ob_refcnt at 0, ob_type at 8, ob_size at 16. Checked in core/layout.c.

typedef struct SpObject {
    ssize_t ob_refcnt;
    struct SpTypeObject *ob_type;
} SpObject;

typedef struct SpVarObject {
    SpObject ob_base;
    ssize_t ob_size;  // item count; for int: sign x digit count
} SpVarObject;

#define SP_OBJECT_HEAD SpObject ob_base
#define SP_OBJECT_VAR_HEAD SpVarObject ob_base

#define SP_TYPE(o) (((SpObject *)(o))->ob_type)
#define SP_REFCNT(o) (((SpObject *)(o))->ob_refcnt)
#define SP_SIZE(o) (((SpVarObject *)(o))->ob_size)
#define SP_SET_SIZE(o, n) (((SpVarObject *)(o))->ob_size = (n))
#define SP_OBJ(o) ((SpObject *)(o))

// ---------------------------------------------------------------------------
// Slot signatures (as CPython's; each function returns a new reference or
// NULL with an exception set, unless stated).

typedef SpObject *(*SpUnaryFunc)(SpObject *);
typedef SpObject *(*SpBinaryFunc)(SpObject *, SpObject *);
typedef SpObject *(*SpTernaryFunc)(SpObject *, SpObject *, SpObject *);
typedef int (*SpInquiry)(SpObject *);  // -1 error, else 0/1
typedef ssize_t (*SpLenFunc)(SpObject *);  // -1 error
typedef SpObject *(*SpSizeArgFunc)(SpObject *, ssize_t);
typedef int (*SpSizeObjArgProc)(SpObject *, ssize_t, SpObject *);  // value NULL = delete
typedef int (*SpObjObjProc)(SpObject *, SpObject *);  // -1 error, else 0/1
typedef int (*SpObjObjArgProc)(SpObject *, SpObject *, SpObject *);  // value NULL = delete
typedef void (*SpDestructor)(SpObject *);
typedef SpObject *(*SpGetAttroFunc)(SpObject *, SpObject *name);
typedef int (*SpSetAttroFunc)(SpObject *, SpObject *name, SpObject *value);  // value NULL = delete
typedef SpObject *(*SpReprFunc)(SpObject *);
typedef SpHash (*SpHashFunc)(SpObject *);  // -1 error
// op is one of SP_LT.. SP_GE; may return sp_NotImplemented (new reference).
typedef SpObject *(*SpRichCmpFunc)(SpObject *, SpObject *, int op);
typedef SpObject *(*SpGetIterFunc)(SpObject *);
// tp_iternext: returns NULL *without* an exception set when exhausted.
typedef SpObject *(*SpIterNextFunc)(SpObject *);
typedef SpObject *(*SpDescrGetFunc)(SpObject *descr, SpObject *obj, SpObject *type);
typedef int (*SpDescrSetFunc)(SpObject *descr, SpObject *obj, SpObject *value);
typedef int (*SpInitProc)(SpObject *self, SpObject *args, SpObject *kwargs);
// tp_new: args is a tuple, kwargs a dict or NULL.
typedef SpObject *(*SpNewFunc)(struct SpTypeObject *, SpObject *args, SpObject *kwargs);
typedef SpObject *(*SpCallFunc)(SpObject *callable, SpObject *args, SpObject *kwargs);
typedef int (*SpVisitProc)(SpObject *, void *);
typedef int (*SpTraverseProc)(SpObject *, SpVisitProc, void *);

// The vector call protocol (PEP 590). args[0..nargs) are the positional
// arguments; if kwnames (a tuple of str) is not NULL, the keyword values
// follow at args[nargs..nargs+len(kwnames)). nargsf may carry
// SP_VECTORCALL_ARGUMENTS_OFFSET, meaning args[-1] may be overwritten
// temporarily by the callee (used to prepend `self` without copying).
typedef SpObject *(*SpVectorcallFunc)(SpObject *callable, SpObject *const *args, size_t nargsf,
                                      SpObject *kwnames);
#define SP_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
#define SP_VECTORCALL_NARGS(n) ((ssize_t)((n) & ~SP_VECTORCALL_ARGUMENTS_OFFSET))

// Rich comparison operators, in CPython's order (the compiler emits these).
enum { SP_LT = 0, SP_LE = 1, SP_EQ = 2, SP_NE = 3, SP_GT = 4, SP_GE = 5 };

typedef struct SpNumberMethods {
    SpBinaryFunc nb_add;
    SpBinaryFunc nb_subtract;
    SpBinaryFunc nb_multiply;
    SpBinaryFunc nb_remainder;
    SpBinaryFunc nb_divmod;
    SpTernaryFunc nb_power;
    SpUnaryFunc nb_negative;
    SpUnaryFunc nb_positive;
    SpUnaryFunc nb_absolute;
    SpInquiry nb_bool;
    SpUnaryFunc nb_invert;
    SpBinaryFunc nb_lshift;
    SpBinaryFunc nb_rshift;
    SpBinaryFunc nb_and;
    SpBinaryFunc nb_xor;
    SpBinaryFunc nb_or;
    SpUnaryFunc nb_int;
    SpUnaryFunc nb_float;
    SpBinaryFunc nb_inplace_add;
    SpBinaryFunc nb_inplace_subtract;
    SpBinaryFunc nb_inplace_multiply;
    SpBinaryFunc nb_inplace_remainder;
    SpTernaryFunc nb_inplace_power;
    SpBinaryFunc nb_inplace_lshift;
    SpBinaryFunc nb_inplace_rshift;
    SpBinaryFunc nb_inplace_and;
    SpBinaryFunc nb_inplace_xor;
    SpBinaryFunc nb_inplace_or;
    SpBinaryFunc nb_floor_divide;
    SpBinaryFunc nb_true_divide;
    SpBinaryFunc nb_inplace_floor_divide;
    SpBinaryFunc nb_inplace_true_divide;
    SpUnaryFunc nb_index;
    SpBinaryFunc nb_matrix_multiply;
    SpBinaryFunc nb_inplace_matrix_multiply;
} SpNumberMethods;

typedef struct SpSequenceMethods {
    SpLenFunc sq_length;
    SpBinaryFunc sq_concat;
    SpSizeArgFunc sq_repeat;
    SpSizeArgFunc sq_item;  // index already made non-negative by the caller
    SpSizeObjArgProc sq_ass_item;
    SpObjObjProc sq_contains;
    SpBinaryFunc sq_inplace_concat;
    SpSizeArgFunc sq_inplace_repeat;
} SpSequenceMethods;

typedef struct SpMappingMethods {
    SpLenFunc mp_length;
    SpBinaryFunc mp_subscript;
    SpObjObjArgProc mp_ass_subscript;
} SpMappingMethods;

// ---------------------------------------------------------------------------
// Method, member and getset tables of built-in types.

// Calling conventions of built-in functions and methods (SpMethodDef.ml_flags).
enum {
    SP_METH_NOARGS = 0x1,   // SpCFunction: f(self, NULL)
    SP_METH_O = 0x2,        // SpCFunction: f(self, arg)
    SP_METH_FASTCALL = 0x4, // SpCFunctionFast: f(self, args, nargs, kwnames)
    SP_METH_VARARGS = 0x8,  // SpCFunctionVarargs: f(self, args_tuple, kwargs_dict_or_NULL)
    SP_METH_CLASS = 0x10,   // bind to the type (classmethod)
    SP_METH_STATIC = 0x20,  // no self (staticmethod)
};

typedef SpObject *(*SpCFunction)(SpObject *self, SpObject *arg);
// kwnames as in the vector call protocol; NULL when there are no keywords.
typedef SpObject *(*SpCFunctionFast)(SpObject *self, SpObject *const *args, ssize_t nargs,
                                     SpObject *kwnames);
typedef SpObject *(*SpCFunctionVarargs)(SpObject *self, SpObject *args, SpObject *kwargs);

typedef struct SpMethodDef {
    const char *ml_name;  // NULL ends a table
    void (*ml_meth)(void);  // one of the function types above, cast
    int ml_flags;
    const char *ml_doc;
} SpMethodDef;

#define SP_METH(f) ((void (*)(void))(f))

// Member kinds for SpMemberDef (fields read straight from the object).
enum {
    SP_T_OBJECT = 1,     // SpObject *, NULL reads as None
    SP_T_OBJECT_EX = 2,  // SpObject *, NULL raises AttributeError
    SP_T_SSIZE = 3,      // ssize_t
    SP_T_INT = 4,        // int
    SP_T_BOOL = 5,       // char, 0/1
    SP_T_DOUBLE = 6,
};
enum { SP_READONLY = 1 };

typedef struct SpMemberDef {
    const char *name;  // NULL ends a table
    int type;
    ssize_t offset;
    int flags;
    const char *doc;
} SpMemberDef;

typedef SpObject *(*SpGetter)(SpObject *, void *closure);
typedef int (*SpSetter)(SpObject *, SpObject *value, void *closure);  // value NULL = delete

typedef struct SpGetSetDef {
    const char *name;  // NULL ends a table
    SpGetter get;
    SpSetter set;  // NULL: read-only
    const char *doc;
    void *closure;
} SpGetSetDef;

// ---------------------------------------------------------------------------
// Type objects.

enum {
    SP_TPFLAGS_HEAPTYPE = 1u << 9,        // created by a class statement
    SP_TPFLAGS_BASETYPE = 1u << 10,       // may be subclassed
    SP_TPFLAGS_READY = 1u << 12,          // sp_type_ready has run
    SP_TPFLAGS_HAVE_GC = 1u << 14,        // has the 16-byte GC header
    SP_TPFLAGS_METHOD_DESCRIPTOR = 1u << 17,  // functions: LOAD_METHOD may skip binding
    SP_TPFLAGS_HAVE_VECTORCALL = 1u << 11,    // instances store a vectorcall pointer
    // Fast subclass tests, as CPython: one bit per core family.
    SP_TPFLAGS_LONG_SUBCLASS = 1u << 24,
    SP_TPFLAGS_LIST_SUBCLASS = 1u << 25,
    SP_TPFLAGS_TUPLE_SUBCLASS = 1u << 26,
    SP_TPFLAGS_BYTES_SUBCLASS = 1u << 27,
    SP_TPFLAGS_UNICODE_SUBCLASS = 1u << 28,
    SP_TPFLAGS_DICT_SUBCLASS = 1u << 29,
    SP_TPFLAGS_BASE_EXC_SUBCLASS = 1u << 30,
    SP_TPFLAGS_TYPE_SUBCLASS = 1u << 31,
};

typedef struct SpTypeObject {
    SP_OBJECT_VAR_HEAD;
    const char *tp_name;  // "int", or "module.Name" for types of modules
    ssize_t tp_basicsize, tp_itemsize;  // instance size, without the GC header

    SpDestructor tp_dealloc;
    ssize_t tp_vectorcall_offset;  // where instances keep an SpVectorcallFunc, or 0
    SpReprFunc tp_repr;
    SpNumberMethods *tp_as_number;
    SpSequenceMethods *tp_as_sequence;
    SpMappingMethods *tp_as_mapping;
    SpHashFunc tp_hash;
    SpCallFunc tp_call;
    SpReprFunc tp_str;
    SpGetAttroFunc tp_getattro;
    SpSetAttroFunc tp_setattro;
    unsigned long tp_flags;
    const char *tp_doc;
    SpTraverseProc tp_traverse;
    SpInquiry tp_clear;
    SpRichCmpFunc tp_richcompare;
    SpGetIterFunc tp_iter;
    SpIterNextFunc tp_iternext;
    SpMethodDef *tp_methods;
    SpMemberDef *tp_members;
    SpGetSetDef *tp_getset;
    struct SpTypeObject *tp_base;  // NULL: object
    SpObject *tp_dict;             // the type's namespace (a dict), filled by sp_type_ready
    SpDescrGetFunc tp_descr_get;
    SpDescrSetFunc tp_descr_set;
    ssize_t tp_dictoffset;  // where instances keep their __dict__, or 0
    SpInitProc tp_init;
    SpNewFunc tp_new;
    SpDestructor tp_free;  // releases the memory (after tp_dealloc finalised)
    SpObject *tp_bases;    // tuple
    SpObject *tp_mro;      // tuple, computed by sp_type_ready
    SpObject *tp_subclasses;  // dict or NULL (weak bookkeeping for slot updates)
    SpVectorcallFunc tp_vectorcall;  // calling the type itself, e.g. int(x)
    unsigned int tp_version_tag;     // changes whenever the type's namespace changes
} SpTypeObject;

// Static type definitions start with this initializer (refcount 1, type `type`).
extern SpTypeObject SpType_Type;
#define SP_VAR_HEAD_INIT(type, size) {{1, (type)}, (size)}
#define SP_TYPE_HEAD_INIT {{1, &SpType_Type}, 0}

// ---------------------------------------------------------------------------
// Reference counts. CPython's meanings; shared objects are counted too.

void sp_dealloc(SpObject *op);  // calls tp_dealloc; never called directly otherwise

static inline void sp_incref(SpObject *op) { op->ob_refcnt++; }
static inline void sp_decref(SpObject *op) {
    SP_ASSERT(op->ob_refcnt > 0, "decref of a dead object");
    if (--op->ob_refcnt == 0) {
        sp_dealloc(op);
    }
}
#define SP_INCREF(op) sp_incref(SP_OBJ(op))
#define SP_DECREF(op) sp_decref(SP_OBJ(op))
#define SP_XINCREF(op) do { SpObject *xi_ = SP_OBJ(op); if (xi_) sp_incref(xi_); } while (0)
#define SP_XDECREF(op) do { SpObject *xd_ = SP_OBJ(op); if (xd_) sp_decref(xd_); } while (0)
// SP_CLEAR(p): set the variable p to NULL, then drop the reference it held.
#define SP_CLEAR(op)                     \
    do {                                 \
        SpObject *cl_ = SP_OBJ(op);      \
        if (cl_ != NULL) {               \
            (op) = NULL;                 \
            sp_decref(cl_);              \
        }                                \
    } while (0)
// SP_SETREF(p, v): p = v (stealing v), then drop the old value.
#define SP_SETREF(op, v)                 \
    do {                                 \
        SpObject *sr_ = SP_OBJ(op);      \
        (op) = (v);                      \
        SP_XDECREF(sr_);                 \
    } while (0)

// sp_newref(o): increments and returns o, for `return sp_newref(x);`.
static inline SpObject *sp_newref(SpObject *op) { op->ob_refcnt++; return op; }
#define SP_NEWREF_OF(op) sp_newref(SP_OBJ(op))

// ---------------------------------------------------------------------------
// Type tests.

static inline int sp_type_has_flag(const SpTypeObject *t, unsigned long f) {
    return (t->tp_flags & f) != 0;
}
#define SP_IS_TYPE(o, t) (SP_TYPE(o) == (t))
// sp_type_is_subtype(a, b): 1 if a is b or derives from it (walks tp_mro).
SP_FUNC int sp_type_is_subtype(SpTypeObject *a, SpTypeObject *b);
#define SP_OBJECT_TYPE_CHECK(o, t) (SP_TYPE(o) == (t) || sp_type_is_subtype(SP_TYPE(o), (t)))

#endif  // SP_CORE_OBJECT_H
