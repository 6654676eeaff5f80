// smallpy: start-up and shut-down of the whole runtime, in dependency order:
// memory, str, types, the int cache, exceptions, the VM, sys. Counterpart:
// CPython 3.11 Python/pylifecycle.c.
#ifndef SP_CORE_RUNTIME_H
#define SP_CORE_RUNTIME_H

#include "core/object.h"

// sp_runtime_init(argc, argv): bring everything up, applying -X options
// already parsed into sp_options (core/options.h). argv becomes sys.argv.
// 0, or -1 after printing why.
SP_FUNC int sp_runtime_init(int argc, char **argv);
// sp_runtime_fini(): flush the streams, write instrumentation requested by
// -X options, release the runtime.
SP_FUNC void sp_runtime_fini(void);

// The command line sys.argv is built from (set by sp_runtime_init before
// the VM starts; the VM passes them to sp_sys_module_init).
extern int sp_runtime_argc;
extern char **sp_runtime_argv;

#endif  // SP_CORE_RUNTIME_H
