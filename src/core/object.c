// smallpy: the generic object protocol (repr, str, hash, comparison, truth,
// attribute access with descriptor precedence) and the `object` type every
// class derives from. Calls live in core/call.c, types in objects/type.c.
// Counterpart: CPython 3.11 Objects/object.c and the object parts of
// Objects/typeobject.c.
#define SP_TYPE_INTERNAL
#include "core/abstract.h"

#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/type_internal.h"

void sp_dealloc(SpObject *op) { SP_TYPE(op)->tp_dealloc(op); }

// Types that were not readied at start-up (private iterator types, types of
// modules) are readied on first use, so a forgotten sp_type_ready costs a
// little time instead of a crash. Returns 0 or -1.
static int ensure_ready(SpTypeObject *t) {
    if (SP_LIKELY(t->tp_flags & SP_TPFLAGS_READY)) {
        return 0;
    }
    return sp_type_ready(t);
}

// ===========================================================================
// repr, str, ascii, format

// "<__main__.C object at 0x7f...>": the qualified name, prefixed by the
// module unless it is builtins.
static SpObject *default_repr(SpObject *o) {
    SpTypeObject *t = SP_TYPE(o);
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)o);
    SpObject *mod = sp_type_module(t);
    if (mod == NULL) {
        sp_err_clear();
    }
    SpObject *qual = sp_type_qualname(t);
    if (qual == NULL) {
        SP_XDECREF(mod);
        return NULL;
    }
    SpObject *res;
    if (mod != NULL && SP_STR_CHECK(mod) && !sp_str_eq_cstr(mod, "builtins")) {
        res = sp_str_from_format("<%U.%U object at %s>", mod, qual, addr);
    } else {
        res = sp_str_from_format("<%s object at %s>", t->tp_name, addr);
    }
    SP_XDECREF(mod);
    SP_DECREF(qual);
    return res;
}

// repr(o): tp_repr, guarded against runaway recursion (a repr calling
// itself through containers), and checked to be a str.
SpObject *sp_object_repr(SpObject *o) {
    SpTypeObject *t = SP_TYPE(o);
    if (t->tp_repr == NULL) {
        if (ensure_ready(t) < 0) {
            return NULL;
        }
        if (t->tp_repr == NULL) {
            return default_repr(o);
        }
    }
    if (sp_enter_recursive_call(" while getting the repr of an object") < 0) {
        return NULL;
    }
    SpObject *res = t->tp_repr(o);
    sp_leave_recursive_call();
    if (res != NULL && !SP_STR_CHECK(res)) {
        sp_err_format(&SpExc_TypeError, "__repr__ returned non-string (type %.200s)",
                      SP_TYPE(res)->tp_name);
        SP_DECREF(res);
        return NULL;
    }
    return res;
}

// str(o): exact strs are returned as they are; types without tp_str use
// repr.
SpObject *sp_object_str(SpObject *o) {
    if (SP_STR_CHECK_EXACT(o)) {
        return sp_newref(o);
    }
    SpTypeObject *t = SP_TYPE(o);
    if (t->tp_str == NULL) {
        if (ensure_ready(t) < 0) {
            return NULL;
        }
        if (t->tp_str == NULL) {
            return sp_object_repr(o);
        }
    }
    if (sp_enter_recursive_call(" while getting the str of an object") < 0) {
        return NULL;
    }
    SpObject *res = t->tp_str(o);
    sp_leave_recursive_call();
    if (res != NULL && !SP_STR_CHECK(res)) {
        sp_err_format(&SpExc_TypeError, "__str__ returned non-string (type %.200s)",
                      SP_TYPE(res)->tp_name);
        SP_DECREF(res);
        return NULL;
    }
    return res;
}

// ascii(o): repr(o) with every non-ASCII character escaped as \xNN, \uNNNN
// or \UNNNNNNNN, as repr escapes non-printable characters.
SpObject *sp_object_ascii(SpObject *o) {
    SpObject *r = sp_object_repr(o);
    if (r == NULL || SP_STR_IS_ASCII(r)) {
        return r;
    }
    static const char hex[] = "0123456789abcdef";
    SpStrWriter w;
    sp_str_writer_init(&w);
    ssize_t n = SP_STR_LENGTH(r);
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = SP_STR_READ_CHAR(r, i);
        char buf[12];
        int len;
        if (c < 0x80) {
            buf[0] = (char)c;
            len = 1;
        } else {
            // 2, 4 or 8 hex digits after \x, \u or \U.
            int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
            buf[0] = '\\';
            buf[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
            for (int k = 0; k < digits; k++) {
                buf[2 + k] = hex[(c >> (4 * (digits - 1 - k))) & 0xf];
            }
            len = 2 + digits;
        }
        if (sp_str_writer_write_ascii(&w, buf, len) < 0) {
            sp_str_writer_discard(&w);
            SP_DECREF(r);
            return NULL;
        }
    }
    SP_DECREF(r);
    return sp_str_writer_finish(&w);
}

// format(o, spec) and f-string fields: type(o).__format__(o, spec).
SpObject *sp_object_format(SpObject *o, SpObject *spec) {
    SpObject *empty = sp_str_empty_borrow();
    if (spec == NULL) {
        spec = empty;
    }
    // Fast path: format(x) and f"{x}" of the commonest types is str(x).
    if (SP_STR_CHECK(spec) && SP_STR_LENGTH(spec) == 0) {
        if (SP_STR_CHECK_EXACT(o)) {
            return sp_newref(o);
        }
        if (SP_INT_CHECK_EXACT(o)) {
            return sp_object_str(o);
        }
    }
    int found;
    SpObject *res = sp_call_special(o, sp_id(__format__), &spec, 1, &found);
    if (res == NULL) {
        if (!found && !sp_err_occurred()) {
            sp_err_format(&SpExc_TypeError, "Type %.100s doesn't define __format__",
                          SP_TYPE(o)->tp_name);
        }
        return NULL;
    }
    if (!SP_STR_CHECK(res)) {
        sp_err_format(&SpExc_TypeError, "__format__ must return a str, not %.200s",
                      SP_TYPE(res)->tp_name);
        SP_DECREF(res);
        return NULL;
    }
    return res;
}

// ===========================================================================
// Hashing

// tp_hash of unhashable types, and of classes with __hash__ = None.
SpHash sp_object_hash_not_implemented(SpObject *o) {
    sp_err_format(&SpExc_TypeError, "unhashable type: '%.200s'", SP_TYPE(o)->tp_name);
    return -1;
}

// hash(o).
SpHash sp_object_hash(SpObject *o) {
    SpTypeObject *t = SP_TYPE(o);
    if (SP_LIKELY(t->tp_hash != NULL)) {
        return t->tp_hash(o);
    }
    // tp_hash is inherited by sp_type_ready; a type nobody readied yet gets
    // readied here, once.
    if (!(t->tp_flags & SP_TPFLAGS_READY)) {
        if (sp_type_ready(t) < 0) {
            return -1;
        }
        if (t->tp_hash != NULL) {
            return t->tp_hash(o);
        }
    }
    return sp_object_hash_not_implemented(o);
}

// object.__hash__: the address rotated right by 4 bits, since the low bits
// of an aligned address are always zero (CPython's _Py_HashPointer).
SpHash sp_baseobject_hash(SpObject *o) {
    size_t y = (size_t)o;
    y = (y >> 4) | (y << (8 * sizeof(size_t) - 4));
    SpHash h = (SpHash)y;
    return h == -1 ? -2 : h;
}

// ===========================================================================
// Rich comparison

static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};
// The operator with its operands swapped: a < b is b > a.
static const int swapped_op[] = {SP_GT, SP_GE, SP_EQ, SP_NE, SP_LT, SP_LE};

// CPython's do_richcompare: the right operand's method first when its type
// is a proper subclass of the left's, then the left's, then the right's
// reflected one; == and != fall back to identity.
static SpObject *do_richcompare(SpObject *v, SpObject *w, int op) {
    SpTypeObject *tv = SP_TYPE(v), *tw = SP_TYPE(w);
    int checked_reverse = 0;
    SpObject *res;
    // Unlike binary operators, CPython 3.11 does not check that the subclass
    // overrides the method: any proper subclass with a tp_richcompare goes
    // first. Both calls may be the same C function (the generic slot); it
    // then looks up __lt__ / __gt__ on the respective operand itself.
    if (tv != tw && tw->tp_richcompare != NULL && sp_type_is_subtype(tw, tv)) {
        checked_reverse = 1;
        res = tw->tp_richcompare(w, v, swapped_op[op]);
        if (res != sp_NotImplemented) {
            return res;
        }
        SP_DECREF(res);
    }
    if (tv->tp_richcompare != NULL) {
        res = tv->tp_richcompare(v, w, op);
        if (res != sp_NotImplemented) {
            return res;
        }
        SP_DECREF(res);
    }
    if (!checked_reverse && tw->tp_richcompare != NULL) {
        res = tw->tp_richcompare(w, v, swapped_op[op]);
        if (res != sp_NotImplemented) {
            return res;
        }
        SP_DECREF(res);
    }
    switch (op) {
    // No method decided: == and != compare identity (object's default), the
    // orderings raise "'<' not supported between instances of ...".
    case SP_EQ:
        return sp_bool_from_long(v == w);
    case SP_NE:
        return sp_bool_from_long(v != w);
    default:
        return sp_err_format(&SpExc_TypeError,
                             "'%s' not supported between instances of '%.100s' and '%.100s'",
                             opstrings[op], tv->tp_name, tw->tp_name);
    }
}

// The comparison operators of the VM (COMPARE_OP) and of C code.
SpObject *sp_object_richcompare(SpObject *a, SpObject *b, int op) {
    SP_ASSERT(op >= SP_LT && op <= SP_GE, "bad comparison operator");
    // Deeply nested containers or __eq__ methods that compare back would
    // exhaust the C stack: RecursionError instead, as CPython.
    if (sp_enter_recursive_call(" in comparison") < 0) {
        return NULL;
    }
    SpObject *res = do_richcompare(a, b, op);
    sp_leave_recursive_call();
    return res;
}

// What containers use for membership and equality of items.
int sp_object_richcompare_bool(SpObject *a, SpObject *b, int op) {
    // Identity implies equality, so containers find NaN keys and objects
    // with odd __eq__ methods can be found by identity.
    if (a == b) {
        if (op == SP_EQ) {
            return 1;
        }
        if (op == SP_NE) {
            return 0;
        }
    }
    SpObject *res = sp_object_richcompare(a, b, op);
    if (res == NULL) {
        return -1;
    }
    int ok;
    // The two singletons decide without a call; other results (numpy-style
    // objects) go through their __bool__.
    if (res == sp_True) {
        ok = 1;
    } else if (res == sp_False) {
        ok = 0;
    } else {
        ok = sp_object_is_true(res);
    }
    SP_DECREF(res);
    return ok;
}

// object's tp_richcompare: == is identity; != inverts __eq__ unless that
// returned NotImplemented; ordering is NotImplemented.
SpObject *sp_baseobject_richcompare(SpObject *a, SpObject *b, int op) {
    switch (op) {
    case SP_EQ:
        // NotImplemented rather than False, so the other side gets a turn.
        if (a == b) {
            SP_RETURN_TRUE;
        }
        SP_RETURN_NOTIMPLEMENTED;
    case SP_NE: {
        SpRichCmpFunc eq = SP_TYPE(a)->tp_richcompare;
        if (eq == NULL) {
            SP_RETURN_NOTIMPLEMENTED;
        }
        SpObject *res = eq(a, b, SP_EQ);
        if (res != NULL && res != sp_NotImplemented) {
            int t = sp_object_is_true(res);
            SP_DECREF(res);
            if (t < 0) {
                return NULL;
            }
            return sp_bool_from_long(!t);
        }
        return res;
    }
    default:
        SP_RETURN_NOTIMPLEMENTED;
    }
}

// ===========================================================================
// Truth

// bool(o): nb_bool, else len() != 0 (mapping, then sequence), else True.
// The singletons are answered without a call.
int sp_object_is_true(SpObject *o) {
    if (o == sp_True) {
        return 1;
    }
    if (o == sp_False || o == sp_None) {
        return 0;
    }
    SpTypeObject *t = SP_TYPE(o);
    ssize_t res;
    if (t->tp_as_number != NULL && t->tp_as_number->nb_bool != NULL) {
        res = t->tp_as_number->nb_bool(o);
    } else if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_length != NULL) {
        res = t->tp_as_mapping->mp_length(o);
    } else if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_length != NULL) {
        res = t->tp_as_sequence->sq_length(o);
    } else {
        return 1;
    }
    return res > 0 ? 1 : (int)res;
}

// `not o`.
int sp_object_not(SpObject *o) {
    int t = sp_object_is_true(o);
    return t < 0 ? t : !t;
}

// ===========================================================================
// Attributes

const char *sp_object_type_name(SpObject *o) { return sp_type_name(SP_TYPE(o)); }

// The dict slot of variable-size objects (negative tp_dictoffset) sits after
// their items. Subclasses of variable-size built-ins reserve 16 extra bytes
// (sp_type_new_class), and the slot is the last aligned word inside them:
// floor8(basicsize + items) - 8, which never overlaps the items (the bytes
// of str, of a NUL-terminated bytes, or of int digits) and never passes the
// end of the allocation (natural size + 16).
SpObject **sp_object_dict_ptr(SpObject *o) {
    SpTypeObject *t = SP_TYPE(o);
    ssize_t off = t->tp_dictoffset;
    if (off == 0) {
        return NULL;
    }
    if (off < 0) {
        size_t items;
        if (sp_type_has_flag(t, SP_TPFLAGS_UNICODE_SUBCLASS)) {
            // str keeps its characters at a fixed offset (str.h), its length
            // is in code points, and the width depends on the kind.
            char *end = (char *)SP_STR_DATA(o) + (SP_STR_LENGTH(o) + 1) * SP_STR_KIND(o);
            items = (size_t)(end - (char *)o) - (size_t)SpStr_Type.tp_basicsize;
        } else {
            ssize_t n = SP_SIZE(o);
            items = (size_t)(n < 0 ? -n : n) * (size_t)t->tp_itemsize;
        }
        size_t size = ((size_t)t->tp_basicsize + items) & ~(size_t)7;
        off += (ssize_t)size;
    }
    return (SpObject **)((char *)o + off);
}

// Attach the object and name to an AttributeError being raised, so the
// traceback printer can offer "Did you mean" suggestions (3.11 does this in
// PyObject_GetAttr).
static void set_attribute_error_context(SpObject *o, SpObject *name) {
    SpObject *exc = sp_err_occurred();
    if (exc == NULL || !sp_type_is_subtype(SP_TYPE(exc), &SpExc_AttributeError)) {
        return;
    }
    SpAttributeErrorObject *ae = (SpAttributeErrorObject *)exc;
    if (ae->name == NULL && ae->obj == NULL) {
        ae->name = sp_newref(name);
        ae->obj = sp_newref(o);
    }
}

// AttributeError "'C' object has no attribute 'x'" (3.11 wording).
static SpObject *no_attribute(SpObject *o, SpObject *name) {
    return sp_err_format(&SpExc_AttributeError, "'%.50s' object has no attribute '%U'",
                         SP_TYPE(o)->tp_name, name);
}

// object.__getattribute__ with CPython's precedence: a data descriptor on the
// type, then the instance dict, then a non-data descriptor or plain class
// attribute. With `suppress`, a missing attribute returns NULL without an
// exception (hasattr, getattr with a default, LOAD_METHOD fallbacks).
static SpObject *generic_getattr(SpObject *o, SpObject *name, int suppress) {
    SpTypeObject *t = SP_TYPE(o);
    if (!SP_STR_CHECK(name)) {
        return sp_err_format(&SpExc_TypeError, "attribute name must be string, not '%.200s'",
                             SP_TYPE(name)->tp_name);
    }
    if (ensure_ready(t) < 0) {
        return NULL;
    }
    SpObject *res = NULL;
    SpObject *descr = sp_type_lookup_borrow(t, name);
    SpDescrGetFunc f = NULL;
    if (descr != NULL) {
        // A data descriptor (property, member, __slots__ entry) beats the
        // instance dict; this check must come first or c.__dict__['p'] = 1 would
        // shadow a property.
        SP_INCREF(descr);  // the dict holding it may change under us
        f = SP_TYPE(descr)->tp_descr_get;
        if (f != NULL && sp_descr_is_data(descr)) {
            res = f(descr, o, (SpObject *)t);
            goto done;
        }
    }
    SpObject **dictptr = sp_object_dict_ptr(o);
    if (dictptr != NULL && *dictptr != NULL) {
        // Held across the lookup: a key's __eq__ may replace obj.__dict__.
        SpObject *dict = sp_newref(*dictptr);
        res = sp_dict_getitem_borrow(dict, name);
        if (res != NULL) {
            SP_INCREF(res);
            SP_DECREF(dict);
            goto done;
        }
        SP_DECREF(dict);
        if (sp_err_occurred()) {
            goto done;
        }
    }
    // Non-data descriptors (functions: methods) lose to the instance dict,
    // which is why an instance attribute can shadow a method.
    if (f != NULL) {
        res = f(descr, o, (SpObject *)t);
        goto done;
    }
    if (descr != NULL) {
        res = descr;
        descr = NULL;
        goto done;
    }
    if (!suppress) {
        no_attribute(o, name);
    }
done:
    SP_XDECREF(descr);
    return res;
}

// object.__getattribute__, the tp_getattro of most types and classes.
SpObject *sp_object_generic_getattr(SpObject *o, SpObject *name) {
    return generic_getattr(o, name, 0);
}

// object.__setattr__ / __delattr__ (v NULL): a data descriptor on the
// type wins; otherwise the instance __dict__ (made on first use). Objects
// without a dict only accept attributes their type defines as settable.
int sp_object_generic_setattr(SpObject *o, SpObject *name, SpObject *v) {
    SpTypeObject *t = SP_TYPE(o);
    if (!SP_STR_CHECK(name)) {
        sp_err_format(&SpExc_TypeError, "attribute name must be string, not '%.200s'",
                      SP_TYPE(name)->tp_name);
        return -1;
    }
    if (ensure_ready(t) < 0) {
        return -1;
    }
    int res = -1;
    SpObject *descr = sp_type_lookup_borrow(t, name);
    if (descr != NULL) {
        SP_INCREF(descr);
        SpDescrSetFunc f = SP_TYPE(descr)->tp_descr_set;
        if (f != NULL) {
            res = f(descr, o, v);
            goto done;
        }
    }
    SpObject **dictptr = sp_object_dict_ptr(o);
    if (dictptr == NULL) {
        if (descr == NULL) {
            sp_err_format(&SpExc_AttributeError, "'%.100s' object has no attribute '%U'",
                          t->tp_name, name);
        } else {
            sp_err_format(&SpExc_AttributeError, "'%.50s' object attribute '%U' is read-only",
                          t->tp_name, name);
        }
        goto done;
    }
    if (*dictptr == NULL) {
        if (v == NULL) {
            sp_err_format(&SpExc_AttributeError, "'%.100s' object has no attribute '%U'",
                          t->tp_name, name);
            goto done;
        }
        *dictptr = sp_dict_new();
        if (*dictptr == NULL) {
            goto done;
        }
    }
    SpObject *dict = sp_newref(*dictptr);
    if (v != NULL) {
        res = sp_dict_setitem(dict, name, v);
    } else {
        res = sp_dict_delitem(dict, name);
        if (res < 0 && sp_err_matches_type(&SpExc_KeyError)) {
            sp_err_clear();
            sp_err_format(&SpExc_AttributeError, "'%.100s' object has no attribute '%U'",
                          t->tp_name, name);
        }
    }
    SP_DECREF(dict);
done:
    SP_XDECREF(descr);
    return res;
}

// getattr(o, name) through the type's tp_getattro (LOAD_ATTR's slow path).
SpObject *sp_object_getattr(SpObject *o, SpObject *name) {
    SpTypeObject *t = SP_TYPE(o);
    if (!SP_STR_CHECK(name)) {
        return sp_err_format(&SpExc_TypeError, "attribute name must be string, not '%.200s'",
                             SP_TYPE(name)->tp_name);
    }
    if (t->tp_getattro == NULL) {
        if (ensure_ready(t) < 0) {
            return NULL;
        }
        if (t->tp_getattro == NULL) {
            no_attribute(o, name);
            set_attribute_error_context(o, name);
            return NULL;
        }
    }
    SpObject *res = t->tp_getattro(o, name);
    if (res == NULL) {
        set_attribute_error_context(o, name);
    }
    return res;
}

// getattr with a C string name (interned, so repeated calls are cheap).
SpObject *sp_object_getattr_str(SpObject *o, const char *name) {
    SpObject *s = sp_str_intern_cstr(name);
    if (s == NULL) {
        return NULL;
    }
    SpObject *res = sp_object_getattr(o, s);
    SP_DECREF(s);
    return res;
}

// getattr that reports a missing attribute by NULL without an exception:
// hasattr() and getattr(o, n, default) must not pay for building and
// discarding an AttributeError.
SpObject *sp_object_lookup_attr(SpObject *o, SpObject *name) {
    SpTypeObject *t = SP_TYPE(o);
    SpObject *res;
    if (t->tp_getattro == sp_object_generic_getattr) {
        // No AttributeError is built for a plain miss; one raised by a
        // descriptor (a property's getter) is dropped below.
        res = generic_getattr(o, name, 1);
    } else {
        res = sp_object_getattr(o, name);
    }
    if (res == NULL && sp_err_matches_type(&SpExc_AttributeError)) {
        sp_err_clear();
    }
    return res;
}

// setattr(o, name, v) / delattr(o, name) (v NULL) through tp_setattro.
int sp_object_setattr(SpObject *o, SpObject *name, SpObject *v) {
    SpTypeObject *t = SP_TYPE(o);
    if (!SP_STR_CHECK(name)) {
        sp_err_format(&SpExc_TypeError, "attribute name must be string, not '%.200s'",
                      SP_TYPE(name)->tp_name);
        return -1;
    }
    if (ensure_ready(t) < 0) {
        return -1;
    }
    if (t->tp_setattro == NULL) {
        if (t->tp_getattro == NULL) {
            sp_err_format(&SpExc_TypeError, "'%.100s' object has no attributes (%s .%U)",
                          t->tp_name, v == NULL ? "del" : "assign to", name);
        } else {
            sp_err_format(&SpExc_TypeError,
                          "'%.100s' object has only read-only attributes (%s .%U)", t->tp_name,
                          v == NULL ? "del" : "assign to", name);
        }
        return -1;
    }
    // Names stored in dicts are interned so later lookups hit by identity.
    SP_INCREF(name);
    if (SP_STR_CHECK_EXACT(name)) {
        sp_str_intern_in_place(&name);
    }
    int res = t->tp_setattro(o, name, v);
    SP_DECREF(name);
    return res;
}

// setattr with a C string name.
int sp_object_setattr_str(SpObject *o, const char *name, SpObject *v) {
    SpObject *s = sp_str_intern_cstr(name);
    if (s == NULL) {
        return -1;
    }
    int res = sp_object_setattr(o, s, v);
    SP_DECREF(s);
    return res;
}

// LOAD_METHOD's helper: when `name` resolves to a function or method
// descriptor on the type and the instance dict does not shadow it, hand back
// the unbound callable (no bound method object is created).
int sp_object_get_method(SpObject *o, SpObject *name, SpObject **meth) {
    SpTypeObject *t = SP_TYPE(o);
    *meth = NULL;
    if (t->tp_getattro != sp_object_generic_getattr || !SP_STR_CHECK(name)) {
        *meth = sp_object_getattr(o, name);
        return *meth != NULL ? 0 : -1;
    }
    if (ensure_ready(t) < 0) {
        return -1;
    }
    SpObject *descr = sp_type_lookup_borrow(t, name);
    SpDescrGetFunc f = NULL;
    int meth_found = 0;
    if (descr != NULL) {
        SP_INCREF(descr);
        // Functions and method descriptors bind by prepending self, so the VM can
        // call them as descr(o, *args) and skip creating the bound method.
        if (sp_type_has_flag(SP_TYPE(descr), SP_TPFLAGS_METHOD_DESCRIPTOR)) {
            meth_found = 1;
        } else {
            f = SP_TYPE(descr)->tp_descr_get;
            if (f != NULL && sp_descr_is_data(descr)) {
                *meth = f(descr, o, (SpObject *)t);
                SP_DECREF(descr);
                goto finish;
            }
        }
    }
    SpObject **dictptr = sp_object_dict_ptr(o);
    if (dictptr != NULL && *dictptr != NULL) {
        SpObject *dict = sp_newref(*dictptr);
        SpObject *attr = sp_dict_getitem_borrow(dict, name);
        if (attr != NULL) {
            *meth = sp_newref(attr);
            SP_DECREF(dict);
            SP_XDECREF(descr);
            return 0;
        }
        SP_DECREF(dict);
        if (sp_err_occurred()) {
            SP_XDECREF(descr);
            return -1;
        }
    }
    if (meth_found) {
        // Return 1 ("unbound, pass o as the first argument"); the reference taken
        // above moves to the caller.
        *meth = descr;
        return 1;
    }
    if (f != NULL) {
        *meth = f(descr, o, (SpObject *)t);
        SP_DECREF(descr);
        goto finish;
    }
    if (descr != NULL) {
        *meth = descr;
        return 0;
    }
    no_attribute(o, name);
finish:
    if (*meth == NULL) {
        set_attribute_error_context(o, name);
        return -1;
    }
    return 0;
}

// dir(o): type(o).__dir__(o), as a sorted list.
SpObject *sp_object_dir(SpObject *o) {
    int found;
    SpObject *res = sp_call_special(o, sp_id(__dir__), NULL, 0, &found);
    if (res == NULL) {
        if (!found && !sp_err_occurred()) {
            sp_err_set_string(&SpExc_TypeError, "object does not provide __dir__");
        }
        return NULL;
    }
    SpObject *list = sp_sequence_list(res);
    SP_DECREF(res);
    if (list == NULL) {
        return NULL;
    }
    if (sp_list_sort(list, NULL, 0) < 0) {
        SP_DECREF(list);
        return NULL;
    }
    return list;
}

// Add the keys of aclass.__dict__ and, recursively, of its bases' dicts to
// the dict `names` (type.__dir__ and object.__dir__'s class part).
static int merge_class_dict(SpObject *names, SpObject *aclass) {
    SpObject *classdict = sp_object_lookup_attr(aclass, sp_id(__dict__));
    if (classdict == NULL) {
        if (sp_err_occurred()) {
            return -1;
        }
    } else {
        int r = sp_dict_update(names, classdict);
        SP_DECREF(classdict);
        if (r < 0) {
            return -1;
        }
    }
    SpObject *bases = sp_object_lookup_attr(aclass, sp_id(__bases__));
    if (bases == NULL) {
        return sp_err_occurred() ? -1 : 0;
    }
    int r = 0;
    if (SP_TUPLE_CHECK(bases)) {
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(bases) && r == 0; i++) {
            r = merge_class_dict(names, SP_TUPLE_GET_ITEM(bases, i));
        }
    }
    SP_DECREF(bases);
    return r;
}

// type.__dir__: the names of the class and its bases (unsorted; dir sorts).
SpObject *sp_type_dir_names(SpObject *type) {
    SpObject *names = sp_dict_new();
    if (names == NULL) {
        return NULL;
    }
    SpObject *res = NULL;
    if (merge_class_dict(names, type) == 0) {
        res = sp_dict_keys(names);
    }
    SP_DECREF(names);
    return res;
}

// ===========================================================================
// The `object` type

static void object_dealloc(SpObject *self) { SP_TYPE(self)->tp_free(self); }

// object() and C() accept arguments only when a subclass overrides the other
// of __new__ / __init__ to take them (CPython's excess_args rules).
static int excess_args(SpObject *args, SpObject *kwargs) {
    return (args != NULL && SP_TUPLE_SIZE(args) != 0) ||
           (kwargs != NULL && SP_DICT_CHECK(kwargs) && SP_DICT_SIZE(kwargs) != 0);
}

// object.__new__: a fresh instance; arguments are an error unless the
// class overrides __init__ (which will consume them).
SpObject *sp_baseobject_new(SpTypeObject *type, SpObject *args, SpObject *kwargs) {
    if (excess_args(args, kwargs)) {
        // The class overrides __new__ yet called object.__new__ with arguments:
        // CPython treats passing them on as a bug of that __new__.
        if (type->tp_new != sp_baseobject_new) {
            return sp_err_format(&SpExc_TypeError,
                                 "object.__new__() takes exactly one argument (the type to "
                                 "instantiate)");
        }
        if (type->tp_init == sp_baseobject_init) {
            return sp_err_format(&SpExc_TypeError, "%.200s() takes no arguments",
                                 type->tp_name);
        }
    }
    // Abstract classes (abc.ABCMeta sets a non-empty __abstractmethods__)
    // cannot be instantiated.
    if (type->tp_flags & SP_TPFLAGS_IS_ABSTRACT) {
        return sp_type_abstract_error(type);
    }
    return sp_type_generic_alloc(type, 0);
}

// object.__init__: nothing to do; arguments are an error unless the class
// overrides __new__.
int sp_baseobject_init(SpObject *self, SpObject *args, SpObject *kwargs) {
    SpTypeObject *type = SP_TYPE(self);
    if (excess_args(args, kwargs)) {
        if (type->tp_init != sp_baseobject_init) {
            sp_err_set_string(&SpExc_TypeError,
                              "object.__init__() takes exactly one argument (the instance to "
                              "initialize)");
            return -1;
        }
        if (type->tp_new == sp_baseobject_new) {
            sp_err_format(&SpExc_TypeError,
                          "%.200s.__init__() takes exactly one argument (the instance to "
                          "initialize)",
                          type->tp_name);
            return -1;
        }
    }
    return 0;
}

static SpObject *object_str(SpObject *self) { return sp_object_repr(self); }

// --- __class__ ---------------------------------------------------------------

static SpObject *object_get_class(SpObject *self, void *closure) {
    return sp_newref((SpObject *)SP_TYPE(self));
}

// Two types are layout-compatible when instances of one can be relabelled as
// the other: same solid base, size, item size, dict slot and deallocator.
static int compatible_for_assignment(SpTypeObject *oldto, SpTypeObject *newto) {
    return sp_type_solid_base(oldto) == sp_type_solid_base(newto) &&
           oldto->tp_basicsize == newto->tp_basicsize &&
           oldto->tp_itemsize == newto->tp_itemsize &&
           oldto->tp_dictoffset == newto->tp_dictoffset &&
           oldto->tp_dealloc == newto->tp_dealloc &&
           (oldto->tp_flags & SP_TPFLAGS_HAVE_GC) == (newto->tp_flags & SP_TPFLAGS_HAVE_GC);
}

static int object_set_class(SpObject *self, SpObject *value, void *closure) {
    if (value == NULL) {
        sp_err_set_string(&SpExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!SP_TYPE_CHECK(value)) {
        sp_err_format(&SpExc_TypeError, "__class__ must be set to a class, not '%s' object",
                      SP_TYPE(value)->tp_name);
        return -1;
    }
    SpTypeObject *newto = (SpTypeObject *)value, *oldto = SP_TYPE(self);
    if (!(newto->tp_flags & SP_TPFLAGS_HEAPTYPE) || !(oldto->tp_flags & SP_TPFLAGS_HEAPTYPE)) {
        sp_err_set_string(&SpExc_TypeError,
                          "__class__ assignment only supported for mutable types or ModuleType "
                          "subclasses");
        return -1;
    }
    if (!compatible_for_assignment(oldto, newto)) {
        sp_err_format(&SpExc_TypeError,
                      "__class__ assignment: '%s' object layout differs from '%s'",
                      newto->tp_name, oldto->tp_name);
        return -1;
    }
    SP_INCREF(newto);
    self->ob_type = newto;
    SP_DECREF(oldto);
    return 0;
}

// --- methods -------------------------------------------------------------------

// object.__dir__: the instance __dict__'s keys plus the class attributes.
static SpObject *object_dir(SpObject *self, SpObject *unused) {
    SpObject *names = NULL, *res = NULL;
    SpObject *dict = sp_object_lookup_attr(self, sp_id(__dict__));
    if (dict == NULL && sp_err_occurred()) {
        return NULL;
    }
    if (dict != NULL && SP_DICT_CHECK(dict)) {
        names = sp_dict_copy(dict);
    } else {
        names = sp_dict_new();
    }
    SP_XDECREF(dict);
    if (names == NULL) {
        return NULL;
    }
    SpObject *cls = sp_object_lookup_attr(self, sp_id(__class__));
    if (cls == NULL && sp_err_occurred()) {
        goto done;
    }
    if (cls != NULL) {
        int r = merge_class_dict(names, cls);
        SP_DECREF(cls);
        if (r < 0) {
            goto done;
        }
    }
    res = sp_dict_keys(names);
done:
    SP_DECREF(names);
    return res;
}

// object.__format__(spec): str(self) for an empty spec, else TypeError.
static SpObject *object_format(SpObject *self, SpObject *spec) {
    if (!SP_STR_CHECK(spec)) {
        return sp_err_format(&SpExc_TypeError, "__format__() argument must be str, not %.200s",
                             SP_TYPE(spec)->tp_name);
    }
    if (SP_STR_LENGTH(spec) > 0) {
        return sp_err_format(&SpExc_TypeError,
                             "unsupported format string passed to %.200s.__format__",
                             SP_TYPE(self)->tp_name);
    }
    return sp_object_str(self);
}

// object.__init_subclass__(): a class method that accepts nothing and does
// nothing; the keywords check gives "C.__init_subclass__() takes no keyword
// arguments" through the METH_NOARGS machinery.
static SpObject *object_init_subclass(SpObject *cls, SpObject *unused) { SP_RETURN_NONE; }

// object.__subclasshook__(...): NotImplemented, meaning "use the normal
// subclass check" to abc.
static SpObject *object_subclasshook(SpObject *cls, SpObject *const *args, ssize_t nargs,
                                     SpObject *kwnames) {
    SP_RETURN_NOTIMPLEMENTED;
}

// object.__sizeof__: the instance size without the GC header (sys.getsizeof
// adds that).
static SpObject *object_sizeof(SpObject *self, SpObject *unused) {
    SpTypeObject *t = SP_TYPE(self);
    ssize_t size = t->tp_basicsize;
    if (t->tp_itemsize != 0) {
        ssize_t n = SP_SIZE(self);
        size += (n < 0 ? -n : n) * t->tp_itemsize;
    }
    return sp_int_from_ssize(size);
}

// object.__reduce_ex__: no pickle support yet; say so the way CPython
// does for unpicklable objects.
static SpObject *object_reduce_ex(SpObject *self, SpObject *protocol) {
    return sp_err_format(&SpExc_TypeError, "cannot pickle '%.200s' object", SP_TYPE(self)->tp_name);
}

// object.__reduce__: the same refusal.
static SpObject *object_reduce(SpObject *self, SpObject *unused) {
    return object_reduce_ex(self, NULL);
}

// object.__getstate__ (new in 3.11): the instance __dict__, or None when it
// is empty or missing.
static SpObject *object_getstate(SpObject *self, SpObject *unused) {
    SpObject **dictptr = sp_object_dict_ptr(self);
    if (dictptr == NULL || *dictptr == NULL || SP_DICT_SIZE(*dictptr) == 0) {
        SP_RETURN_NONE;
    }
    return sp_newref(*dictptr);
}

static SpMethodDef object_methods[] = {
    {"__dir__", SP_METH(object_dir), SP_METH_NOARGS, "Default dir() implementation."},
    {"__format__", SP_METH(object_format), SP_METH_O, "Default object formatter."},
    {"__init_subclass__", SP_METH(object_init_subclass), SP_METH_CLASS | SP_METH_NOARGS,
     "This method is called when a class is subclassed.\n\nThe default implementation does "
     "nothing. It may be\noverridden to extend subclasses.\n"},
    {"__subclasshook__", SP_METH(object_subclasshook), SP_METH_CLASS | SP_METH_FASTCALL,
     "Abstract classes can override this to customize issubclass()."},
    {"__sizeof__", SP_METH(object_sizeof), SP_METH_NOARGS,
     "Size of object in memory, in bytes."},
    {"__reduce_ex__", SP_METH(object_reduce_ex), SP_METH_O, "Helper for pickle."},
    {"__reduce__", SP_METH(object_reduce), SP_METH_NOARGS, "Helper for pickle."},
    {"__getstate__", SP_METH(object_getstate), SP_METH_NOARGS, "Helper for pickle."},
    {NULL, NULL, 0, NULL},
};

static SpGetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

SpTypeObject SpBaseObject_Type = {
    .ob_base = SP_TYPE_HEAD_INIT,
    .tp_name = "object",
    .tp_basicsize = sizeof(SpObject),
    .tp_dealloc = object_dealloc,
    .tp_repr = default_repr,
    .tp_hash = sp_baseobject_hash,
    .tp_str = object_str,
    .tp_getattro = sp_object_generic_getattr,
    .tp_setattro = sp_object_generic_setattr,
    .tp_flags = SP_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments "
              "and returns a new featureless\ninstance that has no instance attributes and "
              "cannot be given any.\n",
    .tp_richcompare = sp_baseobject_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
    .tp_init = sp_baseobject_init,
    .tp_new = sp_baseobject_new,
    .tp_free = sp_object_free,
};
