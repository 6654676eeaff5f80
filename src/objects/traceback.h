// smallpy: traceback objects and printing exceptions the way CPython 3.11
// does (chained exceptions, source lines, caret lines).
// Counterpart: CPython 3.11 Python/traceback.c, Lib/traceback.py.
#ifndef SP_OBJECTS_TRACEBACK_H
#define SP_OBJECTS_TRACEBACK_H

#include "core/object.h"

typedef struct SpTracebackObject {
    SP_OBJECT_HEAD;
    struct SpTracebackObject *tb_next;  // the frame called from this one, or NULL
    SpObject *tb_code;   // the code object that was running
    int tb_lasti;        // instruction index being executed
    int tb_lineno;
} SpTracebackObject;

extern SpTypeObject SpTraceback_Type;

// sp_traceback_here(code, lasti): prepend an entry for (code, lasti) to the
// current exception's __traceback__, as an exception leaves a frame. 0 or -1.
SP_FUNC int sp_traceback_add(SpObject *code, int lasti);
// Print exc with its traceback and chained exceptions to sys.stderr (or fd 2
// if that fails) exactly as CPython 3.11's default excepthook.
SP_FUNC void sp_traceback_print_exception(SpObject *exc);

#endif  // SP_OBJECTS_TRACEBACK_H
