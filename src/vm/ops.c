// smallpy: out-of-line bodies of the eval loop's instructions: name and
// attribute slow paths, raising, unpacking, building containers, calls with
// * and **, with-statements, yield from. Counterpart: the helper functions
// at the end of CPython 3.11 Python/ceval.c.
#define SP_VM_INTERNAL 1
#include "vm/ops.h"

#include "core/abstract.h"
#include "modules/sys.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/vm.h"

// ---------------------------------------------------------------------------
// Unbound names.

// The name of localsplus slot `slot`, borrowed from the code object.
static SpObject *slot_name(SpCodeObject *co, int slot) {
    return SP_TUPLE_GET_ITEM(co->co_localsplusnames, slot);
}

// 3.11's wording; UnboundLocalError is a NameError but gets no .name (as
// CPython, which sets it for NameError proper only).
void sp_op_unbound_local(SpCodeObject *co, int slot) {
    sp_err_format(&SpExc_UnboundLocalError,
                  "cannot access local variable '%U' where it is not associated with a value",
                  slot_name(co, slot));
}

// NameError with its .name attribute set, so the traceback printer can make
// suggestions (CPython does this for NameError proper only).
static void set_name_attr(SpObject *name) {
    SpObject *exc = sp_err_occurred();
    if (exc != NULL && SP_TYPE(exc) == &SpExc_NameError) {
        SpNameErrorObject *ne = (SpNameErrorObject *)exc;
        SP_INCREF(name);
        SP_SETREF(ne->name, name);
    }
}

// An empty cell: a free variable (bound in an enclosing function that has
// not assigned it yet) is a NameError, an own cell an UnboundLocalError.
void sp_op_unbound_deref(SpCodeObject *co, int slot) {
    if (co->co_localspluskinds[slot] & SP_FAST_FREE) {
        sp_err_format(&SpExc_NameError,
                      "cannot access free variable '%U' where it is not associated with a value"
                      " in enclosing scope",
                      slot_name(co, slot));
        set_name_attr(slot_name(co, slot));
    } else {
        sp_op_unbound_local(co, slot);
    }
}

void sp_op_name_error(SpObject *name) {
    sp_err_format(&SpExc_NameError, "name '%U' is not defined", name);
    set_name_attr(name);
}

// ---------------------------------------------------------------------------
// Binary operators.

typedef SpObject *(*BinFunc)(SpObject *, SpObject *);

// BINARY_OP's argument indexes this table (CPython's NB_* numbering);
// the in-place forms try __iadd__ and friends before the binary ones. POWER
// is ternary and handled apart.
static const BinFunc binary_funcs[SP_NB_COUNT_] = {
    [SP_NB_ADD] = sp_number_add,
    [SP_NB_AND] = sp_number_and,
    [SP_NB_FLOOR_DIVIDE] = sp_number_floor_divide,
    [SP_NB_LSHIFT] = sp_number_lshift,
    [SP_NB_MATRIX_MULTIPLY] = sp_number_matrix_multiply,
    [SP_NB_MULTIPLY] = sp_number_multiply,
    [SP_NB_REMAINDER] = sp_number_remainder,
    [SP_NB_OR] = sp_number_or,
    [SP_NB_RSHIFT] = sp_number_rshift,
    [SP_NB_SUBTRACT] = sp_number_subtract,
    [SP_NB_TRUE_DIVIDE] = sp_number_true_divide,
    [SP_NB_XOR] = sp_number_xor,
    [SP_NB_INPLACE_ADD] = sp_number_inplace_add,
    [SP_NB_INPLACE_AND] = sp_number_inplace_and,
    [SP_NB_INPLACE_FLOOR_DIVIDE] = sp_number_inplace_floor_divide,
    [SP_NB_INPLACE_LSHIFT] = sp_number_inplace_lshift,
    [SP_NB_INPLACE_MATRIX_MULTIPLY] = sp_number_inplace_matrix_multiply,
    [SP_NB_INPLACE_MULTIPLY] = sp_number_inplace_multiply,
    [SP_NB_INPLACE_REMAINDER] = sp_number_inplace_remainder,
    [SP_NB_INPLACE_OR] = sp_number_inplace_or,
    [SP_NB_INPLACE_RSHIFT] = sp_number_inplace_rshift,
    [SP_NB_INPLACE_SUBTRACT] = sp_number_inplace_subtract,
    [SP_NB_INPLACE_TRUE_DIVIDE] = sp_number_inplace_true_divide,
    [SP_NB_INPLACE_XOR] = sp_number_inplace_xor,
};

SpObject *sp_op_binary(int op, SpObject *a, SpObject *b) {
    if (op == SP_NB_POWER) {
        return sp_number_power(a, b, sp_None);
    }
    if (op == SP_NB_INPLACE_POWER) {
        return sp_number_inplace_power(a, b, sp_None);
    }
    if (op < 0 || op >= SP_NB_COUNT_ || binary_funcs[op] == NULL) {
        sp_err_format(&SpExc_SystemError, "bad BINARY_OP argument %d", op);
        return NULL;
    }
    return binary_funcs[op](a, b);
}

// ---------------------------------------------------------------------------
// Names.

// Only exact dicts are cached: a dict subclass may override lookups, and
// its version tag would not tell us.
SpObject *sp_op_load_global(SpFrame *f, SpCacheEntry *e) {
    SpObject *g = f->globals, *b = f->builtins;
    SpObject *v = sp_dict_getitem_known_hash_borrow(g, e->name, e->hash);
    if (v == NULL) {
        if (sp_err_occurred()) {
            return NULL;
        }
        v = sp_dict_getitem_known_hash_borrow(b, e->name, e->hash);
        if (v == NULL) {
            if (!sp_err_occurred()) {
                sp_op_name_error(e->name);
            }
            return NULL;
        }
    }
    if (SP_DICT_CHECK_EXACT(g) && SP_DICT_CHECK_EXACT(b)) {
        e->u.g.globals = g;
        e->u.g.gver = ((SpDictObject *)g)->ma_version_tag;
        e->u.g.bver = ((SpDictObject *)b)->ma_version_tag;
        e->u.g.value = v;
    }
    return v;
}

// Look name up in a mapping: new reference, or NULL with no exception when
// absent (KeyError swallowed), or NULL with one.
static SpObject *mapping_lookup(SpObject *m, SpObject *name) {
    if (SP_DICT_CHECK_EXACT(m)) {
        SpObject *v = sp_dict_getitem_borrow(m, name);
        if (v != NULL) {
            SP_INCREF(v);
        }
        return v;
    }
    SpObject *v = sp_object_getitem(m, name);
    if (v == NULL && sp_err_matches_type(&SpExc_KeyError)) {
        sp_err_clear();
    }
    return v;
}

// Module bodies, class bodies and exec'd code: the locals mapping may be
// any mapping (a class's __prepare__ result), globals and builtins are
// dicts.
SpObject *sp_op_load_name(SpFrame *f, SpObject *name) {
    if (f->locals == NULL) {
        return sp_err_format(&SpExc_SystemError, "no locals when loading %R", name);
    }
    SpObject *v = mapping_lookup(f->locals, name);
    if (v != NULL || sp_err_occurred()) {
        return v;
    }
    v = sp_dict_getitem_borrow(f->globals, name);
    if (v == NULL && !sp_err_occurred()) {
        v = sp_dict_getitem_borrow(f->builtins, name);
    }
    if (v == NULL) {
        if (!sp_err_occurred()) {
            sp_op_name_error(name);
        }
        return NULL;
    }
    return sp_newref(v);
}

// A class body reading a variable of its enclosing function: a name the
// class body itself assigned wins over the cell.
SpObject *sp_op_load_classderef(SpFrame *f, int slot) {
    SpObject *name = slot_name(f->code, slot);
    if (f->locals != NULL) {
        SpObject *v = mapping_lookup(f->locals, name);
        if (v != NULL || sp_err_occurred()) {
            return v;
        }
    }
    SpObject *cell = f->localsplus[slot];
    SpObject *v = cell ? ((SpCellObject *)cell)->ob_ref : NULL;
    if (v == NULL) {
        sp_op_unbound_deref(f->code, slot);
        return NULL;
    }
    return sp_newref(v);
}

// The dict fast path matters for module-level code, where every global
// assignment is a STORE_NAME.
int sp_op_store_name(SpFrame *f, SpObject *name, SpObject *v) {
    if (f->locals == NULL) {
        sp_err_format(&SpExc_SystemError, "no locals found when storing %R", name);
        return -1;
    }
    if (SP_DICT_CHECK_EXACT(f->locals)) {
        return sp_dict_setitem(f->locals, name, v);
    }
    return sp_object_setitem(f->locals, name, v);
}

// As CPython, any failure of the deletion reads as a NameError.
int sp_op_delete_name(SpFrame *f, SpObject *name) {
    if (f->locals == NULL) {
        sp_err_format(&SpExc_SystemError, "no locals when deleting %R", name);
        return -1;
    }
    if (sp_object_delitem(f->locals, name) < 0) {
        sp_err_clear();
        sp_op_name_error(name);
        return -1;
    }
    return 0;
}

// Only a missing key becomes NameError; other errors pass through.
int sp_op_delete_global(SpFrame *f, SpObject *name) {
    if (sp_dict_delitem(f->globals, name) < 0) {
        if (sp_err_matches_type(&SpExc_KeyError)) {
            sp_err_clear();
            sp_op_name_error(name);
        }
        return -1;
    }
    return 0;
}

// A module or class with annotated assignments starts with an empty
// __annotations__ dict unless the namespace already has one.
int sp_op_setup_annotations(SpFrame *f) {
    if (f->locals == NULL) {
        sp_err_set_string(&SpExc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    SpObject *v = mapping_lookup(f->locals, sp_id(__annotations__));
    if (v != NULL) {
        SP_DECREF(v);
        return 0;
    }
    if (sp_err_occurred()) {
        return -1;
    }
    SpObject *d = sp_dict_new();
    if (d == NULL) {
        return -1;
    }
    int r = sp_object_setitem(f->locals, sp_id(__annotations__), d);
    SP_DECREF(d);
    return r;
}

// ---------------------------------------------------------------------------
// Attribute caches.

SpAttrCache *sp_op_fill_attr_cache(SpCacheEntry *e, SpTypeObject *tp, int for_store) {
    int kind = SP_ATTR_NONE;
    SpObject *descr = NULL;
    int generic = for_store ? tp->tp_setattro == sp_object_generic_setattr
                            : tp->tp_getattro == sp_object_generic_getattr;
    if (generic && tp->tp_dictoffset >= 0) {
        // The lookup also gives the type its version tag if it had none.
        descr = sp_type_lookup_borrow(tp, e->name);
        if (descr == NULL) {
            if (sp_err_occurred()) {
                sp_err_clear();
            } else if (tp->tp_dictoffset != 0) {
                kind = SP_ATTR_INSTANCE;
            }
        } else {
            SpTypeObject *dt = SP_TYPE(descr);
            if (dt->tp_descr_set != NULL) {
                kind = for_store ? SP_ATTR_NONE : SP_ATTR_DATA_DESCR;
            } else if (dt->tp_descr_get == NULL) {
                kind = SP_ATTR_CLASS_PLAIN;
            } else if (dt == &SpFunction_Type ||
                       sp_type_has_flag(dt, SP_TPFLAGS_METHOD_DESCRIPTOR)) {
                kind = SP_ATTR_METHOD;  // callable unbound with self first
            }
            // classmethod, staticmethod, other non-data descriptors: NONE.
        }
        if (for_store && tp->tp_dictoffset == 0) {
            kind = SP_ATTR_NONE;  // nowhere to store
        }
    }
    if (tp->tp_version_tag == 0) {
        return NULL;
    }
    e->u.a[1] = e->u.a[0];
    SpAttrCache *ac = &e->u.a[0];
    ac->type = tp;
    ac->version = tp->tp_version_tag;
    ac->kind = kind;
    ac->descr = descr;
    return ac;
}

SpObject *sp_op_attr_from_cache(SpAttrCache *ac, SpCacheEntry *e, SpObject *owner,
                                int want_method, int *is_method) {
    SpTypeObject *tp = SP_TYPE(owner);
    SpObject *descr = ac->descr;
    if (ac->kind == SP_ATTR_NONE) {
        return NULL;
    }
    if (ac->kind == SP_ATTR_DATA_DESCR) {
        return SP_TYPE(descr)->tp_descr_get(descr, owner, (SpObject *)tp);
    }
    if (tp->tp_dictoffset > 0) {
        SpObject *dict = *(SpObject **)((char *)owner + tp->tp_dictoffset);
        if (dict != NULL) {
            SpObject *v = sp_dict_getitem_known_hash_borrow(dict, e->name, e->hash);
            if (v != NULL) {
                return sp_newref(v);
            }
            if (sp_err_occurred()) {
                return NULL;
            }
        }
    }
    switch (ac->kind) {
    case SP_ATTR_CLASS_PLAIN:
        return sp_newref(descr);
    case SP_ATTR_METHOD:
        if (want_method) {
            *is_method = 1;
            return sp_newref(descr);
        }
        return SP_TYPE(descr)->tp_descr_get(descr, owner, (SpObject *)tp);
    default:
        return NULL;  // SP_ATTR_INSTANCE miss: the generic path raises
    }
}

// ---------------------------------------------------------------------------
// Raising.

int sp_op_do_raise(SpObject *exc, SpObject *cause) {
    SpObject *value = NULL;
    if (exc == NULL) {
        SpObject *cur = sp_tstate.exc_info;
        if (cur == NULL || cur == sp_None) {
            sp_err_set_string(&SpExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        sp_err_restore(sp_newref(cur));
        return 1;
    }
    if (SP_TYPE_CHECK(exc) && SP_EXC_TYPE_CHECK((SpTypeObject *)exc)) {
        value = sp_call_noargs(exc);
        if (value == NULL) {
            goto fail;
        }
        if (!SP_EXC_CHECK(value)) {
            sp_err_format(&SpExc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %R",
                          exc, (SpObject *)SP_TYPE(value));
            goto fail;
        }
    } else if (SP_EXC_CHECK(exc)) {
        value = sp_newref(exc);
    } else {
        sp_err_set_string(&SpExc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause != NULL) {
        SpObject *fixed;
        if (SP_TYPE_CHECK(cause) && SP_EXC_TYPE_CHECK((SpTypeObject *)cause)) {
            fixed = sp_call_noargs(cause);
            if (fixed == NULL) {
                goto fail;
            }
        } else if (SP_EXC_CHECK(cause)) {
            fixed = sp_newref(cause);
        } else if (cause == sp_None) {
            fixed = NULL;
        } else {
            sp_err_set_string(&SpExc_TypeError,
                              "exception causes must derive from BaseException");
            goto fail;
        }
        sp_exc_set_cause(value, fixed);
    }
    SP_DECREF(exc);
    SP_XDECREF(cause);
    sp_err_restore(value);
    return 0;
fail:
    SP_XDECREF(value);
    SP_DECREF(exc);
    SP_XDECREF(cause);
    return 0;
}

// Validate an except clause's type before matching: a non-exception class
// is a TypeError even when the exception would not match anyway.
int sp_op_check_except_type(SpObject *type) {
    if (SP_TUPLE_CHECK(type)) {
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(type); i++) {
            SpObject *t = SP_TUPLE_GET_ITEM(type, i);
            if (!SP_TYPE_CHECK(t) || !SP_EXC_TYPE_CHECK((SpTypeObject *)t)) {
                goto bad;
            }
        }
        return 0;
    }
    if (SP_TYPE_CHECK(type) && SP_EXC_TYPE_CHECK((SpTypeObject *)type)) {
        return 0;
    }
bad:
    sp_err_set_string(&SpExc_TypeError,
                      "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

// ---------------------------------------------------------------------------
// Unpacking.

// CPython's PySequence_Check: has __getitem__ as a sequence, and is not a
// dict. Used to decide which TypeError message an unpacking failure gets.
static int is_sequence(SpObject *o) {
    if (SP_DICT_CHECK(o)) {
        return 0;
    }
    SpSequenceMethods *sq = SP_TYPE(o)->tp_as_sequence;
    return sq != NULL && sq->sq_item != NULL;
}

int sp_op_unpack(SpObject *v, int argcnt, int argcntafter, SpObject **sp) {
    int i = 0;
    SpObject *it = sp_object_get_iter(v);
    if (it == NULL) {
        if (sp_err_matches_type(&SpExc_TypeError) && SP_TYPE(v)->tp_iter == NULL &&
            !is_sequence(v)) {
            sp_err_clear();
            sp_err_format(&SpExc_TypeError, "cannot unpack non-iterable %s object",
                          sp_object_type_name(v));
        }
        return -1;
    }
    for (; i < argcnt; i++) {
        SpObject *w = sp_iter_next(it);
        if (w == NULL) {
            if (!sp_err_occurred()) {
                if (argcntafter == -1) {
                    sp_err_format(&SpExc_ValueError,
                                  "not enough values to unpack (expected %d, got %d)", argcnt, i);
                } else {
                    sp_err_format(&SpExc_ValueError,
                                  "not enough values to unpack (expected at least %d, got %d)",
                                  argcnt + argcntafter, i);
                }
            }
            goto fail;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        SpObject *w = sp_iter_next(it);
        if (w == NULL) {
            if (sp_err_occurred()) {
                goto fail;
            }
            SP_DECREF(it);
            return 0;
        }
        SP_DECREF(w);
        sp_err_format(&SpExc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto fail;
    }
    SpObject *l = sp_sequence_list(it);
    if (l == NULL) {
        goto fail;
    }
    *--sp = l;
    i++;
    ssize_t ll = SP_LIST_SIZE(l);
    if (ll < argcntafter) {
        sp_err_format(&SpExc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      argcnt + argcntafter, argcnt + ll);
        goto fail;
    }
    // The "after" items move out of the list's tail; the list shrinks.
    for (int j = argcntafter; j > 0; j--, i++) {
        *--sp = SP_LIST_GET_ITEM(l, ll - j);
    }
    SP_SET_SIZE(l, ll - argcntafter);
    SP_DECREF(it);
    return 0;
fail:
    for (; i > 0; i--, sp++) {
        SP_DECREF(*sp);
    }
    SP_DECREF(it);
    return -1;
}

// ---------------------------------------------------------------------------
// Building objects.

SpObject *sp_op_make_function(SpObject *code, SpObject *globals, int flags, SpObject **items) {
    SpObject *fn = NULL;
    int n = ((flags & 1) != 0) + ((flags & 2) != 0) + ((flags & 4) != 0) + ((flags & 8) != 0);
    if (!SP_CODE_CHECK(code)) {
        sp_err_set_string(&SpExc_SystemError, "MAKE_FUNCTION without a code object");
        goto fail;
    }
    fn = sp_function_new(code, globals, NULL);
    if (fn == NULL) {
        goto fail;
    }
    SpFunctionObject *f = (SpFunctionObject *)fn;
    int i = 0;
    // Pushed in flag order: defaults, kwdefaults, annotations, closure.
    if (flags & 1) {
        SP_SETREF(f->func_defaults, items[i++]);
    }
    if (flags & 2) {
        SP_SETREF(f->func_kwdefaults, items[i++]);
    }
    if (flags & 4) {
        SP_SETREF(f->func_annotations, items[i++]);
    }
    if (flags & 8) {
        SP_SETREF(f->func_closure, items[i++]);
    }
    SP_DECREF(code);
    return fn;
fail:
    for (int k = 0; k < n; k++) {
        SP_DECREF(items[k]);
    }
    SP_DECREF(code);
    return NULL;
}

// f-string field: the conversion first, then format() unless the value is
// already an exact str and there is no spec (the common "{x}" of a str).
SpObject *sp_op_format_value(SpObject *v, SpObject *spec, int conversion) {
    SpObject *conv;
    switch (conversion) {
    case 1:
        conv = sp_object_str(v);
        break;
    case 2:
        conv = sp_object_repr(v);
        break;
    case 3:
        conv = sp_object_ascii(v);
        break;
    default:
        conv = sp_newref(v);
        break;
    }
    if (conv == NULL) {
        return NULL;
    }
    if (SP_STR_CHECK_EXACT(conv) && (spec == NULL || SP_STR_LENGTH(spec) == 0)) {
        return conv;
    }
    SpObject *r = sp_object_format(conv, spec);
    SP_DECREF(conv);
    return r;
}

// The parts of an f-string are all str (FORMAT_VALUE made them so).
SpObject *sp_op_build_string(SpObject **items, ssize_t n) {
    SpStrWriter w;
    sp_str_writer_init(&w);
    for (ssize_t i = 0; i < n; i++) {
        if (sp_str_writer_write_str(&w, items[i]) < 0) {
            sp_str_writer_discard(&w);
            return NULL;
        }
    }
    return sp_str_writer_finish(&w);
}

SpObject *sp_op_build_map(SpObject **items, ssize_t n) {
    SpObject *d = sp_dict_new();
    if (d == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (sp_dict_setitem(d, items[2 * i], items[2 * i + 1]) < 0) {
            SP_DECREF(d);
            return NULL;
        }
    }
    return d;
}

// {'a': x, 'b': y} with constant keys: the compiler pushes the values and
// a tuple of the keys.
SpObject *sp_op_build_const_key_map(SpObject **values, ssize_t n, SpObject *keys) {
    if (!SP_TUPLE_CHECK_EXACT(keys) || SP_TUPLE_SIZE(keys) != n) {
        sp_err_set_string(&SpExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
        return NULL;
    }
    SpObject *d = sp_dict_new();
    if (d == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (sp_dict_setitem(d, SP_TUPLE_GET_ITEM(keys, i), values[i]) < 0) {
            SP_DECREF(d);
            return NULL;
        }
    }
    return d;
}

SpObject *sp_op_build_set(SpObject **items, ssize_t n) {
    SpObject *s = sp_set_new(NULL);
    if (s == NULL) {
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (sp_set_add(s, items[i]) < 0) {
            SP_DECREF(s);
            return NULL;
        }
    }
    return s;
}

// [*a]: a TypeError from a non-iterable gets 3.11's message; a TypeError
// raised while iterating passes unchanged.
int sp_op_list_extend(SpObject *list, SpObject *iterable) {
    if (sp_list_extend(list, iterable) == 0) {
        return 0;
    }
    if (sp_err_matches_type(&SpExc_TypeError) && SP_TYPE(iterable)->tp_iter == NULL &&
        !is_sequence(iterable)) {
        sp_err_clear();
        sp_err_format(&SpExc_TypeError, "Value after * must be an iterable, not %s",
                      sp_object_type_name(iterable));
    }
    return -1;
}

// Does o look like a mapping for ** (a dict, or anything with keys())?
// What ** accepts: dicts, and any object with a keys() method (then
// indexed by its keys).
static int has_keys(SpObject *o) {
    if (SP_DICT_CHECK(o)) {
        return 1;
    }
    SpObject *k = sp_object_lookup_attr(o, sp_id(keys));
    if (k == NULL) {
        return sp_err_occurred() ? -1 : 0;
    }
    SP_DECREF(k);
    return 1;
}

// {**a}: a non-mapping is "'int' object is not a mapping".
int sp_op_dict_update(SpObject *dict, SpObject *update) {
    int ok = has_keys(update);
    if (ok < 0) {
        return -1;
    }
    if (!ok) {
        sp_err_format(&SpExc_TypeError, "'%s' object is not a mapping",
                      sp_object_type_name(update));
        return -1;
    }
    return sp_dict_update(dict, update);
}

// f(**a): like DICT_UPDATE, but a key given twice is an error that names
// the function being called (func is below the arguments on the stack).
int sp_op_dict_merge(SpObject *dict, SpObject *update, SpObject *func) {
    int ok = has_keys(update);
    if (ok < 0) {
        return -1;
    }
    if (!ok) {
        SpObject *fs = sp_function_str(func);
        if (fs != NULL) {
            sp_err_format(&SpExc_TypeError, "%U argument after ** must be a mapping, not %s", fs,
                          sp_object_type_name(update));
            SP_DECREF(fs);
        }
        return -1;
    }
    if (sp_dict_merge(dict, update, 2) == 0) {
        return 0;
    }
    if (sp_err_matches_type(&SpExc_KeyError) || sp_err_matches_type(&SpExc_TypeError)) {
        // Find the duplicate ourselves: the error's shape is dict.c's business.
        SpObject *keys = sp_object_lookup_attr(update, sp_id(keys));
        SpObject *saved = sp_err_fetch();
        SpObject *list = keys ? sp_call_noargs(keys) : NULL;
        SP_XDECREF(keys);
        SpObject *seq = list ? sp_sequence_list(list) : NULL;
        SP_XDECREF(list);
        if (seq != NULL) {
            for (ssize_t i = 0; i < SP_LIST_SIZE(seq); i++) {
                SpObject *k = SP_LIST_GET_ITEM(seq, i);
                int c = sp_dict_contains(dict, k);
                if (c > 0) {
                    SpObject *fs = sp_function_str(func);
                    if (fs != NULL) {
                        SP_DECREF(saved);
                        sp_err_format(&SpExc_TypeError,
                                      "%U got multiple values for keyword argument '%S'", fs, k);
                        SP_DECREF(fs);
                        SP_DECREF(seq);
                        return -1;
                    }
                    break;
                }
            }
            SP_DECREF(seq);
        }
        sp_err_restore(saved);
    }
    return -1;
}

// f(*args, **kwargs): the compiler passes a lone starred argument as it
// is, so args may be any iterable; kwargs any mapping.
SpObject *sp_op_call_function_ex(SpObject *func, SpObject *args, SpObject *kwargs) {
    SpObject *callargs = NULL, *kw = NULL, *res = NULL;
    if (SP_TUPLE_CHECK_EXACT(args)) {
        callargs = sp_newref(args);
    } else {
        if (SP_TYPE(args)->tp_iter == NULL && !is_sequence(args)) {
            SpObject *fs = sp_function_str(func);
            if (fs != NULL) {
                sp_err_format(&SpExc_TypeError, "%U argument after * must be an iterable, not %s",
                              fs, sp_object_type_name(args));
                SP_DECREF(fs);
            }
            return NULL;
        }
        callargs = sp_sequence_tuple(args);
        if (callargs == NULL) {
            return NULL;
        }
    }
    if (kwargs != NULL) {
        if (SP_DICT_CHECK_EXACT(kwargs)) {
            kw = sp_newref(kwargs);
        } else {
            kw = sp_dict_new();
            if (kw == NULL || sp_op_dict_merge(kw, kwargs, func) < 0) {
                goto done;
            }
        }
        if (SP_DICT_SIZE(kw) == 0) {
            SP_CLEAR(kw);
        }
    }
    res = sp_call(func, callargs, kw);
done:
    SP_XDECREF(kw);
    SP_DECREF(callargs);
    return res;
}

// ---------------------------------------------------------------------------
// with, yield from.

// Special methods are looked up on the type, never the instance (as
// CPython's _PyObject_LookupSpecial), and bound to o.
SpObject *sp_op_lookup_special(SpObject *o, SpObject *name) {
    SpObject *descr = sp_type_lookup_borrow(SP_TYPE(o), name);
    if (descr == NULL) {
        return NULL;
    }
    SpDescrGetFunc get = SP_TYPE(descr)->tp_descr_get;
    if (get != NULL) {
        return get(descr, o, (SpObject *)SP_TYPE(o));
    }
    return sp_newref(descr);
}

// `with mgr:` looks up __enter__ first, then __exit__, each with its own
// 3.11 message, and calls __enter__ only when both exist.
SpObject *sp_op_before_with(SpObject *mgr, SpObject **exit) {
    SpObject *enter = sp_op_lookup_special(mgr, sp_id(__enter__));
    if (enter == NULL) {
        if (!sp_err_occurred()) {
            sp_err_format(&SpExc_TypeError,
                          "'%s' object does not support the context manager protocol",
                          sp_object_type_name(mgr));
        }
        return NULL;
    }
    SpObject *ex = sp_op_lookup_special(mgr, sp_id(__exit__));
    if (ex == NULL) {
        if (!sp_err_occurred()) {
            sp_err_format(&SpExc_TypeError,
                          "'%s' object does not support the context manager protocol "
                          "(missed __exit__ method)",
                          sp_object_type_name(mgr));
        }
        SP_DECREF(enter);
        return NULL;
    }
    SpObject *res = sp_call_noargs(enter);
    SP_DECREF(enter);
    if (res == NULL) {
        SP_DECREF(ex);
        return NULL;
    }
    *exit = ex;
    return res;
}

// The exception leaving a with-block: __exit__(type, value, traceback).
SpObject *sp_op_with_except_start(SpObject *exit, SpObject *exc) {
    SpObject *tb = sp_exc_get_traceback_borrow(exc);
    SpObject *args[3] = {(SpObject *)SP_TYPE(exc), exc, tb ? tb : sp_None};
    return sp_vectorcall(exit, args, 3, NULL);
}

// `yield from x`: generators are delegated to as they are (send/throw
// reach them), anything else through iter().
SpObject *sp_op_get_yield_from_iter(SpObject *o) {
    if (SP_TYPE(o) == &SpGenerator_Type) {
        return sp_newref(o);
    }
    return sp_object_get_iter(o);
}

// A StopIteration's .value (filled from args[0] if the constructor did
// not set it), consuming the exception.
SpObject *sp_stopiteration_take_value(void) {
    SpObject *exc = sp_err_fetch();
    SpObject *v = NULL;
    if (exc != NULL && sp_type_is_subtype(SP_TYPE(exc), &SpExc_StopIteration)) {
        v = ((SpStopIterationObject *)exc)->value;
        if (v == NULL) {
            SpObject *args = sp_exc_get_args_borrow(exc);
            if (args != NULL && SP_TUPLE_SIZE(args) > 0) {
                v = SP_TUPLE_GET_ITEM(args, 0);
            }
        }
    }
    v = sp_newref(v ? v : sp_None);
    SP_XDECREF(exc);
    return v;
}

// One step of `yield from`: generators are resumed directly (their return
// value comes back without a StopIteration); other iterators get
// __next__ for None and send(v) otherwise, and their StopIteration carries
// the result.
int sp_op_send(SpObject *it, SpObject *v, SpObject **out) {
    if (SP_TYPE(it) == &SpGenerator_Type) {
        return sp_gen_resume(it, v, 0, out);
    }
    SpObject *r;
    if (v == sp_None && SP_TYPE(it)->tp_iternext != NULL) {
        r = SP_TYPE(it)->tp_iternext(it);
    } else {
        r = sp_call_method(it, sp_id(send), &v, 1);
    }
    if (r != NULL) {
        *out = r;
        return 1;
    }
    if (sp_err_occurred() && !sp_err_matches_type(&SpExc_StopIteration)) {
        return -1;
    }
    *out = sp_err_occurred() ? sp_stopiteration_take_value() : sp_newref(sp_None);
    return 0;
}
