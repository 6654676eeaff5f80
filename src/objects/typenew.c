// smallpy: classes: type.__new__ (the class statement's last step), the
// layout of their instances (a __dict__ slot, __slots__ members), creating,
// calling and freeing instances, __set_name__ and __init_subclass__.
// Counterpart: CPython 3.11 Objects/typeobject.c (type_new and friends,
// subtype_dealloc, PyType_GenericAlloc).
#define SP_TYPE_INTERNAL
#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/err.h"
#include "core/gc.h"
#include "core/mem.h"
#include "modules/sys.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exc.h"
#include "objects/func.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/traceback.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/type_internal.h"
#include "vm/vm.h"

// Types whose instances can be weakly referenced (CPython's nonzero
// tp_weaklistoffset); a class adds a __weakref__ attribute unless its base
// already has one. smallpy has no weak references yet: the attribute reads
// None, and exists so that class namespaces look like CPython's.
#define TPFLAGS_HAS_WEAKREF (1u << 21)

// A class rather than a C type.
static inline int is_heap(const SpTypeObject *t) {
    return (t->tp_flags & SP_TPFLAGS_HEAPTYPE) != 0;
}

// Instances of t already have a __weakref__ attribute.
static int has_weakref(SpTypeObject *t) {
    return (t->tp_flags & TPFLAGS_HAS_WEAKREF) || t == &SpType_Type || t == &SpSet_Type ||
           t == &SpFrozenSet_Type;
}

// ===========================================================================
// Instances

// PyType_GenericAlloc: zeroed memory for an instance, tracked by the GC
// when the type has the header.
SpObject *sp_type_generic_alloc(SpTypeObject *t, ssize_t nitems) {
    SpObject *obj = sp_object_alloc(t, nitems);
    if (obj != NULL && (t->tp_flags & SP_TPFLAGS_HAVE_GC)) {
        sp_gc_track(obj);
    }
    return obj;
}

// PyType_GenericNew: tp_new for types whose instances need no arguments.
SpObject *sp_type_generic_new(SpTypeObject *t, SpObject *args, SpObject *kwargs) {
    return sp_type_generic_alloc(t, 0);
}

// The __dict__ attribute of instances whose class gave them a dict slot.
SpObject *sp_object_get_dict_attr(SpObject *self, void *closure) {
    SpObject **dictptr = sp_object_dict_ptr(self);
    if (dictptr == NULL) {
        return sp_err_format(&SpExc_AttributeError, "This object has no __dict__");
    }
    if (*dictptr == NULL && (*dictptr = sp_dict_new()) == NULL) {
        return NULL;
    }
    return sp_newref(*dictptr);
}

// obj.__dict__ = d replaces the whole namespace (d must be a dict).
int sp_object_set_dict_attr(SpObject *self, SpObject *value, void *closure) {
    SpObject **dictptr = sp_object_dict_ptr(self);
    if (dictptr == NULL) {
        sp_err_set_string(&SpExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value == NULL) {
        sp_err_set_string(&SpExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!SP_DICT_CHECK(value)) {
        sp_err_format(&SpExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                      SP_TYPE(value)->tp_name);
        return -1;
    }
    SP_INCREF(value);
    SP_SETREF(*dictptr, value);
    return 0;
}

// __weakref__: no weak references exist yet, so always None.
static SpObject *get_weakref(SpObject *self, void *closure) { SP_RETURN_NONE; }

static SpGetSetDef getset_dict_weakref[] = {
    {"__dict__", sp_object_get_dict_attr, sp_object_set_dict_attr, NULL, NULL},
    {"__weakref__", get_weakref, NULL, "list of weak references to the object (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static SpGetSetDef getset_dict_only[] = {
    {"__dict__", sp_object_get_dict_attr, sp_object_set_dict_attr, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static SpGetSetDef getset_weakref_only[] = {
    {"__weakref__", get_weakref, NULL, "list of weak references to the object (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

// The first heap type in t's base chain that is not a class (whose
// tp_dealloc and layout the class builds on).
static SpTypeObject *static_base(SpTypeObject *t) {
    while (t != NULL && t->tp_dealloc == sp_subtype_dealloc) {
        t = t->tp_base;
    }
    return t;
}

// Visit or clear the __slots__ members that classes along t's chain added.
// Slot members of every class along the chain: each class's tp_members
// lists only the slots it added.
static int visit_slots(SpObject *self, SpTypeObject *t, SpVisitProc visit, void *arg) {
    for (; t != NULL && is_heap(t); t = t->tp_base) {
        for (const SpMemberDef *m = t->tp_members; m != NULL && m->name != NULL; m++) {
            SpObject *v = *(SpObject **)((char *)self + m->offset);
            if (v != NULL && visit(v, arg)) {
                return 1;
            }
        }
    }
    return 0;
}

// Release the __slots__ members of the classes along t's chain.
static void clear_slots(SpObject *self, SpTypeObject *t) {
    for (; t != NULL && is_heap(t); t = t->tp_base) {
        for (const SpMemberDef *m = t->tp_members; m != NULL && m->name != NULL; m++) {
            SpObject **p = (SpObject **)((char *)self + m->offset);
            SP_CLEAR(*p);
        }
    }
}

// The dict slot belongs to the class chain (not to a built-in base that
// manages its own, like BaseException) when the static base has none.
static int dict_added_by_classes(SpTypeObject *t) {
    SpTypeObject *base = static_base(t);
    return t->tp_dictoffset != 0 && (base == NULL || base->tp_dictoffset == 0);
}

// tp_traverse of classes: the class itself (instances keep it alive), the
// slots and dict the classes added, then whatever the built-in base holds.
static int subtype_traverse(SpObject *self, SpVisitProc visit, void *arg) {
    SpTypeObject *t = SP_TYPE(self);
    if (visit((SpObject *)t, arg) || visit_slots(self, t, visit, arg)) {
        return 1;
    }
    if (dict_added_by_classes(t)) {
        SpObject **dictptr = sp_object_dict_ptr(self);
        if (dictptr != NULL && *dictptr != NULL && visit(*dictptr, arg)) {
            return 1;
        }
    }
    SpTypeObject *base = static_base(t);
    if (base != NULL && base->tp_traverse != NULL) {
        return base->tp_traverse(self, visit, arg);
    }
    return 0;
}

// tp_clear of classes: what the classes added, then the base's own.
static int subtype_clear(SpObject *self) {
    SpTypeObject *t = SP_TYPE(self);
    clear_slots(self, t);
    if (dict_added_by_classes(t)) {
        SpObject **dictptr = sp_object_dict_ptr(self);
        if (dictptr != NULL) {
            SP_CLEAR(*dictptr);
        }
    }
    SpTypeObject *base = static_base(t);
    if (base != NULL && base->tp_clear != NULL) {
        return base->tp_clear(self);
    }
    return 0;
}

// Print "Exception ignored in: <obj>" and the current exception, as
// CPython's PyErr_WriteUnraisable, then clear it.
static void write_unraisable(SpObject *obj) {
    SpObject *exc = sp_err_fetch();
    sp_sys_flush_std();
    SpObject *r = obj != NULL ? sp_object_repr(obj) : NULL;
    if (r == NULL) {
        sp_err_clear();
    }
    const char *s = r != NULL ? sp_str_as_utf8(r, NULL) : NULL;
    if (s == NULL) {
        sp_err_clear();
        s = "<object repr() failed>";
    }
    fflush(stdout);
    if (sp_sys_write_stderr("Exception ignored in: ") < 0 || sp_sys_write_stderr(s) < 0 ||
        sp_sys_write_stderr("\n") < 0) {
        sp_err_clear();
    }
    SP_XDECREF(r);
    if (exc != NULL) {
        sp_traceback_print_exception(exc);
        SP_DECREF(exc);
    }
    sp_err_clear();
}

// Run __del__ with the object temporarily alive again. Returns 1 when the
// method stored a new reference somewhere (the object lives on).
static int call_finalizer(SpObject *self, SpObject *del) {
    // A dealloc can run while an exception is pending (a frame unwinding):
    // park it so __del__ runs with a clean state, and restore it afterwards.
    SpObject *saved = sp_err_fetch();
    // The refcount reached 0 before dealloc began; setting it to 1 makes the
    // object a valid argument for the call. Any reference __del__ stores
    // elsewhere shows as a count above 1 afterwards (PEP 442 resurrection).
    self->ob_refcnt = 1;
    SP_INCREF(del);
    SpObject *args[1] = {self};
    SpObject *res;
    // Plain functions: call with self directly, without a bound method.
    if (sp_type_has_flag(SP_TYPE(del), SP_TPFLAGS_METHOD_DESCRIPTOR)) {
        res = sp_vectorcall(del, args, 1, NULL);
    } else if (SP_TYPE(del)->tp_descr_get != NULL) {
        SpObject *bound = SP_TYPE(del)->tp_descr_get(del, self, (SpObject *)SP_TYPE(self));
        res = bound == NULL ? NULL : sp_call_noargs(bound);
        SP_XDECREF(bound);
    } else {
        res = sp_call_noargs(del);
    }
    if (res == NULL) {
        write_unraisable(del);
    } else {
        SP_DECREF(res);
    }
    SP_DECREF(del);
    sp_err_restore(saved);
    if (--self->ob_refcnt != 0) {
        return 1;  // resurrected
    }
    return 0;
}

// tp_dealloc of every class: __del__, then what the classes added (slots,
// the dict), then the built-in base's deallocator, then the reference to
// the class that every instance holds.
void sp_subtype_dealloc(SpObject *self) {
    SpTypeObject *t = SP_TYPE(self);
    SpTypeObject *base = static_base(t);
    if (t->tp_flags & SP_TPFLAGS_HAVE_GC) {
        sp_gc_untrack(self);
    }
    SpObject *del = sp_type_lookup_borrow(t, sp_id(__del__));
    if (del != NULL && call_finalizer(self, del)) {
        return;
    }
    clear_slots(self, t);
    if (dict_added_by_classes(t)) {
        SpObject **dictptr = sp_object_dict_ptr(self);
        if (dictptr != NULL) {
            SP_CLEAR(*dictptr);
        }
    }
    // The base's deallocator frees the memory through tp_free; the class
    // must outlive that call, since tp_free reads the type's GC flag.
    SP_INCREF(t);
    base->tp_dealloc(self);
    // The instance's reference to its class is released here (CPython's
    // convention: deallocators of built-in types leave it alone), then the
    // temporary one.
    SP_DECREF(t);
    SP_DECREF(t);
}

SpObject *sp_type_abstract_error(SpTypeObject *t) {
    SpObject *abstract = sp_dict_getitem_borrow(t->tp_dict, sp_id(__abstractmethods__));
    if (abstract == NULL) {
        if (!sp_err_occurred()) {
            sp_err_set_string(&SpExc_AttributeError, "__abstractmethods__");
        }
        return NULL;
    }
    SpObject *sorted = sp_sequence_list(abstract);
    if (sorted == NULL) {
        return NULL;
    }
    if (sp_list_sort(sorted, NULL, 0) < 0) {
        SP_DECREF(sorted);
        return NULL;
    }
    SpObject *comma = sp_str_from_cstr(", ");
    SpObject *joined = comma == NULL ? NULL : sp_str_join(comma, sorted);
    SP_XDECREF(comma);
    if (joined != NULL) {
        sp_err_format(&SpExc_TypeError,
                      "Can't instantiate abstract class %s with abstract method%s %U", t->tp_name,
                      SP_LIST_SIZE(sorted) > 1 ? "s" : "", joined);
        SP_DECREF(joined);
    }
    SP_DECREF(sorted);
    return NULL;
}

// Calling a class: when it uses object.__new__, build the instance here and
// call __init__ with the arguments as they are, skipping the tuple and dict
// of type.__call__.
static SpObject *heap_type_vectorcall(SpObject *callable, SpObject *const *args, size_t nargsf,
                                      SpObject *kwnames) {
    SpTypeObject *t = (SpTypeObject *)callable;
    ssize_t nargs = SP_VECTORCALL_NARGS(nargsf);
    if (t->tp_new != sp_baseobject_new ||
        (t->tp_init != sp_slot_tp_init && t->tp_init != sp_baseobject_init)) {
        return sp_vectorcall_via_tp_call(callable, args, nargsf, kwnames);
    }
    if (t->tp_flags & SP_TPFLAGS_IS_ABSTRACT) {
        return sp_type_abstract_error(t);
    }
    if (t->tp_init == sp_baseobject_init) {
        if (nargs != 0 || kwnames != NULL) {
            return sp_err_format(&SpExc_TypeError, "%.200s() takes no arguments", t->tp_name);
        }
        return sp_type_generic_alloc(t, 0);
    }
    SpObject *init = sp_type_lookup_borrow(t, sp_id(__init__));
    SpObject *obj = sp_type_generic_alloc(t, 0);
    if (obj == NULL || init == NULL) {
        return obj;
    }
    SP_INCREF(init);
    SpObject *res;
    if (sp_type_has_flag(SP_TYPE(init), SP_TPFLAGS_METHOD_DESCRIPTOR)) {
        ssize_t nkw = kwnames == NULL ? 0 : SP_TUPLE_SIZE(kwnames);
        if (nargsf & SP_VECTORCALL_ARGUMENTS_OFFSET) {
            // The caller lent us args[-1]: put self there for the call.
            SpObject **slot = (SpObject **)args - 1;
            SpObject *saved = *slot;
            *slot = obj;
            // No offset flag onwards: args[-2] was not lent to us.
            res = sp_vectorcall(init, slot, (size_t)(nargs + 1), kwnames);
            *slot = saved;
        } else {
            SpObject *small[9], **stack = small;
            if (nargs + nkw + 1 > 9) {
                stack = sp_mem_alloc(sizeof(SpObject *) * (size_t)(nargs + nkw + 1));
                if (stack == NULL) {
                    SP_DECREF(init);
                    SP_DECREF(obj);
                    return sp_err_no_memory();
                }
            }
            stack[0] = obj;
            if (nargs + nkw > 0) {
                memcpy(stack + 1, args, sizeof(SpObject *) * (size_t)(nargs + nkw));
            }
            res = sp_vectorcall(init, stack, (size_t)(nargs + 1), kwnames);
            if (stack != small) {
                sp_mem_free(stack);
            }
        }
    } else {
        SpObject *bound = SP_TYPE(init)->tp_descr_get != NULL
                              ? SP_TYPE(init)->tp_descr_get(init, obj, callable)
                              : sp_newref(init);
        res = bound == NULL ? NULL : sp_vectorcall(bound, args, nargsf, kwnames);
        SP_XDECREF(bound);
    }
    SP_DECREF(init);
    if (res == NULL) {
        SP_DECREF(obj);
        return NULL;
    }
    if (res != sp_None) {
        sp_err_format(&SpExc_TypeError, "__init__() should return None, not '%.200s'",
                      SP_TYPE(res)->tp_name);
        SP_DECREF(res);
        SP_DECREF(obj);
        return NULL;
    }
    SP_DECREF(res);
    return obj;
}

// ===========================================================================
// Creating a class

// The most derived metaclass among metatype and the bases' types.
static SpTypeObject *calculate_metaclass(SpTypeObject *metatype, SpObject *bases) {
    // The winner must be a subclass of every candidate; a candidate that is a
    // subclass of the current winner replaces it. Anything else is a conflict.
    SpTypeObject *winner = metatype;
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(bases); i++) {
        SpTypeObject *tmp = SP_TYPE(SP_TUPLE_GET_ITEM(bases, i));
        if (sp_type_is_subtype(winner, tmp)) {
            continue;
        }
        if (sp_type_is_subtype(tmp, winner)) {
            winner = tmp;
            continue;
        }
        sp_err_set_string(&SpExc_TypeError,
                          "metaclass conflict: the metaclass of a derived class must be a "
                          "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

// The base whose instance layout the new class extends: every other base's
// solid base must be an ancestor of its solid base.
static SpTypeObject *best_base(SpObject *bases) {
    SpTypeObject *base = NULL, *winner = NULL;
    for (ssize_t i = 0; i < SP_TUPLE_SIZE(bases); i++) {
        SpObject *b = SP_TUPLE_GET_ITEM(bases, i);
        if (!SP_TYPE_CHECK(b)) {
            sp_err_set_string(&SpExc_TypeError, "bases must be types");
            return NULL;
        }
        SpTypeObject *bt = (SpTypeObject *)b;
        if (!(bt->tp_flags & SP_TPFLAGS_READY) && sp_type_ready(bt) < 0) {
            return NULL;
        }
        if (!(bt->tp_flags & SP_TPFLAGS_BASETYPE)) {
            sp_err_format(&SpExc_TypeError, "type '%.100s' is not an acceptable base type",
                          bt->tp_name);
            return NULL;
        }
        // Compare solid bases (the nearest ancestor adding C fields), not the
        // bases themselves: class C(A, B) with A(int) and B(str) fails because
        // int and str layouts are incompatible, while two plain classes never do.
        SpTypeObject *candidate = sp_type_solid_base(bt);
        if (winner == NULL) {
            winner = candidate;
            base = bt;
        } else if (sp_type_is_subtype(winner, candidate)) {
            // keep the winner
        } else if (sp_type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = bt;
        } else {
            sp_err_set_string(&SpExc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

// Plain functions given as __new__, __init_subclass__ or __class_getitem__
// become static/class methods, as CPython does implicitly.
static int wrap_implicit(SpObject *dict, SpObject *name, SpObject *(*wrap)(SpObject *)) {
    SpObject *f = sp_dict_getitem_borrow(dict, name);
    if (f == NULL || !SP_FUNCTION_CHECK(f)) {
        return sp_err_occurred() ? -1 : 0;
    }
    SpObject *w = wrap(f);
    if (w == NULL) {
        return -1;
    }
    int r = sp_dict_setitem(dict, name, w);
    SP_DECREF(w);
    return r;
}

// "__x" inside class C is stored as "_C__x" (names ending in "__" and
// dotted names are left alone).
static SpObject *mangle(SpObject *classname, SpObject *name) {
    ssize_t n = SP_STR_LENGTH(name);
    if (n < 2 || SP_STR_READ_CHAR(name, 0) != '_' || SP_STR_READ_CHAR(name, 1) != '_' ||
        (n >= 4 && SP_STR_READ_CHAR(name, n - 1) == '_' && SP_STR_READ_CHAR(name, n - 2) == '_')) {
        return sp_newref(name);
    }
    ssize_t start = 0, cn = SP_STR_LENGTH(classname);
    while (start < cn && SP_STR_READ_CHAR(classname, start) == '_') {
        start++;
    }
    if (start == cn) {
        return sp_newref(name);  // a class named only with underscores
    }
    SpObject *stripped = sp_str_substring(classname, start, cn);
    if (stripped == NULL) {
        return NULL;
    }
    // Leading underscores of the class name are dropped: in class _C, "__x"
    // becomes "_C__x", not "__C__x".
    SpObject *res = sp_str_from_format("_%U%U", stripped, name);
    SP_DECREF(stripped);
    return res;
}

static int is_identifier(SpObject *s) {
    ssize_t n = SP_STR_LENGTH(s);
    if (n == 0) {
        return 0;
    }
    for (ssize_t i = 0; i < n; i++) {
        SpUCS4 c = SP_STR_READ_CHAR(s, i);
        int ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
                 (i > 0 && c >= '0' && c <= '9');
        if (!ok) {
            return 0;
        }
    }
    return 1;
}

// What __slots__ asks for: member names (mangled, sorted) and whether
// __dict__ / __weakref__ were listed.
typedef struct {
    SpObject *names;  // list of str, or NULL when the class has no __slots__
    int add_dict, add_weakref;
} SlotsSpec;

static int parse_slots(SpObject *dict, SpObject *name, SpTypeObject *base, SlotsSpec *spec) {
    spec->names = NULL;
    spec->add_dict = spec->add_weakref = 0;
    SpObject *slots = sp_dict_getitem_borrow(dict, sp_id(__slots__));
    if (slots == NULL) {
        return sp_err_occurred() ? -1 : 0;
    }
    SpObject *list;
    if (SP_STR_CHECK(slots)) {
        list = sp_list_from_array(&slots, 1);
    } else {
        list = sp_sequence_list(slots);
    }
    if (list == NULL) {
        return -1;
    }
    SpObject *names = sp_list_new(0);
    if (names == NULL) {
        SP_DECREF(list);
        return -1;
    }
    int base_has_dict = base->tp_dictoffset != 0;
    for (ssize_t i = 0; i < SP_LIST_SIZE(list); i++) {
        SpObject *s = SP_LIST_GET_ITEM(list, i);
        if (!SP_STR_CHECK(s)) {
            sp_err_format(&SpExc_TypeError, "__slots__ items must be strings, not '%.200s'",
                          SP_TYPE(s)->tp_name);
            goto fail;
        }
        if (!is_identifier(s)) {
            sp_err_set_string(&SpExc_TypeError, "__slots__ must be identifiers");
            goto fail;
        }
        if (sp_str_eq_cstr(s, "__dict__")) {
            if (base_has_dict || spec->add_dict) {
                sp_err_set_string(&SpExc_TypeError, "__dict__ slot disallowed: we already got one");
                goto fail;
            }
            spec->add_dict = 1;
            continue;
        }
        if (sp_str_eq_cstr(s, "__weakref__")) {
            if (has_weakref(base) || base->tp_itemsize != 0 || spec->add_weakref) {
                sp_err_set_string(&SpExc_TypeError, "__weakref__ slot disallowed: either we "
                                                    "already got one, or __itemsize__ != 0");
                goto fail;
            }
            spec->add_weakref = 1;
            continue;
        }
        SpObject *m = mangle(name, s);
        if (m == NULL) {
            goto fail;
        }
        sp_str_intern_in_place(&m);
        int conflict = sp_dict_contains(dict, m);
        if (conflict != 0) {
            if (conflict > 0) {
                sp_err_format(&SpExc_ValueError, "%R in __slots__ conflicts with class variable",
                              s);
            }
            SP_DECREF(m);
            goto fail;
        }
        int r = sp_list_append(names, m);
        SP_DECREF(m);
        if (r < 0) {
            goto fail;
        }
    }
    if (SP_LIST_SIZE(names) > 0 && (base->tp_itemsize != 0 ||
                                    sp_type_has_flag(base, SP_TPFLAGS_UNICODE_SUBCLASS))) {
        sp_err_format(&SpExc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                      base->tp_name);
        goto fail;
    }
    if (sp_list_sort(names, NULL, 0) < 0) {
        goto fail;
    }
    SP_DECREF(list);
    spec->names = names;
    return 0;
fail:
    SP_DECREF(list);
    SP_DECREF(names);
    return -1;
}

void sp_type_free_slot_members(SpTypeObject *t) {
    SpMemberDef *members = t->tp_members;
    if (members == NULL) {
        return;
    }
    for (SpMemberDef *m = members; m->name != NULL; m++) {
        sp_mem_free((char *)m->name);
    }
    sp_mem_free(members);
    t->tp_members = NULL;
}

// Build t's member table for the slot names, placing them at `offset`
// onwards. Returns the offset after the last member, or -1.
static ssize_t add_slot_members(SpTypeObject *t, SpObject *names, ssize_t offset) {
    ssize_t n = SP_LIST_SIZE(names);
    if (n == 0) {
        return offset;
    }
    SpMemberDef *members = sp_mem_calloc(sizeof(SpMemberDef) * (size_t)(n + 1));
    if (members == NULL) {
        sp_err_no_memory();
        return -1;
    }
    t->tp_members = members;
    for (ssize_t i = 0; i < n; i++) {
        ssize_t len;
        const char *utf8 = sp_str_as_utf8(SP_LIST_GET_ITEM(names, i), &len);
        char *copy = utf8 == NULL ? NULL : sp_mem_alloc((size_t)len + 1);
        if (copy == NULL) {
            if (utf8 != NULL) {
                sp_err_no_memory();
            }
            return -1;
        }
        memcpy(copy, utf8, (size_t)len + 1);
        members[i].name = copy;
        members[i].type = SP_T_OBJECT_EX;
        members[i].offset = offset;
        offset += (ssize_t)sizeof(SpObject *);
    }
    return offset;
}

// Call __set_name__(cls, name) on every attribute that defines it; errors
// are wrapped in a RuntimeError naming the attribute (3.11's wording).
static int set_names(SpTypeObject *t) {
    SpObject *items = sp_dict_items(t->tp_dict);  // a copy: __set_name__ may change the dict
    if (items == NULL) {
        return -1;
    }
    int r = 0;
    for (ssize_t i = 0; i < SP_LIST_SIZE(items) && r == 0; i++) {
        SpObject *pair = SP_LIST_GET_ITEM(items, i);
        SpObject *key = SP_TUPLE_GET_ITEM(pair, 0), *value = SP_TUPLE_GET_ITEM(pair, 1);
        SpObject *args[2] = {(SpObject *)t, key};
        int found;
        SpObject *res = sp_call_special(value, sp_id(__set_name__), args, 2, &found);
        if (res != NULL) {
            SP_DECREF(res);
            continue;
        }
        if (!found && !sp_err_occurred()) {
            continue;
        }
        SpObject *cause = sp_err_fetch();
        sp_err_format(&SpExc_RuntimeError, "Error calling __set_name__ on '%.100s' instance %R in "
                                           "'%.100s'",
                      SP_TYPE(value)->tp_name, key, t->tp_name);
        SpObject *exc = sp_err_fetch();
        if (exc != NULL && cause != NULL) {
            sp_exc_set_context(exc, sp_newref(cause));
            sp_exc_set_cause(exc, cause);
        } else {
            SP_XDECREF(cause);
        }
        sp_err_restore(exc);
        r = -1;
    }
    SP_DECREF(items);
    return r;
}

// super(t, t).__init_subclass__(**kwargs).
static int init_subclass(SpTypeObject *t, SpObject *kwargs) {
    SpObject *mro = t->tp_mro;
    SpObject *descr = NULL;
    for (ssize_t i = 1; i < SP_TUPLE_SIZE(mro) && descr == NULL; i++) {
        SpObject *dict = ((SpTypeObject *)SP_TUPLE_GET_ITEM(mro, i))->tp_dict;
        descr = dict != NULL ? sp_dict_getitem_borrow(dict, sp_id(__init_subclass__)) : NULL;
    }
    if (descr == NULL) {
        return sp_err_occurred() ? -1 : 0;
    }
    SP_INCREF(descr);
    SpObject *func = SP_TYPE(descr)->tp_descr_get != NULL
                         ? SP_TYPE(descr)->tp_descr_get(descr, NULL, (SpObject *)t)
                         : sp_newref(descr);
    SP_DECREF(descr);
    if (func == NULL) {
        return -1;
    }
    SpObject *res = sp_call(func, NULL, kwargs);
    SP_DECREF(func);
    if (res == NULL) {
        return -1;
    }
    SP_DECREF(res);
    return 0;
}

// The class body's __classcell__ (for zero-argument super() and __class__)
// receives the new class.
static int set_classcell(SpTypeObject *t) {
    static SpObject *classcell_name;
    if (classcell_name == NULL && (classcell_name = sp_str_intern_cstr("__classcell__")) == NULL) {
        return -1;
    }
    SpObject *cell = sp_dict_getitem_borrow(t->tp_dict, classcell_name);
    if (cell == NULL) {
        return sp_err_occurred() ? -1 : 0;
    }
    if (SP_TYPE(cell) != &SpCell_Type) {
        sp_err_format(&SpExc_TypeError, "__classcell__ must be a nonlocal cell, not %.200R",
                      (SpObject *)SP_TYPE(cell));
        return -1;
    }
    SpCellObject *c = (SpCellObject *)cell;
    SP_INCREF(t);
    SP_SETREF(c->ob_ref, (SpObject *)t);
    return sp_dict_delitem(t->tp_dict, classcell_name);
}

// Copy a str into a fresh NUL-terminated C string (tp_name of a class).
// ValueError for embedded NULs, as CPython.
static char *name_to_cstr(SpObject *name) {
    ssize_t size;
    const char *utf8 = sp_str_as_utf8(name, &size);
    if (utf8 == NULL) {
        return NULL;
    }
    if ((ssize_t)strlen(utf8) != size) {
        sp_err_set_string(&SpExc_ValueError, "type name must not contain null characters");
        return NULL;
    }
    char *copy = sp_mem_alloc((size_t)size + 1);
    if (copy == NULL) {
        sp_err_no_memory();
        return NULL;
    }
    memcpy(copy, utf8, (size_t)size + 1);
    return copy;
}

// The namespace's __qualname__ (removed from it) or the name; __module__
// from the caller's globals when the body did not set it.
static int set_names_and_module(SpHeapTypeObject *ht, SpObject *name, SpObject *dict) {
    SpObject *qualname = sp_dict_getitem_borrow(dict, sp_id(__qualname__));
    if (qualname != NULL) {
        if (!SP_STR_CHECK(qualname)) {
            sp_err_format(&SpExc_TypeError, "type __qualname__ must be a str, not %s",
                          SP_TYPE(qualname)->tp_name);
            return -1;
        }
        ht->ht_qualname = sp_newref(qualname);
        if (sp_dict_delitem(dict, sp_id(__qualname__)) < 0) {
            return -1;
        }
    } else if (sp_err_occurred()) {
        return -1;
    } else {
        ht->ht_qualname = sp_newref(name);
    }
    int has = sp_dict_contains(dict, sp_id(__module__));
    if (has < 0) {
        return -1;
    }
    if (!has) {
        SpObject *globals = sp_vm_current_globals_borrow();
        SpObject *mod = globals != NULL ? sp_dict_getitem_borrow(globals, sp_id(__name__)) : NULL;
        if (mod != NULL && sp_dict_setitem(dict, sp_id(__module__), mod) < 0) {
            return -1;
        }
        if (sp_err_occurred()) {
            return -1;
        }
    }
    return 0;
}

// Lay out instances: the base's fields, then __slots__ members, then the
// dict slot. For variable-size bases (int, tuple, bytes, str) the dict slot
// goes after the items instead (negative tp_dictoffset; see
// sp_object_dict_ptr), and 16 bytes are reserved for it and its alignment.
static int set_layout(SpTypeObject *t, SpTypeObject *base, SlotsSpec *spec) {
    int var = base->tp_itemsize != 0 || sp_type_has_flag(base, SP_TPFLAGS_UNICODE_SUBCLASS);
    int add_dict = base->tp_dictoffset == 0 && (spec->names == NULL || spec->add_dict);
    int add_weak = !has_weakref(base) && !var && (spec->names == NULL || spec->add_weakref);
    t->tp_itemsize = base->tp_itemsize;
    ssize_t offset = (base->tp_basicsize + 7) & ~(ssize_t)7;
    if (spec->names != NULL) {
        offset = add_slot_members(t, spec->names, offset);
        if (offset < 0) {
            return -1;
        }
    }
    if (!var && offset == ((base->tp_basicsize + 7) & ~(ssize_t)7) && !add_dict) {
        offset = base->tp_basicsize;  // nothing added: same size as the base
    }
    if (add_dict) {
        if (var) {
            t->tp_dictoffset = -(ssize_t)sizeof(SpObject *);
            offset = base->tp_basicsize + 2 * (ssize_t)sizeof(SpObject *);
        } else {
            t->tp_dictoffset = offset;
            offset += (ssize_t)sizeof(SpObject *);
        }
    }
    t->tp_basicsize = var && !add_dict ? base->tp_basicsize : offset;
    t->tp_getset = add_dict && add_weak ? getset_dict_weakref
                   : add_dict           ? getset_dict_only
                   : add_weak           ? getset_weakref_only
                                        : NULL;
    t->tp_flags |= base->tp_flags & TPFLAGS_HAS_WEAKREF;
    if (add_weak) {
        t->tp_flags |= TPFLAGS_HAS_WEAKREF;
    }
    return 0;
}

// type.__new__ after argument checks: build, ready and announce the class.
static SpObject *type_new_impl(SpTypeObject *metatype, SpObject *name, SpObject *bases,
                               SpObject *orig_dict, SpObject *kwargs) {
    SpObject *dict = NULL;
    SlotsSpec spec = {NULL, 0, 0};
    SpHeapTypeObject *ht = NULL;
    if (SP_TUPLE_SIZE(bases) == 0) {
        bases = sp_tuple_pack(1, (SpObject *)&SpBaseObject_Type);
    } else {
        SP_INCREF(bases);
        for (ssize_t i = 0; i < SP_TUPLE_SIZE(bases); i++) {
            SpObject *b = SP_TUPLE_GET_ITEM(bases, i);
            if (SP_TYPE_CHECK(b)) {
                continue;
            }
            SpObject *me = sp_object_lookup_attr(b, sp_id(__mro_entries__));
            if (me != NULL) {
                SP_DECREF(me);
                sp_err_set_string(&SpExc_TypeError, "type() doesn't support MRO entry resolution; "
                                                    "use types.new_class()");
                goto fail;
            }
            if (sp_err_occurred()) {
                goto fail;
            }
        }
    }
    if (bases == NULL) {
        return NULL;
    }
    SpTypeObject *base = best_base(bases);
    if (base == NULL) {
        goto fail;
    }
    dict = sp_dict_copy(orig_dict);
    if (dict == NULL || parse_slots(dict, name, base, &spec) < 0) {
        goto fail;
    }
    ht = (SpHeapTypeObject *)sp_object_alloc(metatype, 0);
    if (ht == NULL) {
        goto fail;
    }
    SpTypeObject *t = &ht->ht_type;
    t->tp_flags = SP_TPFLAGS_HEAPTYPE | SP_TPFLAGS_BASETYPE | SP_TPFLAGS_HAVE_GC;
    t->tp_as_number = &ht->as_number;
    t->tp_as_sequence = &ht->as_sequence;
    t->tp_as_mapping = &ht->as_mapping;
    ht->ht_name = sp_newref(name);
    t->tp_name = name_to_cstr(name);
    if (t->tp_name == NULL || set_names_and_module(ht, name, dict) < 0) {
        goto fail;
    }
    if (wrap_implicit(dict, sp_id(__new__), sp_staticmethod_new) < 0 ||
        wrap_implicit(dict, sp_id(__init_subclass__), sp_classmethod_new) < 0 ||
        wrap_implicit(dict, sp_id(__class_getitem__), sp_classmethod_new) < 0) {
        goto fail;
    }
    // __eq__ without __hash__ makes instances unhashable; sp_type_ready
    // puts the None in (after __doc__, CPython's order).
    t->tp_base = base;
    SP_INCREF(base);
    t->tp_bases = bases;
    bases = NULL;
    t->tp_dict = dict;
    dict = NULL;
    if (set_layout(t, base, &spec) < 0) {
        goto fail;
    }
    t->tp_dealloc = sp_subtype_dealloc;
    t->tp_traverse = subtype_traverse;
    t->tp_clear = subtype_clear;
    t->tp_free = sp_object_free;
    t->tp_vectorcall = heap_type_vectorcall;
    if (sp_type_ready(t) < 0 || set_classcell(t) < 0) {
        goto fail;
    }
    sp_gc_track((SpObject *)t);
    SP_XDECREF(spec.names);
    if (set_names(t) < 0 || init_subclass(t, kwargs) < 0) {
        SP_DECREF(t);
        return NULL;
    }
    return (SpObject *)t;
fail:
    SP_XDECREF(spec.names);
    SP_XDECREF(dict);
    SP_XDECREF(bases);
    SP_XDECREF(ht);
    return NULL;
}

SpObject *sp_type_new(SpTypeObject *metatype, SpObject *args, SpObject *kwargs) {
    ssize_t nargs = SP_TUPLE_SIZE(args);
    if (nargs != 3) {
        return sp_err_format(&SpExc_TypeError,
                             "type.__new__() takes exactly 3 arguments (%zd given)", nargs);
    }
    SpObject *name = SP_TUPLE_GET_ITEM(args, 0), *bases = SP_TUPLE_GET_ITEM(args, 1),
             *dict = SP_TUPLE_GET_ITEM(args, 2);
    if (!SP_STR_CHECK(name)) {
        return sp_err_format(&SpExc_TypeError, "type.__new__() argument 1 must be str, not %s",
                             SP_TYPE(name)->tp_name);
    }
    if (!SP_TUPLE_CHECK(bases)) {
        return sp_err_format(&SpExc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                             SP_TYPE(bases)->tp_name);
    }
    if (!SP_DICT_CHECK(dict)) {
        return sp_err_format(&SpExc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                             SP_TYPE(dict)->tp_name);
    }
    SpTypeObject *winner = calculate_metaclass(metatype, bases);
    if (winner == NULL) {
        return NULL;
    }
    if (winner != metatype) {
        if (winner->tp_new != sp_type_new) {
            return winner->tp_new(winner, args, kwargs);  // a metaclass with its own __new__
        }
        metatype = winner;
    }
    return type_new_impl(metatype, name, bases, dict, kwargs);
}

SpObject *sp_type_new_class(SpTypeObject *metatype, SpObject *name, SpObject *bases,
                            SpObject *dict) {
    SpObject *args[3] = {name, bases, dict};
    return sp_vectorcall((SpObject *)metatype, args, 3, NULL);
}
