// smallpy: code objects, the compiler's output and the VM's input.
// Counterpart: CPython 3.11 Objects/codeobject.c, Include/cpython/code.h.
#ifndef SP_OBJECTS_CODE_H
#define SP_OBJECTS_CODE_H

#include <stdint.h>

#include "compiler/opcodes.h"
#include "core/object.h"

// co_flags, CPython's values.
enum {
    SP_CO_OPTIMIZED = 0x1,   // fast locals (function bodies)
    SP_CO_NEWLOCALS = 0x2,
    SP_CO_VARARGS = 0x4,     // has *args
    SP_CO_VARKEYWORDS = 0x8, // has **kwargs
    SP_CO_NESTED = 0x10,
    SP_CO_GENERATOR = 0x20,
    SP_CO_NOFREE = 0x40,     // no cell or free slots
    SP_CO_COROUTINE = 0x80,
};

// Kinds of localsplus slots (co_localspluskinds), CPython's values. A slot
// can be LOCAL|CELL: an argument captured by an inner function.
enum { SP_FAST_LOCAL = 0x20, SP_FAST_CELL = 0x40, SP_FAST_FREE = 0x80 };

// Source span of one instruction (1-based lines, 0-based UTF-8 byte columns,
// as CPython's co_positions()); line -1 when an instruction has none.
typedef struct SpCodePosition {
    int32_t line, end_line;
    int32_t col, end_col;
} SpCodePosition;

// One exception-table entry: an exception raised by an instruction in
// [start, end) unwinds the value stack to `depth` items, pushes the
// instruction index as an int if `lasti`, pushes the exception and jumps to
// `target`. Entries are searched in order; the first that covers the
// instruction wins (the compiler emits inner handlers first).
typedef struct SpExceptEntry {
    uint32_t start, end, target;
    uint16_t depth;
    uint8_t lasti;
} SpExceptEntry;

typedef struct SpCodeObject {
    SP_OBJECT_HEAD;
    SpInstr *co_code;             // co_ncode instructions (owned)
    ssize_t co_ncode;
    SpCodePosition *co_positions; // co_ncode entries (owned)
    SpExceptEntry *co_exceptiontable;  // co_nexcept entries (owned)
    ssize_t co_nexcept;
    SpObject *co_consts;          // tuple
    SpObject *co_names;           // tuple of str: globals, attributes, imports
    // Fast slots: arguments first (positional-only, positional, keyword-only,
    // *args, **kwargs), then other locals, then cells that are not arguments,
    // then free variables, as CPython 3.11.
    SpObject *co_localsplusnames; // tuple of str
    uint8_t *co_localspluskinds;  // co_nlocalsplus bytes (owned)
    int co_nlocalsplus;
    int co_nlocals;               // slots with SP_FAST_LOCAL
    int co_ncellvars, co_nfreevars;
    int co_argcount, co_posonlyargcount, co_kwonlyargcount;
    int co_stacksize;             // maximum value stack depth
    int co_flags;
    int co_firstlineno;
    SpObject *co_filename;        // str
    SpObject *co_name;            // str
    SpObject *co_qualname;        // str
    void *co_extra;               // VM-owned per-code data (inline caches), freed by the VM
} SpCodeObject;

extern SpTypeObject SpCode_Type;
#define SP_CODE_CHECK(o) (SP_TYPE(o) == &SpCode_Type)

// sp_code_new(): an empty code object (all fields zero/NULL) for the
// assembler to fill. New reference or NULL.
SP_FUNC SP_MAY_RAISE SpCodeObject *sp_code_new(void);
// The source line of instruction `index` (-1 if none).
SP_FUNC int sp_code_line(SpCodeObject *co, ssize_t index);
// Release hook the VM installs for co_extra (called from code dealloc).
extern void (*sp_code_extra_free)(void *extra);

#endif  // SP_OBJECTS_CODE_H
