// smallpy: the virtual machine's interface: running code objects, calling
// functions, the builtins namespace. Counterpart: CPython 3.11
// Python/ceval.c, Python/bltinmodule.c.
#ifndef SP_VM_VM_H
#define SP_VM_VM_H

#include "core/object.h"

// sp_vm_init(): set up the value stack, the builtins module and the sys
// module. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_vm_init(void);
// sp_vm_fini(): release what sp_vm_init made (for leak checks).
SP_FUNC void sp_vm_fini(void);
// Run a module-level code object in globals (a dict; __builtins__ is added
// if missing) with locals (a mapping, usually globals). New reference or NULL.
SP_FUNC SP_MAY_RAISE SpObject *sp_eval_code(SpObject *code, SpObject *globals, SpObject *locals);
// The builtins module's dict, borrowed.
SP_FUNC SpObject *sp_builtins_dict_borrow(void);
// The builtins module (vm/builtins.c creates it), new reference.
SP_FUNC SP_MAY_RAISE SpObject *sp_builtins_module_init(void);
// The function behind the vector call protocol for Python functions.
SP_FUNC SP_MAY_RAISE SpObject *sp_function_vectorcall(SpObject *func, SpObject *const *args,
                                                     size_t nargsf, SpObject *kwnames);
// Globals of the innermost running frame (borrowed) or NULL; for globals(),
// locals(), vars(), super().
SP_FUNC SpObject *sp_vm_current_globals_borrow(void);
SP_FUNC SP_MAY_RAISE SpObject *sp_vm_current_locals(void);  // new reference

// __build_class__(func, name, *bases, metaclass=None, **kwds): the builtin
// behind the class statement (vm/ owns it; builtins.c registers it).
SP_FUNC SP_MAY_RAISE SpObject *sp_vm_build_class(SpObject *self, SpObject *const *args,
                                                ssize_t nargs, SpObject *kwnames);
// For zero-argument super(): the class from the running function's
// __class__ cell and its first argument. 0, or -1 with RuntimeError
// ("super(): no arguments", "super(): __class__ cell not found").
SP_FUNC SP_MAY_RAISE int sp_vm_super_args(SpTypeObject **type, SpObject **obj);

// The builtins namespace code running in `globals` sees: the dict (or the
// module's dict) under globals['__builtins__'], else the interpreter's.
// Borrowed; never fails (a lookup error is cleared).
SP_FUNC SpObject *sp_vm_builtins_from_globals_borrow(SpObject *globals);

// sys._getframe(depth): a snapshot frame object (f_code, f_lineno, f_lasti,
// f_globals; f_back is None) of the depth-th frame from the innermost. New
// reference, or NULL with ValueError "call stack is not deep enough".
SP_FUNC SP_MAY_RAISE SpObject *sp_vm_getframe(int depth);
// The line the innermost Python frame is executing, or -1 without one.
SP_FUNC int sp_vm_current_line(void);

#endif  // SP_VM_VM_H
