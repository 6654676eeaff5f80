// smallpy: the eval loop's out-of-line opcode bodies (vm/ops.c): the slow
// paths and rarely executed instructions, kept out of eval.c so the loop
// stays small enough to sit in registers and cache. Private to src/vm.
#ifndef SP_VM_OPS_H
#define SP_VM_OPS_H

#ifndef SP_VM_INTERNAL
#error "vm/ops.h is private to src/vm"
#endif

#include "vm/frame.h"

// Errors for empty slots: UnboundLocalError / NameError with 3.11's text.
void sp_op_unbound_local(SpCodeObject *co, int slot);
void sp_op_unbound_deref(SpCodeObject *co, int slot);
// NameError "name 'x' is not defined" with .name set.
void sp_op_name_error(SpObject *name);

// a <op> b for any BINARY_OP argument. New reference or NULL.
SpObject *sp_op_binary(int op, SpObject *a, SpObject *b);

// LOAD_GLOBAL without a valid cache: globals, then builtins; refills e.
// Borrowed result or NULL (NameError or another error set).
SpObject *sp_op_load_global(SpFrame *f, SpCacheEntry *e);
// LOAD_NAME: locals, globals, builtins. New reference or NULL.
SpObject *sp_op_load_name(SpFrame *f, SpObject *name);
// LOAD_CLASSDEREF: the class namespace, then the cell. New reference or NULL.
SpObject *sp_op_load_classderef(SpFrame *f, int slot);
// STORE_NAME / DELETE_NAME. 0 or -1.
int sp_op_store_name(SpFrame *f, SpObject *name, SpObject *v);
int sp_op_delete_name(SpFrame *f, SpObject *name);
int sp_op_delete_global(SpFrame *f, SpObject *name);
int sp_op_setup_annotations(SpFrame *f);

// Describe (tp, e->name) in way 0 of e (the old way 0 moves to way 1) and
// return it; NULL if tp cannot be cached (no version tag). Never raises.
SpAttrCache *sp_op_fill_attr_cache(SpCacheEntry *e, SpTypeObject *tp, int for_store);
// LOAD_ATTR / LOAD_METHOD through a matching cache way. Returns the
// attribute (new reference), or NULL with no exception when the way cannot
// answer (fall back to the generic path), or NULL with one. For LOAD_METHOD
// *is_method says whether the unbound function was returned (to be called
// with owner prepended).
SpObject *sp_op_attr_from_cache(SpAttrCache *ac, SpCacheEntry *e, SpObject *owner,
                                int want_method, int *is_method);

// RAISE_VARARGS: raise exc (from cause); both stolen, may be NULL. Returns
// 1 for a bare re-raise (no traceback entry to add), else 0; an exception is
// set either way.
int sp_op_do_raise(SpObject *exc, SpObject *cause);
// CHECK_EXC_MATCH's validation of the except clause: 0 or -1 (TypeError).
int sp_op_check_except_type(SpObject *type);

// Unpack v into argcnt items (+ a list + argcntafter items when
// argcntafter >= 0), writing downwards from sp (item 0 ends at sp[-1]).
// 0 or -1.
int sp_op_unpack(SpObject *v, int argcnt, int argcntafter, SpObject **sp);

// MAKE_FUNCTION: sp points just above the optional items (flags as the
// opcode). Steals code and the items. New reference or NULL.
SpObject *sp_op_make_function(SpObject *code, SpObject *globals, int flags, SpObject **items);
SpObject *sp_op_format_value(SpObject *v, SpObject *spec, int conversion);
SpObject *sp_op_build_string(SpObject **items, ssize_t n);
SpObject *sp_op_build_map(SpObject **items, ssize_t n);
SpObject *sp_op_build_const_key_map(SpObject **values, ssize_t n, SpObject *keys);
SpObject *sp_op_build_set(SpObject **items, ssize_t n);
int sp_op_list_extend(SpObject *list, SpObject *iterable);
int sp_op_dict_update(SpObject *dict, SpObject *update);
int sp_op_dict_merge(SpObject *dict, SpObject *update, SpObject *func);
SpObject *sp_op_call_function_ex(SpObject *func, SpObject *args, SpObject *kwargs);
// BEFORE_WITH: *exit receives the bound __exit__; returns __enter__().
SpObject *sp_op_before_with(SpObject *mgr, SpObject **exit);
SpObject *sp_op_with_except_start(SpObject *exit, SpObject *exc);
SpObject *sp_op_get_yield_from_iter(SpObject *o);
// YIELD_FROM's send: 1 yielded (*out), 0 finished (*out = return value),
// -1 error. Borrows it and v.
int sp_op_send(SpObject *it, SpObject *v, SpObject **out);
// type(o).__name__ lookup of special method, bound. NULL with no exception
// if missing.
SpObject *sp_op_lookup_special(SpObject *o, SpObject *name);

#endif  // SP_VM_OPS_H
