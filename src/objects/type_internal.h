// smallpy: internals shared by the files of the type system only
// (core/object.c, core/call.c, objects/{type,typeslots,descr,cfunc,...}.c):
// the slot definition table that links special method names to C slots,
// and a few functions the type machinery compares slot pointers against.
#ifndef SP_OBJECTS_TYPE_INTERNAL_H
#define SP_OBJECTS_TYPE_INTERNAL_H

#ifndef SP_TYPE_INTERNAL
#error "objects/type_internal.h is private to the type system"
#endif

#include "core/object.h"

// Which table of a type holds a slot.
enum { SP_SLOT_TP, SP_SLOT_NB, SP_SLOT_SQ, SP_SLOT_MP };

struct SpSlotDef;

// A slot wrapper's C side: call the C slot `wrapped` for `self` with the
// arguments of a Python-level call (vector call convention). New reference
// or NULL.
typedef SpObject *(*SpWrapperFunc)(SpObject *self, SpObject *const *args, ssize_t nargs,
                                   SpObject *kwnames, void *wrapped,
                                   const struct SpSlotDef *def);

// One special method name mapped to one C slot, as CPython's slotdefs. A
// slot may have several names (nb_add: __add__ and __radd__; tp_richcompare:
// __lt__ ... __ge__), and a name several slots (__getitem__: mp_subscript
// and sq_item); entries for one slot are adjacent.
typedef struct SpSlotDef {
    const char *name;
    int table;              // SP_SLOT_*
    int offset;             // byte offset of the slot in its table
    void *function;         // the generic slot for heap types, or NULL
    SpWrapperFunc wrapper;  // NULL: no slot wrapper for this entry
    int op;                 // rich comparison operator, or 0
    int keywords;           // the wrapper takes keyword arguments
    const char *doc;
    SpObject *name_str;     // interned name, filled by sp_slots_init
} SpSlotDef;

// Intern the names of the slot table. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_slots_init(void);
// Static types: add a slot wrapper to t->tp_dict for each of t's own
// non-NULL slots (before inheritance), __hash__ = None for unhashable types,
// and __new__ for tp_new. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_slots_add_wrappers(SpTypeObject *t);
// Heap types: compute every C slot from the special methods found along
// the MRO (generic dispatchers, or a base's C function when the name
// resolves to that base's unchanged slot wrapper).
SP_FUNC void sp_slots_fixup(SpTypeObject *t);
// Heap type t's attribute `name` changed: recompute the slots it feeds.
// Returns 1 if name is a special method name of the slot table.
SP_FUNC int sp_slots_update(SpTypeObject *t, SpObject *name);
// The address of slot `def` in t, or NULL when t lacks that table.
SP_FUNC void **sp_slot_ptr(SpTypeObject *t, const SpSlotDef *def);

// The built-in function behind static types' __new__ (bound to the type):
// T.__new__(S, *args) checks S and calls T's tp_new.
extern const SpMethodDef sp_tp_new_wrapper_def;

// object's own slots, compared against by the type machinery.
SP_FUNC SpObject *sp_baseobject_new(SpTypeObject *type, SpObject *args, SpObject *kwargs);
SP_FUNC int sp_baseobject_init(SpObject *self, SpObject *args, SpObject *kwargs);
SP_FUNC SpObject *sp_baseobject_richcompare(SpObject *a, SpObject *b, int op);
SP_FUNC SpHash sp_baseobject_hash(SpObject *o);
// The generic heap-type dispatchers that type.c recognises.
SP_FUNC int sp_slot_tp_init(SpObject *self, SpObject *args, SpObject *kwargs);
SP_FUNC SpObject *sp_slot_tp_getattr_hook(SpObject *self, SpObject *name);

// Heap type helpers of type.c.
// sp_type_subclasses_foreach(t, f, arg): call f(sub, arg) for each direct
// subclass still alive. Stops at and returns the first non-zero result.
SP_FUNC int sp_type_subclasses_foreach(SpTypeObject *t, int (*f)(SpTypeObject *, void *),
                                       void *arg);
// Allocate an instance of t with nitems items, GC-tracked when t is a GC
// heap type. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_type_generic_alloc(SpTypeObject *t, ssize_t nitems);
// tp_dealloc of heap types.
SP_FUNC void sp_subtype_dealloc(SpObject *self);
// type.__call__ without the one-argument type(x) special case.
SP_FUNC SP_MAY_RAISE SpObject *sp_type_call(SpObject *type, SpObject *args, SpObject *kwargs);

// type.__module__ as an object (new reference; may be any object for heap
// types), or NULL with an exception.
SP_FUNC SP_MAY_RAISE SpObject *sp_type_module(SpTypeObject *t);
// The most derived base of t that adds C fields (instance layout), as
// CPython's solid_base. Heap types never add fields but the dict slot.
SP_FUNC SpTypeObject *sp_type_solid_base(SpTypeObject *t);
// Set on a class whose __abstractmethods__ was assigned a non-empty value
// (abc.ABCMeta does that); such classes cannot be instantiated. Private
// bit, unused in object.h, as CPython's Py_TPFLAGS_IS_ABSTRACT.
#define SP_TPFLAGS_IS_ABSTRACT (1u << 20)
// Raise "Can't instantiate abstract class C with abstract method(s) ...".
// Returns NULL.
SP_FUNC SpObject *sp_type_abstract_error(SpTypeObject *t);
// type.__new__(metatype, name, bases, dict, **kwds): the tp_new of type.
SP_FUNC SP_MAY_RAISE SpObject *sp_type_new(SpTypeObject *metatype, SpObject *args,
                                          SpObject *kwargs);
// Forget sub in base's list of subclasses (a class being freed).
SP_FUNC void sp_type_remove_subclass(SpTypeObject *base, SpTypeObject *sub);
// Release the member table a class built for its __slots__.
SP_FUNC void sp_type_free_slot_members(SpTypeObject *t);
// __dict__ of instances (getset functions): the dict, created on demand.
SP_FUNC SP_MAY_RAISE SpObject *sp_object_get_dict_attr(SpObject *self, void *closure);
SP_FUNC SP_MAY_RAISE int sp_object_set_dict_attr(SpObject *self, SpObject *value,
                                                 void *closure);
// The attribute names of a class and its bases (list, unsorted). New ref.
SP_FUNC SP_MAY_RAISE SpObject *sp_type_dir_names(SpObject *type);

// type.__or__ and UnionType.__or__: `int | None` (objects/union.c).
SP_FUNC SpObject *sp_union_or(SpObject *a, SpObject *b);

// The qualified name of a callable for error messages ("list.append", "len"),
// as CPython's _PyObject_FunctionStr but without the parentheses. New str.
SP_FUNC SP_MAY_RAISE SpObject *sp_cfunction_qualname(SpObject *func);

// Call method table entry ml's C function for self with vector call
// arguments, checking the argument count its convention implies; `who` (a
// built-in function or method descriptor) names the callable in errors.
SP_FUNC SP_MAY_RAISE SpObject *sp_ml_call(const SpMethodDef *ml, SpObject *self,
                                         SpObject *const *args, ssize_t nargs,
                                         SpObject *kwnames, SpObject *who);
// tp_call for types whose instances carry a vectorcall pointer: converts the
// tuple and dict and calls through the pointer.
SP_FUNC SP_MAY_RAISE SpObject *sp_vectorcall_call(SpObject *callable, SpObject *args,
                                                 SpObject *kwargs);

// Descriptor argument checks shared by method and wrapper descriptors:
// "descriptor 'x' for 'T' objects doesn't apply to a 'U' object". 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_descr_check_self(SpObject *descr, SpObject *obj);

#endif  // SP_OBJECTS_TYPE_INTERNAL_H
