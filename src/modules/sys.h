// smallpy: the sys module and the standard streams. Counterpart: CPython
// 3.11 Python/sysmodule.c (and the text-file parts of Modules/_io).
#ifndef SP_MODULES_SYS_H
#define SP_MODULES_SYS_H

#include "core/object.h"

// sys.<name>, borrowed (valid until sys.<name> is reassigned), or NULL with
// no exception set if missing.
SP_FUNC SpObject *sp_sys_get_borrow(const char *name);
// Write a C string / a str object to sys.stdout or sys.stderr via its
// write() method (falling back to fd 1/2 when unusable). 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_sys_write_stdout(const char *s);
SP_FUNC SP_MAY_RAISE int sp_sys_write_stderr(const char *s);
// file.write(s) for any file-like object; s a str. 0 or -1.
SP_FUNC SP_MAY_RAISE int sp_file_write_object(SpObject *file, SpObject *s);
SP_FUNC SP_MAY_RAISE int sp_file_write_cstr(SpObject *file, const char *s);
// Read one line from sys.stdin (including its newline; "" at EOF). New str
// or NULL. Used by input().
SP_FUNC SP_MAY_RAISE SpObject *sp_sys_readline_stdin(void);
// Flush sys.stdout and sys.stderr (errors ignored).
SP_FUNC void sp_sys_flush_std(void);
// The sys module, new reference (created once by the VM at start-up).
SP_FUNC SP_MAY_RAISE SpObject *sp_sys_module_init(int argc, char **argv);
// sys.displayhook(v): the REPL's echo of expression values.
SP_FUNC SP_MAY_RAISE int sp_sys_displayhook(SpObject *v);

#endif  // SP_MODULES_SYS_H
