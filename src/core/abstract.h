// smallpy: the object protocols every part of the interpreter uses: repr,
// str, hash, comparison, truth, attributes, calls, numbers, sequences,
// mappings, iteration. Each dispatches through the type's slots.
// Counterpart: CPython 3.11 Objects/object.c, Objects/abstract.c, Objects/call.c.
// Implemented in core/object.c (generic object protocol, attributes),
// core/call.c (calls), core/number.c (number protocol), core/abstract.c
// (sequence, mapping, iteration).
#ifndef SP_CORE_ABSTRACT_H
#define SP_CORE_ABSTRACT_H

#include "core/object.h"

// --- The generic object protocol (core/object.c) ---------------------------

// repr(o), str(o), ascii(o): new str reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_object_repr(SpObject *o);
SP_FUNC SP_MAY_RAISE SpObject *sp_object_str(SpObject *o);
SP_FUNC SP_MAY_RAISE SpObject *sp_object_ascii(SpObject *o);
// format(o, spec): spec is a str or NULL (""). New str or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_object_format(SpObject *o, SpObject *spec);
// hash(o): -1 with TypeError "unhashable type: 'list'" when unhashable.
SP_FUNC SP_MAY_RAISE SpHash sp_object_hash(SpObject *o);
// For tp_hash of unhashable types: raises the TypeError, returns -1.
SP_FUNC SpHash sp_object_hash_not_implemented(SpObject *o);
// a OP b with reflected fallback and identity default for == / !=; returns
// any object (new reference) or NULL. TypeError "'<' not supported between
// instances of 'int' and 'str'" when neither side implements op.
SP_FUNC SP_MAY_RAISE SpObject *sp_object_richcompare(SpObject *a, SpObject *b, int op);
// As above, then truth of the result: 1, 0 or -1. For SP_EQ / SP_NE
// identity implies equality (as CPython's PyObject_RichCompareBool).
SP_FUNC SP_MAY_RAISE int sp_object_richcompare_bool(SpObject *a, SpObject *b, int op);
// bool(o): 1, 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_object_is_true(SpObject *o);
// not o: 1, 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_object_not(SpObject *o);

// getattr(o, name); name is a str. New reference or NULL (AttributeError).
SP_FUNC SP_MAY_RAISE SpObject *sp_object_getattr(SpObject *o, SpObject *name);
SP_FUNC SP_MAY_RAISE SpObject *sp_object_getattr_str(SpObject *o, const char *name);
// As sp_object_getattr, but a missing attribute returns NULL with *no*
// exception set (other errors still raise): the fast path of hasattr,
// getattr with default, LOAD_METHOD fallbacks.
SP_FUNC SP_MAY_RAISE SpObject *sp_object_lookup_attr(SpObject *o, SpObject *name);
// setattr(o, name, v); v NULL deletes. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_object_setattr(SpObject *o, SpObject *name, SpObject *v);
SP_FUNC SP_MAY_RAISE int sp_object_setattr_str(SpObject *o, const char *name, SpObject *v);
// The default tp_getattro / tp_setattro (object.__getattribute__/__setattr__):
// data descriptors on the type, then the instance __dict__, then other
// descriptors and class attributes.
SP_FUNC SP_MAY_RAISE SpObject *sp_object_generic_getattr(SpObject *o, SpObject *name);
SP_FUNC SP_MAY_RAISE int sp_object_generic_setattr(SpObject *o, SpObject *name, SpObject *v);
// sp_object_get_method(o, name, &meth): for LOAD_METHOD. If the attribute is
// a plain function found on the type (unbound method case), stores it (new
// reference) in *meth and returns 1: call it with o prepended. Otherwise
// stores the bound attribute in *meth and returns 0. Returns -1 on error
// (AttributeError included), *meth NULL.
SP_FUNC SP_MAY_RAISE int sp_object_get_method(SpObject *o, SpObject *name, SpObject **meth);
// The address of o's __dict__ slot, or NULL if instances have none.
SP_FUNC SpObject **sp_object_dict_ptr(SpObject *o);
// dir(o) minimal: sorted list of attribute names. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_object_dir(SpObject *o);
// type(o).__name__ as a C string (borrowed, lives as long as the type).
SP_FUNC const char *sp_object_type_name(SpObject *o);

// --- Calls (core/call.c) ------------------------------------------------------

// The vector call entry point (see object.h); kwnames is a tuple of str or
// NULL. Uses the callable's vectorcall pointer when it has one, else tp_call
// with a tuple and dict built on the fly. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_vectorcall(SpObject *callable, SpObject *const *args,
                                            size_t nargsf, SpObject *kwnames);
// callable(*args, **kwargs): args a tuple (NULL = ()), kwargs a dict or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_call(SpObject *callable, SpObject *args, SpObject *kwargs);
// callable() / callable(arg) / callable(a, b) shorthands.
SP_FUNC SP_MAY_RAISE SpObject *sp_call_noargs(SpObject *callable);
SP_FUNC SP_MAY_RAISE SpObject *sp_call_one_arg(SpObject *callable, SpObject *arg);
SP_FUNC SP_MAY_RAISE SpObject *sp_call_two_args(SpObject *callable, SpObject *a, SpObject *b);
// o.name(args...) with nargs positional arguments (no keywords).
SP_FUNC SP_MAY_RAISE SpObject *sp_call_method(SpObject *o, SpObject *name, SpObject *const *args,
                                             ssize_t nargs);
SP_FUNC SP_MAY_RAISE SpObject *sp_call_method_str(SpObject *o, const char *name,
                                                 SpObject *const *args, ssize_t nargs);
// callable(o): 1 if o can be called.
SP_FUNC int sp_callable_check(SpObject *o);
// Look up special method `name` on type(o) (not the instance) and call it
// bound to o with the given arguments. Returns NULL with *no* exception set
// and sets *found = 0 if the type lacks it.
SP_FUNC SP_MAY_RAISE SpObject *sp_call_special(SpObject *o, SpObject *name, SpObject *const *args,
                                              ssize_t nargs, int *found);
// Helpers for tp_call implementations: the vectorcall of a tp_call type and
// the reverse. tp_call(self, args_tuple, kwargs_dict) from fast arguments:
SP_FUNC SP_MAY_RAISE SpObject *sp_vectorcall_via_tp_call(SpObject *callable,
                                                        SpObject *const *args, size_t nargsf,
                                                        SpObject *kwnames);
// Convert vector call keywords to a dict (new reference) / back.
SP_FUNC SP_MAY_RAISE SpObject *sp_kwnames_to_dict(SpObject *const *kwvalues, SpObject *kwnames);

// --- Numbers (core/number.c) -------------------------------------------------

// Binary operators with CPython's dispatch (subclass first, reflected
// operand, NotImplemented, then sequence concat/repeat for + and *). TypeError
// "unsupported operand type(s) for +: 'int' and 'str'" when nobody handles it.
SP_FUNC SP_MAY_RAISE SpObject *sp_number_add(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_subtract(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_multiply(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_matrix_multiply(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_true_divide(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_floor_divide(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_remainder(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_divmod(SpObject *a, SpObject *b);
// pow(a, b, m); m is None (sp_None) for two-argument pow.
SP_FUNC SP_MAY_RAISE SpObject *sp_number_power(SpObject *a, SpObject *b, SpObject *m);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_lshift(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_rshift(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_and(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_or(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_xor(SpObject *a, SpObject *b);
// In-place forms (a += b): try nb_inplace_*, then the binary form.
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_add(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_subtract(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_multiply(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_matrix_multiply(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_true_divide(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_floor_divide(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_remainder(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_power(SpObject *a, SpObject *b, SpObject *m);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_lshift(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_rshift(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_and(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_or(SpObject *a, SpObject *b);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_inplace_xor(SpObject *a, SpObject *b);
// Unary operators: -a, +a, ~a, abs(a).
SP_FUNC SP_MAY_RAISE SpObject *sp_number_negative(SpObject *a);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_positive(SpObject *a);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_invert(SpObject *a);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_absolute(SpObject *a);
// operator.index(o): an exact int (new reference) or TypeError
// "'str' object cannot be interpreted as an integer".
SP_FUNC SP_MAY_RAISE SpObject *sp_number_index(SpObject *o);
// o.__index__() as ssize_t; on overflow raises `exc` (e.g. IndexError
// "cannot fit 'int' into an index-sized integer") or, if exc is NULL,
// clamps to SSIZE_MIN/SSIZE_MAX. -1 with an exception on error.
SP_FUNC SP_MAY_RAISE ssize_t sp_number_as_ssize(SpObject *o, SpTypeObject *exc);
// int(o) / float(o) conversions (nb_int/__index__/__trunc__, nb_float).
SP_FUNC SP_MAY_RAISE SpObject *sp_number_long(SpObject *o);
SP_FUNC SP_MAY_RAISE SpObject *sp_number_float(SpObject *o);
// 1 if o supports __index__.
SP_FUNC int sp_index_check(SpObject *o);

// --- Sequences, mappings, iteration (core/abstract.c) -------------------------

// len(o): -1 with TypeError "object of type 'int' has no len()".
SP_FUNC SP_MAY_RAISE ssize_t sp_object_length(SpObject *o);
// o[key], o[key] = v, del o[key] through mp_* then sq_* (int keys made
// non-negative by adding len for sq_item), __class_getitem__ for types.
SP_FUNC SP_MAY_RAISE SpObject *sp_object_getitem(SpObject *o, SpObject *key);
SP_FUNC SP_MAY_RAISE int sp_object_setitem(SpObject *o, SpObject *key, SpObject *v);
SP_FUNC SP_MAY_RAISE int sp_object_delitem(SpObject *o, SpObject *key);
// x in o: 1, 0 or -1 (sq_contains, else iteration comparing with ==).
SP_FUNC SP_MAY_RAISE int sp_sequence_contains(SpObject *o, SpObject *x);
// iter(o): tp_iter, else the sequence protocol (__getitem__ from 0).
// TypeError "'int' object is not iterable".
SP_FUNC SP_MAY_RAISE SpObject *sp_object_get_iter(SpObject *o);
// next(it): the next item (new reference); NULL with *no* exception when
// exhausted (a StopIteration raised by a Python __next__ is swallowed here);
// NULL with an exception on error.
SP_FUNC SP_MAY_RAISE SpObject *sp_iter_next(SpObject *it);
// 1 if o has tp_iternext.
SP_FUNC int sp_iter_check(SpObject *o);
// list(o) / tuple(o) of any iterable: new reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_sequence_list(SpObject *o);
SP_FUNC SP_MAY_RAISE SpObject *sp_sequence_tuple(SpObject *o);
// o.__length_hint__ / len, or `dflt`. -1 on error.
SP_FUNC SP_MAY_RAISE ssize_t sp_object_length_hint(SpObject *o, ssize_t dflt);
// An iterable's items as a borrowed C array, materialising a list when o is
// not a list or tuple: *keep receives what must be released (new reference).
SP_FUNC SP_MAY_RAISE SpObject *const *sp_sequence_fast(SpObject *o, ssize_t *n, SpObject **keep,
                                                      const char *errmsg);

// --- Recursive repr guard (core/abstract.c) -------------------------------------

// sp_repr_enter(o): as CPython's Py_ReprEnter: 0 the first time o's repr is
// entered (then pair with sp_repr_leave(o)), 1 if o's repr is already being
// built further up the C stack (print "[...]" and do not call leave), -1 on
// error.
SP_FUNC SP_MAY_RAISE int sp_repr_enter(SpObject *o);
// sp_repr_leave(o): end what sp_repr_enter(o) returning 0 began. Keeps any
// exception set.
SP_FUNC void sp_repr_leave(SpObject *o);

#endif  // SP_CORE_ABSTRACT_H
